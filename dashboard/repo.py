"""Read functions over `geokg.graphdb.Graph` for the dashboard: every query is a file in cypher/app/.

All reads go through `Graph.read` (READ access mode), take values only as parameters and are bounded by a
LIMIT. Relation types and path lengths, which Cypher cannot take as parameters, are written into the text
only from the allow-lists in `dashboard.state` (never from what a user typed).
"""

from __future__ import annotations

import copy
import re
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dashboard.state import KINDS, TYPES, Filters, MaxHops, View
from geokg import cypher
from geokg.errors import QueryError
from geokg.graphdb import Graph

SEARCH_LIMIT = 12
DETAIL_SAMPLE = 10
EVIDENCE_LIMIT = 100
ANALYTICS_LIMIT = 300
PATH_LIMIT = 25
# Neighbours added per focused or expanded actor, strongest first: a hub with thousands of partners would
# otherwise fill the canvas at once; the rest is counted in "N more not shown".
NEIGHBOUR_LIMIT = 250


def _types_clause(types: list[str] | tuple[str, ...]) -> str:
    """`A|B|C` for a relationship pattern, from the allow-list only."""
    chosen = [t for t in TYPES if t in set(types)]
    if len(chosen) != len(set(types)):
        raise QueryError(f"unknown relation type in {sorted(types)}")
    return "|".join(chosen)


def query(name: str, *, types: list[str] | tuple[str, ...] | None = None, type_: str | None = None,
          max_hops: MaxHops | None = None, filtered: bool = True) -> str:
    """Text of cypher/app/<name>.cypher with its slots filled from allow-lists.

    `filtered=False` (the filters are at their defaults) drops the edge filter, so hubs are expanded without
    reading every relationship's properties.
    """
    text = cypher.load(f"app/{name}")
    if "{{edge_filter}}" in text and not filtered:
        text = text.replace("{{edge_filter}}", "true")
    if "{{edge_filter}}" in text:
        fragment = "\n".join(line for line in cypher.load("app/fragment_edge_filter").splitlines()
                             if not line.lstrip().startswith("//"))
        text = text.replace("{{edge_filter}}", f"({fragment})")
    if "{{types}}" in text:
        text = text.replace("{{types}}", _types_clause(types if types is not None else TYPES))
    if "{{type}}" in text:
        if type_ not in TYPES:
            raise QueryError(f"unknown relation type {type_!r}")
        text = text.replace("{{type}}", type_)
    if "{{max_hops}}" in text:
        text = text.replace("{{max_hops}}", str(int(MaxHops(max_hops or MaxHops.FOUR))))
    if "{{" in text:
        raise QueryError(f"unfilled slot in cypher/app/{name}.cypher")
    return text


# ------------------------------------------------------------------------------------------- search

_WORD = re.compile(r"\w+", re.UNICODE)


def lucene_query(text: str) -> str | None:
    """User text → a safe Lucene query: every word as a prefix (and, from four letters, a fuzzy match).

    Only word characters survive, so Lucene operators in the input have no effect.
    """
    words = [w.lower() for w in _WORD.findall(text or "")][:8]
    if not words:
        return None
    parts = []
    for word in words:
        options = [f"{word}*", word]
        if len(word) >= 4:
            options.append(f"{word}~1")
        parts.append("(" + " OR ".join(options) + ")")
    return " AND ".join(parts)


def search_actors(graph: Graph, text: str, limit: int = SEARCH_LIMIT) -> list[dict[str, Any]]:
    """Actors whose name or an alias matches `text` (full-text index `actor_names`), best first."""
    lucene = lucene_query(text)
    if lucene is None:
        return []
    return graph.read(query("search_actors"), {"query": lucene, "limit": limit})


# -------------------------------------------------------------------------------------- the canvas

@dataclass
class Subgraph:
    """Actors and aggregated edges for the canvas, with how much was left out by the cap."""

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    edges: list[dict[str, Any]] = field(default_factory=list)
    not_shown: int = 0
    edges_total: int = 0      # edges among these actors passing the filters, drawn or not
    edges_anchored: int = 0   # … of which touch an anchor (a focused or expanded actor)
    missing: list[str] = field(default_factory=list)
    empty_reason: str | None = None
    hidden_relations: int = 0  # … of the not shown, those of actors the user hid (not cut by the cap)


def _filter_params(filters: Filters) -> dict[str, Any]:
    return filters.query_params()


def overview_ids(graph: Graph, filters: Filters, limit: int) -> tuple[list[str], int]:
    """Ids of alliances and members (MEMBER_OF edges passing the filters) and how many edges there are."""
    ids, total, _ = overview_pairs(graph, filters, limit)
    return ids, total


def overview_pairs(graph: Graph, filters: Filters, limit: int) -> tuple[list[str], int, list[tuple[str, str]]]:
    """`overview_ids` plus the (member, alliance) pairs they come from."""
    if "MEMBER_OF" not in filters.types:
        return [], 0, []
    rows = graph.read(query("overview", filtered=filters.narrows_edges()),
                      {**_filter_params(filters), "limit": limit})
    if not rows:
        return [], 0, []
    flat = rows[0]["ids"]
    half = len(flat) // 2
    pairs = list(zip(flat[:half], flat[half:], strict=True))
    return list(dict.fromkeys(flat)), int(rows[0]["total"]), pairs


def neighbours(graph: Graph, ids: list[str], filters: Filters, limit: int) -> dict[str, tuple[list[str], int]]:
    """For each existing actor id: its neighbours (strongest edges first, at most `limit`) and their total."""
    if not ids:
        return {}
    if not filters.types:
        rows = graph.read(query("existing_actor_ids"), {"ids": ids})
        return {r["id"]: ([], 0) for r in rows}
    narrowed = filters.narrows_edges() or set(filters.kinds) != set(KINDS)
    every_type = set(filters.types) == set(TYPES)
    name = "neighbours" if narrowed else "neighbours_ranked" if every_type else "neighbours_all"
    rows = graph.read(query(name, types=filters.types, filtered=filters.narrows_edges()),
                      {**_filter_params(filters), "ids": ids, "limit": limit})
    # An actor related twice to the same neighbour (two types) lists it once.
    return {r["id"]: (list(dict.fromkeys(r["neighbours"])), int(r["total"])) for r in rows}


def subgraph(graph: Graph, ids: list[str], filters: Filters, edge_limit: int,
             anchors: list[str] | None = None) -> Subgraph:
    """The actors with these ids and the filtered edges among them, edges of `anchors` first."""
    if not ids:
        return Subgraph()
    if not filters.types:
        rows = graph.read(query("actors_by_id"), {"ids": ids})
    else:
        rows = graph.read(query("subgraph", types=filters.types, filtered=filters.narrows_edges()),
                          {**_filter_params(filters), "ids": ids, "anchors": anchors or [], "limit": edge_limit})
    if not rows:
        return Subgraph()
    row = rows[0]
    nodes = {n["id"]: n for n in row["nodes"]}
    edges = row.get("edges") or []
    return Subgraph(nodes=nodes, edges=edges, edges_total=int(row.get("total") or len(edges)),
                    edges_anchored=int(row.get("anchored") or 0))


def shortest_paths(graph: Graph, source: str, target: str, hops: MaxHops, filters: Filters,
                   limit: int = PATH_LIMIT) -> list[list[str]]:
    """All shortest paths (as actor id lists) between two actors, at most `hops` steps."""
    if not filters.types:
        return []
    rows = graph.read(query("shortest_paths", types=filters.types, max_hops=hops, filtered=filters.narrows_edges()),
                      {**_filter_params(filters), "source": source, "target": target, "limit": limit},
                      timeout=10.0)
    return list({tuple(r["ids"]): r["ids"] for r in rows}.values())


# The start view reads every membership of the graph (about 2 s at 100,000 actors on a busy machine), and every
# visitor opens it: it is kept per process until the graph's counts change, and at most OVERVIEW_TTL seconds
# (a reconcile changes marks, not counts).
OVERVIEW_TTL = 300.0
_overview_cache: dict[tuple[Any, ...], tuple[float, Subgraph]] = {}
_overview_lock = threading.Lock()


def graph_version(graph: Graph) -> tuple[int, int]:
    rows = graph.read(query("graph_version"))
    return (int(rows[0]["claims"]), int(rows[0]["relationships"])) if rows else (0, 0)


def load_view(graph: Graph, view: View, filters: Filters, cap: int) -> Subgraph:
    """`_load_view`, with the plain alliance overview served from a per-process cache while the graph is
    unchanged."""
    if view.mode != "overview" or view.expanded or view.hidden:
        return _load_view(graph, view, filters, cap)
    key = (id(graph), filters.model_dump_json(), cap, graph_version(graph))
    now = time.monotonic()
    with _overview_lock:
        cached = _overview_cache.get(key)
    if cached is None or now - cached[0] > OVERVIEW_TTL:
        cached = (now, _load_view(graph, view, filters, cap))
        with _overview_lock:
            if len(_overview_cache) > 32:   # filters are few in practice; never let it grow
                _overview_cache.clear()
            _overview_cache[key] = cached
    return copy.deepcopy(cached[1])


def _load_view(graph: Graph, view: View, filters: Filters, cap: int) -> Subgraph:
    """Materialise a view recipe: base view, then expansions, minus hidden actors, capped at `cap` actors.

    `not_shown` counts the relations that pass the filters but are not drawn (caps or hidden actors).
    """
    ordered: list[str] = []
    totals: dict[str, int] = {}     # actor id (or "" for the overview) → relations available
    hidden = set(view.hidden)
    missing: list[str] = []
    empty_reason = None

    def add(ids: list[str]) -> None:
        ordered.extend(i for i in ids if i not in hidden or i == view.actor)

    hidden_relations = 0
    if view.mode == "overview":
        ids, total, pairs = overview_pairs(graph, filters, cap)
        hidden_relations += sum(1 for pair in pairs if hidden & set(pair))
        add(ids)
        totals[""] = total
        if not ids:
            empty_reason = "No alliance memberships pass the filters."
    per_actor = min(cap, NEIGHBOUR_LIMIT)
    if view.mode == "ego" and view.actor:
        found = neighbours(graph, [view.actor], filters, per_actor)
        if view.actor not in found:
            missing.append(view.actor)
        else:
            near, totals[view.actor] = found[view.actor]
            add([view.actor, *near])
    elif view.mode == "path" and view.path_from and view.path_to:
        paths = shortest_paths(graph, view.path_from, view.path_to, view.hops, filters)
        for path in paths:
            add(path)
        if not paths:
            empty_reason = (f"No path of at most {int(view.hops)} steps between these actors over the "
                            "selected relation types and filters.")
            add([view.path_from, view.path_to])
    if view.expanded:
        found = neighbours(graph, view.expanded, filters, per_actor)
        for actor_id in view.expanded:
            if actor_id in found:
                near, totals[actor_id] = found[actor_id]
                add([actor_id, *near])
    unique = list(dict.fromkeys(ordered))
    anchors = [k for k in totals if k]
    if hidden and anchors and view.mode != "overview":
        # Relations between the anchors and the actors the user hid: not drawn by choice, not by the cap.
        among = subgraph(graph, [*anchors, *hidden], filters, edge_limit=0, anchors=list(hidden))
        hidden_relations = among.edges_anchored
    result = subgraph(graph, unique[:cap], filters, edge_limit=cap, anchors=anchors)
    drawn: dict[str, int] = dict.fromkeys(totals, 0)
    drawn_anchored = 0
    for edge in result.edges:
        if "" in drawn and edge["type"] == "MEMBER_OF":
            drawn[""] += 1
        touches = False
        for end in (edge["source"], edge["target"]):
            if end in drawn:
                drawn[end] += 1
                touches = touches or end in anchors
        drawn_anchored += touches
    # Relations of the anchors not drawn (cap, hidden actors), plus relations among drawn actors
    # that the edge cap left out.
    cut_among_others = (result.edges_total - result.edges_anchored) - (len(result.edges) - drawn_anchored)
    result.not_shown = sum(max(0, totals[k] - drawn[k]) for k in totals) + max(0, cut_among_others)
    result.missing = missing
    result.empty_reason = empty_reason
    result.hidden_relations = min(hidden_relations, result.not_shown)
    return result


# ----------------------------------------------------------------------------------------- details

def actor_details(graph: Graph, actor_id: str) -> dict[str, Any] | None:
    """An actor with its relations grouped by type and direction (count, claims, strongest neighbours)."""
    rows = graph.read(query("actor_details", types=TYPES), {"id": actor_id, "sample": DETAIL_SAMPLE})
    if not rows:
        return None
    for group in rows[0]["relations"]:
        group["sample"].sort(key=lambda n: (-(n["claims"] or 0), n["name"] or ""))  # ties in name order
    return rows[0]


def edge_details(graph: Graph, source: str, type_: str, target: str) -> dict[str, Any] | None:
    rows = graph.read(query("edge_details", type_=type_), {"source": source, "target": target})
    return rows[0] if rows else None


def evidence(graph: Graph, key: str, limit: int = EVIDENCE_LIMIT) -> list[dict[str, Any]]:
    """The claims behind an edge `source|TYPE|target`, supporting ones first, then denials."""
    return graph.read(query("evidence"), {"key": key, "limit": limit})


def date_bounds(graph: Graph) -> tuple[date | None, date | None]:
    rows = graph.read(query("date_bounds"))
    if not rows:
        return None, None
    first, last = rows[0]["first"], rows[0]["last"]
    return (date.fromisoformat(first) if first else None, date.fromisoformat(last) if last else None)


def ensure_reachable(graph: Graph) -> None:
    """Fail in a millisecond when the server is down, instead of after the driver's retries (~15 s)."""
    graph.verify()


def ping(graph: Graph) -> bool:
    ensure_reachable(graph)
    rows = graph.read(query("ping"), timeout=3.0)
    return bool(rows and rows[0]["ok"] == 1)


# --------------------------------------------------------------------------------------- analytics

def arms_flows(graph: Graph, filters: Filters, limit: int = ANALYTICS_LIMIT) -> list[dict[str, Any]]:
    """Supplier → recipient SUPPLIES_ARMS_TO edges passing the filters, with claims in the period."""
    return graph.read(query("arms_flows", filtered=filters.narrows_edges()),
                      {**_filter_params(filters), "limit": limit}, timeout=10.0)


def actor_countries(graph: Graph, actor_id: str, filters: Filters,
                    limit: int = ANALYTICS_LIMIT) -> list[dict[str, Any]]:
    """Countries related to an actor over the selected types, for the world map."""
    if not filters.types:
        return []
    return graph.read(query("actor_countries", types=filters.types, filtered=filters.narrows_edges()),
                      {**_filter_params(filters), "id": actor_id, "limit": limit}, timeout=10.0)


def timeline(graph: Graph, filters: Filters, actor_id: str | None = None) -> list[dict[str, Any]]:
    """Claims per relation type and month reported, for one actor or the whole graph."""
    params = {**_filter_params(filters), "types": filters.types, "actor": actor_id}
    name = "timeline_actor" if actor_id else "timeline_all"
    return graph.read(query(name), params, timeout=10.0)
