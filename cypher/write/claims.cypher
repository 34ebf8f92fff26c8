// Upsert claims with their subject, object and (for news) the article that states them.
UNWIND $rows AS row
MATCH (s:Actor {id: row.source})
MATCH (t:Actor {id: row.target})
MERGE (c:Claim {id: row.id})
ON CREATE SET c += row.props, c.created_at = datetime()
MERGE (c)-[:SUBJECT]->(s)
MERGE (c)-[:OBJECT]->(t)
WITH c, row
CALL (c, row) {
  MATCH (a:Article {id: row.article})
  MERGE (c)-[:STATED_IN]->(a)
}
