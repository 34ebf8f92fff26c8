// Neighbours of each given actor over the allowed relation types, strongest edges first, bounded by
// $limit per actor; `total` is how many there are in all, for the "N more not shown" notice.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
OPTIONAL CALL (a) {
  MATCH (a)-[r:{{types}}]-(b:Actor)
  WHERE b.kind IN $kinds AND {{edge_filter}}
  RETURN b.id AS neighbour ORDER BY r.claims DESC, b.id LIMIT $limit
}
WITH a, collect(DISTINCT neighbour) AS neighbours
RETURN a.id AS id, neighbours,
       COUNT { MATCH (a)-[r:{{types}}]-(b:Actor) WHERE b.kind IN $kinds AND {{edge_filter}} } AS total
