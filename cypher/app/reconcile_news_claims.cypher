// News claims that reconciliation judges ($types: MEMBER_OF, SUPPLIES_ARMS_TO), with their article.
MATCH (c:Claim)
WHERE c.type IN $types AND c.negated = false AND c.extractor STARTS WITH 'news'
MATCH (c)-[:SUBJECT]->(s:Actor)
MATCH (c)-[:OBJECT]->(t:Actor)
OPTIONAL MATCH (c)-[:STATED_IN]->(a:Article)
RETURN c.id AS id, c.type AS type, c.modality AS modality, c.reported AS reported,
       s.id AS source, s.kind AS source_kind, s.name AS source_name,
       t.id AS target, t.kind AS target_kind, t.name AS target_name,
       a.title AS article, a.url AS url, c.sentence AS sentence
ORDER BY c.id
