// title: Two-step arms supply chains
// description: Chains where A arms B and B arms C with a given actor as origin, intermediary or end recipient —
//   where weapons may travel on — strongest legs first.
// params: actor: str = "Russia", min_claims: int = 1, limit: int = 200
// param actor: an actor at any position of the chain (name, alias or id)
// param min_claims: each leg backed by at least this many claims
// param limit: at most this many chains
// view: table, graph
MATCH (x:Actor)
WHERE x.id = $actor OR toLower(x.name) = toLower($actor)
   OR toLower($actor) IN [al IN coalesce(x.aliases, []) | toLower(al)]
// start from the actor in each position rather than enumerating every chain in the graph
CALL (x) {
  MATCH (x)-[r1:SUPPLIES_ARMS_TO]->(b:Actor)-[r2:SUPPLIES_ARMS_TO]->(c:Actor)
  RETURN x AS a, r1, b, r2, c
  UNION
  MATCH (a:Actor)-[r1:SUPPLIES_ARMS_TO]->(x)-[r2:SUPPLIES_ARMS_TO]->(c:Actor)
  RETURN a, r1, x AS b, r2, c
  UNION
  MATCH (a:Actor)-[r1:SUPPLIES_ARMS_TO]->(b:Actor)-[r2:SUPPLIES_ARMS_TO]->(x)
  RETURN a, r1, b, r2, x AS c
}
WITH a, r1, b, r2, c
WHERE a <> c AND r1.claims >= $min_claims AND r2.claims >= $min_claims
RETURN a AS origin, r1 AS first_leg, b AS intermediary, r2 AS second_leg, c AS end_recipient,
       r1.items AS first_items, r2.items AS second_items, r1.modality AS first_modality,
       r2.modality AS second_modality
ORDER BY r1.claims + r2.claims DESC, a.name, b.name, c.name
LIMIT $limit
