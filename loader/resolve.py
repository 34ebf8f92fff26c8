"""Resolution of surface forms to canonical actor ids (pure: no spaCy, no I/O).

The extractor hands over every mention it found, in text order, as a `Mention`; this module
decides which actor each one names:

* gazetteer forms first (names, aliases, demonyms, metonyms), possessives stripped;
* people by full name, and later surname-only mentions of the same person;
* organisations and places the statistical NER found outside the gazetteer, at lower
  confidence (`org:<slug>`, `region:<slug>` when clearly a place);
* pronouns and definite descriptions ("it", "the group", "the alliance") to the last
  compatible actor, preferring recent subjects.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from loader.models import Entity
from loader.rules import lemmas, load_rules

_WORDS = load_rules("resolve")

# Confidence of an actor by how it was recognised: the gazetteer is curated, NER is not.
GAZETTEER_CONFIDENCE = 1.0
NER_PERSON_CONFIDENCE = 0.8
NER_ORG_CONFIDENCE = 0.6
NER_PLACE_CONFIDENCE = 0.5
COREF_FACTOR = 0.85
PROVISIONAL = "provisional"  # how an actor kept only as a relation's end was recognised

# How far back (in sentences) a pronoun or description may look for its antecedent.
PRONOUN_WINDOW = 2
DESCRIPTION_WINDOW = 8

_AFFIX_RE = re.compile(
    r"-(?:led|backed|based|aligned|allied|linked|made|owned|held|controlled|funded|brokered)$", re.IGNORECASE
)
_POSSESSIVE_RE = re.compile(r"(?:['\u2019]s|s['\u2019])$")
_LEADING_DET_RE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_TITLE_RE = re.compile(
    r"^(?:mr|mrs|ms|dr|gen|general|col|colonel|lt|president|prime minister|minister|"
    r"king|queen|prince|emir|sheikh|sir|lord|secretary|chancellor|premier|commander|adm|admiral|captain|capt|major|maj)\.?\s+",
    re.IGNORECASE,
)


class GazetteerEntryLike(Protocol):
    """What resolution needs from a gazetteer entry."""

    id: str
    name: str
    kind: str
    iso2: str | None
    iso3: str | None


class GazetteerLike(Protocol):
    """What resolution needs from the gazetteer (see loader.gazetteer.Gazetteer)."""

    def lookup(self, surface: str) -> GazetteerEntryLike | None: ...
    def get(self, actor_id: str) -> GazetteerEntryLike | None: ...
    def form_type(self, surface: str) -> str | None: ...


@dataclass(frozen=True)
class Mention:
    """A span of the article that may name an actor, as found by the extractor.

    `label` is the gazetteer kind (Country, Alliance…) for gazetteer matches, the spaCy
    NER label (PERSON, ORG, GPE, LOC, NORP) for statistical entities, "PRON" for pronouns
    and "DESC" for definite descriptions, whose head lemma is in `text`.
    """

    start: int
    end: int
    text: str
    label: str
    sent: int
    gaz_id: str | None = None
    form: str = "name"
    is_subject: bool = False
    subordinate: bool = False  # inside an adverbial clause: salient only within its own sentence
    place_context: bool = False
    compatible: tuple[str, ...] = ()
    clause: int = -1  # the verb this mention is the subject or object of (-1: neither)
    locative: bool = False  # the object of "in"/"at"/"into": where something is or happens
    titled: bool = False  # written after a title ("Minister Peled"): a person even as one word
    definite: bool = False  # written after "the" ("the Council")
    # Set by builders that know the actor already (state bodies): its name, parent and surfaces.
    name: str | None = None
    parent: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Resolved:
    """A mention with the actor it names."""

    mention: Mention
    actor_id: str
    kind: str
    name: str
    confidence: float
    weak: bool = False  # a demonym used as a modifier: a mention, but a poor relation endpoint
    via: str = "gazetteer"  # gazetteer | ner | coref | provisional
    parent: str | None = None  # the gazetteer's owning state or organisation (a company's state)


@dataclass
class Resolution:
    """The outcome of resolving one article: each mention's actor, and the entities seen."""

    resolved: list[Resolved] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    # Gazetteer parents of the actors named (a minister's state, an agency's state), whether or not the
    # article names them too: a bare title ("President Joe Biden") or an office's act stands for them.
    parents: dict[str, Entity] = field(default_factory=dict)

    def entity_list(self) -> list[Entity]:
        return sorted(self.entities.values(), key=lambda e: (-e.mentions, e.id))

    def provisional(self) -> set[str]:
        """Actors named only by an unresolved short reference ("the Council"): actors only in a relation."""
        named: dict[str, bool] = {}
        for r in self.resolved:
            if r.mention.label not in {"PRON", "DESC", "PAIR"}:  # pronouns only repeat a name
                named[r.actor_id] = named.get(r.actor_id, True) and r.via == PROVISIONAL
        return {actor for actor, only in named.items() if only}


def slugify(text: str) -> str:
    """ASCII, lower-case, hyphen-separated slug of a name."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    slug = re.sub(r"[^a-z0-9]+", "-", plain.casefold()).strip("-")
    return slug or "unnamed"


def clean_surface(text: str) -> str:
    """Surface form without a possessive ending, leading article or surrounding punctuation."""
    text = re.sub(r"\s+", " ", text).strip(" \t\n,;:\"'“”‘’()[]")
    text = _POSSESSIVE_RE.sub("", text).strip()
    return _LEADING_DET_RE.sub("", text)


_NAME_SUFFIXES = frozenset(_WORDS["name_suffixes"])


def _is_initial(word: str) -> bool:
    """A middle initial: "J.", "R", "J.R."."""
    letters = word.replace(".", "")
    return 0 < len(letters) <= 2 and letters.isalpha() and letters.isupper()


def person_name(name: str) -> str:
    """The name a person is known by: no title, no middle initials, no "Jr."/"III".

    "Secretary Lloyd J. Austin III" and "Lloyd Austin" are one person; the first and last
    names are kept ("Joseph R. Biden Jr." → "Joseph Biden").
    """
    words = strip_title(clean_surface(name)).replace(",", " ").split()
    while len(words) > 1 and words[-1].rstrip(".").casefold() in _NAME_SUFFIXES:
        words.pop()
    if len(words) > 2:
        words = [words[0], *(w for w in words[1:-1] if not _is_initial(w)), words[-1]]
    return " ".join(words)


def person_surname(name: str) -> str:
    """The surname of a full name ("Lloyd J. Austin III" → "Austin"); "" for a single word."""
    words = person_name(name).split()
    return words[-1] if len(words) > 1 else ""


def strip_title(name: str) -> str:
    """A person's name without a leading title ("President Joe Biden" → "Joe Biden")."""
    previous = None
    while previous != name:
        previous = name
        name = _TITLE_RE.sub("", name)
    return name


class _People:
    """Full names seen so far, so that "Mikheev" after "Alexander Mikheev" is the same person.

    People of the gazetteer named in full are noted too ("Austin" after "Lloyd J. Austin III").
    """

    def __init__(self) -> None:
        self._by_part: dict[str, str] = {}
        self._names: dict[str, str] = {}

    def add(self, full_name: str, person_id: str | None = None) -> str:
        full_name = person_name(full_name)
        person_id = person_id or f"person:{slugify(full_name)}"
        self._names.setdefault(person_id, full_name)
        surname = person_surname(full_name)
        if surname:
            # The surname is how later mentions refer back; the first name rarely is.
            self._by_part.setdefault(surname.casefold(), person_id)
        return person_id

    def find(self, surface: str) -> str | None:
        name = person_name(surface)
        parts = name.split()
        if len(parts) == 1:
            return self._by_part.get(parts[0].casefold())
        person_id = f"person:{slugify(name)}"
        return person_id if person_id in self._names else None

    def name(self, person_id: str) -> str:
        return self._names[person_id]


def _gazetteer_person(name: str, gazetteer: GazetteerLike) -> GazetteerEntryLike | None:
    """A gazetteer person named in a fuller or differently spelt form.

    "Lloyd J. Austin III" is "Lloyd Austin"; "Volodymyr Zelenskiy" is the entry whose
    surname alias is "Zelenskiy" and whose first name is Volodymyr.
    """
    name = person_name(name)
    words = name.split()
    if len(words) < 2:
        return None
    entry = gazetteer.lookup(name)
    if entry is not None:
        return entry if entry.kind == "Person" else None
    entry = gazetteer.lookup(words[-1])
    if entry is None or entry.kind != "Person":
        return None
    first = entry.name.split()[0].casefold()
    return entry if words[0].casefold() == first else None


def _subdivision(surface: str) -> bool:
    """ "Central Darfur State", "North Kivu Province": a place, whatever label NER gave it."""
    words = surface.split()
    return (
        len(words) >= 3
        and words[0].lower() in lemmas("text", "subdivision_directions")
        and words[-1].lower() in lemmas("text", "subdivision_units")
        and all(w[:1].isupper() for w in words)
    )


def _resolve_named(mention: Mention, gazetteer: GazetteerLike, people: _People) -> Resolved | None:
    """Resolve a gazetteer or NER mention (not a pronoun or description)."""
    surface = clean_surface(mention.text)
    if not surface:
        return None
    if mention.name and mention.gaz_id:
        return Resolved(mention, mention.gaz_id, "Organization", mention.name, GAZETTEER_CONFIDENCE,
                        parent=mention.parent)
    entry = gazetteer.get(mention.gaz_id) if mention.gaz_id else None
    form = mention.form
    affixed = _AFFIX_RE.search(surface)
    if entry is None and affixed:
        # "U.S.-led", "Iran-backed": a modifier naming an actor, weak like a demonym.
        entry = gazetteer.lookup(surface[: affixed.start()])
        form = "demonym" if entry else form
    if entry is None and mention.label in {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}:
        candidate = strip_title(surface) if mention.label == "PERSON" else surface
        entry = gazetteer.lookup(candidate)
        form = (gazetteer.form_type(candidate) or "name") if entry else form
        if entry is None and mention.label == "PERSON":
            entry = _gazetteer_person(surface, gazetteer)
    if entry is not None:
        weak = form == "demonym"
        parent = getattr(entry, "parent", None)
        if entry.kind == "Person":
            people.add(entry.name, entry.id)
        return Resolved(mention, entry.id, entry.kind, entry.name, GAZETTEER_CONFIDENCE, weak=weak, parent=parent)
    if mention.label in {"PERSON", "GPE", "LOC"} and not mention.locative:
        # "Austin" after "Lloyd Austin", however the NER tagged it, is the person.
        known = _known_person(mention, surface, gazetteer, people)
        if known is not None:
            return known
    if mention.label == "PERSON":
        name = person_name(surface)
        if not name or not name[0].isupper() or not strip_title(name + " X").endswith(name + " X"):
            return None  # empty, lower-case, or only a title ("Sheikh")
        if len(name.split()) == 1 and not (mention.titled or strip_title(surface) != surface):
            return None  # a lone word that is no known person's surname ("Date", "Kant")
        person_id = people.find(name) or people.add(name)
        return Resolved(mention, person_id, "Person", people.name(person_id), NER_PERSON_CONFIDENCE, via="ner")
    if mention.label == "ORG" and strip_title(surface) != surface and len(strip_title(surface).split()) >= 2:
        # "President Faustin-Archange Touadera" tagged as an organisation is a titled person.
        mention = Mention(**{**mention.__dict__, "label": "PERSON"})
        return _resolve_named(mention, gazetteer, people)
    if mention.label in {"ORG", "GPE", "LOC"} and _subdivision(surface):
        return Resolved(mention, f"region:{slugify(surface)}", "Region", surface, NER_PLACE_CONFIDENCE, via="ner")
    if mention.label == "ORG":
        if not surface[0].isupper() or len(surface) < 2:
            return None
        # A surname NER took for an organisation is still the person.
        known = _known_person(mention, surface, gazetteer, people)
        if known is not None:
            return known
        return Resolved(mention, f"org:{slugify(surface)}", "Organization", surface, NER_ORG_CONFIDENCE, via="ner")
    if mention.label in {"GPE", "LOC"} and mention.place_context:
        if not surface[0].isupper():
            return None
        return Resolved(mention, f"region:{slugify(surface)}", "Region", surface, NER_PLACE_CONFIDENCE, via="ner")
    return None


def _known_person(
    mention: Mention, surface: str, gazetteer: GazetteerLike, people: _People
) -> Resolved | None:
    """The person a surname (or a titled surname) names, when the article named them in full."""
    person_id = people.find(strip_title(surface))
    if person_id is None or len(person_name(surface).split()) > 1:
        return None
    entry = gazetteer.get(person_id)
    if entry is not None:
        return Resolved(mention, entry.id, entry.kind, entry.name, GAZETTEER_CONFIDENCE,
                        parent=getattr(entry, "parent", None))
    return Resolved(mention, person_id, "Person", people.name(person_id), NER_PERSON_CONFIDENCE, via="ner")


_ORGANISATION_KINDS = frozenset({"Organization", "Alliance", "Company", "ArmedGroup", "Media"})


def _short_reference(mention: Mention, history: Sequence[Resolved]) -> Resolved | None:
    """ "the Council" after "the EU Council", "the Commission" after "the European Commission":
    one capitalised word of an organisation's name, named earlier in the article."""
    word = clean_surface(mention.text)
    for r in reversed(history):
        named = {*r.name.split(), *clean_surface(r.mention.text).split()}
        if r.kind in _ORGANISATION_KINDS and not r.weak and word in named:
            via = PROVISIONAL if r.via == PROVISIONAL else "coref"
            return Resolved(mention, r.actor_id, r.kind, r.name, r.confidence * COREF_FACTOR, via=via,
                            parent=r.parent)
    if not (mention.definite and word[:1].isupper()):
        return None
    # Unresolved ("The Council adopted sanctions" in a Council release): provisional, kept by the
    # extractor only when a relation stands on it.
    return Resolved(mention, f"org:{slugify(word)}", "Organization", word, NER_ORG_CONFIDENCE, via=PROVISIONAL)


def _name_fits(mention: Mention, antecedent: Resolved, gazetteer: GazetteerLike) -> bool:
    """ "the force" refers back to a "... Force" or "... Mission" (by its name or a known alias),
    whatever else was named since."""
    words = load_rules("text").get("description_name_words") or {}
    head = mention.text.lower()
    wanted = words.get(head) or words.get(head.removesuffix("s"))
    if mention.label != "DESC" or not wanted:
        return True
    entry = gazetteer.get(antecedent.actor_id)
    names = [antecedent.name, *(getattr(entry, "aliases", None) or [])]
    return any(w in name.lower().split() for name in names for w in wanted)


def _antecedent(mention: Mention, history: Sequence[Resolved]) -> Resolved | None:
    """The last compatible actor before `mention`, preferring a recent subject."""
    window = PRONOUN_WINDOW if mention.label == "PRON" else DESCRIPTION_WINDOW
    compatible = [
        r
        for r in reversed(history)
        if r.kind in mention.compatible
        and not r.weak
        and r.mention.start < mention.start
        and mention.sent - r.mention.sent <= window
    ]
    if mention.clause >= 0 and not mention.is_subject:
        # "Russia invaded the country": an object never refers to its own verb's subject.
        own = {r.actor_id for r in compatible if r.mention.is_subject and r.mention.clause == mention.clause}
        compatible = [r for r in compatible if r.actor_id not in own]
    if not compatible:
        return None
    if mention.label == "DESC" and mention.locative:
        # "Japan opened a base in Djibouti. Italy also has a base in the country": a place named
        # again as a place continues the last place, not the last subject.
        places = [r for r in compatible if r.mention.locative]
        if places:
            return places[0]
    for r in compatible:
        # Centering: a pronoun or "the country" usually continues the most recent subject.
        if r.mention.is_subject and (
            mention.sent == r.mention.sent or (mention.sent - r.mention.sent == 1 and not r.mention.subordinate)
        ):
            return r
    return compatible[0]


PAIR_WINDOW = 2  # sentences back in which "the two countries" must find both


def _pair_antecedents(mention: Mention, history: Sequence[Resolved]) -> list[Resolved]:
    """The two actors named together in the latest sentence that names exactly two compatible ones."""
    by_sent: dict[int, dict[str, Resolved]] = {}
    for r in history:
        recent = 0 <= mention.sent - r.mention.sent <= PAIR_WINDOW
        if r.kind in mention.compatible and not r.weak and r.mention.start < mention.start and recent:
            by_sent.setdefault(r.mention.sent, {}).setdefault(r.actor_id, r)
    for sent in sorted(by_sent, reverse=True):
        if len(by_sent[sent]) == 2:
            return list(by_sent[sent].values())
        if len(by_sent[sent]) > 2:
            return []  # which two of several is not for us to guess
    return []


def resolve_mentions(mentions: Iterable[Mention], gazetteer: GazetteerLike) -> Resolution:
    """Resolve mentions (in text order) to actors and collect the article's entities."""
    people = _People()
    result = Resolution()
    history: list[Resolved] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if mention.label == "PAIR":
            for one in _pair_antecedents(mention, history):
                result.resolved.append(Resolved(mention, one.actor_id, one.kind, one.name,
                                                one.confidence * COREF_FACTOR, via="coref", parent=one.parent))
            continue
        if mention.label in {"PRON", "DESC"}:
            target = _antecedent(mention, [r for r in history if _name_fits(mention, r, gazetteer)])
            if target is None:
                continue
            resolved = Resolved(
                mention,
                target.actor_id,
                target.kind,
                target.name,
                target.confidence * COREF_FACTOR,
                via="coref",
                parent=target.parent,
            )
            result.resolved.append(resolved)
            continue
        if mention.label == "ORG_HEAD":
            resolved_named = _short_reference(mention, history)
        else:
            resolved_named = _resolve_named(mention, gazetteer, people)
        if resolved_named is None:
            continue
        result.resolved.append(resolved_named)
        history.append(resolved_named)
        _count(result.entities, resolved_named, gazetteer)
        _note_parent(result.parents, resolved_named, gazetteer)
    return result


def _note_parent(parents: dict[str, Entity], resolved: Resolved, gazetteer: GazetteerLike) -> None:
    if not resolved.parent or resolved.parent in parents:
        return
    entry = gazetteer.get(resolved.parent)
    if entry is None:
        return
    parents[resolved.parent] = Entity(
        id=entry.id, name=entry.name, kind=entry.kind, mentions=0, confidence=GAZETTEER_CONFIDENCE,  # type: ignore[arg-type]
        iso2=getattr(entry, "iso2", None), iso3=getattr(entry, "iso3", None),
    )


def _count(entities: dict[str, Entity], resolved: Resolved, gazetteer: GazetteerLike) -> None:
    entity = entities.get(resolved.actor_id)
    if entity is None:
        entry = gazetteer.get(resolved.actor_id)
        entity = Entity(
            id=resolved.actor_id,
            name=resolved.name,
            kind=resolved.kind,  # type: ignore[arg-type]
            confidence=resolved.confidence,
            iso2=getattr(entry, "iso2", None),
            iso3=getattr(entry, "iso3", None),
        )
        entities[resolved.actor_id] = entity
    entity.mentions += 1
    entity.confidence = max(entity.confidence, resolved.confidence)
    surface = clean_surface(resolved.mention.text)
    if resolved.kind == "Person":
        surface = strip_title(surface)
    for form in (surface, *(clean_surface(a) for a in resolved.mention.aliases)):
        if form and form != entity.name and form not in entity.aliases:
            entity.aliases.append(form)
