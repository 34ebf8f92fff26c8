// Alliance overview: alliances and their members (MEMBER_OF edges passing the filters), strongest first.
MATCH (m:Actor)-[r:MEMBER_OF]->(a:Alliance)
WHERE m.kind IN $kinds AND 'Alliance' IN $kinds AND {{edge_filter}}
WITH m, a, r ORDER BY r.claims DESC, a.id, m.id
WITH count(*) AS total, collect({source: m.id, target: a.id})[..$limit] AS pairs
RETURN total, [p IN pairs | p.source] + [p IN pairs | p.target] AS ids
