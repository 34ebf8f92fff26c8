// One actor with its relations grouped by type and direction: counts and the strongest few neighbours.
// Relation types only join actors and MENTIONS only comes from articles, so neither end needs a label
// check, and a hub's neighbours are read (names included) only for the few shown.
MATCH (a:Actor {id: $id})
CALL (a) {
  MATCH (a)-[r:{{types}}]-(b)
  WITH type(r) AS type, startNode(r) = a AS outgoing, r, b,
       // memberships are counted per role (the pair's latest; ended ones are former)
       CASE WHEN type(r) <> 'MEMBER_OF' THEN null
            WHEN r.role = 'former' OR r.until IS NOT NULL THEN 'former'
            WHEN r.role IN ['observer', 'partner'] THEN r.role
            ELSE 'member' END AS role
  ORDER BY r.claims DESC
  WITH type, outgoing, role, count(*) AS count, sum(r.claims) AS claims, collect([b, r.claims])[..$sample] AS top
  RETURN collect({type: type, outgoing: outgoing, role: role, count: count, claims: claims,
                  sample: [t IN top | {id: t[0].id, name: t[0].name, kind: t[0].kind, claims: t[1]}]}) AS relations
}
RETURN a {.id, .name, .kind, .aliases, .iso2, .iso3} AS actor, relations,
       COUNT { ()-[:MENTIONS]->(a) } AS articles
