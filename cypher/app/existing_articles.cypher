// Which of these article ids are already loaded (articles are recognised by content hash).
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id
