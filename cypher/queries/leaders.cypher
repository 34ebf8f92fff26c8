// title: Who leads which organisation
// description: People reported as heading states, agencies, companies or groups, with their role and the
//   body the organisation belongs to.
// params: organisation: str = null, limit: int = 200
// param organisation: only leaders of this organisation (name, alias or id); empty for all
// param limit: at most this many rows, strongest evidence first
// view: table, graph
MATCH (p:Actor)-[r:LEADS]->(o:Actor)
WHERE $organisation IS NULL OR o.id = $organisation OR toLower(o.name) = toLower($organisation)
   OR toLower($organisation) IN [x IN coalesce(o.aliases, []) | toLower(x)]
OPTIONAL MATCH (o)-[:PART_OF]->(parent:Actor)
RETURN p AS leader, r AS leads, o AS organisation, coalesce(r.role, 'leader') AS role, r.since AS since,
       r.until AS until, parent AS part_of, r.claims AS claims
ORDER BY r.claims DESC, o.name, p.name
LIMIT $limit
