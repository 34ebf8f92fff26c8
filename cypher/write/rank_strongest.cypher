// Keep, on each busy actor, the other ends of its $limit strongest relations over every relation type
// (most claims first): the explorer's unfiltered expand then reads one property instead of every
// relationship of a hub. Only actors without a list are ranked; writing any of an actor's edges
// removes its list (write/edges.cypher), so a list is never stale, only missing until the next ranking.
// {{types}} is every relation type, filled by the loader.
MATCH (a:Actor) WHERE a.strongest IS NULL AND COUNT { (a)-[:{{types}}]-() } >= $min_degree
CALL (a) {
  CALL (a) {
    MATCH (a)-[r:{{types}}]-(b)
    WITH r, b ORDER BY r.claims DESC, b.id LIMIT $limit
    RETURN collect(b.id) AS strongest
  }
  SET a.strongest = strongest, a.strongest_limit = $limit
} IN TRANSACTIONS OF 200 ROWS
