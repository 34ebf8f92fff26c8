// Autocomplete: actors whose name or aliases match a Lucene query built from the user's words.
CALL db.index.fulltext.queryNodes('actor_names', $query, {limit: $limit}) YIELD node, score
RETURN node.id AS id, node.name AS name, node.kind AS kind, node.aliases AS aliases, node.iso2 AS iso2, score
ORDER BY score DESC, size(node.name)
LIMIT $limit
