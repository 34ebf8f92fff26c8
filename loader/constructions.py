"""Constructions as data: spaCy DependencyMatcher patterns and frames read from YAML.

Each file of `loader/rules/constructions/` names one relation type (its frame) and lists the
constructions that state it. A construction is a trigger token, optionally the words it must
govern (an object noun, a particle, a preposition), and the grammatical roles that fill the
source and the target:

    - id: impose-sanctions-on
      trigger: {lemma: [impose, slap], pos: [VERB]}
      anchors:
        noun: {dep: [dobj, nsubjpass], lemma: [sanction, restriction]}
      source: [subject]
      target: ["prep:on,against@noun", "prep:on,against"]
      modality: asserted          # optional: the trigger itself fixes it ("delivered")
      voice: active               # optional: only an active (or only a passive) trigger verb
      qualified: {lemma: [measure], by: [restrictive]}  # optional: these trigger lemmas count only
                                  # with one of the qualifying modifiers ("restrictive measures")
      cue: {words: [sanction], window: 5}   # optional: the passage must be about this (`passage_fits`)
      unless: {child: {dep: [agent]}}       # optional: skip a trigger with such a word (`passage_fits`)

A token attribute may also exclude values: `dep: {not: [acl, relcl]}`.
Role kinds besides those of `_role`: "doer@noun" is who performs an event noun ("Russia's
sanctions", "sanctions by X", "X imposed sanctions" — loader.patterns.candidates.noun_sources);
"object:attr,dobj@verb" objects of the listed relations; "named@x" the actors x itself names,
"appos@x" those in apposition to x, "appos-head@x" the named actor x is in apposition to;
"modifier@noun" named actors in the name modifiers before the trigger ("the US-sanctioned group");
"earlier" who did the nearest act of the frame before, in the passage (frame option `earlier`,
see `earlier_doers`); "listed@noun" the names after the colon of "the following firms: A, B and
C", "counted@noun" those after a counted plural, "three entities, A; B; and C", "including@noun"
those after a following "including", "listed-in" those of "the firms listed in the annex,
including A and B" (loader.patterns.series, read from the text, which long lists break).

Frame options (for every construction of a file):

    target_spared_by: [company, firm]  # "sanctions on 12 U.S. companies" hit the firms, not the
                                       # United States: a target that only modifies such a noun is dropped
    strict_roles: [prep, subject]      # these role kinds take the actors named in the slot only: no demonym,
                                       # name modifier or state in apposition ("the carrier Iran Air" is not
                                       # Iran); also per construction
    source_acts_for: [ministry, office] # a state body whose name holds one of these words acts for its
                                       # state, and a union's institution for the union: the act is
                                       # stated for both ("OFAC designated X": OFAC and the United States)

Further options (MEMBER_OF uses them), each usable by any relation type:

    absent: [{dep: [nsubjpass]}, {of: done, dep: [neg]}]   # skip when that token governs such a word
    not_actor: [trigger]        # skip when these tokens name an actor ("AUKUS, a pact…" but not "the pact X")
    actors: {bloc: [Alliance]}  # these tokens must be the head word of a mention of those kinds
    allow_weak: false           # a bare demonym ("the Swedish") fills no role; "Swedish troops" still may
    ended: true                 # the relation held once and no longer does ("withdrew from Y")
    role: founder               # the role a LEADS relation records
    min_sources: 2              # skip unless the source role names at least that many actors
    subject_side: source|none   # which end an ellipsis ("Z did the same") replaces; default: source
                                # when the source came from the subject role

Roles joined by " + " ("self@noun + colon@noun", spaces around) give the actors of them all.
Role kinds besides those above: "prep-head:of" (the object of the phrase itself, without its
conjuncts), "possessor@noun" (the possessive of a noun; "their withdrawal" as an object stands for
the whole subject list of its verb), "colon@noun" (the list after "NP:" or "NP —"),
"counted-earlier@noun" (a counted plural, "the four nations", read as the last list of that many
states), "counted-subject" (the same for the subject), "earlier-conjuncts" (the items coordinated
before the trigger: "Qatar and the other GCC states"), "mention@x" (the actor the token itself
names), "preceding@x" (the actor whose mention ends right before the token), "hyphenated@x" (states
joined by hyphens before a name's head), "row:member,state@x" (states listed in a row after the
token, past one more word of those lemmas), "lone:Alliance/member" (the one actor of that kind
named in the sentence, else in the sentence before, counting only sentences with one of the lemmas
after "/").

A role list is tried in order and the first entry naming an actor fills the role. An entry may join
roles with "|" (the actors of each: "self@troops|prep:from@troops") and keep only some actor kinds
with "#" ("prep:in,on,at#Country": a place that is no state lets the next entry be tried). Optional
keys of a construction: `requires: [entry, …]` (each must name an actor, else no candidate) and
`subject_side: target` (a "subject@anchor" target is the clause subject, for ellipsis). A symmetric
relation is stated once per pair, so a role may fill both ends ("A and B trained together").

Roles are resolved by the shared argument code of `loader.patterns.syntax.Context`
(coordination, appositions, "X-backed", possessives, state bodies), so a construction only
says where the arguments sit. Hedges, negation, denials and evidence are applied afterwards
with every other candidate. A new phrasing is a data entry, not a function.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from loader.models import SYMMETRIC_TYPES
from loader.patterns.candidates import Candidate, noun_sources, pairs
from loader.patterns.items import arms_items
from loader.patterns.series import counted_series, following_list, including, listed_in, series_after
from loader.patterns.syntax import (
    Arg,
    Context,
    colon_list,
    conjuncts,
    counted_antecedents,
    hyphenated_states,
    possessors,
    row_after,
    unique_args,
)
from loader.rules import load_rules

if TYPE_CHECKING:
    from spacy.matcher import DependencyMatcher
    from spacy.tokens import Span, Token
    from spacy.vocab import Vocab

_DIR = "constructions"
_PLACE_KINDS = frozenset({"Country", "Region"})
_ATTRS = {"lemma": "LEMMA", "pos": "POS", "dep": "DEP", "tag": "TAG", "lower": "LOWER", "ent_type": "ENT_TYPE"}


@cache
def construction_files() -> tuple[dict[str, Any], ...]:
    """Every construction file, parsed: {"type": …, "confidence": …, "constructions": […]}."""
    folder = resources.files("loader.rules").joinpath(_DIR)
    out = []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".yaml"):
            data = yaml.safe_load(entry.read_text(encoding="utf-8"))
            data["file"] = entry.name
            out.append(data)
    return tuple(out)


def _values(value: Any) -> list[str]:
    """A list of values; "@file:key" names a word list of another rules file ("@lexicon:arms_nouns")."""
    out: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str) and item.startswith("@"):
            name, _, key = item[1:].partition(":")
            out += [str(v) for v in load_rules(name)[key]]
        else:
            out.append(str(item))
    return out


def _attrs(spec: dict[str, Any]) -> dict[str, Any]:
    """{"lemma": [a, b], "pos": [VERB]} → spaCy token attributes with IN lists."""
    attrs: dict[str, Any] = {}
    for key, value in spec.items():
        if key not in _ATTRS:
            raise ValueError(f"unknown token attribute {key!r} (use {', '.join(_ATTRS)})")
        if isinstance(value, dict) and set(value) == {"not"}:
            attrs[_ATTRS[key]] = {"NOT_IN": _values(value["not"])}
            continue
        attrs[_ATTRS[key]] = {"IN": _values(value)}
    return attrs


def _alternatives(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """A token's attributes, or its alternatives: `any: [{lemma: [refugee]}, {tag: [NNPS]}]` matches
    either (one DependencyMatcher pattern each)."""
    shared = {k: v for k, v in spec.items() if k != "any"}
    return [{**shared, **alt} for alt in spec["any"]] if "any" in spec else [shared]


def compile_patterns(construction: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """A construction's DependencyMatcher patterns: the trigger and the words it governs (one
    pattern per combination of token alternatives)."""
    patterns: list[list[dict[str, Any]]] = [
        [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": _attrs(alt)}] for alt in _alternatives(construction["trigger"])
    ]
    for name, spec in (construction.get("anchors") or {}).items():
        spec = dict(spec)
        parent = spec.pop("of", "trigger")
        op = spec.pop("op", ">")
        patterns = [
            [*pattern, {"LEFT_ID": parent, "REL_OP": op, "RIGHT_ID": name, "RIGHT_ATTRS": _attrs(alt)}]
            for pattern in patterns
            for alt in _alternatives(spec)
        ]
    return patterns


@cache
def _matcher(vocab: Vocab) -> tuple[DependencyMatcher, dict[str, tuple[dict[str, Any], dict[str, Any]]]]:
    from spacy.matcher import DependencyMatcher

    matcher = DependencyMatcher(vocab)
    index: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
    for frame in construction_files():
        for construction in frame["constructions"]:
            key = f"{frame['type']}:{construction['id']}"
            if key in index:
                raise ValueError(f"{frame['file']}: construction id {construction['id']!r} is used twice")
            matcher.add(key, compile_patterns(construction))
            index[key] = (frame, construction)
    return matcher, index


def _role(
    ctx: Context, tokens: dict[str, Token], role: str, capitals_as_places: bool = False,
    strict_roles: frozenset[str] = frozenset(), frame: dict[str, Any] | None = None, allow_weak: bool = True,
) -> list[Arg]:
    """The actors filling one role: "subject", "object@noun", "prep:to,into@noun", "prep:at/in" (a place
    inside the object of "at"), "prep:from+to" (a "to" phrase hung on the "from" phrase), "place:in" (the
    state or region an "in" phrase names, or the state owning it: "in Sudan's Gedaref state"), "owner@noun",
    "self@noun" (the anchored noun itself), "described@noun" (the name a description is in apposition
    to), "modified" (the noun a participle modifies, alone)…"""
    name, _, where = role.partition("@")
    head = tokens.get(where or "trigger")
    if head is None:
        return []
    kind, _, preps = name.partition(":")
    weak = kind not in strict_roles  # option `strict_roles`: no demonym or name modifier ("Iran" in "Iran Air")
    weak = weak and allow_weak  # option `allow_weak: false`: no bare demonym in any role
    if kind == "subject":
        return ctx.subjects(head, allow_weak=weak)
    if kind == "agent":
        return ctx.agents(head)
    if kind == "patient":
        return ctx.patients(head)
    if kind == "object":
        return ctx.objects(head, frozenset(preps.split(",") if preps else {"dobj", "dative"}))
    if kind == "prep" and "+" in preps:
        # "fled from A to B" where the parser hangs "to B" on the "from" phrase (the preposition or its object)
        first, _, second = preps.partition("+")
        nested = [p for p in head.children if p.dep_ == "prep" and p.lower_ in first.split(",")]
        nested += [o for p in nested for o in p.children if o.dep_ == "pobj"]
        return [a for tok in nested for a in ctx.prep_objects(tok, second.split(","))]
    if kind == "prep":
        outer_preps, _, inner = preps.partition("/")
        wanted = outer_preps.split(",")
        objects = ctx.prep_tokens(head, wanted)
        if inner:  # "at the air base in Qatar": the place inside the first phrase's object
            return [a for tok in objects for a in ctx.prep_objects(tok, inner.split(","))]
        found = [a for tok in objects for a in ctx.np_actors(tok, allow_weak=weak)]
        # "in Naqoura, Lebanon": the state written in apposition to a town names where it is.
        found += [a for tok in objects for c in tok.children if c.dep_ == "appos" and weak
                  for a in ctx.np_actors(c) if a.actor.kind == "Country"]
        if capitals_as_places and "in" in wanted:
            # "strikes in Beirut": a capital after "in" is the place, not its government.
            found = [a for a in found if a.actor.mention.form != "metonym"]
        return found
    if kind == "place":
        # "in Sudan's Darfur region", "in Sudan's Gedaref state": a state or region named in the phrase,
        # else a region modifying it, else the state that owns it.
        named: list[Arg] = []
        for tok in ctx.prep_tokens(head, preps.split(",")):
            places = [a for a in ctx.np_actors(tok, allow_weak=True) if a.actor.kind in _PLACE_KINDS]
            regions = [Arg(r) for c in tok.children if c.dep_ == "compound"
                       and (r := ctx.actor(c)) is not None and r.kind == "Region"]
            named += places or regions or ctx.owners(tok)
        return named
    if kind == "owner":
        # A possessive pronoun ("its war") is left out: whose it is needs more than the last subject.
        return [a for a in ctx.owners(head, allow_weak=weak) if a.actor.mention.label != "PRON"]
    if kind == "self":
        return ctx.np_actors(head, allow_weak=weak)
    if kind == "modified":
        # "the army, led by X, and the RSF": the noun a participle modifies, without the nouns coordinated with it
        arg = ctx.denote(head.head) if head.dep_ in {"acl", "amod", "relcl"} else None
        return [arg] if arg is not None else []
    if kind == "described":  # "KFOR, the NATO-led mission": the name a description stands beside
        appositive = ctx.denote(head.head) if head.dep_ == "appos" else None
        return [appositive] if appositive is not None else ctx.described(head)
    if kind == "doer":
        return noun_sources(ctx, head, allow_weak=weak)[0]
    if kind in _SERIES_ROLES:
        return _SERIES_ROLES[kind](ctx, head)
    if kind in _NAMING_ROLES:
        return _NAMING_ROLES[kind](ctx, head)
    if kind == "modifier":
        return _modifiers(ctx, tokens["trigger"], head)
    if kind == "earlier":
        return earlier_doers(ctx, tokens["trigger"], (frame or {}).get("earlier"))
    more = _list_role(ctx, kind, head, preps)
    if more is not None:
        return more
    raise ValueError(f"unknown role {role!r}")


def _examples_after(ctx: Context, noun: Token) -> list[Arg]:
    return series_after(ctx, including(noun))


# Written series of names read from the text after a noun (loader.patterns.series): "listed@noun" is
# "the following firms: A, B and C", "counted@noun" is "three entities, A; B; and C", "including@noun"
# the names after the "including" that follows the noun, "listed-in@participle" is "the firms listed in
# the annex, including A and B".
_SERIES_ROLES: dict[str, Callable[[Context, Token], list[Arg]]] = {
    "listed": following_list, "counted": counted_series, "including": _examples_after, "listed-in": listed_in,
}


def _role_entry(
    ctx: Context, tokens: dict[str, Token], entry: str, capitals_as_places: bool = False,
    strict_roles: frozenset[str] = frozenset(), frame: dict[str, Any] | None = None, allow_weak: bool = True,
) -> list[Arg]:
    """One entry of a role list: a role, roles joined by "|" (the actors of each, in order:
    "self@troops|prep:from@troops"), and "#Kind,Kind" to keep only actors of those kinds, so that
    the next entry is tried when none is left ("prep:in#Country")."""
    spec, _, kinds = entry.partition("#")
    found = unique_args([a for role in spec.split("|")
                         for a in _role(ctx, tokens, role, capitals_as_places, strict_roles, frame, allow_weak)])
    return [a for a in found if a.actor.kind in kinds.split(",")] if kinds else found


def _fill(
    ctx: Context, tokens: dict[str, Token], roles: list[str], kinds: list[str] | None, *,
    named_only: bool = False, capitals_as_places: bool = False,
    strict_roles: frozenset[str] = frozenset(), frame: dict[str, Any] | None = None, allow_weak: bool = True,
) -> tuple[list[Arg], str | None]:
    """The first role in the list that names an actor of the wanted kinds, and which role it was."""
    for role in roles:
        # "self@noun + colon@noun": the actors of every role joined by " + " (spaces around it)
        parts = [_role_entry(ctx, tokens, part.strip(), capitals_as_places, strict_roles, frame, allow_weak)
                 for part in role.split(" + ")]
        found = [
            a for a in unique_args([a for part in parts for a in part])
            if a.actor.kind != "Media" and (kinds is None or a.actor.kind in kinds)
            and not (named_only and a.actor.via == "coref")
        ]
        if found:
            return found, role.partition("#")[0]
    return [], None


def _required(ctx: Context, tokens: dict[str, Token], construction: dict[str, Any]) -> bool:
    """`requires: [role, …]`: each entry must name an actor ("self@old#ArmedGroup": what was
    replaced is a force), else the construction does not apply."""
    return all(_role_entry(ctx, tokens, entry) for entry in construction.get("requires") or [])


def _matches_by_sentence(ctx: Context) -> dict[int, list[tuple[int, list[int]]]]:
    """The article's construction matches, run once per article and grouped by sentence start."""
    if "constructions" not in ctx.memo:
        matcher, _index = _matcher(ctx.doc.vocab)
        grouped: dict[int, list[tuple[int, list[int]]]] = {}
        for match_id, token_ids in matcher(ctx.doc):
            grouped.setdefault(ctx.doc[token_ids[0]].sent.start, []).append((match_id, token_ids))
        ctx.memo["constructions"] = grouped
    return ctx.memo["constructions"]  # type: ignore[return-value]


def construction_candidates(ctx: Context, sent: Span) -> Iterator[Candidate]:
    """Candidates of every data construction that matches in `sent`."""
    index = _matcher(ctx.doc.vocab)[1]
    for match_id, token_ids in _matches_by_sentence(ctx).get(sent.start, []):
        frame, construction = index[ctx.doc.vocab.strings[match_id]]
        names = ["trigger", *(construction.get("anchors") or {})]
        tokens = {name: ctx.doc[i] for name, i in zip(names, token_ids, strict=True)}
        if not _voice_fits(tokens["trigger"], construction.get("voice")) or not _qualified(
            tokens["trigger"], construction.get("qualified")
        ):
            continue
        if not passage_fits(ctx, tokens["trigger"], construction) or _ruled_out(ctx, construction, tokens):
            continue
        if not _required(ctx, tokens, construction):
            continue
        places = bool(frame.get("capitals_as_places"))
        # Optional narrowing of the frame's actor kinds for one construction; "named_only": a description
        # ("the Russian-led alliance") is too loose a target for it.
        named_only = bool(construction.get("named_only"))
        strict = frozenset(construction.get("strict_roles", frame.get("strict_roles", [])))
        weak = construction.get("allow_weak", True) is not False
        sources, source_role = _fill(ctx, tokens, construction["source"], construction.get("source_kinds"),
                                     strict_roles=strict, frame=frame, allow_weak=weak)
        targets, target_role = _fill(ctx, tokens, construction["target"], construction.get("target_kinds"),
                                     named_only=named_only, capitals_as_places=places, strict_roles=strict,
                                     frame=frame, allow_weak=weak)
        targets = [a for a in targets if not spared_target(ctx, frame, a)]
        if not sources or not targets or len(sources) < int(construction.get("min_sources", 1)):
            continue
        confidence = float(construction.get("confidence", frame.get("confidence", 0.75)))
        side = "source" if source_role == "subject" or _doer_is_subject(ctx, tokens, source_role) else None
        if construction.get("subject_side") == "target":
            side = side or _target_side(construction, target_role)
        else:
            side = _subject_side(construction, side)
        items = arms_items(ctx, [tokens[construction["items"]]]) if construction.get("items") in tokens else []
        extra = {"role": construction["role"]} if "role" in construction else {}
        found = pairs(frame["type"], sources, targets, tokens["trigger"], confidence,
                      subject_side=side, modality=construction.get("modality"), items=items,
                      ended=bool(construction.get("ended")), **extra)
        for cand in _once_if_symmetric(frame["type"], found):
            yield from acting_for(ctx, frame, cand)


def _target_side(construction: dict[str, Any], target_role: str | None) -> str | None:
    """`subject_side: target`: a subject role filling the target ("subject@keeper") is the clause
    subject, which an ellipsis ("… and Z did the same") may replace."""
    if construction.get("subject_side") != "target" or target_role is None:
        return None
    return "target" if target_role.partition("@")[0] == "subject" else None


def _voice_fits(verb: Token, voice: str | None) -> bool:
    """ "voice: passive" wants a passive verb ("X was sanctioned", "firms sanctioned by Y"), "active" any other."""
    if voice is None:
        return True
    passive = any(c.dep_ == "nsubjpass" for c in verb.children) or (verb.dep_ == "acl" and verb.tag_ == "VBN")
    return passive == (voice == "passive")


def _qualified(noun: Token, spec: dict[str, Any] | None) -> bool:
    """ "qualified: {lemma: [measure], by: [restrictive]}": a trigger with one of these lemmas counts only
    with one of the qualifying modifiers ("restrictive measures" are sanctions, "measures" alone are not)."""
    if spec is None or noun.lemma_.lower() not in _values(spec["lemma"]):
        return True
    qualifiers = _values(spec["by"])
    return any(c.dep_ == "amod" and c.lemma_.lower() in qualifiers for c in noun.children)


def _doer_is_subject(ctx: Context, tokens: dict[str, Token], role: str | None) -> bool:
    """Whether a "doer" source is the clause subject ("X imposed sanctions"), which "do the same" may repeat."""
    if role is None or not role.startswith("doer"):
        return False
    head = tokens.get(role.partition("@")[2] or "trigger")
    return head is not None and noun_sources(ctx, head, allow_weak=True)[1]


def spared_target(ctx: Context, frame: dict[str, Any], arg: Arg) -> bool:
    """Frame option `target_spared_by`: a target named only as the modifier of one of these nouns is not
    the target ("sanctions on 20 U.S. defence companies" hit the companies, not the United States); a
    possessor owns what it modifies, so "Venezuela's state oil company" still stands for Venezuela."""
    nouns = frozenset(_values(frame.get("target_spared_by") or []))
    if not nouns:
        return False
    token = ctx.doc[arg.actor.mention.start : arg.actor.mention.end].root
    modifier_deps = {"compound", "amod", "nmod", "npadvmod"}
    while token.dep_ == "conj" and token.head.dep_ in modifier_deps:
        token = token.head  # "Chinese and Turkish firms": the first modifier holds the chain
    while token.dep_ in modifier_deps and token.head is not token:
        token = token.head
        if ctx.actor(token) is not None:
            return False
        if token.lemma_.lower() in nouns:
            return True
    return False


def acting_for(ctx: Context, frame: dict[str, Any], cand: Candidate) -> Iterator[Candidate]:
    """The candidate, and under frame option `source_acts_for` the same act by the source's state (a state
    body whose name holds one of the listed words: "the Treasury's Office of Foreign Assets Control") or
    union (an institution whose parent is an alliance: "the EU Council")."""
    yield cand
    words = frozenset(_values(frame.get("source_acts_for") or []))
    if not words:
        return
    source = cand.source.actor
    state = ctx.state_of_body(source) if words & {w.lower() for w in source.name.split()} else None
    if state is None and source.kind == "Organization":
        parent = ctx.implied_parent_of(source)
        state = parent if parent is not None and parent.kind == "Alliance" else None
    if state is not None:
        yield replace(cand, source=Arg(state, cand.source.directness))


def _named(ctx: Context, noun: Token) -> list[Arg]:
    """ "named@x": the actors x names itself (no proxy: "Russian officials" is not named@)."""
    return ctx.np_actors(noun) if ctx.actor(noun) is not None else []


def _appositions(ctx: Context, noun: Token) -> list[Arg]:
    """ "appos@x": the actors in apposition to x ("a sanctioned group, the M23")."""
    return [a for c in noun.children if c.dep_ == "appos" for a in ctx.np_actors(c)]


def _apposed_to(ctx: Context, noun: Token) -> list[Arg]:
    """ "appos-head@x": the named actor x is in apposition to ("the M23, a sanctioned group")."""
    return ctx.np_actors(noun.head) if noun.dep_ == "appos" and ctx.actor(noun.head) is not None else []


_NAMING_ROLES = {"named": _named, "appos": _appositions, "appos-head": _apposed_to}


def _modifiers(ctx: Context, trigger: Token, noun: Token) -> list[Arg]:
    """ "modifier@noun": named actors (no demonym) in the name modifiers of the trigger and of `noun` written
    before the trigger: "the US- and UN-sanctioned group", "a Kremlin-backed militia"."""
    out: list[Arg] = []
    for child in [*trigger.children, *(noun.children if noun is not trigger else [])]:
        if child.dep_ in {"compound", "nmod", "npadvmod"} and child.i < trigger.i:
            for item in conjuncts(child):
                r = ctx.actor(item)
                if r is not None and not r.weak and r.kind != "Media":
                    out.append(Arg(r, 0.9))
    return out


def _cue_word(tok: Token, cues: frozenset[str]) -> bool:
    word = tok.lower_  # any inflection the tagger leaves: "Sanctions Law", "Countermeasures List"
    return tok.lemma_.lower() in cues or word in cues or (word.endswith("s") and word[:-1] in cues)


def _passage(ctx: Context, tok: Token, window: int) -> list[Span]:
    """The sentence of `tok` and the `window` sentences before it."""
    sents = list(ctx.doc.sents) if ctx.doc.has_annotation("SENT_START") else [tok.sent]
    here = next((n for n, s in enumerate(sents) if s.start <= tok.i < s.end), 0)
    return sents[max(0, here - window) : here + 1]


def _token_fits(tok: Token, spec: dict[str, Any]) -> bool:
    """Whether a token has the attributes of a spec like an anchor's ({lemma: [...], dep: [...]})."""
    values = {"lemma": tok.lemma_.lower(), "pos": tok.pos_, "dep": tok.dep_, "tag": tok.tag_, "lower": tok.lower_}
    return all(values[key] in _values(want) for key, want in spec.items())


def passage_fits(ctx: Context, trigger: Token, construction: dict[str, Any]) -> bool:
    """Conditions beyond the trigger's own phrase:

        cue: {words: [sanction, embargo], window: 5}   # the passage is about this: a cue word (any
                                                       # inflection) in the sentence or the 5 before it;
                                                       # `except: {lemma: [...]}` triggers need none
        unless:                                        # skip when … (or a list of such specs)
          trigger: {lemma: [list]}                     #   (only for a trigger like this)
          child: {dep: [prep], lower: [as]}            #   the trigger governs such a word ("listed as")
          sentence: {lemma: [shelling, strike]}        #   another word of the sentence is such a word
    """
    cue = construction.get("cue")
    if cue is not None and not _token_fits(trigger, cue.get("except", {"lemma": []})):
        cues = frozenset(_values(cue["words"]))
        window = _passage(ctx, trigger, int(cue.get("window", 0)))
        if not any(_cue_word(t, cues) for sent in window for t in sent if t.i != trigger.i):
            return False
    unless = construction.get("unless") or []
    return not any(_unless(trigger, spec) for spec in (unless if isinstance(unless, list) else [unless]))


def _unless(trigger: Token, spec: dict[str, Any]) -> bool:
    if not _token_fits(trigger, spec.get("trigger", {})):
        return False
    if "child" in spec and any(_token_fits(c, spec["child"]) for c in trigger.children):
        return True
    sentence: dict[str, Any] = spec.get("sentence") or {}
    return bool(sentence) and any(_token_fits(t, sentence) for t in trigger.sent if t.i != trigger.i)


def earlier_doers(ctx: Context, trigger: Token, spec: dict[str, Any] | None) -> list[Arg]:
    """Role "earlier": who did the nearest act of the frame before the trigger, in its sentence or the few
    before it, for a passage that names the parties without restating the doer ("The EU widened its
    sanctions. Rosoboronexport was also designated."). The frame option says which words are such acts:

        earlier: {nouns: [sanction], verbs: [sanction, designate], qualified: {…}, kinds: [Country], window: 5}

    A noun's doer is read as "doer@" (of the noun a compound modifies: "the sanctions package"), a
    verb's as its subject; the actor found counts a little less than one named in the slot."""
    if not spec:
        return []
    nouns, verbs = frozenset(_values(spec.get("nouns", []))), frozenset(_values(spec.get("verbs", [])))
    kinds = frozenset(_values(spec.get("kinds", [])))
    for sent in reversed(_passage(ctx, trigger, int(spec.get("window", 0)))):
        for t in reversed([t for t in sent if t.i < trigger.i]):
            lemma = t.lemma_.lower()
            found: list[Arg] = []
            if t.pos_ in {"NOUN", "PROPN"} and lemma in nouns and _qualified(t, spec.get("qualified")):
                found = noun_sources(ctx, t.head if t.dep_ == "compound" else t)[0]
            elif (t.pos_ in {"VERB", "AUX"} or t.tag_ == "VBN") and lemma in verbs and t.dep_ != "amod":
                found = ctx.subjects(t)
            found = [a for a in found if not kinds or a.actor.kind in kinds]
            if found:
                return [Arg(a.actor, a.directness * 0.85) for a in found]
    return []


def _list_role(ctx: Context, kind: str, head: Token, preps: str) -> list[Arg] | None:
    """Role kinds of possessors and lists; None for a kind that is not one of them."""
    if kind == "prep-head":  # "part of AUKUS and the Quad has …": the phrase's own object, not its conjuncts
        return [a for tok in ctx.prep_tokens(head, preps.split(",")) for a in [ctx.denote(tok)] if a is not None]
    if kind == "possessor":  # "Mali's exit", "A and B announced their withdrawal"
        return possessors(ctx, head)
    if kind == "colon":  # "nine states: A, B and C"
        return colon_list(ctx, head)
    if kind == "lone":  # "… the tenth member of the SCO. The other nine are A, B …": the one bloc named nearby
        kinds, _, context = preps.partition("/")
        return _lone_actor(ctx, head, set(kinds.split(",")), set(context.split(",")) - {""})
    if kind == "mention":  # the actor the token itself names, without coordination or proxies
        r = ctx.actor(head)
        return [Arg(r)] if r is not None else []
    if kind == "preceding":  # "SCO member states …": the actor whose mention ends right before the token
        r = ctx.by_token.get(head.i - 1) if head.i > 0 else None
        return [Arg(r)] if r is not None and r.mention.end == head.i else []
    if kind == "hyphenated":  # "the Australia-United Kingdom-United States Security Partnership"
        return hyphenated_states(ctx, head)
    if kind == "row":  # "SCO member states China, India and Iran", read in word order
        return row_after(ctx, head, preps.split(","))
    if kind == "counted-earlier":  # "the three AUKUS partners": the last list of three states
        return counted_antecedents(ctx, head)
    if kind == "earlier-conjuncts":  # "Qatar and the other GCC states": the items coordinated before it
        first = head.head if head.dep_ == "conj" else head
        return [a for t in conjuncts(first) if t.i < head.i for a in [ctx.denote(t)] if a is not None]
    if kind == "counted-subject":  # "the four nations make up …": the last list of four states
        return [a for c in head.children if c.dep_ == "nsubj" for a in counted_antecedents(ctx, c)]
    return None


def _lone_actor(ctx: Context, token: Token, kinds: set[str], context: set[str]) -> list[Arg]:
    """The one actor of `kinds` named in the token's sentence, else in the sentence before; with `context`,
    only a sentence holding one of those lemmas counts ("member": a sentence about membership)."""
    sents = list(ctx.doc.sents)
    here = next((n for n, s in enumerate(sents) if s.start <= token.i < s.end), 0)
    for sent in sents[max(0, here - 1) : here + 1][::-1]:
        if context and not any(t.lemma_.lower() in context for t in sent):
            continue
        found: dict[str, Arg] = {}
        for t in sent:
            r = ctx.actor(t)
            if r is not None and r.kind in kinds:
                found.setdefault(r.actor_id, Arg(r, 0.8))
        if len(found) == 1:
            return list(found.values())
    return []


def _has_child(token: Token, spec: dict[str, Any]) -> bool:
    """Whether `token` governs a word with every attribute of `spec` ({"dep": [neg]})."""
    wanted = {key: set(_values(value)) for key, value in spec.items() if key != "of"}
    for key in wanted:
        if key not in _ATTRS:
            raise ValueError(f"unknown token attribute {key!r} in absent (use {', '.join(_ATTRS)})")
    return any(all(getattr(c, f"{key}_") in values for key, values in wanted.items()) for c in token.children)


def _ruled_out(ctx: Context, construction: dict[str, Any], tokens: dict[str, Token]) -> bool:
    """Negative anchors: a word the match must not govern, or a token that must not name an actor."""
    for spec in construction.get("absent") or []:
        token = tokens.get(spec.get("of", "trigger"))
        if token is not None and _has_child(token, spec):
            return True
    if any(ctx.actor(tokens[name]) is not None for name in construction.get("not_actor") or [] if name in tokens):
        return True
    return any(not _names_kind(ctx, tokens[name], kinds) for name, kinds in (construction.get("actors") or {}).items())


def _names_kind(ctx: Context, token: Token, kinds: list[str]) -> bool:
    """Whether the token is the head word of a mention of one of `kinds`."""
    r = ctx.actor(token)
    return r is not None and r.kind in kinds and ctx.doc[r.mention.start : r.mention.end].root.i == token.i


def _subject_side(construction: dict[str, Any], side: str | None) -> str | None:
    """Which end an ellipsis replaces: stated by the construction ("subject_side"), else `side`."""
    if "subject_side" in construction:
        stated = construction["subject_side"]
        return None if stated in {None, "none"} else str(stated)
    return side


def _once_if_symmetric(rtype: str, candidates: Iterator[Candidate]) -> Iterator[Candidate]:
    """A symmetric relation once per pair: "A and B trained together" (target: the subject again)
    states A–B, not A–B and B–A."""
    seen: set[frozenset[str]] = set()
    for c in candidates:
        key = frozenset({c.source.id, c.target.id})
        if rtype not in SYMMETRIC_TYPES or key not in seen:
            seen.add(key)
            yield c
