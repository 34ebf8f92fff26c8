// Which of these claim ids are already in the graph (re-imports skip nothing but report it).
UNWIND $ids AS id
MATCH (c:Claim {id: id})
RETURN c.id AS id
