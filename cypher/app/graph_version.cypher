// What changes whenever a load, an import or a reconcile writes: claim and relationship counts (both read from
// Neo4j's count store, no scan), so a cached view can tell that the graph moved on.
CALL () { MATCH (c:Claim) RETURN count(c) AS claims }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN claims, relationships
