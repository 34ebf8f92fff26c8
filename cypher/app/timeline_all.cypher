// Claims per relation type and month of reporting, across the whole graph (claim_type index).
MATCH (c:Claim)
WHERE c.type IN $types AND c.negated = false AND c.reported IS NOT NULL
  AND ($date_from IS NULL OR c.reported >= $date_from)
  AND ($date_to IS NULL OR c.reported <= $date_to)
RETURN c.type AS type, toString(date.truncate('month', c.reported)) AS month, count(*) AS claims
ORDER BY month, type
LIMIT 5000
