// title: Who sanctions whom
// description: Sanctions imposed between actors; give an actor to see both the sanctions it imposes and
//   those it is under.
// params: actor: str = null, limit: int = 200
// param actor: only sanctions imposed by or on this actor (name, alias or id); empty for all
// param limit: at most this many rows, strongest evidence first
// view: table, graph
MATCH (s)-[r:SANCTIONS]->(t)
WHERE $actor IS NULL OR any(x IN [s, t] WHERE x.id = $actor OR toLower(x.name) = toLower($actor)
      OR toLower($actor) IN [al IN coalesce(x.aliases, []) | toLower(al)])
// the strongest first, before reading names for the rows shown only
WITH s, r, t ORDER BY r.claims DESC, r.last_reported DESC LIMIT $limit
RETURN s AS imposer, r AS sanctions, t AS target, r.claims AS claims, r.since AS since,
       r.first_reported AS first_reported, r.last_reported AS last_reported
ORDER BY r.claims DESC, r.last_reported DESC, s.name, t.name
