// Earliest and latest reported dates of claims (for the date slider), via the article_published index.
CALL () { MATCH (a:Article) WHERE a.published IS NOT NULL RETURN a.published AS first ORDER BY a.published LIMIT 1 }
CALL () { MATCH (a:Article) WHERE a.published IS NOT NULL RETURN a.published AS last ORDER BY a.published DESC LIMIT 1 }
RETURN first, last
