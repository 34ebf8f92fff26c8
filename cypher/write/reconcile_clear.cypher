// Forget earlier reconciliation results on claims of $types and on their aggregated edges.
MATCH (c:Claim)
WHERE c.type IN $types AND c.reconciliation IS NOT NULL
REMOVE c.reconciliation, c.reconciliation_note
WITH count(c) AS claims
MATCH ()-[r:MEMBER_OF|SUPPLIES_ARMS_TO]->()
WHERE r.reconciliation IS NOT NULL
REMOVE r.reconciliation, r.reconciliation_note, r.confirmed_claims, r.contradicted_claims, r.silent_claims
RETURN claims, count(r) AS edges
