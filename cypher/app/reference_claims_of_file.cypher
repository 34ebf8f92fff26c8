// Claims a reference file loaded earlier (its extractor, e.g. "curated:memberships.csv").
MATCH (c:Claim)
WHERE c.extractor = $extractor
RETURN c.id AS id, c.key AS key
