"""REFUGEES_FLEE_TO: refugee flows from an origin to a destination."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from loader.patterns import lexicon as lx
from loader.patterns.candidates import (
    Candidate,
    is_noun,
    is_verb,
    pairs,
)
from loader.patterns.syntax import Arg, Context

_PEOPLE_NOUNS = frozenset(
    {
        "people",
        "civilian",
        "resident",
        "refugee",
        "family",
        "person",
        "thousand",
        "million",
        "hundred",
        "villager",
        "inhabitant",
        "migrant",
    }
)


def _flee_verb(ctx: Context, verb: Token) -> Iterator[Candidate]:
    """Covers "100,000 ethnic Armenians fled from Nagorno-Karabakh to Armenia"."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects and verb.dep_ in {"xcomp", "ccomp"}:
        subjects = [c for c in verb.head.children if c.dep_ == "dobj"]  # "prompting Armenians to flee"
    if not subjects:
        return
    subject = subjects[0]
    part = _part_of_people(subject)
    if part is not None:
        subject = part  # "100,000 of its residents", "1.2 million of them"
    demonym = ctx.actor(subject)  # "Armenians fled": a people named by its demonym
    if demonym is not None and not demonym.weak:
        demonym = None
    if subject.lemma_.lower() not in _PEOPLE_NOUNS | {"they", "them"} and demonym is None:
        return
    # "fled from X"; "people from X fled"
    origins = ctx.prep_objects(verb, ("from",), allow_weak=True) + ctx.prep_objects(subject, ("from",), allow_weak=True)
    if verb.lemma_.lower() != "cross":
        origins += ctx.objects(verb, frozenset({"dobj"}))
    # "Gaza's residents"; a pronoun ("its residents") too often points at the wrong place.
    origins += [a for c in subject.children if c.dep_ == "poss" for a in ctx.np_actors(c) if a.actor.via != "coref"]
    if not origins and verb.dep_ == "conj" and verb.head.lemma_.lower() in {"flee", "escape"}:
        # "… have fled Ukraine, and a million of them have crossed into Poland"
        head = verb.head
        origins = ctx.prep_objects(head, ("from",), allow_weak=True) + ctx.objects(head, frozenset({"dobj"}))
    if demonym is not None and not origins:
        origins = [Arg(demonym, 0.7)]
    dests = ctx.prep_objects(verb, ("to", "into", "toward", "towards"))
    if verb.lemma_.lower() in _SHELTER_VERBS:
        dests += ctx.prep_objects(verb, ("in",))  # "sought refuge in Chad"
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in {"from", "across"}:
            # "fled from A to B" / "across the border into B": the parser may nest "to B" there
            dests += ctx.prep_objects(prep, ("to", "into"))
            for pobj in prep.children:
                dests += ctx.prep_objects(pobj, ("to", "into"))
    if not dests:
        # "… have fled Sudan, most of them to Chad and Egypt"
        for tok in verb.sent:
            if tok.lower_ in {"to", "into"} and tok.head.lower_ in {
                "most",
                "many",
                "some",
                "half",
                "majority",
                "thousands",
                "others",
            }:
                dests += [a for p in tok.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
    yield from pairs("REFUGEES_FLEE_TO", origins, dests, verb, 0.7)


# Verbs of finding safety somewhere: "sought refuge in X", "found shelter in X".
_SHELTER_VERBS = frozenset({"seek", "find", "take"})
_QUANTITY_WORDS = frozenset({"many", "some", "most", "thousand", "million", "hundred", "half", "majority", "tens"})


def _part_of_people(subject: Token) -> Token | None:
    """The people in "100,000 of its residents", "a million of them"."""
    if subject.pos_ != "NUM" and subject.lemma_.lower() not in _QUANTITY_WORDS:
        return None
    for child in subject.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def refugees(ctx: Context, tok: Token) -> Iterator[Candidate]:
    lemma = tok.lemma_.lower()
    if is_noun(tok) and lemma in {"refuge", "sanctuary", "shelter"}:
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _SHELTER_VERBS:
            yield from _flee_verb(ctx, tok.head)  # "thousands sought refuge in Chad"
        return
    if is_verb(tok) and lemma in {"flee", "escape", "cross"}:
        yield from _flee_verb(ctx, tok)
        return
    if not is_noun(tok) or lemma not in {"refugee", "asylum", "migrant", "evacuee"}:
        return
    origins = ctx.owners(tok, allow_weak=True) + ctx.prep_objects(tok, ("from",), allow_weak=True)
    dests = ctx.prep_objects(tok, ("in", "to", "into"), allow_weak=False)
    holder = tok
    while holder.dep_ == "pobj" and holder.head.dep_ == "prep" and holder.head.lower_ == "of":
        holder = holder.head.head  # "thousands of refugees", "waves of refugees"
    verb = holder.head if holder.dep_ in {"nsubj", "dobj"} else None
    if verb is not None and is_verb(verb):
        vlemma = verb.lemma_.lower()
        if holder.dep_ == "nsubj" and vlemma in lx.FLEE_VERBS:
            dests += ctx.prep_objects(verb, ("to", "into", "in", "toward", "towards", "for"))
            origins += ctx.prep_objects(verb, ("from",), allow_weak=True)
            if vlemma in {"flee", "escape", "leave"}:
                origins += ctx.objects(verb, frozenset({"dobj"}))
        elif holder.dep_ == "dobj" and vlemma in lx.HOST_VERBS:
            dests += ctx.subjects(verb)
    for child in tok.children:
        if child.dep_ in {"acl", "relcl"} and child.lemma_.lower() in lx.FLEE_VERBS:
            dests += ctx.prep_objects(child, ("to", "into", "toward", "towards", "for"))
            origins += ctx.prep_objects(child, ("from",), allow_weak=True)
            if child.lemma_.lower() in {"flee", "escape"}:
                origins += ctx.objects(child, frozenset({"dobj"}))
    yield from pairs("REFUGEES_FLEE_TO", origins, dests, tok, 0.7)
