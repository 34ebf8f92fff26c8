// All shortest paths between two actors over the allowed relation types, at most {{max_hops}} hops
// (a number from a fixed list), every edge passing the filters; intermediate actors of allowed kinds.
MATCH (a:Actor {id: $source}), (b:Actor {id: $target})
MATCH p = allShortestPaths((a)-[:{{types}}*1..{{max_hops}}]-(b))
WHERE all(r IN relationships(p) WHERE {{edge_filter}})
  AND all(n IN nodes(p)[1..-1] WHERE n.kind IN $kinds)
RETURN [n IN nodes(p) | n.id] AS ids
LIMIT $limit
