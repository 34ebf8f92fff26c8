"""An acronym in parentheses names the actor written just before it: "the Rwanda Defence Force (RDF)".

Every later use of the acronym then stands for that actor, and the acronym is one of its aliases.
A gazetteer entry of its own for the acronym keeps precedence, except an outlet's: "the Arakan Army (AA)"
defines AA for the article even though AA is also an agency's initials.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from loader.resolve import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

_ACRONYM_RE = re.compile(r"^[A-Z][A-Za-z&\-]{1,9}$")
_ACTOR_LABELS = frozenset({"ORG", "BODY", "Organization", "Company", "ArmedGroup", "Alliance"})


def _is_acronym(text: str) -> bool:
    return bool(_ACRONYM_RE.match(text)) and sum(ch.isupper() for ch in text) >= 2


def _known(m: Mention) -> bool:
    """A gazetteer mention (not a statistical one)."""
    return bool(m.gaz_id) and m.label not in {"ORG", "GPE", "NORP", "PERSON"}


def link_acronyms(doc: Doc, mentions: list[Mention], sent_of: dict[int, int]) -> list[Mention]:
    """`mentions` where every one-token use of a defined acronym stands for the actor that defined it."""
    by_start = {m.start: m for m in mentions}
    defined: dict[str, Mention] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        if m.label not in _ACTOR_LABELS or m.end + 2 >= len(doc):
            continue
        if doc[m.end].text != "(" or doc[m.end + 2].text != ")" or not _is_acronym(doc[m.end + 1].text):
            continue
        inner = by_start.get(m.end + 1)
        if inner is not None and _known(inner) and inner.label != "Media":
            continue  # an outlet's initials defined for an actor ("the Arakan Army (AA)") name the actor
        defined.setdefault(doc[m.end + 1].text, m)
    if not defined:
        return mentions
    definers = {id(m): acronym for acronym, m in defined.items()}
    out: list[Mention] = []
    for m in mentions:
        if id(m) in definers:
            out.append(replace(m, aliases=(*m.aliases, definers[id(m)])))
        elif not (m.end - m.start == 1 and doc[m.start].text in defined and (not _known(m) or m.label == "Media")):
            out.append(m)
    taken = {i for m in out for i in range(m.start, m.end)}
    for tok in doc:
        outer = defined.get(tok.text)
        if outer is None or tok.i in taken:
            continue
        out.append(
            replace(
                outer,
                start=tok.i,
                end=tok.i + 1,
                sent=sent_of.get(tok.i, outer.sent),
                is_subject=tok.dep_ in {"nsubj", "nsubjpass"},
                clause=-1,
                aliases=(tok.text,),
            )
        )
    return sorted(out, key=lambda m: (m.start, -m.end))
