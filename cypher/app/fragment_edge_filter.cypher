// Fragment, not a statement: the dashboard's edge filter over an aggregated relationship `r`.
// Inserted where a query says {{edge_filter}}. Dates: $date_from/$date_to are dates (reported axis),
// $date_from_s/$date_to_s the same as ISO strings (truth axis: since/until may be a year or a date,
// so each bound is cut to the precision of the stored value before comparing). An edge with no date at all
// (truth axis: nor a report date, since a reported relation held when reported) is undated: a period
// leaves it out unless $include_undated. Edges read only from reference
// tables have nothing to be confirmed against and count as confirmed.
r.claims >= $min_claims
AND coalesce(r.confidence, 0.0) >= $min_confidence
AND NOT ($hide_hedged AND coalesce(r.hedged, false))
AND (NOT $confirmed_only OR r.reconciliation = 'confirmed'
     OR (coalesce(r.news_claims, 0) = 0 AND coalesce(r.reference_claims, 0) > 0))
AND ($include_undated OR ($date_from IS NULL AND $date_to IS NULL) OR CASE $axis
       WHEN 'valid' THEN r.since IS NOT NULL OR r.until IS NOT NULL OR r.first_reported IS NOT NULL
       ELSE r.first_reported IS NOT NULL END)
AND ($date_from IS NULL OR CASE $axis
       WHEN 'valid' THEN r.until IS NULL OR r.until >= left($date_from_s, size(r.until))
       ELSE r.last_reported IS NULL OR r.last_reported >= $date_from END)
AND ($date_to IS NULL OR CASE $axis
       WHEN 'valid' THEN r.since IS NULL OR left(r.since, size($date_to_s)) <= $date_to_s
       ELSE r.first_reported IS NULL OR r.first_reported <= $date_to END)
