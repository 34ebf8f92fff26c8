// Remove reference claims by id (rows a re-imported file no longer contains).
UNWIND $ids AS id
MATCH (c:Claim {id: id})
WHERE NOT c.extractor STARTS WITH 'news'
DETACH DELETE c
