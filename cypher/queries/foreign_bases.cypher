// title: Countries hosting foreign bases
// description: Host states and the foreign forces based on their territory.
// params: host: str = null, guest: str = null, limit: int = 200
// param host: only this host (name, alias or id); empty for all
// param guest: only bases of this foreign state or force; empty for all
// param limit: at most this many rows, strongest evidence first
// view: table, graph
MATCH (h:Actor)-[r:HOSTS_BASE_OF]->(g:Actor)
WHERE ($host IS NULL OR h.id = $host OR toLower(h.name) = toLower($host)
       OR toLower($host) IN [x IN coalesce(h.aliases, []) | toLower(x)])
  AND ($guest IS NULL OR g.id = $guest OR toLower(g.name) = toLower($guest)
       OR toLower($guest) IN [x IN coalesce(g.aliases, []) | toLower(x)])
RETURN h AS host, r AS base, g AS foreign_force, r.claims AS claims, r.sources AS sources,
       r.since AS since, r.last_reported AS last_reported
ORDER BY r.claims DESC, g.name, h.name
LIMIT $limit
