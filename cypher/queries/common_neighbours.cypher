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
WITH x, y, [t IN $types | toUpper(t)] AS wanted WHERE x <> y
// expand from the actor with fewer relations and check the other end with expand-into
WITH x, y, wanted, COUNT { (x)-[:MEMBER_OF|PART_OF|LEADS|ALLIED_WITH|SUPPLIES_ARMS_TO|MILITARY_SUPPORT_TO|JOINT_EXERCISE_WITH|HOSTS_BASE_OF|ATTACKED|THREATENS|CONTROLS|SANCTIONS|REFUGEES_FLEE_TO]-() } <= COUNT { (y)-[:MEMBER_OF|PART_OF|LEADS|ALLIED_WITH|SUPPLIES_ARMS_TO|MILITARY_SUPPORT_TO|JOINT_EXERCISE_WITH|HOSTS_BASE_OF|ATTACKED|THREATENS|CONTROLS|SANCTIONS|REFUGEES_FLEE_TO]-() } AS x_smaller
WITH x, y, wanted, CASE WHEN x_smaller THEN x ELSE y END AS small, CASE WHEN x_smaller THEN y ELSE x END AS big
MATCH (small)-[r1:MEMBER_OF|PART_OF|LEADS|ALLIED_WITH|SUPPLIES_ARMS_TO|MILITARY_SUPPORT_TO|JOINT_EXERCISE_WITH|HOSTS_BASE_OF|ATTACKED|THREATENS|CONTROLS|SANCTIONS|REFUGEES_FLEE_TO]-(n)
WHERE n <> big AND (size(wanted) = 0 OR type(r1) IN wanted)
WITH x, y, big, small, wanted, n, collect(DISTINCT r1) AS small_links
MATCH (n)-[r2:MEMBER_OF|PART_OF|LEADS|ALLIED_WITH|SUPPLIES_ARMS_TO|MILITARY_SUPPORT_TO|JOINT_EXERCISE_WITH|HOSTS_BASE_OF|ATTACKED|THREATENS|CONTROLS|SANCTIONS|REFUGEES_FLEE_TO]-(big)
WHERE size(wanted) = 0 OR type(r2) IN wanted
WITH x, y, small, n, small_links, collect(DISTINCT r2) AS big_links
WITH x, y, n, CASE WHEN small = x THEN small_links ELSE big_links END AS a_links,
     CASE WHEN small = x THEN big_links ELSE small_links END AS b_links
RETURN n AS shared, x AS a, y AS b,
       [r IN a_links | type(r)] AS links_to_a, [r IN b_links | type(r)] AS links_to_b, a_links, b_links
ORDER BY size(a_links) + size(b_links) DESC, n.name
LIMIT $limit
