"""LEADS and PART_OF: people's titles and roles, and organisations described as part of a state."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Span, Token

from loader.patterns import lexicon as lx
from loader.patterns.candidates import (
    Candidate,
    is_verb,
    pairs,
)
from loader.patterns.syntax import Arg, Context, conjuncts
from loader.resolve import Resolved
from loader.rules import load_rules
from loader.state_bodies import BODY_LABEL, OWNER_IN_NAME, body_id, dominant_state

_WORDS = load_rules("people")


def _role_of(token: Token) -> str | None:
    """The role named by a title noun, including two-word titles ("prime minister")."""
    lemma = token.lemma_.lower()
    doc = token.doc
    for child in token.children:
        if child.dep_ in {"compound", "amod"} and child.i == token.i - 1:
            two = f"{child.lemma_.lower()} {lemma}"
            if two in lx.LEADER_ROLES:
                return lx.LEADER_ROLES[two] or None
        if child.dep_ in {"compound", "amod"} and child.i == token.i - 2 and doc[token.i - 1].text == "-":
            # The tokenizer splits "Secretary-General" and leaves "General" as the head.
            hyphenated = f"{child.lower_}-{token.lower_}"
            if hyphenated in lx.LEADER_ROLES:
                return lx.LEADER_ROLES[hyphenated] or None
    if lemma in lx.LEADER_ROLES:
        return lx.LEADER_ROLES[lemma] or None
    return None


_SPOKESPERSON_ROLES = frozenset(_WORDS["spokesperson_roles"])


def _is_member_role(token: Token) -> bool:
    return token.lemma_.lower() in lx.MEMBER_ROLES or token.lemma_.lower() in _SPOKESPERSON_ROLES


def _following_appositive_org(ctx: Context, np_head: Token) -> list[Arg]:
    """An organisation named right after a description: "the arms exporter, Rosoboronexport"."""
    end = max(t.i for t in np_head.subtree) + 1
    doc = ctx.doc
    if end + 1 < len(doc) and doc[end].text == ",":
        r = ctx.by_token.get(end + 1)
        if r is None and doc[end + 1].lower_ == "the" and end + 2 < len(doc):
            r = ctx.by_token.get(end + 2)
        if r is not None and r.kind in {"Company", "Organization", "Alliance", "ArmedGroup"}:
            return [Arg(r, 0.9)]
    for child in np_head.children:
        if child.dep_ == "appos":
            r = ctx.actor(child)
            if r is not None and r.kind in {"Company", "Organization", "Alliance", "ArmedGroup"}:
                return [Arg(r)]
    return []


_GOVERNMENT_PROXIES = frozenset(_WORDS["government_proxies"])


def _named_owners(ctx: Context, token: Token) -> list[Arg]:
    """Actors that own a title: possessives, and gazetteer names or demonyms used as modifiers.

    Statistical NER spans inside a title ("Defence" in "Defence Minister") are not owners.
    """
    out: list[Arg] = []
    for child in token.children:
        if child.dep_ == "poss":
            if child.lower_ == "whose" and token.head.dep_ == "relcl":
                out += ctx.np_actors(token.head.head)
            else:
                out += ctx.np_actors(child)
        elif child.dep_ in {"compound", "amod", "nmod"} and child.i < token.i:
            r = ctx.actor(child)
            if r is not None and r.kind not in {"Media", "Person"} and r.via == "gazetteer":
                out.append(Arg(r, 0.75 if r.weak else 0.95))
    return out


_ROLE_OWNER_PREPS = tuple(_WORDS["role_owner_preps"])


def _owner_slots(ctx: Context, role: Token) -> list[Token]:
    """The "of/at/for" objects of a title that can name its owner: not a portfolio ("Minister of Defence")."""
    return [
        p
        for p in ctx.prep_tokens(role, _ROLE_OWNER_PREPS)
        if p.lemma_.lower() not in lx.PORTFOLIOS or ctx.actor(p) is not None
    ]


def _role_org(ctx: Context, role: Token) -> list[Arg]:
    """What a title is a title of: "head of X", "X's president", "Russian President"."""
    for pobj in _owner_slots(ctx, role):
        named = ctx.actor(pobj)
        if named is not None and named.kind != "Media" and not named.weak:
            return ctx.np_actors(pobj)
        following = _following_appositive_org(ctx, pobj)
        if following:
            return following
        if pobj.lemma_.lower() in _GOVERNMENT_PROXIES:
            arg = ctx.denote(pobj)
            if arg is not None:
                return [arg]
        break  # "Uganda's minister of state for …": the possessive still names the owner
    owners = _named_owners(ctx, role)
    for child in role.children:
        if child.dep_ == "compound" and ctx.actor(child) is None:
            owners += _named_owners(ctx, child)  # "Russian Defence Minister": the demonym sits on "Defence"
    return owners


def _sentence_state(ctx: Context, token: Token) -> list[Arg]:
    """The state a sentence is about: its first state-denoting subject, or its only state near the name.

    Pronoun subjects are not used: their antecedent may lie in another sentence.
    """
    sent = token.sent
    for tok in sent:
        if tok.dep_ in {"nsubj", "nsubjpass"}:
            arg = ctx.denote(tok)
            if arg is not None and arg.actor.kind == "Country" and arg.actor.via != "coref":
                return [Arg(arg.actor, 0.6)]
    near = range(max(sent.start, token.i - _NEAR), min(sent.end, token.i + _NEAR + 1))
    # The object of the person's own verb is who they deal with ("X warned Cairo"), not their state.
    subj = token
    while subj.dep_ == "conj" and subj.head is not subj:
        subj = subj.head
    dealt_with = {c.i for c in subj.head.children if c.dep_ in {"dobj", "dative"}} if subj.dep_ == "nsubj" else set()
    states = {
        r.actor_id: r
        for i in near
        for r in [ctx.by_token.get(i)]
        if r is not None
        and r.kind == "Country"
        and not r.weak
        and r.via != "coref"
        and ctx.doc[r.mention.start : r.mention.end].root.i not in dealt_with
    }
    if len(states) == 1:
        return [Arg(next(iter(states.values())), 0.55)]
    return []


def _coordinated_owner(ctx: Context, title: Token) -> list[Arg]:
    """Covers "U.S. Secretary of State X and Defense Secretary Y": the first title's owner is shared."""
    if title.i < 2 or ctx.doc[title.i - 1].lower_ != "and":
        return []
    prev = ctx.by_token.get(title.i - 2)
    if prev is None or prev.kind != "Person":
        return []
    return _linear_title(ctx, prev)[1]


def _known_parent(ctx: Context, person: Resolved) -> list[Arg]:
    """A bare title's owner from the gazetteer ("President Putin" → Russia), named or not."""
    parent = ctx.implied_parent_of(person)
    return [Arg(parent, 0.9)] if parent is not None else []


def _title_words(span: Span) -> str:
    """A title's words as the lexicon spells them: "Secretary - General" is "secretary-general"."""
    return " ".join(t.lower_ for t in span).replace(" - ", "-")


_NEAR = 6  # tokens around a name within which a lone state is taken as the title's state


def _linear_title(ctx: Context, r: Resolved) -> tuple[str | None, list[Arg], Token | None]:
    """A title written right before (or at the start of) a name: "Indian Prime Minister X".

    The parser often coordinates or splits such titles; reading them left to right is
    more reliable. Returns the role, the owners named before the title, and the title token.
    """
    doc = ctx.doc
    start, end = r.mention.start, r.mention.end
    sent_start = doc[start].sent.start
    role: str | None = None
    role_start = start
    for k in (4, 3, 2, 1):  # "President Xi" as one gazetteer name
        if end - start > k and _title_words(doc[start : start + k]) in lx.LEADER_ROLES:
            role, role_start = lx.LEADER_ROLES[_title_words(doc[start : start + k])], start
            break
    if role is None:
        for k in (4, 3, 2, 1):
            if start - k < sent_start:
                continue
            words = _title_words(doc[start - k : start])
            if words in lx.LEADER_ROLES and doc[start - 1].text[:1].isupper():
                role, role_start = lx.LEADER_ROLES[words], start - k
                break
    if not role:
        return None, [], None
    owners: list[Arg] = []
    before = role_start - 1
    if before >= sent_start and doc[before].tag_ == "POS":
        before -= 1
    owner = ctx.by_token.get(before) if before >= sent_start else None
    if owner is not None and owner.kind != "Media" and owner.via == "gazetteer":
        owners.append(Arg(owner, 0.75 if owner.weak else 0.95))
    return role, owners, doc[role_start]


_APPOINT_VERBS = frozenset(_WORDS["appoint_verbs"])
_ENDED_OFFICE = frozenset(_WORDS["ended_office"])


def _clause_roles(clause: Token) -> list[Token]:
    """Title nouns a clause gives its subject or object: "was elected president", "took office as leader"."""
    out: list[Token] = []
    if any(c.lower_ in _ENDED_OFFICE and c.dep_ in {"prep", "advmod"} for c in clause.children):
        return []  # "who was defence minister until May": no longer in office
    for sib in clause.children:
        if sib.dep_ in {"attr", "oprd"}:
            out.append(sib)
        if sib.dep_ == "xcomp":  # "was appointed/elected president of X"
            out += [g for g in sib.children if g.dep_ in {"attr", "oprd"}] + [sib]
        if sib.dep_ == "prep" and sib.lower_ == "as":  # "succeeded X as NATO's secretary general"
            out += [g for g in sib.children if g.dep_ == "pobj"]
    return out


def _appoints_other(verb: Token) -> bool:
    """ "Putin appointed Belousov as minister": the title is the object's, not the subject's."""
    return verb.lemma_.lower() in _APPOINT_VERBS and any(c.dep_ == "dobj" for c in verb.children)


_OUTER_TITLE_PREPS = frozenset(_WORDS["outer_title_preps"])


def _outer_title(noun: Token) -> Token:
    """Covers "the spokesman for the Secretary-General, X": the name describes the outer title.

    The parser hangs the name on the nearest noun; a title inside another title's "for/to/of"
    phrase is whom the person works for, not the person's own office.
    """
    prep = noun.head
    if noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in _OUTER_TITLE_PREPS:
        # The phrase may hang on the wrong noun ("the briefing by the spokesman for …"): the word
        # right before the preposition is checked too.
        for outer in (prep.head, noun.doc[max(prep.i - 1, 0)]):
            if outer.pos_ == "NOUN" and (_role_of(outer) is not None or _is_member_role(outer)):
                return outer
    return noun


def _role_tokens(ctx: Context, tok: Token) -> list[Token]:
    """Nouns that may name a person's title: appositions, modifiers, predicates of their clause."""
    role_tokens: list[Token] = []
    for child in tok.children:
        if child.dep_ == "appos" or (child.dep_ in {"compound", "amod"} and ctx.actor(child) is None):
            role_tokens.append(child)
    if tok.dep_ == "appos" and ctx.actor(tok.head) is None:
        role_tokens.append(_outer_title(tok.head))
    elif tok.dep_ == "appos" and _outer_title(tok.head) is not tok.head:
        # "the head of the World Food Programme, Cindy McCain": the name hangs on the organisation.
        role_tokens.append(_outer_title(tok.head))
    clause_heads = [tok.head] if tok.dep_ in {"nsubj", "nsubjpass"} and not _appoints_other(tok.head) else []
    clause_heads += [c for c in tok.children if c.dep_ == "relcl" and not _appoints_other(c) and _about_antecedent(c)]
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _APPOINT_VERBS:
        clause_heads.append(tok.head)  # the object takes the title, not the appointer
    for clause in clause_heads:
        role_tokens += _clause_roles(clause)
    return role_tokens


_RELATIVE_PRONOUNS = frozenset(_WORDS["relative_pronouns"])


def _about_antecedent(relcl: Token) -> bool:
    """ "X, who is president": the clause's subject is the relative pronoun, not another actor ("of which Y is a
    member")."""
    subjects = [c for c in relcl.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return not subjects or any(c.lower_ in _RELATIVE_PRONOUNS for c in subjects)


def _no_longer_holds(role_tok: Token) -> bool:
    """Covers "former president", "the late leader", "outgoing chancellor", "opposition leader"."""
    return any(c.lower_ in lx.NOT_CURRENT for c in role_tok.subtree if c.i < role_tok.i) or _not_current_before(
        role_tok
    )


def _not_current_before(title: Token) -> bool:
    """ "then-President X", "ex-leader", "the ousted president": read on the words right before the title."""
    doc = title.doc
    words = [t.lower_ for t in doc[max(title.sent.start, title.i - 3) : title.i] if t.text != "-"]
    return any(w in lx.NOT_CURRENT for w in words)


def _held(
    ctx: Context, person: Arg, role: str | None, orgs: list[Arg], trigger: Token, confidence: float
) -> Iterator[Candidate]:
    """What a title makes its holder to each owner, by the role's class (loader/rules/roles.yaml).

    Heads of state lead the state; a minister leads the ministry the article names, else is part of
    the state; a head leads an organisation, and with a state as owner leads its named body (the army
    for an army chief) or is part of the state; spokespeople, envoys and deputies are part of it.
    """
    kind = lx.ROLE_CLASS.get(role, "head") if role else "member"
    if kind == "none":
        return
    for org in orgs:
        if org.id == person.id:
            continue
        rtype, target = "LEADS", org
        if kind == "member":
            rtype = "PART_OF"
        elif org.actor.kind == "Country" and kind != "head_of_state":
            body = ctx.named.get(body_id(org.id, lx.ROLE_BODY[role])) if role in lx.ROLE_BODY else None
            if body is not None:
                target = Arg(body, org.directness)
            else:
                rtype = "PART_OF"
        elif kind == "minister" and org.actor.mention.label != BODY_LABEL and org.actor.kind != "Organization":
            rtype = "PART_OF"  # a minister of a group's government serves the group
        yield Candidate(rtype, person, target, trigger, confidence * person.directness * target.directness,
                        role=role)


_INDEFINITE_ARTICLES = frozenset(_WORDS["indefinite_articles"])


def _is_one_of_many(role_tok: Token) -> bool:
    """Covers "a senior Hezbollah commander": one of several holders of the title, not the head."""
    return any(
        (c.dep_ == "det" and c.lower_ in _INDEFINITE_ARTICLES)
        or (c.dep_ in {"amod", "compound"} and c.lower_ in lx.SERVING_MODIFIERS)
        for c in role_tok.children
    )


def people_roles(ctx: Context, tok: Token) -> Iterator[Candidate]:
    """LEADS / PART_OF for a person mention with a title next to it."""
    r = ctx.actor(tok)
    if r is None or r.kind != "Person" or tok.i != ctx.doc[r.mention.start : r.mention.end].root.i:
        return
    person = Arg(r)
    role_tokens = _role_tokens(ctx, tok)
    person_owners = _named_owners(ctx, tok)
    found_role = False
    for role_tok in role_tokens:
        role = _role_of(role_tok)
        member = _is_member_role(role_tok)
        if role is None and not member:
            continue
        found_role = True
        if role and lx.ROLE_CLASS.get(role) == "none":
            yield from _counterpart(ctx, person, role_tok)
            continue
        orgs = _most_specific((_role_org(ctx, role_tok) or person_owners) + _body_before(ctx, role_tok))
        inferred = False
        if not orgs:
            # "Mikheev, the head of [description], Rosoboronexport": a second apposition.
            orgs = [
                Arg(a)
                for c in tok.children
                if c.dep_ == "appos" and c is not role_tok
                for a in [ctx.actor(c)]
                if a is not None and a.kind in {"Company", "Organization"}
            ]
        if not orgs and role and not _owner_slots(ctx, role_tok):
            orgs = _known_parent(ctx, r)
            # The title as written ("army chief Herzi Halevi"), even when lower-case.
            written = _linear_title(ctx, r)[2] or role_tok.left_edge
            if not orgs:
                orgs = _coordinated_owner(ctx, written)
        if not orgs and role in lx.STATE_TITLES and not _owner_slots(ctx, role_tok):
            # "Chancellor Olaf Scholz said Germany would …": a bare state title.
            orgs, inferred = _sentence_state(ctx, tok) or _article_state(ctx, tok, role), True
        modifiers = {c.lower_ for c in role_tok.subtree if c.i < role_tok.i}
        if _no_longer_holds(role_tok):
            continue
        if role and (modifiers & lx.SERVING_MODIFIERS or _is_one_of_many(role_tok)):
            role = None  # a deputy or "a senior commander" serves the organisation without leading it
        for c in _held(ctx, person, role, orgs, role_tok, 0.85):
            c.inferred = inferred
            yield c
    if not found_role:
        role, owners, title = _linear_title(ctx, r)
        if role and title is not None:
            inferred = False
            if not owners:
                owners = _coordinated_owner(ctx, title)
            if not owners:
                owners = _known_parent(ctx, r)
            if not owners and role in lx.STATE_TITLES:
                owners, inferred = _sentence_state(ctx, tok) or _article_state(ctx, tok, role), True
            if _not_current_before(title):
                owners = []
            if any(t.lower_ in lx.SERVING_MODIFIERS for t in ctx.doc[max(title.sent.start, title.i - 2) : title.i]):
                role = None  # "a field commander": serves the organisation without heading it
            for c in _held(ctx, person, role, owners, title, 0.75):
                c.inferred = inferred
                yield c
    # "X, who heads Y" / "X leads Y"
    verbs = [tok.head] if tok.dep_ == "nsubj" else []
    verbs += [c for c in tok.children if c.dep_ == "relcl"]  # "X, who was minister until May, now heads Y"
    for verb in verbs:
        if verb.lemma_.lower() in lx.LEAD_VERBS:
            yield from pairs("LEADS", [person], ctx.objects(verb, frozenset({"dobj"})), verb, 0.8, role="head")


def gapped_led_by(ctx: Context, tok: Token) -> Iterator[Candidate]:
    """The gapped pairs after "X is led by A": "…, Y by B and Z by C" (see `_gapped_by`)."""
    if is_verb(tok) and tok.lemma_.lower() in lx.LEAD_VERBS and tok.dep_ != "acl" and ctx.agents(tok):
        yield from _gapped_by(ctx, tok)


def _gapped_by(ctx: Context, verb: Token) -> Iterator[Candidate]:
    """Covers "X is led by A, Y by B and Z by C": later pairs repeat the verb by gapping.

    Read left to right, since the parser cannot attach the verbless pairs.
    """
    doc = ctx.doc
    i = verb.i + 1
    while i < verb.sent.end - 2:
        led = ctx.by_token.get(i)
        if led is None or led.kind == "Person" or led.weak:
            i += 1
            continue
        j = led.mention.end
        if doc[j].lower_ != "by" or doc[i - 1].lower_ not in {",", "and"}:
            i = j
            continue
        k = j + 1
        while k < verb.sent.end and k not in ctx.by_token and doc[k].pos_ == "PROPN" and k - j <= 3:
            k += 1  # a rank or title: "by General X"
        leader = ctx.by_token.get(k)
        if leader is not None and leader.kind == "Person":
            yield from pairs("LEADS", [Arg(leader)], [Arg(led)], verb, 0.75, role="head")
        i = j + 1


_RULING_BODIES = frozenset(_WORDS["ruling_bodies"])
_PART_WORDS = frozenset(_WORDS["part_words"])
_STATE_MARKERS = frozenset(_WORDS["state_markers"])
_STATE_BODIES = frozenset(_WORDS["state_bodies"])


_STATE_OWNED_MODIFIERS = frozenset(_WORDS["state_owned_modifiers"])
_OWNING_VERBS = frozenset(_WORDS["owning_verbs"])
_STATE_NOUNS = frozenset(_WORDS["state_nouns"])


def _state_marked(noun: Token, start: int) -> bool:
    """Covers "state-owned", "state-run", "government-controlled", "state" before a name."""
    for child in noun.children:
        if child.i >= start or child.dep_ not in {"amod", "compound", "npadvmod", "nmod"}:
            continue
        if child.lower_ in _STATE_OWNED_MODIFIERS:
            return True
        if child.lemma_.lower() in _OWNING_VERBS and any(
            g.lower_ in _STATE_NOUNS for g in child.children
        ):
            return True
    return False


# Who can own an actor named with a possessive. "Yemen's Houthis" says where an armed group is
# from, not that the state owns it; "Hamas's Qassam Brigades" is the group's own wing.
_POSSESSIVE_OWNER_KINDS: dict[str, frozenset[str]] = {
    "Company": frozenset({"Country", "Company", "Organization"}),
    "Organization": frozenset({"Country", "Company", "Organization", "Alliance"}),
    "ArmedGroup": frozenset({"ArmedGroup"}),
}


def _known_owner(r: Resolved, owner: Resolved) -> bool:
    """A state owns what it names; for a body owning a body ("the IRGC's Quds Force") both must be known names.

    Unknown units named by NER ("the U.S. Army's V Corps") are too often read wrongly.
    """
    if owner.kind == "Country":
        return True
    return r.via == "gazetteer" and owner.via == "gazetteer"


def _state_owned_before(ctx: Context, tok: Token, r: Resolved) -> Iterator[Candidate]:
    """Covers "China's state-owned Norinco" read left to right, for when the parser misplaces the modifier."""
    doc = ctx.doc
    i = r.mention.start - 1
    if _state_marked(tok, r.mention.start) or i < 3 or doc[i - 1].text != "-":
        return
    if doc[i].lemma_.lower() not in _OWNING_VERBS:
        return
    if doc[i - 2].lower_ not in _STATE_NOUNS:
        return
    before = i - 3
    if doc[before].tag_ == "POS":
        before -= 1
    owner = ctx.by_token.get(before)
    if owner is not None and owner.kind == "Country":
        yield Candidate("PART_OF", Arg(r), Arg(owner, 0.9), tok, 0.75)


_NOT_OWNED_MODIFIERS = frozenset(_WORDS["not_owned_modifiers"])
_PRIVATE_WORDS = frozenset(_WORDS["private_words"])
_OF_PREP = tuple(_WORDS["of_prep"])


def org_part_of(ctx: Context, tok: Token) -> Iterator[Candidate]:
    """An organisation described as part of a state: "Russia's state arms exporter, X"."""
    r = ctx.actor(tok)
    if r is None or r.kind not in {"Company", "Organization", "ArmedGroup"}:
        return
    if tok.i != ctx.doc[r.mention.start : r.mention.end].root.i:
        return
    if _state_marked(tok, r.mention.start):
        # "the state-owned company", "India's state-run X": owned by a state.
        owners = [o for o in ctx.owners(tok, allow_weak=True) if o.actor.kind == "Country" and o.id != r.actor_id]
        parent = ctx.parent_of(r)
        if not owners and parent is not None and parent.kind == "Country":
            owners = [Arg(parent, 0.9)]
        yield from pairs("PART_OF", [Arg(r)], owners, tok, 0.75)
    owned_by = [tok]
    head_actor = ctx.actor(tok.head)
    if tok.dep_ in {"nmod", "compound", "conj", "amod"} and head_actor is not None and head_actor is not r:
        owned_by.append(tok.head)  # "Russia's X and Y": the possessive covers both names
    if tok.dep_ == "compound" and head_actor is None and tok.head.lemma_.lower() in lx.PART_NOUNS:
        owned_by.append(tok.head)  # "Pakistan's Inter-Services Intelligence agency"
    owner_kinds = _POSSESSIVE_OWNER_KINDS[r.kind]
    private = any(t.lower_ in _PRIVATE_WORDS for t in ctx.doc[tok.left_edge.i : tok.i])
    for holder in owned_by:
        for child in (c for c in holder.children if c.dep_ == "poss" and not private):
            # "Iran's Shahed Aviation Industries", "France's Naval Group", "the IRGC's Quds Force";
            # "China's privately owned DJI" is only based there. Shared over a list ("Boeing's unit, X, Y")
            # only a state's possessive reaches the other names.
            owners = [
                o
                for o in ctx.np_actors(child)
                if o.id != r.actor_id and o.actor.kind in owner_kinds and _known_owner(r, o.actor)
                and (holder is tok or o.actor.kind == "Country")
            ]
            yield from pairs("PART_OF", [Arg(r)], owners, tok, 0.7)
    yield from _state_owned_before(ctx, tok, r)
    descriptions: list[Token] = [
        c for c in tok.children if c.dep_ in {"appos", "compound"} and c.lemma_.lower() in lx.PART_NOUNS
    ]
    if tok.dep_ == "appos" and tok.head.lemma_.lower() in lx.PART_NOUNS:
        descriptions.append(tok.head)
    # The linear apposition the parser missed: "<description NP>, X".
    start = r.mention.start
    if start >= 2 and ctx.doc[start - 1].text == ",":
        prev = ctx.doc[start - 2]
        if prev.lemma_.lower() in lx.PART_NOUNS and ctx.actor(prev) is None:
            descriptions.append(prev)
    for desc in descriptions:
        # Words of a name ("Islamic State") are not modifiers of the description.
        modifiers = {t.lower_ for t in desc.subtree if t.i < desc.i and t.i not in ctx.by_token}
        if modifiers & _NOT_OWNED_MODIFIERS:
            continue
        # A possessive says who owns it; a demonym alone only says where it is from,
        # unless the description marks it as the state's ("the Russian state exporter").
        state_owned = bool(modifiers & _STATE_MARKERS) or desc.lemma_.lower() in _STATE_BODIES
        owners = ctx.owners(desc, allow_weak=state_owned) + ctx.prep_objects(desc, _OF_PREP)
        for child in desc.children:
            if child.dep_ == "compound":
                owners += ctx.owners(child, allow_weak=state_owned)
        if not owners:
            # "X, the French manufacturer": a demonym agreeing with the gazetteer's parent.
            parent = ctx.parent_of(r)
            owners = [o for o in ctx.owners(desc, allow_weak=True) if parent is not None and o.id == parent.actor_id]
        owners = [o for o in owners if o.id != r.actor_id]
        if r.kind == "ArmedGroup" and not state_owned:
            # "the Islamic State's Afghan affiliate": a place names where a group operates, not its owner.
            owners = [o for o in owners if o.actor.kind != "Country"]
        yield from pairs("PART_OF", [Arg(r)], owners, desc, 0.8)
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() == "be":
        for attr in tok.head.children:
            if attr.dep_ == "attr" and attr.lemma_.lower() in _PART_WORDS:
                owners = ctx.prep_objects(attr, _OF_PREP)
                yield from pairs("PART_OF", [Arg(r)], owners, attr, 0.8, subject_side="source")
    # "X, a subsidiary of Y"; "X, the state exporter and part of Y"
    for appos in (c for c in tok.children if c.dep_ == "appos"):
        for child in conjuncts(appos):
            if child.lemma_.lower() in _PART_WORDS:
                yield from pairs("PART_OF", [Arg(r)], ctx.prep_objects(child, _OF_PREP), child, 0.8)
    yield from _owner_in_name(ctx, tok, r)


def _owner_in_name(ctx: Context, tok: Token, r: Resolved) -> Iterator[Candidate]:
    """Covers "the Army of Serbia", "the Polish Armament Agency": a body named after its state."""
    parent = ctx.parent_of(r)
    if parent is None or parent.kind != "Country" or r.kind not in {"Organization", "Company"} or r.via == "coref":
        return
    words = {t.lower_ for t in ctx.doc[r.mention.start : r.mention.end]}
    surfaces = {
        other.mention.text.lower()
        for other in ctx.by_token.values()
        if other.actor_id == parent.actor_id and other.via != "coref"
    }
    before = ctx.doc[r.mention.start - 1].lower_ if r.mention.start > 0 else ""
    if any(s in words or s == before for s in surfaces if " " not in s):
        yield Candidate("PART_OF", Arg(r), Arg(parent, 0.9), tok, 0.7)


def body_part_of(ctx: Context, tok: Token) -> Iterator[Candidate]:
    """A state body belongs to its state: "Russia's Defence Ministry", "the UN Security Council".

    Bodies built from their owner's name say so themselves; a known body with a known parent
    does when the parent is named in the same sentence.
    """
    r = ctx.actor(tok)
    if r is None or r.via == "coref" or tok.i != r.mention.start or not r.parent:
        return
    # A name that opens with its state states whose it is, named elsewhere or not ("Serbian Armed Forces").
    parent = ctx.implied_parent_of(r) if r.mention.form == OWNER_IN_NAME else ctx.parent_of(r)
    if parent is None:
        return
    if r.mention.label == BODY_LABEL or r.mention.form == OWNER_IN_NAME:
        yield Candidate("PART_OF", Arg(r), Arg(parent), tok, 0.85)
        return
    if r.kind != "Organization" or r.via != "gazetteer":
        return  # a company's home state does not own it
    sent = tok.sent
    if any((o := ctx.by_token.get(i)) and o.actor_id == r.actor_id for i in range(sent.start, tok.i)):
        return  # read once per sentence, at the first mention ("the Treasury's Office of …(OFAC)")
    root = ctx.doc[r.mention.start : r.mention.end].root
    if any(c.dep_ == "poss" and (o := ctx.actor(c)) is not None and o.kind == "Organization" for c in root.children):
        return  # "the Treasury's Office of Foreign Assets Control": the office belongs to the Treasury
    if any(
        other.actor_id == parent.actor_id and other.via != "coref" and sent.start <= other.mention.start < sent.end
        for other in (ctx.by_token.get(i) for i in range(sent.start, sent.end))
        if other is not None
    ):
        yield Candidate("PART_OF", Arg(r), Arg(parent), tok, 0.75)


def _counterpart(ctx: Context, person: Arg, title: Token) -> Iterator[Candidate]:
    """ "Gallant and his German counterpart Boris Pistorius": the same office, in the state the title names.

    The office is the one the article gives the person whose counterpart this is (the possessor's
    antecedent: the last other person named before in the sentence).
    """
    owners = [o for o in _named_owners(ctx, title) if o.actor.kind == "Country"]
    if not owners:
        return
    sent = title.sent
    others = [
        r for i in range(sent.start, title.i) for r in [ctx.by_token.get(i)]
        if r is not None and r.kind == "Person" and r.actor_id != person.id
    ]
    if not others:
        return
    role = _office_in_article(ctx, others[-1].actor_id)
    if role is None or lx.ROLE_CLASS.get(role) in {"none", None}:
        return
    yield from _held(ctx, person, role, owners, title, 0.7)


def _office_in_article(ctx: Context, person_id: str) -> str | None:
    """The title the article writes before any mention of this person ("Defence Minister X")."""
    for r in ctx.by_token.values():
        if r.actor_id == person_id and r.via != "coref":
            role = _linear_title(ctx, r)[0]
            if role:
                return role
    return None


def _article_state(ctx: Context, tok: Token, role: str | None) -> list[Arg]:
    """ "President X announced…" with no state in the sentence: the state the article is about so far.

    Only for heads of state, and only when one state is named at least twice and twice as often as
    any other before the name (leaders the gazetteer knows have their own state already).
    """
    if not role or lx.ROLE_CLASS.get(role) != "head_of_state":
        return []
    counts: Counter[str] = Counter()
    firsts: dict[str, Resolved] = {}
    for i, r in ctx.by_token.items():
        if i < tok.i and r.kind == "Country" and r.via != "coref" and i == r.mention.start:
            counts[r.actor_id] += 1
            firsts.setdefault(r.actor_id, r)
    state = dominant_state(counts, alone_suffices=False)
    return [Arg(firsts[state], 0.5)] if state else []


def _most_specific(owners: list[Arg]) -> list[Arg]:
    """ "an Iranian Revolutionary Guards commander": the body named is the owner, not the state around it."""
    bodies = [o for o in owners if o.actor.kind in {"Organization", "ArmedGroup", "Alliance", "Company"}]
    return bodies if bodies and len(bodies) < len(owners) else owners


def _body_before(ctx: Context, title: Token) -> list[Arg]:
    """The organisation written right before a title, read left to right past "deputy", "senior"…:
    "an Iranian Revolutionary Guards deputy commander" (the parser often hangs it elsewhere)."""
    i = title.i - 1
    while i >= title.sent.start and ctx.doc[i].lower_ in lx.SERVING_MODIFIERS:
        i -= 1
    r = ctx.by_token.get(i) if i >= title.sent.start else None
    known_body = r is not None and r.via == "gazetteer" and not r.weak
    if r is None or not known_body or r.kind not in {"Organization", "ArmedGroup", "Alliance", "Company"}:
        return []
    return [Arg(r, 0.9)]
