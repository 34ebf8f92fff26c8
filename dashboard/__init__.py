"""The GeoKG dashboard: explore alliance and arms-supply networks, read the evidence, analyse flows."""
