// title: Exercise partners of a country
// description: Who holds joint military exercises with a country, how often it is reported, and when.
// params: country: str = "Russia"
// param country: name, alias or id of the country
// view: table, graph
MATCH (c:Actor)
WHERE c.id = $country OR toLower(c.name) = toLower($country)
   OR toLower($country) IN [x IN coalesce(c.aliases, []) | toLower(x)]
MATCH (c)-[r:JOINT_EXERCISE_WITH]-(p:Actor)
RETURN p AS partner, r AS exercises, c AS country, r.claims AS claims, r.sources AS sources,
       r.first_reported AS first_reported, r.last_reported AS last_reported
ORDER BY r.claims DESC, p.name
