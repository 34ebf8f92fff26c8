// Delete aggregated edges of $keys that no claim supports any more (edges with claims were recomputed);
// the ends' precomputed strongest neighbours go with them.
UNWIND $keys AS k
MATCH (s:Actor {id: k.source})-[r]->(t:Actor {id: k.target})
WHERE type(r) = k.type AND NOT EXISTS { MATCH (c:Claim {key: k.key}) WHERE c.negated = false }
DELETE r
WITH s, t
FOREACH (n IN [x IN [s, t] WHERE x.strongest IS NOT NULL] | REMOVE n.strongest, n.strongest_limit)
