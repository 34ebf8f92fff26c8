// title: Actors linked to both A and B
// description: Actors with a direct relation to both of two actors — shared allies, suppliers, alliances,
//   adversaries — and how each is linked.
// params: a: str = "Russia", b: str = "Tajikistan", types: list[str] = [], limit: int = 200
// param a: first actor (name, alias or id)
// param b: second actor (name, alias or id)
// param types: only these relation types (e.g. MEMBER_OF, SUPPLIES_ARMS_TO); empty for all
// param limit: at most this many rows, strongest evidence first
// view: table, graph
MATCH (x:Actor)
WHERE x.id = $a OR toLower(x.name) = toLower($a) OR toLower($a) IN [al IN coalesce(x.aliases, []) | toLower(al)]
MATCH (y:Actor)
WHERE y.id = $b OR toLower(y.name) = toLower($b) OR toLower($b) IN [al IN coalesce(y.aliases, []) | toLower(al)]
WITH x, y, [t IN $types | toUpper(t)] AS wanted
MATCH (x)-[r1]-(n:Actor)-[r2]-(y)
WHERE x <> y AND n <> x AND n <> y
  AND (size(wanted) = 0 OR (type(r1) IN wanted AND type(r2) IN wanted))
WITH x, y, n, collect(DISTINCT r1) AS a_links, collect(DISTINCT r2) AS b_links
RETURN n AS shared, x AS a, y AS b,
       [r IN a_links | type(r)] AS links_to_a, [r IN b_links | type(r)] AS links_to_b, a_links, b_links
ORDER BY size(a_links) + size(b_links) DESC, n.name
LIMIT $limit
