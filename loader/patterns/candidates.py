"""Candidates: what a rule returns, the kinds each relation type accepts, and shared role finders."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from spacy.tokens import Token

from loader.patterns.syntax import Arg, Context
from loader.rules import load_rules

_WORDS = load_rules("candidates")

# Kinds allowed at each end of each type; Media are never endpoints.
ACTORS = frozenset({"Country", "Alliance", "ArmedGroup", "Organization", "Company"})
STATES_AND_GROUPS = frozenset({"Country", "Alliance", "ArmedGroup", "Organization"})
PLACES = frozenset({"Country", "Region"})
ENDPOINT_KINDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    # An armed group can belong to a coalition of groups ("members of the Three Brotherhood Alliance").
    "MEMBER_OF": (
        frozenset({"Country", "Organization", "ArmedGroup"}),
        frozenset({"Alliance", "Organization", "ArmedGroup"}),
    ),
    "PART_OF": (frozenset({"Organization", "Company", "ArmedGroup", "Person"}), ACTORS),
    "LEADS": (frozenset({"Person", "Country", "Alliance"}), ACTORS),  # "the Moscow-led CSTO"
    "ALLIED_WITH": (ACTORS | {"Region"}, ACTORS | {"Region"}),
    "SUPPLIES_ARMS_TO": (ACTORS, ACTORS | {"Region"}),
    "MILITARY_SUPPORT_TO": (STATES_AND_GROUPS | {"Company"}, ACTORS | {"Person"}),  # "fought for Assad"
    "JOINT_EXERCISE_WITH": (STATES_AND_GROUPS, STATES_AND_GROUPS),
    "HOSTS_BASE_OF": (frozenset({"Country"}), STATES_AND_GROUPS),
    "ATTACKED": (STATES_AND_GROUPS | {"Company"}, ACTORS | {"Region"}),
    "THREATENS": (STATES_AND_GROUPS, ACTORS | {"Region"}),
    "CONTROLS": (STATES_AND_GROUPS, PLACES),
    "SANCTIONS": (STATES_AND_GROUPS, ACTORS | {"Person"}),
    "REFUGEES_FLEE_TO": (PLACES, PLACES),
}


@dataclass
class Candidate:
    """A relation found by a rule, before hedges, negation and attribution are applied."""

    type: str
    source: Arg
    target: Arg
    trigger: Token
    confidence: float
    items: list[str] = field(default_factory=list)
    role: str | None = None
    modality: str | None = None  # set by a rule when the trigger itself fixes it ("delivered")
    subject_side: str | None = None  # which end came from the clause subject: "source"/"target"
    inferred: bool = False  # an end taken from context rather than syntax (dropped if a direct one exists)
    ended: bool = False  # the relation held once and no longer does ("left the alliance")


Rule = Callable[[Context, Token], Iterator[Candidate]]


def pairs(
    rtype: str, sources: list[Arg], targets: list[Arg], trigger: Token, confidence: float, **extra: object
) -> Iterator[Candidate]:
    """Every source × target candidate of one trigger; lists paired "respectively" go item by item."""
    if len(sources) == len(targets) >= 2 and any(t.lower_ == "respectively" for t in trigger.sent):
        for s, t in zip(sources, targets, strict=True):
            if s.id != t.id:
                yield Candidate(rtype, s, t, trigger, confidence * s.directness * t.directness, **extra)  # type: ignore[arg-type]
        return
    for s in sources:
        for t in targets:
            if s.id != t.id:
                yield Candidate(rtype, s, t, trigger, confidence * s.directness * t.directness, **extra)  # type: ignore[arg-type]


def is_noun(token: Token) -> bool:
    return token.pos_ in {"NOUN", "PROPN"}


def is_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} or (token.pos_ == "ADJ" and token.tag_ == "VBN")


_RESPONSE_VERBS = frozenset(_WORDS["response_verbs"])
_EVENT_CONTAINERS = frozenset(_WORDS["event_containers"])


_SOURCE_PREPS = tuple(_WORDS["source_preps"])
_TAKING_PART_VERBS = frozenset(_WORDS["taking_part_verbs"])


def noun_sources(ctx: Context, noun: Token, *, allow_weak: bool = False) -> tuple[list[Arg], bool]:
    """Who performs an event noun: "Russia's attack", "U.S. sanctions", "X launched an attack".

    Returns the actors and whether they came from a clause subject.
    """
    owners = ctx.owners(noun, allow_weak=allow_weak)
    if owners and all(o.actor.via == "coref" for o in owners) and noun.dep_ in {"dobj", "attr"} and is_verb(noun.head):
        # "X, Y and Z imposed their own sanctions": the subjects, not the pronoun's one antecedent.
        subjects = ctx.subjects(noun.head, allow_weak=allow_weak)
        if subjects:
            return subjects, True
    if owners:
        return owners, False
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in _EVENT_CONTAINERS:
        return noun_sources(ctx, noun.head.head, allow_weak=allow_weak)  # "a package of sanctions"
    by = ctx.prep_objects(noun, _SOURCE_PREPS)
    if by:
        return by, False
    head = noun.head
    if noun.dep_ in {"dobj", "attr", "nsubjpass", "oprd"} and is_verb(head):
        if noun.dep_ == "nsubjpass":
            return ctx.agents(head), False
        return ctx.subjects(head, allow_weak=allow_weak), True
    if (
        noun.dep_ == "pobj"
        and head.lower_ == "in"
        and is_verb(head.head)
        and head.head.lemma_.lower() in _TAKING_PART_VERBS
    ):
        return ctx.subjects(head.head, allow_weak=allow_weak), True  # "took part in exercises"
    if (
        noun.dep_ == "pobj"
        and head.lower_ == "with"
        and is_verb(head.head)
        and head.head.lemma_.lower() in _RESPONSE_VERBS
    ):
        return ctx.subjects(head.head, allow_weak=allow_weak), True  # "responded with airstrikes on X"
    for child in noun.children:
        if child.dep_ == "acl" and child.tag_ == "VBN":
            agents = ctx.agents(child)
            if agents:
                return agents, False
    return [], False


def verb_event(
    ctx: Context, verb: Token, rtype: str, preps: tuple[str, ...], *, dobj: bool = True, confidence: float = 0.85
) -> Iterator[Candidate]:
    """Subject → object of a transitive (or prepositional) event verb, passive included."""
    passive = any(c.dep_ == "nsubjpass" for c in verb.children) or (verb.dep_ == "acl" and verb.tag_ == "VBN")
    if passive:
        sources, targets, side = ctx.agents(verb), ctx.patients(verb), None
    else:
        sources = ctx.subjects(verb)
        targets = (ctx.objects(verb, frozenset({"dobj"})) if dobj else []) + ctx.prep_objects(verb, preps)
        side = "source"
    yield from pairs(rtype, sources, targets, verb, confidence, subject_side=side)


def noun_event(
    ctx: Context, noun: Token, rtype: str, preps: tuple[str, ...], confidence: float = 0.75, *, allow_weak: bool = False
) -> Iterator[Candidate]:
    targets = ctx.prep_objects(noun, preps)
    if not targets:
        return
    sources, from_subject = noun_sources(ctx, noun, allow_weak=allow_weak)
    yield from pairs(rtype, sources, targets, noun, confidence, subject_side="source" if from_subject else None)


def np_head(token: Token) -> Token:
    """The head of the NP a compound modifier belongs to ("member" → "states")."""
    while token.dep_ == "compound" and token.head is not token:
        token = token.head
    return token


def hyphen_modifier(ctx: Context, noun: Token, lemmas: AbstractSet[str]) -> list[Arg]:
    """The X of an "X-backed" / "X-led" modifier of `noun` (a demonym will do)."""
    out: list[Arg] = []
    for mod in noun.children:
        if mod.dep_ == "amod" and mod.lemma_.lower() in lemmas:
            out += [
                a
                for c in mod.children
                if c.dep_ in {"npadvmod", "compound", "nmod"}
                for a in ctx.np_actors(c, allow_weak=True)
            ]
    return out
