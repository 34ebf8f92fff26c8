// title: News claims contradicting reference data
// description: News statements about memberships and arms transfers that the curated reference tables
//   contradict (as judged by `geokg reconcile`), with the sentence, the verdict's reason and the reference rows.
// params: status: str = "contradicted", limit: int = 200
// param status: verdict to list: contradicted, confirmed or silent (no reference row either way)
// param limit: at most this many claims
// view: table, graph
MATCH (c:Claim)
WHERE c.type IN ['MEMBER_OF', 'SUPPLIES_ARMS_TO'] AND c.extractor STARTS WITH 'news'
  AND c.reconciliation = toLower($status)
MATCH (c)-[:SUBJECT]->(s:Actor)
MATCH (c)-[:OBJECT]->(t:Actor)
OPTIONAL MATCH (c)-[:STATED_IN]->(art:Article)
OPTIONAL MATCH (s)-[r]->(t) WHERE type(r) = c.type
OPTIONAL MATCH (ref:Claim {key: c.key}) WHERE NOT ref.extractor STARTS WITH 'news'
WITH c, s, t, art, r, collect(ref) AS refs
RETURN s AS source, c.type AS relation, t AS target, c.reconciliation AS verdict,
       c.reconciliation_note AS reason, c.sentence AS news_evidence, c.reported AS reported,
       art.title AS article, r AS edge,
       [x IN refs | x.extractor + ' (' + coalesce(x.modality, '') + ', ' + coalesce(x.since, '?') + ' to '
                    + coalesce(x.until, 'now') + ')'] AS reference_rows
ORDER BY relation, s.name, t.name, reported
LIMIT $limit
