// title: Arms suppliers of an alliance's members
// description: Who supplies weapons to the members of an alliance, with items, modality and claim counts.
// params: alliance: str = "CSTO", min_claims: int = 1, limit: int = 200
// param alliance: name, alias or id of the alliance
// param min_claims: only supply edges backed by at least this many claims
// param limit: at most this many rows, strongest evidence first
// view: table, graph
MATCH (a:Alliance)
WHERE a.id = $alliance OR toLower(a.name) = toLower($alliance)
   OR toLower($alliance) IN [x IN coalesce(a.aliases, []) | toLower(x)]
MATCH (m:Actor)-[:MEMBER_OF]->(a)
MATCH (s:Actor)-[r:SUPPLIES_ARMS_TO]->(m)
WHERE r.claims >= $min_claims
RETURN s AS supplier, r AS supply, m AS recipient, r.modality AS modality, r.items AS items,
       r.claims AS claims, r.sources AS sources, r.reconciliation AS reference_check, r.last_reported AS last_reported
ORDER BY r.claims DESC, s.name, m.name
LIMIT $limit
