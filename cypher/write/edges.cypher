// Recompute aggregated actor→actor edges from their claims (idempotent: counts are derived, not added).
// Negated claims never make an edge. A register's exports are one source (their claims' dataset). $modality_order runs from the most to the least definite.
// {{rel_type}} is filled from the fixed list of relation types (one statement per type): a literal
// type lets the planner merge by expand-into instead of scanning relationships.
UNWIND $keys AS k
MATCH (s:Actor {id: k.source})
MATCH (t:Actor {id: k.target})
CALL (k) {
  MATCH (c:Claim {key: k.key}) WHERE c.negated = false
  OPTIONAL MATCH (c)-[:STATED_IN]->(a:Article)
  OPTIONAL MATCH (a)-[:PUBLISHED_BY|CITES]->(src:Source)
  RETURN collect(DISTINCT c) AS cs, count(DISTINCT coalesce(src.name, a.id, c.dataset, c.extractor)) AS sources
}
WITH s, t, k, cs, sources WHERE size(cs) > 0
CALL (cs) {
  UNWIND cs AS c
  RETURN min(c.reported) AS first, max(c.reported) AS last, max(c.confidence) AS confidence,
         collect(DISTINCT c.modality) AS modalities, collect(DISTINCT c.role) AS roles,
         min(c.since) AS since, max(c.until) AS until,
         sum(CASE WHEN c.extractor STARTS WITH 'news' THEN 1 ELSE 0 END) AS news,
         sum(CASE WHEN c.extractor STARTS WITH 'news' THEN 0 ELSE 1 END) AS reference,
         sum(CASE WHEN c.until IS NULL AND NOT c.extractor STARTS WITH 'news' THEN 1 ELSE 0 END) AS open_ref
}
// The latest role wins (an observer that became a member is a member): roles by `since`, newest first,
// an open-ended claim before an ended one; a membership role whose latest claim has ended is "former".
CALL (cs) {
  UNWIND cs AS c
  WITH c WHERE c.role IS NOT NULL
  WITH c ORDER BY coalesce(toString(c.since), '') DESC, c.until IS NULL DESC, c.role
  WITH collect(c)[0] AS latest
  RETURN CASE WHEN latest.role IN ['member', 'observer', 'partner'] AND latest.until IS NOT NULL THEN 'former'
              ELSE latest.role END AS role
}
CALL (cs) {
  UNWIND cs AS c
  UNWIND coalesce(c.items, []) AS item
  RETURN collect(DISTINCT item) AS items
}
MERGE (s)-[r:{{rel_type}}]->(t)
SET r.claims = size(cs),
    r.news_claims = news,
    r.reference_claims = reference,
    r.sources = sources,
    r.confidence = confidence,
    r.first_reported = first,
    r.last_reported = last,
    r.modality = head([m IN $modality_order WHERE m IN modalities]),
    r.modalities = modalities,
    r.hedged = all(m IN modalities WHERE m IN $hedged),
    r.items = items,
    r.role = role,
    r.roles = roles,
    r.since = since,
    r.until = CASE WHEN open_ref > 0 THEN null ELSE until END
RETURN count(r) AS edges
