"""ATTACKED, THREATENS, SANCTIONS and CONTROLS: hostile acts and who holds territory."""

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
from loader.patterns.syntax import Arg, Context


def attacked(ctx: Context, tok: Token) -> Iterator[Candidate]:
    lemma = tok.lemma_.lower()
    preps: tuple[str, ...]
    if is_verb(tok) and lemma in lx.ATTACK_VERBS:
        preps = ("on", "against", "at") if lemma in {"fire", "fight", "strike"} else ("on", "against")
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
    elif is_verb(tok) and lemma in {"fire", "launch", "lob"}:
        # "fired rockets at northern Israel": only with a target phrase
        preps = ("at", "on", "into", "toward", "towards", "against")
        targets = ctx.prep_objects(tok, preps) or _site_owners(ctx, tok, preps)
        yield from pairs("ATTACKED", ctx.subjects(tok), targets, tok, 0.8, subject_side="source")
    elif is_noun(tok) and lemma in {"fire", "attack", "shelling", "bombardment"} and _under(tok):
        # "Israeli troops came under fire from Hezbollah"
        verb = tok.head.head
        attackers = ctx.prep_objects(tok, ("from", "by")) + ctx.prep_objects(verb, ("from", "by"))
        yield from pairs("ATTACKED", attackers, ctx.subjects(verb), tok, 0.75)
    elif is_noun(tok) and lemma in lx.ATTACK_NOUNS:
        if any(c.lemma_.lower() in _FIGURATIVE for c in tok.children):
            return  # "a trade war", "a proxy war", "a price war"
        preps = ("on", "against", "upon")
        if lemma in {"invasion", "occupation", "bombing", "shelling", "bombardment", "siege"}:
            preps += ("of",)
        if lemma in {"invasion", "incursion", "offensive", "raid", "attack"}:
            preps += ("into",)  # "incursions into Armenian territory"
        if lemma in {"war", "campaign", "offensive", "attack", "operation"} and (
            _owned(ctx, tok) or (tok.dep_ == "dobj" and tok.head.lemma_.lower() in lx.LIGHT_VERBS)
        ):
            preps += ("in",)  # "its war in Ukraine", "carried out attacks in Kenya"
        found = list(noun_event(ctx, tok, "ATTACKED", preps, allow_weak=True))
        if not found:
            found = list(_site_targets(ctx, tok, preps)) + list(_light_verb_target(ctx, tok))
        yield from found
        if not found:
            yield from _resisted_attack(ctx, tok)
            yield from _relative_light_verb(ctx, tok)
    elif is_noun(tok) and lemma == "operation" and not any(c.lemma_.lower() in _FIGURATIVE for c in tok.children):
        # "military operations against X", "conducting ground operations in Y against X":
        # an operation is hostile only when it is against someone.
        found = list(noun_event(ctx, tok, "ATTACKED", ("against",), 0.7, allow_weak=True))
        yield from found or _light_verb_target(ctx, tok, ("against",))


# Sites that stand for their owner when attacked: "strikes on Syrian army bases".
_SITE_NOUNS = frozenset(
    {"base", "airbase", "depot", "position", "headquarters", "installation", "outpost", "barracks", "garrison",
     "airfield", "facility", "post", "compound", "camp", "boat", "patrol", "tower", "embassy", "consulate"}
)


# What an attack hits that stands for the place it is in: "a refinery in Russia", "people in Gaza".
_STRUCK_OBJECTS = _SITE_NOUNS | frozenset(
    {"refinery", "airport", "port", "harbour", "harbor", "hotel", "ministry", "parliament", "building", "market",
     "hospital", "school", "plant", "station", "infrastructure", "grid", "city", "town", "village", "district",
     "neighbourhood", "neighborhood", "people", "civilian", "person", "resident", "soldier", "troop"}
)


def _struck_places(ctx: Context, verb: Token) -> list[Arg]:
    """The country or region where an attack's unnamed object is: its owner, or its "in" place."""
    places: list[Arg] = []
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for item in (obj, *obj.conjuncts):
            if ctx.actor(item) is not None or item.lemma_.lower() not in _STRUCK_OBJECTS:
                continue
            # A name found only by the tagger is the site's own ("the Fordow and Natanz facilities").
            owners = [a for a in ctx.owners(item, allow_weak=True) if a.actor.via != "ner"]
            places += owners or ctx.prep_objects(item, ("in", "near", "outside"))
        if places:
            return places
        if obj.lemma_.lower() in _STRUCK_OBJECTS or obj.like_num or any(c.like_num for c in obj.children):
            places = ctx.prep_objects(verb, ("in",))  # "killed 20 people in Gaza"
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
    ctx: Context, noun: Token, preps: tuple[str, ...] = ("against",)
) -> Iterator[Candidate]:
    """Covers "conducted raids in the south against X": the target hangs on the light verb."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in lx.LIGHT_VERBS:
        return
    yield from pairs(
        "ATTACKED", ctx.subjects(verb, allow_weak=True), ctx.prep_objects(verb, preps), noun, 0.7,
        subject_side="source",
    )


def _under(noun: Token) -> bool:
    """ "came/was under fire", "remained under attack"."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "under" and is_verb(prep.head)


# Modifiers that make a war or attack figurative or indirect.
_FIGURATIVE = frozenset(
    {
        "trade",
        "tariff",
        "price",
        "cyber",
        "information",
        "propaganda",
        "proxy",
        "legal",
        "diplomatic",
        "verbal",
        "media",
        "currency",
        "culture",
        "political",
        "rhetorical",
        "personal",
        "sanctions",
        "heart",
    }
)


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
        yield from noun_event(ctx, tok, "THREATENS", ("to", "against", "for"), 0.75)
    elif is_noun(tok) and lemma == "target":
        yield from _named_target(ctx, tok)


def _targeted(ctx: Context, noun: Token) -> list[Arg]:
    """What a named target denotes: an actor, or the place of a site ("the site in Poland")."""
    owners = ctx.owners(noun, allow_weak=True)  # "American bases in Iraq": both are threatened
    return owners + ctx.np_actors(noun) or [
        a for a in ctx.prep_objects(noun, ("in", "on")) if a.actor.kind in {"Country", "Region"}
    ]


def _named_target(ctx: Context, noun: Token) -> Iterator[Candidate]:
    """Covers "X warned that Y would become a legitimate target", "X named Y a priority target"."""
    head = noun.head
    hlemma = head.lemma_.lower()
    marked = any(c.lemma_.lower() in lx.TARGET_MODIFIERS for c in noun.children)
    if noun.dep_ == "oprd" and hlemma in lx.NAMING_VERBS and marked:
        targets = [a for o in head.children if o.dep_ == "dobj" for a in _targeted(ctx, o)]
        yield from pairs("THREATENS", ctx.subjects(head), targets, noun, 0.7, subject_side="source")
    elif noun.dep_ == "attr" and hlemma in {"be", "become", "remain"} and head.dep_ == "ccomp":
        speaker = head.head
        if not (marked or speaker.lemma_.lower() in lx.WARN_HEADS):
            return
        targets = [a for s in head.children if s.dep_ == "nsubj" for a in _targeted(ctx, s)]
        # The copula carries the trigger, so a warning above it is seen as the threat it is.
        yield from pairs("THREATENS", ctx.subjects(speaker), targets, head, 0.7, subject_side="source")


_PACKAGE_NOUNS = frozenset({"package", "round", "tranche", "wave", "batch"})


def sanctions(ctx: Context, tok: Token) -> Iterator[Candidate]:
    lemma = tok.lemma_.lower()
    if is_verb(tok) and lemma in lx.SANCTION_VERBS:
        yield from verb_event(ctx, tok, "SANCTIONS", ())
    elif is_verb(tok) and lemma in lx.FREEZE_VERBS:
        passive = any(c.dep_ == "nsubjpass" for c in tok.children)
        assets = [c for c in tok.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
        assets = [a for a in assets if a.lemma_.lower() in lx.ASSET_NOUNS]
        owners = [o for a in assets for o in ctx.owners(a, allow_weak=True) + ctx.prep_objects(a, ("of",))]
        sources = ctx.agents(tok) if passive else ctx.subjects(tok)
        yield from pairs("SANCTIONS", sources, owners, tok, 0.75, subject_side=None if passive else "source")
    elif is_noun(tok) and lemma in lx.SANCTION_NOUNS:
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in _PACKAGE_NOUNS:
            tok = tok.head  # "its 14th sanctions package against Russia": the package takes the phrases
        targets = ctx.prep_objects(tok, ("on", "against", "targeting"))
        if not targets and tok.dep_ == "dobj" and is_verb(tok.head):
            # "imposed sanctions in May on X", "extended its sanctions to X"
            targets = ctx.prep_objects(
                tok.head,
                ("on", "against", "to") if tok.head.lemma_.lower() in _SANCTION_EXTEND_VERBS else ("on", "against"),
            )
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


# Verbs that widen existing sanctions to a new target: "extended its sanctions to X".
_SANCTION_EXTEND_VERBS = frozenset({"extend", "expand", "broaden", "widen", "apply"})


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
        places = [a for a in [ctx.denote(tok.head)] if a is not None and a.actor.kind in {"Country", "Region"}]
        yield from pairs("CONTROLS", hyphen_modifier(ctx, tok.head, {lemma}), places, tok, 0.75)
    elif is_verb(tok) and lemma in lx.CONTROL_VERBS | {"take", "grab", "assume", "gain", "regain", "wrest", "win"}:
        objects = [c for c in tok.children if c.dep_ == "dobj"]
        if lemma in _CONQUEST_VERBS:
            yield from _taken_from(ctx, tok)
        if any(o.lemma_.lower() in {"power", "control"} for o in objects):
            # "seized power in Kabul", "took control of Goma"
            places = ctx.prep_objects(tok, ("in", "over", "of"))
            for o in objects:
                places += ctx.prep_objects(o, ("in", "over", "of"))
            yield from pairs("CONTROLS", ctx.subjects(tok), places, tok, 0.8, subject_side="source")
        elif lemma in lx.CONTROL_VERBS:
            yield from verb_event(ctx, tok, "CONTROLS", ())
        elif lemma == "take":
            # "the rebels took Goma": a bare "take" only with a town or region as object
            places = [a for a in ctx.objects(tok, frozenset({"dobj"})) if a.actor.kind == "Region"]
            takers = ctx.subjects(tok) or _campaigners(ctx, tok)
            yield from pairs("CONTROLS", takers, places, tok, 0.7, subject_side="source")
    elif is_verb(tok) and lemma == "fall":
        # "Kabul fell to the Taliban"
        for c in pairs("CONTROLS", ctx.prep_objects(tok, ("to",)), ctx.subjects(tok), tok, 0.75):
            c.subject_side = "target"
            yield c
    elif is_noun(tok) and lemma in lx.CONTROL_NOUNS:
        yield from _control_noun(ctx, tok, lemma)
    elif is_noun(tok) and lemma in _HOLD_NOUNS:
        yield from _stronghold(ctx, tok)


# "X-run Y", "X-held Y": a hyphenated holder before a place.
HELD_BY = frozenset({"run", "control", "hold", "occupy", "administer", "govern"})

# Verbs of taking a place by force: whoever it is taken from was fought.
_CONQUEST_VERBS = frozenset(
    {"capture", "seize", "retake", "retook", "recapture", "take", "wrest", "overrun", "overran", "conquer"}
)


def _taken_from(ctx: Context, verb: Token) -> Iterator[Candidate]:
    """Covers "M23 captured Goma from the Congolese army", "X retook Y from Z": X attacked Z."""
    places = [a for a in ctx.objects(verb, frozenset({"dobj"})) if a.actor.kind in {"Region", "Country"}]
    if not places or any(c.dep_ == "nsubjpass" for c in verb.children):
        return
    losers = [a for a in ctx.prep_objects(verb, ("from",)) if a.actor.kind != "Region"]
    yield from pairs("ATTACKED", ctx.subjects(verb), losers, verb, 0.7, subject_side="source")


def _campaigners(ctx: Context, verb: Token) -> list[Arg]:
    """Covers "the offensive that X launched took Y", "X's offensive took Y": who waged it."""
    out: list[Arg] = []
    for subj in verb.children:
        if subj.dep_ != "nsubj" or subj.lemma_.lower() not in lx.ATTACK_NOUNS | {"advance", "push"}:
            continue
        out += ctx.owners(subj)
        for child in subj.children:
            if child.dep_ == "relcl" and child.lemma_.lower() in lx.LIGHT_VERBS:
                out += ctx.subjects(child)
    return out


# Places that an actor holds as its own: "its stronghold in Idlib", "the group's bastion of X".
_HOLD_NOUNS = frozenset({"stronghold", "bastion", "heartland", "fiefdom"})


def _stronghold(ctx: Context, noun: Token) -> Iterator[Candidate]:
    places = [a for a in ctx.prep_objects(noun, ("in", "of")) if a.actor.kind in {"Region", "Country"}]
    if places:
        yield from pairs("CONTROLS", ctx.owners(noun), places, noun, 0.7)


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
    if lemma in {"power", "rule"} and not places:
        return
    yield from pairs("CONTROLS", holders, places, noun, 0.7, subject_side=side)
