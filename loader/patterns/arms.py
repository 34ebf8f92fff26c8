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
from loader.patterns.syntax import Arg, Context, conjuncts, unique_args
from loader.rules import lemmas, load_rules

_WORDS = load_rules("arms")

# Who can fly or field a weapon: states, groups, and a state's own forces ("the Malian army").
_USER_KINDS = frozenset({"Country", "ArmedGroup", "Organization"})


def supplies(ctx: Context, tok: Token) -> Iterator[Candidate]:
    for cand in _supplies(ctx, tok):
        # Arms for "the Army of X", or sold by a state agency, are the state's (as arms registers count them).
        owner = ctx.state_of_body(cand.target.actor)
        if owner is not None and owner.actor_id != cand.source.id:
            cand = replace(cand, target=Arg(owner, cand.target.directness))
        owner = ctx.state_of_body(cand.source.actor)
        if owner is not None and owner.actor_id != cand.target.id:
            cand = replace(cand, source=Arg(owner, cand.source.directness))
        yield cand


# Participles after a weapon that name its maker ("jets, built by Lockheed Martin"); "supplied by"
# and the like are transfers, read by the supply verbs.
_MAKER_PARTICIPLES = lemmas("arms", "maker_participles")


_SUPPLIER_NOUNS = frozenset(_WORDS["supplier_nouns"])


def _supplies(ctx: Context, tok: Token) -> Iterator[Candidate]:
    lemma = tok.lemma_.lower()
    if tok.tag_ == "VBN" and (
        (tok.dep_ == "amod" and lemma in lx.MADE_PARTICIPLES) or (tok.dep_ == "acl" and lemma in _MAKER_PARTICIPLES)
    ):
        yield from _made_by_modifier(ctx, tok)
        return
    if is_noun(tok) and lemma in _DEAL_NOUNS and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _WIN_VERBS:
        yield from _won_contract(ctx, tok)
        return
    if is_noun(tok) and lemma in lx.DEAL_NOUNS:
        yield from _deal_noun(ctx, tok)
        return
    if (is_noun(tok) or tok.pos_ == "NUM") and lemma in AID_AMOUNT_HEADS and tok.dep_ == "dobj" and is_verb(tok.head):
        yield from _aid_amount(ctx, tok)
        return
    if is_noun(tok) and lemma in _AID_NOUNS:
        yield from _aid_noun(ctx, tok)
        return
    if is_verb(tok) and lemma in _WEAPON_USE_VERBS:
        yield from _uses_makers_weapon(ctx, tok)
        return
    if is_verb(tok) and lemma in _PRODUCE_VERBS:
        yield from _produce_verb(ctx, tok)
        return
    if is_verb(tok) and lemma in lx.SUPPLY_VERBS:
        yield from _supply_verb(ctx, tok, lemma)
    elif is_verb(tok) and lemma in lx.ACQUIRE_VERBS:
        yield from _acquire_verb(ctx, tok, lemma)
    elif is_noun(tok) and lemma in lx.SUPPLY_NOUNS | lx.ACQUIRE_NOUNS:
        yield from _supply_noun(ctx, tok, lemma)
    elif is_noun(tok) and lemma in _SUPPLIER_NOUNS:
        yield from _supplier_noun(ctx, tok)
    elif is_noun(tok) and lemma in BUYER_NOUNS:
        yield from _buyer_noun(ctx, tok)


_RECIPIENT_PREPS = tuple(_WORDS["recipient_preps"])
_OF_PREP = tuple(_WORDS["of_prep"])
_ONE_OF_WORDS = frozenset(_WORDS["one_of_words"])
_TO_PREP = tuple(_WORDS["to_prep"])


def _supplier_noun(ctx: Context, noun: Token) -> Iterator[Candidate]:
    """Covers "Israel has been a major arms supplier to Azerbaijan"."""
    armed = any(c.lemma_.lower() in lx.ARMS_NOUNS for c in noun.children if c.dep_ in {"compound", "amod"})
    items = arms_items(ctx, ctx.prep_tokens(noun, _OF_PREP))
    if not armed and not items:
        return  # "a major arms supplier", "the largest source of weapons"
    items = items or ["arms"]
    recipients = ctx.prep_objects(noun, _RECIPIENT_PREPS)
    if not recipients and noun.lemma_.lower() != "exporter" and not any(c.lower_ == "state" for c in noun.children):
        # "Russia remains India's largest source of weapons"; but "Russia's state arms exporter" is Russia's own.
        recipients = [o for o in ctx.owners(noun) if o.actor.kind in {"Country", "ArmedGroup", "Alliance", "Region"}]
    holder = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in _ONE_OF_WORDS:
        holder = noun.head.head  # "X is one of the main sources of ammunition for Y"
    if holder.dep_ in {"attr", "oprd"}:
        if not recipients:
            recipients = ctx.prep_objects(holder.head, _TO_PREP)  # "has long been a supplier to Y", "to Y" on the verb
        yield from pairs(
            "SUPPLIES_ARMS_TO", ctx.subjects(holder.head), recipients, noun, 0.75, items=items, subject_side="source"
        )
    elif holder.dep_ == "appos":
        yield from pairs("SUPPLIES_ARMS_TO", ctx.np_actors(holder.head), recipients, noun, 0.75, items=items)
    elif holder.dep_ == "pobj" and holder.head.lower_ == "as" and is_verb(holder.head.head):
        # "India has emerged as a key arms supplier to Armenia", "France replaced Russia as the main supplier".
        yield from pairs(
            "SUPPLIES_ARMS_TO", ctx.subjects(holder.head.head), recipients, noun, 0.7, items=items,
            subject_side="source",
        )


BUYER_NOUNS = frozenset(_WORDS["buyer_nouns"])


_FROM_PREP = tuple(_WORDS["from_prep"])


def _buyer_noun(ctx: Context, noun: Token) -> Iterator[Candidate]:
    """Covers "Algeria is one of the biggest buyers of Russian weapons", "India is Russia's largest arms
    customer": whoever sells to the buyer is named on the weapons, with "from", or as the noun's owner."""
    item_heads = ctx.prep_tokens(noun, _OF_PREP)
    items = arms_items(ctx, item_heads)
    armed = any(c.lemma_.lower() in lx.ARMS_NOUNS for c in noun.children if c.dep_ in {"compound", "amod"})
    if not items and not armed:
        return  # "a big buyer of Russian oil"
    suppliers = ctx.prep_objects(noun, _FROM_PREP)
    suppliers += [a for h in item_heads for a in ctx.owners(h, allow_weak=True) if a.actor.kind == "Country"]
    suppliers += [a for a in ctx.owners(noun) if a.actor.kind in {"Country", "Company"}]
    holder = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in _ONE_OF_WORDS:
        holder = noun.head.head
    if holder.dep_ in {"attr", "oprd"}:
        buyers = ctx.subjects(holder.head)
    elif holder.dep_ == "appos":
        buyers = ctx.np_actors(holder.head)
    elif holder.dep_ == "pobj" and holder.head.lower_ == "as" and is_verb(holder.head.head):
        buyers = ctx.subjects(holder.head.head)  # "India remains the top buyer of Russian arms"
    else:
        return
    buyers = [b for b in buyers if b.id not in {s.id for s in suppliers}]
    for c in pairs("SUPPLIES_ARMS_TO", unique_args(suppliers), buyers, noun, 0.7, items=items or ["arms"]):
        c.subject_side = "target"
        yield c


_WITH_PREP = tuple(_WORDS["with_prep"])
_ARMING_VERBS = frozenset(_WORDS["arming_verbs"])
_DELIVERING_VERBS = frozenset(_WORDS["delivering_verbs"])
_BY_PREP = tuple(_WORDS["by_prep"])


def _supply_verb(ctx: Context, verb: Token, lemma: str) -> Iterator[Candidate]:
    # "Arms supplied by Iran to the Houthis were seized": a participle on the weapons is a passive too.
    # (One with an object is a misparsed main verb: "Poland, which …, handed over its tanks to Y".)
    reduced = verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(c.dep_ == "dobj" for c in verb.children)
    passive = reduced or any(c.dep_ == "nsubjpass" for c in verb.children)
    objs = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    with_heads = ctx.prep_tokens(verb, _WITH_PREP)
    recipients = ctx.prep_objects(verb, _RECIPIENT_PREPS)
    if not recipients:
        # The parser often hangs "to Y" on the last item of a list: "sent missiles, shells and drones to Y",
        # or on the item's modifier: "give a drone free of charge to Y".
        for obj in objs:
            for item in conjuncts(obj):
                recipients += ctx.prep_objects(item, _TO_PREP)
                for modifier in item.children:
                    if modifier.dep_ == "amod":
                        recipients += ctx.prep_objects(modifier, _TO_PREP)
    item_heads = [o for o in objs if ctx.denote(o) is None or item_text(o)] + with_heads
    if passive:
        patients = [verb.head] if reduced else [c for c in verb.children if c.dep_ == "nsubjpass"]
        sources = ctx.agents(verb) or [a for o in objs for a in ctx.prep_objects(o, _BY_PREP)]
        subject_side = None
        if objs and not recipients and not arms_items(ctx, patients):
            # "Ukraine was given 31 tanks by the United States": the subject receives.
            recipients = [a for p in patients for a in ctx.np_actors(p)]
        else:
            item_heads += patients
            # "Hundreds of Iranian drones have been delivered to Russia": the demonym supplies.
            sources = sources or [a for p in patients for a in _demonym_states(ctx, p)]
            sources = sources or _makers(ctx, patients)  # "tanks, built by <maker>, were delivered to Y"
    else:
        sources = _subjects(ctx, verb)
        subject_side = "source"
    if lemma in _ARMING_VERBS or not recipients:
        recipients = recipients or [a for o in objs if not item_text(o) for a in ctx.np_actors(o)]
    if any(t.lemma_.lower() in lx.TROOP_NOUNS and not item_text(t) for h in item_heads for t in conjuncts(h)):
        return  # "sending troops and armour": a deployment, not an arms transfer
    if not recipients and not passive:
        recipients = _misparsed_dative(ctx, verb, objs)
    backed = _backing_verb(verb)
    if not recipients and not passive and backed is not None:
        # "X has backed Y by supplying arms": the backed party receives, the backer supplies
        recipients = ctx.objects(backed, frozenset({"dobj"}))
        sources = sources or _subjects(ctx, backed)
    share_of = [imp for o in objs for imp in _import_share(ctx, o)]
    if share_of and not recipients:
        # "X supplied 60 percent of Y's arms imports": Y receives.
        recipients = [a for imp in share_of for a in ctx.owners(imp)]
        item_heads += [t for imp in share_of for t in ctx.prep_tokens(imp, _OF_PREP)] + share_of
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
    mod = "delivered" if lemma in _DELIVERING_VERBS and verb.tag_ in {"VBD", "VBN"} else None
    yield from pairs(
        "SUPPLIES_ARMS_TO", sources, recipients, verb, 0.85, items=items, modality=mod, subject_side=subject_side
    )


_DEAL_NOUNS = frozenset(_WORDS["deal_nouns"])
_BACKING_VERBS = lemmas("arms", "backing_verbs")


def _backing_verb(verb: Token) -> Token | None:
    """The verb of support a supply is the means of: "backed the rebels by providing arms"."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "by" or prep.head is prep:
        return None
    head = prep.head
    return head if is_verb(head) and head.lemma_.lower() in _BACKING_VERBS else None
_SHARE_NOUNS = frozenset(_WORDS["share_nouns"])


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
    return [
        t
        for t in ctx.prep_tokens(obj, _OF_PREP)
        if t.lemma_.lower() in lx.ACQUIRE_NOUNS
        # "60 percent of Myanmar's imported weapons"
        or (item_text(t) and any(c.dep_ == "amod" and c.lemma_.lower() == "import" for c in t.children))
    ]


def _from_counts(ctx: Context, verb: Token) -> list[Arg]:
    """Covers "received ten jets, six from Russia and four from Belarus"."""
    out: list[Arg] = []
    for tok in verb.subtree:
        if tok.pos_ == "NUM" and tok.dep_ in {"npadvmod", "appos", "advmod", "conj", "dobj"}:
            out += ctx.prep_objects(tok, _FROM_PREP)
    return out


_SUPPLYING_PARTICIPLES = frozenset(_WORDS["supplying_participles"])


def _makers(ctx: Context, heads: list[Token]) -> list[Arg]:
    """Who made the items: "jets built by <maker>", "French-built jets"."""
    out: list[Arg] = []
    for head in heads:
        for item in _item_nouns(ctx, head):  # also "the first 38 of 108 tanks, built by <maker>"
            for part in item.children:
                if part.tag_ != "VBN" or part.lemma_.lower() not in lx.MADE_PARTICIPLES - _SUPPLYING_PARTICIPLES:
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


_ORDERING_VERBS = frozenset(_WORDS["ordering_verbs"])


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
    suppliers = ctx.prep_objects(verb, _FROM_PREP)
    confidence = 0.8
    if not suppliers:
        suppliers = [a for h in heads for a in ctx.owners(h, allow_weak=True) if a.actor.kind in {"Country", "Company"}]
        confidence = 0.7
    mod = "delivered" if lemma == "receive" else "ordered" if lemma in _ORDERING_VERBS else None
    for c in pairs("SUPPLIES_ARMS_TO", suppliers, buyers, verb, confidence, items=items, modality=mod):
        c.subject_side = "target"
        yield c


_ONE_WORD = frozenset(_WORDS["one_word"])


def _acquire_verb(ctx: Context, verb: Token, lemma: str) -> Iterator[Candidate]:
    if any(c.dep_ == "nsubjpass" for c in verb.children) or (verb.dep_ == "acl" and verb.tag_ == "VBN"):
        yield from _passive_acquire(ctx, verb, lemma)
        return
    suppliers = ctx.prep_objects(verb, _FROM_PREP) or _from_counts(ctx, verb)
    if not suppliers:
        # "buy three submarines from the United States": "from" often hangs on the object,
        # or on the weapons of "the first batch of tanks from Y".
        suppliers = [
            a
            for o in verb.children
            if o.dep_ == "dobj"
            for item in _item_nouns(ctx, o)
            for a in ctx.prep_objects(item, _FROM_PREP)
        ]
    if not suppliers and verb.dep_ in {"acl", "relcl", "advcl", "xcomp"}:
        # "signed a contract with Russia to buy …": the contract's other party sells.
        deals = [verb.head] + [c for c in verb.head.children if c.dep_ == "dobj"]
        for deal in deals:
            if deal.lemma_.lower() in _DEAL_NOUNS:
                suppliers = ctx.prep_objects(deal, _WITH_PREP) or ctx.prep_objects(deal.head, _WITH_PREP)
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
        and any(o.pos_ in {"NUM", "PRON"} or o.lemma_.lower() in CONTAINER_NOUNS | _ONE_WORD for o in objects)
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
        suppliers = suppliers or [a for o in objects for a in _demonym_states(ctx, o)]  # "Turkish Anka drones"
        confidence = 0.65
    if not suppliers:
        return
    buyers = ctx.subjects(verb)
    mod = "delivered" if lemma == "receive" else "ordered" if lemma in _ORDERING_VERBS else None
    for c in pairs("SUPPLIES_ARMS_TO", suppliers, buyers, verb, confidence, items=items, modality=mod):
        c.subject_side = "target"
        yield c


_USE_VERBS = lx.USE_VERBS | {"receive", "get"}
# Verbs of using a weapon, for "Y fired Iranian missiles" (its maker's state armed Y).
_WEAPON_USE_VERBS = lx.USE_VERBS | {"fire", "launch"}
_SEIZED_MODIFIERS = frozenset(_WORDS["seized_modifiers"])


def _uses_makers_weapon(ctx: Context, verb: Token) -> Iterator[Candidate]:
    """Covers "Y flies <maker>'s drones", "<maker>'s drones are flown by Y" and "Y fired Iranian missiles"."""
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    heads = [c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
    items = arms_items(ctx, heads)
    if not items:
        return
    makers = [a for h in heads for a in ctx.owners(h) if a.actor.kind == "Company" and a.actor.via == "gazetteer"]
    confidence = 0.6
    if not makers:
        makers = [a for h in heads for a in _demonym_states(ctx, h)]
        confidence = 0.55
    if not makers:
        return
    users = ctx.agents(verb) if passive else ctx.subjects(verb)
    users = [u for u in users if u.actor.kind in {"Country", "ArmedGroup", "Organization"}]
    yield from pairs("SUPPLIES_ARMS_TO", makers, users, verb, confidence, items=items, modality="delivered")


def _demonym_states(ctx: Context, head: Token) -> list[Arg]:
    """The state a demonym on a weapon names, as in "Iranian drones", "80 of the Iranian Shahed drones"."""
    # Only the weapons' own demonyms: in "Belarusian troops and tanks" Belarus sends troops, not tanks.
    return unique_args([a for item in _item_nouns(ctx, head) if item_text(item) for a in _demonyms(ctx, item)])


def _demonyms(ctx: Context, noun: Token) -> list[Arg]:
    """States named by demonyms before a noun: "Iranian drones", "Iranian Shahed drones", "Chinese J-10C fighters"."""
    if any(t.lemma_.lower() in _SEIZED_MODIFIERS for c in noun.children for t in c.subtree):
        return []  # "captured Russian tanks" were not supplied by Russia
    # "Soviet-designed tanks": the designer is left to the made-by rule, which knows "designed" is not "made".
    made = {t.i for c in noun.children if c.dep_ == "amod" and c.tag_ == "VBN" for t in c.subtree}
    out: list[Arg] = []
    for left in noun.lefts:
        for tok in left.subtree:
            r = ctx.actor(tok)
            if tok.i not in made and r is not None and r.kind == "Country" and r.weak:
                out.append(Arg(r, 0.75))
    return out


def _item_nouns(ctx: Context, head: Token) -> list[Token]:
    """The weapon nouns of an NP: the head, its coordinates and the nouns behind "dozens of", "a batch of"."""
    out: list[Token] = []
    for item in conjuncts(head):
        out.append(item)
        if item.pos_ in {"NUM", "PRON"} or item.lemma_.lower() in CONTAINER_NOUNS:
            out += [t for inner in ctx.prep_tokens(item, _OF_PREP) for t in conjuncts(inner)]
    return out


def _made_by_modifier(ctx: Context, participle: Token) -> Iterator[Candidate]:
    """Covers "Armenia deployed its Russian-supplied tanks", "Ukraine fields Turkish-made drones",
    "Pakistan's F-16 jets, built by Lockheed Martin".

    The demonym (or the agent of a participle after the noun) names the supplier; the owner of
    the weapons, or the subject of a verb of use, names the recipient.
    """
    noun = participle.head
    while noun.dep_ in {"compound", "nmod"} and noun.head is not noun:
        noun = noun.head  # "German-supplied Leopard 2 tanks": the participle hangs on the model name
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
    if participle.dep_ == "acl":
        suppliers = [a for a in ctx.agents(participle) if a.actor.kind in {"Country", "Company"}]
    if not suppliers:
        return
    recipients = [o for o in ctx.owners(noun) if o.actor.kind in {"Country", "ArmedGroup"}]
    if not recipients and noun.dep_ == "dobj" and noun.head.lemma_.lower() in _USE_VERBS | _WEAPON_USE_VERBS:
        recipients = ctx.subjects(noun.head)
    if not recipients:
        # "Russian-made helicopters flown by the Malian army"
        users = [c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in _WEAPON_USE_VERBS]
        recipients = [a for u in users for a in ctx.agents(u) if a.actor.kind in _USER_KINDS]
    yield from pairs("SUPPLIES_ARMS_TO", suppliers, recipients, participle, 0.6, items=items, modality="delivered")


_DEAL_ITEM_PREPS = tuple(_WORDS["deal_item_preps"])
_FOR_PREP = tuple(_WORDS["for_prep"])


def _deal_noun(ctx: Context, deal: Token) -> Iterator[Candidate]:
    """Covers "Greece signed a deal with France for 24 jets" and "X's contract for tanks with Y"."""
    item_heads = ctx.prep_tokens(deal, _DEAL_ITEM_PREPS)
    if not item_heads and deal.dep_ == "dobj" and is_verb(deal.head):
        item_heads = ctx.prep_tokens(deal.head, _FOR_PREP)  # "signed a deal for …" with "for" on the verb
    items = arms_items(ctx, item_heads)
    if not items:
        return
    sellers = ctx.prep_objects(deal, _WITH_PREP) + [a for h in item_heads for a in ctx.prep_objects(h, _WITH_PREP)]
    # "contracts worth $400 million with India": "with" hangs on the amount's adjective
    sellers += [a for m in deal.children if m.dep_ == "amod" for a in ctx.prep_objects(m, _WITH_PREP)]
    if not sellers and deal.dep_ == "dobj" and is_verb(deal.head):
        sellers = ctx.prep_objects(deal.head, _WITH_PREP)
    if not sellers:
        return
    buyers, from_subject = noun_sources(ctx, deal)
    side = "target"
    if buyers and all(_is_arms_maker(b) for b in buyers) and not any(_is_arms_maker(s) for s in sellers):
        # "Kongsberg signed a contract with Lithuania for …": the maker sells to the state it signs with.
        buyers, sellers, side = sellers, buyers, "source"
    for c in pairs("SUPPLIES_ARMS_TO", sellers, buyers, deal, 0.7, items=items, modality="ordered"):
        c.subject_side = side if from_subject else None
        yield c


def _is_arms_maker(arg: Arg) -> bool:
    return arg.actor.kind == "Company" and arg.actor.via == "gazetteer"


_WIN_VERBS = frozenset(_WORDS["win_verbs"])


_CONTRACT_BUYER_PREPS = tuple(_WORDS["contract_buyer_preps"])


def _won_contract(ctx: Context, deal: Token) -> Iterator[Candidate]:
    """Covers "Saab has won an order from Brazil for Gripen fighters": the winner sells to the customer."""
    verb = deal.head
    item_heads = ctx.prep_tokens(deal, _DEAL_ITEM_PREPS) or ctx.prep_tokens(verb, _FOR_PREP)
    # "won a contract from Poland to deliver 180 tanks" (the clause hangs on the contract or on the verb)
    purposes = [c for c in deal.children if c.dep_ == "acl"]
    purposes += [c for c in verb.children if c.dep_ in {"advcl", "xcomp"}]
    item_heads += [
        o
        for c in purposes
        if c.lemma_.lower() in lx.SUPPLY_VERBS | _PRODUCE_VERBS
        for o in c.children
        if o.dep_ == "dobj"
    ]
    items = arms_items(ctx, item_heads)
    if not items:
        return
    buyers = ctx.prep_objects(deal, _CONTRACT_BUYER_PREPS) + ctx.prep_objects(verb, _FROM_PREP)
    buyers += [a for h in item_heads for a in ctx.prep_objects(h, _FROM_PREP)]
    yield from pairs(
        "SUPPLIES_ARMS_TO", ctx.subjects(verb), buyers, deal, 0.7, items=items, modality="ordered",
        subject_side="source",
    )


_DELIVERY_NOUNS = frozenset(_WORDS["delivery_nouns"])
_HYPOTHETICAL_MODIFIERS = frozenset(_WORDS["hypothetical_modifiers"])


def _supply_noun(ctx: Context, noun: Token, lemma: str) -> Iterator[Candidate]:
    item_heads = ctx.prep_tokens(noun, _OF_PREP) + [c for c in noun.children if c.dep_ == "compound"]
    if lemma in lx.ACQUIRE_NOUNS:
        item_heads += ctx.prep_tokens(noun, _FOR_PREP)  # "Greece's order for 24 jets"
        if not arms_items(ctx, item_heads) and noun.dep_ == "dobj" and is_verb(noun.head):
            item_heads += ctx.prep_tokens(noun.head, _FOR_PREP)  # "placed an order with Y for 180 tanks"
    items = arms_items(ctx, item_heads)
    if not items:
        return
    if lemma in lx.ACQUIRE_NOUNS:
        yield from _acquire_noun(ctx, noun, lemma, item_heads, items)
        return
    recipients = ctx.prep_objects(noun, _RECIPIENT_PREPS)
    if not recipients:
        # "Turkey's export of drones to Ethiopia": "to Y" often hangs on the item.
        recipients = [a for h in item_heads if h.dep_ == "pobj" for a in ctx.prep_objects(h, _TO_PREP)]
    recipients = recipients or _destinations(ctx, [noun, *item_heads])
    if not recipients and noun.dep_ == "dobj" and is_verb(noun.head):
        recipients = ctx.prep_objects(noun.head, _TO_PREP)  # "approved the sale of jets to Y", "to Y" on the verb
    mod = "delivered" if lemma in _DELIVERY_NOUNS else None
    mod = "offered" if lemma == "offer" else mod  # "Russia's offer of its fighters to Y"
    if any(c.lower_ in _HYPOTHETICAL_MODIFIERS for c in noun.children):
        mod = "planned"  # "approved the possible sale of …"
    suppliers = ctx.prep_objects(noun, _FROM_PREP) + [a for h in item_heads for a in ctx.prep_objects(h, _FROM_PREP)]
    if not suppliers and noun.dep_ == "dobj":
        suppliers = ctx.prep_objects(noun.head, _FROM_PREP)
    taken = noun.dep_ == "dobj" and is_verb(noun.head)
    if not suppliers and not recipients and taken and noun.head.lemma_.lower() in _TAKE_VERBS:
        suppliers = [a for h in item_heads for a in _demonym_states(ctx, h)]  # "took delivery of Chinese jets"
    if suppliers and not recipients and taken:
        # "Greece took delivery of Rafale jets from France": the taker receives.
        for c in pairs("SUPPLIES_ARMS_TO", suppliers, ctx.subjects(noun.head), noun, 0.75, items=items, modality=mod):
            c.subject_side = "target"
            yield c
        return
    sources, from_subject = _transfer_sources(ctx, noun, item_heads)
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


_TAKE_VERBS = frozenset(_WORDS["take_verbs"])
_REACTION_VERBS = frozenset(_WORDS["reaction_verbs"])


def _transfer_sources(ctx: Context, noun: Token, item_heads: list[Token]) -> tuple[list[Arg], bool]:
    """Who makes a transfer named by a noun: its owner, its demonym, the clause subject or the items' demonym."""
    if ctx.owners(noun):
        return noun_sources(ctx, noun)
    # "Iranian arms shipments to the Houthis", "Chinese weapons deliveries": the demonym is the supplier.
    parts = [noun, *(c for c in noun.children if c.dep_ == "compound")]
    own = unique_args([a for part in parts for a in _demonyms(ctx, part)])
    if own:
        return own, False
    sources, from_subject = noun_sources(ctx, noun)
    if not sources:
        sources = _approvers(ctx, noun)
    if sources and noun.head.lemma_.lower() in _REACTION_VERBS:
        sources, from_subject = [], False  # "Russia condemned the delivery of tanks to Ukraine"
    elif sources and noun.dep_ == "nsubjpass":
        sources = []  # "shipments to the Houthis were intercepted by the U.S. Navy"
    if not sources:
        # "The shipment of Czech ammunition to Ukraine"
        return unique_args([a for h in item_heads for a in _demonym_states(ctx, h)]), False
    return sources, from_subject


_DESTINED = frozenset(_WORDS["destined"])
_APPROVAL_NOUNS = frozenset(_WORDS["approval_nouns"])


def _destinations(ctx: Context, heads: list[Token]) -> list[Arg]:
    """The Y of "a shipment of weapons bound for Y"."""
    return [
        a
        for h in heads
        for c in h.children
        if c.dep_ in {"acl", "amod"} and c.lemma_.lower() in _DESTINED
        for a in ctx.prep_objects(c, _RECIPIENT_PREPS)
    ]


def _approvers(ctx: Context, noun: Token) -> list[Arg]:
    """Who lets a transfer go ahead: "Denmark cleared the way for deliveries of F-16s to Ukraine"."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return []
    head = noun.head.head
    if head.lemma_.lower() in _APPROVAL_NOUNS:
        if ctx.owners(head):
            return ctx.owners(head)  # "Germany's approval for the delivery of …"
        return ctx.subjects(head.head) if head.dep_ == "dobj" and is_verb(head.head) else []
    if is_verb(head) and any(c.dep_ == "dobj" and c.lemma_.lower() in _APPROVAL_NOUNS for c in head.children):
        return ctx.subjects(head)  # "cleared the way for …", with "for" on the verb
    return []


def _acquire_noun(
    ctx: Context, noun: Token, lemma: str, item_heads: list[Token], items: list[str]
) -> Iterator[Candidate]:
    """Covers "Greece's order for 24 jets from France", "placed an order with Y for …", "N% of Y's arms imports"."""
    suppliers = ctx.prep_objects(noun, _FROM_PREP) + [a for h in item_heads for a in ctx.prep_objects(h, _FROM_PREP)]
    if not suppliers and lemma == "order":
        # "placed an order for 12 jets with Qatar": the party ordered from sells.
        suppliers = ctx.prep_objects(noun, _WITH_PREP)
        suppliers += [a for h in item_heads for a in ctx.prep_objects(h, _WITH_PREP)]
    if not suppliers:
        suppliers = _import_share_holders(ctx, noun) or _share_owners(ctx, noun)
    if not suppliers:
        suppliers = [
            Arg(a.actor, 0.75) for o in item_heads for a in ctx.owners(o, allow_weak=True) if a.actor.kind == "Country"
        ] or [a for o in item_heads for a in _demonym_states(ctx, o)]
    buyers, _ = noun_sources(ctx, noun)
    buyers = [b for b in buyers if b.id not in {s.id for s in suppliers}]
    yield from pairs("SUPPLIES_ARMS_TO", suppliers, buyers, noun, 0.7, items=items, modality="ordered")


_SHARE_VERBS = frozenset(_WORDS["share_verbs"])


def _import_share_holders(ctx: Context, imports: Token) -> list[Arg]:
    """The X of "X accounted for / made up 36 percent of Y's arms imports"."""
    if imports.dep_ != "pobj" or imports.head.lower_ != "of":
        return []
    share = imports.head.head
    if share.lemma_.lower() not in _SHARE_NOUNS and share.pos_ != "NUM":
        return []
    verb = share.head
    if share.dep_ == "pobj" and verb.lower_ == "for":
        verb = verb.head
    elif share.dep_ not in {"dobj", "attr"}:
        return []
    if not is_verb(verb) or verb.lemma_.lower() not in _SHARE_VERBS:
        return []
    return ctx.subjects(verb)


def _share_owners(ctx: Context, imports: Token) -> list[Arg]:
    """The X of "X's share of Y's arms imports"."""
    if imports.dep_ != "pobj" or imports.head.lower_ != "of" or imports.head.head.lemma_.lower() not in _SHARE_NOUNS:
        return []
    return ctx.owners(imports.head.head)


AID_AMOUNT_HEADS = frozenset(_WORDS["aid_amount_heads"])
_RECEIVE_VERBS = frozenset(_WORDS["receive_verbs"])


_AID_PACKAGE_NOUNS = frozenset(_WORDS["aid_package_nouns"])
_IN_PREP = tuple(_WORDS["in_prep"])


def _aid_amount(ctx: Context, amount: Token) -> Iterator[Candidate]:
    """An amount or package of weapons or military aid given (or received) by the verb's subject."""
    verb = amount.head
    if amount.lemma_.lower() in _AID_PACKAGE_NOUNS:
        item_heads = [c for c in amount.children if c.dep_ == "compound"]
    else:
        item_heads = ctx.prep_tokens(amount, _IN_PREP) or ctx.prep_tokens(verb, _IN_PREP)
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
    recipients = ctx.prep_objects(amount, _RECIPIENT_PREPS) + ctx.prep_objects(verb, _RECIPIENT_PREPS)
    recipients += [a for h in item_heads for a in ctx.prep_objects(h, _RECIPIENT_PREPS)]
    yield from pairs("SUPPLIES_ARMS_TO", ctx.subjects(verb), recipients, amount, 0.75, items=items,
                     subject_side="source")


_AID_NOUNS = frozenset(_WORDS["aid_nouns"])


def _aid_noun(ctx: Context, aid: Token) -> Iterator[Candidate]:
    """Covers "Washington's military aid to Kyiv", "German military assistance to Ukraine"."""
    items = arms_items(ctx, [aid])  # only military aid counts: "humanitarian aid" is no transfer
    if not items:
        return
    if aid.dep_ == "compound" and aid.head.lemma_.lower() in AID_AMOUNT_HEADS:
        aid = aid.head  # "Britain's military aid package to Ukraine"
    recipients = ctx.prep_objects(aid, _RECIPIENT_PREPS)
    if not recipients:
        return
    sources, from_subject = _transfer_sources(ctx, aid, [])
    yield from pairs(
        "SUPPLIES_ARMS_TO", sources, recipients, aid, 0.7, items=items,
        subject_side="source" if from_subject else None,
    )


_PRODUCE_VERBS = frozenset(_WORDS["produce_verbs"])
_LICENCE_NOUNS = frozenset(_WORDS["licence_nouns"])
_FOR_WHOM_NOUNS = frozenset(_WORDS["for_whom_nouns"])


def _produce_verb(ctx: Context, verb: Token) -> Iterator[Candidate]:
    """Covers "Navantia will build five corvettes for Saudi Arabia" and "India builds jets under licence from X"."""
    if any(c.dep_ == "nsubjpass" for c in verb.children) or (verb.tag_ == "VBN" and verb.dep_ in {"amod", "acl"}):
        return  # "Turkish-made drones" and "drones made in Iran" are the made-by rules' concern
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    items = arms_items(ctx, objs)
    if not items:
        return
    licensors = _licensors(ctx, [verb, *objs])
    if licensors:
        for c in pairs("SUPPLIES_ARMS_TO", licensors, ctx.subjects(verb), verb, 0.7, items=items):
            c.subject_side = "target"
            yield c
        return
    recipients = _beneficiaries(ctx, [verb, *objs])
    yield from pairs(
        "SUPPLIES_ARMS_TO", _subjects(ctx, verb), recipients, verb, 0.75, items=items, subject_side="source"
    )


_UNDER_PREP = tuple(_WORDS["under_prep"])


def _licensors(ctx: Context, heads: list[Token]) -> list[Arg]:
    """The X of "under licence from X" / "under a Russian licence"."""
    out: list[Arg] = []
    for head in heads:
        for licence in ctx.prep_tokens(head, _UNDER_PREP):
            if licence.lemma_.lower() in _LICENCE_NOUNS:
                out += ctx.prep_objects(licence, _FROM_PREP)
                out += [Arg(a.actor, 0.75) for a in ctx.owners(licence, allow_weak=True) if a.actor.weak]
    return unique_args(out)


def _beneficiaries(ctx: Context, heads: list[Token]) -> list[Arg]:
    """Actors something is made or sent for: "for Poland", "for Russia's war in Ukraine"."""
    out: list[Arg] = []
    for head in heads:
        out += ctx.prep_objects(head, _FOR_PREP)
        for target in ctx.prep_tokens(head, _FOR_PREP):
            if target.lemma_.lower() in _FOR_WHOM_NOUNS:
                out += [o for o in ctx.owners(target) if o.actor.kind in {"Country", "ArmedGroup"}]
    return unique_args(out)


_MAKER_NOUNS = frozenset(_WORDS["maker_nouns"])


def _subjects(ctx: Context, verb: Token) -> list[Arg]:
    """The verb's subjects, or the company a described subject names in apposition."""
    found = ctx.subjects(verb)
    if found:
        return found
    for subj in (c for c in verb.children if c.dep_ == "nsubj"):
        if subj.lemma_.lower() in _MAKER_NOUNS:
            found += [a for c in subj.children if c.dep_ == "appos" for a in ctx.np_actors(c)]
    return [a for a in found if a.actor.kind == "Company"]
