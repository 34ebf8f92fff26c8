// Claims per relation type and month of reporting about one actor (as subject or object).
MATCH (:Actor {id: $actor})<-[:SUBJECT|OBJECT]-(c:Claim)
WHERE c.type IN $types AND c.negated = false AND c.reported IS NOT NULL
  AND ($date_from IS NULL OR c.reported >= $date_from)
  AND ($date_to IS NULL OR c.reported <= $date_to)
RETURN c.type AS type, toString(date.truncate('month', c.reported)) AS month, count(DISTINCT c) AS claims
ORDER BY month, type
LIMIT 5000
