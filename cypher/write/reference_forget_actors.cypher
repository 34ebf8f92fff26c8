// Remove actors whose id starts with $prefix, with their claims and edges (used to clean up generated data).
MATCH (a:Actor) WHERE a.id STARTS WITH $prefix
OPTIONAL MATCH (c:Claim)-[:SUBJECT|OBJECT]->(a)
WITH collect(DISTINCT a) AS actors, collect(DISTINCT c) AS claims
FOREACH (c IN claims | DETACH DELETE c)
FOREACH (a IN actors | DETACH DELETE a)
RETURN size(actors) AS actors, size(claims) AS claims
