"""ATTACKED, THREATENS and CONTROLS: hostile acts and who holds territory (SANCTIONS: loader.patterns.sanctions)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from loader.patterns import lexicon as lx
from loader.patterns.candidates import (
    Candidate,
    hyphen_modifier,
    is_noun,
    is_verb,
    noun_event,
    noun_sources,
    pairs,
    verb_event,
)
from loader.patterns.sanctions import sanction_aimed
from loader.patterns.syntax import Arg, Context
from loader.patterns.vocabulary import military
from loader.resolve import Resolved
from loader.rules import load_rules

_WORDS = load_rules("conflict")


def attacked(ctx: Context, tok: Token) -> Iterator[Candidate]:
    if _in_a_name(tok):
        return  # "the F-16 Fighting Falcon", "Operation Desert Storm"
    if is_noun(tok) and _foreseen(tok):
        return  # "a possible invasion", "prepared for an offensive": no attack has happened
    reacted = tok.dep_ == "dobj" and tok.head.lemma_.lower() in military("reaction_verbs")
    for cand in _attacked(ctx, tok):
        if reacted and cand.subject_side == "source":
            continue  # "Egypt condemned the attack on X": who reacts to an attack did not carry it out
        if _own_state(ctx, cand.source, cand.target) or _own_state(ctx, cand.target, cand.source):
            continue  # a state's own army does not attack the state: a misread clause
        yield cand
    if is_verb(tok) and tok.lemma_.lower() in lx.ATTACK_VERBS | lx.CONTROL_VERBS | military("advance_verbs"):
        yield from _forced_back(ctx, tok)


def _foreseen(noun: Token) -> bool:
    """An attack named as possible or awaited: "a possible invasion", "warned of an imminent offensive"."""
    if any(c.dep_ == "amod" and c.lemma_.lower() in military("hypothetical_modifiers") for c in noun.children):
        return True
    if any(c.dep_ == "det" and c.lower_ == "any" for c in noun.children):
        return True  # "a harsh response to any Israeli attack"
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif noun.dep_ != "dobj":
        return False
    return is_verb(head) and head.lemma_.lower() in military("anticipation_verbs")


def _own_state(ctx: Context, body: Arg, state: Arg) -> bool:
    owner = ctx.state_of_body(body.actor)
    return owner is not None and owner.actor_id == state.id


def _in_a_name(tok: Token) -> bool:
    """A capitalised participle inside a proper name: "Fighting Falcon"."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return (
        tok.tag_ == "VBG"
        and tok.i > tok.sent.start
        and tok.text[:1].isupper()
        and nxt is not None
        and nxt.pos_ == "PROPN"
    )


def _forced_back(ctx: Context, verb: Token) -> Iterator[Candidate]:
    """Covers "the militants overran the base, forcing Malian troops to pull back": the troops' state was attacked."""
    for clause in verb.children:
        if clause.dep_ not in {"advcl", "xcomp", "conj"} or clause.lemma_.lower() not in military("forcing_verbs"):
            continue
        moves = [c for c in clause.children if c.dep_ in {"xcomp", "ccomp"}]
        if not any(c.lemma_.lower() in military("retreat_verbs") for c in moves):
            continue
        forced = [a for a in ctx.objects(clause, frozenset({"dobj"}), allow_weak=True) if a.actor.kind != "Region"]
        yield from pairs("ATTACKED", ctx.subjects(verb), forced, verb, 0.65, subject_side="source")


_FIRE_TARGET_PREPS = tuple(_WORDS["fire_target_preps"])
_ATTACK_TARGET_PREPS = tuple(_WORDS["attack_target_preps"])
_FIRE_VERBS = frozenset(_WORDS["fire_verbs"])
_RETALIATION_VERBS = frozenset(_WORDS["retaliation_verbs"])
_LAUNCH_TARGET_PREPS = tuple(_WORDS["launch_target_preps"])
_LAUNCH_VERBS = frozenset(_WORDS["launch_verbs"])
_UNDER_ATTACK_NOUNS = frozenset(_WORDS["under_attack_nouns"])
_ATTACK_UPON_PREPS = tuple(_WORDS["attack_upon_preps"])
_ATTACKER_PREPS = tuple(_WORDS["attacker_preps"])
_OF_TARGET_ATTACKS = frozenset(_WORDS["of_target_attacks"])
_OF_PREP = tuple(_WORDS["of_prep"])
_INTO_TARGET_ATTACKS = frozenset(_WORDS["into_target_attacks"])
_INTO_PREP = tuple(_WORDS["into_prep"])
_IN_PREP = tuple(_WORDS["in_prep"])
_WITH_PREP = tuple(_WORDS["with_prep"])
_CAMPAIGN_NOUNS = frozenset(_WORDS["campaign_nouns"])
_AGAINST_PREP = tuple(_WORDS["against_prep"])


def _attacked(ctx: Context, tok: Token) -> Iterator[Candidate]:
    lemma = tok.lemma_.lower()
    preps: tuple[str, ...]
    if is_verb(tok) and lemma in military("defeat_verbs"):
        yield from _defeated(ctx, tok)
    elif is_verb(tok) and lemma in military("expel_verbs") and _expelled(ctx, tok):
        yield from _expelled(ctx, tok)
    elif is_noun(tok) and lemma in military("clash_nouns") and _between(ctx, tok):
        yield from _mutual_fighting(ctx, tok, _between(ctx, tok))
    elif is_noun(tok) and lemma == "war" and tok.dep_ == "pobj" and tok.head.lower_ == "at":
        yield from _at_war(ctx, tok)
    elif is_verb(tok) and lemma in military("clash_verbs"):
        yield from _clashed(ctx, tok)
    elif is_verb(tok) and lemma in military("advance_verbs"):
        yield from _advanced(ctx, tok)
    elif is_verb(tok) and lemma in lx.ATTACK_VERBS | military("attack_verbs"):
        if lemma == "target" and sanction_aimed(tok):
            return  # "sanctions targeting Iran's Guards", "targeted Belarusian exports with sanctions"
        preps = _FIRE_TARGET_PREPS if lemma in _FIRE_VERBS else _ATTACK_TARGET_PREPS
        found = list(verb_event(ctx, tok, "ATTACKED", preps))
        if not found and lemma != "fight":
            # "drones attacked a refinery in Russia", "airstrikes killed 20 people in Gaza"
            found = list(pairs("ATTACKED", ctx.subjects(tok), _struck_places(ctx, tok), tok, 0.7,
                               subject_side="source"))
        yield from found
        if lemma == "fight" and tok.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children):
            # "X has been / is fighting Y": an ongoing war, fought by both sides
            for c in found:
                yield Candidate("ATTACKED", c.target, c.source, tok, c.confidence * 0.9)
    elif is_verb(tok) and lemma in _RETALIATION_VERBS:
        # "Iran vowed to retaliate against Israel": a warning above it makes this a threat
        yield from pairs("ATTACKED", ctx.subjects(tok), ctx.prep_objects(tok, _ATTACK_TARGET_PREPS), tok, 0.7,
                         subject_side="source")
    elif is_verb(tok) and lemma in _LAUNCH_VERBS:
        # "fired rockets at northern Israel": only with a target phrase
        preps = _LAUNCH_TARGET_PREPS
        targets = ctx.prep_objects(tok, preps) or _site_owners(ctx, tok, preps) or _volley_targets(ctx, tok, preps)
        yield from pairs("ATTACKED", ctx.subjects(tok), targets, tok, 0.8, subject_side="source")
    elif is_noun(tok) and lemma == "fire" and tok.dep_ == "dobj" and tok.head.lemma_.lower() == "open":
        yield from _opened_fire(ctx, tok)
    elif is_noun(tok) and lemma in _UNDER_ATTACK_NOUNS and _under(tok):
        # "Israeli troops came under fire from Hezbollah", "the port came under Israeli fire"
        verb = tok.head.head
        attackers = ctx.prep_objects(tok, _ATTACKER_PREPS) + ctx.prep_objects(verb, _ATTACKER_PREPS)
        if not attackers and _physical_fire(tok, verb):
            attackers = ctx.owners(tok, allow_weak=True)
        yield from pairs("ATTACKED", attackers, ctx.subjects(verb), tok, 0.75)
    elif is_noun(tok) and lemma in lx.ATTACK_NOUNS | military("attack_nouns"):
        if any(c.lemma_.lower() in _FIGURATIVE for c in tok.children):
            return  # "a trade war", "a proxy war", "a price war"
        if lemma in military("clash_nouns") and _sides(ctx, tok, _WITH_PREP):
            # "clashes with the army", "the RSF's battles with the army": both sides fight
            sources, _ = noun_sources(ctx, tok, allow_weak=True)
            yield from _mutual_fighting(ctx, tok, sources + _sides(ctx, tok, _WITH_PREP))
            return
        preps = _ATTACK_UPON_PREPS
        if lemma in _OF_TARGET_ATTACKS:
            preps += _OF_PREP
        if lemma in _INTO_TARGET_ATTACKS:
            preps += _INTO_PREP  # "incursions into Armenian territory"
        if (
            lemma in _CAMPAIGN_NOUNS
            and (_owned(ctx, tok) or (tok.dep_ == "dobj" and tok.head.lemma_.lower() in lx.LIGHT_VERBS))
            and not ctx.prep_objects(tok, preps)
        ):
            # "its war in Ukraine", "carried out attacks in Kenya"; but in "an offensive against the
            # army in Rakhine" the place is only where it happened.
            preps += _IN_PREP
        found = list(noun_event(ctx, tok, "ATTACKED", preps, allow_weak=True))
        if not found:
            found = list(_site_targets(ctx, tok, preps)) + list(_light_verb_target(ctx, tok))
        if not found:
            found = list(_located_attack(ctx, tok, preps))
        if not found:
            # whom the attack killed is more specific than where it struck ("strikes in Beirut killed …")
            found = list(_deadly_attack(ctx, tok)) or list(_placed_attack(ctx, tok))
        yield from found
        if not found:
            yield from _resisted_attack(ctx, tok)
            yield from _relative_light_verb(ctx, tok)
    elif is_noun(tok) and lemma == "operation" and not any(c.lemma_.lower() in _FIGURATIVE for c in tok.children):
        # "military operations against X", "conducting ground operations in Y against X":
        # an operation is hostile only when it is against someone.
        found = list(noun_event(ctx, tok, "ATTACKED", _AGAINST_PREP, 0.7, allow_weak=True))
        yield from found or _light_verb_target(ctx, tok, _AGAINST_PREP)


_MUNITION_NOUNS = frozenset(_WORDS["munition_nouns"])
_VOLLEY_NOUNS = frozenset(_WORDS["volley_nouns"])
_SELF_MILITARY_VOLLEYS = frozenset(_WORDS["self_military_volleys"])


def _is_volley(noun: Token) -> bool:
    """ "a missile barrage", "a salvo of cruise missiles", "a wave of drones", or simply "missiles"."""
    lemma = noun.lemma_.lower()
    if lemma in _MUNITION_NOUNS:
        return True
    if lemma not in _VOLLEY_NOUNS:
        return False
    if any(c.dep_ == "compound" and c.lemma_.lower() in _MUNITION_NOUNS for c in noun.children):
        return True
    of_items = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    if of_items:
        return any(p.lemma_.lower() in _MUNITION_NOUNS for p in of_items)
    return lemma in _SELF_MILITARY_VOLLEYS


def _volley_targets(ctx: Context, verb: Token, preps: tuple[str, ...]) -> list[Arg]:
    """Covers "fired a salvo of missiles at Ukraine's grid": the target hangs on the volley, not the verb."""
    targets: list[Arg] = []
    for obj in (c for c in verb.children if c.dep_ == "dobj" and _is_volley(c)):
        targets += ctx.prep_objects(obj, preps) or _site_owners(ctx, obj, preps)
    return targets


_OPENED_FIRE_PREPS = tuple(_WORDS["opened_fire_preps"])


def _opened_fire(ctx: Context, fire: Token) -> Iterator[Candidate]:
    """Covers "gunmen opened fire on an Israeli patrol", "opened fire on worshippers at a mosque in Kabul"."""
    verb = fire.head
    preps = _OPENED_FIRE_PREPS
    targets: list[Arg] = []
    for head in (verb, fire):
        targets += ctx.prep_objects(head, preps) or _site_owners(ctx, head, preps)
    if not targets:
        targets = _site_places(ctx, verb, preps) + _site_places(ctx, fire, preps)
    yield from pairs("ATTACKED", ctx.subjects(verb), targets, fire, 0.75, subject_side="source")


def _located_attack(ctx: Context, noun: Token, preps: tuple[str, ...]) -> Iterator[Candidate]:
    """Covers "the attack on a concert hall near Moscow", "claimed responsibility for the raid on X".

    The target is an actor or the place of an unnamed site; the attacker may be the one who claimed it,
    or the subject of a killing verb the attack is the setting of ("killed 37 people in a raid on …").
    """
    targets = (
        ctx.prep_objects(noun, preps)
        or _site_owners(ctx, noun, preps)
        or _site_places(ctx, noun, (*preps, "at"))  # "a bombing at a hotel in Mogadishu"
    )
    if not targets:
        return
    sources, from_subject = noun_sources(ctx, noun, allow_weak=True)
    if not sources:
        sources, from_subject = _claimants(ctx, noun) or _setting_subjects(ctx, noun), True
    yield from pairs("ATTACKED", sources, targets, noun, 0.7, subject_side="source" if from_subject else None)


_CLAIM_VERBS = frozenset(_WORDS["claim_verbs"])


_CLAIMED_NOUNS = frozenset(_WORDS["claimed_nouns"])


def _claimants(ctx: Context, noun: Token) -> list[Arg]:
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for":
        return []
    owned = prep.head
    if owned.lemma_.lower() not in _CLAIMED_NOUNS or owned.dep_ != "dobj":
        return []
    verb = owned.head
    return ctx.subjects(verb) if verb.lemma_.lower() in _CLAIM_VERBS else []


_HARM_VERBS = frozenset(_WORDS["harm_verbs"])


_SETTING_PREPS = frozenset(_WORDS["setting_preps"])


def _setting_subjects(ctx: Context, noun: Token) -> list[Arg]:
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in _SETTING_PREPS or not is_verb(prep.head):
        return []
    verb = prep.head
    if verb.lemma_.lower() not in _HARM_VERBS | lx.ATTACK_VERBS:
        return []
    return ctx.subjects(verb)


_SITE_PLACE_PREPS = tuple(_WORDS["site_place_preps"])
_VENUE_PREPS = tuple(_WORDS["venue_preps"])
_SITE_VENUE_PREPS = tuple(_WORDS["site_venue_preps"])


def _site_places(ctx: Context, head: Token, preps: tuple[str, ...]) -> list[Arg]:
    """The country or region of unnamed sites after `preps`: "on a village in northeastern Nigeria"."""
    places: list[Arg] = []
    for site in ctx.prep_tokens(head, preps):
        for item in (site, *site.conjuncts):
            if ctx.actor(item) is not None or item.lemma_.lower() not in _STRUCK_OBJECTS:
                continue
            found = ctx.prep_objects(item, _SITE_PLACE_PREPS)
            for venue in ctx.prep_tokens(item, _VENUE_PREPS):
                # "worshippers at a mosque in Kabul": the place of the venue the people were in
                if venue.lemma_.lower() in _STRUCK_OBJECTS:
                    found += ctx.prep_objects(venue, _SITE_PLACE_PREPS)
            places += found
            for venue in ctx.prep_tokens(item, _SITE_VENUE_PREPS):
                # "a base in Dioura, central Mali": the country named beside the town is the one struck
                country = [a for c in venue.children if c.dep_ == "appos" for a in ctx.np_actors(c)
                           if a.actor.kind == "Country"]
                if country:
                    places = [p for p in places if p.actor.kind != "Region"] + country
    return [a for a in places if a.actor.kind in {"Country", "Region"}]


_SITE_NOUNS = frozenset(_WORDS["site_nouns"])


# What an attack hits that stands for the place it is in: "a refinery in Russia", "people in Gaza".
_STRUCK_OBJECTS = _SITE_NOUNS | frozenset(
    {"refinery", "airport", "port", "harbour", "harbor", "hotel", "ministry", "parliament", "building", "market",
     "hospital", "school", "plant", "station", "infrastructure", "grid", "city", "town", "village", "district",
     "neighbourhood", "neighborhood", "people", "civilian", "person", "resident", "soldier", "troop",
     # places of worship and gathering, and people found there
     "church", "mosque", "temple", "synagogue", "hall", "venue", "stadium", "mall", "checkpoint",
     "convoy", "bus", "train", "bridge", "dam", "university", "worshipper", "pilgrim", "policeman"}
)


_TRADE_SENSE_OBJECTS = frozenset(_WORDS["trade_sense_objects"])


def _struck_places(ctx: Context, verb: Token) -> list[Arg]:
    """The country or region where an attack's unnamed object is: its owner, or its "in" place."""
    places: list[Arg] = []
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for item in (obj, *obj.conjuncts):
            if ctx.actor(item) is not None or item.lemma_.lower() not in _STRUCK_OBJECTS:
                continue
            # A name found only by the tagger is the site's own ("the Fordow and Natanz facilities").
            owners = [a for a in ctx.owners(item, allow_weak=True) if a.actor.via != "ner"]
            if item.lemma_.lower() in _TRADE_SENSE_OBJECTS:
                owners = []  # "targeted the Indian market" is commerce; "a market in Kabul" is a place
            places += owners or ctx.prep_objects(item, _SITE_PLACE_PREPS)
        if places:
            return places
        if obj.lemma_.lower() in _STRUCK_OBJECTS or obj.like_num or any(c.like_num for c in obj.children):
            places = ctx.prep_objects(verb, _IN_PREP)  # "killed 20 people in Gaza"
    return [a for a in places if a.actor.kind in {"Country", "Region"}]


def _site_targets(ctx: Context, noun: Token, preps: tuple[str, ...]) -> Iterator[Candidate]:
    """Covers "strikes on Syrian army bases and weapons depots": a site's owner is the target."""
    targets = _site_owners(ctx, noun, preps)
    if not targets:
        return
    sources, from_subject = noun_sources(ctx, noun, allow_weak=True)
    yield from pairs("ATTACKED", sources, targets, noun, 0.7, subject_side="source" if from_subject else None)


def _site_owners(ctx: Context, head: Token, preps: tuple[str, ...]) -> list[Arg]:
    """Owners of the sites or craft named after `preps`: "at a Philippine boat" → the Philippines."""
    targets: list[Arg] = []
    for site in ctx.prep_tokens(head, preps):
        for item in (site, *site.conjuncts):
            lemma = "base" if item.lower_ == "bases" else item.lemma_.lower()  # not "basis"
            if lemma in _STRUCK_OBJECTS and ctx.actor(item) is None:
                targets += [a for a in ctx.owners(item, allow_weak=True) if a.actor.kind != "Region"]
    return targets


def _light_verb_target(
    ctx: Context, noun: Token, preps: tuple[str, ...] = _AGAINST_PREP
) -> Iterator[Candidate]:
    """Covers "conducted raids in the south against X": the target hangs on the light verb."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in lx.LIGHT_VERBS:
        return
    yield from pairs(
        "ATTACKED", ctx.subjects(verb, allow_weak=True), ctx.prep_objects(verb, preps), noun, 0.7,
        subject_side="source",
    )


_WEAPON_MODIFIERS = frozenset(_WORDS["weapon_modifiers"])


_FIRED_ON_FORCES = frozenset(_WORDS["fired_on_forces"])


def _physical_fire(fire: Token, verb: Token) -> bool:
    """Fire that is shot, not criticism: it hits a site or troops, or a weapon fires it.

    "Israel came under American fire over settlements" is criticism.
    """
    if any(c.lemma_.lower() in _WEAPON_MODIFIERS for c in fire.children):
        return True
    hit = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(h.lemma_.lower() in _STRUCK_OBJECTS | _FIRED_ON_FORCES for h in hit)


def _under(noun: Token) -> bool:
    """ "came/was under fire", "remained under attack"."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "under" and is_verb(prep.head)


_FIGURATIVE = frozenset(_WORDS["figurative"])


def _owned(ctx: Context, noun: Token) -> bool:
    """Named as someone's ("Russia's war"); a possessive pronoun only when its actor is the one actor
    named earlier in the same sentence ("Russia is weakened by its war in Ukraine"): across sentences, or
    with another candidate ("X sent shells to Russia for its war"), it is too uncertain."""
    for c in noun.children:
        r = ctx.actor(c)
        if c.dep_ in {"poss", "compound", "amod"} and r is not None and (r.via != "coref" or _named_before(ctx, c, r)):
            return True
    return False


def _named_before(ctx: Context, tok: Token, r: Resolved) -> bool:
    """`r`'s actor is the only actor named (not referred to) earlier in `tok`'s sentence."""
    named = {
        o.actor_id
        for i in range(tok.sent.start, tok.i)
        if (o := ctx.by_token.get(i)) is not None and o.via != "coref" and o.kind != "Media"
    }
    return named == {r.actor_id}


_RESISTING_VERBS = frozenset(_WORDS["resisting_verbs"])


def _resisted_attack(ctx: Context, noun: Token) -> Iterator[Candidate]:
    """Covers "Ukraine is fighting Russia's invasion", "support Ukraine against Russia's invasion"."""
    attackers = ctx.owners(noun, allow_weak=True)
    if not attackers:
        return
    head = noun.head
    victims: list[Arg] = []
    if noun.dep_ == "dobj" and head.lemma_.lower() in _RESISTING_VERBS:
        victims = ctx.subjects(head)
    elif noun.dep_ == "pobj" and head.lower_ == "against" and is_verb(head.head):
        victims = ctx.objects(head.head, frozenset({"dobj"})) or ctx.subjects(head.head)
    elif (
        noun.dep_ == "pobj"
        and head.lower_ == "against"
        and is_noun(head.head)
        and head.head.lemma_.lower() in military("resistance_nouns")
    ):
        # "Georgia's struggle against Russia's incursion", "its fightback against the invasion": the resister
        victims, _ = noun_sources(ctx, head.head, allow_weak=True)
    yield from pairs("ATTACKED", attackers, victims, noun, 0.65)


_BETWEEN_PREPS = tuple(_WORDS["between_preps"])


def _between(ctx: Context, noun: Token) -> list[Arg]:
    """The sides of "clashes between A and B" (two at least), or "fighting broke out between A and B"."""
    sides = _sides(ctx, noun, _BETWEEN_PREPS)
    if not sides and noun.dep_ == "nsubj" and is_verb(noun.head):
        sides = _sides(ctx, noun.head, _BETWEEN_PREPS)
    return sides if len(sides) >= 2 else []


def _sides(ctx: Context, head: Token, preps: tuple[str, ...]) -> list[Arg]:
    """The parties named after `preps`; "Palestinian fighters", "armed Serbs" are no state (a demonym on
    irregulars names their people, not their government)."""
    heads = ctx.prep_tokens(head, preps)
    items = [i for p in heads for i in (p, *p.conjuncts)]
    irregular = {i.i for i in items if ctx.actor(i) is None and i.lemma_.lower() in military("irregular_nouns")}
    denoted = {i.i: ctx.denote(i, allow_weak=True) for i in items}
    regular_ids = {a.id for i, a in denoted.items() if a is not None and i not in irregular}
    banned = {
        a.id for i, a in denoted.items()
        if a is not None and i in irregular and (a.actor.weak or a.actor.kind == "Country")
    }
    found = [a for p in heads for a in ctx.np_actors(p, allow_weak=True)]
    return [a for a in found if a.id not in banned or a.id in regular_ids]


_ENEMY_PREPS = tuple(_WORDS["enemy_preps"])


def _at_war(ctx: Context, war: Token) -> Iterator[Candidate]:
    """Covers "Israel has been at war with Hamas": the subject wages the war (as "X's war with Y")."""
    state = war.head.head
    if not is_verb(state):
        return
    enemies = ctx.prep_objects(war, _ENEMY_PREPS) + ctx.prep_objects(state, _ENEMY_PREPS)
    yield from pairs("ATTACKED", ctx.subjects(state), enemies, war, 0.7, subject_side="source")


def _mutual_fighting(ctx: Context, trigger: Token, sides: list[Arg]) -> Iterator[Candidate]:
    """Each side of a clash attacked the other: "clashes between A and B", "A clashed with B"."""
    for i, a in enumerate(sides):
        for b in sides[i + 1 :]:
            yield from pairs("ATTACKED", [a], [b], trigger, 0.7)
            yield from pairs("ATTACKED", [b], [a], trigger, 0.7)


def _clashed(ctx: Context, verb: Token) -> Iterator[Candidate]:
    """Covers "rebels clashed with government troops", "A and B clashed near the border"."""
    subjects = ctx.subjects(verb, allow_weak=True)
    others = _sides(ctx, verb, _ENEMY_PREPS)
    if not others and len(subjects) < 2:
        return
    yield from _mutual_fighting(ctx, verb, subjects + [o for o in others if o.id not in {s.id for s in subjects}])


def _defeated(ctx: Context, verb: Token) -> Iterator[Candidate]:
    """Covers "Azerbaijan defeated Armenian forces", "the army repelled M23 fighters": only forces are beaten."""
    forces = [
        c for c in verb.children
        if c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in military("defeated_forces")
    ]
    if not forces:
        return  # "defeated the motion", "Brazil defeated Argentina 2-0"
    yield from (
        c for c in verb_event(ctx, verb, "ATTACKED", (), confidence=0.7)
        if c.target.actor.kind in {"Country", "ArmedGroup", "Organization"}
    )


_FROM_PREP = tuple(_WORDS["from_prep"])


def _expelled(ctx: Context, verb: Token) -> list[Candidate]:
    """Covers "Ukrainian forces pushed Russian troops out of Kharkiv", "the army drove M23 from the town"."""
    out_of = any(c.lower_ == "out" and c.dep_ in {"prep", "prt", "advmod"} for c in verb.children)
    if not (out_of or ctx.prep_tokens(verb, _FROM_PREP)):
        return []
    # forces, or an armed group by name: "drove Google out of the market" is commerce
    forces = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in military("defeated_forces")]
    expelled = [a for f in forces for a in ctx.np_actors(f, allow_weak=True) if a.actor.kind != "Region"]
    expelled += [a for a in ctx.objects(verb, frozenset({"dobj"})) if a.actor.kind == "ArmedGroup"]
    expellers = [a for a in ctx.subjects(verb) if a.actor.kind != "Company"]
    return list(pairs("ATTACKED", expellers, expelled, verb, 0.65, subject_side="source"))


def _advanced(ctx: Context, verb: Token) -> Iterator[Candidate]:
    """Covers "the rebels advanced into Congolese territory", "troops pushed into Ukraine's north".

    Only a country or force is attacked; a town advanced on may be taken without a fight.
    """
    targets = [
        a for a in ctx.prep_objects(verb, tuple(military("advance_preps")))
        if a.actor.kind in {"Country", "ArmedGroup", "Organization"}
    ]
    yield from pairs("ATTACKED", ctx.subjects(verb), targets, verb, 0.65, subject_side="source")


def _placed_attack(ctx: Context, noun: Token) -> Iterator[Candidate]:
    """Covers "Russian airstrikes in Ukraine", "India carried out strikes inside Pakistan": the country struck.

    Only an owned or carried-out attack, and only a country: "strikes in Beirut" name a city, not a side.
    """
    if noun.lemma_.lower() not in military("placed_attack_nouns"):
        return
    carried = noun.dep_ == "dobj" and noun.head.lemma_.lower() in lx.LIGHT_VERBS
    if not (_owned(ctx, noun) or carried):
        return
    preps = tuple(military("inside_preps"))
    found = ctx.prep_objects(noun, preps) or (ctx.prep_objects(noun.head, preps) if carried else [])
    places = [a for a in found if a.actor.kind == "Country"]
    if not places:
        return
    sources, from_subject = noun_sources(ctx, noun, allow_weak=True)
    sources = [s for s in sources if s.id not in {p.id for p in places}]
    yield from pairs("ATTACKED", sources, places, noun, 0.65, subject_side="source" if from_subject else None)


_MEMBER_NOUNS = frozenset(_WORDS["member_nouns"])


def _deadly_attack(ctx: Context, noun: Token) -> Iterator[Candidate]:
    """Covers "Israeli strikes killed the leader of Hezbollah", "a U.S. drone strike killed ISIS fighters"."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_.lower() not in _HARM_VERBS:
        return
    # "Israeli strikes", "the attack, claimed by ISIS,"
    sources = ctx.owners(noun, allow_weak=True) or _claimed_by(ctx, noun)
    targets: list[Arg] = []
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if obj.lemma_.lower() in _MEMBER_NOUNS:
            # the noun may also be read as a description of the person named after it
            targets += ctx.prep_objects(obj, _OF_PREP) + ctx.owners(obj)
            # "the leader of the Hezbollah movement, X": the named group, not the person in apposition
            targets += [a for g in ctx.prep_tokens(obj, _OF_PREP) for a in ctx.owners(g)]
        else:
            targets += [a for a in ctx.np_actors(obj) if a.actor.kind != "Region"]
    targets = [t for t in targets if t.actor.kind in {"Country", "ArmedGroup", "Organization"}]
    if not targets:
        # "the attack, claimed by ISIS, killed 140 people in Moscow": the country of the victims
        targets = [a for a in _struck_places(ctx, verb) if a.actor.kind == "Country"]
    yield from pairs("ATTACKED", sources, targets, noun, 0.65)


_CLAIMING_VERBS = frozenset(_WORDS["claiming_verbs"])


def _claimed_by(ctx: Context, noun: Token) -> list[Arg]:
    """Who claimed an attack in a participle: "the bombing, claimed by al-Shabaab," ."""
    return [
        a for c in noun.children
        if c.dep_ == "acl" and c.lemma_.lower() in _CLAIMING_VERBS
        for a in ctx.agents(c)
    ]


def _relative_light_verb(ctx: Context, noun: Token) -> Iterator[Candidate]:
    """Covers "a war that Israel launched against Iran"."""
    for child in noun.children:
        if child.dep_ in {"relcl", "acl"} and child.lemma_.lower() in lx.LIGHT_VERBS:
            yield from pairs("ATTACKED", ctx.subjects(child), ctx.prep_objects(child, _ATTACK_TARGET_PREPS), child, 0.7)


_THREAT_TARGET_PREPS = tuple(_WORDS["threat_target_preps"])
_THREAT_NOUN_PREPS = tuple(_WORDS["threat_noun_preps"])


def threatens(ctx: Context, tok: Token) -> Iterator[Candidate]:
    lemma = tok.lemma_.lower()
    if is_verb(tok) and lemma in lx.THREAT_VERBS:
        # "X threatened to attack Y" is a threat against Y.
        xcomps = [c for c in tok.children if c.dep_ == "xcomp"]
        targets = ctx.objects(tok, frozenset({"dobj"})) + ctx.prep_objects(tok, _THREAT_TARGET_PREPS)
        for x in xcomps:
            targets += ctx.objects(x, frozenset({"dobj"})) + ctx.prep_objects(x, _ATTACK_TARGET_PREPS)
        yield from pairs("THREATENS", ctx.subjects(tok), targets, tok, 0.8, subject_side="source")
    elif is_noun(tok) and lemma in lx.THREAT_NOUNS:
        found = list(noun_event(ctx, tok, "THREATENS", _THREAT_NOUN_PREPS, 0.75))
        yield from found or _threat_fallback(ctx, tok)
    elif is_noun(tok) and lemma == "target":
        yield from _named_target(ctx, tok)
    elif is_noun(tok) and lemma in military("reprisal_nouns"):
        yield from _reprisal(ctx, tok)


_SAY_VERB = frozenset(_WORDS["say_verb"])
_REPRISAL_TARGET_PREPS = tuple(_WORDS["reprisal_target_preps"])
_DECLARING_VERBS = frozenset(_WORDS["declaring_verbs"])


def _reprisal(ctx: Context, noun: Token) -> Iterator[Candidate]:
    """Covers "X warned Y of severe consequences", "X vowed revenge against Y", "X said Y would pay a heavy price"."""
    head = noun.head
    warning = military("warning_verbs")
    warned = head.head
    if warned.dep_ == "dobj" and is_noun(warned):
        warned = warned.head  # the parser hangs "of …" on the one warned
    if noun.dep_ == "pobj" and head.lower_ == "of" and warned.lemma_.lower() in warning - _SAY_VERB:
        # "warned Israel of a harsh response": the one warned is threatened
        verb = warned
        yield from pairs("THREATENS", ctx.subjects(verb), ctx.objects(verb, frozenset({"dobj"})), verb, 0.7,
                         subject_side="source")
    elif noun.dep_ == "dobj" and head.lemma_.lower() in warning - _SAY_VERB:
        # "vowed revenge against Israel", "promised a crushing response to any attack by Y"
        targets = ctx.prep_objects(noun, _REPRISAL_TARGET_PREPS) + ctx.prep_objects(head, _ATTACK_TARGET_PREPS)
        yield from pairs("THREATENS", ctx.subjects(head), targets, noun, 0.7, subject_side="source")
    elif noun.dep_ == "dobj" and head.lemma_.lower() in military("suffer_verbs") and head.dep_ == "ccomp":
        # "Iran said Israel would pay a heavy price": the speaker threatens the one who would pay
        speaker = head.head
        if speaker.lemma_.lower() not in warning:
            return
        severe = any(c.lemma_.lower() in military("severe_modifiers") for c in noun.children)
        if not severe and (noun.lemma_.lower() == "price" or speaker.lemma_.lower() in _DECLARING_VERBS):
            return  # "consumers will pay a price", "said Argentina would face the consequences of inflation"
        yield from pairs("THREATENS", ctx.subjects(speaker), ctx.subjects(head), head, 0.65, subject_side="source")


_POSE_VERBS = frozenset(_WORDS["pose_verbs"])


def _threat_fallback(ctx: Context, noun: Token) -> Iterator[Candidate]:
    """Covers "Pyongyang's threat to attack Seoul" and "Iran's nuclear programme poses a threat to Israel"."""
    targets = ctx.prep_objects(noun, _THREAT_NOUN_PREPS)
    for act in (c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in lx.ATTACK_VERBS):
        targets += ctx.objects(act, frozenset({"dobj"})) + ctx.prep_objects(act, _ATTACK_TARGET_PREPS)
    if not targets:
        return
    sources, from_subject = noun_sources(ctx, noun)
    verb = noun.head
    if not sources and noun.dep_ == "dobj" and verb.lemma_.lower() in _POSE_VERBS:
        # the subject is a thing of an actor's: its owner poses the threat
        sources = [o for c in verb.children if c.dep_ == "nsubj" and ctx.actor(c) is None for o in ctx.owners(c)]
        from_subject = False
    yield from pairs("THREATENS", sources, targets, noun, 0.7, subject_side="source" if from_subject else None)


_TARGETED_PLACE_PREPS = tuple(_WORDS["targeted_place_preps"])


def _targeted(ctx: Context, noun: Token) -> list[Arg]:
    """What a named target denotes: an actor, or the place of a site ("the site in Poland")."""
    owners = ctx.owners(noun, allow_weak=True)  # "American bases in Iraq": both are threatened
    return owners + ctx.np_actors(noun) or [
        a for a in ctx.prep_objects(noun, _TARGETED_PLACE_PREPS) if a.actor.kind in {"Country", "Region"}
    ]


_COPULA_VERBS = frozenset(_WORDS["copula_verbs"])


def _named_target(ctx: Context, noun: Token) -> Iterator[Candidate]:
    """Covers "X warned that Y would become a legitimate target", "X named Y a priority target"."""
    head = noun.head
    hlemma = head.lemma_.lower()
    marked = any(c.lemma_.lower() in lx.TARGET_MODIFIERS for c in noun.children)
    if noun.dep_ == "oprd" and hlemma in lx.NAMING_VERBS and marked:
        targets = [a for o in head.children if o.dep_ == "dobj" for a in _targeted(ctx, o)]
        yield from pairs("THREATENS", ctx.subjects(head), targets, noun, 0.7, subject_side="source")
    elif noun.dep_ == "attr" and hlemma in _COPULA_VERBS and head.dep_ == "ccomp":
        speaker = head.head
        if not (marked or speaker.lemma_.lower() in lx.WARN_HEADS):
            return
        targets = [a for s in head.children if s.dep_ == "nsubj" for a in _targeted(ctx, s)]
        # The copula carries the trigger, so a warning above it is seen as the threat it is.
        yield from pairs("THREATENS", ctx.subjects(speaker), targets, head, 0.7, subject_side="source")



_SEIZING_VERBS = frozenset(_WORDS["seizing_verbs"])
_CONTROL_NOUNS = frozenset(_WORDS["control_nouns"])
_CONTROLLED_PLACE_PREPS = tuple(_WORDS["controlled_place_preps"])
_TO_PREP = tuple(_WORDS["to_prep"])
_CONTROL_PLACE_PREPS = tuple(_WORDS["control_place_preps"])


def controls(ctx: Context, tok: Token) -> Iterator[Candidate]:
    lemma = tok.lemma_.lower()
    if (
        is_verb(tok)
        and tok.dep_ == "amod"
        and lemma in HELD_BY
        and tok.i > 0
        and ctx.doc[tok.i - 1].text == "-"
    ):
        # "Hamas-run Gaza", "Taliban-controlled Afghanistan", "Houthi-held Sanaa"
        yield from pairs("CONTROLS", hyphen_modifier(ctx, tok.head, {lemma}), _held_places(ctx, tok.head), tok, 0.75)
    elif is_verb(tok) and lemma in lx.CONTROL_VERBS | _SEIZING_VERBS:
        objects = [c for c in tok.children if c.dep_ == "dobj"]
        if lemma in _CONQUEST_VERBS:
            yield from _taken_from(ctx, tok)
        if any(o.lemma_.lower() in _CONTROL_NOUNS for o in objects):
            # "took control of Goma"; "seized power in Kabul". The place controlled comes first: in "took
            # control of Goma in eastern Congo" the country is only where Goma is.
            places = [a for o in objects for a in ctx.prep_objects(o, _CONTROL_PLACE_PREPS)]
            if not places:
                places = ctx.prep_objects(tok, _CONTROLLED_PLACE_PREPS)
                for o in objects:
                    places += ctx.prep_objects(o, _IN_PREP)
            yield from pairs("CONTROLS", ctx.subjects(tok), places, tok, 0.8, subject_side="source")
        elif lemma in lx.CONTROL_VERBS:
            found = list(verb_event(ctx, tok, "CONTROLS", ()))
            yield from found or list(_owned_areas(ctx, tok)) or _listed_places(ctx, tok) or _captured_site(ctx, tok)
        elif lemma == "take":
            # "the rebels took Goma": a bare "take" only with a town or region as object
            places = [a for a in ctx.objects(tok, frozenset({"dobj"})) if a.actor.kind == "Region"]
            takers = ctx.subjects(tok) or _campaigners(ctx, tok)
            yield from pairs("CONTROLS", takers, places, tok, 0.7, subject_side="source")
    elif is_verb(tok) and lemma == "fall":
        # "Kabul fell to the Taliban"
        for c in pairs("CONTROLS", ctx.prep_objects(tok, _TO_PREP), ctx.subjects(tok), tok, 0.75):
            c.subject_side = "target"
            yield c
    elif is_noun(tok) and lemma in lx.CONTROL_NOUNS:
        yield from _control_noun(ctx, tok, lemma)
    elif is_noun(tok) and lemma in _HOLD_NOUNS:
        yield from _stronghold(ctx, tok)


HELD_BY = frozenset(_WORDS["held_by"])

_PLACE_NOUNS = frozenset(_WORDS["place_nouns"])


def _held_places(ctx: Context, noun: Token) -> list[Arg]:
    """The place a held noun names: "Gaza", "the port of Hodeidah" (not its holder, which the proxy reading gives)."""
    found: list[Arg] = []
    if ctx.actor(noun) is None and noun.lemma_.lower() in _PLACE_NOUNS:
        found = ctx.prep_objects(noun, _OF_PREP)
    if not found and ctx.actor(noun) is None and noun.lemma_.lower() in military("held_in_nouns"):
        found = ctx.prep_objects(noun, tuple(military("inside_preps")))  # "Houthi-controlled areas in Yemen"
    if not found:
        found = [a for a in [ctx.denote(noun)] if a is not None]
    return [a for a in found if a.actor.kind in {"Country", "Region"}]

_CONQUEST_VERBS = frozenset(_WORDS["conquest_verbs"])


def _taken_from(ctx: Context, verb: Token) -> Iterator[Candidate]:
    """Covers "M23 captured Goma from the Congolese army", "X retook Y from Z": X attacked Z."""
    places = [a for a in ctx.objects(verb, frozenset({"dobj"})) if a.actor.kind in {"Region", "Country"}]
    sites = [
        c for c in verb.children
        if c.dep_ == "dobj" and _base_lemma(c) in military("captured_sites") | military("held_area_nouns")
    ]
    if not (places or sites) or any(c.dep_ == "nsubjpass" for c in verb.children):
        return  # "retook the palace from the RSF" is a fight; "seized assets from X" is not
    losers = [a for a in ctx.prep_objects(verb, _FROM_PREP) if a.actor.kind != "Region"]
    yield from pairs("ATTACKED", ctx.subjects(verb), losers, verb, 0.7, subject_side="source")


_ADVANCE_NOUNS = frozenset(_WORDS["advance_nouns"])


def _campaigners(ctx: Context, verb: Token) -> list[Arg]:
    """Covers "the offensive that X launched took Y", "X's offensive took Y": who waged it."""
    out: list[Arg] = []
    for subj in verb.children:
        if subj.dep_ != "nsubj" or subj.lemma_.lower() not in lx.ATTACK_NOUNS | _ADVANCE_NOUNS:
            continue
        out += ctx.owners(subj)
        for child in subj.children:
            if child.dep_ == "relcl" and child.lemma_.lower() in lx.LIGHT_VERBS:
                out += ctx.subjects(child)
    return out


_HOLDING_VERBS = frozenset(_WORDS["holding_verbs"])


def _captured_site(ctx: Context, verb: Token) -> list[Candidate]:
    """Covers "the rebels overran an army garrison in Sirakorola": the town the site is in is held.

    Only a town or region, not a country: taking one base in Mali does not hold Mali.
    """
    if any(c.dep_ == "nsubjpass" for c in verb.children) or verb.lemma_.lower() in _HOLDING_VERBS:
        return []
    places: list[Arg] = []
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if _base_lemma(obj) in military("captured_sites") and ctx.actor(obj) is None:
            places += ctx.prep_objects(obj, _IN_PREP) or ctx.prep_objects(verb, _IN_PREP)
    places = [a for a in places if a.actor.kind == "Region"]
    return list(pairs("CONTROLS", ctx.subjects(verb), places, verb, 0.65, subject_side="source"))


def _base_lemma(tok: Token) -> str:
    return "base" if tok.lower_ == "bases" else tok.lemma_.lower()  # the tagger reads "bases" as "basis"


_EXAMPLE_PREPS = tuple(_WORDS["example_preps"])


def _listed_places(ctx: Context, verb: Token) -> list[Candidate]:
    """Covers "the rebels seized territory including the cities of Goma and Bukavu": the listed places."""
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return []
    places: list[Arg] = []
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if obj.lemma_.lower() in military("held_area_nouns") and ctx.actor(obj) is None:
            places += ctx.prep_objects(obj, _EXAMPLE_PREPS)
    places = [a for a in places if a.actor.kind in {"Country", "Region"}]
    return list(pairs("CONTROLS", ctx.subjects(verb), places, verb, 0.7, subject_side="source"))


_AREA_NOUNS = frozenset(_WORDS["area_nouns"])


_SHARE_NOUNS = frozenset(_WORDS["share_nouns"])


def _owned_areas(ctx: Context, verb: Token) -> Iterator[Candidate]:
    """Covers "the Houthis control Yemen's north", "JNIM holds much of the north of Mali": a part stands for the place.

    Only compass parts: "a fifth of Ukraine's territory" is not Ukraine.
    """
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return
    places: list[Arg] = []
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        part = obj
        if part.lemma_.lower() in _SHARE_NOUNS:
            part = next(iter(ctx.prep_tokens(part, _OF_PREP)), part)  # "much of Yemen's north"
        if part.lemma_.lower() in _AREA_NOUNS and ctx.actor(part) is None:
            places += ctx.owners(part, allow_weak=True) + ctx.prep_objects(part, _OF_PREP)
    places = [a for a in places if a.actor.kind in {"Country", "Region"}]
    yield from pairs("CONTROLS", ctx.subjects(verb), places, verb, 0.7, subject_side="source")


_HOLD_NOUNS = frozenset(_WORDS["hold_nouns"])


_STRONGHOLD_PLACE_PREPS = tuple(_WORDS["stronghold_place_preps"])


def _stronghold(ctx: Context, noun: Token) -> Iterator[Candidate]:
    places = [a for a in ctx.prep_objects(noun, _STRONGHOLD_PLACE_PREPS) if a.actor.kind in {"Region", "Country"}]
    if places:
        yield from pairs("CONTROLS", ctx.owners(noun), places, noun, 0.7)


_HOLDER_PREPS = tuple(_WORDS["holder_preps"])
_NEGATORS = frozenset(_WORDS["negators"])


def _under_control(ctx: Context, noun: Token) -> Iterator[Candidate]:
    """Covers "Goma is under M23 control", "Sanaa came under Houthi control", "remains under the control of X"."""
    verb = noun.head.head
    holders = ctx.owners(noun, allow_weak=True) + ctx.prep_objects(noun, _HOLDER_PREPS)
    places = [a for a in ctx.subjects(verb) if a.actor.kind in {"Country", "Region"}]
    # "Kherson is no longer under Russian control": held once, not now
    ended = any(c.lower_ == "longer" and any(g.lower_ in _NEGATORS for g in c.children) for c in verb.children)
    for cand in pairs("CONTROLS", holders, places, noun, 0.7, subject_side="target"):
        cand.ended = ended
        yield cand


_RULE_NOUNS = frozenset(_WORDS["rule_nouns"])


def _control_noun(ctx: Context, noun: Token, lemma: str) -> Iterator[Candidate]:
    if lemma == "control" and noun.dep_ == "pobj" and noun.head.lower_ == "under" and is_verb(noun.head.head):
        yield from _under_control(ctx, noun)
        return
    places = ctx.prep_objects(noun, _CONTROLLED_PLACE_PREPS)
    holders = ctx.prep_objects(noun, _TO_PREP)
    side = None
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "of" and is_noun(head.head):
        # "the return/transfer of power in Y to X": the frame noun carries place and holder.
        frame = head.head
        places = places or ctx.prep_objects(frame, _CONTROLLED_PLACE_PREPS)
        holders = holders or ctx.prep_objects(frame, _TO_PREP)
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "in" and not holders:
        # "the RSF in control of Darfur"; "with the RSF (…) in control of Y": the actor right before
        before = head.i - 1
        while before > head.sent.start and ctx.doc[before].text in {")", "]"}:
            before -= 1
        adjacent = ctx.actor(ctx.doc[before])
        if adjacent is not None and adjacent.kind != "Media" and not adjacent.weak:
            holders = [Arg(adjacent)]
        else:
            holders = ctx.np_actors(head.head) if is_noun(head.head) else ctx.subjects(head.head)
    if lemma == "power" and not holders:
        return
    if not holders:
        holders, from_subject = noun_sources(ctx, noun)
        side = "source" if from_subject else None
    if lemma in _RULE_NOUNS and not places:
        return
    yield from pairs("CONTROLS", holders, places, noun, 0.7, subject_side=side)
