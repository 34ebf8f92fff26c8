"""Relation patterns over spaCy's dependency parse: trigger lexicons, syntax helpers, rules."""
