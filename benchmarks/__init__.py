"""Benchmarks of GeoKG: ingest, extraction, reads and the dashboard under load (`python -m benchmarks.run`)."""
