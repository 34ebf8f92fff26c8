"""The loader: read articles and reference tables, extract actors and relations, write them to Neo4j."""
