// Neighbours of each given actor when no filter narrows them: strongest edges first (top-k, reading
// only the relationships' claim counts), and the total from the node's degree (O(1) on dense nodes).
// Relation types only ever join two actors, so the other end needs no label check.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
OPTIONAL CALL (a) {
  MATCH (a)-[r:{{types}}]-(b)
  WITH r, b ORDER BY r.claims DESC, b.id LIMIT $limit
  RETURN collect(b.id) AS neighbours
}
RETURN a.id AS id, coalesce(neighbours, []) AS neighbours, COUNT { (a)-[:{{types}}]-() } AS total
