// Claims per relation type and month of reporting (month null: undated claims, counted apart) about one actor (as subject or object).
MATCH (:Actor {id: $actor})<-[:SUBJECT|OBJECT]-(c:Claim)
WHERE c.type IN $types AND c.negated = false
  AND (c.reported IS NOT NULL OR c.extractor STARTS WITH 'news')  // reference rows are dated by since/until
  AND CASE WHEN c.reported IS NULL THEN $include_undated OR ($date_from IS NULL AND $date_to IS NULL)
           ELSE ($date_from IS NULL OR c.reported >= $date_from) AND ($date_to IS NULL OR c.reported <= $date_to) END
RETURN c.type AS type,
       CASE WHEN c.reported IS NULL THEN null ELSE toString(date.truncate('month', c.reported)) END AS month,
       count(DISTINCT c) AS claims
ORDER BY month, type
LIMIT 5000
