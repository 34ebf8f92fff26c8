// Which of these actor ids exist (neighbours when no relation type is selected: none).
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a.id AS id
