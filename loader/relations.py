"""Relations of one parsed article: rules, then hedges, negation, ellipsis and attribution.

`find_relations(doc, resolution)` runs the trigger rules of `loader.patterns.rules` on every
sentence and turns their candidates into `Relation` claims:

* hypothetical statements ("could attack", "for X to threaten") are dropped;
* negations and denials become `negated=True` claims;
* accusations and cited reports ("X accuses Y of arming Z", "according to a UN report") become
  `claimed` claims, unless the article denies them (a denial of the same relation, or the accused
  rejecting "the accusation");
* hedges set `modality` (offered, planned, ordered, delivered, alleged, former);
* "Z is scheduled to do the same" repeats the sentence's relations for Z, as planned;
* a news outlet named in the sentence ("according to AP", "X told Interfax") is recorded
  in `attributed_to`; outlets are never endpoints.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from loader.models import Relation
from loader.patterns import lexicon as lx
from loader.patterns import syntax
from loader.patterns.rules import ENDPOINT_KINDS, Candidate, sentence_candidates
from loader.patterns.syntax import Arg, Context
from loader.resolve import Resolution, Resolved
from loader.rules import lemmas, load_rules

_WORDS = load_rules("relations")

# Relations that describe a standing state rather than an event: a state noun inside another
# verb's argument ("supply weapons to its allies") does not take that verb's hedges.
STATE_TYPES = frozenset({"MEMBER_OF", "PART_OF", "LEADS", "ALLIED_WITH", "HOSTS_BASE_OF"})
_ELLIPSIS_WORDS = frozenset(_WORDS["ellipsis_words"])


def find_relations(doc: Doc, resolution: Resolution) -> list[Relation]:
    """All relation claims stated in `doc`, one per (source, type, target, sentence)."""
    ctx = Context(doc, resolution.resolved, resolution.parents)
    media = [r for r in resolution.resolved if r.kind == "Media"]
    best: dict[tuple[str, str, str, bool, int], Relation] = {}
    inferred: set[tuple[str, str, str, bool, int]] = set()
    for sent in doc.sents:
        candidates = sentence_candidates(ctx, sent)
        # "do the same" refers back within its own sentence; across sentences it is too vague.
        candidates += _ellipsis(ctx, sent, candidates)
        source_name = next((m.name for m in media if sent.start <= m.mention.start < sent.end), None)
        for cand in candidates:
            relation = _finalise(ctx, cand, sent, source_name)
            if relation is None:
                continue
            key = (relation.source, relation.type, relation.target, relation.negated, sent.start)
            held = best.get(key)
            if held is None or relation.confidence > held.confidence:
                best[key] = relation
                if cand.inferred:
                    inferred.add(key)
                else:
                    inferred.discard(key)
    # A title whose state was guessed from its sentence gives way to one stated outright.
    stated = {(k[0], k[1]) for k in best if k not in inferred}
    # One sentence read both ways ("Japan did not sign a defence pact with X": the pact noun alone looks
    # asserted, its verb is negated): the negation, read from the governing verb, wins.
    denied = {(k[0], k[1], k[2], k[4]) for k in best if k[3]}
    kept = [
        r
        for k, r in best.items()
        if (k not in inferred or (k[0], k[1]) not in stated) and (k[3] or (k[0], k[1], k[2], k[4]) not in denied)
    ]
    return _drop_denied_claims(doc, kept, resolution)


def _drop_denied_claims(doc: Doc, relations: list[Relation], resolution: Resolution) -> list[Relation]:
    """An accusation the article reports as denied is not kept as a claim: "Kigali denies arming
    the M23" (a negated claim of the same relation) or "Rwanda rejected the accusations"."""
    denied = {(r.source, r.type, r.target) for r in relations if r.negated}
    deniers = syntax.accusation_deniers(doc, resolution.resolved)
    return [
        r
        for r in relations
        if r.modality != "claimed" or ((r.source, r.type, r.target) not in denied and r.source not in deniers)
    ]


def _named_attack(trigger: Token) -> bool:
    """An attack noun inside a prepositional phrase, named by its owner ("Russia's invasion", "Russian strikes")."""
    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj":
        return False
    return any(
        c.dep_ == "poss" or (c.dep_ in {"amod", "compound"} and c.text[:1].isupper()) for c in trigger.children
    )


_MAKER_PARTICIPLES = lemmas("arms", "maker_participles")


def _finalise(ctx: Context, cand: Candidate, sent: Span, attributed_to: str | None) -> Relation | None:
    rtype = cand.type
    trigger = cand.trigger
    if rtype in STATE_TYPES and trigger.pos_ in {"NOUN", "PROPN"}:
        chain = syntax.state_chain(trigger)
    elif trigger.tag_ == "VBN" and (
        trigger.dep_ == "amod" or (trigger.dep_ == "acl" and trigger.lemma_.lower() in _MAKER_PARTICIPLES)
    ):
        # "Hamas-run Gaza", "US-supplied HIMARS", "jets, made by Lockheed Martin, were not used": the
        # noun phrase takes the relation for granted, so the clause's negation or mood ("women in
        # Taliban-run Kabul cannot …") is not its own.
        chain = [trigger]
    elif rtype == "ATTACKED" and _named_attack(trigger):
        # "shells for Georgia's defence against Russia's incursion": a named attack is taken for granted,
        # whatever the mood of the clause it is mentioned in ("Hamas' Oct. 7 attack on Israel").
        chain = syntax.clause_chain(trigger, through_preps=False)
    else:
        chain = syntax.clause_chain(trigger, through_preps=rtype not in STATE_TYPES)
    # A warning is itself the threat, whatever its modal: "warned Y would become a target".
    warned = rtype in {"ATTACKED", "THREATENS"} and _under_warning(trigger)
    if warned:
        rtype = "THREATENS"  # "X threatened to strike Y", "X warned it could hit Y": threats
    elif syntax.is_hypothetical(chain) or (syntax.is_accusation(chain) and not syntax.accusation_content(chain)):
        return None
    reported = syntax.is_accusation(chain) or syntax.is_reported_claim(trigger)
    claimed = rtype not in STATE_TYPES and not warned and reported
    if claimed and _accuser_charged(ctx, chain, cand):
        return None  # an accuser does not charge itself: a misread pronoun or clause
    source_kinds, target_kinds = ENDPOINT_KINDS[rtype]
    if cand.source.actor.kind not in source_kinds or cand.target.actor.kind not in target_kinds:
        return None
    if cand.source.id == cand.target.id:
        return None
    own_side = _own_body(cand.source.actor, cand.target.id) or _own_body(cand.target.actor, cand.source.id)
    if rtype not in {"PART_OF", "LEADS", "CONTROLS"} and own_side:  # an army may hold its own state's land
        return None  # a body and its own state are one side: "the Israeli military struck Israel" is a misreading
    negated = syntax.is_negated(chain) or cand.ended or (rtype == "MEMBER_OF" and syntax.has_neither(trigger))
    modality = "former" if cand.ended else syntax.modality(chain)
    if cand.modality and modality == "asserted":
        modality = cand.modality
    if rtype == "THREATENS" and modality == "planned":
        modality = "asserted"
    if claimed and not negated:
        modality = "claimed"
    endpoint_conf = min(cand.source.actor.confidence, cand.target.actor.confidence)
    confidence = cand.confidence * (0.6 + 0.4 * endpoint_conf)
    if modality in {"alleged", "claimed"}:
        confidence *= 0.8  # "reportedly", "allegedly": the article does not vouch for it
    confidence = round(min(1.0, confidence), 2)
    return Relation(
        source=cand.source.id,
        type=rtype,  # type: ignore[arg-type]
        target=cand.target.id,
        confidence=confidence,
        modality=modality,  # type: ignore[arg-type]
        negated=negated,
        evidence=" ".join(sent.text.split()),
        items=cand.items if rtype == "SUPPLIES_ARMS_TO" else [],
        role=cand.role if rtype == "LEADS" else None,
        attributed_to=attributed_to,
    )


def _accuser_charged(ctx: Context, chain: list[Token], cand: Candidate) -> bool:
    accusers = {a.id for tok in chain[1:] if tok.lemma_.lower() in lx.ACCUSATION_HEADS for a in ctx.subjects(tok)}
    return cand.source.id in accusers


def _under_warning(trigger: Token) -> bool:
    cur = trigger
    for _ in range(4):
        if cur.dep_ not in {"xcomp", "ccomp", "conj"} or cur.head is cur:
            return False
        cur = cur.head
        if cur.lemma_.lower() in lx.WARN_HEADS:
            return True
    return False


def _ellipsis_verb(sent: Span) -> Token | None:
    """The verb of "do the same" / "follow suit" / "do likewise", if the sentence has one."""
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma not in {"do", "follow"} or tok.pos_ not in {"VERB", "AUX"}:
            continue
        after = tok.doc[tok.i + 1 : min(tok.i + 4, sent.end)]
        if any(t.lower_ in _ELLIPSIS_WORDS for t in after):
            if lemma == "follow" and not any(t.lower_ == "suit" for t in after):
                continue
            return tok
    return None


def _ellipsis(ctx: Context, sent: Span, templates: list[Candidate]) -> list[Candidate]:
    """ "…, and Z is scheduled to do the same": the earlier relations again, with Z as subject."""
    verb = _ellipsis_verb(sent)
    if verb is None:
        return []
    subjects = ctx.subjects(verb)
    out: list[Candidate] = []
    seen: set[tuple[str, str, str]] = set()
    for template in templates:
        if template.subject_side is None or template.trigger.i > verb.i:
            continue
        for subject in subjects:
            new = _with_subject(template, subject, verb)
            key = (new.type, new.source.id, new.target.id)
            if key not in seen and new.source.id != new.target.id:
                seen.add(key)
                out.append(new)
    return out


def _with_subject(template: Candidate, subject: Arg, verb: Token) -> Candidate:
    if template.subject_side == "source":
        return replace(template, source=subject, trigger=verb, modality=None)
    return replace(template, target=subject, trigger=verb, modality=None)


def _own_body(actor: Resolved, other_id: str) -> bool:
    """An organisation of the other end's own state: "the Israeli military" and Israel are one side."""
    return actor.kind == "Organization" and actor.parent == other_id
