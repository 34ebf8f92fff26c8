// title: Everything a supplier delivers, by recipient and item
// description: Arms a supplier — and the agencies and companies that are part of it, such as a state arms
//   exporter — supplies, offers or has delivered, one row per recipient and item.
// params: supplier: str = "Russia", include_hedged: bool = true, limit: int = 200
// param supplier: name, alias or id of the supplying state, company or group
// param include_hedged: include offers, plans and allegations, not only orders and deliveries
// param limit: at most this many rows, strongest evidence first
// view: table, graph
MATCH (s:Actor)
WHERE s.id = $supplier OR toLower(s.name) = toLower($supplier)
   OR toLower($supplier) IN [x IN coalesce(s.aliases, []) | toLower(x)]
// the supplier itself, or its agencies and companies up to two PART_OF steps below it
MATCH (via:Actor)-[:PART_OF*0..2]->(s)
WITH DISTINCT s, via
MATCH (via)-[r:SUPPLIES_ARMS_TO]->(t:Actor)
WHERE $include_hedged OR NOT coalesce(r.hedged, false)
UNWIND CASE WHEN size(coalesce(r.items, [])) = 0 THEN ['(unspecified)'] ELSE r.items END AS item
RETURN t AS recipient, item, via AS supplier, r AS supply, r.modality AS modality, r.claims AS claims,
       r.first_reported AS first_reported, r.last_reported AS last_reported, r.reconciliation AS reference_check
ORDER BY r.claims DESC, t.name, item, via.name
LIMIT $limit
