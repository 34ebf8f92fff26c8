// Deals of a register (claims of $dataset keyed by a deal) between these suppliers and recipients,
// ordered in these years: what a newer export of the same selection is expected to list again.
MATCH (c:Claim)-[:SUBJECT]->(s:Actor)
WHERE c.dataset = $dataset AND c.deal IS NOT NULL AND s.id IN $suppliers
  AND c.order_year >= $first_year AND c.order_year <= $last_year
MATCH (c)-[:OBJECT]->(t:Actor)
WHERE t.id IN $recipients
RETURN c.id AS id, c.key AS key
