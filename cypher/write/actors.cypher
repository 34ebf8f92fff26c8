// Upsert actors; the kind label (Country, Alliance…) comes from a fixed list checked in Python.
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
ON CREATE SET a.name = row.name, a.kind = row.kind, a.created_at = datetime()
SET a:$(row.kind),
    a.aliases = reduce(acc = coalesce(a.aliases, []), x IN row.aliases |
                       CASE WHEN x IN acc OR x = a.name THEN acc ELSE acc + x END),
    a.iso2 = coalesce(row.iso2, a.iso2),
    a.iso3 = coalesce(row.iso3, a.iso3),
    a.confidence = CASE WHEN a.confidence IS NULL OR row.confidence > a.confidence
                        THEN row.confidence ELSE a.confidence END
