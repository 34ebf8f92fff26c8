"""MEMBER_OF: members of alliances, by list, copula, apposition, joining, founding."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from loader.patterns import lexicon as lx
from loader.patterns.candidates import (
    Candidate,
    is_noun,
    is_verb,
    np_head,
    pairs,
)
from loader.patterns.syntax import Arg, Context


def _orgs_of_member_noun(ctx: Context, noun: Token, head: Token) -> list[Arg]:
    orgs: list[Arg] = []
    for tok in {noun, head}:
        for child in tok.children:
            if child.dep_ in {"compound", "amod", "nmod"} and child.i < tok.i:
                r = ctx.actor(child)
                if r is not None and r.kind in {"Alliance", "Organization"}:
                    orgs.append(Arg(r))
            if child.dep_ == "poss" and noun.lemma_.lower() not in {"membership", "accession"}:
                orgs += ctx.np_actors(child)
        orgs += ctx.prep_objects(tok, ("of", "in", "to"))
    if not orgs and head.dep_ in {"dobj", "attr"} and head.head.lemma_.lower() in lx.CONTAIN_VERBS:
        orgs = ctx.subjects(head.head)
    return [o for o in orgs if o.actor.kind in {"Alliance", "Organization"}]


def colon_list(ctx: Context, token: Token) -> list[Arg]:
    """Actors listed right after an NP and a colon or dash: "six republics: A, B and C"."""
    end = max(t.i for t in token.subtree) + 1
    doc = ctx.doc
    if end < len(doc) - 1 and doc[end].text in {":", "\u2014", "\u2013", "-"}:
        r = ctx.by_token.get(end + 1)
        if r is None and doc[end + 1].lower_ == "the" and end + 2 < len(doc):
            r = ctx.by_token.get(end + 2)
        if r is not None:
            return ctx.np_actors(doc[r.mention.start : r.mention.end].root)
    return []


def _co_members(ctx: Context, *heads: Token) -> list[Arg]:
    """Covers "… a member of Y, alongside A and B" / "together with A"."""
    out: list[Arg] = []
    for head in heads:
        out += ctx.prep_objects(head, ("alongside", "besides"))
        for child in head.children:
            if (
                child.dep_ == "prep"
                and child.lower_ == "with"
                and any(g.lower_ in {"together", "along"} for g in child.children)
            ):
                out += [a for p in child.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
            if child.dep_ == "advmod" and child.lower_ in {"together", "along"}:
                out += ctx.prep_objects(child, ("with",))
    return out


def _listed_members(ctx: Context, head: Token) -> list[Arg]:
    members: list[Arg] = []
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in {"including", "like", "namely", "as", "include"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    members += ctx.np_actors(pobj)
        if child.dep_ == "appos":
            members += ctx.np_actors(child)
    members += colon_list(ctx, head)
    if head.dep_ == "nsubj" and head.head.lemma_.lower() in {"include", "be", "comprise"}:
        members += ctx.objects(head.head, frozenset({"dobj", "attr"}))
    return members


_QUANTIFIERS = frozenset({"several", "some", "many", "most", "all", "few", "two", "three", "four", "five", "six"})


def _quantity_holder(head: Token) -> Token | None:
    """Covers "several of its members, including A and B": the list hangs on the quantifier."""
    prep = head.head
    if head.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ in _QUANTIFIERS:
        return prep.head
    return None


def _sentence_alliances(ctx: Context, tok: Token, exclude: set[str]) -> list[Arg]:
    """The one alliance named in the sentence, if there is exactly one."""
    found: dict[str, Arg] = {}
    for t in tok.sent:
        r = ctx.actor(t)
        if r is not None and r.kind == "Alliance" and r.actor_id not in exclude:
            found.setdefault(r.actor_id, Arg(r, 0.8))
    return list(found.values()) if len(found) == 1 else []


_GROUPING_NOUNS = frozenset(
    {
        "pact",
        "alliance",
        "grouping",
        "bloc",
        "group",
        "partnership",
        "organisation",
        "organization",
        "union",
        "coalition",
        "club",
        "forum",
        "treaty",
        "body",
    }
)


def alliance_apposition(ctx: Context, tok: Token) -> Iterator[Candidate]:
    """Covers "AUKUS, a security pact between Australia, Britain and the United States"."""
    r = ctx.actor(tok)
    if r is None or r.kind != "Alliance" or tok.i != ctx.doc[r.mention.start : r.mention.end].root.i:
        return
    for child in tok.children:
        if child.dep_ == "appos" and child.lemma_.lower() in _GROUPING_NOUNS and ctx.actor(child) is None:
            members = ctx.prep_objects(child, ("between", "of", "with", "including", "among"))
            yield from pairs("MEMBER_OF", [m for m in members if m.actor.kind == "Country"], [Arg(r)], child, 0.75)


def member_of(ctx: Context, tok: Token) -> Iterator[Candidate]:
    lemma = tok.lemma_.lower()
    if is_verb(tok) and lemma in lx.JOIN_VERBS | lx.LEAVE_VERBS:
        targets = ctx.objects(tok, frozenset({"dobj"})) + ctx.prep_objects(tok, ("to",))
        targets = [t for t in targets if t.actor.kind == "Alliance"]
        mod = "former" if lemma in lx.LEAVE_VERBS else None
        joiners = ctx.subjects(tok)
        if tok.dep_ == "acl" and is_noun(tok.head):
            # "Hungary blocked Sweden's bid to join NATO": the bid's owner joins, not the blocker.
            joiners = [a for a in ctx.owners(tok.head, allow_weak=True) if a.actor.kind != "Person"]
        for c in pairs("MEMBER_OF", joiners, targets, tok, 0.8, modality=mod, subject_side="source"):
            c.ended = lemma in lx.LEAVE_VERBS  # "X left the bloc": no longer a member
            yield c
        return
    if is_verb(tok) and lemma in {"admit", "accept", "welcome"}:
        # "NATO admitted Finland", "the alliance welcomed Sweden as a member"
        orgs = [a for a in ctx.subjects(tok) if a.actor.kind == "Alliance"]
        members = ctx.objects(tok, frozenset({"dobj"}))
        as_member = any(p.lemma_.lower() in lx.MEMBER_NOUNS for p in ctx.prep_tokens(tok, ("as",)))
        if orgs and (lemma == "admit" or as_member):
            yield from pairs("MEMBER_OF", members, orgs, tok, 0.8)
        return
    if (
        is_noun(tok)
        and lemma in lx.MEMBER_NOUNS
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "as"
        and is_verb(tok.head.head)
    ):
        return  # handled by the verb: "welcomed Sweden as a member"
    if is_verb(tok) and lemma in {"include", "comprise", "group", "unite", "encompass"}:
        # "The SCO includes China, Russia and India": an alliance listing its members.
        orgs = [a for a in ctx.subjects(tok) if a.actor.kind == "Alliance"]
        if orgs and not any(c.dep_ == "nsubjpass" for c in tok.children):
            members = ctx.objects(tok, frozenset({"dobj"}))
            for obj in (c for c in tok.children if c.dep_ == "dobj"):
                members += colon_list(ctx, obj) + [
                    a for c in obj.children if c.dep_ == "appos" for a in ctx.np_actors(c)
                ]
            yield from pairs("MEMBER_OF", members, orgs, tok, 0.8)
        return
    if is_verb(tok) and lemma in {"found", "establish", "create", "form", "launch"}:
        # "The SCO was founded by China, Russia …" / "A and B founded the bloc"
        passive = any(c.dep_ == "nsubjpass" for c in tok.children)
        orgs = ctx.patients(tok) if passive else ctx.objects(tok, frozenset({"dobj"}))
        founders = ctx.agents(tok) if passive else ctx.subjects(tok)
        orgs = [o for o in orgs if o.actor.kind == "Alliance"]
        yield from pairs("MEMBER_OF", [f for f in founders if f.actor.kind == "Country"], orgs, tok, 0.75)
        return
    if not is_noun(tok) or lemma not in lx.MEMBER_NOUNS or ctx.actor(tok) is not None:
        return
    if lemma == "accession" and (
        tok.head.lemma_.lower() not in lx.ACCESSION_DONE_HEADS or any(c.dep_ == "neg" for c in tok.head.children)
    ):
        return  # "Ukraine's accession to NATO" may never happen; "was not completed"
    head = np_head(tok)
    orgs = _orgs_of_member_noun(ctx, tok, head)
    quantity = _quantity_holder(head)
    listed = _listed_members(ctx, head) + (_listed_members(ctx, quantity) if quantity is not None else [])
    if not orgs and listed and lemma == "member":
        # "the five existing members, A, B and C, …": members of the one bloc the sentence names
        orgs = _sentence_alliances(ctx, tok, {a.id for a in listed})
    if not orgs:
        return
    side = None
    members = listed
    if not members and lemma in {"membership", "accession"}:
        members = [a for c in tok.children if c.dep_ == "poss" for a in ctx.np_actors(c)]
    if not members and head is not tok and ctx.actor(head) is not None:
        members = ctx.np_actors(head)  # "NATO member Turkey"
    holder = head
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in {"one", "among"}:
        holder = head.head.head  # "X is one of the six members of Y"
    if not members and holder.dep_ in {"attr", "oprd"}:
        members, side = ctx.subjects(holder.head), "source"  # "X is a member of Y"
        members += _co_members(ctx, head, holder, holder.head)
    if not members and head.dep_ == "appos":
        members = ctx.np_actors(head.head)  # "X, a member of Y"
    yield from pairs("MEMBER_OF", members, orgs, tok, 0.85, subject_side=side)
