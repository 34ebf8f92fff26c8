// title: Newest claims about an actor, with evidence
// description: The most recently reported statements in which an actor is subject or object, with the
//   sentence that states each, the article and outlet, and whether it was a denial.
// params: actor: str = "Russia", limit: int = 25, include_negated: bool = true
// param actor: name, alias or id of the actor
// param limit: how many claims to show
// param include_negated: include denials ("X said it is not a threat")
// view: table
MATCH (x:Actor)
WHERE x.id = $actor OR toLower(x.name) = toLower($actor)
   OR toLower($actor) IN [al IN coalesce(x.aliases, []) | toLower(al)]
MATCH (c:Claim)-[:SUBJECT|OBJECT]->(x)
WITH DISTINCT c
WHERE $include_negated OR NOT c.negated
MATCH (c)-[:SUBJECT]->(s:Actor)
MATCH (c)-[:OBJECT]->(o:Actor)
OPTIONAL MATCH (c)-[:STATED_IN]->(art:Article)
OPTIONAL MATCH (art)-[:PUBLISHED_BY]->(outlet:Source)
RETURN c.reported AS reported, s AS subject, c.type AS relation, o AS object, c.modality AS modality,
       c.negated AS negated, c.sentence AS evidence, coalesce(art.title, c.extractor) AS document,
       outlet.name AS outlet, c.confidence AS confidence
// reference rows have no report date: list dated news first, newest first
ORDER BY c.reported IS NULL, c.reported DESC, c.confidence DESC, c.sentence
LIMIT $limit
