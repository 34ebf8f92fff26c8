"""JOINT_EXERCISE_WITH, ALLIED_WITH, MILITARY_SUPPORT_TO and HOSTS_BASE_OF."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from loader.patterns import lexicon as lx
from loader.patterns import vocabulary as vocab
from loader.patterns.candidates import (
    Candidate,
    hyphen_modifier,
    is_noun,
    is_verb,
    noun_event,
    noun_sources,
    np_head,
    pairs,
    verb_event,
)
from loader.patterns.syntax import Arg, Context
from loader.rules import lemmas, load_rules

_WORDS = load_rules("cooperation")

_EXERCISING_KINDS = frozenset({"Country", "Alliance", "ArmedGroup", "Organization"})


_EXERCISE_RUNNERS = frozenset(_WORDS["exercise_runners"])


_CRITIC_VERBS = frozenset(_WORDS["critic_verbs"])


_TAKING_PART_PREPS = frozenset(_WORDS["taking_part_preps"])
_TAKING_PART_VERBS = frozenset(_WORDS["taking_part_verbs"])


def _took_part(ctx: Context, noun: Token) -> list[Arg]:
    """Covers "A and B troops took part for the first time in the same exercise" (a misattached "in")."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in _TAKING_PART_PREPS:
        return []
    cur = noun
    for _ in range(3):
        if cur.dep_ != "pobj" or cur.head.dep_ != "prep":
            return []
        cur = cur.head.head
        if is_verb(cur):
            if cur.lemma_.lower() in _TAKING_PART_VERBS:
                return ctx.subjects(cur, allow_weak=True)
            return []
    return []


JOINT_ONLY_NOUNS = lemmas("exercises", "joint_only_nouns")
_JOINT_MODIFIERS = lemmas("exercises", "joint_modifiers")


def _joint_patrol(noun: Token, lemma: str) -> bool:
    """ "conducted a joint air patrol": a joint patrol is an exercise of both forces."""
    return lemma in JOINT_ONLY_NOUNS and any(c.lower_ in _JOINT_MODIFIERS for c in noun.children)


_PARTNER_PREPS = tuple(_WORDS["partner_preps"])
_PARTIES_PREPS = tuple(_WORDS["parties_preps"])
_INVOLVING_VERBS = frozenset(_WORDS["involving_verbs"])
_JOINT_EXERCISE_MODIFIERS = frozenset(_WORDS["joint_exercise_modifiers"])
_SEPARATE_MODIFIERS = frozenset(_WORDS["separate_modifiers"])


def exercises(ctx: Context, tok: Token) -> Iterator[Candidate]:
    lemma = tok.lemma_.lower()
    # "hold their annual Yudh Abhyas exercise": the tagger may read the noun as a verb
    nominal = is_noun(tok) or tok.dep_ in {"dobj", "nsubj", "nsubjpass", "pobj", "attr"}
    if not nominal or (lemma not in lx.EXERCISE_NOUNS and not _joint_patrol(tok, lemma)):
        return
    if lemma == "exercise" and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return  # "the exercise of power"
    if lemma == "game" and not any(c.lower_ == "war" for c in tok.children):
        return
    partners = ctx.prep_objects(tok, _PARTNER_PREPS, allow_weak=True)
    between = ctx.prep_objects(tok, _PARTIES_PREPS, allow_weak=True)
    for child in tok.children:
        # "drills involving troops from A and B", "the exercise, which involved Ukrainian troops"
        if child.dep_ in {"acl", "relcl"} and child.lemma_.lower() in _INVOLVING_VERBS:
            between += ctx.objects(child, frozenset({"dobj"}), allow_weak=True)
    subjects, from_subject = noun_sources(ctx, tok, allow_weak=True)
    if tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() not in _EXERCISE_RUNNERS:
        subjects = []  # "the drills were condemned by China": a critic is no participant
    head = tok.head
    # An exercise's name may match a company ("the Indra drills"): only states and groups drill.
    subjects = [a for a in subjects if a.actor.kind in _EXERCISING_KINDS]
    if not from_subject:
        # A name the statistical tagger found on the drill itself ("the Desert Shield exercise")
        subjects = [a for a in subjects if a.actor.via != "ner"]
    if not subjects and not from_subject and tok.dep_ == "dobj" and is_verb(head):
        subjects, from_subject = ctx.subjects(head, allow_weak=True), True
    if from_subject and tok.dep_ == "dobj" and head.lemma_.lower() in _CRITIC_VERBS:
        subjects, from_subject = [], False  # "North Korea condemned the drills between A and B"
    if not subjects and not from_subject:
        participants = _took_part(ctx, tok)
        subjects, from_subject = participants, bool(participants)
    if not partners and tok.dep_ in {"dobj"} and is_verb(head):
        partners = ctx.prep_objects(head, _PARTNER_PREPS, allow_weak=True)
    side = "source" if from_subject else None
    if partners:
        yield from pairs("JOINT_EXERCISE_WITH", subjects, partners, tok, 0.8, subject_side=side)
        return
    group = subjects + between
    joint = any(c.lower_ in _JOINT_EXERCISE_MODIFIERS for c in tok.children)
    joint = joint or (tok.dep_ == "dobj" and any(c.lower_ == "together" for c in tok.head.children))
    # "X and Y began their annual exercise": coordinated subjects exercise together,
    # unless the text says the drills were separate.
    separate = any(t.lower_ in _SEPARATE_MODIFIERS for t in tok.children)
    joint = joint or (from_subject and not separate)
    if len(group) >= 2 and (joint or between):
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                yield from pairs("JOINT_EXERCISE_WITH", [a], [b], tok, 0.75)


_ALLIED_WORDS = frozenset(_WORDS["allied_words"])


def _allied_modifier(noun: Token) -> bool:
    """Covers "allied relations", "a declaration of allied relations"."""
    return any(t.lower_ in _ALLIED_WORDS and t.i != noun.i for t in noun.subtree)


def allied(ctx: Context, tok: Token) -> Iterator[Candidate]:
    for c in _allied(ctx, tok):
        if _named(ctx, c.source) and _named(ctx, c.target):
            yield c


def _named(ctx: Context, arg: Arg) -> bool:
    """False for "non-NATO ally" and for a common noun the tagger took for a name ("Time is an ally")."""
    mention = arg.actor.mention
    before = ctx.doc[max(0, mention.start - 2) : mention.start]
    if len(before) == 2 and before[0].lower_ == "non" and before[1].text in {"-", "\u2010", "\u2011"}:
        return False
    if ctx.doc[mention.start : mention.end].text.lower().startswith("non-"):
        return False
    return not (arg.actor.via == "ner" and all(t.pos_ != "PROPN" for t in ctx.doc[mention.start : mention.end]))


_INCLUDING_PREP = tuple(_WORDS["including_prep"])
_AS_PREP = tuple(_WORDS["as_prep"])


def _examples(ctx: Context, noun: Token) -> list[Arg]:
    """The named members of "allies, including A and B" / "allies such as A"."""
    out = ctx.prep_objects(noun, _INCLUDING_PREP)
    for named in ctx.prep_tokens(noun, _AS_PREP):
        if any(c.lower_ == "such" for c in named.head.children):
            out += ctx.np_actors(named)
    return out


PARTNER_NOUNS = lemmas("alliances", "partner_nouns")
_NOT_SECURITY = lemmas("alliances", "non_security_partner_modifiers")


_OF_PREP = tuple(_WORDS["of_prep"])


def _security_partner(ctx: Context, noun: Token) -> bool:
    """ "a U.S. partner", "a key security partner" are allies; "its largest trading partner" is not.

    The partner must have an owner that is a state or a bloc, and no modifier that makes the
    partnership economic, diplomatic or otherwise not one of security.
    """
    if any(c.lemma_.lower() in _NOT_SECURITY or c.lower_ in _NOT_SECURITY for c in noun.subtree):
        return False
    owners = ctx.owners(noun) + ctx.prep_objects(noun, _OF_PREP)
    return any(o.actor.kind in {"Country", "Alliance"} for o in owners)


def _before_comma(ctx: Context, appos: Token) -> list[Arg]:
    """The actor right before an apposition's comma, when the parser hung the apposition on a
    larger phrase: "the delivery of jets to Taiwan, another U.S. partner"."""
    comma = appos.left_edge.i - 1
    if comma < 1 or ctx.doc[comma].text != ",":
        return []
    r = ctx.by_token.get(comma - 1)
    return [Arg(r, 0.85)] if r is not None and not r.weak and r.kind != "Media" else []


_IN_PREP = tuple(_WORDS["in_prep"])
_COPULA_VERBS = frozenset(_WORDS["copula_verbs"])
_WITH_PREP = tuple(_WORDS["with_prep"])
_BACKED_PARTICIPLES = frozenset(_WORDS["backed_participles"])
_RELATION_NOUNS = frozenset(_WORDS["relation_nouns"])
_TO_PREP = tuple(_WORDS["to_prep"])
_BETWEEN_PREP = tuple(_WORDS["between_prep"])
_SIGNING_VERBS = frozenset(_WORDS["signing_verbs"])
_PACT_NOUNS = frozenset(_WORDS["pact_nouns"])
_PACT_PARTY_PREPS = tuple(_WORDS["pact_party_preps"])


def _allied(ctx: Context, tok: Token) -> Iterator[Candidate]:
    lemma = tok.lemma_.lower()
    if lemma == "back" and tok.dep_ == "amod" and is_verb(tok):
        # "the Iran-backed Hezbollah movement": backing states an affiliation, whatever it consists of
        backers = hyphen_modifier(ctx, tok.head, _BACKED_PARTICIPLES)
        yield from pairs("ALLIED_WITH", backers, _named_noun(ctx, tok.head), tok, 0.65)
        return
    if not is_noun(tok) or ctx.actor(tok) is not None:
        return
    if lemma == "ally" or (lemma in PARTNER_NOUNS and _security_partner(ctx, tok)):
        owners = ctx.owners(tok) + ctx.prep_objects(tok, _OF_PREP)
        others = [a for c in tok.children if c.dep_ == "appos" for a in ctx.np_actors(c)]
        others += _examples(ctx, tok)
        if tok.dep_ == "appos":
            others += ctx.np_actors(tok.head) or _before_comma(ctx, tok)
        if not others:
            # "its allies in Central Asia"; but "the Houthis, its allies in Yemen" only places them
            others = ctx.prep_objects(tok, _IN_PREP)
        if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _COPULA_VERBS:
            others += ctx.objects(tok.head, frozenset({"attr"}))  # "Burhan's closest ally has been Egypt"
        if tok.dep_ in {"attr"}:
            subjects = ctx.subjects(tok.head)
            if owners:
                others += subjects
            elif len(subjects) >= 2:
                for i, a in enumerate(subjects):
                    yield from pairs("ALLIED_WITH", [a], subjects[i + 1 :], tok, 0.75)
                return
        head = np_head(tok)
        if head is not tok:
            others += ctx.np_actors(head)
        follower = ctx.actor(ctx.doc[tok.i + 1]) if tok.i + 1 < tok.sent.end else None
        if not others and owners and follower is not None and follower.kind != "Media":
            others = [Arg(follower)]  # "Russia's ally Belarus", the name read as a second subject
        yield from pairs("ALLIED_WITH", owners, others, tok, 0.75)
    elif lemma in _RELATION_NOUNS and _allied_modifier(tok):
        subjects, side = noun_sources(ctx, tok)
        frame = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else None
        if not subjects and frame is not None:
            # "signed a declaration on allied relations with Y": the signer is the ally
            if is_noun(frame):
                subjects, side = noun_sources(ctx, frame)
            elif is_verb(frame) and frame.lemma_.lower() in _SIGNING_VERBS:
                subjects, side = ctx.subjects(frame), True
        partners = ctx.prep_objects(tok, _WITH_PREP)
        group = subjects + partners
        for i, a in enumerate(group):
            yield from pairs("ALLIED_WITH", [a], group[i + 1 :], tok, 0.7)
    elif tok.dep_ == "appos" and getattr(ctx.actor(tok.head), "kind", None) == "Alliance":
        return  # "AUKUS, a security pact between …": membership of a named pact
    elif (lemma in lx.PACT_NOUNS and lemma != "alliance") or (
        # "an alliance with Y", "formed a mutual defence alliance"
        lemma == "alliance"
        and (ctx.prep_objects(tok, _PACT_PARTY_PREPS) or {c.lemma_.lower() for c in tok.children} & lx.PACT_MODIFIERS)
    ):
        modifiers = {c.lemma_.lower() for c in tok.children}
        if lemma in _PACT_NOUNS and not modifiers & lx.PACT_MODIFIERS:
            return
        partners = ctx.prep_objects(tok, _WITH_PREP)
        between = ctx.prep_objects(tok, _BETWEEN_PREP)
        subjects, side = noun_sources(ctx, tok)
        if partners:
            yield from pairs("ALLIED_WITH", subjects, partners, tok, 0.7, subject_side="source" if side else None)
            return
        group = between if len(between) >= 2 else subjects
        for i, a in enumerate(group):
            yield from pairs("ALLIED_WITH", [a], group[i + 1 :], tok, 0.7)


_AFFILIATION_WORDS = frozenset(_WORDS["affiliation_words"])


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
    denoted = ctx.denote(head)
    partners = [denoted] if denoted else []
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


_DEPLOYED_NOUNS = lx.TROOP_NOUNS | {"mission", "coalition", "contingent", "battlegroup"}
_PURPOSE_VERBS = frozenset(_WORDS["purpose_verbs"])


_DEPLOYING_VERBS = frozenset(_WORDS["deploying_verbs"])
_DEFENDING_VERBS = frozenset(_WORDS["defending_verbs"])
_DEPLOYMENT_NOUNS = frozenset(_WORDS["deployment_nouns"])
_LED_BACKED_PARTICIPLES = frozenset(_WORDS["led_backed_participles"])
_FROM_PREP = tuple(_WORDS["from_prep"])
_RECIPIENT_PREPS = tuple(_WORDS["recipient_preps"])


def military_support(ctx: Context, tok: Token) -> Iterator[Candidate]:
    lemma = tok.lemma_.lower()
    if is_noun(tok) and lemma in vocab.military("joint_support_nouns") and _joint_support(ctx, tok):
        yield from _joint_support(ctx, tok)
        return
    if lemma in vocab.military("contributing_modifiers") and tok.dep_ in {"amod", "compound"}:
        if tok.head.lemma_.lower() in vocab.military("contributing_heads"):
            yield from _contributors(ctx, tok.head)  # "troop-contributing countries to X include A, B"
    elif is_verb(tok) and lemma in vocab.military("troop_giving_verbs") and tok.dep_ == "acl" and tok.tag_ == "VBG":
        yield from _troops_given_by_listed(ctx, tok)
    elif is_noun(tok) and lemma in vocab.military("contributor_nouns"):
        yield from _contributors(ctx, tok)
    elif is_verb(tok) and lemma in vocab.military("trained_participles") and tok.dep_ == "amod":
        yield from _trained_by(ctx, tok)
    elif is_verb(tok) and lemma in _DEPLOYING_VERBS:
        troops = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in lx.TROOP_NOUNS]
        if not troops and tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.lemma_.lower() in _DEPLOYED_NOUNS:
            troops = [tok.head]  # "fighters … have been deployed in Mali", "a mission deployed to Haiti"
        if troops:
            passive = any(c.dep_ == "nsubjpass" for c in tok.children) or (tok.dep_ == "acl" and tok.tag_ == "VBN")
            sources = ctx.agents(tok) if passive else ctx.subjects(tok)
            if passive:
                # "North Korean soldiers were sent to Y", "troops from A and B, deployed by C",
                # "a Kenyan-led mission deployed to Haiti": the troops' own states send them too.
                own = [a for t in troops for a in ctx.np_actors(t) + hyphen_modifier(ctx, t, _LED_BACKED_PARTICIPLES)]
                sources += [a for a in own if a.id not in {s.id for s in sources}]
            targets = ctx.prep_objects(tok, _TO_PREP) or _in_support_of(ctx, tok)
            purpose = [c for c in tok.children if c.dep_ in {"advcl", "xcomp"} and c.lemma_.lower() in _PURPOSE_VERBS]
            if not targets:
                # "deployed … to support the Congolese army", "sent soldiers to help Nigeria fight …"
                targets = [a for p in purpose for a in _helped(ctx, p)]
            if not targets and (purpose or all(a.actor.kind in {"Alliance", "Organization"} for a in sources)):
                # a mission deployed (peacekeepers) in X (to help …)
                targets = ctx.prep_objects(tok, _IN_PREP) + [a for t in troops for a in ctx.prep_objects(t, _IN_PREP)]
            yield from pairs("MILITARY_SUPPORT_TO", sources, targets, tok, 0.75, subject_side="source")
    elif is_verb(tok) and lemma in _DEFENDING_VERBS:
        found = [
            c
            for c in verb_event(ctx, tok, "MILITARY_SUPPORT_TO", (), confidence=0.7)
            if c.target.actor.kind != "Person"
        ]
        if not found and any(a.actor.kind == "Person" for a in ctx.objects(tok, frozenset({"dobj"}))):
            # "protected President X in the Central African Republic": the state X leads.
            found = list(
                pairs(
                    "MILITARY_SUPPORT_TO",
                    ctx.subjects(tok),
                    ctx.prep_objects(tok, _IN_PREP),
                    tok,
                    0.65,
                    subject_side="source",
                )
            )
        yield from found
    elif is_noun(tok) and lemma in lx.SUPPORT_NOUNS:
        military = any(
            c.lemma_.lower() in vocab.military("support_modifiers") for c in tok.children
        )
        if not military and tok.head.lemma_.lower() not in _GIVE_VERBS:
            # "support for the RSF from Wagner": backing an armed group is military, as "X-backed" is
            armed = [a for a in ctx.prep_objects(tok, _RECIPIENT_PREPS) if a.actor.kind == "ArmedGroup"]
            # the parser may hang "from X" on the group: "support for the RSF from Wagner"
            backers = ctx.prep_objects(tok, _FROM_PREP) + [
                a for g in ctx.prep_tokens(tok, _RECIPIENT_PREPS) for a in ctx.prep_objects(g, _FROM_PREP)
            ]
            yield from pairs("MILITARY_SUPPORT_TO", backers, armed, tok, 0.65)
        if military or lemma in _DEPLOYMENT_NOUNS:
            found = list(noun_event(ctx, tok, "MILITARY_SUPPORT_TO", _RECIPIENT_PREPS, 0.7))
            if not found:
                found = list(_given_support(ctx, tok))
            yield from found
            if not found and lemma == "deployment":
                # "the deployment of French troops to Estonia": the troops' state deploys them
                troops = [t for t in ctx.prep_tokens(tok, _OF_PREP) if t.lemma_.lower() in _DEPLOYED_NOUNS]
                sources = [a for t in troops for a in ctx.np_actors(t, allow_weak=True)]
                yield from pairs("MILITARY_SUPPORT_TO", sources, ctx.prep_objects(tok, _TO_PREP), tok, 0.7)
    elif is_verb(tok) and lemma == "back" and tok.dep_ == "amod":
        # "Iran-backed Houthis" states an affiliation (ALLIED_WITH, see `_allied`), not what the
        # backing consists of: no military support is read from the modifier alone.
        return


def _military_act(verb: Token) -> bool:
    """A verb of fighting, or one that carries a military act: "conducted strikes", "launched an operation"."""
    if verb.lemma_.lower() in lx.ATTACK_VERBS | vocab.military("attack_verbs"):
        return True
    acts = lx.ATTACK_NOUNS | vocab.military("military_act_nouns")
    return any(c.dep_ == "dobj" and c.lemma_.lower() in acts for c in verb.children)


_HELPER_PREPS = tuple(_WORDS["helper_preps"])


def _joint_support(ctx: Context, noun: Token) -> list[Candidate]:
    """Covers "the US and UK, with support from A, B and C, conducted strikes on X": each helper supports each actor."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "with":
        return []
    helpers = ctx.prep_objects(noun, _HELPER_PREPS)
    if not helpers:
        return []
    attached = prep.head
    if is_noun(attached) and attached.dep_ in {"nsubj", "nsubjpass"} and is_verb(attached.head):
        verb, helped = attached.head, ctx.np_actors(attached)  # "the militaries of A and B, with support from …"
    elif is_verb(attached):
        verb, helped = attached, ctx.subjects(attached)
    else:
        return []
    if not _military_act(verb):
        return []
    helped = [a for a in helped if a.id not in {h.id for h in helpers}]
    return list(pairs("MILITARY_SUPPORT_TO", helpers, helped, noun, 0.7))


def _troops_given_by_listed(ctx: Context, verb: Token) -> Iterator[Candidate]:
    """Covers "Countries contributing troops to X include A and B": the listed countries give them."""
    troops = [c for c in verb.children if c.dep_ == "dobj" and _is_troops(c)]
    if not troops:
        return
    recipients = [a for a in ctx.prep_objects(verb, _TO_PREP) if a.actor.kind != "Region"]
    yield from pairs("MILITARY_SUPPORT_TO", _listed(ctx, verb.head), recipients, verb, 0.7, subject_side="source")


def _is_troops(noun: Token) -> bool:
    """ "troops", "800 soldiers", "several hundred troops", "a battalion of peacekeepers"."""
    if noun.lemma_.lower() in lx.TROOP_NOUNS:
        return True
    return any(p.lemma_.lower() in lx.TROOP_NOUNS for c in noun.children if c.lower_ == "of" for p in c.children)


_EXAMPLE_PREPS = tuple(_WORDS["example_preps"])
_LISTING_VERBS = frozenset(_WORDS["listing_verbs"])


def _listed(ctx: Context, noun: Token) -> list[Arg]:
    """The actors a generic plural names: "countries … include A, B", "contributors A and B", "nations such as A"."""
    named = ctx.np_actors(noun)
    if named:
        return named
    verb = noun.head
    if noun.dep_ == "nsubj" and verb.lemma_.lower() in _LISTING_VERBS:
        return [a for c in verb.children if c.dep_ in {"dobj", "attr"} for a in ctx.np_actors(c)]
    out = ctx.prep_objects(noun, _EXAMPLE_PREPS)
    for named_tok in ctx.prep_tokens(noun, _AS_PREP):
        out += ctx.np_actors(named_tok)
    follower = noun.i + 1
    if not out and follower < noun.sent.end and ctx.actor(ctx.doc[follower]) is not None:
        out = ctx.np_actors(ctx.doc[follower])  # "leading contributors Indonesia, Italy and India"
    return out


_CONTRIBUTION_PREPS = tuple(_WORDS["contribution_preps"])


def _contributors(ctx: Context, noun: Token) -> Iterator[Candidate]:
    """Covers "Troop-contributing countries to AUSSOM include A, B and C", "troop contributors to X such as A"."""
    lemma = noun.lemma_.lower()
    contributing = [c for c in noun.children if c.dep_ in {"amod", "compound"}
                    and c.lemma_.lower() in vocab.military("contributing_modifiers")]
    troop_word = any(t.lemma_.lower() in lx.TROOP_NOUNS for c in contributing for t in c.subtree) or any(
        c.dep_ == "compound" and c.lemma_.lower() in lx.TROOP_NOUNS for c in noun.children
    )
    if not troop_word or (lemma != "contributor" and not contributing):
        return
    missions = [a for a in ctx.prep_objects(noun, _CONTRIBUTION_PREPS) if a.actor.kind != "Region"]
    for c in contributing:
        missions += [a for a in ctx.prep_objects(c, _TO_PREP) if a.actor.kind != "Region"]
    yield from pairs("MILITARY_SUPPORT_TO", _listed(ctx, noun), missions, noun, 0.7)


_TRAINEE_NOUNS = frozenset(_WORDS["trainee_nouns"])


def _trained_by(ctx: Context, participle: Token) -> Iterator[Candidate]:
    """Covers "U.S.-trained Afghan forces", "Turkish-trained Somali commandos": the trainer supports the force."""
    if not (participle.i > 0 and ctx.doc[participle.i - 1].text in {"-", "\u2010", "\u2011"}):
        return
    trainers = hyphen_modifier(ctx, participle.head, {participle.lemma_.lower()})
    force = participle.head
    trained = _named_noun(ctx, force)
    if not trained and force.lemma_.lower() in lx.TROOP_NOUNS | _TRAINEE_NOUNS:
        trained = [a for a in ctx.owners(force, allow_weak=True) if a.id not in {t.id for t in trainers}]
    yield from pairs("MILITARY_SUPPORT_TO", trainers, trained, participle, 0.65)


_SUPPORT_NOUNS = frozenset(_WORDS["support_nouns"])


def _in_support_of(ctx: Context, verb: Token) -> list[Arg]:
    """Whom a deployment backs: "deployed troops in support of the Congolese army"."""
    return [
        a for noun in ctx.prep_tokens(verb, _IN_PREP) if noun.lemma_.lower() in _SUPPORT_NOUNS
        for a in ctx.prep_objects(noun, _OF_PREP)
    ]


def _helped(ctx: Context, purpose: Token) -> list[Arg]:
    """Whom a purpose verb helps: its object, or the subject of the clause it governs ("help X fight")."""
    helped = ctx.objects(purpose, frozenset({"dobj"}))
    if not helped:
        for clause in purpose.children:
            if clause.dep_ in {"ccomp", "xcomp"}:
                helped += [a for c in clause.children if c.dep_ == "nsubj" for a in ctx.np_actors(c)]
    # "to help the army fight insurgents": a description resolved by guesswork is no recipient
    return [a for a in helped if a.actor.via != "coref"]


_GIVE_VERBS = frozenset(_WORDS["give_verbs"])


def _given_support(ctx: Context, noun: Token) -> Iterator[Candidate]:
    """Covers "The UAE has provided military support to the RSF" (the recipient hangs on the verb)."""
    verb = noun.head
    if noun.dep_ != "dobj" or not is_verb(verb) or verb.lemma_.lower() not in _GIVE_VERBS:
        return
    if noun.lemma_.lower() == "aid":
        return  # "sent military aid to X" is mostly weapons, which the arms rules read
    recipients = ctx.prep_objects(verb, _RECIPIENT_PREPS)
    # "gave Ukraine military support": the recipient as indirect object
    recipients += [a for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP" for a in ctx.np_actors(c)]
    yield from pairs("MILITARY_SUPPORT_TO", ctx.subjects(verb), recipients, noun, 0.7, subject_side="source")




_LEADING_VERBS = frozenset(_WORDS["leading_verbs"])


def _named_noun(ctx: Context, noun: Token) -> list[Arg]:
    """The actor a modified noun names itself ("Houthis", "M23 rebels"), not the place it is in."""
    r = ctx.actor(noun)
    if r is not None:
        arg = ctx.denote(noun)
        return [arg] if arg is not None else []
    named = [
        Arg(a)
        for c in noun.children
        if c.dep_ in {"compound", "appos"}
        and (a := ctx.actor(c)) is not None
        and a.kind in {"ArmedGroup", "Organization"}
    ]
    if not named and noun.i + 1 < len(ctx.doc):
        # "the Iranian-backed militia Kataib Hezbollah": the name right after its description
        nxt = ctx.actor(ctx.doc[noun.i + 1])
        if nxt is not None and nxt.kind == "ArmedGroup" and nxt.mention.start == noun.i + 1:
            named.append(Arg(nxt))
    return named


def _leaders(ctx: Context, *heads: Token) -> list[Arg]:
    """Covers "battlegroups in A and B, led (respectively) by X and Y": who leads the forces."""
    out: list[Arg] = []
    for head in heads:
        for child in head.children:
            if child.dep_ in {"acl", "advcl", "relcl"} and child.lemma_.lower() in _LEADING_VERBS:
                out += ctx.agents(child)
    if not out and heads:
        # The parser may hang "led respectively by …" anywhere; "respectively" ties it to the list.
        for tok in heads[0].sent:
            if (
                tok.i > heads[0].i
                and tok.lemma_.lower() in _LEADING_VERBS
                and tok.tag_ in {"VBN", "VBD"}
                and any(c.lower_ == "respectively" for c in tok.children)
            ):
                out += ctx.agents(tok)
    return out


_BASED_PARTICIPLES = frozenset(_WORDS["based_participles"])
_PLACE_PREPS = tuple(_WORDS["place_preps"])


def _stationed_forces(ctx: Context, noun: Token) -> Iterator[Candidate]:
    """Covers "X keeps/maintains troops in Y" and "Y allowed X troops to stay"."""
    head = noun.head
    hlemma = head.lemma_.lower()
    based = [a for a in hyphen_modifier(ctx, noun, _BASED_PARTICIPLES) if a.actor.kind == "Country"]
    home = home_of(ctx, noun)
    if home:
        # "Bahrain, home to the U.S. Navy's Fifth Fleet"; a unit's own name is not its state
        guests = [a for a in _force_owners(ctx, noun) if a.id not in {h.id for h in home}]
        yield from pairs("HOSTS_BASE_OF", home, guests, noun, 0.7)
    elif based:
        # "the Qatar-based U.S. troops"
        guests = [a for a in ctx.np_actors(noun, allow_weak=True) if a.id not in {b.id for b in based}]
        yield from pairs("HOSTS_BASE_OF", based, guests, noun, 0.7)
    elif noun.dep_ == "dobj" and hlemma in lx.KEEP_VERBS and is_verb(head):
        hosts = [a for a in ctx.prep_objects(head, _PLACE_PREPS) if a.actor.kind == "Country"]
        hosts += [a for a in ctx.prep_objects(noun, _PLACE_PREPS) if a.actor.kind == "Country"]
        if not hosts:
            return
        guests = _leaders(ctx, noun, head)
        side = None
        if not guests:
            owned = [a for a in ctx.np_actors(noun, allow_weak=True) if a.id not in {h.id for h in hosts}]
            guests = owned or ctx.subjects(head)
            side = None if owned else "target"
        # The verb carries the trigger, so "does not keep troops in Y" is read as negated.
        for c in pairs("HOSTS_BASE_OF", hosts, guests, head, 0.7):
            c.subject_side = side
            yield c
    elif noun.dep_ in {"nsubj", "dobj"} and (
        (hlemma in lx.STAY_VERBS and head.dep_ in {"ccomp", "xcomp"} and head.head.lemma_.lower() in lx.LET_VERBS)
        or (
            noun.dep_ == "dobj"
            and hlemma in lx.LET_VERBS
            and any(c.lemma_.lower() in lx.STAY_VERBS for c in head.children)
        )
    ):
        let = head.head if hlemma in lx.STAY_VERBS else head
        guests = ctx.np_actors(noun, allow_weak=True)
        yield from pairs("HOSTS_BASE_OF", ctx.subjects(let), guests, let, 0.7, subject_side="source")


_QUANTITY_NOUNS = frozenset(_WORDS["quantity_nouns"])


_BASE_RUN_VERBS = frozenset(_WORDS["base_run_verbs"])
_BASE_HOST_VERBS = frozenset(_WORDS["base_host_verbs"])


def _base_lemma(tok: Token) -> str:
    """The lemma, with the tagger's "bases" → "basis" undone."""
    return "base" if tok.lower_ == "bases" else tok.lemma_.lower()


_MISTAGGED_HOST_FORMS = frozenset(_WORDS["mistagged_host_forms"])


def mistagged_host(ctx: Context, head: Token) -> list[Arg]:
    """Covers "Armenia hosts a Russian base" when the tagger reads "Armenia hosts" as a noun phrase."""
    if head.lower_ not in _MISTAGGED_HOST_FORMS or head.pos_ != "NOUN" or head.dep_ != "ROOT":
        return []
    found = [a for c in head.children if c.dep_ in {"compound", "nsubj", "poss"} for a in ctx.np_actors(c)]
    # "Kenya's Dadaab camp shelters …": the country hosts, not the site inside it
    return [a for a in found if a.actor.kind == "Country"] or found


def _force_owners(ctx: Context, troops: Token) -> list[Arg]:
    """Whose forces these are: "U.S. troops", "the U.S. Navy's Fifth Fleet" (a unit's own name is not its state)."""
    named = [a for a in ctx.np_actors(troops, allow_weak=True) if a.actor.via != "ner"]
    return named or [a for a in ctx.owners(troops, allow_weak=True) if a.actor.via != "ner"]


def home_of(ctx: Context, noun: Token) -> list[Arg]:
    """The place that is "home to" `noun`: "Qatar is home to Al Udeid, the largest U.S. base",
    "Bahrain, home to the U.S. Navy's Fifth Fleet"."""
    if noun.dep_ == "appos":
        noun = noun.head
    to = noun.head
    if noun.dep_ != "pobj" or to.lower_ != "to" or to.head.lemma_.lower() != "home":
        return []
    home = to.head
    if home.dep_ in {"attr", "oprd"} or (home.dep_ == "advmod" and home.head.lemma_.lower() == "be"):
        return ctx.subjects(home.head)
    if home.dep_ in {"appos", "advmod", "npadvmod"}:  # the parser hangs ", home to …" either way
        arg = ctx.denote(home.head)
        return [arg] if arg is not None else []
    return []


def _places(ctx: Context, tok: Token) -> list[Arg]:
    """Where a base or force is: "in Y", and "at Guantanamo Bay in Cuba", "in Tartus, Syria"."""
    out: list[Arg] = []
    for place in ctx.prep_tokens(tok, _PLACE_PREPS):
        found = [a for a in ctx.np_actors(place) if a.actor.kind == "Country"]
        if not found:
            # a town or region named with its country
            found = ctx.prep_objects(place, _IN_PREP) + [
                a for c in place.children if c.dep_ == "appos" for a in ctx.np_actors(c)
            ]
        out += [a for a in found if a.actor.kind == "Country"]
    return out


_HOSTING_VERBS = frozenset(_WORDS["hosting_verbs"])
_HUB_NOUNS = frozenset(_WORDS["hub_nouns"])
_HUB_MODIFIERS = frozenset(_WORDS["hub_modifiers"])


def hosts_base(ctx: Context, tok: Token) -> Iterator[Candidate]:
    lemma = _base_lemma(tok)
    if is_noun(tok) and lemma in lx.STATIONED_NOUNS and lemma not in lx.BASE_NOUNS:
        yield from _stationed_forces(ctx, tok)
        return
    if (
        is_verb(tok)
        # Only verbs whose subject is the host: "X stations troops in Y" makes X the guest (below).
        and lemma in _HOSTING_VERBS
        and not any(c.dep_ == "nsubjpass" for c in tok.children)
        and not (tok.dep_ == "acl" and tok.tag_ == "VBN")  # "troops stationed in Y": handled below
    ):
        objects = [c for c in tok.children if c.dep_ == "dobj"]
        # "hosts thousands of U.S. troops": the forces sit under the quantity
        objects += [p for o in objects if o.lemma_.lower() in _QUANTITY_NOUNS for p in ctx.prep_tokens(o, _OF_PREP)]
        troops = [c for c in objects if c.lemma_.lower() in lx.STATIONED_NOUNS]
        # "hosts U.S. troops", "hosts the U.S. Navy's Fifth Fleet"
        guests = [a for t in troops for a in _force_owners(ctx, t)]
        yield from pairs("HOSTS_BASE_OF", ctx.subjects(tok), guests, tok, 0.7, subject_side="source")
        for base in objects:
            if base.lower_ == "bases" and base.lemma_.lower() not in lx.BASE_NOUNS:
                yield from _base(ctx, base)  # no trigger of its own under the mistaken lemma
        return
    if is_noun(tok) and lemma in _HUB_NOUNS:
        if not any(c.lemma_.lower() in _HUB_MODIFIERS for c in tok.children):
            return
        lemma = "base"
    if is_noun(tok) and lemma in lx.BASE_NOUNS:
        if lemma == "facility" and not any(c.lemma_.lower() == "military" for c in tok.children):
            return
        yield from _base(ctx, tok)


_LEASE_VERB = frozenset(_WORDS["lease_verb"])
_ESTABLISH_VERB = frozenset(_WORDS["establish_verb"])
_FOUNDING_VERBS = frozenset(_WORDS["founding_verbs"])


def _base(ctx: Context, tok: Token) -> Iterator[Candidate]:
    """Covers "X hosts Y's base", "Y has a base in X", "the Kant base, which Russia has operated"."""
    guests = ctx.owners(tok, allow_weak=True) + ctx.prep_objects(tok, _OF_PREP)
    hosts = _places(ctx, tok)
    guest_side = host_side = False
    head = tok.head
    if tok.dep_ == "dobj" and is_verb(head):
        if head.lemma_.lower() in _BASE_HOST_VERBS:
            hosts, host_side = hosts or ctx.subjects(head), True
        elif head.lemma_.lower() in _BASE_RUN_VERBS - _LEASE_VERB:
            if not guests:
                guests, guest_side = ctx.subjects(head), True
            hosts = hosts or _places(ctx, head)
    elif not hosts:
        hosts = home_of(ctx, tok) or mistagged_host(ctx, head)  # "X is home to Y's base"
        host_side = bool(hosts)
    for child in tok.children:
        if child.dep_ == "relcl" and child.lemma_.lower() in _BASE_RUN_VERBS - _ESTABLISH_VERB:
            guests = guests or ctx.subjects(child)  # "the Kant base, which Russia has operated"
    for pobj in ctx.prep_tokens(tok, _IN_PREP):
        for child in pobj.children:
            if child.dep_ == "relcl" and child.lemma_.lower() in _BASE_RUN_VERBS - _FOUNDING_VERBS:
                guests = guests or ctx.subjects(child)
    # A verb that hosts or runs the base carries the trigger, so "denied hosting U.S. bases" is negated.
    trigger = head if tok.dep_ == "dobj" and (host_side or guest_side) else tok
    for c in pairs("HOSTS_BASE_OF", hosts, guests, trigger, 0.7):
        c.subject_side = "source" if host_side else "target" if guest_side else None
        yield c
