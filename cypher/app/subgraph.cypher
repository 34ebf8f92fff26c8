// The actors with these ids and the filtered edges among them, each once, at most $limit: edges of the
// $anchors (the focused and expanded actors) first, since they are why the others are drawn, then the
// strongest. `total` and `anchored` count every edge among these actors, drawn or not.
// Nodes are compared as nodes (`t IN actors`), so a hub's relationships are walked without reading the
// actor at the other end; only the properties the canvas shows are returned, dates
// as ISO text (decoding thousands of driver dates costs more than the query).
MATCH (s:Actor) WHERE s.id IN $ids
WITH collect(s) AS actors
WITH actors, [a IN actors WHERE a.id IN $anchors] AS anchors
CALL (actors, anchors) {
  UNWIND actors AS s
  MATCH (s)-[r:{{types}}]->(t)
  WHERE t IN actors AND {{edge_filter}}
  WITH s, r, t, s IN anchors OR t IN anchors AS anchored
  ORDER BY anchored DESC, r.claims DESC, s.id, t.id
  RETURN count(*) AS total, sum(CASE WHEN anchored THEN 1 ELSE 0 END) AS anchored,
         collect([s, r, t])[..$limit] AS chosen
}
CALL (chosen) {
  UNWIND chosen AS e
  WITH e[0] AS s, e[1] AS r, e[2] AS t
  RETURN collect({source: s.id, type: type(r), target: t.id,
                  props: r {.claims, .confidence, .modality, .hedged, .reconciliation, .items, .since, .until,
                            .role, .news_claims, .reference_claims, first_reported: toString(r.first_reported),
                            last_reported: toString(r.last_reported)}}) AS edges
}
RETURN [a IN actors | a {.id, .name, .kind, .aliases, .iso2, .iso3}] AS nodes, edges, total, anchored
