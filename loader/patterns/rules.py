"""Relation rules: for each trigger in a sentence, the actors in the roles the type needs.

Each rule is a small function over one trigger token. It returns `Candidate`s; hedges,
negation, attribution, ellipsis ("do the same") and de-duplication are applied afterwards
by `loader.relations`, so the rules only say who did what to whom.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from loader.patterns import lexicon as lx
from loader.patterns.syntax import Arg, Context, conjuncts
from loader.resolve import Resolved

# Kinds allowed at each end of each type; Media are never endpoints.
ACTORS = frozenset({"Country", "Alliance", "ArmedGroup", "Organization", "Company"})
STATES_AND_GROUPS = frozenset({"Country", "Alliance", "ArmedGroup", "Organization"})
PLACES = frozenset({"Country", "Region"})
ENDPOINT_KINDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "MEMBER_OF": (frozenset({"Country", "Organization", "ArmedGroup"}), frozenset({"Alliance", "Organization"})),
    "PART_OF": (frozenset({"Organization", "Company", "ArmedGroup", "Person"}), ACTORS),
    "LEADS": (frozenset({"Person"}), ACTORS),
    "ALLIED_WITH": (ACTORS | {"Region"}, ACTORS | {"Region"}),
    "SUPPLIES_ARMS_TO": (ACTORS, ACTORS | {"Region"}),
    "MILITARY_SUPPORT_TO": (STATES_AND_GROUPS | {"Company"}, ACTORS),
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
    """Every source × target candidate of one trigger."""
    for s in sources:
        for t in targets:
            if s.id != t.id:
                yield Candidate(rtype, s, t, trigger, confidence * s.directness * t.directness, **extra)  # type: ignore[arg-type]


def is_noun(token: Token) -> bool:
    return token.pos_ in {"NOUN", "PROPN"}


def is_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} or (token.pos_ == "ADJ" and token.tag_ == "VBN")


_EVENT_CONTAINERS = frozenset(
    {"package", "round", "set", "wave", "batch", "series", "raft", "list", "number", "string"}
)


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
    by = ctx.prep_objects(noun, ("by", "from"))
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
        and head.head.lemma_.lower() in {"participate", "take", "engage", "join", "involve"}
    ):
        return ctx.subjects(head.head, allow_weak=allow_weak), True  # "took part in exercises"
    for child in noun.children:
        if child.dep_ == "acl" and child.tag_ == "VBN":
            agents = ctx.agents(child)
            if agents:
                return agents, False
    return [], False


def _items_of(tokens: list[Token]) -> list[str]:
    """Arms items named by NP heads (each with its coordinated siblings)."""
    out: list[str] = []
    for head in tokens:
        for item in conjuncts(head):
            text = _item_text(item)
            if text and text not in out:
                out.append(text)
    return out


# Weapon model designations: S-400, Su-30, J-10C, F-16, T-72, HIMARS-style acronyms excluded.
_DESIGNATION_RE = re.compile(r"^[A-Z][A-Za-z]{0,3}-?\d{1,4}[A-Z]?\d?$")


def _item_text(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    mods = [c for c in token.children if c.dep_ in {"compound", "amod", "nmod"} and c.i < token.i]
    mod_lemmas = {m.lemma_.lower() for m in mods} | {g.lemma_.lower() for m in mods for g in m.subtree if g.i < token.i}
    if lemma not in lx.ARMS_NOUNS:
        return None
    designated = any(_DESIGNATION_RE.match(m.text) for m in mods)
    if lemma in lx.GENERIC_ITEM_NOUNS and not designated and not (mod_lemmas & (lx.MILITARY_MODIFIERS | lx.ARMS_NOUNS)):
        return None
    start = min([token.i] + [t.i for m in mods for t in m.subtree])
    words = [
        t for t in token.doc[start : token.i + 1] if t.pos_ not in {"NUM", "DET"} and t.ent_type_ not in {"CARDINAL"}
    ]
    # Drop a leading demonym/actor ("Russian helicopters" → "helicopters") and punctuation.
    while words and (
        words[0].ent_type_ in {"NORP", "GPE"}
        or words[0].is_punct
        or words[0].ent_id_
        or words[0].lower_ in {"first", "new", "used", "its", "their", "more", "than", "least"}
    ):
        words = words[1:]
    text = "".join(w.text_with_ws for w in words).strip()
    return text.lower() if text else None


def arms_items(ctx: Context, heads: list[Token]) -> list[str]:
    expanded: list[Token] = []
    for head in heads:
        expanded.append(head)
        if head.pos_ in {"NUM", "PRON"} or head.lemma_.lower() in _CONTAINER_NOUNS:
            # "80 of the jets", "1,000 containers of munitions", "a total of 54"
            expanded += ctx.prep_tokens(head, ("of",))
    return _items_of(expanded)


def sentence_arms(sent: Span) -> list[str]:
    """Arms named anywhere in a sentence, for transfers whose object is "ones" or a number."""
    return _items_of(
        [t for t in sent if t.pos_ == "NOUN" and t.dep_ != "compound" and t.lemma_.lower() in lx.ARMS_NOUNS]
    )


_CONTAINER_NOUNS = frozenset(
    {
        "container",
        "shipment",
        "batch",
        "consignment",
        "tonne",
        "ton",
        "total",
        "number",
        "package",
        "lot",
        "set",
        "squadron",
        "fleet",
    }
)


# ---------------------------------------------------------------------------------------
# SUPPLIES_ARMS_TO
# ---------------------------------------------------------------------------------------
def supplies(ctx: Context, tok: Token) -> Iterator[Candidate]:
    lemma = tok.lemma_.lower()
    if is_verb(tok) and lemma in lx.SUPPLY_VERBS:
        yield from _supply_verb(ctx, tok, lemma)
    elif is_verb(tok) and lemma in lx.ACQUIRE_VERBS:
        yield from _acquire_verb(ctx, tok, lemma)
    elif is_noun(tok) and lemma in lx.SUPPLY_NOUNS | lx.ACQUIRE_NOUNS:
        yield from _supply_noun(ctx, tok, lemma)
    elif is_noun(tok) and lemma in {"supplier", "exporter", "provider", "seller", "source"}:
        yield from _supplier_noun(ctx, tok)


def _supplier_noun(ctx: Context, noun: Token) -> Iterator[Candidate]:
    """Covers "Israel has been a major arms supplier to Azerbaijan"."""
    if not any(c.lemma_.lower() in lx.ARMS_NOUNS for c in noun.children if c.dep_ in {"compound", "amod"}):
        return
    recipients = ctx.prep_objects(noun, ("to", "for"))
    if noun.dep_ in {"attr", "oprd"}:
        yield from pairs(
            "SUPPLIES_ARMS_TO", ctx.subjects(noun.head), recipients, noun, 0.75, items=["arms"], subject_side="source"
        )
    elif noun.dep_ == "appos":
        yield from pairs("SUPPLIES_ARMS_TO", ctx.np_actors(noun.head), recipients, noun, 0.75, items=["arms"])


def _supply_verb(ctx: Context, verb: Token, lemma: str) -> Iterator[Candidate]:
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    objs = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    with_heads = ctx.prep_tokens(verb, ("with",))
    recipients = ctx.prep_objects(verb, ("to", "for"))
    if not recipients:
        # The parser often hangs "to Y" on the last item of a list: "sent missiles, shells and drones to Y".
        for obj in objs:
            for item in conjuncts(obj):
                recipients += ctx.prep_objects(item, ("to",))
    item_heads = [o for o in objs if ctx.denote(o) is None or _item_text(o)] + with_heads
    if passive:
        item_heads += [c for c in verb.children if c.dep_ == "nsubjpass"]
        sources = ctx.agents(verb)
        subject_side = None
    else:
        sources = ctx.subjects(verb)
        subject_side = "source"
    if lemma in {"arm", "equip"} or not recipients:
        recipients = recipients or [a for o in objs if not _item_text(o) for a in ctx.np_actors(o)]
    if any(t.lemma_.lower() in lx.TROOP_NOUNS and not _item_text(t) for h in item_heads for t in conjuncts(h)):
        return  # "sending troops and armour": a deployment, not an arms transfer
    items = arms_items(ctx, item_heads)
    if lemma == "arm" and not items:
        items = ["weapons"]
    if not items:
        return
    mod = "delivered" if lemma in {"deliver", "hand", "ship"} and verb.tag_ in {"VBD", "VBN"} else None
    yield from pairs(
        "SUPPLIES_ARMS_TO", sources, recipients, verb, 0.85, items=items, modality=mod, subject_side=subject_side
    )


_DEAL_NOUNS = frozenset({"contract", "deal", "agreement", "order", "accord"})


def _acquire_verb(ctx: Context, verb: Token, lemma: str) -> Iterator[Candidate]:
    suppliers = ctx.prep_objects(verb, ("from",))
    if not suppliers:
        # "buy three submarines from the United States": "from" often hangs on the object.
        suppliers = [a for o in verb.children if o.dep_ == "dobj" for a in ctx.prep_objects(o, ("from",))]
    if not suppliers and verb.dep_ in {"acl", "relcl", "advcl", "xcomp"}:
        # "signed a contract with Russia to buy …": the contract's other party sells.
        deals = [verb.head] + [c for c in verb.head.children if c.dep_ == "dobj"]
        for deal in deals:
            if deal.lemma_.lower() in _DEAL_NOUNS:
                suppliers = ctx.prep_objects(deal, ("with",)) or ctx.prep_objects(deal.head, ("with",))
                break
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    items = arms_items(ctx, objects)
    confidence = 0.8
    if not items and suppliers and any(o.pos_ == "PROPN" and ctx.actor(o) is None for o in objects):
        # A named model from a foreign supplier: "received its first Rafales from France".
        items = [o.text for o in objects if o.pos_ == "PROPN" and ctx.actor(o) is None]
        confidence = 0.6
    if (
        not items
        and suppliers
        and any(o.pos_ in {"NUM", "PRON"} or o.lemma_.lower() in _CONTAINER_NOUNS | {"one"} for o in objects)
    ):
        items = sentence_arms(verb.sent)  # "Croatia bought 12 used ones from France"
        confidence = 0.6
    if not items:
        return
    if not suppliers:
        # "Serbia bought Chinese drones": the maker's nationality names the supplier.
        suppliers = [
            Arg(a.actor, 0.75) for o in objects for a in ctx.owners(o, allow_weak=True) if a.actor.kind == "Country"
        ]
        confidence = 0.65
    if not suppliers:
        return
    buyers = ctx.subjects(verb)
    mod = "delivered" if lemma == "receive" else "ordered" if lemma in {"order", "buy", "purchase", "procure"} else None
    for c in pairs("SUPPLIES_ARMS_TO", suppliers, buyers, verb, confidence, items=items, modality=mod):
        c.subject_side = "target"
        yield c


def _supply_noun(ctx: Context, noun: Token, lemma: str) -> Iterator[Candidate]:
    item_heads = ctx.prep_tokens(noun, ("of",)) + [c for c in noun.children if c.dep_ == "compound"]
    items = arms_items(ctx, item_heads)
    if not items:
        return
    if lemma in lx.ACQUIRE_NOUNS:
        suppliers = ctx.prep_objects(noun, ("from",))
        if not suppliers:
            suppliers = [
                Arg(a.actor, 0.75)
                for o in item_heads
                for a in ctx.owners(o, allow_weak=True)
                if a.actor.kind == "Country"
            ]
        buyers, _ = noun_sources(ctx, noun)
        buyers = [b for b in buyers if b.id not in {s.id for s in suppliers}]
        yield from pairs("SUPPLIES_ARMS_TO", suppliers, buyers, noun, 0.7, items=items, modality="ordered")
        return
    recipients = ctx.prep_objects(noun, ("to", "for"))
    mod = "delivered" if lemma in {"delivery", "shipment", "consignment"} else None
    suppliers = ctx.prep_objects(noun, ("from",)) + [a for h in item_heads for a in ctx.prep_objects(h, ("from",))]
    if not suppliers and noun.dep_ == "dobj":
        suppliers = ctx.prep_objects(noun.head, ("from",))
    if suppliers and not recipients and noun.dep_ == "dobj" and is_verb(noun.head):
        # "Greece took delivery of Rafale jets from France": the taker receives.
        for c in pairs("SUPPLIES_ARMS_TO", suppliers, ctx.subjects(noun.head), noun, 0.75, items=items, modality=mod):
            c.subject_side = "target"
            yield c
        return
    sources, from_subject = noun_sources(ctx, noun)
    yield from pairs(
        "SUPPLIES_ARMS_TO",
        sources,
        recipients,
        noun,
        0.75,
        items=items,
        modality=mod,
        subject_side="source" if from_subject else None,
    )


# ---------------------------------------------------------------------------------------
# ATTACKED, THREATENS, SANCTIONS
# ---------------------------------------------------------------------------------------
def _verb_event(
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


def _noun_event(
    ctx: Context, noun: Token, rtype: str, preps: tuple[str, ...], confidence: float = 0.75, *, allow_weak: bool = False
) -> Iterator[Candidate]:
    targets = ctx.prep_objects(noun, preps)
    if not targets:
        return
    sources, from_subject = noun_sources(ctx, noun, allow_weak=allow_weak)
    yield from pairs(rtype, sources, targets, noun, confidence, subject_side="source" if from_subject else None)


def attacked(ctx: Context, tok: Token) -> Iterator[Candidate]:
    lemma = tok.lemma_.lower()
    if is_verb(tok) and lemma in lx.ATTACK_VERBS:
        preps = ("on", "against", "at") if lemma in {"fire", "fight", "strike"} else ("on", "against")
        yield from _verb_event(ctx, tok, "ATTACKED", preps)
    elif is_noun(tok) and lemma in lx.ATTACK_NOUNS:
        preps = ("on", "against", "upon")
        if lemma in {"invasion", "occupation", "bombing", "shelling", "bombardment", "siege"}:
            preps += ("of",)
        if lemma in {"war", "campaign", "offensive", "attack", "operation"} and (
            _owned(ctx, tok) or (tok.dep_ == "dobj" and tok.head.lemma_.lower() in lx.LIGHT_VERBS)
        ):
            preps += ("in",)  # "its war in Ukraine", "carried out attacks in Kenya"
        found = list(_noun_event(ctx, tok, "ATTACKED", preps, allow_weak=True))
        yield from found
        if not found:
            yield from _resisted_attack(ctx, tok)
            yield from _relative_light_verb(ctx, tok)


def _owned(ctx: Context, noun: Token) -> bool:
    """Named as someone's ("Russia's war"); a possessive pronoun is too uncertain here."""
    for c in noun.children:
        r = ctx.actor(c)
        if c.dep_ in {"poss", "compound", "amod"} and r is not None and r.via != "coref":
            return True
    return False


def _resisted_attack(ctx: Context, noun: Token) -> Iterator[Candidate]:
    """Covers "Ukraine is fighting Russia's invasion", "support Ukraine against Russia's invasion"."""
    attackers = ctx.owners(noun, allow_weak=True)
    if not attackers:
        return
    head = noun.head
    victims: list[Arg] = []
    if noun.dep_ == "dobj" and head.lemma_.lower() in {
        "fight",
        "resist",
        "repel",
        "counter",
        "face",
        "withstand",
        "defend",
        "survive",
    }:
        victims = ctx.subjects(head)
    elif noun.dep_ == "pobj" and head.lower_ == "against" and is_verb(head.head):
        victims = ctx.objects(head.head, frozenset({"dobj"})) or ctx.subjects(head.head)
    yield from pairs("ATTACKED", attackers, victims, noun, 0.65)


def _relative_light_verb(ctx: Context, noun: Token) -> Iterator[Candidate]:
    """Covers "a war that Israel launched against Iran"."""
    for child in noun.children:
        if child.dep_ in {"relcl", "acl"} and child.lemma_.lower() in lx.LIGHT_VERBS:
            yield from pairs("ATTACKED", ctx.subjects(child), ctx.prep_objects(child, ("against", "on")), child, 0.7)


def threatens(ctx: Context, tok: Token) -> Iterator[Candidate]:
    lemma = tok.lemma_.lower()
    if is_verb(tok) and lemma in lx.THREAT_VERBS:
        # "X threatened to attack Y" is a threat against Y.
        xcomps = [c for c in tok.children if c.dep_ == "xcomp"]
        targets = ctx.objects(tok, frozenset({"dobj"})) + ctx.prep_objects(tok, ("against", "to"))
        for x in xcomps:
            targets += ctx.objects(x, frozenset({"dobj"})) + ctx.prep_objects(x, ("on", "against"))
        yield from pairs("THREATENS", ctx.subjects(tok), targets, tok, 0.8, subject_side="source")
    elif is_noun(tok) and lemma in lx.THREAT_NOUNS:
        yield from _noun_event(ctx, tok, "THREATENS", ("to", "against", "for"), 0.75)


def sanctions(ctx: Context, tok: Token) -> Iterator[Candidate]:
    lemma = tok.lemma_.lower()
    if is_verb(tok) and lemma in lx.SANCTION_VERBS:
        yield from _verb_event(ctx, tok, "SANCTIONS", ())
    elif is_noun(tok) and lemma in lx.SANCTION_NOUNS:
        targets = ctx.prep_objects(tok, ("on", "against", "targeting"))
        for child in tok.children:
            if child.dep_ == "acl":
                targets += ctx.prep_objects(child, ("on", "against"))
                targets += ctx.objects(child, frozenset({"dobj"}))
        if (
            not targets
            and tok.dep_ == "dobj"
            and tok.head.lemma_.lower()
            in {"face", "withstand", "suffer", "endure", "evade", "circumvent", "escape", "hit"}
        ):
            # "Belarus faces sanctions from the EU", "help his country withstand sanctions imposed by the US"
            targets = ctx.subjects(tok.head)
            sources = ctx.prep_objects(tok, ("from", "by"))
            for child in tok.children:
                if child.dep_ == "acl":
                    sources += ctx.agents(child)
            yield from pairs("SANCTIONS", sources, targets, tok, 0.7)
            return
        if not targets:
            return
        sources, from_subject = noun_sources(ctx, tok, allow_weak=True)
        yield from pairs("SANCTIONS", sources, targets, tok, 0.8, subject_side="source" if from_subject else None)


# ---------------------------------------------------------------------------------------
# CONTROLS
# ---------------------------------------------------------------------------------------
def controls(ctx: Context, tok: Token) -> Iterator[Candidate]:
    lemma = tok.lemma_.lower()
    if is_verb(tok) and lemma in lx.CONTROL_VERBS | {"take", "grab", "assume", "gain", "regain", "wrest", "win"}:
        objects = [c for c in tok.children if c.dep_ == "dobj"]
        if any(o.lemma_.lower() in {"power", "control"} for o in objects):
            # "seized power in Kabul", "took control of Goma"
            places = ctx.prep_objects(tok, ("in", "over", "of"))
            for o in objects:
                places += ctx.prep_objects(o, ("in", "over", "of"))
            yield from pairs("CONTROLS", ctx.subjects(tok), places, tok, 0.8, subject_side="source")
        elif lemma in lx.CONTROL_VERBS:
            yield from _verb_event(ctx, tok, "CONTROLS", ())
    elif is_verb(tok) and lemma == "fall":
        # "Kabul fell to the Taliban"
        for c in pairs("CONTROLS", ctx.prep_objects(tok, ("to",)), ctx.subjects(tok), tok, 0.75):
            c.subject_side = "target"
            yield c
    elif is_noun(tok) and lemma in lx.CONTROL_NOUNS:
        yield from _control_noun(ctx, tok, lemma)


def _control_noun(ctx: Context, noun: Token, lemma: str) -> Iterator[Candidate]:
    places = ctx.prep_objects(noun, ("of", "over", "in"))
    holders = ctx.prep_objects(noun, ("to",))
    side = None
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "of" and is_noun(head.head):
        # "the return/transfer of power in Y to X": the frame noun carries place and holder.
        frame = head.head
        places = places or ctx.prep_objects(frame, ("in", "over", "of"))
        holders = holders or ctx.prep_objects(frame, ("to",))
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "in" and not holders:
        # "the RSF in control of Darfur"
        holders = ctx.np_actors(head.head) if is_noun(head.head) else ctx.subjects(head.head)
    if lemma == "power" and not holders:
        return
    if not holders:
        holders, from_subject = noun_sources(ctx, noun)
        side = "source" if from_subject else None
    if lemma in {"power", "rule"} and not places:
        return
    yield from pairs("CONTROLS", holders, places, noun, 0.7, subject_side=side)


# ---------------------------------------------------------------------------------------
# JOINT_EXERCISE_WITH
# ---------------------------------------------------------------------------------------
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
    if len(group) >= 2 and (joint or between):
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                yield from pairs("JOINT_EXERCISE_WITH", [a], [b], tok, 0.75)


# ---------------------------------------------------------------------------------------
# MEMBER_OF
# ---------------------------------------------------------------------------------------
def _np_head(token: Token) -> Token:
    """The head of the NP a compound modifier belongs to ("member" → "states")."""
    while token.dep_ == "compound" and token.head is not token:
        token = token.head
    return token


def _orgs_of_member_noun(ctx: Context, noun: Token, head: Token) -> list[Arg]:
    orgs: list[Arg] = []
    for tok in {noun, head}:
        for child in tok.children:
            if child.dep_ in {"compound", "amod", "nmod"} and child.i < tok.i:
                r = ctx.actor(child)
                if r is not None and r.kind in {"Alliance", "Organization"}:
                    orgs.append(Arg(r))
            if child.dep_ == "poss" and noun.lemma_.lower() != "membership":
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
        for c in pairs("MEMBER_OF", ctx.subjects(tok), targets, tok, 0.8, modality=mod, subject_side="source"):
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
    head = _np_head(tok)
    orgs = _orgs_of_member_noun(ctx, tok, head)
    if not orgs:
        return
    side = None
    members = _listed_members(ctx, head)
    if not members and lemma == "membership":
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


# ---------------------------------------------------------------------------------------
# ALLIED_WITH, MILITARY_SUPPORT_TO, HOSTS_BASE_OF
# ---------------------------------------------------------------------------------------
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
        head = _np_head(tok)
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
    elif tok.dep_ == "appos" and ctx.actor(tok.head) is not None and ctx.actor(tok.head).kind == "Alliance":
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
    partners = ctx.np_actors(head)
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
            for c in _verb_event(ctx, tok, "MILITARY_SUPPORT_TO", (), confidence=0.7)
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
            yield from _noun_event(ctx, tok, "MILITARY_SUPPORT_TO", ("to", "for"), 0.7)
    elif is_verb(tok) and lemma == "back" and tok.dep_ == "amod":
        # "Iran-backed Houthis"
        sources = [a for c in tok.children if c.dep_ in {"npadvmod", "compound"} for a in ctx.np_actors(c)]
        yield from pairs("MILITARY_SUPPORT_TO", sources, ctx.np_actors(tok.head), tok, 0.65)


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


# ---------------------------------------------------------------------------------------
# REFUGEES_FLEE_TO
# ---------------------------------------------------------------------------------------
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
    people = subject.lemma_.lower() in _PEOPLE_NOUNS or (ctx.actor(subject) is not None and ctx.actor(subject).weak)
    if not people:
        return
    origins = ctx.prep_objects(verb, ("from",), allow_weak=True) + ctx.objects(verb, frozenset({"dobj"}))
    if ctx.actor(subject) is not None and ctx.actor(subject).weak and not origins:
        origins = [Arg(ctx.actor(subject), 0.7)]
    dests = ctx.prep_objects(verb, ("to", "into", "toward", "towards"))
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


def refugees(ctx: Context, tok: Token) -> Iterator[Candidate]:
    lemma = tok.lemma_.lower()
    if is_verb(tok) and lemma in {"flee", "escape"}:
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


# ---------------------------------------------------------------------------------------
# LEADS and PART_OF (people and organisations)
# ---------------------------------------------------------------------------------------
def _role_of(token: Token) -> str | None:
    """The role named by a title noun, including two-word titles ("prime minister")."""
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ in {"compound", "amod"} and child.i == token.i - 1:
            two = f"{child.lemma_.lower()} {lemma}"
            if two in lx.LEADER_ROLES:
                return lx.LEADER_ROLES[two] or None
    if lemma in lx.LEADER_ROLES:
        return lx.LEADER_ROLES[lemma] or None
    return None


def _is_member_role(token: Token) -> bool:
    return token.lemma_.lower() in lx.MEMBER_ROLES or token.lemma_.lower() in {
        "spokesman",
        "spokeswoman",
        "spokesperson",
    }


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


_GOVERNMENT_PROXIES = frozenset(
    {"government", "administration", "country", "state", "regime", "nation", "republic", "kingdom"}
)


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


def _role_org(ctx: Context, role: Token) -> list[Arg]:
    """What a title is a title of: "head of X", "X's president", "Russian President"."""
    for pobj in ctx.prep_tokens(role, ("of", "at", "for")):
        named = ctx.actor(pobj)
        if named is not None and named.kind != "Media" and not named.weak:
            return ctx.np_actors(pobj)
        following = _following_appositive_org(ctx, pobj)
        if following:
            return following
        if pobj.lemma_.lower() in _GOVERNMENT_PROXIES:
            arg = ctx.denote(pobj)
            return [arg] if arg is not None else []
        return []
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
    states = {
        r.actor_id: r
        for i in near
        for r in [ctx.by_token.get(i)]
        if r is not None and r.kind == "Country" and not r.weak and r.via != "coref"
    }
    if len(states) == 1:
        return [Arg(next(iter(states.values())), 0.55)]
    return []


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
    for k in (3, 2, 1):  # "President Xi" as one gazetteer name
        if end - start > k and " ".join(t.lower_ for t in doc[start : start + k]) in lx.LEADER_ROLES:
            role, role_start = lx.LEADER_ROLES[" ".join(t.lower_ for t in doc[start : start + k])], start
            break
    if role is None:
        for k in (3, 2, 1):
            if start - k < sent_start:
                continue
            words = " ".join(t.lower_ for t in doc[start - k : start])
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


def people_roles(ctx: Context, tok: Token) -> Iterator[Candidate]:
    """LEADS / PART_OF for a person mention with a title next to it."""
    r = ctx.actor(tok)
    if r is None or r.kind != "Person" or tok.i != ctx.doc[r.mention.start : r.mention.end].root.i:
        return
    person = Arg(r)
    role_tokens: list[Token] = []
    for child in tok.children:
        if child.dep_ == "appos" or (child.dep_ in {"compound", "amod"} and ctx.actor(child) is None):
            role_tokens.append(child)
    if tok.dep_ == "appos" and ctx.actor(tok.head) is None:
        role_tokens.append(tok.head)
    clause_heads = [tok.head] if tok.dep_ in {"nsubj", "nsubjpass"} else []
    clause_heads += [c for c in tok.children if c.dep_ == "relcl"]
    for clause in clause_heads:
        for sib in clause.children:
            if sib.dep_ in {"attr", "oprd"}:
                role_tokens.append(sib)
            if sib.dep_ == "xcomp":  # "was appointed/elected president of X"
                role_tokens += [g for g in sib.children if g.dep_ in {"attr", "oprd"}] + [sib]
            if sib.dep_ == "prep" and sib.lower_ == "as":  # "succeeded X as NATO's secretary general"
                role_tokens += [g for g in sib.children if g.dep_ == "pobj"]
    person_owners = _named_owners(ctx, tok)
    found_role = False
    for role_tok in role_tokens:
        role = _role_of(role_tok)
        member = _is_member_role(role_tok)
        if role is None and not member:
            continue
        found_role = True
        orgs = _role_org(ctx, role_tok) or person_owners
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
        if not orgs and role in lx.STATE_TITLES and not ctx.prep_tokens(role_tok, ("of", "at", "for")):
            # "Chancellor Olaf Scholz said Germany would …": a bare state title.
            orgs, inferred = _sentence_state(ctx, tok), True
        if role and any(
            c.lower_ in {"deputy", "vice", "assistant", "former", "ex"} for c in role_tok.subtree if c.i < role_tok.i
        ):
            role = None  # a deputy serves the organisation; "former" heads no longer lead it
        rtype = "LEADS" if role else "PART_OF"
        for c in pairs(rtype, [person], orgs, role_tok, 0.85, role=role):
            c.inferred = inferred
            yield c
    if not found_role:
        role, owners, title = _linear_title(ctx, r)
        if role and title is not None:
            inferred = False
            if not owners and role in lx.STATE_TITLES:
                owners, inferred = _sentence_state(ctx, tok), True
            for c in pairs("LEADS", [person], owners, title, 0.75, role=role):
                c.inferred = inferred
                yield c
    # "X, who heads Y" / "X leads Y"
    verb = tok.head if tok.dep_ == "nsubj" else None
    for child in tok.children:
        if child.dep_ == "relcl":
            verb = child
    if verb is not None and verb.lemma_.lower() in lx.LEAD_VERBS:
        yield from pairs("LEADS", [person], ctx.objects(verb, frozenset({"dobj"})), verb, 0.8, role="head")


def led_by(ctx: Context, tok: Token) -> Iterator[Candidate]:
    """Covers "Y, led by X" and "Y is headed by X", where X is a person."""
    if not is_verb(tok) or tok.lemma_.lower() not in lx.LEAD_VERBS:
        return
    leaders = [a for a in ctx.agents(tok) if a.actor.kind == "Person"]
    if not leaders:
        return
    if tok.dep_ == "acl":
        led = ctx.denote(tok.head)  # the noun itself, not the nouns coordinated with it
        yield from pairs("LEADS", leaders, [led] if led else [], tok, 0.8, role="head")
    else:
        yield from pairs("LEADS", leaders, ctx.patients(tok), tok, 0.8, role="head")


_PART_WORDS = frozenset({"subsidiary", "part", "unit", "division", "branch", "arm", "wing", "affiliate", "component"})
_STATE_MARKERS = frozenset({"state", "state-owned", "government", "federal", "national", "public", "official"})
_STATE_BODIES = frozenset(
    {"ministry", "agency", "army", "navy", "force", "forces", "service", "directorate", "guard", "department"}
)


def org_part_of(ctx: Context, tok: Token) -> Iterator[Candidate]:
    """An organisation described as part of a state: "Russia's state arms exporter, X"."""
    r = ctx.actor(tok)
    if r is None or r.kind not in {"Company", "Organization", "ArmedGroup"}:
        return
    if tok.i != ctx.doc[r.mention.start : r.mention.end].root.i:
        return
    for child in tok.children:
        if child.dep_ == "poss":
            # "Iran's Shahed Aviation Industries", "France's Naval Group"
            owners = [o for o in ctx.np_actors(child) if o.id != r.actor_id and o.actor.kind == "Country"]
            yield from pairs("PART_OF", [Arg(r)], owners, tok, 0.7)
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
        modifiers = {t.lower_ for t in desc.subtree if t.i < desc.i}
        if modifiers & {"private", "independent", "former"}:
            continue
        # A possessive says who owns it; a demonym alone only says where it is from,
        # unless the description marks it as the state's ("the Russian state exporter").
        state_owned = bool(modifiers & _STATE_MARKERS) or desc.lemma_.lower() in _STATE_BODIES
        owners = ctx.owners(desc, allow_weak=state_owned) + ctx.prep_objects(desc, ("of",))
        for child in desc.children:
            if child.dep_ == "compound":
                owners += ctx.owners(child, allow_weak=state_owned)
        owners = [o for o in owners if o.id != r.actor_id]
        yield from pairs("PART_OF", [Arg(r)], owners, desc, 0.8)
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() == "be":
        for attr in tok.head.children:
            if attr.dep_ == "attr" and attr.lemma_.lower() in _PART_WORDS:
                yield from pairs("PART_OF", [Arg(r)], ctx.prep_objects(attr, ("of",)), attr, 0.8, subject_side="source")
    # "X, a subsidiary of Y"
    for child in tok.children:
        if child.dep_ == "appos" and child.lemma_.lower() in _PART_WORDS:
            yield from pairs("PART_OF", [Arg(r)], ctx.prep_objects(child, ("of",)), child, 0.8)


# Rules started by a trigger word, and rules started by an actor mention (titles, descriptions).
TRIGGER_RULES: tuple[Rule, ...] = (
    supplies,
    attacked,
    threatens,
    sanctions,
    controls,
    exercises,
    member_of,
    allied,
    military_support,
    hosts_base,
    refugees,
    led_by,
)
ACTOR_RULES: tuple[Rule, ...] = (people_roles, org_part_of, alliance_apposition, affiliation)

# Lemmas that can start a rule, so most tokens are skipped at once.
TRIGGER_LEMMAS = frozenset(
    lx.SUPPLY_VERBS
    | lx.ACQUIRE_VERBS
    | lx.SUPPLY_NOUNS
    | lx.ACQUIRE_NOUNS
    | lx.ATTACK_VERBS
    | {"supplier", "exporter", "provider", "seller", "source"}
    | lx.ATTACK_NOUNS
    | lx.THREAT_VERBS
    | lx.THREAT_NOUNS
    | lx.SANCTION_VERBS
    | lx.SANCTION_NOUNS
    | lx.CONTROL_VERBS
    | lx.CONTROL_NOUNS
    | {"fall", "take", "grab", "assume", "gain", "regain", "wrest", "win"}
    | lx.EXERCISE_NOUNS
    | lx.EXERCISE_VERBS
    | lx.MEMBER_NOUNS
    | lx.JOIN_VERBS
    | lx.LEAVE_VERBS
    | {
        "include",
        "comprise",
        "group",
        "unite",
        "encompass",
        "admit",
        "accept",
        "welcome",
        "found",
        "establish",
        "create",
        "form",
        "launch",
    }
    | {"ally", "align", "alliance", "allegiance", "relation", "relations", "tie", "declaration"}
    | lx.PACT_NOUNS
    | {"deploy", "send", "dispatch", "defend", "protect", "guard", "fight", "back"}
    | lx.SUPPORT_NOUNS
    | lx.BASE_NOUNS
    | {"station", "host", "house", "centre", "center", "hub"}
    | {"refugee", "asylum", "migrant", "evacuee", "flee", "escape"}
    | lx.LEAD_VERBS
)


def sentence_candidates(ctx: Context, sent: Span) -> list[Candidate]:
    """Every candidate relation in one sentence."""
    out: list[Candidate] = []
    for tok in sent:
        if tok.lemma_.lower() in TRIGGER_LEMMAS:
            for rule in TRIGGER_RULES:
                out.extend(rule(ctx, tok))
        if tok.i in ctx.by_token:
            for rule in ACTOR_RULES:
                out.extend(rule(ctx, tok))
    return out
