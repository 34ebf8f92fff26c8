// title: Two-step arms supply chains
// description: Chains where A arms B and B arms C — weapons that may travel on through an intermediary.
// params: actor: str = null, min_claims: int = 1
// param actor: only chains with this actor at any position (name, alias or id); empty for all chains
// param min_claims: each leg backed by at least this many claims
// view: table, graph
MATCH (a:Actor)-[r1:SUPPLIES_ARMS_TO]->(b:Actor)-[r2:SUPPLIES_ARMS_TO]->(c:Actor)
WHERE a <> c AND r1.claims >= $min_claims AND r2.claims >= $min_claims
  AND ($actor IS NULL OR any(x IN [a, b, c] WHERE x.id = $actor OR toLower(x.name) = toLower($actor)
       OR toLower($actor) IN [al IN coalesce(x.aliases, []) | toLower(al)]))
RETURN a AS origin, r1 AS first_leg, b AS intermediary, r2 AS second_leg, c AS end_recipient,
       r1.items AS first_items, r2.items AS second_items, r1.modality AS first_modality,
       r2.modality AS second_modality
ORDER BY a.name, b.name, c.name
