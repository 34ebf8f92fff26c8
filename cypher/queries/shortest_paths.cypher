// title: Shortest paths between two actors
// description: Every shortest chain of relations (up to 6 hops, any direction) linking two actors.
// params: source: str = "Rosoboronexport", target: str = "Tajikistan"
// param source: where the path starts (name, alias or id)
// param target: where the path ends (name, alias or id)
// view: graph, table
MATCH (s:Actor)
WHERE s.id = $source OR toLower(s.name) = toLower($source)
   OR toLower($source) IN [x IN coalesce(s.aliases, []) | toLower(x)]
MATCH (t:Actor)
WHERE t.id = $target OR toLower(t.name) = toLower($target)
   OR toLower($target) IN [x IN coalesce(t.aliases, []) | toLower(x)]
WITH s, t WHERE s <> t
// actor-to-actor relations only (not claims or articles); the bound keeps the search finite
MATCH p = allShortestPaths((s)-[:MEMBER_OF|PART_OF|LEADS|ALLIED_WITH|SUPPLIES_ARMS_TO|MILITARY_SUPPORT_TO|JOINT_EXERCISE_WITH|HOSTS_BASE_OF|ATTACKED|THREATENS|CONTROLS|SANCTIONS|REFUGEES_FLEE_TO*..6]-(t))
RETURN p AS path, length(p) AS hops, [n IN nodes(p) | n.name] AS actors,
       [r IN relationships(p) | type(r)] AS relations
ORDER BY hops, actors
LIMIT 25
