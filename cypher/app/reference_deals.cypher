// Register deals already in the graph on these edges (claims keyed by a deal), to recognise a deal a
// newer export revised (a weapon renamed, a number corrected) as the same deal.
MATCH (c:Claim)
WHERE c.key IN $keys AND c.deal IS NOT NULL AND c.dataset = $dataset
RETURN c.id AS id, c.key AS key, c.deal AS deal, c.order_year AS order_year, c.weapon AS weapon,
       c.weapon_description AS description, c.number_ordered AS number_ordered
