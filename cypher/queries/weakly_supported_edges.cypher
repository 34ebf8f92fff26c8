// title: Weakly supported edges
// description: Relations backed only by news from few sources (outlets and the agencies they cite) and by no
//   reference data — the edges to check before relying on them.
// params: max_sources: int = 1, type: str = null, limit: int = 200
// param max_sources: at most this many distinct sources
// param type: only this relation type (e.g. SUPPLIES_ARMS_TO); empty for all
// param limit: at most this many rows, weakest first
// view: table, graph
// a scan of the actor relation types, not of every node
MATCH (s)-[r:MEMBER_OF|PART_OF|LEADS|ALLIED_WITH|SUPPLIES_ARMS_TO|MILITARY_SUPPORT_TO|JOINT_EXERCISE_WITH|HOSTS_BASE_OF|ATTACKED|THREATENS|CONTROLS|SANCTIONS|REFUGEES_FLEE_TO]->(t)
WHERE r.sources <= $max_sources AND coalesce(r.reference_claims, 0) = 0
  AND ($type IS NULL OR type(r) = toUpper($type))
// choose the rows on the edges' own properties first, then read names and a sentence for those only
WITH s, r, t ORDER BY r.sources, r.confidence, r.last_reported DESC LIMIT $limit
CALL (s, r, t) {
  MATCH (c:Claim {key: s.id + '|' + type(r) + '|' + t.id})
  WHERE NOT c.negated
  RETURN c.sentence AS evidence ORDER BY c.confidence DESC, c.sentence LIMIT 1
}
RETURN s AS source, r AS edge, t AS target, type(r) AS relation, r.sources AS sources, r.claims AS claims,
       r.confidence AS confidence, r.last_reported AS last_reported, evidence
ORDER BY r.sources, r.confidence, relation, s.name, t.name
