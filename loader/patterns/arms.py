"""SUPPLIES_ARMS_TO: sales, deliveries, offers and orders of weapons, in either direction."""

from __future__ import annotations

from collections.abc import Iterator

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
        and any(o.pos_ in {"NUM", "PRON"} or o.lemma_.lower() in CONTAINER_NOUNS | {"one"} for o in objects)
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
