// Remove the precomputed strongest neighbours (write/rank_strongest.cypher) of actors whose edges were
// just written, in the same transaction, so a list is never stale; only where a list exists, so a hub
// is not locked by every batch that touches it.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
WHERE a.strongest IS NOT NULL
REMOVE a.strongest, a.strongest_limit
