"""SANCTIONS vocabulary that other rules consult; the relation itself is stated by the data
constructions of loader/rules/constructions/sanctions.yaml.

`TRIGGERS` keeps the sanction words among the registry's trigger lemmas, and `sanction_aimed`
tells the ATTACKED rules that "targeted X with sanctions" is no attack.
"""

from __future__ import annotations

from spacy.tokens import Token

from loader.patterns import lexicon as lx
from loader.rules import lemmas

SANCTION_NOUNS = lx.SANCTION_NOUNS | lemmas("sanctions", "sanction_nouns")
_PACKAGE_NOUNS = lemmas("sanctions", "package_nouns")
_QUALIFIED = lemmas("sanctions", "qualified_nouns")
# Lemmas that start the registry's trigger rules (the constructions match on their own).
TRIGGERS = (
    lx.SANCTION_VERBS
    | SANCTION_NOUNS
    | lemmas("sanctions", "designation_verbs")
    | lemmas("sanctions", "designation_nouns")
    | lemmas("sanctions", "sanctioned_participles")
    | _QUALIFIED
    | {"target"}
)

# Nouns that sanctions come in: "measures targeting X" is as much a sanction as "sanctions targeting X".
_SANCTION_FRAMES = SANCTION_NOUNS | _PACKAGE_NOUNS | _QUALIFIED


def sanction_aimed(verb: Token) -> bool:
    """ "sanctions targeting X", "sanctions that target X", "targeted X with sanctions": no attack."""
    if verb.dep_ in {"acl", "relcl"} and verb.head.lemma_.lower() in _SANCTION_FRAMES:
        return True
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return any(p.lemma_.lower() in SANCTION_NOUNS for h in holders for p in _with_objects(h))


def _with_objects(head: Token) -> list[Token]:
    return [p for c in head.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children if p.dep_ == "pobj"]
