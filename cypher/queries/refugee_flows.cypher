// title: Refugee flows
// description: Where refugees from a country are reported fleeing to (or, with no country, every flow).
// params: origin: str = null, limit: int = 200
// param origin: country refugees flee from (name, alias or id); empty for all
// param limit: at most this many rows, strongest evidence first
// view: table, graph
MATCH (o:Actor)-[r:REFUGEES_FLEE_TO]->(d:Actor)
WHERE $origin IS NULL OR o.id = $origin OR toLower(o.name) = toLower($origin)
   OR toLower($origin) IN [x IN coalesce(o.aliases, []) | toLower(x)]
RETURN o AS origin, r AS flow, d AS destination, r.claims AS claims, r.sources AS sources,
       r.first_reported AS first_reported, r.last_reported AS last_reported
ORDER BY r.claims DESC, o.name, d.name
LIMIT $limit
