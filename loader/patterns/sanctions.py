"""SANCTIONS: who imposes sanctions on whom.

Triggers are sanction verbs and nouns (loader.patterns.lexicon), designation verbs near a
sanctions cue, qualified nouns ("restrictive measures") and "X-sanctioned" modifiers; their
vocabulary is data (loader/rules/sanctions.yaml).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from loader.patterns import lexicon as lx
from loader.patterns.candidates import Candidate, is_noun, is_verb, noun_sources, pairs, verb_event
from loader.patterns.membership import count_of as _count
from loader.patterns.syntax import Arg, Context, conjuncts
from loader.resolve import Resolved
from loader.rules import lemmas, load_rules

_WORDS = load_rules("sanctions")

DESIGNATION_VERBS = lemmas("sanctions", "designation_verbs")
DESIGNATION_NOUNS = lemmas("sanctions", "designation_nouns")
SANCTIONED_PARTICIPLES = lemmas("sanctions", "sanctioned_participles")
_CUES = lemmas("sanctions", "cue_lemmas")
_CUE_WINDOW = int(load_rules("sanctions").get("cue_window", 3))
_QUALIFIED: dict[str, frozenset[str]] = {
    str(noun).lower(): frozenset(str(m).lower() for m in mods)
    for noun, mods in (load_rules("sanctions").get("qualified_nouns") or {}).items()
}
_PRIVATE_NOUNS = lemmas("sanctions", "private_party_nouns")
SANCTION_NOUNS = lx.SANCTION_NOUNS | lemmas("sanctions", "sanction_nouns")
# Lemmas that may start the rule, for the registry.
TRIGGERS = (
    lx.SANCTION_VERBS
    | SANCTION_NOUNS
    | lx.FREEZE_VERBS
    | DESIGNATION_VERBS
    | DESIGNATION_NOUNS
    | SANCTIONED_PARTICIPLES
    | frozenset(_QUALIFIED)
    | {"target"}
)


_PACKAGE_NOUNS = frozenset(_WORDS["package_nouns"])


_OFFICE_WORDS = frozenset(_WORDS["office_words"])


def sanctions(ctx: Context, tok: Token) -> Iterator[Candidate]:
    for cand in _sanctions(ctx, tok):
        if _private_owner(ctx, cand.target):
            continue
        yield cand  # the designating body has its own edge ("OFAC designated X")
        source = cand.source.actor
        # Armed forces, intelligence services and the like act in their own name.
        state = ctx.state_of_body(source) if _OFFICE_WORDS & {w.lower() for w in source.name.split()} else None
        if state is None and source.kind == "Organization":
            # an institution of a union acts for it: the Council's restrictive measures are the EU's
            parent = ctx.implied_parent_of(source)
            state = parent if parent is not None and parent.kind == "Alliance" else None
        if state is not None:
            yield replace(cand, source=Arg(state, cand.source.directness))


_OF_PREP = tuple(_WORDS["of_prep"])
_TARGET_PREPS = tuple(_WORDS["target_preps"])
_VERB_TARGET_PREPS = tuple(_WORDS["verb_target_preps"])
_TO_PREP = tuple(_WORDS["to_prep"])
_UNDERGOING_VERBS = frozenset(_WORDS["undergoing_verbs"])
_IMPOSER_PREPS = tuple(_WORDS["imposer_preps"])


def _sanctions(ctx: Context, tok: Token) -> Iterator[Candidate]:
    lemma = tok.lemma_.lower()
    if lemma in SANCTIONED_PARTICIPLES and tok.dep_ == "amod":
        yield from _sanctioned_modifier(ctx, tok)
    elif is_verb(tok) and lemma in lx.SANCTION_VERBS:
        found = list(verb_event(ctx, tok, "SANCTIONS", ()))
        listed = [a for o in tok.children if o.dep_ == "dobj" for a in _following_list(ctx, o)]
        found += pairs("SANCTIONS", ctx.subjects(tok), listed, tok, 0.8, subject_side="source")
        if not found and tok.dep_ == "advcl" and tok.tag_ == "VBN":
            found = list(_sanctioned_participle(ctx, tok))
        elif not found and not any(c.dep_ == "nsubjpass" for c in tok.children):
            # "blacklisted Wagner's operations", "sanctioned Iranian drone makers": the owner is the target
            owned = _owners_of(ctx, [c for c in tok.children if c.dep_ == "dobj"])
            found = list(pairs("SANCTIONS", ctx.subjects(tok), owned, tok, 0.75, subject_side="source"))
        yield from found
    elif is_verb(tok) and lemma in DESIGNATION_VERBS and _sanctions_cue(ctx, tok) and not _listed_as(ctx, tok):
        # "OFAC designated the group and two of its leaders", "the Council listed X"
        found = list(verb_event(ctx, tok, "SANCTIONS", ()))
        if not found and _passive(tok) and not ctx.agents(tok):
            # "Rosoboronexport was also designated", "the companies listed in the annex, including A"
            targets = ctx.patients(tok) if tok.dep_ != "acl" else ctx.np_actors(tok.head) or _listed_in(ctx, tok)
            if tok.dep_ == "acl":
                targets = _merge(targets, _series_after(ctx, _including(tok.head)))
            found = list(pairs("SANCTIONS", _sanctioners_before(ctx, tok), targets, tok, 0.7))
        yield from found
    elif is_verb(tok) and lemma == "target" and _targeted_in_sanctions_passage(ctx, tok):
        # "Four senior officers were targeted in the latest move": a passage about sanctions
        yield from pairs("SANCTIONS", _sanctioners_before(ctx, tok), ctx.patients(tok), tok, 0.7)
    elif is_verb(tok) and lemma == "target" and sanction_aimed(tok):
        yield from _targeted_with_sanctions(ctx, tok)
    elif is_verb(tok) and lemma in lx.FREEZE_VERBS:
        passive = any(c.dep_ == "nsubjpass" for c in tok.children)
        assets = [c for c in tok.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
        assets = [a for a in assets if a.lemma_.lower() in lx.ASSET_NOUNS]
        owners = [o for a in assets for o in ctx.owners(a, allow_weak=True) + ctx.prep_objects(a, _OF_PREP)]
        sources = ctx.agents(tok) if passive else ctx.subjects(tok)
        yield from pairs("SANCTIONS", sources, owners, tok, 0.75, subject_side=None if passive else "source")
    elif is_noun(tok) and lemma in DESIGNATION_NOUNS and _sanctions_cue(ctx, tok):
        # "the designations of A and B", "the designation of X by the Treasury"
        sources, from_subject = noun_sources(ctx, tok, allow_weak=True)
        targets = ctx.prep_objects(tok, _OF_PREP)
        if targets and not sources:
            sources, from_subject = _sanctioners_before(ctx, tok), False
        yield from pairs("SANCTIONS", sources, targets, tok, 0.75, subject_side="source" if from_subject else None)
    elif is_noun(tok) and (lemma in SANCTION_NOUNS or _qualified_sanction(tok, lemma)):
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in _PACKAGE_NOUNS:
            tok = tok.head  # "its 14th sanctions package against Russia": the package takes the phrases
        preps = _TARGET_PREPS
        targets = ctx.prep_objects(tok, preps) or _owners_of(ctx, ctx.prep_tokens(tok, preps))
        for noun in ctx.prep_tokens(tok, preps):
            targets = _merge(targets, _following_list(ctx, noun) + _counted_series(ctx, noun))
        if not targets and tok.dep_ == "nsubjpass" and is_verb(tok.head):
            # "EU restrictive measures were imposed on X": the verb takes the target, the noun's owner imposes
            targets = ctx.prep_objects(tok.head, _VERB_TARGET_PREPS)
        relative = [c for c in tok.children if c.dep_ == "relcl" and c.lemma_.lower() in _IMPOSE_VERBS]
        if not targets and relative:
            # "the sanctions the EU imposed on X"
            for verb in relative:
                yield from pairs(
                    "SANCTIONS", ctx.subjects(verb), ctx.prep_objects(verb, _VERB_TARGET_PREPS), tok, 0.75
                )
            return
        if not targets and tok.dep_ == "dobj" and is_verb(tok.head):
            # "imposed sanctions in May on X", "extended its sanctions to X"
            verb_preps: tuple[str, ...] = _VERB_TARGET_PREPS
            if tok.head.lemma_.lower() in _SANCTION_EXTEND_VERBS:
                verb_preps += _TO_PREP
            targets = ctx.prep_objects(tok.head, verb_preps) or _owners_of(ctx, ctx.prep_tokens(tok.head, verb_preps))
        for child in tok.children:
            if child.dep_ == "acl":
                targets += ctx.prep_objects(child, _VERB_TARGET_PREPS)
                objects = [c for c in child.children if c.dep_ == "dobj"]
                targets += ctx.objects(child, frozenset({"dobj"})) or _owners_of(ctx, objects)
        if not targets and _under(tok):
            yield from _under_sanctions(ctx, tok)
            return
        if (
            not targets
            and tok.dep_ == "dobj"
            and tok.head.lemma_.lower()
            in _UNDERGOING_VERBS
        ):
            # "Belarus faces sanctions from the EU", "help his country withstand sanctions imposed by the US"
            targets = ctx.subjects(tok.head)
            sources = ctx.prep_objects(tok, _IMPOSER_PREPS)
            for child in tok.children:
                if child.dep_ == "acl":
                    sources += ctx.agents(child)
            yield from pairs("SANCTIONS", sources, targets, tok, 0.7)
            return
        if not targets:
            return
        sources, from_subject = noun_sources(ctx, tok, allow_weak=True)
        yield from pairs("SANCTIONS", sources, targets, tok, 0.8, subject_side="source" if from_subject else None)


_BY_PREP = tuple(_WORDS["by_prep"])


def _sanctioned_participle(ctx: Context, verb: Token) -> Iterator[Candidate]:
    """Covers "Sanctioned by Washington in 2019, Venezuela's state oil company …": the main subject is the target."""
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return
    sources = ctx.agents(verb) + ctx.prep_objects(verb, _BY_PREP)
    subjects = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    targets = [a for s in subjects for a in ctx.np_actors(s)] or _owners_of(ctx, subjects)
    yield from pairs("SANCTIONS", sources, targets, verb, 0.7)


def _owners_of(ctx: Context, nouns: list[Token]) -> list[Arg]:
    """Owners of unnamed things sanctions hit: "Iran's oil sector", "Belarusian potash exports" → the owner."""
    out: list[Arg] = []
    for noun in nouns:
        for item in (noun, *noun.conjuncts):
            if ctx.actor(item) is None and not ctx.np_actors(item):
                out += ctx.owners(item, allow_weak=True)
    return out


def _under_sanctions(ctx: Context, noun: Token) -> Iterator[Candidate]:
    """Covers "Iran has been under U.S. sanctions since 1979", "Venezuela remains under American sanctions"."""
    verb = noun.head.head
    sources = ctx.owners(noun, allow_weak=True) + ctx.prep_objects(noun, _IMPOSER_PREPS)
    yield from pairs("SANCTIONS", sources, ctx.subjects(verb), noun, 0.7, subject_side="target")


# Nouns that sanctions come in: "measures targeting X" is as much a sanction as "sanctions targeting X".
_SANCTION_FRAMES = SANCTION_NOUNS | _PACKAGE_NOUNS | {"measure"}


def sanction_aimed(verb: Token) -> bool:
    """ "sanctions targeting X", "sanctions that target X", "targeted X with sanctions": no attack."""
    if verb.dep_ in {"acl", "relcl"} and verb.head.lemma_.lower() in _SANCTION_FRAMES:
        return True
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return any(p.lemma_.lower() in SANCTION_NOUNS for h in holders for p in _with_objects(h))


def _with_objects(head: Token) -> list[Token]:
    return [p for c in head.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children if p.dep_ == "pobj"]


def _targeted_with_sanctions(ctx: Context, verb: Token) -> Iterator[Candidate]:
    """Covers "the EU targeted Belarusian potash exports with sanctions"."""
    if verb.dep_ in {"acl", "relcl"}:
        return  # "sanctions targeting X": the sanction noun's own rule covers it
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    targets = ctx.objects(verb, frozenset({"dobj"})) or _owners_of(ctx, objects)
    yield from pairs("SANCTIONS", ctx.subjects(verb), targets, verb, 0.75, subject_side="source")


_SANCTION_EXTEND_VERBS = frozenset(_WORDS["sanction_extend_verbs"])


def _under(noun: Token) -> bool:
    """ "remained under sanctions"."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "under" and is_verb(prep.head)


_IMPOSE_VERBS = frozenset(_WORDS["impose_verbs"])


def _qualified_sanction(noun: Token, lemma: str) -> bool:
    """ "restrictive measures": a noun that is a sanction only with a qualifying modifier."""
    modifiers = _QUALIFIED.get(lemma, frozenset())
    return any(c.dep_ == "amod" and c.lemma_.lower() in modifiers for c in noun.children)


def _cue(tok: Token) -> bool:
    """A sanctions cue word, in any inflection the tagger leaves ("Sanctions Law", "Countermeasures List")."""
    word = tok.lower_
    return tok.lemma_.lower() in _CUES or word in _CUES or (word.endswith("s") and word[:-1] in _CUES)


def _sanctions_cue(ctx: Context, tok: Token) -> bool:
    """Whether the passage is about sanctions: a cue word in this sentence or the few before it."""
    sents = list(ctx.doc.sents) if ctx.doc.has_annotation("SENT_START") else [tok.sent]
    here = next((n for n, s in enumerate(sents) if s.start <= tok.i < s.end), 0)
    window = sents[max(0, here - _CUE_WINDOW) : here + 1]
    return any(_cue(t) for sent in window for t in sent if t.i != tok.i)


_LISTING_VERBS = frozenset(_WORDS["listing_verbs"])
_SANCTIONED_LEMMAS = frozenset(_WORDS["sanctioned_lemmas"])


def _sanctioned_modifier(ctx: Context, participle: Token) -> Iterator[Candidate]:
    """Covers "the US-sanctioned Wagner Group", "a US and UN-sanctioned group", "EU-listed entities are A and B".

    The sanctioning actors are the named modifiers before the participle (a demonym is too weak:
    "a Russian sanctioned tanker" does not say who sanctioned it); the target is what the noun names.
    """
    noun = participle.head
    if not is_noun(noun) or (
        participle.lemma_.lower() not in _SANCTIONED_LEMMAS and not _sanctions_cue(ctx, participle)
    ):
        return
    sources: list[Arg] = []
    for child in [*participle.children, *noun.children]:
        if child.dep_ in {"compound", "nmod", "npadvmod"} and child.i < participle.i:
            for item in conjuncts(child):
                r = ctx.actor(item)
                if r is not None and not r.weak and r.kind in {"Country", "Alliance", "Organization"}:
                    sources.append(Arg(r, 0.9))
    head = noun.head
    if not sources and noun.dep_ == "nsubj" and head.lemma_.lower() in _LISTING_VERBS:
        # "Sanctioned firms include A and B": those who announced the sanctions just before
        sources = _sanctioners_before(ctx, participle)
    if not sources:
        return
    yield from pairs("SANCTIONS", sources, _named_by(ctx, noun), participle, 0.75)


def _sanctioners_before(ctx: Context, tok: Token) -> list[Arg]:
    """Who imposed the sanctions the passage is about: the sanctioner of the nearest sanction noun or
    verb in this sentence (before `tok`) or the few before it, for a passage that names the targets
    without restating who sanctions them ("The designations of A and B …", "Sanctioned firms include …")."""
    sents = list(ctx.doc.sents)
    here = next((n for n, s in enumerate(sents) if s.start <= tok.i < s.end), 0)
    for sent in reversed(sents[max(0, here - _CUE_WINDOW) : here + 1]):
        for t in reversed([t for t in sent if t.i < tok.i]):
            lemma = t.lemma_.lower()
            found: list[Arg] = []
            if is_noun(t) and (lemma in SANCTION_NOUNS or _qualified_sanction(t, lemma)):
                found = noun_sources(ctx, t.head if t.dep_ == "compound" else t)[0]
            elif is_verb(t) and lemma in lx.SANCTION_VERBS | DESIGNATION_VERBS and t.dep_ != "amod":
                found = ctx.subjects(t)
            found = [a for a in found if a.actor.kind in {"Country", "Alliance", "Organization"}]
            if found:
                return [Arg(a.actor, a.directness * 0.85) for a in found]
    return []


_COPULA_VERBS = frozenset(_WORDS["copula_verbs"])


def _named_by(ctx: Context, noun: Token) -> list[Arg]:
    """The actors a modified noun names: itself, its apposition, or what a copula or "include" joins it to."""
    if ctx.actor(noun) is not None:
        return ctx.np_actors(noun)
    named = [a for c in noun.children if c.dep_ == "appos" for a in ctx.np_actors(c)]
    head = noun.head
    if not named and noun.dep_ == "appos" and ctx.actor(head) is not None:
        named = ctx.np_actors(head)  # "the M23, a US-sanctioned group"
    if not named and noun.dep_ == "attr" and head.lemma_.lower() in _COPULA_VERBS:
        named = ctx.subjects(head)  # "M23 is a US-sanctioned group"
    if not named and noun.dep_ == "nsubj" and head.lemma_.lower() in _LISTING_VERBS:
        named = ctx.objects(head, frozenset({"attr", "dobj"}))  # "EU-listed entities are A and B"
    return named


def _private_owner(ctx: Context, arg: Arg) -> bool:
    """Sanctions on "20 U.S. defence companies" hit the companies, not the United States.

    A possessor owns what it modifies ("Venezuela's state oil company" is the state's); a name
    or demonym before the noun only says where the companies are.
    """
    mention = arg.actor.mention
    token = ctx.doc[mention.start : mention.end].root
    modifier_deps = {"compound", "amod", "nmod", "npadvmod"}
    while token.dep_ == "conj" and token.head.dep_ in modifier_deps:
        token = token.head  # "Chinese and Turkish firms": the first modifier holds the chain
    while token.dep_ in modifier_deps and token.head is not token:
        token = token.head
        if ctx.actor(token) is not None:
            return False
        if token.lemma_.lower() in _PRIVATE_NOUNS:
            return True
    return False


def _passive(verb: Token) -> bool:
    return any(c.dep_ == "nsubjpass" for c in verb.children) or (verb.dep_ == "acl" and verb.tag_ == "VBN")


_AS_PREP = tuple(_WORDS["as_prep"])


def _listed_as(ctx: Context, verb: Token) -> bool:
    """ "Lockheed Martin is listed as the main contractor": a role, not a sanctions list."""
    return verb.lemma_.lower() == "list" and bool(ctx.prep_tokens(verb, _AS_PREP))


def _targeted_in_sanctions_passage(ctx: Context, verb: Token) -> bool:
    """ "X and Y were targeted" with no agent, in a passage about sanctions and a sentence with no
    word of armed attack ("civilians were targeted in the shelling" stays an attack)."""
    if not any(c.dep_ == "nsubjpass" for c in verb.children) or ctx.agents(verb):
        return False
    violent = lx.ATTACK_NOUNS | lx.ATTACK_VERBS
    if any(t.lemma_.lower() in violent for t in verb.sent if t.i != verb.i):
        return False
    return _sanctions_cue(ctx, verb)


_LIST_PREPS = tuple(_WORDS["list_preps"])


def _listed_in(ctx: Context, participle: Token) -> list[Arg]:
    """Covers "the companies listed in the annex, including A, B and C": the examples may hang on the list."""
    return [
        a
        for holder in ctx.prep_tokens(participle, _LIST_PREPS)
        for prep in holder.children
        if prep.dep_ == "prep" and prep.lower_ == "including"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for a in ctx.np_actors(pobj)
    ]


_SERIES_BREAKS = frozenset(_WORDS["series_breaks"])
_SERIES_MAX = 300  # tokens: a legal annex may name dozens of parties in one sentence
_SERIES_GLUE = frozenset(_WORDS["series_glue"])
_LIST_KINDS: dict[str, frozenset[str]] = {
    str(noun).lower(): frozenset(kinds) for noun, kinds in (load_rules("sanctions").get("list_heads") or {}).items()
}


def _merge(first: list[Arg], more: list[Arg]) -> list[Arg]:
    seen = {a.id for a in first}
    return first + [a for a in more if a.id not in seen and not seen.add(a.id)]  # type: ignore[func-returns-value]


def _including(noun: Token) -> Token | None:
    """The "including" that opens the named examples of a plural: "the companies listed in the annex, including A"."""
    # The parser may end the sentence at a dash before the list: read the text, not the sentence.
    for tok in noun.doc[noun.i + 1 : noun.i + 20]:
        if tok.lower_ == "including":
            return tok
        if tok.text in {".", ":", ";"}:
            return None
    return None


def _series_after(
    ctx: Context, opener: Token | None, kinds: frozenset[str] | None = None, limit: int = 0
) -> list[Arg]:
    """Named actors in a written series of names after `opener` ("including", a colon, a counted noun),
    read from the text rather than the parse, which long legal lists break: "A Systems Corporation, B,
    Inc., C's St. Louis division, and D". Items are split by commas, semicolons and "and"; a bracketed
    acronym names its item ("the Training Center … (RTC)"). The series ends at a dash, a colon, the end
    of the sentence, an item that starts with a lower-case word ("…, their assets are frozen"), or
    after `limit` items ("three entities, A; B; and C")."""
    if opener is None:
        return []
    items: list[tuple[list[Resolved], list[Resolved]]] = [([], [])]  # (mentions, bracketed mentions)
    item_start, bracket = True, False
    for tok in ctx.doc[opener.i + 1 : opener.i + _SERIES_MAX]:
        if tok.text == "(" and not item_start:
            bracket = True
            continue
        if tok.text == ")" and bracket:
            bracket = False
            continue
        if tok.text in _SERIES_BREAKS or (tok.is_space and "\n" in tok.text):
            break
        if tok.lower_ in _SERIES_GLUE and ctx.actor(tok) is None and not bracket and not _before_suffix(tok):
            if items[-1][0] or items[-1][1]:
                if limit and len(items) >= limit:
                    break
                items.append(([], []))
            item_start = True
            continue
        if item_start and tok.is_lower and tok.is_alpha and tok.lower_ != "the":
            break
        item_start = False
        r = ctx.actor(tok)
        held = items[-1][1 if bracket else 0]
        if r is not None and (not held or held[-1].mention is not r.mention):
            held.append(r)
    out: list[Arg] = []
    seen: set[str] = set()
    for mentions, bracketed in items:
        named = bracketed if len(bracketed) == 1 else mentions
        if len(named) != 1:
            continue  # "L3Harris | Maritime Services": a name the tagger broke in two names neither
        r = named[0]
        if _merged_names(ctx, r):
            continue
        if r.kind == "Media" or r.weak or r.actor_id in seen or (kinds and r.kind not in kinds):
            continue
        seen.add(r.actor_id)
        out.append(Arg(r, 0.9))
    return out


def _counted_series(ctx: Context, noun: Token) -> list[Arg]:
    """ "sanctions on three entities, A (AC); B; and C": a counted plural followed by the parties it counts."""
    if ctx.actor(noun) is not None or noun.tag_ not in {"NNS", "NNPS"}:
        return []
    count = max((_count(c) for c in noun.children if c.dep_ == "nummod"), default=0)
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if count < 2 or nxt is None or nxt.text not in {",", ":"}:
        return []
    kinds = _LIST_KINDS.get(noun.lemma_.lower())
    return _series_after(ctx, noun, kinds, limit=count)


_CORPORATE_SUFFIXES = lemmas("sanctions", "corporate_suffixes")


def _before_suffix(comma: Token) -> bool:
    """ "Acme Robotics, Inc.", "Minera Andina, Sociedad Anónima": a comma that introduces the legal form."""
    nxt = comma.doc[comma.i + 1] if comma.i + 1 < len(comma.doc) else None
    return comma.text == "," and nxt is not None and nxt.lower_.rstrip(".") in _CORPORATE_SUFFIXES


def _merged_names(ctx: Context, r: Resolved) -> bool:
    """ "Blue Force Technologies, Dive Technologies" taken as one name: a comma inside a mention that
    does not introduce a corporate suffix ("Gibbs & Cox, Inc.") joins two list items."""
    span = ctx.doc[r.mention.start : r.mention.end]
    return any(
        t.text == "," and t.i + 1 < span.end and not _before_suffix(t) for t in span
    )


def _following_list(ctx: Context, noun: Token) -> list[Arg]:
    """ "sanctions on the following companies: A, B and C": the names after the colon, of the kinds
    the announcing noun allows (companies, individuals)."""
    if not any(c.lower_ == "following" for c in noun.children):
        return []
    kinds = frozenset(k for n in (noun, *noun.conjuncts) for k in _LIST_KINDS.get(n.lemma_.lower(), ()))
    colon = next((t for t in noun.doc[noun.i + 1 : noun.sent.end] if t.text == ":"), None)
    if colon is None or any(t.text in _SERIES_BREAKS for t in noun.doc[noun.i + 1 : colon.i]):
        return []
    return _series_after(ctx, colon, kinds or None)
