"""State bodies named after their state: one actor per state and body ("Russia's Defence Ministry").

Ministries, forces and offices are written as a common noun owned by a state: a demonym
("the Russian Defence Ministry"), a name or metonym with a possessive ("Moscow's defence
ministry"), a compound ("the Pakistan Air Force") or an "of" phrase ("the armed forces of
Ukraine"). Each becomes its own Organization, `org:<iso3>-<body>`, whose parent is the state,
so two countries' ministries are never one node. A later bare mention ("the ministry said")
continues the last body of the same kind. The vocabulary is `loader/rules/state_bodies.yaml`.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Any

from loader.resolve import GazetteerLike, Mention, clean_surface
from loader.rules import load_rules

if TYPE_CHECKING:
    from spacy.tokens import Doc

BODY_LABEL = "BODY"
_OWNER_KINDS = frozenset({"Country"})


@cache
def _surfaces() -> dict[tuple[str, ...], str]:
    """Lower-case word tuples of every body surface → body key."""
    rules = load_rules("state_bodies")
    out: dict[tuple[str, ...], str] = {}
    for key, body in rules["bodies"].items():
        for surface in body["surfaces"]:
            out[tuple(surface.lower().split())] = key
    return out


def _longest() -> int:
    return max(len(words) for words in _surfaces())


def body_name(key: str) -> str:
    return str(load_rules("state_bodies")["bodies"][key]["name"])


def _demonym(gazetteer: GazetteerLike, state_id: str) -> str:
    entry = gazetteer.get(state_id)
    demonyms = getattr(entry, "demonyms", ()) if entry is not None else ()
    return demonyms[0] if demonyms else (entry.name if entry is not None else state_id)


def body_id(state_id: str, key: str) -> str:
    return f"org:{state_id.split(':', 1)[-1].lower()}-{key}"


def _match_at(doc: Doc, i: int) -> tuple[int, str] | None:
    """The longest body surface starting at token i: (end, key)."""
    table = _surfaces()
    for n in range(min(_longest(), len(doc) - i), 0, -1):
        words = tuple(t.lower_ for t in doc[i : i + n])
        if words in table:
            return i + n, table[words]
    return None


def _is_head(doc: Doc, end: int) -> bool:
    """The surface ends its noun phrase: "the Russian military said", not "military aid"."""
    last = doc[end - 1]
    if last.pos_ not in {"NOUN", "PROPN"}:
        return False
    return not (end < len(doc) and doc[end].pos_ in {"NOUN", "PROPN"} and last.dep_ in {"compound", "amod"})


def build_bodies(doc: Doc, mentions: list[Mention], gazetteer: GazetteerLike) -> list[Mention]:
    """`mentions` with state-body mentions added; NER spans they cover are dropped.

    Gazetteer organisations with a state parent keep their entry and gain the owner-prefixed
    surface as an alias ("U.S. State Department").
    """
    rules = load_rules("state_bodies")
    not_state = set(rules["not_state"])
    implied: dict[str, Any] = rules["owner_implied"]
    owner_at: dict[int, tuple[Mention, str]] = {}
    gaz_at: dict[int, Mention] = {}
    for m in mentions:
        state = _state_named(m, gazetteer)
        if state is not None:
            owner_at[m.end - 1] = (m, state)
        if m.gaz_id:
            for i in range(m.start, m.end):
                gaz_at[i] = m
    bodies: list[Mention] = []
    last_of_kind: dict[str, Mention] = {}
    covered: set[int] = set()
    i = 0
    while i < len(doc):
        tok = doc[i]
        if i in gaz_at:
            m = gaz_at[i]
            i = m.end
            continue
        hit = _match_at(doc, i)
        if hit is None and tok.lower_ in implied:
            spec = implied[tok.lower_]
            hit = (i + 1, spec["body"])
        if hit is None or not _is_head(doc, hit[0]):
            i += 1
            continue
        end, key = hit
        start = i
        if start > 0 and doc[start - 1].lower_ in not_state:
            i = end
            continue
        owner, surface_start = _owner_before(doc, start, owner_at)
        surface_end = end
        if owner is not None and surface_start > 0 and doc[surface_start - 1].lower_ in {"and", "or", ","}:
            i = end  # "Pakistani and Turkish special forces": the states' forces, not one body
            continue
        if owner is None and _inside_name(doc, start):
            i = end
            continue
        if owner is None:
            owner = _owner_after(doc, end, owner_at)
            surface_end = owner[0].end if owner is not None else end
            if owner is not None and surface_end < len(doc) and doc[surface_end].lower_ in {"and", "or"}:
                i = end  # "the armed forces of A and B": both states' forces, not one body
                continue
        state_id = owner[1] if owner is not None else None
        if state_id is None and tok.lower_ in implied:
            state_id = implied[tok.lower_]["owner"]
        if state_id is None and key in last_of_kind and _definite(doc, start):
            state_id = last_of_kind[key].parent
        if state_id is None:
            i = end
            continue
        surface = doc[surface_start:surface_end].text
        aliases = tuple(dict.fromkeys(s for s in (surface, doc[start:end].text) if s))
        mention = Mention(
            start,
            end,
            doc[start:end].text,
            BODY_LABEL,
            _sent_index(doc, start),
            gaz_id=body_id(state_id, key),
            form="body",
            is_subject=doc[end - 1].dep_ in {"nsubj", "nsubjpass"},
            name=f"{_demonym(gazetteer, state_id)} {body_name(key)}",
            parent=state_id,
            aliases=aliases,
        )
        bodies.append(mention)
        last_of_kind[key] = mention
        covered.update(range(start, end))
        i = end
    kept = [m for m in mentions if m.gaz_id or not covered.intersection(range(m.start, m.end))]
    return _with_owner_aliases(doc, kept, owner_at) + bodies


Owner = tuple[Mention, str]  # the mention naming a state, and the state's id


def _state_named(m: Mention, gazetteer: GazetteerLike) -> str | None:
    """The state a mention names, also when NER took it ("The U.S." as an organisation)."""
    if m.label in _OWNER_KINDS and m.gaz_id:
        return m.gaz_id
    if m.label in {"ORG", "GPE", "NORP"}:
        entry = gazetteer.lookup(clean_surface(m.text))
        if entry is not None and entry.kind in _OWNER_KINDS:
            return entry.id
    return None


def _owner_before(doc: Doc, start: int, owner_at: dict[int, Owner]) -> tuple[Owner | None, int]:
    """A state written right before a body: "Russian", "Russia's", "the U.S."; and where the surface starts."""
    j = start - 1
    if j >= 0 and doc[j].tag_ == "POS":
        j -= 1
    owner = owner_at.get(j)
    if owner is None:
        return None, start
    first = owner[0].start + (1 if doc[owner[0].start].lower_ == "the" else 0)
    return owner, first


def _owner_after(doc: Doc, end: int, owner_at: dict[int, Owner]) -> Owner | None:
    """ "the armed forces of Ukraine": a state in an "of" phrase right after the body."""
    if end >= len(doc) or doc[end].lower_ != "of":
        return None
    for owner in owner_at.values():
        if owner[0].start in {end + 1, end + 2} and doc[end + 1 : owner[0].start].text.lower() in {"", "the"}:
            return owner
    return None


def _inside_name(doc: Doc, start: int) -> bool:
    """ "South Korea's National Intelligence Service": a capitalised word before the surface makes a name."""
    prev = doc[start - 1] if start > 0 else None
    return prev is not None and prev.is_title and prev.tag_ != "POS" and prev.pos_ in {"PROPN", "ADJ"}


def _definite(doc: Doc, start: int) -> bool:
    """ "the ministry", "its army": a body named again without its state."""
    return start > 0 and doc[start - 1].lower_ in {"the", "its", "their"}


def _with_owner_aliases(doc: Doc, mentions: list[Mention], owner_at: dict[int, Owner]) -> list[Mention]:
    """A known body written after its state keeps that surface too: "the U.S. State Department"."""
    out = []
    for m in mentions:
        owner, surface_start = _owner_before(doc, m.start, owner_at)
        if owner is not None and m.label == "Organization" and m.gaz_id and owner[0] is not m:
            m = replace(m, aliases=(*m.aliases, doc[surface_start : m.end].text))
        out.append(m)
    return out


def _sent_index(doc: Doc, i: int) -> int:
    for n, sent in enumerate(doc.sents):
        if sent.start <= i < sent.end:
            return n
    return 0
