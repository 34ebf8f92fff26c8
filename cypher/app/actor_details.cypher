// One actor with its relations grouped by type and direction: counts and the strongest few neighbours.
MATCH (a:Actor {id: $id})
CALL (a) {
  MATCH (a)-[r:{{types}}]-(b:Actor)
  WITH type(r) AS type, startNode(r) = a AS outgoing, r, b ORDER BY r.claims DESC, b.name
  WITH type, outgoing, count(*) AS count, sum(r.claims) AS claims,
       collect({id: b.id, name: b.name, kind: b.kind, claims: r.claims})[..$sample] AS sample
  RETURN collect({type: type, outgoing: outgoing, count: count, claims: claims, sample: sample}) AS relations
}
RETURN a {.id, .name, .kind, .aliases, .iso2, .iso3} AS actor, relations,
       COUNT { (:Article)-[:MENTIONS]->(a) } AS articles
