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
from loader.patterns.cooperation import home_of, mistagged_host
from loader.patterns.syntax import Arg, Context
from loader.rules import load_rules

_WORDS = load_rules("refugees")

_PEOPLE_NOUNS = frozenset(_WORDS["people_nouns"])
_HARM_NOUNS = frozenset(_WORDS["harm_nouns"])
_STAY_VERBS = frozenset(_WORDS["stay_verbs"])
_SHELTER_SITES = frozenset(_WORDS["shelter_sites"])
_ASPECT_VERBS = frozenset(_WORDS["aspect_verbs"])
# Verbs of arriving that end a flight begun in a participle: "Haitians fleeing … arrived in X".
_ARRIVE_VERBS = lx.FLEE_VERBS | {"settle", "land", "seek", "find"}


_ARRIVAL_VERBS = frozenset(_WORDS["arrival_verbs"])
_DESTINATION_PREPS = tuple(_WORDS["destination_preps"])
_FROM_PREP = tuple(_WORDS["from_prep"])
_FLEEING_VERBS = frozenset(_WORDS["fleeing_verbs"])
_LEAVING_VERBS = frozenset(_WORDS["leaving_verbs"])
_ARRIVING_VERBS = frozenset(_WORDS["arriving_verbs"])
_PEOPLE_PRONOUNS = frozenset(_WORDS["people_pronouns"])
_ORIGIN_PREPS = frozenset(_WORDS["origin_preps"])
_INTO_TO_PREPS = frozenset(_WORDS["into_to_preps"])
_TO_PREP = tuple(_WORDS["to_prep"])
_FOR_PREP = tuple(_WORDS["for_prep"])
_SHARE_WORDS = frozenset(_WORDS["share_words"])


def _flee_verb(ctx: Context, verb: Token) -> Iterator[Candidate]:
    """Covers "100,000 ethnic Armenians fled from Nagorno-Karabakh to Armenia"."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _ASPECT_VERBS:
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]  # "refugees continue to cross into X"
    if not subjects and verb.dep_ in {"xcomp", "ccomp"}:
        subjects = [c for c in verb.head.children if c.dep_ == "dobj"]  # "prompting Armenians to flee"
    flight = verb  # the clause that says what people fled
    if not subjects:
        # "thousands of civilians fleeing fighting in X have sought refuge in Chad"
        for clause in verb.children:
            if clause.dep_ == "csubj":
                subjects, flight = [c for c in clause.children if c.dep_ == "nsubj"], clause
    if not subjects and verb.dep_ == "acl" and is_noun(verb.head):
        # "Haitians fleeing gang violence have arrived in the Dominican Republic"
        subjects = [verb.head]
        if verb.head.dep_ in {"nsubj", "nsubjpass"} and verb.head.head.lemma_.lower() in _ARRIVE_VERBS:
            verb, flight = verb.head.head, verb
    if not subjects:
        return
    subject = subjects[0]
    part = _part_of_people(subject)
    if part is not None:
        subject = part  # "100,000 of its residents", "1.2 million of them"
    demonym = ctx.actor(subject)  # "Armenians fled": a people named by its demonym
    if demonym is not None and not demonym.weak:
        demonym = None
    # "thousands of Rohingya": a counted people the gazetteer does not name
    counted_people = part is not None and subject.pos_ == "PROPN"
    if subject.lemma_.lower() not in _PEOPLE_NOUNS | _PEOPLE_PRONOUNS and demonym is None and not counted_people:
        return
    # "fled from X"; "people from X fled"
    origins = ctx.prep_objects(verb, _FROM_PREP, allow_weak=True)
    origins += ctx.prep_objects(subject, _FROM_PREP, allow_weak=True)
    if flight is not verb:
        origins += ctx.prep_objects(flight, _FROM_PREP, allow_weak=True) + _fled_places(ctx, flight)
    if verb.lemma_.lower() not in _ARRIVAL_VERBS:
        origins += _fled_places(ctx, verb)
    if demonym is None:
        # "Russian men fleeing mobilisation", "Sudanese civilians": the people's country
        demonym = next((a.actor for a in _demonym_modifiers(ctx, subject)), None)
    # "Gaza's residents"; a pronoun ("its residents") too often points at the wrong place.
    origins += [a for c in subject.children if c.dep_ == "poss" for a in ctx.np_actors(c) if a.actor.via != "coref"]
    if not origins and verb.dep_ == "conj" and verb.head.lemma_.lower() in _FLEEING_VERBS:
        # "… have fled Ukraine, and a million of them have crossed into Poland"
        head = verb.head
        origins = ctx.prep_objects(head, _FROM_PREP, allow_weak=True) + ctx.objects(head, frozenset({"dobj"}))
    if demonym is not None and not origins:
        origins = [Arg(demonym, 0.7)]
    dests = ctx.prep_objects(verb, _DESTINATION_PREPS)
    if any(h.lemma_.lower() in _HAVEN_NOUNS for h in ctx.prep_tokens(verb, _TO_PREP)):
        # "fled to safety in Uzbekistan" (the parser hangs "in" on the noun or on the verb)
        dests += [a for h in ctx.prep_tokens(verb, _TO_PREP) for a in _in_places(ctx, h)] + _in_places(ctx, verb)
    if verb.lemma_.lower() in _LEAVING_VERBS and origins:
        # "fled Nagorno-Karabakh for Armenia" (the parser may hang "for" on the place)
        places = [verb] + [o for o in verb.children if o.dep_ == "dobj"]
        dests += [a for head in places for a in ctx.prep_objects(head, _FOR_PREP)]
    if verb.lemma_.lower() in _SHELTER_VERBS | _ARRIVING_VERBS:
        dests += _in_places(ctx, verb)  # "sought refuge in Chad", "arrived in X"
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in _ORIGIN_PREPS:
            # "fled from A to B" / "across the border into B": the parser may nest "to B" there
            dests += ctx.prep_objects(prep, _INTO_TO_PREPS)
            for pobj in prep.children:
                dests += ctx.prep_objects(pobj, _INTO_TO_PREPS)
    if not dests:
        # "… have fled Sudan, most of them to Chad and Egypt"
        for tok in verb.sent:
            if tok.lower_ in _INTO_TO_PREPS and tok.head.lower_ in _SHARE_WORDS:
                dests += [a for p in tok.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
    yield from pairs("REFUGEES_FLEE_TO", origins, dests, verb, 0.7)


_IN_PREP = tuple(_WORDS["in_prep"])


def _fled_places(ctx: Context, verb: Token) -> list[Arg]:
    """What a flight verb's object names: "fled Ukraine", "fleeing fighting in Sudan's Darfur region"."""
    out = ctx.objects(verb, frozenset({"dobj"}))
    for obj in verb.children:
        if obj.dep_ == "dobj" and obj.lemma_.lower() in _HARM_NOUNS and obj.i not in ctx.by_token:
            out += [a for p in ctx.prep_tokens(obj, _IN_PREP) for a in _place(ctx, p)]
    return out


_PLACE_WORDS = frozenset(_WORDS["place_words"])


def _place(ctx: Context, noun: Token) -> list[Arg]:
    """The place an NP names; "Sudan's Darfur region" is Darfur rather than Sudan."""
    if noun.lemma_.lower() in _PLACE_WORDS and noun.i not in ctx.by_token:
        # a known region first, else the country that owns it ("Sudan's Gedaref state")
        named = [
            Arg(r)
            for c in noun.children
            if c.dep_ == "compound" and (r := ctx.actor(c)) is not None and r.kind == "Region" and r.via != "ner"
        ]
        return named or ctx.owners(noun) or ctx.np_actors(noun)
    return ctx.np_actors(noun)


def _demonym_modifiers(ctx: Context, noun: Token) -> list[Arg]:
    """The countries of "Sudanese civilians", "Russian men"."""
    out: list[Arg] = []
    for child in noun.children:
        r = ctx.actor(child)
        if child.dep_ not in {"amod", "compound"} or child.i > noun.i or r is None:
            continue
        if r.kind in {"Country", "Region"}:
            out.append(Arg(r, 0.7 if r.weak else 0.9))
    return out


def _in_places(ctx: Context, head: Token) -> list[Arg]:
    """Where people stay: "in Bangladesh", "in camps in Bangladesh"."""
    out: list[Arg] = []
    for place in ctx.prep_tokens(head, _IN_PREP):
        found = _place(ctx, place)
        if not found and place.i not in ctx.by_token:
            found = ctx.prep_objects(place, _IN_PREP) + ctx.owners(place)
        out += found
    return out


def _sheltering_site(ctx: Context, verb: Token) -> list[Arg]:
    """Covers "Kenya's Dadaab camp shelters 300,000 refugees": the site's country hosts them."""
    out: list[Arg] = []
    for subj in verb.children:
        if subj.dep_ == "nsubj" and subj.lemma_.lower() in _SHELTER_SITES:
            out += ctx.owners(subj) + _in_places(ctx, subj)
    return out


_HAVEN_NOUNS = frozenset(_WORDS["haven_nouns"])

_SHELTER_VERBS = frozenset(_WORDS["shelter_verbs"])
_QUANTITY_WORDS = frozenset(_WORDS["quantity_words"])


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


_REFUGE_NOUNS = frozenset(_WORDS["refuge_nouns"])
_FLIGHT_VERBS = frozenset(_WORDS["flight_verbs"])
_REFUGEE_NOUNS = frozenset(_WORDS["refugee_nouns"])


def refugees(ctx: Context, tok: Token) -> Iterator[Candidate]:
    lemma = tok.lemma_.lower()
    if is_noun(tok) and lemma in _REFUGE_NOUNS:
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _SHELTER_VERBS:
            yield from _flee_verb(ctx, tok.head)  # "thousands sought refuge in Chad"
        return
    if is_verb(tok) and lemma in _FLIGHT_VERBS:
        yield from _flee_verb(ctx, tok)
        return
    if is_verb(tok) and lemma in lx.HOST_VERBS:
        yield from _hosted_people(ctx, tok)
        return
    if not is_noun(tok) or lemma not in _REFUGEE_NOUNS:
        return
    if lemma == "asylum" and tok.dep_ == "compound" and is_noun(tok.head):
        yield from _refugee_noun(ctx, tok.head, trigger=tok)  # "asylum seekers from Syria"
    else:
        yield from _refugee_noun(ctx, tok, trigger=tok)


_REFUGEE_DESTINATION_PREPS = tuple(_WORDS["refugee_destination_preps"])
_VERB_DESTINATION_PREPS = tuple(_WORDS["verb_destination_preps"])
_CLAUSE_DESTINATION_PREPS = tuple(_WORDS["clause_destination_preps"])


def _refugee_noun(ctx: Context, tok: Token, trigger: Token) -> Iterator[Candidate]:
    origins = ctx.owners(tok, allow_weak=True) + ctx.prep_objects(tok, _FROM_PREP, allow_weak=True)
    dests = ctx.prep_objects(tok, _REFUGEE_DESTINATION_PREPS, allow_weak=False)
    if not dests:
        dests = [a for p in ctx.prep_tokens(tok, _IN_PREP) if p.i not in ctx.by_token for a in _in_places(ctx, p)]
    holder = tok
    while holder.dep_ == "pobj" and holder.head.dep_ == "prep" and holder.head.lower_ == "of":
        holder = holder.head.head  # "thousands of refugees", "waves of refugees"
    verb = holder.head if holder.dep_ in {"nsubj", "dobj", "nsubjpass"} else None
    if verb is not None and is_verb(verb):
        if holder.dep_ == "nsubj":
            verb = _governed_flight(verb)
        vlemma = verb.lemma_.lower()
        if holder.dep_ == "nsubj" and vlemma in lx.FLEE_VERBS:
            dests += ctx.prep_objects(verb, _VERB_DESTINATION_PREPS)
            origins += ctx.prep_objects(verb, _FROM_PREP, allow_weak=True)
            if vlemma in _LEAVING_VERBS:
                origins += ctx.objects(verb, frozenset({"dobj"}))
        elif holder.dep_ == "dobj" and vlemma in lx.HOST_VERBS:
            hosts = [a for a in ctx.subjects(verb) if a.actor.kind in {"Country", "Region"}]
            # "Kenya's Dadaab camp shelters …": the site's country, even when the site itself is named
            dests += _sheltering_site(ctx, verb) or hosts
            origins += ctx.prep_objects(verb, _FROM_PREP, allow_weak=True)  # "received 100,000 refugees from X"
        elif holder.dep_ in {"nsubj", "nsubjpass"} and vlemma in _STAY_VERBS:
            dests += _in_places(ctx, verb)  # "refugees live in camps in Bangladesh", "are registered in Poland"
    else:
        dests += mistagged_host(ctx, holder.head)  # "Bangladesh hosts …" read as a noun phrase
    dests += home_of(ctx, holder)  # "Jordan is home to 650,000 Syrian refugees"
    for child in tok.children:
        if child.dep_ in {"acl", "relcl"} and child.lemma_.lower() in lx.FLEE_VERBS:
            dests += ctx.prep_objects(child, _CLAUSE_DESTINATION_PREPS)
            origins += ctx.prep_objects(child, _FROM_PREP, allow_weak=True)
            if child.lemma_.lower() in _FLEEING_VERBS:
                origins += ctx.objects(child, frozenset({"dobj"}))
    yield from pairs("REFUGEES_FLEE_TO", origins, dests, trigger, 0.7)


def _governed_flight(verb: Token) -> Token:
    """The flight verb under "continue to" / "began to": "refugees continue to arrive in Chad"."""
    if verb.lemma_.lower() in _ASPECT_VERBS:
        for child in verb.children:
            if child.dep_ == "xcomp" and child.lemma_.lower() in _ARRIVE_VERBS | _STAY_VERBS:
                return child
    return verb


def _hosted_people(ctx: Context, verb: Token) -> Iterator[Candidate]:
    """Covers "Poland has taken in 1 million Ukrainians", "Turkey hosts 3.6 million Syrians"."""
    if verb.lemma_.lower() == "take" and not any(c.dep_ == "prt" and c.lower_ == "in" for c in verb.children):
        return  # "took Kherson" is a capture, "took in Ukrainians" a welcome
    for obj in verb.children:
        if obj.dep_ != "dobj":
            continue
        people = _part_of_people(obj) or obj
        r = ctx.actor(people)
        # A people named by its plural demonym, counted: not "hosted Ukrainian officials".
        counted = any(c.dep_ in {"nummod", "quantmod"} for c in people.children) or people is not obj
        if r is None or not r.weak or people.tag_ not in {"NNPS", "NNS"} or not counted:
            continue
        yield from pairs("REFUGEES_FLEE_TO", [Arg(r, 0.7)], ctx.subjects(verb), verb, 0.7)
