"""Word lists of fighting, troops and missions, kept as data in loader/rules/military.yaml.

A rule asks for a named list (`military("attack_nouns")`) instead of holding the words itself.
"""

from __future__ import annotations

from functools import cache

from loader.rules import load_rules


@cache
def military(key: str) -> frozenset[str]:
    """The word list `key` of loader/rules/military.yaml (KeyError names a missing list)."""
    return frozenset(str(w).lower() for w in load_rules("military")[key])


# Lists whose words start a rule (the others only qualify a trigger's neighbours).
_TRIGGER_LISTS = (
    "attack_nouns", "attack_verbs", "clash_nouns", "clash_verbs", "advance_verbs", "side_verbs",
    "troop_giving_verbs", "contributor_nouns", "contributing_modifiers", "joint_support_nouns",
    "trained_participles", "defeat_verbs",
    "reprisal_nouns", "expel_verbs",
)


@cache
def trigger_lemmas() -> frozenset[str]:
    """Lemmas of the military lists that may start a rule."""
    return frozenset().union(*(military(key) for key in _TRIGGER_LISTS))
