// title: Alliances of a country and their co-members
// description: The alliances and IGOs a country belongs (or belonged) to, and the other current members of each.
// params: country: str = "Tajikistan"
// param country: name, alias or id of the country (Tajikistan, country:TJK…)
// view: table, graph
MATCH (c:Actor)
WHERE c.id = $country OR toLower(c.name) = toLower($country)
   OR toLower($country) IN [x IN coalesce(c.aliases, []) | toLower(x)]
MATCH (c)-[r:MEMBER_OF]->(a:Actor)
OPTIONAL MATCH (other:Actor)-[r2:MEMBER_OF]->(a)
  WHERE other <> c AND r2.until IS NULL
WITH c, r, a, other ORDER BY other.name
// the first 200 co-members by name are listed; the count covers them all
WITH c, r, a, count(other) AS co_member_count, collect(other)[..200] AS co_members
RETURN c AS country, r AS membership, a AS alliance,
       CASE WHEN r.until IS NULL THEN 'current' ELSE 'former' END AS status,
       co_member_count, co_members
ORDER BY status, a.name
