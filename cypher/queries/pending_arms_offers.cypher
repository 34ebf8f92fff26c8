// title: Arms offers and plans not yet confirmed
// description: Supply relations known only from offers, plans or allegations — no order or delivery
//   reported yet — newest first.
// params: since: date = null, limit: int = 200
// param since: only offers last reported on or after this day (YYYY-MM-DD); empty for all
// param limit: at most this many rows, newest first
// view: table, graph
MATCH (s)-[r:SUPPLIES_ARMS_TO]->(t)
WHERE r.hedged AND ($since IS NULL OR r.last_reported >= $since)
// the newest first, before reading names for the rows shown only
WITH s, r, t ORDER BY r.last_reported DESC, r.claims DESC LIMIT $limit
RETURN s AS supplier, r AS offer, t AS recipient, r.modality AS modality, r.items AS items,
       r.claims AS claims, r.last_reported AS last_reported
ORDER BY r.last_reported DESC, s.name, t.name
