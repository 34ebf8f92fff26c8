// One aggregated edge ({{type}} from a fixed list) with both end actors.
MATCH (s:Actor {id: $source})-[r:{{type}}]->(t:Actor {id: $target})
RETURN s {.id, .name, .kind} AS source, t {.id, .name, .kind} AS target, type(r) AS type,
       properties(r) AS props
LIMIT 1
