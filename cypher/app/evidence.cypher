// The claims behind one edge (found by their key "source|TYPE|target"): sentence, article, outlet, cited
// agencies; denials (negated claims) are listed too, flagged, after the claims that support the edge.
MATCH (c:Claim {key: $key})
OPTIONAL MATCH (c)-[:STATED_IN]->(a:Article)
CALL (a) {
  OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(p:Source)
  RETURN collect(DISTINCT p.name) AS outlets
}
CALL (a) {
  OPTIONAL MATCH (a)-[:CITES]->(s:Source)
  RETURN collect(DISTINCT s.name) AS cited
}
RETURN c {.id, .sentence, .modality, .confidence, .negated, .extractor, .items, .role, .since, .until,
          .attributed_to, .reported} AS claim,
       a {.id, .title, .url, .published, .source} AS article, outlets, cited
ORDER BY c.negated, c.reported DESC, c.confidence DESC
LIMIT $limit
