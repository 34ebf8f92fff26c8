"""Register deals across exports: a deal a newer export revised is still the deal already in the graph.

A claim from a register is keyed by its deal (see `transfers.set_deal_identities`). SIPRI revises
its data between exports: a designation is respelt ("Standard Missile-2MR" becomes "SM-2MR"), a
number ordered corrected. Such a row has a new identity but is not a new deal. Before a register
is written, every row whose identity is not in the graph is paired with a deal of the same supplier,
recipient and order year that is in the graph and that this file does not state under its own
identity, when their weapons are alike (similar designation, or the same number ordered), or with
an order year moved by a few years and a nearly identical designation; the row then takes that
deal's identity, so the claim is updated instead of doubled.

Deals an older export listed and a newer one no longer does (withdrawn, or changed past
recognition) stay until the newer export is imported with `--replace`, which removes the deals of
the register that the file covers (its suppliers, recipients and order years) but no longer lists.
"""

from __future__ import annotations

import re
from collections import defaultdict
from difflib import SequenceMatcher
from typing import Any

from geokg import cypher
from geokg.graphdb import Graph
from loader.reference.importing import ParsedTable, existing_claim_ids

MIN_LIKENESS = 0.5
MAX_YEAR_SHIFT = 3


def _designation(text: Any) -> str:
    return re.sub(r"[^a-z0-9]+", "", str(text or "").casefold())


def designation_likeness(row: dict[str, Any], deal: dict[str, Any]) -> float:
    """0–1: how alike two designations of a weapon are ("SM-2MR" is in "Standard Missile-2MR" once respelt)."""
    ours, theirs = _designation(row.get("weapon")), _designation(deal.get("weapon"))
    if not ours or not theirs:
        return 0.0
    score = SequenceMatcher(None, ours, theirs).ratio()
    return max(score, 0.8) if ours in theirs or theirs in ours else score


def likeness(row: dict[str, Any], deal: dict[str, Any]) -> float | None:
    """How alike a row and a deal in the graph are, or None when they are not the same deal.

    In the same order year: designation likeness, plus 0.5 for the same number ordered (a respelt
    designation with the same count is the same deal), at least MIN_LIKENESS. An order year SIPRI
    re-dated by up to MAX_YEAR_SHIFT years needs a designation at least 0.8 alike.
    """
    shift = abs(int(row.get("order_year") or 0) - int(deal.get("order_year") or 0))
    designation = designation_likeness(row, deal)
    if shift:
        return designation - 0.1 * shift if shift <= MAX_YEAR_SHIFT and designation >= 0.8 else None
    same_count = row.get("number_ordered") is not None and row.get("number_ordered") == deal.get("number_ordered")
    score = designation + (0.5 if same_count else 0.0)
    return score if score >= MIN_LIKENESS else None


def reconnect_revised_deals(graph: Graph, table: ParsedTable) -> int:
    """Give rows that revise a deal already in the graph that deal's identity; returns how many."""
    dataset = next((d.get("dataset") for d in table.details if d.get("dataset")), None)
    if dataset is None:
        return 0
    ids = [c.claim_id() for c in table.claims]
    present = existing_claim_ids(graph, ids)
    stated = set(ids)
    fresh = [i for i, claim in enumerate(table.claims) if claim.identity and ids[i] not in present]
    if not fresh:
        return 0
    keys = sorted({_key(table, i) for i in fresh})
    candidates: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for deal in graph.read(cypher.load("app/reference_deals"), {"keys": keys, "dataset": dataset}):
        if deal["id"] not in stated:
            candidates[deal["key"]].append(dict(deal))
    pairs: list[tuple[float, int, str]] = []
    for i in fresh:
        for deal in candidates.get(_key(table, i), []):
            score = likeness(table.details[i], deal)
            if score is not None:
                pairs.append((score, i, deal["deal"]))
    taken_rows: set[int] = set()
    taken_deals: set[str] = set()
    for _score, i, deal_identity in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if i in taken_rows or deal_identity in taken_deals:
            continue
        taken_rows.add(i)
        taken_deals.add(deal_identity)
        table.claims[i] = table.claims[i].model_copy(update={"identity": deal_identity})
        table.details[i]["deal"] = deal_identity
    return len(taken_rows)


def _key(table: ParsedTable, index: int) -> str:
    rel = table.claims[index].relation.oriented()
    return f"{rel.source}|{rel.type}|{rel.target}"
