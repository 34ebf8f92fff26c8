// title: Armed groups that attacked a country, and who arms them
// description: Armed groups reported attacking a country or its forces, with the states and others that
//   supply them arms or military support.
// params: target: str = "Israel", limit: int = 200
// param target: the attacked country (name, alias or id)
// param limit: at most this many rows, strongest evidence first
// view: table, graph
MATCH (t:Actor)
WHERE t.id = $target OR toLower(t.name) = toLower($target)
   OR toLower($target) IN [x IN coalesce(t.aliases, []) | toLower(x)]
MATCH (g:ArmedGroup)-[att:ATTACKED]->(t)
OPTIONAL MATCH (s:Actor)-[sup:SUPPLIES_ARMS_TO|MILITARY_SUPPORT_TO]->(g)
RETURN g AS armed_group, att AS attack, t AS target, s AS backer, sup AS support,
       type(sup) AS support_type, sup.items AS items, att.claims AS attack_claims,
       att.last_reported AS last_attack_reported
ORDER BY att.claims DESC, g.name, sup.claims DESC, s.name
LIMIT $limit
