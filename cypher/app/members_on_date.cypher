// Members of an organisation on a date, from reference (curated) claims only.
// $organisation: actor id, name or alias ("alliance:csto", "CSTO"); $date: YYYY, YYYY-MM or YYYY-MM-DD;
// $roles: which roles count, e.g. ["member"] or ["member", "observer", "partner"]. A former member
// counts as a member for the years it belonged. Dates of lower precision are read generously:
// "2006" starts on 2006-01-01, an exit in "2012" ends on 2012-12-31.
MATCH (o:Actor)
WHERE o.id = $organisation OR o.name = $organisation OR $organisation IN coalesce(o.aliases, [])
MATCH (c:Claim {type: 'MEMBER_OF'})-[:OBJECT]->(o)
WHERE c.negated = false AND NOT c.extractor STARTS WITH 'news'
  AND (coalesce(c.role, 'member') IN $roles OR (c.role = 'former' AND 'member' IN $roles))
WITH o, c,
     CASE size($date) WHEN 4 THEN $date + '-01-01' WHEN 7 THEN $date + '-01' ELSE $date END AS day,
     CASE size(c.since) WHEN 4 THEN c.since + '-01-01' WHEN 7 THEN c.since + '-01' ELSE c.since END AS since,
     CASE size(c.until) WHEN 4 THEN c.until + '-12-31' WHEN 7 THEN c.until + '-31' ELSE c.until END AS until
WHERE (since IS NULL OR since <= day) AND (until IS NULL OR day < until)
MATCH (c)-[:SUBJECT]->(m:Actor)
RETURN m.id AS id, m.name AS name,
       CASE c.role WHEN 'former' THEN 'member' ELSE coalesce(c.role, 'member') END AS role,
       c.since AS since, c.until AS until, c.reference_source AS source, o.id AS organisation
ORDER BY name, since
