// The actors with these ids and the filtered edges among them (each edge once, strongest first).
MATCH (s:Actor) WHERE s.id IN $ids
WITH collect(s) AS actors
CALL (actors) {
  UNWIND actors AS s
  MATCH (s)-[r:{{types}}]->(t:Actor)
  WHERE t.id IN $ids AND {{edge_filter}}
  WITH s, r, t ORDER BY r.claims DESC, s.id, t.id LIMIT $limit
  RETURN collect({source: s.id, type: type(r), target: t.id, props: properties(r)}) AS edges
}
RETURN [a IN actors | a {.id, .name, .kind, .aliases, .iso2, .iso3}] AS nodes, edges
