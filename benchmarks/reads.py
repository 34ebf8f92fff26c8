"""Read latency on a loaded graph: search-as-you-type, expand, the whole expand callback, paths, saved queries.

Every call is timed on its own (p50/p95 over many calls with different actors); a bare `RETURN 1`
round trip measured in the same run is the baseline each figure is divided by. The expand callback
is the real Dash request (the explorer's `act` callback) sent through the Flask test client, so it
includes the reads, building the Cytoscape elements and JSON encoding, but no network.
"""

from __future__ import annotations

import math
import random
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from benchmarks.dash_client import DEPENDENCIES_PATH, UPDATE_PATH, CallbackMap, apply_response, error_of
from geokg.errors import GeoKGError
from geokg.graphdb import Graph
from geokg.settings import Settings

SEARCH_NAMES = 24      # names typed keystroke by keystroke
CALLBACK_ACTORS = 12   # focus-then-expand round trips through the Dash app
# Targets from the dashboard issue, in milliseconds (p95).
TARGETS_MS = {"search-as-you-type": 100.0, "expand-node query": 50.0, "expand callback (server)": 300.0}


@dataclass
class Latency:
    """Percentiles of one kind of call, in milliseconds."""

    name: str
    samples: list[float]
    errors: int = 0
    note: str = ""
    reported: tuple[float, float, int] | None = None  # (p50, p95, n) from a hook that keeps no samples
    cold: list[float] | None = None  # the same calls on their first run, before the timed one

    @property
    def n(self) -> int:
        return self.reported[2] if self.reported else len(self.samples)

    def pct(self, q: float) -> float:
        if not self.samples:
            return float("nan")
        ordered = sorted(self.samples)
        return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]  # nearest rank

    @property
    def p50(self) -> float:
        if self.reported:
            return self.reported[0]
        return statistics.median(self.samples) if self.samples else float("nan")

    @property
    def p95(self) -> float:
        return self.reported[1] if self.reported else self.pct(95)

    @property
    def cold_p95(self) -> float | None:
        if not self.cold:
            return None
        ordered = sorted(self.cold)
        return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]

    @property
    def target(self) -> float | None:
        return TARGETS_MS.get(self.name)


def timed(name: str, calls: Sequence[Callable[[], Any]], note: str = "") -> Latency:
    """Run every call twice and keep the wall time of each in ms: the first pass as `cold` (a server
    that has not read these actors yet, a Cypher runtime not yet compiled), the second as the samples,
    which are what a dashboard in steady use sees.

    A call that fails with a GeoKG error (a query time limit, say) counts as an error; its time stays
    in the samples, since a user waited that long too.
    """
    errors: list[str] = []
    passes: list[list[float]] = [[], []]
    for samples in passes:
        errors.clear()
        for call in calls:
            started = time.perf_counter()
            try:
                call()
            except GeoKGError as exc:
                errors.append(str(exc).splitlines()[0])
            samples.append((time.perf_counter() - started) * 1000)
    if errors:
        note = f"{note}; {len(errors)} failed: {errors[0][:90]}" if note else f"{len(errors)} failed: {errors[0][:90]}"
    return Latency(name, passes[1], errors=len(errors), note=note, cold=passes[0])


@dataclass
class Sample:
    """Actors to query: hubs and ordinary actors, and pairs for paths."""

    actors: list[dict[str, Any]]
    pairs: list[tuple[str, str]]


def sample_actors(graph: Graph, count: int, seed: int = 3) -> Sample:
    """A third hubs (most relations), the rest drawn at random among actors with at least one relation."""
    hubs = graph.read("MATCH (a:Actor) WITH a, COUNT { (a)-[:MEMBER_OF|PART_OF|LEADS|ALLIED_WITH|SUPPLIES_ARMS_TO|"
                      "MILITARY_SUPPORT_TO|JOINT_EXERCISE_WITH|HOSTS_BASE_OF|ATTACKED|THREATENS|CONTROLS|SANCTIONS|"
                      "REFUGEES_FLEE_TO]-() } AS degree WHERE degree > 0 "
                      "RETURN a.id AS id, a.name AS name, degree ORDER BY degree DESC")
    rng = random.Random(seed)
    top = hubs[: max(1, count // 3)]
    rest = rng.sample(hubs[len(top):], min(len(hubs) - len(top), count - len(top)))
    actors = top + rest
    rng.shuffle(actors)
    pairs = [(actors[i]["id"], actors[-1 - i]["id"]) for i in range(len(actors) // 2)]
    return Sample(actors, pairs)


def prefixes(name: str) -> list[str]:
    """What a user has typed, keystroke by keystroke, from 2 to 6 characters."""
    return [name[:n] for n in range(2, min(len(name), 6) + 1)]


def bench_reads(graph: Graph, settings: Settings, sample: Sample, query_repeats: int = 5,
                saved_queries: bool = True) -> list[Latency]:
    """All read figures for the graph `graph` is connected to (saved queries only when asked)."""
    from dashboard import repo
    from dashboard.state import Filters, MaxHops

    filters = Filters()
    cap = settings.geokg_max_elements
    results = [timed("round trip (RETURN 1)", [partial(graph.read, "RETURN 1 AS x")] * 100)]
    typed = [p for a in sample.actors[:SEARCH_NAMES] for p in prefixes(a["name"])]
    results.append(timed("search-as-you-type", [partial(repo.search_actors, graph, t) for t in typed],
                         note=f"{len(typed)} keystrokes over {len(sample.actors[:SEARCH_NAMES])} names"))
    ids = [a["id"] for a in sample.actors]
    per_actor = min(cap, repo.NEIGHBOUR_LIMIT)  # what the explorer asks for
    results.append(timed("expand-node query", [partial(repo.neighbours, graph, [i], filters, per_actor) for i in ids],
                         note="neighbours of one actor, all relation types"))
    results.append(timed("ego view (neighbours + subgraph)",
                         [partial(repo.load_view, graph, _ego(i), filters, cap) for i in ids]))
    results.append(timed("actor details panel", [partial(repo.actor_details, graph, i) for i in ids]))
    results.append(timed("shortest paths (≤ 4 steps)",
                         [partial(repo.shortest_paths, graph, a, b, MaxHops.FOUR, filters) for a, b in sample.pairs]))
    results.append(bench_expand_callback(graph, settings, ids[:CALLBACK_ACTORS]))
    if saved_queries:
        results.extend(bench_saved_queries(graph, query_repeats))
    return results


def _ego(actor_id: str) -> Any:
    from dashboard.state import View

    return View(mode="ego", actor=actor_id)


def bench_expand_callback(graph: Graph, settings: Settings, actor_ids: list[str]) -> Latency:
    """The explorer's expand, server-side: focus an actor, then time expanding one of its neighbours.

    Two passes over the same actors and neighbours, as in `timed`: the first is kept as `cold`.
    """
    from dashboard.app import create_app

    app = create_app(settings, graph)
    client = app.server.test_client()
    callbacks = CallbackMap(client.get(DEPENDENCIES_PATH).get_json())
    passes: list[list[float]] = [[], []]
    errors = 0
    for samples in passes:
        errors = 0
        rng = random.Random(5)
        for actor in actor_ids:
            session: dict[str, Any] = {}
            reply = client.post(UPDATE_PATH, json=callbacks.action({"kind": "focus", "actor": actor}, session))
            if reply.status_code != 200:
                errors += 1
                continue
            on_canvas = [n for n in apply_response(session, reply.get_json()) if n != actor]
            if not on_canvas:
                continue
            body = callbacks.action({"kind": "expand", "actor": rng.choice(on_canvas), "positions": {}}, session)
            started = time.perf_counter()
            reply = client.post(UPDATE_PATH, json=body)
            samples.append((time.perf_counter() - started) * 1000)
            if reply.status_code != 200 or error_of(reply.get_json()):
                errors += 1
    return Latency("expand callback (server)", passes[1], errors, cold=passes[0],
                   note="POST /_dash-update-component of the `act` callback, Flask test client")


def bench_saved_queries(graph: Graph, repeats: int) -> list[Latency]:
    """Each shipped saved query through `benchmarks.saved_queries` (the saved-query owners' hook), with
    the parameters a query requires taken from the graph's busiest arms-supply edge."""
    from benchmarks.saved_queries import bench_saved_queries as hook

    edge = graph.read("MATCH (s:Actor)-[r:SUPPLIES_ARMS_TO]->(t:Actor) RETURN s.name AS source, "
                      "type(r) AS type, t.name AS target ORDER BY r.claims DESC LIMIT 1")
    values = {"evidence_for_edge": edge[0]} if edge else None
    try:
        rows = hook(graph, repeats, values=values)
    except GeoKGError as exc:  # a broken query file must not hide every other figure
        return [Latency("saved queries", [], errors=1, note=f"library failed: {str(exc).splitlines()[0][:160]}")]
    out = []
    for row in rows:
        error = row.get("error")
        reported = (row["p50_ms"], row["p95_ms"], repeats) if row.get("p50_ms") is not None else None
        note = f"{row.get('rows', 0):,} rows{' (capped)' if row.get('truncated') else ''}"
        out.append(Latency(f"saved query: {row['name']}", [], errors=1 if error else 0, reported=reported,
                           note=f"failed: {str(error).splitlines()[0][:100]}" if error else note))
    return out
