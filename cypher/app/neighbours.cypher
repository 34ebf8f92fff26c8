// Neighbours of each given actor over the allowed relation types, strongest edges first, bounded by
// $limit per actor; `total` is how many there are in all, for the "N more not shown" notice (one scan).
UNWIND $ids AS id
MATCH (a:Actor {id: id})
OPTIONAL CALL (a) {
  MATCH (a)-[r:{{types}}]-(b:Actor)
  WHERE ($all_kinds OR b.kind IN $kinds) AND {{edge_filter}}
  WITH b.id AS neighbour, r.claims AS claims ORDER BY claims DESC, neighbour
  RETURN count(*) AS total, collect(DISTINCT neighbour)[..$limit] AS neighbours
}
RETURN a.id AS id, coalesce(neighbours, []) AS neighbours, coalesce(total, 0) AS total
