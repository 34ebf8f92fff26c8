"""JOINT_EXERCISE_WITH, ALLIED_WITH, MILITARY_SUPPORT_TO and HOSTS_BASE_OF."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from loader.patterns import lexicon as lx
from loader.patterns.candidates import (
    Candidate,
    is_noun,
    is_verb,
    noun_event,
    noun_sources,
    np_head,
    pairs,
    verb_event,
)
from loader.patterns.syntax import Arg, Context


def exercises(ctx: Context, tok: Token) -> Iterator[Candidate]:
    lemma = tok.lemma_.lower()
    if is_verb(tok) and lemma in {"train", "drill", "exercise"}:
        partners = ctx.prep_objects(tok, ("with", "alongside"), allow_weak=True)
        yield from pairs(
            "JOINT_EXERCISE_WITH", ctx.subjects(tok, allow_weak=True), partners, tok, 0.75, subject_side="source"
        )
        return
    if not is_noun(tok) or lemma not in lx.EXERCISE_NOUNS:
        return
    if lemma == "exercise" and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return  # "the exercise of power"
    if lemma == "game" and not any(c.lower_ == "war" for c in tok.children):
        return
    partners = ctx.prep_objects(tok, ("with", "alongside"), allow_weak=True)
    between = ctx.prep_objects(tok, ("between", "involving", "among"), allow_weak=True)
    for child in tok.children:
        if child.dep_ == "acl" and child.lemma_.lower() in {"involve", "include"}:
            between += ctx.objects(child, frozenset({"dobj"}), allow_weak=True)
    subjects, from_subject = noun_sources(ctx, tok, allow_weak=True)
    head = tok.head
    if not partners and tok.dep_ in {"dobj"} and is_verb(head):
        partners = ctx.prep_objects(head, ("with", "alongside"), allow_weak=True)
    side = "source" if from_subject else None
    if partners:
        yield from pairs("JOINT_EXERCISE_WITH", subjects, partners, tok, 0.8, subject_side=side)
        return
    group = subjects + between
    joint = any(c.lower_ in {"joint", "combined", "bilateral", "trilateral", "multilateral"} for c in tok.children)
    joint = joint or (tok.dep_ == "dobj" and any(c.lower_ == "together" for c in tok.head.children))
    # "X and Y began their annual exercise": coordinated subjects exercise together,
    # unless the text says the drills were separate.
    separate = any(t.lower_ in {"separate", "own", "respective", "parallel", "rival"} for t in tok.children)
    joint = joint or (from_subject and not separate)
    if len(group) >= 2 and (joint or between):
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                yield from pairs("JOINT_EXERCISE_WITH", [a], [b], tok, 0.75)


def _allied_modifier(noun: Token) -> bool:
    """Covers "allied relations", "a declaration of allied relations"."""
    return any(t.lower_ in {"allied", "alliance"} and t.i != noun.i for t in noun.subtree)


def allied(ctx: Context, tok: Token) -> Iterator[Candidate]:
    lemma = tok.lemma_.lower()
    if is_verb(tok) and lemma in lx.ALLY_VERBS:
        yield from pairs(
            "ALLIED_WITH", ctx.subjects(tok), ctx.prep_objects(tok, ("with",)), tok, 0.8, subject_side="source"
        )
        return
    if not is_noun(tok) or ctx.actor(tok) is not None:
        return
    if lemma == "ally":
        owners = ctx.owners(tok) + ctx.prep_objects(tok, ("of",))
        others = ctx.prep_objects(tok, ("in",)) + [
            a for c in tok.children if c.dep_ == "appos" for a in ctx.np_actors(c)
        ]
        if tok.dep_ == "appos":
            others += ctx.np_actors(tok.head)
        if tok.dep_ in {"attr"}:
            subjects = ctx.subjects(tok.head)
            if owners:
                others += subjects
            elif len(subjects) >= 2:
                for i, a in enumerate(subjects):
                    yield from pairs("ALLIED_WITH", [a], subjects[i + 1 :], tok, 0.75)
                return
        head = np_head(tok)
        if head is not tok:
            others += ctx.np_actors(head)
        yield from pairs("ALLIED_WITH", owners, others, tok, 0.75)
    elif lemma == "allegiance":
        sources, side = noun_sources(ctx, tok)
        yield from pairs(
            "ALLIED_WITH", sources, ctx.prep_objects(tok, ("to",)), tok, 0.75, subject_side="source" if side else None
        )
    elif lemma in {"relation", "relations", "tie", "ties", "declaration"} and _allied_modifier(tok):
        subjects, side = noun_sources(ctx, tok)
        partners = ctx.prep_objects(tok, ("with",))
        group = subjects + partners
        for i, a in enumerate(group):
            yield from pairs("ALLIED_WITH", [a], group[i + 1 :], tok, 0.7)
    elif tok.dep_ == "appos" and getattr(ctx.actor(tok.head), "kind", None) == "Alliance":
        return  # "AUKUS, a security pact between …": membership of a named pact
    elif (lemma in lx.PACT_NOUNS and lemma != "alliance") or (
        lemma == "alliance" and ctx.prep_objects(tok, ("with", "between"))
    ):
        modifiers = {c.lemma_.lower() for c in tok.children}
        if lemma in {"agreement", "treaty", "partnership"} and not modifiers & lx.PACT_MODIFIERS:
            return
        partners = ctx.prep_objects(tok, ("with",))
        between = ctx.prep_objects(tok, ("between",))
        subjects, side = noun_sources(ctx, tok)
        if partners:
            yield from pairs("ALLIED_WITH", subjects, partners, tok, 0.7, subject_side="source" if side else None)
            return
        group = between if len(between) >= 2 else subjects
        for i, a in enumerate(group):
            yield from pairs("ALLIED_WITH", [a], group[i + 1 :], tok, 0.7)


_AFFILIATION_WORDS = frozenset({"aligned", "allied", "linked", "affiliated", "allegiant", "associated"})


def affiliation(ctx: Context, tok: Token) -> Iterator[Candidate]:
    """Covers "the Iran-aligned Houthis", "the al-Qaeda-linked group al-Shabab"."""
    r = ctx.actor(tok)
    if r is None or r.kind == "Media" or r.weak:
        return
    if tok.i + 2 >= len(ctx.doc) or tok.i + 1 != r.mention.end:
        return
    dash, word = ctx.doc[tok.i + 1], ctx.doc[tok.i + 2]
    if dash.text not in {"-", "\u2010", "\u2011"} or word.lower_ not in _AFFILIATION_WORDS:
        return
    head = word.head
    while head.dep_ == "compound" or (head.pos_ in {"ADJ"} and head.head is not head):
        head = head.head
    denoted = ctx.denote(head)
    partners = [denoted] if denoted else []
    if not partners:
        partners = [a for c in head.children if c.dep_ == "appos" for a in ctx.np_actors(c)]
    if not partners:
        # "the al-Qaeda-linked militant group al-Shabab": the name follows the description.
        nxt = max(t.i for t in head.subtree) + 1
        follow = ctx.by_token.get(nxt) if nxt < len(ctx.doc) else None
        if follow is None and head.i + 1 < len(ctx.doc):
            follow = ctx.by_token.get(head.i + 1)
        partners = [Arg(follow)] if follow is not None and follow.kind != "Media" else []
    yield from pairs("ALLIED_WITH", partners, [Arg(r)], word, 0.7)


def military_support(ctx: Context, tok: Token) -> Iterator[Candidate]:
    lemma = tok.lemma_.lower()
    if is_verb(tok) and lemma in {"deploy", "send", "dispatch"}:
        troops = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in lx.TROOP_NOUNS]
        if not troops and tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.lemma_.lower() in lx.TROOP_NOUNS:
            troops = [tok.head]  # "fighters … have been deployed in Mali"
        if troops:
            sources = ctx.subjects(tok) if not any(c.dep_ == "nsubjpass" for c in tok.children) else ctx.agents(tok)
            targets = ctx.prep_objects(tok, ("to",))
            if not targets and all(a.actor.kind in {"Alliance", "Organization"} for a in sources):
                targets = ctx.prep_objects(tok, ("in",))  # a peacekeeping mission deployed in X
            yield from pairs("MILITARY_SUPPORT_TO", sources, targets, tok, 0.75, subject_side="source")
    elif is_verb(tok) and lemma in {"defend", "protect", "guard"}:
        found = [
            c
            for c in verb_event(ctx, tok, "MILITARY_SUPPORT_TO", (), confidence=0.7)
            if c.target.actor.kind != "Person"
        ]
        if not found and any(a.actor.kind == "Person" for a in ctx.objects(tok, frozenset({"dobj"}))):
            # "protected President X in the Central African Republic": the state X leads.
            found = list(
                pairs(
                    "MILITARY_SUPPORT_TO",
                    ctx.subjects(tok),
                    ctx.prep_objects(tok, ("in",)),
                    tok,
                    0.65,
                    subject_side="source",
                )
            )
        yield from found
    elif is_verb(tok) and lemma == "fight":
        yield from pairs(
            "MILITARY_SUPPORT_TO",
            ctx.subjects(tok),
            ctx.prep_objects(tok, ("alongside", "for")),
            tok,
            0.7,
            subject_side="source",
        )
    elif is_noun(tok) and lemma in lx.SUPPORT_NOUNS:
        military = any(
            c.lemma_.lower() in {"military", "security", "defence", "defense", "armed"} for c in tok.children
        )
        if military or lemma in {"peacekeeping", "deployment"}:
            yield from noun_event(ctx, tok, "MILITARY_SUPPORT_TO", ("to", "for"), 0.7)
    elif is_verb(tok) and lemma == "back" and tok.dep_ == "amod":
        # "Iran-backed Houthis"
        sources = [a for c in tok.children if c.dep_ in {"npadvmod", "compound"} for a in ctx.np_actors(c)]
        backed = ctx.denote(tok.head)  # the modified noun only, not nouns coordinated with it
        yield from pairs("MILITARY_SUPPORT_TO", sources, [backed] if backed else [], tok, 0.65)


def hosts_base(ctx: Context, tok: Token) -> Iterator[Candidate]:
    lemma = tok.lemma_.lower()
    if (
        is_verb(tok)
        and lemma in {"host", "house", "station", "base"}
        and not any(c.dep_ == "nsubjpass" for c in tok.children)
    ):
        troops = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in lx.TROOP_NOUNS]
        guests = [a for t in troops for a in ctx.np_actors(t, allow_weak=True)]
        yield from pairs("HOSTS_BASE_OF", ctx.subjects(tok), guests, tok, 0.7, subject_side="source")
        return
    if is_noun(tok) and lemma in {"centre", "center", "hub"}:
        if not any(c.lemma_.lower() in {"transit", "military", "logistics", "naval", "air"} for c in tok.children):
            return
        lemma = "base"
    if is_noun(tok) and lemma in lx.BASE_NOUNS:
        if lemma == "facility" and not any(c.lemma_.lower() == "military" for c in tok.children):
            return
        guests = ctx.owners(tok, allow_weak=True) + ctx.prep_objects(tok, ("of",))
        hosts = ctx.prep_objects(tok, ("in", "on", "at"))
        guest_side = host_side = False
        head = tok.head
        if tok.dep_ == "dobj" and is_verb(head):
            if head.lemma_.lower() in {"host", "house", "allow", "lease"}:
                hosts, host_side = hosts or ctx.subjects(head), True
            elif head.lemma_.lower() in {
                "have",
                "maintain",
                "operate",
                "keep",
                "build",
                "open",
                "run",
                "establish",
                "use",
            }:
                if not guests:
                    guests, guest_side = ctx.subjects(head), True
                hosts = hosts or ctx.prep_objects(head, ("in", "on", "at"))
        elif tok.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() == "home":
            hosts, host_side = hosts or ctx.subjects(head.head.head), True  # "X is home to Y's base"
        for child in tok.children:
            if child.dep_ == "relcl" and child.lemma_.lower() in {
                "have",
                "maintain",
                "operate",
                "keep",
                "build",
                "open",
                "run",
                "use",
                "lease",
            }:
                guests = guests or ctx.subjects(child)  # "the Kant base, which Russia has operated"
        for pobj in ctx.prep_tokens(tok, ("in",)):
            for child in pobj.children:
                if child.dep_ == "relcl" and child.lemma_.lower() in {
                    "have",
                    "maintain",
                    "operate",
                    "keep",
                    "run",
                    "use",
                    "lease",
                }:
                    guests = guests or ctx.subjects(child)
        for c in pairs("HOSTS_BASE_OF", hosts, guests, tok, 0.7):
            c.subject_side = "source" if host_side else "target" if guest_side else None
            yield c
    elif is_verb(tok) and lemma == "station":
        troops = [c for c in tok.children if c.dep_ == "nsubjpass"] or ([tok.head] if tok.dep_ == "acl" else [])
        guests = [a for t in troops for a in ctx.np_actors(t, allow_weak=True)]
        yield from pairs("HOSTS_BASE_OF", ctx.prep_objects(tok, ("in", "on", "at")), guests, tok, 0.65)
