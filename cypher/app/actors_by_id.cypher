// The actors with these ids and no edges (when no relation type is selected).
MATCH (s:Actor) WHERE s.id IN $ids
RETURN collect(s {.id, .name, .kind, .aliases, .iso2, .iso3}) AS nodes, [] AS edges
