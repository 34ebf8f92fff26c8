// How many actors hold a precomputed list of their strongest neighbours (write/rank_strongest.cypher).
MATCH (a:Actor) WHERE a.strongest IS NOT NULL
RETURN count(a) AS ranked
