// title: Members of an alliance
// description: States and organisations that belong to an alliance or IGO, current and former, with when
//   they joined and left, how many claims and sources back the membership, and what the reference data says.
// params: alliance: str = "CSTO", on_date: date = null
// param alliance: name, alias or id of the alliance (CSTO, NATO, alliance:csto…)
// param on_date: only members on this day (YYYY-MM-DD); leave empty for every known membership
// view: table, graph
MATCH (a:Alliance)
WHERE a.id = $alliance OR toLower(a.name) = toLower($alliance)
   OR toLower($alliance) IN [x IN coalesce(a.aliases, []) | toLower(x)]
MATCH (m:Actor)-[r:MEMBER_OF]->(a)
// since/until may be a year, a month or a day: pad them so they compare as ISO dates
WITH a, m, r,
     CASE size(coalesce(r.since, '')) WHEN 0 THEN null WHEN 4 THEN r.since + '-01-01'
          WHEN 7 THEN r.since + '-01' ELSE r.since END AS joined,
     CASE size(coalesce(r.until, '')) WHEN 0 THEN null WHEN 4 THEN r.until + '-12-31'
          WHEN 7 THEN r.until + '-31' ELSE r.until END AS left_on
WHERE $on_date IS NULL
   OR ((joined IS NULL OR joined <= toString($on_date)) AND (left_on IS NULL OR left_on >= toString($on_date)))
RETURN m AS member, r AS membership, a AS alliance,
       CASE WHEN r.until IS NULL THEN 'current' ELSE 'former' END AS status,
       r.since AS since, r.until AS until, r.claims AS claims, r.sources AS sources, r.reconciliation AS reference_check
ORDER BY status, m.name
