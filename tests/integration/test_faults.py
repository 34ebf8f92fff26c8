"""Faults during a load, against the real Neo4j: a server crash in the middle, and two loaders at once.

Each test compares the graph with a clean load of the same generated articles: no actor, claim,
article or edge duplicated, none lost, none half-written. The crash test kills the server that the
test command started and starts it again, so the tests after it find it running.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from benchmarks import faults
from benchmarks.generate import Size, generate
from geokg import neo4j_server
from geokg.errors import GeoKGError
from geokg.graphdb import Graph
from geokg.settings import Settings
from loader import pipeline
from loader.models import ExtractedArticle
from loader.write import WriteSummary
from tests.conftest import REPO, clear

ARTICLES = 24
BATCH = 6
DATA = Size(actors=400, claims=1_500)
# Loader A reads articles 0–15 and loader B 8–23: 8 articles and most actors are written by both.
FIRST, SECOND = slice(0, 16), slice(8, 24)


class Reference(NamedTuple):
    snapshot: dict[str, Any]
    claims_per_article: dict[str, tuple[int, int]]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """24 generated news articles as text files (the same on every run)."""
    return generate(DATA, seed=11).write_texts(tmp_path_factory.mktemp("fault-corpus"), ARTICLES)


@pytest.fixture(scope="module")
def small_batches(settings: Settings) -> Settings:
    return settings.model_copy(update={"geokg_batch_size": BATCH})


@pytest.fixture(scope="module")
def reference(graph: Graph, small_batches: Settings, corpus: list[Path]) -> Reference:
    """The graph a clean, uninterrupted load of the corpus gives."""
    clear(graph)
    pipeline.load_paths(small_batches, graph, corpus)
    expected = Reference(snapshot(graph), claims_per_article(graph))
    clear(graph)
    return expected


def snapshot(graph: Graph) -> dict[str, Any]:
    """Everything a load decides: ids, relationship counts and every aggregated edge with its claim count.

    Lists, not sets, so a duplicated node or edge shows up as a difference.
    """
    return {
        "articles": sorted(r["id"] for r in graph.read("MATCH (a:Article) RETURN a.id AS id")),
        "claims": sorted(r["id"] for r in graph.read("MATCH (c:Claim) RETURN c.id AS id")),
        "actors": sorted(r["id"] for r in graph.read("MATCH (a:Actor) RETURN a.id AS id")),
        "sources": sorted(r["name"] for r in graph.read("MATCH (s:Source) RETURN s.name AS name")),
        "relationships": {r["type"]: r["n"] for r in graph.read(
            "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")},
        "edges": sorted((r["s"], r["type"], r["t"], r["claims"]) for r in graph.read(
            "MATCH (s:Actor)-[r]->(t:Actor) RETURN s.id AS s, type(r) AS type, t.id AS t, r.claims AS claims")),
    }


def claims_per_article(graph: Graph) -> dict[str, tuple[int, int]]:
    rows = graph.read("MATCH (a:Article) RETURN a.id AS id, COUNT { (:Claim)-[:STATED_IN]->(a) } AS claims,"
                      " COUNT { (a)-[:MENTIONS]->() } AS mentions")
    return {r["id"]: (r["claims"], r["mentions"]) for r in rows}


def half_written(graph: Graph, expected: dict[str, tuple[int, int]]) -> int:
    """Articles present with fewer claims or mentions than a clean load gives them, plus orphan claims."""
    present = claims_per_article(graph)
    partial = sum(1 for art, counts in present.items() if counts != expected.get(art))
    orphans = graph.read("MATCH (c:Claim) WHERE NOT (c)-[:STATED_IN]->() RETURN count(c) AS n")[0]["n"]
    return partial + orphans


def differences(expected: dict[str, Any], actual: dict[str, Any]) -> dict[str, int]:
    """Missing and extra items per part of the snapshot (0 everywhere when the loads agree)."""
    out = {}
    for part in ("articles", "claims", "actors", "sources", "edges"):
        want, got = Counter(expected[part]), Counter(actual[part])
        out[part] = sum((want - got).values()) + sum((got - want).values())
    return out


def samples(expected: dict[str, Any], actual: dict[str, Any], n: int = 3) -> str:
    """A few items that differ between two snapshots, for the failure message."""
    parts = []
    for part in ("claims", "edges", "actors", "articles"):
        want, got = Counter(expected[part]), Counter(actual[part])
        lost, extra = list(want - got)[:n], list(got - want)[:n]
        if lost or extra:
            parts.append(f"{part}: lost {lost}, extra {extra}")
    return "; ".join(parts)


def report(capsys: pytest.CaptureFixture[str], name: str, **figures: Any) -> None:
    line = faults.record(name, **figures)
    with capsys.disabled():
        print(f"\n{line}")


def require_local(settings: Settings) -> None:
    if not settings.is_local_uri:
        pytest.skip("kills and restarts the server: needs the local Neo4j of the test command,"
                    f" not {settings.neo4j_uri}")


def wait_for_port_closed(settings: Settings, timeout: float = 20.0) -> None:
    """A killed JVM can hold its Bolt socket for a moment after its pid is gone."""
    host, port = settings.bolt_host_port
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection((host, port), timeout=0.5).close()
        except OSError:
            return
        time.sleep(0.1)


def test_crash_in_the_middle_of_a_load(clean_graph: Graph, settings: Settings, small_batches: Settings,
                                       corpus: list[Path], reference: Reference,
                                       capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    require_local(settings)
    expected, per_article = reference

    # Kill the server while the second batch is being written, after the first one committed.
    real_write = pipeline.write_articles
    calls: list[int] = []
    second_batch = threading.Event()

    def write(graph: Graph, batch: Sequence[ExtractedArticle]) -> WriteSummary:
        calls.append(len(batch))
        if len(calls) == 2:
            second_batch.set()
        return real_write(graph, batch)

    monkeypatch.setattr(pipeline, "write_articles", write)
    outcome: dict[str, str] = {}

    def load() -> None:
        with Graph(small_batches) as own:
            try:
                pipeline.load_paths(small_batches, own, corpus)
                outcome["loader"] = "finished (driver retries outlasted the restart)"
            except GeoKGError as exc:
                outcome["loader"] = f"stopped with an error ({type(exc).__name__})"
                outcome["error"] = str(exc).strip()

    loader = threading.Thread(target=load, daemon=True)
    loader.start()
    killed = None
    try:
        assert second_batch.wait(60), "the load never reached its second batch"
        time.sleep(0.05)
        killed = neo4j_server.kill(settings)
    finally:
        restart = time.monotonic()
        wait_for_port_closed(settings)
        neo4j_server.start(settings)
        restart_seconds = time.monotonic() - restart
        clean_graph.close()  # its pooled connections died with the server; reconnect lazily
    assert killed, "no running server to kill"
    loader.join(90)
    assert not loader.is_alive(), "the interrupted loader hung"
    assert "\n" not in outcome.get("error", ""), f"the interrupted loader's error is not one line: {outcome}"
    monkeypatch.setattr(pipeline, "write_articles", real_write)

    after_crash = claims_per_article(clean_graph)
    partial = half_written(clean_graph, per_article)
    rerun = time.monotonic()
    pipeline.load_paths(small_batches, clean_graph, corpus)
    rerun_seconds = time.monotonic() - rerun
    actual = snapshot(clean_graph)
    diff = differences(expected, actual)
    report(capsys, "crash mid-load", inputs=len(corpus), faults=1, losses=partial + sum(diff.values()),
           articles_after_crash=len(after_crash), half_written=partial, loader=outcome.get("loader", "?"),
           claims=len(expected["claims"]), restart_seconds=round(restart_seconds, 1),
           rerun_seconds=round(rerun_seconds, 1))
    assert partial == 0, "an article was left half-written by the crash"
    assert diff == dict.fromkeys(diff, 0), f"duplicated or lost: {diff}; {samples(expected, actual)}"
    assert actual == expected


def _geokg_load(folder: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    cmd = [sys.executable, "-m", "geokg.cli", "load", "--no-progress", "--format", "json", str(folder)]
    return subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_loaders_on_overlapping_inputs(clean_graph: Graph, corpus: list[Path], reference: Reference,
                                           tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = reference.snapshot
    # Two `geokg load` processes with their own drivers, started together, in small batches.
    inputs = {"a": corpus[FIRST], "b": corpus[SECOND]}
    for name, files in inputs.items():
        (tmp_path / name).mkdir()
        for path in files:
            shutil.copy(path, tmp_path / name / path.name)
    env = {**os.environ, "GEOKG_BATCH_SIZE": "5"}
    procs = {name: _geokg_load(tmp_path / name, env) for name in inputs}
    results = {}
    for name, proc in procs.items():
        out, err = proc.communicate(timeout=150)
        assert proc.returncode == 0, f"loader {name} failed ({proc.returncode}): {err.strip()[-500:]}"
        results[name] = json.loads(out)

    actual = snapshot(clean_graph)
    diff = differences(expected, actual)
    written = sum(r["articles"]["new"] for r in results.values())
    report(capsys, "two loaders, overlapping inputs", inputs=sum(len(f) for f in inputs.values()), faults=1,
           losses=sum(diff.values()), overlap=FIRST.stop - SECOND.start, articles_written_by_both=written - ARTICLES,
           claims=len(expected["claims"]))
    assert diff == dict.fromkeys(diff, 0), f"duplicated or lost: {diff}; {samples(expected, actual)}"
    assert actual == expected
