"""SUPPLIES_ARMS_TO: sales, deliveries, offers and orders of weapons, in either direction."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from loader.patterns import lexicon as lx
from loader.patterns.candidates import (
    Candidate,
    is_noun,
    is_verb,
    noun_sources,
    pairs,
)
from loader.patterns.items import CONTAINER_NOUNS, arms_items, item_text, sentence_arms
from loader.patterns.syntax import Arg, Context, conjuncts
from loader.resolve import Resolved


def supplies(ctx: Context, tok: Token) -> Iterator[Candidate]:
    for cand in _supplies(ctx, tok):
        # Arms for "the Army of X", or sold by a state agency, are the state's (as arms registers count them).
        owner = _state_of_body(ctx, cand.target)
        if owner is not None and owner.actor_id != cand.source.id:
            cand = replace(cand, target=Arg(owner, cand.target.directness))
        owner = _state_of_body(ctx, cand.source)
        if owner is not None and owner.actor_id != cand.target.id:
            cand = replace(cand, source=Arg(owner, cand.source.directness))
        yield cand


def _state_of_body(ctx: Context, arg: Arg) -> Resolved | None:
    owner = ctx.parent_of(arg.actor) if arg.actor.kind == "Organization" else None
    return owner if owner is not None and owner.kind == "Country" else None


def _supplies(ctx: Context, tok: Token) -> Iterator[Candidate]:
    lemma = tok.lemma_.lower()
    if tok.dep_ == "amod" and tok.tag_ == "VBN" and lemma in lx.MADE_PARTICIPLES:
        yield from _made_by_modifier(ctx, tok)
        return
    if is_noun(tok) and lemma in lx.DEAL_NOUNS:
        yield from _deal_noun(ctx, tok)
        return
    if (is_noun(tok) or tok.pos_ == "NUM") and lemma in AID_AMOUNT_HEADS and tok.dep_ == "dobj" and is_verb(tok.head):
        yield from _aid_amount(ctx, tok)
        return
    if is_verb(tok) and lemma in lx.USE_VERBS:
        yield from _uses_makers_weapon(ctx, tok)
        return
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
    armed = any(c.lemma_.lower() in lx.ARMS_NOUNS for c in noun.children if c.dep_ in {"compound", "amod"})
    if not armed and not arms_items(ctx, ctx.prep_tokens(noun, ("of",))):
        return  # "a major arms supplier", "the largest source of weapons"
    recipients = ctx.prep_objects(noun, ("to", "for"))
    if not recipients and noun.lemma_.lower() != "exporter" and not any(c.lower_ == "state" for c in noun.children):
        # "Russia remains India's largest source of weapons"; but "Russia's state arms exporter" is Russia's own.
        recipients = [o for o in ctx.owners(noun) if o.actor.kind in {"Country", "ArmedGroup", "Alliance"}]
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
        # The parser often hangs "to Y" on the last item of a list: "sent missiles, shells and drones to Y",
        # or on the item's modifier: "give a drone free of charge to Y".
        for obj in objs:
            for item in conjuncts(obj):
                recipients += ctx.prep_objects(item, ("to",))
                for modifier in item.children:
                    if modifier.dep_ == "amod":
                        recipients += ctx.prep_objects(modifier, ("to",))
    item_heads = [o for o in objs if ctx.denote(o) is None or item_text(o)] + with_heads
    if passive:
        item_heads += [c for c in verb.children if c.dep_ == "nsubjpass"]
        sources = ctx.agents(verb)
        subject_side = None
    else:
        sources = ctx.subjects(verb)
        subject_side = "source"
    if lemma in {"arm", "equip"} or not recipients:
        recipients = recipients or [a for o in objs if not item_text(o) for a in ctx.np_actors(o)]
    if any(t.lemma_.lower() in lx.TROOP_NOUNS and not item_text(t) for h in item_heads for t in conjuncts(h)):
        return  # "sending troops and armour": a deployment, not an arms transfer
    if not recipients and not passive:
        recipients = _misparsed_dative(ctx, verb, objs)
    share_of = [imp for o in objs for imp in _import_share(ctx, o)]
    if share_of and not recipients:
        # "X supplied 60 percent of Y's arms imports": Y receives.
        recipients = [a for imp in share_of for a in ctx.owners(imp)]
        item_heads += [t for imp in share_of for t in ctx.prep_tokens(imp, ("of",))] + share_of
    items = arms_items(ctx, item_heads)
    if lemma == "arm" and not items:
        items = ["weapons"]
    if not items and recipients and any(o.pos_ == "PRON" for o in objs):
        items = sentence_arms(verb.sent)  # "handed it over to Y", where "it" is the drone just named
    if not items and recipients and any(a.actor.kind == "Company" and a.actor.via != "ner" for a in sources):
        # An arms maker selling "it" or a named model: the thing sold is a weapon.
        items = sentence_arms(verb.sent) or [o.text for o in objs if o.pos_ == "PROPN"] or ["arms"]
    if not items:
        return
    mod = "delivered" if lemma in {"deliver", "hand", "ship"} and verb.tag_ in {"VBD", "VBN"} else None
    yield from pairs(
        "SUPPLIES_ARMS_TO", sources, recipients, verb, 0.85, items=items, modality=mod, subject_side=subject_side
    )


_DEAL_NOUNS = frozenset({"contract", "deal", "agreement", "order", "accord"})
_SHARE_NOUNS = frozenset({"percent", "per", "%", "share", "half", "third", "quarter", "bulk", "most", "majority"})


def _misparsed_dative(ctx: Context, verb: Token, objs: list[Token]) -> list[Arg]:
    """Covers "sold Armenia four radars" parsed with Armenia as a modifier of the item."""
    out: list[Arg] = []
    for obj in objs:
        first = next((c for c in obj.children if c.i == verb.i + 1), None)
        if first is not None and first.dep_ in {"nmod", "compound"} and item_text(obj):
            arg = ctx.denote(first)
            if arg is not None and arg.actor.kind in {"Country", "Alliance", "ArmedGroup"}:
                out.append(arg)
    return out


def _import_share(ctx: Context, obj: Token) -> list[Token]:
    """The imports noun of "60 percent of Y's arms imports"."""
    if obj.lemma_.lower() not in _SHARE_NOUNS and obj.pos_ != "NUM":
        return []
    return [t for t in ctx.prep_tokens(obj, ("of",)) if t.lemma_.lower() in lx.ACQUIRE_NOUNS]


def _from_counts(ctx: Context, verb: Token) -> list[Arg]:
    """Covers "received ten jets, six from Russia and four from Belarus"."""
    out: list[Arg] = []
    for tok in verb.subtree:
        if tok.pos_ == "NUM" and tok.dep_ in {"npadvmod", "appos", "advmod", "conj", "dobj"}:
            out += ctx.prep_objects(tok, ("from",))
    return out


def _makers(ctx: Context, heads: list[Token]) -> list[Arg]:
    """Who made the items: "jets built by <maker>", "French-built jets"."""
    out: list[Arg] = []
    for head in heads:
        for item in conjuncts(head):
            for part in item.children:
                if part.tag_ != "VBN" or part.lemma_.lower() not in lx.MADE_PARTICIPLES - {"supply", "provide"}:
                    continue
                if part.dep_ == "acl":
                    out += [a for a in ctx.agents(part) if a.actor.kind in {"Company", "Country"}]
                elif part.dep_ == "amod":
                    out += [
                        Arg(r, 0.75)
                        for c in part.children
                        for r in [ctx.actor(c)]
                        if r is not None and r.kind == "Country"
                    ]
    return out


def _passive_acquire(ctx: Context, verb: Token, lemma: str) -> Iterator[Candidate]:
    """Covers "jets bought by Y from X" and "X's system was bought by Y"."""
    buyers = ctx.agents(verb)
    if not buyers:
        return
    heads = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if verb.dep_ == "acl":
        heads.append(verb.head)
    items = arms_items(ctx, heads)
    if not items:
        return
    suppliers = ctx.prep_objects(verb, ("from",))
    confidence = 0.8
    if not suppliers:
        suppliers = [a for h in heads for a in ctx.owners(h, allow_weak=True) if a.actor.kind in {"Country", "Company"}]
        confidence = 0.7
    mod = "delivered" if lemma == "receive" else "ordered" if lemma in {"order", "buy", "purchase", "procure"} else None
    for c in pairs("SUPPLIES_ARMS_TO", suppliers, buyers, verb, confidence, items=items, modality=mod):
        c.subject_side = "target"
        yield c


def _acquire_verb(ctx: Context, verb: Token, lemma: str) -> Iterator[Candidate]:
    if any(c.dep_ == "nsubjpass" for c in verb.children) or (verb.dep_ == "acl" and verb.tag_ == "VBN"):
        yield from _passive_acquire(ctx, verb, lemma)
        return
    suppliers = ctx.prep_objects(verb, ("from",)) or _from_counts(ctx, verb)
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
        and any(o.pos_ in {"NUM", "PRON"} or o.lemma_.lower() in CONTAINER_NOUNS | {"one"} for o in objects)
    ):
        items = sentence_arms(verb.sent)  # "Croatia bought 12 used ones from France"
        confidence = 0.6
    if not items and any(a.actor.kind == "Company" and a.actor.via != "ner" for a in suppliers):
        # Whatever an arms maker sells is a weapon: "ordered a total of 54 from <maker>".
        items = [o.text for o in objects if o.pos_ == "PROPN"] or ["arms"]
        confidence = 0.6
    if not items:
        return
    if not suppliers:
        # "Serbia bought Chinese drones": the maker's nationality names the supplier.
        suppliers = [
            Arg(a.actor, 0.75)
            for o in objects
            for a in ctx.owners(o, allow_weak=True)
            if a.actor.kind == "Country" and a.actor.weak
        ] + _makers(ctx, objects)
        confidence = 0.65
    if not suppliers:
        return
    buyers = ctx.subjects(verb)
    mod = "delivered" if lemma == "receive" else "ordered" if lemma in {"order", "buy", "purchase", "procure"} else None
    for c in pairs("SUPPLIES_ARMS_TO", suppliers, buyers, verb, confidence, items=items, modality=mod):
        c.subject_side = "target"
        yield c


_USE_VERBS = lx.USE_VERBS | {"receive", "get"}


def _uses_makers_weapon(ctx: Context, verb: Token) -> Iterator[Candidate]:
    """Covers "Y flies <maker>'s drones" and "<maker>'s drones are flown by Y's air force"."""
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    heads = [c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
    makers = [a for h in heads for a in ctx.owners(h) if a.actor.kind == "Company" and a.actor.via == "gazetteer"]
    if not makers:
        return
    items = arms_items(ctx, heads)
    if not items:
        return
    users = ctx.agents(verb) if passive else ctx.subjects(verb)
    users = [u for u in users if u.actor.kind in {"Country", "ArmedGroup"}]
    yield from pairs("SUPPLIES_ARMS_TO", makers, users, verb, 0.6, items=items, modality="delivered")


def _made_by_modifier(ctx: Context, participle: Token) -> Iterator[Candidate]:
    """Covers "Armenia deployed its Russian-supplied tanks", "Ukraine fields Turkish-made drones".

    The demonym names the supplier; the owner of the weapons, or the subject of a verb of
    use, names the recipient.
    """
    noun = participle.head
    items = arms_items(ctx, [noun])
    if not items:
        return
    suppliers = [
        Arg(r, 0.8)
        for c in participle.children
        if c.dep_ in {"npadvmod", "compound", "nmod", "amod"}
        for r in [ctx.actor(c)]
        if r is not None and r.kind == "Country"
    ]
    if not suppliers:
        return
    recipients = [o for o in ctx.owners(noun) if o.actor.kind in {"Country", "ArmedGroup"}]
    if not recipients and noun.dep_ == "dobj" and noun.head.lemma_.lower() in _USE_VERBS:
        recipients = ctx.subjects(noun.head)
    yield from pairs("SUPPLIES_ARMS_TO", suppliers, recipients, participle, 0.6, items=items, modality="delivered")


def _deal_noun(ctx: Context, deal: Token) -> Iterator[Candidate]:
    """Covers "Greece signed a deal with France for 24 jets" and "X's contract for tanks with Y"."""
    item_heads = ctx.prep_tokens(deal, ("for", "on"))
    if not item_heads and deal.dep_ == "dobj" and is_verb(deal.head):
        item_heads = ctx.prep_tokens(deal.head, ("for",))  # "signed a deal for …" with "for" on the verb
    items = arms_items(ctx, item_heads)
    if not items:
        return
    sellers = ctx.prep_objects(deal, ("with",)) + [a for h in item_heads for a in ctx.prep_objects(h, ("with",))]
    if not sellers and deal.dep_ == "dobj" and is_verb(deal.head):
        sellers = ctx.prep_objects(deal.head, ("with",))
    if not sellers:
        return
    buyers, from_subject = noun_sources(ctx, deal)
    for c in pairs("SUPPLIES_ARMS_TO", sellers, buyers, deal, 0.7, items=items, modality="ordered"):
        c.subject_side = "target" if from_subject else None
        yield c


def _supply_noun(ctx: Context, noun: Token, lemma: str) -> Iterator[Candidate]:
    item_heads = ctx.prep_tokens(noun, ("of",)) + [c for c in noun.children if c.dep_ == "compound"]
    if lemma in lx.ACQUIRE_NOUNS:
        item_heads += ctx.prep_tokens(noun, ("for",))  # "Greece's order for 24 jets"
    items = arms_items(ctx, item_heads)
    if not items:
        return
    if lemma in lx.ACQUIRE_NOUNS:
        suppliers = ctx.prep_objects(noun, ("from",)) + [a for h in item_heads for a in ctx.prep_objects(h, ("from",))]
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
    if not recipients and noun.dep_ == "dobj" and is_verb(noun.head):
        recipients = ctx.prep_objects(noun.head, ("to",))  # "approved the sale of jets to Y", "to Y" on the verb
    mod = "delivered" if lemma in {"delivery", "shipment", "consignment"} else None
    if any(c.lower_ in {"possible", "proposed", "potential", "planned", "prospective"} for c in noun.children):
        mod = "planned"  # "approved the possible sale of …"
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


# Heads of "a $400 million weapons package for Ukraine", "$571 million in military assistance for Taiwan".
AID_AMOUNT_HEADS = frozenset({"package", "tranche", "billion", "million", "$", "dollar", "euro", "pound"})
_RECEIVE_VERBS = frozenset({"receive", "get", "obtain", "secure", "win"})


def _aid_amount(ctx: Context, amount: Token) -> Iterator[Candidate]:
    """An amount or package of weapons or military aid given (or received) by the verb's subject."""
    verb = amount.head
    if amount.lemma_.lower() in {"package", "tranche"}:
        item_heads = [c for c in amount.children if c.dep_ == "compound"]
    else:
        item_heads = ctx.prep_tokens(amount, ("in",)) or ctx.prep_tokens(verb, ("in",))
    items = arms_items(ctx, item_heads)
    if not items:
        return
    if verb.lemma_.lower() in _RECEIVE_VERBS:
        # "Egypt receives $1.3 billion a year in U.S. military aid": the aid's owner gives it.
        donors = [a for h in item_heads for a in ctx.owners(h, allow_weak=True) if a.actor.kind == "Country"]
        for c in pairs("SUPPLIES_ARMS_TO", donors, ctx.subjects(verb), amount, 0.7, items=items):
            c.subject_side = "target"
            yield c
        return
    recipients = ctx.prep_objects(amount, ("for", "to")) + ctx.prep_objects(verb, ("to", "for"))
    recipients += [a for h in item_heads for a in ctx.prep_objects(h, ("for", "to"))]
    yield from pairs("SUPPLIES_ARMS_TO", ctx.subjects(verb), recipients, amount, 0.75, items=items,
                     subject_side="source")
