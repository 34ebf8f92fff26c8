// Countries related to one actor over the allowed relation types (for the world map), with claim counts.
MATCH (a:Actor {id: $id})-[r:{{types}}]-(b:Country)
WHERE {{edge_filter}}
RETURN b {.id, .name, .iso2, .iso3} AS country, type(r) AS type, startNode(r) = a AS outgoing,
       r.claims AS claims, r.role AS role, r.until AS until
ORDER BY claims DESC
LIMIT $limit
