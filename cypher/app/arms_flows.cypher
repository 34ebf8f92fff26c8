// Arms-supply flows for the Sankey: supplier → recipient, weighted by the claims reported in the period.
MATCH (s:Actor)-[r:SUPPLIES_ARMS_TO]->(t:Actor)
WHERE s.kind IN $kinds AND t.kind IN $kinds AND {{edge_filter}}
WITH s, r, t ORDER BY r.claims DESC LIMIT $limit
CALL (s, t) {
  MATCH (c:Claim {key: s.id + '|SUPPLIES_ARMS_TO|' + t.id})
  WHERE c.negated = false
    AND CASE WHEN c.reported IS NULL THEN $include_undated OR ($date_from IS NULL AND $date_to IS NULL)
             ELSE ($date_from IS NULL OR c.reported >= $date_from) AND ($date_to IS NULL OR c.reported <= $date_to)
        END
  RETURN count(c) AS claims
}
RETURN s {.id, .name, .kind} AS source, t {.id, .name, .kind} AS target, claims, r.hedged AS hedged,
       r.modality AS modality, r.items AS items
