// Upsert articles with their outlet and the agencies they cite (Source nodes are provenance, not actors).
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
ON CREATE SET a.title = row.title, a.url = row.url, a.path = row.path, a.published = row.published,
              a.source = row.source, a.words = row.words, a.loaded_at = datetime()
FOREACH (name IN CASE WHEN row.source IS NULL THEN [] ELSE [row.source] END |
  MERGE (s:Source {name: name})
  MERGE (a)-[:PUBLISHED_BY]->(s))
FOREACH (name IN row.cited |
  MERGE (s:Source {name: name})
  MERGE (a)-[:CITES]->(s))
