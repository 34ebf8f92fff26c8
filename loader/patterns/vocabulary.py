"""Word lists kept as data in loader/rules/*.yaml, read once on first use.

A rule asks for a named list ("attack_nouns" of "military") instead of holding the words itself.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


@cache
def _table(name: str) -> dict[str, frozenset[str]]:
    path = RULES_DIR / f"{name}.yaml"
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    return {str(key): frozenset(str(w).lower() for w in values) for key, values in data.items()}


def words(name: str, key: str) -> frozenset[str]:
    """The word list `key` of loader/rules/<name>.yaml (KeyError names a missing list)."""
    return _table(name)[key]


def military(key: str) -> frozenset[str]:
    return words("military", key)


# Lists whose words start a rule (the others only qualify a trigger's neighbours).
_TRIGGER_LISTS = (
    "attack_nouns", "attack_verbs", "clash_nouns", "clash_verbs", "advance_verbs", "side_verbs",
    "troop_giving_verbs", "contributor_nouns", "joint_support_nouns", "trained_participles", "defeat_verbs",
    "involvement_nouns", "replace_verbs", "serve_verbs", "compose_verbs", "presence_words",
    "reprisal_nouns",
)


@cache
def trigger_lemmas() -> frozenset[str]:
    """Lemmas of the military lists that may start a rule."""
    return frozenset().union(*(military(key) for key in _TRIGGER_LISTS))
