// Which actors an article mentions, and how often.
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MATCH (x:Actor {id: row.actor})
MERGE (a)-[m:MENTIONS]->(x)
SET m.count = row.count
