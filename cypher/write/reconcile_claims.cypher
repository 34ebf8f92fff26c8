// Mark news claims as confirmed, contradicted or silent with respect to the reference data.
UNWIND $rows AS row
MATCH (c:Claim {id: row.id})
SET c.reconciliation = row.status, c.reconciliation_note = row.note
