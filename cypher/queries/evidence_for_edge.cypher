// title: Evidence behind a relation
// description: Every claim behind one relation between two actors — the sentence, article, outlet and date,
//   or the reference row — including denials.
// params: source: str, type: str, target: str, limit: int = 200
// param source: the actor the relation starts from (name, alias or id)
// param type: relation type, e.g. SUPPLIES_ARMS_TO or MEMBER_OF
// param target: the actor the relation points to (name, alias or id)
// param limit: at most this many claims, newest first
// view: table
MATCH (s:Actor)
WHERE s.id = $source OR toLower(s.name) = toLower($source)
   OR toLower($source) IN [x IN coalesce(s.aliases, []) | toLower(x)]
MATCH (t:Actor)
WHERE t.id = $target OR toLower(t.name) = toLower($target)
   OR toLower($target) IN [x IN coalesce(t.aliases, []) | toLower(x)]
// symmetric relations are stored once with the smaller id first, so for those look both ways
WITH s, t, toUpper($type) AS rel
MATCH (c:Claim)
WHERE c.key = s.id + '|' + rel + '|' + t.id
   OR (rel IN ['ALLIED_WITH', 'JOINT_EXERCISE_WITH'] AND c.key = t.id + '|' + rel + '|' + s.id)
OPTIONAL MATCH (c)-[:STATED_IN]->(art:Article)
OPTIONAL MATCH (art)-[:PUBLISHED_BY]->(outlet:Source)
OPTIONAL MATCH (art)-[:CITES]->(cited:Source)
RETURN c.reported AS reported, c.sentence AS evidence, c.modality AS modality, c.negated AS negated,
       c.confidence AS confidence, c.extractor AS extractor, art.title AS article, art.url AS url,
       outlet.name AS outlet, collect(DISTINCT cited.name) AS cites, c.since AS since, c.until AS until
ORDER BY c.reported IS NULL, c.reported DESC, evidence
LIMIT $limit
