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
from loader.patterns.syntax import Arg, Context, conjuncts
from loader.resolve import Resolved
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


_GROUPING_NOUNS = frozenset(_WORDS["grouping_nouns"])


_ALLIANCE_MEMBER_PREPS = tuple(_WORDS["alliance_member_preps"])


def alliance_apposition(ctx: Context, tok: Token) -> Iterator[Candidate]:
    """MEMBER_OF read from an alliance's own mention, where no trigger word names the membership.

    Covers "AUKUS, a security pact between A, B and C", "EU countries A and B", "X withdrew from Y",
    "X is not part of Y" and "X froze its participation in Y".
    """
    r = ctx.actor(tok)
    if r is None or r.kind != "Alliance" or tok.i != ctx.doc[r.mention.start : r.mention.end].root.i:
        return
    for child in tok.children:
        if child.dep_ == "appos" and child.lemma_.lower() in _GROUPING_NOUNS and ctx.actor(child) is None:
            members = ctx.prep_objects(child, _ALLIANCE_MEMBER_PREPS)
            yield from pairs("MEMBER_OF", [m for m in members if m.actor.kind == "Country"], [Arg(r)], child, 0.75)
    yield from _alliance_states(ctx, tok, r)
    yield from _member_state_sequence(ctx, r)
    yield from _hyphenated_members(ctx, tok, r)
    if tok.dep_ == "pobj":
        yield from _left_alliance(ctx, tok, r)
        yield from _part_of_alliance(ctx, tok, r)
        yield from _participation(ctx, tok, r)
        yield from _completed_entry(ctx, tok, r)


_MEMBER_STATE_NOUNS = frozenset(_WORDS["member_state_nouns"])


_FELLOW_MODIFIERS = frozenset(_WORDS["fellow_modifiers"])


def _alliance_states(ctx: Context, tok: Token, r: Resolved) -> Iterator[Candidate]:
    """Covers "EU countries Hungary and Slovakia", "NATO ally Turkey", "Qatar and other GCC states"."""
    noun = np_head(tok)
    if noun is tok or tok.dep_ not in {"compound", "nmod"} or ctx.actor(noun) is not None:
        return
    # "the three AUKUS partners", "the four Quad countries": a counted group names the states listed before
    counted = counted_antecedents(ctx, noun)
    if noun.lemma_.lower() not in _MEMBER_STATE_NOUNS and not counted:
        return
    members = _listed_members(ctx, noun) or counted
    side = None
    if not members and any(c.lower_ in _FELLOW_MODIFIERS for c in noun.children) and noun.dep_ == "conj":
        # "Qatar and the other GCC states": the conjuncts before "other" are states of the bloc too.
        members = [a for t in conjuncts(noun.head) if t.i < noun.i for a in [ctx.denote(t)] if a is not None]
    if not members and noun.dep_ in {"attr", "oprd"}:
        members, side = ctx.subjects(noun.head), "source"  # "Poland and Lithuania are NATO countries"
    members = [m for m in members if m.actor.kind == "Country"]
    yield from pairs("MEMBER_OF", members, [Arg(r)], noun, 0.8, subject_side=side)


_LIST_GLUE_WORDS = frozenset(_WORDS["list_glue_words"])


def _member_state_sequence(ctx: Context, r: Resolved) -> Iterator[Candidate]:
    """Covers "SCO member states China, India and Iran" read as words in a row, whatever the parse.

    The parser often takes "states" for a verb; the order of the words is enough: the bloc, a member
    noun, then a list of states.
    """
    doc, i = ctx.doc, r.mention.end
    words = 0
    while i < r.mention.end + 2 and i < len(doc) and doc[i].lemma_.lower() in _SEQUENCE_MEMBER_WORDS:
        i, words = i + 1, words + 1
    if not words:
        return
    # Not a comma: "NATO members, Russia and China" may be three parties, not a list of members.
    while i < len(doc) and (doc[i].text in {":", "\u2014", "\u2013"} or doc[i].lower_ == "the"):
        i += 1
    members: list[Arg] = []
    sent_end = doc[r.mention.start].sent.end
    while i < sent_end:
        other = ctx.by_token.get(i)
        if other is None or other.kind != "Country" or other.weak:
            break
        members.append(Arg(other, 0.9))
        i = other.mention.end
        while i < sent_end and (doc[i].text == "," or doc[i].lower_ in _LIST_GLUE_WORDS):
            i += 1
    if members:
        yield from pairs("MEMBER_OF", members, [Arg(r)], doc[r.mention.end], 0.8)


_SEQUENCE_MEMBER_WORDS = lemmas("membership", "member_state_words")


def _hyphenated_members(ctx: Context, tok: Token, r: Resolved) -> Iterator[Candidate]:
    """Covers "the Australia-United Kingdom-United States Security Partnership (AUKUS)".

    An alliance whose name joins two or more states with hyphens has those states as members.
    """
    named = tok.head if tok.dep_ == "appos" else tok  # "the A-B-C Partnership (AUKUS)"
    states: list[Arg] = []
    for t in named.subtree:
        if t.i >= named.i:
            break
        other = ctx.by_token.get(t.i)
        if other is None or other.kind != "Country" or other.weak or any(s.id == other.actor_id for s in states):
            continue
        start, end = other.mention.start, other.mention.end
        hyphen = {"-", "\u2010", "\u2011", "\u2013"}
        if (start > 0 and ctx.doc[start - 1].text in hyphen) or (end < len(ctx.doc) and ctx.doc[end].text in hyphen):
            states.append(Arg(other, 0.85))
    if len(states) >= 2:
        yield from pairs("MEMBER_OF", states, [Arg(r)], named, 0.8)


_LEAVE_FROM_VERBS = frozenset(_WORDS["leave_from_verbs"])
_LEAVE_NOUNS = frozenset(_WORDS["leave_nouns"])


def _possessors(ctx: Context, noun: Token) -> list[Arg]:
    """Whose membership or withdrawal a noun names: "Mali's exit"; for "their withdrawal", the verb's subjects.

    A pronoun stands for the whole subject list ("A, B and C announced their withdrawal"),
    which coreference would cut down to one name.
    """
    out: list[Arg] = []
    for child in (c for c in noun.children if c.dep_ == "poss"):
        if child.pos_ == "PRON" and noun.dep_ == "dobj":
            out += ctx.subjects(noun.head) or ctx.np_actors(child)
        else:
            out += ctx.np_actors(child)
    return out


_LEFT_ORG_PREPS = frozenset(_WORDS["left_org_preps"])


def _left_alliance(ctx: Context, tok: Token, r: Resolved) -> Iterator[Candidate]:
    """Covers "Burkina Faso withdrew from ECOWAS", "Russia was expelled from Y", "Mali's exit from Y"."""
    prep = tok.head
    if prep.lower_ not in _LEFT_ORG_PREPS:
        return
    head = prep.head
    if head.lower_ == "out" and prep.lower_ == "of":
        head = head.head  # "pulled out of"
    elif prep.lower_ != "from":
        return
    lemma = head.lemma_.lower()
    leavers: list[Arg] = []
    if is_verb(head) and lemma in _LEAVE_FROM_VERBS:
        if any(c.dep_ == "dobj" for c in head.children):
            return  # "withdrew its troops from the NATO mission": forces leave, not the state
        leavers = ctx.patients(head) if any(c.dep_ == "nsubjpass" for c in head.children) else ctx.subjects(head)
    elif is_noun(head) and lemma in _LEAVE_NOUNS:
        leavers = _possessors(ctx, head)
    for c in pairs("MEMBER_OF", [a for a in leavers if a.actor.kind == "Country"], [Arg(r)], head, 0.8):
        c.ended = True  # "X withdrew from Y": no longer a member
        yield c


_PART_OF_VERBS = frozenset(_WORDS["part_of_verbs"])


def _part_of_alliance(ctx: Context, tok: Token, r: Resolved) -> Iterator[Candidate]:
    """Covers "Norway is not part of the European Union": a state that is part of a bloc is a member."""
    part = tok.head.head
    if tok.head.lower_ != "of" or part.lemma_.lower() != "part" or part.dep_ not in {"attr", "oprd"}:
        return
    if part.head.lemma_.lower() not in _PART_OF_VERBS:
        return
    states = [a for a in ctx.subjects(part.head) if a.actor.kind == "Country"]
    yield from pairs("MEMBER_OF", states, [Arg(r)], part, 0.8, subject_side="source")


_ENTRY_NOUNS = frozenset(_WORDS["entry_nouns"])


_ENTRY_PREPS = frozenset(_WORDS["entry_preps"])


def _completed_entry(ctx: Context, tok: Token, r: Resolved) -> Iterator[Candidate]:
    """Covers "since Finland's entry into NATO": like an accession, an entry makes a member once it is done."""
    prep = tok.head
    noun = prep.head
    if prep.lower_ not in _ENTRY_PREPS or noun.lemma_.lower() not in _ENTRY_NOUNS:
        return
    if noun.head.lemma_.lower() not in lx.ACCESSION_DONE_HEADS or any(c.dep_ == "neg" for c in noun.head.children):
        return  # "Sweden's entry into NATO was blocked" may never happen
    members = [a for c in noun.children if c.dep_ == "poss" for a in ctx.np_actors(c)]
    yield from pairs("MEMBER_OF", [a for a in members if a.actor.kind == "Country"], [Arg(r)], noun, 0.8)


_PARTICIPATION_NOUNS = frozenset(_WORDS["participation_nouns"])
_END_VERBS = frozenset(_WORDS["end_verbs"])


def _participation(ctx: Context, tok: Token, r: Resolved) -> Iterator[Candidate]:
    """Covers "Armenia froze its participation in the CSTO": the bloc hangs on the verb, not the noun."""
    prep = tok.head
    if prep.lower_ not in _MEMBER_ORG_PREPS:
        return
    verb = prep.head
    if verb.lemma_.lower() == "participation" and verb.dep_ == "dobj":
        verb = verb.head  # "froze its participation in the CSTO", read from the noun
    if not is_verb(verb):
        return
    held = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _PARTICIPATION_NOUNS]
    members = [a for noun in held for a in _possessors(ctx, noun)]
    members = [a for a in members if a.actor.kind == "Country"]
    for c in pairs("MEMBER_OF", members, [Arg(r)], verb, 0.75):
        c.ended = verb.lemma_.lower() in _END_VERBS
        yield c


def _founded(ctx: Context, verb: Token, lemma: str) -> Iterator[Candidate]:
    """Covers "The SCO was founded by China, Russia …", "A and B founded the bloc", "Wagner, founded by X"."""
    # "the group, founded by X": a participle on its noun is passive too.
    passive = any(c.dep_ == "nsubjpass" for c in verb.children) or (verb.dep_ == "acl" and verb.tag_ == "VBN")
    orgs = ctx.patients(verb) if passive else ctx.objects(verb, frozenset({"dobj"}))
    founders = ctx.agents(verb) if passive else ctx.subjects(verb)
    alliances = [o for o in orgs if o.actor.kind == "Alliance"]
    yield from pairs("MEMBER_OF", [f for f in founders if f.actor.kind == "Country"], alliances, verb, 0.75)
    if lemma == "found":
        # A person who founded a group or company is recorded as its founder (LEADS, role "founder").
        people = [f for f in founders if f.actor.kind == "Person"]
        bodies = [o for o in orgs if o.actor.kind not in {"Country", "Person", "Region"}]
        yield from pairs("LEADS", people, bodies, verb, 0.75, role="founder")


_ADMITTING_VERBS = frozenset(_WORDS["admitting_verbs"])
_INCLUDING_VERBS = frozenset(_WORDS["including_verbs"])
_FOUNDING_VERBS = frozenset(_WORDS["founding_verbs"])
_COUNTED_MEMBER_VERBS = frozenset(_WORDS["counted_member_verbs"])
_ONE_OF_WORDS = frozenset(_WORDS["one_of_words"])
_TO_PREP = tuple(_WORDS["to_prep"])
_INTO_PREP = tuple(_WORDS["into_prep"])
_AS_PREP = tuple(_WORDS["as_prep"])
_OF_PREP = tuple(_WORDS["of_prep"])


def member_of(ctx: Context, tok: Token) -> Iterator[Candidate]:
    lemma = tok.lemma_.lower()
    if is_verb(tok) and lemma in lx.JOIN_VERBS | lx.LEAVE_VERBS:
        targets = ctx.objects(tok, frozenset({"dobj"})) + ctx.prep_objects(tok, _TO_PREP)
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
    if is_verb(tok) and lemma in _ADMITTING_VERBS:
        # "NATO admitted Finland", "the alliance welcomed Sweden as a member"
        as_member = any(p.lemma_.lower() in lx.MEMBER_NOUNS for p in ctx.prep_tokens(tok, _AS_PREP))
        if any(c.dep_ == "nsubjpass" for c in tok.children):
            # "Iran was admitted to the SCO", "Sweden was welcomed into NATO as a member"
            orgs = [a for a in ctx.prep_objects(tok, _ENTRY_PREPS) if a.actor.kind == "Alliance"]
            into = bool(ctx.prep_tokens(tok, _INTO_PREP))
            if orgs and (lemma == "admit" or as_member or into):
                yield from pairs("MEMBER_OF", ctx.patients(tok), orgs, tok, 0.8)
            return
        orgs = [a for a in ctx.subjects(tok) if a.actor.kind == "Alliance"]
        members = ctx.objects(tok, frozenset({"dobj"}))
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
    if is_verb(tok) and lemma in _INCLUDING_VERBS:
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
    if is_verb(tok) and lemma in _FOUNDING_VERBS:
        yield from _founded(ctx, tok, lemma)
        return
    if is_verb(tok) and lemma in _CONSTITUTE_VERBS:
        yield from _constituted(ctx, tok, lemma)
        return
    if tok.dep_ == "nsubj" and tok.pos_ == "NUM" and tok.head.lemma_.lower() in _COUNTED_MEMBER_VERBS:
        yield from _the_other_members(ctx, tok)
        return
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
        members = _possessors(ctx, tok) or [
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


_CONSTITUTE_VERBS = lemmas("membership", "constitute_verbs")
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


def _constituted(ctx: Context, verb: Token, lemma: str) -> Iterator[Candidate]:
    """Covers "A, B and C make up the Quad", "the four nations constitute X", "X is made up of A and B"."""
    if lemma == "make" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        return
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        orgs, members = ctx.patients(verb), ctx.prep_objects(verb, _OF_PREP)
    else:
        orgs = ctx.objects(verb, frozenset({"dobj"}))
        members = ctx.subjects(verb) or [
            a for c in verb.children if c.dep_ == "nsubj" for a in counted_antecedents(ctx, c)
        ]
    orgs = [o for o in orgs if o.actor.kind == "Alliance"]
    yield from pairs("MEMBER_OF", members, orgs, verb, 0.8, subject_side="source")


_OTHER_MODIFIERS = frozenset(_WORDS["other_modifiers"])


def _the_other_members(ctx: Context, number: Token) -> Iterator[Candidate]:
    """Covers "Belarus became the tenth member of the SCO. The other nine are A, B, …".

    The bloc is the one named in this sentence or the one before, when there is exactly one.
    """
    if not any(c.lower_ in _OTHER_MODIFIERS for c in number.children):
        return
    members = [a for a in ctx.objects(number.head, frozenset({"attr", "dobj"})) if a.actor.kind == "Country"]
    if len(members) < 2:
        return
    sents = list(ctx.doc.sents)
    here = next((n for n, s in enumerate(sents) if s.start <= number.i < s.end), 0)
    orgs: list[Arg] = []
    for sent in sents[max(0, here - 1) : here + 1][::-1]:
        if not orgs and any(t.lemma_.lower() in lx.MEMBER_NOUNS for t in sent):
            orgs = _sentence_alliances(ctx, sent[0], {a.id for a in members})
    yield from pairs("MEMBER_OF", members, orgs, number, 0.75)


_NUMBER_WORDS = {
    w: n for n, w in enumerate(("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"), 2)
}
# Number words that may start "the other nine are …", for the rule registry.
COUNT_WORDS = frozenset(_NUMBER_WORDS)


def counted_antecedents(ctx: Context, noun: Token, window: int = 4) -> list[Arg]:
    """The states "the four nations" refers back to: the last list of exactly four states named before.

    Only a definite, counted plural of a state noun ("the three countries", "all four nations",
    "both countries") is resolved, and only to a coordinated list of that many states.
    """
    if noun.lemma_.lower() not in _COUNTED_STATE_NOUNS or ctx.actor(noun) is not None:
        return []
    count = next((count_of(c) for c in noun.children if c.dep_ in {"nummod", "det", "predet"} and count_of(c)), 0)
    if count < 2:
        return []
    sents = list(ctx.doc.sents)
    here = next((n for n, s in enumerate(sents) if s.start <= noun.i < s.end), 0)
    for sent in reversed(sents[max(0, here - window) : here + 1]):
        lists = []
        for tok in sent:
            if tok.i >= noun.i or tok.dep_ == "conj":
                continue
            r = ctx.actor(tok)
            if r is None or r.kind != "Country" or ctx.doc[r.mention.start : r.mention.end].root.i != tok.i:
                continue
            items = [a for a in ctx.np_actors(tok) if a.actor.kind == "Country"]
            if len(items) == count:
                lists.append(items)
        if lists:
            return lists[-1]
    return []


def count_of(token: Token) -> int:
    """The number a token spells: "3", "three", "both"."""
    word = token.lower_
    if word == "both":
        return 2
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word, 0)


_COUNTED_STATE_NOUNS = lemmas("membership", "counted_state_nouns")


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
