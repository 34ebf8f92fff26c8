"""MEMBER_OF: members of alliances named by a member noun, a bloc's own mention, or a list in a row.

Joining, leaving, admitting, founding and listing verbs are data constructions
(loader/rules/constructions/member_of.yaml).
"""

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
from loader.patterns.syntax import (
    Arg,
    Context,
    colon_list,
    conjuncts,
    possessors,
)
from loader.patterns.syntax import count_of as count_of
from loader.rules import lemmas, load_rules

_WORDS = load_rules("membership")


_MEMBER_ORG_PREPS = frozenset(_WORDS["member_org_preps"])
_MEMBERSHIP_NOUNS = frozenset(_WORDS["membership_nouns"])


def _orgs_of_member_noun(ctx: Context, noun: Token, head: Token) -> list[Arg]:
    orgs: list[Arg] = []
    for tok in {noun, head}:
        for child in tok.children:
            if child.dep_ in {"compound", "amod", "nmod"} and child.i < tok.i:
                r = ctx.actor(child)
                if r is not None and r.kind in {"Alliance", "Organization"}:
                    orgs.append(Arg(r))
            if child.dep_ == "poss" and noun.lemma_.lower() not in _MEMBERSHIP_NOUNS:
                orgs += ctx.np_actors(child)
        orgs += ctx.prep_objects(tok, _MEMBER_ORG_PREPS)
    if not orgs and head.dep_ in {"dobj", "attr"} and head.head.lemma_.lower() in lx.CONTAIN_VERBS:
        orgs = ctx.subjects(head.head)
    return [o for o in orgs if o.actor.kind in {"Alliance", "Organization"}]


_CO_MEMBER_PREPS = tuple(_WORDS["co_member_preps"])
_WITH_PREP = tuple(_WORDS["with_prep"])
_TOGETHER_ADVERBS = frozenset(_WORDS["together_adverbs"])


def _co_members(ctx: Context, *heads: Token) -> list[Arg]:
    """Covers "… a member of Y, alongside A and B" / "together with A"."""
    out: list[Arg] = []
    for head in heads:
        out += ctx.prep_objects(head, _CO_MEMBER_PREPS)
        for along in (c for c in head.children if c.lower_ == "along"):
            out += ctx.prep_objects(along, _WITH_PREP)  # "members of Y along with B"
        for child in head.children:
            if (
                child.dep_ == "prep"
                and child.lower_ == "with"
                and any(g.lower_ in _TOGETHER_ADVERBS for g in child.children)
            ):
                out += [a for p in child.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
            if child.dep_ == "advmod" and child.lower_ in _TOGETHER_ADVERBS:
                out += ctx.prep_objects(child, _WITH_PREP)
    return out


_LISTING_VERBS = frozenset(_WORDS["listing_verbs"])
_EXAMPLE_WORDS = frozenset(_WORDS["example_words"])


def _listed_members(ctx: Context, head: Token) -> list[Arg]:
    members: list[Arg] = []
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in _EXAMPLE_WORDS:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    members += ctx.np_actors(pobj)
        if child.dep_ == "appos":
            members += ctx.np_actors(child)
    members += colon_list(ctx, head)
    if head.dep_ == "nsubj" and head.head.lemma_.lower() in _LISTING_VERBS:
        members += ctx.objects(head.head, frozenset({"dobj", "attr"}))
    return members


_QUANTIFIERS = frozenset(_WORDS["quantifiers"])


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


_ONE_OF_WORDS = frozenset(_WORDS["one_of_words"])
_OF_PREP = tuple(_WORDS["of_prep"])
_END_VERBS = frozenset(_WORDS["end_verbs"])


def member_of(ctx: Context, tok: Token) -> Iterator[Candidate]:
    """MEMBER_OF read from a member noun ("X is a member of Y", "NATO member Turkey") and from "the other
    nine are …". Verbs of joining, leaving, admitting, founding and listing are data constructions."""
    lemma = tok.lemma_.lower()
    if (
        is_noun(tok)
        and lemma in lx.MEMBER_NOUNS
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "as"
        and is_verb(tok.head.head)
    ):
        return  # handled by the verb: "welcomed Sweden as a member"
    if not is_noun(tok) or lemma not in lx.MEMBER_NOUNS or ctx.actor(tok) is not None:
        return
    if lemma == "accession" and (
        tok.head.lemma_.lower() not in lx.ACCESSION_DONE_HEADS or any(c.dep_ == "neg" for c in tok.head.children)
    ):
        return  # "Ukraine's accession to NATO" may never happen; "was not completed"
    head = np_head(tok)
    orgs = _orgs_of_member_noun(ctx, tok, head)
    coordinated = _coordinated_alliance(ctx, head)
    if coordinated is not None and orgs:
        orgs += [Arg(r) for r in [ctx.actor(coordinated)] if r is not None]
    quantity = _quantity_holder(head)
    listed = _listed_members(ctx, head) + (_listed_members(ctx, quantity) if quantity is not None else [])
    # "members of the Collective Security Treaty Organization (CSTO)": the bloc's own acronym is no member
    listed = [m for m in listed if m.id not in {o.id for o in orgs}]
    if not orgs and listed and lemma == "member":
        # "the five existing members, A, B and C, …": members of the one bloc the sentence names
        orgs = _sentence_alliances(ctx, tok, {a.id for a in listed})
    if not orgs:
        return
    side = None
    members = listed
    if not members and lemma in _MEMBERSHIP_NOUNS:
        # "Sweden's accession to NATO", "the accession of Sweden to NATO", "the membership of X in Y"
        members = possessors(ctx, tok) or [
            a
            for a in ctx.prep_objects(tok, _OF_PREP)
            if a.actor.kind != "Alliance" and a.id not in {o.id for o in orgs}
        ]
    if not members and head is not tok and ctx.actor(head) is not None:
        members = ctx.np_actors(head)  # "NATO member Turkey"
    position = _coordinated_alliance(ctx, head) or head  # "an EU and NATO member" stands where "EU" does
    holder = position
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in _ONE_OF_WORDS:
        holder = head.head.head  # "X is one of the six members of Y"
    if not members and holder.dep_ in {"attr", "oprd"}:
        members, side = ctx.subjects(holder.head), "source"  # "X is a member of Y"
        members += _co_members(ctx, head, holder, holder.head)
    if not members and position.dep_ == "appos":
        members = ctx.np_actors(position.head)  # "X, a member of Y"
    if not members and any(c.lower_ in _FELLOW_WORDS for c in (*tok.children, *head.children)):
        members, side = _fellow_of(ctx, head), "source"
    if not members:
        members = _summarised_list(ctx, position)
    ended = lemma == "membership" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _END_VERBS
    for c in pairs("MEMBER_OF", members, orgs, tok, 0.85, subject_side=side):
        c.ended = ended  # "Britain ended its membership of the EU"
        yield c


_FELLOW_WORDS = lemmas("membership", "fellow_words")


def _fellow_of(ctx: Context, head: Token) -> list[Arg]:
    """Covers "X mediated between fellow members of Y", "X, like its fellow Y members, …": who calls the
    others fellows is a member too (the clause's subject, or the possessor of "its fellow members")."""
    owners = [a for c in head.children if c.dep_ == "poss" for a in ctx.np_actors(c)]
    if owners:
        return [a for a in owners if a.actor.kind == "Country"]
    verb = head
    for _ in range(4):
        if verb.pos_ in {"VERB", "AUX"} or verb.head is verb:
            break
        verb = verb.head
    return [a for a in ctx.subjects(verb) if a.actor.kind == "Country"] if verb.pos_ in {"VERB", "AUX"} else []


_SUMMARY_WORDS = frozenset(_WORDS["summary_words"])


def _summarised_list(ctx: Context, position: Token) -> list[Arg]:
    """Covers "Hungary and Slovakia, both EU and NATO members": the parser joins the summary to the list."""
    doc = ctx.doc
    start = position.left_edge.i
    if position.dep_ != "conj" or start < 1 or doc[start - 1].text != ",":
        return []
    if doc[start].lower_ not in _SUMMARY_WORDS:
        return []
    first = position.head
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    return [a for t in conjuncts(first) if t.i < start for a in [ctx.denote(t)] if a is not None]


def _coordinated_alliance(ctx: Context, head: Token) -> Token | None:
    """Covers "Hungary, an EU and NATO member": the parser coordinates the member noun with "EU"."""
    first = head.head
    r = ctx.actor(first)
    if head.dep_ == "conj" and r is not None and r.kind == "Alliance":
        return first
    return None
