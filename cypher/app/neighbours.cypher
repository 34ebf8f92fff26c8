// Neighbours of each given actor over the allowed relation types and filters, strongest edges first
// (top-k: at most $limit per actor); `total` is how many relations pass, for "N more not shown".
UNWIND $ids AS id
MATCH (a:Actor {id: id})
OPTIONAL CALL (a) {
  MATCH (a)-[r:{{types}}]-(b:Actor)
  WHERE ($all_kinds OR b.kind IN $kinds) AND {{edge_filter}}
  WITH r, b ORDER BY r.claims DESC, b.id LIMIT $limit
  RETURN collect(b.id) AS neighbours
}
RETURN a.id AS id, coalesce(neighbours, []) AS neighbours,
       COUNT { MATCH (a)-[r:{{types}}]-(b:Actor) WHERE ($all_kinds OR b.kind IN $kinds) AND {{edge_filter}} } AS total
