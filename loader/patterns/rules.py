"""The rule registry: which rules run on which tokens of a sentence.

Each rule is a small function over one trigger token (see the family modules: arms,
conflict, membership, cooperation, people). It returns `Candidate`s; hedges,
negation, attribution, ellipsis ("do the same") and de-duplication are applied afterwards
by `loader.relations`, so the rules only say who did what to whom.
"""

from __future__ import annotations

from spacy.tokens import Span

from loader.constructions import construction_candidates
from loader.patterns import lexicon as lx
from loader.patterns.arms import AID_AMOUNT_HEADS, BUYER_NOUNS, supplies
from loader.patterns.candidates import ENDPOINT_KINDS, Candidate, Rule
from loader.patterns.conflict import HELD_BY, attacked, controls, threatens
from loader.patterns.cooperation import (
    JOINT_ONLY_NOUNS,
    PARTNER_NOUNS,
    affiliation,
    allied,
    exercises,
    hosts_base,
    military_support,
)
from loader.patterns.membership import member_of
from loader.patterns.people import body_part_of, gapped_led_by, org_part_of, people_roles
from loader.patterns.sanctions import TRIGGERS as SANCTION_TRIGGERS
from loader.patterns.syntax import Context
from loader.patterns.vocabulary import trigger_lemmas

__all__ = ["ENDPOINT_KINDS", "Candidate", "sentence_candidates"]


# Rules started by a trigger word, and rules started by an actor mention (titles, descriptions).
TRIGGER_RULES: tuple[Rule, ...] = (
    supplies,
    attacked,
    threatens,
    controls,
    exercises,
    member_of,
    allied,
    military_support,
    hosts_base,
    gapped_led_by,
)
ACTOR_RULES: tuple[Rule, ...] = (
    people_roles,
    org_part_of,
    body_part_of,
    affiliation,
)

# Lemmas that can start a rule, so most tokens are skipped at once.
TRIGGER_LEMMAS = frozenset(
    lx.SUPPLY_VERBS
    | lx.ACQUIRE_VERBS
    | lx.SUPPLY_NOUNS
    | lx.ACQUIRE_NOUNS
    | lx.DEAL_NOUNS
    | lx.MADE_PARTICIPLES
    | lx.USE_VERBS
    | AID_AMOUNT_HEADS
    | BUYER_NOUNS
    | lx.ATTACK_VERBS
    | {"supplier", "exporter", "provider", "seller", "source", "fire", "launch", "lob"}
    | lx.ATTACK_NOUNS
    | lx.THREAT_VERBS
    | lx.THREAT_NOUNS
    | SANCTION_TRIGGERS
    | lx.FREEZE_VERBS
    | lx.CONTROL_VERBS
    | lx.CONTROL_NOUNS
    | {"fall", "take", "grab", "assume", "gain", "regain", "wrest", "win"}
    | HELD_BY
    | lx.EXERCISE_NOUNS
    | lx.EXERCISE_VERBS
    | lx.MEMBER_NOUNS
    | {"ally", "align", "alliance", "allegiance", "relation", "relations", "tie", "declaration"}
    | PARTNER_NOUNS
    | JOINT_ONLY_NOUNS
    | lx.PACT_NOUNS
    | {"deploy", "send", "dispatch", "defend", "protect", "guard", "fight", "back", "train", "mission", "operation"}
    | {"backer", "sponsor", "patron", "stronghold", "bastion", "heartland", "fiefdom"}
    | lx.SUPPORT_NOUNS
    | lx.BASE_NOUNS
    | lx.STATIONED_NOUNS
    | {"station", "host", "house", "centre", "center", "hub", "basis"}  # spaCy's lemma of "bases"
    | {"retaliate", "avenge"}
    | lx.LEAD_VERBS
)


def sentence_candidates(ctx: Context, sent: Span) -> list[Candidate]:
    """Every candidate relation in one sentence."""
    out: list[Candidate] = list(construction_candidates(ctx, sent))
    data_triggers = trigger_lemmas()
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma in TRIGGER_LEMMAS or lemma in data_triggers:
            for rule in TRIGGER_RULES:
                out.extend(rule(ctx, tok))
        if tok.i in ctx.by_token:
            for rule in ACTOR_RULES:
                out.extend(rule(ctx, tok))
    return out
