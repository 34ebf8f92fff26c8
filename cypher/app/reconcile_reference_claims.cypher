// Reference (curated or register) claims of $types, the facts news claims are compared with.
MATCH (c:Claim)
WHERE c.type IN $types AND c.negated = false AND NOT c.extractor STARTS WITH 'news'
MATCH (c)-[:SUBJECT]->(s:Actor)
MATCH (c)-[:OBJECT]->(t:Actor)
RETURN c.type AS type, s.id AS source, s.name AS source_name, t.id AS target, t.name AS target_name,
       c.role AS role, c.modality AS modality, c.since AS since, c.until AS until, c.items AS items,
       c.status AS status, c.comments AS comments, c.extractor AS extractor
