// title: Most-mentioned actors in a period
// description: Which actors the news names most: ranked by the number of articles that mention them (in a
//   period, or ever), then by how often.
// params: since: date = null, until: date = null, kind: str = null, limit: int = 20
// param since: first publication day counted (YYYY-MM-DD); empty for no lower bound
// param until: last publication day counted (YYYY-MM-DD); empty for no upper bound
// param kind: only this kind: Country, Alliance, ArmedGroup, Organization, Company, Person or Region
// param limit: how many actors to show
// view: table, chart
CALL () {
  // whole history: an actor's MENTIONS degree is the number of articles naming it, read without
  // touching the (millions of) relationships themselves
  MATCH (x:Actor)
  WHERE $since IS NULL AND $until IS NULL AND ($kind IS NULL OR toLower(x.kind) = toLower($kind))
  WITH COUNT { (x)<-[:MENTIONS]-() } AS articles ORDER BY articles DESC LIMIT $limit
  // every actor tied with the last place competes on mentions too
  WITH min(articles) AS threshold
  MATCH (x:Actor)
  WHERE ($kind IS NULL OR toLower(x.kind) = toLower($kind)) AND COUNT { (x)<-[:MENTIONS]-() } >= threshold
  WITH x, COUNT { (x)<-[:MENTIONS]-() } AS articles
  CALL (x) {
    MATCH (x)<-[m:MENTIONS]-()
    RETURN sum(m.count) AS mentions
  }
  RETURN x, articles, mentions
  UNION
  // a period: articles published in it (an index range), then what they mention
  MATCH (art:Article)
  WHERE ($since IS NOT NULL OR $until IS NOT NULL)
    AND art.published >= coalesce($since, date('0001-01-01'))
    AND art.published <= coalesce($until, date('9999-12-31'))
  MATCH (art)-[m:MENTIONS]->(x:Actor)
  WHERE $kind IS NULL OR toLower(x.kind) = toLower($kind)
  WITH x, count(art) AS articles, sum(m.count) AS mentions
  ORDER BY articles DESC, mentions DESC LIMIT $limit
  RETURN x, articles, mentions
}
RETURN x.name AS actor, articles, mentions, x.kind AS kind, x.id AS actor_id
ORDER BY articles DESC, mentions DESC, actor
LIMIT $limit
