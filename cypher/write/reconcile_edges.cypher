// Mark aggregated edges with the verdict of their news claims (contradicted > confirmed > silent).
UNWIND $rows AS row
MATCH (s:Actor {id: row.source})-[r]->(t:Actor {id: row.target})
WHERE type(r) = row.type
SET r.reconciliation = row.status,
    r.reconciliation_note = row.note,
    r.confirmed_claims = row.confirmed,
    r.contradicted_claims = row.contradicted,
    r.silent_claims = row.silent
