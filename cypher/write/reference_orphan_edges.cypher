// Delete aggregated edges of $keys that no claim supports any more (edges with claims were recomputed;
// recomputing them also removed their ends' precomputed strongest neighbours).
UNWIND $keys AS k
MATCH (s:Actor {id: k.source})-[r]->(t:Actor {id: k.target})
WHERE type(r) = k.type AND NOT EXISTS { MATCH (c:Claim {key: k.key}) WHERE c.negated = false }
DELETE r
