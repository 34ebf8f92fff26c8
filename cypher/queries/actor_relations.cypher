// title: All relations of an actor
// description: One-hop neighbourhood of an actor — every relation in or out — filtered by type, confidence
//   and whether offers and plans count.
// params: actor: str = "Russia", types: list[str] = [], min_confidence: float = 0.0, include_hedged: bool = true,
//   limit: int = 300
// param actor: name, alias or id of the actor
// param types: only these relation types (e.g. SUPPLIES_ARMS_TO, ATTACKED); empty for all
// param min_confidence: only relations with at least this confidence (0 to 1)
// param include_hedged: include relations known only from offers, plans or allegations
// param limit: at most this many relations
// view: table, graph
MATCH (x:Actor)
WHERE x.id = $actor OR toLower(x.name) = toLower($actor)
   OR toLower($actor) IN [al IN coalesce(x.aliases, []) | toLower(al)]
WITH x, [t IN $types | toUpper(t)] AS wanted
MATCH (x)-[r]-(n:Actor)
WHERE (size(wanted) = 0 OR type(r) IN wanted)
  AND coalesce(r.confidence, 0.0) >= $min_confidence
  AND ($include_hedged OR NOT coalesce(r.hedged, false))
RETURN x AS actor, r AS relation, n AS other, type(r) AS type,
       CASE WHEN startNode(r) = x THEN 'out' ELSE 'in' END AS direction, r.claims AS claims,
       r.confidence AS confidence, r.modality AS modality, r.last_reported AS last_reported
ORDER BY type, r.claims DESC, n.name
LIMIT $limit
