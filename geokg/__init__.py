"""GeoKG core: settings, the Neo4j boundary, saved queries and the local server, shared by the loader and dashboard."""

__version__ = "0.1.0"
