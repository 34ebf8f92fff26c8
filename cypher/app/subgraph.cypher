// The actors with these ids and the filtered edges among them (each edge once, strongest first).
MATCH (s:Actor) WHERE s.id IN $ids
WITH collect(s) AS actors
CALL (actors) {
  UNWIND actors AS s
  MATCH (s)-[r:{{types}}]->(t:Actor)
  WHERE t.id IN $ids AND {{edge_filter}}
  RETURN s.id AS source, type(r) AS type, t.id AS target, properties(r) AS props
  ORDER BY r.claims DESC LIMIT $limit
}
WITH actors, collect({source: source, type: type, target: target, props: props}) AS edges
RETURN [a IN actors | a {.id, .name, .kind, .aliases, .iso2, .iso3}] AS nodes, edges
