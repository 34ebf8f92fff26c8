// Neighbours of each given actor over every relation type with no filter: the strongest first. A busy
// actor's list is precomputed by the loader (write/rank_strongest.cypher) and read as one property; an
// actor without one (few relations, or edges written since the last ranking) has its relations read.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
OPTIONAL CALL (a) {
  WITH a WHERE a.strongest IS NULL OR a.strongest_limit < $limit  // no list: read the relations
  MATCH (a)-[r:{{types}}]-(b)
  WITH r, b ORDER BY r.claims DESC, b.id LIMIT $limit
  RETURN collect(b.id) AS neighbours
}
RETURN a.id AS id,
       CASE WHEN a.strongest_limit >= $limit THEN a.strongest[..$limit] ELSE coalesce(neighbours, []) END
         AS neighbours,
       COUNT { (a)-[:{{types}}]-() } AS total
