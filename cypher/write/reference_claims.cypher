// Upsert reference claims. A claim keyed by a deal is stated again by every newer export of a register:
// its properties are replaced by the latest file's (status, deliveries), and `files` lists every file
// that stated it (provenance), so importing a newer export never adds a second claim for the same deal.
UNWIND $rows AS row
MATCH (s:Actor {id: row.source})
MATCH (t:Actor {id: row.target})
MERGE (c:Claim {id: row.id})
ON CREATE SET c.created_at = datetime()
SET c += row.props,
    c.files = [f IN coalesce(c.files, []) WHERE f <> row.props.extractor] + [row.props.extractor]
MERGE (c)-[:SUBJECT]->(s)
MERGE (c)-[:OBJECT]->(t)
