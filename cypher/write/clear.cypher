// Delete every node and relationship, in batches so large graphs do not exhaust the heap.
MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS
