// title: Who leads which organisation
// description: People reported as heading states, agencies, companies or groups, with their role and the
//   body the organisation belongs to.
// params: organisation: str = null, limit: int = 200
// param organisation: only leaders of this organisation (name, alias or id); empty for all
// param limit: at most this many rows, strongest evidence first
// view: table, graph
MATCH (p)-[r:LEADS]->(o)
WHERE $organisation IS NULL OR o.id = $organisation OR toLower(o.name) = toLower($organisation)
   OR toLower($organisation) IN [x IN coalesce(o.aliases, []) | toLower(x)]
// the strongest first, before reading names and parents for the rows shown only
WITH p, r, o ORDER BY r.claims DESC, r.last_reported DESC LIMIT $limit
OPTIONAL MATCH (o)-[:PART_OF]->(parent:Actor)
WITH p, r, o, collect(DISTINCT parent) AS part_of
RETURN p AS leader, r AS leads, o AS organisation, coalesce(r.role, 'leader') AS role, r.since AS since,
       r.until AS until, part_of, r.claims AS claims
ORDER BY r.claims DESC, o.name, p.name
