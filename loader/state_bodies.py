"""State bodies named after their state: one actor per state and body ("Russia's Defence Ministry").

Ministries, forces and offices are written as a common noun owned by a state: a demonym
("the Russian Defence Ministry"), a name or metonym with a possessive ("Moscow's defence
ministry"), a compound ("the Pakistan Air Force") or an "of" phrase ("the armed forces of
Ukraine"). Each becomes its own Organization, `org:<iso3>-<body>`, whose parent is the state,
so two countries' ministries are never one node. A later bare mention ("the ministry said")
continues the last body of the same kind. The vocabulary is `loader/rules/state_bodies.yaml`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from loader.resolve import GazetteerLike, Mention, clean_surface
from loader.rules import load_rules

_WORDS = load_rules("state_bodies")

if TYPE_CHECKING:
    from spacy.tokens import Doc

BODY_LABEL = "BODY"
OWNER_IN_NAME = "owner-in-name"  # form of a known body whose name starts with its state ("Serbian Armed Forces")
_PORTFOLIO_HEADS = frozenset(_WORDS["portfolio_heads"])
_POSSESSIVES = frozenset(_WORDS["possessives"])
_OWNER_KINDS = frozenset({"Country"})


Surface = tuple[tuple[str, ...], str, str | None]  # lower-case words, body key, the state the name implies


@cache
def _surfaces_by_first_word() -> dict[str, list[Surface]]:
    """Every body surface, indexed by its first word, longest first (so most tokens are skipped at once)."""
    out: dict[str, list[Surface]] = {}
    for key, body in _WORDS["bodies"].items():
        for surface in body["surfaces"]:
            words = tuple(surface.lower().split())
            out.setdefault(words[0], []).append((words, key, None))
    for surface, spec in _WORDS["owner_implied"].items():
        words = tuple(surface.lower().split())
        out.setdefault(words[0], []).append((words, spec["body"], spec["owner"]))
    # Longest first; of equal surfaces, the one naming its state (a name like "Defense Department" is the
    # United States' unless the text writes another state before it).
    for entries in out.values():
        entries.sort(key=lambda e: (-len(e[0]), e[2] is None))
    return out


def body_name(key: str) -> str:
    return str(_WORDS["bodies"][key]["name"])


def _demonym(gazetteer: GazetteerLike, state_id: str) -> str:
    entry = gazetteer.get(state_id)
    demonyms = getattr(entry, "demonyms", ()) if entry is not None else ()
    return demonyms[0] if demonyms else (entry.name if entry is not None else state_id)


def _body_full_name(gazetteer: GazetteerLike, state_id: str, key: str) -> str:
    """ "Russian Ministry of Defence", or the state's official name where the rules give one."""
    official = (_WORDS.get("official_names") or {}).get(state_id, {})
    return str(official.get(key) or f"{_demonym(gazetteer, state_id)} {body_name(key)}")


def body_id(state_id: str, key: str) -> str:
    return f"org:{state_id.split(':', 1)[-1].lower()}-{key}"


def _match_at(lowers: list[str], i: int) -> tuple[int, str, str | None] | None:
    """The longest body surface starting at token i: (end, key, the state its name implies)."""
    for words, key, implied_state in _surfaces_by_first_word().get(lowers[i], ()):
        if tuple(lowers[i : i + len(words)]) == words:
            return i + len(words), key, implied_state
    return None


def _is_head(doc: Doc, end: int) -> bool:
    """The surface ends its noun phrase ("the Russian military said", not "military aid"), or
    modifies a person's title ("a Foreign Ministry spokeswoman")."""
    last = doc[end - 1]
    if last.pos_ not in {"NOUN", "PROPN"}:
        return False
    if end < len(doc) and doc[end].lower_ in _PORTFOLIO_HEADS:
        return False  # "the Armed Forces Minister" names a portfolio, not the forces
    if end < len(doc) and doc[end].lower_ in _person_titles():
        return True
    return not (end < len(doc) and doc[end].pos_ in {"NOUN", "PROPN"} and last.dep_ in {"compound", "amod"})


@cache
def _person_titles() -> frozenset[str]:
    roles = load_rules("roles")
    return frozenset(roles["titles"]) | frozenset(roles["member_roles"])


def _coordinated(doc: Doc, surface_start: int, owner_at: dict[int, Owner]) -> bool:
    """ "Pakistani and Turkish special forces", "Czech, Polish and Slovak police": several states."""
    before = surface_start - 1
    if before < 0:
        return False
    # Only when another state's name or demonym comes right before: "Peru's ministry and Chile's ministry"
    # are two bodies.
    return doc[before].lower_ in {"and", "or", ","} and before - 1 in owner_at


_OWNER_PRONOUNS = frozenset(_WORDS["owner_pronouns"])
_COORDINATORS = frozenset(_WORDS["coordinators"])


def build_bodies(
    doc: Doc, mentions: list[Mention], gazetteer: GazetteerLike, sent_of: dict[int, int]
) -> list[Mention]:
    """`mentions` with state-body mentions added; NER spans they cover are dropped.

    Gazetteer organisations with a state parent keep their entry and gain the owner-prefixed
    surface as an alias ("U.S. State Department").
    """
    rules = _WORDS
    not_state = set(rules["not_state"])
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
    lowers = [t.lower_ for t in doc]
    i = 0
    while i < len(doc):
        if i in gaz_at:
            m = gaz_at[i]
            i = m.end
            continue
        hit = _match_at(lowers, i)
        if hit is None or not _is_head(doc, hit[0]):
            i += 1
            continue
        end, key, implied_state = hit
        start = i
        if start > 0 and doc[start - 1].lower_ in not_state:
            i = end
            continue
        owner, surface_start = _owner_before(doc, start, owner_at)
        surface_end = end
        if owner is not None and _coordinated(doc, surface_start, owner_at):
            i = end  # "Pakistani and Turkish special forces": the states' forces, not one body
            continue
        if owner is None and _inside_name(doc, start):
            i = end
            continue
        if owner is None:
            owner = _owner_after(doc, end, owner_at, key not in rules["abroad"])
            surface_end = owner[0].end if owner is not None else end
            if owner is not None and surface_end < len(doc) and doc[surface_end].lower_ in _COORDINATORS:
                i = end  # "the armed forces of A and B": both states' forces, not one body
                continue
        state_id = owner[1] if owner is not None else implied_state
        if state_id is None and start > 0 and doc[start - 1].lower_ in _OWNER_PRONOUNS:
            state_id = _last_state_in_sentence(doc, start, owner_at)  # "Tehran denied it, and its foreign ministry…"
        if state_id is None and key in last_of_kind:
            state_id = last_of_kind[key].parent
        if state_id is None and key not in rules["owner_required"] and (_definite(doc, start) or doc[start].is_title):
            state_id = _dominant_state(owner_at, start)
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
            sent_of.get(start, 0),
            gaz_id=body_id(state_id, key),
            form="body",
            is_subject=doc[end - 1].dep_ in {"nsubj", "nsubjpass"},
            name=_body_full_name(gazetteer, state_id, key),
            parent=state_id,
            aliases=aliases,
        )
        bodies.append(mention)
        last_of_kind[key] = mention
        covered.update(range(start, end))
        i = end
    kept = [
        _owner_named(doc, m, gazetteer) if m.gaz_id else m
        for m in mentions
        if m.gaz_id or not covered.intersection(range(m.start, m.end))
    ]
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
    if j >= 0 and (doc[j].tag_ == "POS" or doc[j].text in _POSSESSIVES):
        j -= 1
    owner = owner_at.get(j)
    if owner is None:
        return None, start
    first = owner[0].start + (1 if doc[owner[0].start].lower_ == "the" else 0)
    return owner, first


_HOME_OWNER_WORDS = frozenset(_WORDS["home_owner_words"])
_OWNER_WORDS = frozenset(_WORDS["owner_words"])


def _owner_after(doc: Doc, end: int, owner_at: dict[int, Owner], at_home: bool) -> Owner | None:
    """ "the armed forces of Ukraine", "the defence ministry in Berlin": the state right after the body."""
    if end >= len(doc) or doc[end].lower_ not in (_HOME_OWNER_WORDS if at_home else _OWNER_WORDS):
        return None
    for owner in owner_at.values():
        if owner[0].start in {end + 1, end + 2} and doc[end + 1 : owner[0].start].text.lower() in {"", "the"}:
            return owner
    return None


def _inside_name(doc: Doc, start: int) -> bool:
    """ "South Korea's National Intelligence Service": a capitalised word before the surface makes a name."""
    prev = doc[start - 1] if start > 0 else None
    return prev is not None and prev.is_title and prev.tag_ != "POS" and prev.pos_ in {"PROPN", "ADJ"}


def _last_state_in_sentence(doc: Doc, start: int, owner_at: dict[int, Owner]) -> str | None:
    """The last state named in the sentence before `start`, not as a modifier ("the Jordan attack")."""
    sent_start = doc[start].sent.start
    ends = [end for end in owner_at if sent_start <= end < start and doc[end].dep_ not in {"compound", "amod"}]
    return owner_at[max(ends)][1] if ends else None


def dominant_state(counts: Counter[str], *, alone_suffices: bool) -> str | None:
    """The state an article is about so far, from how often each state has been named: one named at
    least twice and twice as often as any other, or (`alone_suffices`) the only state named yet."""
    ranked = counts.most_common(2)
    if alone_suffices and len(ranked) == 1:
        return ranked[0][0]
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
        return None
    return ranked[0][0]


def _dominant_state(owner_at: dict[int, Owner], before: int) -> str | None:
    """ "The Defence Ministry said" in a story about one country is that country's ministry."""
    return dominant_state(Counter(state for end, (_m, state) in owner_at.items() if end < before), alone_suffices=True)


_DEFINITE_WORDS = frozenset(_WORDS["definite_words"])


def _definite(doc: Doc, start: int) -> bool:
    """ "the ministry", "its army": a body named again without its state."""
    return start > 0 and doc[start - 1].lower_ in _DEFINITE_WORDS


def _owner_named(doc: Doc, m: Mention, gazetteer: GazetteerLike) -> Mention:
    """A known organisation whose name opens with its own state ("Pakistan Air Force") says whose it is."""
    entry = gazetteer.get(m.gaz_id) if m.gaz_id else None
    parent = getattr(entry, "parent", None) if entry is not None else None
    if entry is None or entry.kind != "Organization" or not parent or m.end - m.start < 2:
        return m
    first = gazetteer.lookup(doc[m.start].text) if doc[m.start].lower_ != "the" else None
    return replace(m, form=OWNER_IN_NAME) if first is not None and first.id == parent else m


def _with_owner_aliases(doc: Doc, mentions: list[Mention], owner_at: dict[int, Owner]) -> list[Mention]:
    """A known body written after its state keeps that surface too: "the U.S. State Department"."""
    out = []
    for m in mentions:
        owner, surface_start = _owner_before(doc, m.start, owner_at)
        if owner is not None and m.label == "Organization" and m.gaz_id and owner[0] is not m:
            m = replace(m, aliases=(*m.aliases, doc[surface_start : m.end].text))
        out.append(m)
    return out

