// title: Who controls which territory
// description: Actors reported holding a country, region or province, with the evidence count and dates.
// params: territory: str = null, limit: int = 200
// param territory: only this territory (name, alias or id); empty for all
// param limit: at most this many rows, strongest evidence first
// view: table, graph
MATCH (a)-[r:CONTROLS]->(t)
WHERE $territory IS NULL OR t.id = $territory OR toLower(t.name) = toLower($territory)
   OR toLower($territory) IN [x IN coalesce(t.aliases, []) | toLower(x)]
// the strongest first, before reading names for the rows shown only
WITH a, r, t ORDER BY r.claims DESC, r.last_reported DESC LIMIT $limit
RETURN a AS controller, r AS control, t AS territory, a.kind AS controller_kind, r.claims AS claims,
       r.since AS since, r.first_reported AS first_reported, r.last_reported AS last_reported
ORDER BY r.claims DESC, t.name, a.name
