// title: Claims about an actor per month
// description: How many news claims name an actor each month, by relation type — when it was in the news and
//   for what.
// params: actor: str = "Russia"
// param actor: name, alias or id of the actor
// view: chart, table
MATCH (x:Actor)
WHERE x.id = $actor OR toLower(x.name) = toLower($actor)
   OR toLower($actor) IN [al IN coalesce(x.aliases, []) | toLower(al)]
MATCH (c:Claim)-[:SUBJECT|OBJECT]->(x)
WHERE c.reported IS NOT NULL
WITH DISTINCT c
RETURN left(toString(c.reported), 7) AS month, count(c) AS claims, collect(DISTINCT c.type) AS relation_types
ORDER BY month
