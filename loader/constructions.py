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

Roles are resolved by the shared argument code of `loader.patterns.syntax.Context`
(coordination, appositions, "X-backed", possessives, state bodies), so a construction only
says where the arguments sit. Hedges, negation, denials and evidence are applied afterwards
with every other candidate. A new phrasing is a data entry, not a function.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from loader.patterns.candidates import Candidate, pairs
from loader.patterns.items import arms_items
from loader.patterns.syntax import Arg, Context
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


def _role(ctx: Context, tokens: dict[str, Token], role: str, capitals_as_places: bool = False) -> list[Arg]:
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
    if kind == "subject":
        return ctx.subjects(head, allow_weak=True)
    if kind == "agent":
        return ctx.agents(head)
    if kind == "patient":
        return ctx.patients(head)
    if kind == "object":
        return ctx.objects(head, frozenset({"dobj", "dative"}))
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
        found = [a for tok in objects for a in ctx.np_actors(tok, allow_weak=True)]
        # "in Naqoura, Lebanon": the state written in apposition to a town names where it is.
        found += [a for tok in objects for c in tok.children if c.dep_ == "appos"
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
        return [a for a in ctx.owners(head, allow_weak=True) if a.actor.mention.label != "PRON"]
    if kind == "self":
        return ctx.np_actors(head, allow_weak=True)
    if kind == "modified":
        # "the army, led by X, and the RSF": the noun a participle modifies, without the nouns coordinated with it
        arg = ctx.denote(head.head) if head.dep_ in {"acl", "amod", "relcl"} else None
        return [arg] if arg is not None else []
    if kind == "described":  # "KFOR, the NATO-led mission": the name a description stands beside
        appositive = ctx.denote(head.head) if head.dep_ == "appos" else None
        return [appositive] if appositive is not None else ctx.described(head)
    raise ValueError(f"unknown role {role!r}")


def _fill(
    ctx: Context, tokens: dict[str, Token], roles: list[str], kinds: list[str] | None, *,
    named_only: bool = False, capitals_as_places: bool = False,
) -> tuple[list[Arg], str | None]:
    """The first role in the list that names an actor of the wanted kinds, and which role it was."""
    for role in roles:
        found = [
            a for a in _role(ctx, tokens, role, capitals_as_places)
            if a.actor.kind != "Media" and (kinds is None or a.actor.kind in kinds)
            and not (named_only and a.actor.via == "coref")
        ]
        if found:
            return found, role
    return [], None


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
        places = bool(frame.get("capitals_as_places"))
        # Optional narrowing of the frame's actor kinds for one construction; "named_only": a description
        # ("the Russian-led alliance") is too loose a target for it.
        named_only = bool(construction.get("named_only"))
        sources, source_role = _fill(ctx, tokens, construction["source"], construction.get("source_kinds"))
        targets, _ = _fill(ctx, tokens, construction["target"], construction.get("target_kinds"),
                           named_only=named_only, capitals_as_places=places)
        if not sources or not targets:
            continue
        confidence = float(construction.get("confidence", frame.get("confidence", 0.75)))
        side = "source" if source_role == "subject" else None
        items = arms_items(ctx, [tokens[construction["items"]]]) if construction.get("items") in tokens else []
        extra = {"role": construction["role"]} if "role" in construction else {}
        yield from pairs(frame["type"], sources, targets, tokens["trigger"], confidence,
                         subject_side=side, modality=construction.get("modality"), items=items, **extra)
