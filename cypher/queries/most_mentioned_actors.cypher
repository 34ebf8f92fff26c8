// title: Most-mentioned actors in a period
// description: Which actors the news mentions most often, counted over articles published in a period.
// params: since: date = null, until: date = null, kind: str = null, limit: int = 20
// param since: first publication day counted (YYYY-MM-DD); empty for no lower bound
// param until: last publication day counted (YYYY-MM-DD); empty for no upper bound
// param kind: only this kind: Country, Alliance, ArmedGroup, Organization, Company, Person or Region
// param limit: how many actors to show
// view: table, chart
MATCH (art:Article)-[m:MENTIONS]->(x:Actor)
WHERE ($since IS NULL OR art.published >= $since)
  AND ($until IS NULL OR art.published <= $until)
  AND ($kind IS NULL OR toLower(x.kind) = toLower($kind))
RETURN x.name AS actor, sum(m.count) AS mentions, count(DISTINCT art) AS articles, x.kind AS kind,
       x.id AS actor_id
ORDER BY mentions DESC, articles DESC, actor
LIMIT $limit
