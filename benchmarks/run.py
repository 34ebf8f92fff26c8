"""`python -m benchmarks.run [--only NAME] [--size small|full]`: run the benchmarks, regenerate docs/benchmarks.md.

Sections: `load` (extraction against bare spaCy, end to end into Neo4j), `ingest` (batched writer, row by
row, neo4j-admin ceiling), `reads` (latency on generated graphs; includes `dashboard`, 20 users over HTTP,
which needs the largest graph up), `browser` (headless Chromium on the largest graph: overview first paint,
click → panel, /queries). Every figure is printed with its ratio to a baseline measured in the
same run. Each section's results are kept in benchmarks/results/<section>.json, so `--only` refreshes one
section of the document and keeps the others. The benchmark servers live in their own home and port
(default <cache>/bench on bolt port 7689), never the demo or test server's.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks import faults
from benchmarks.generate import SIZES, Size, generate
from benchmarks.servers import BenchServer, await_indexes
from geokg.graphdb import init_schema
from loader.write import rank_strongest

REPO = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
DOC = REPO / "docs" / "benchmarks.md"
SECTIONS = ("load", "ingest", "reads", "browser")
READ_SEED = 11
GRAPH_MARKER = "geokg-bench-graph.json"  # in a read graph's home: what it was built from, and its figures
PER_ROW_WARMUP = 30  # untimed rows before the row-by-row loader is timed

log = logging.getLogger("benchmarks")


@dataclass(frozen=True)
class Profile:
    """How big each benchmark is."""

    ingest_actors: int
    ingest_merges: int
    per_row_rows: int
    per_row_seconds: float
    batched_seconds: float
    read_graphs: tuple[str, ...]
    extraction_docs: int
    end_to_end_docs: int
    users: int
    load_seconds: float
    baseline_seconds: float
    sample_actors: int
    query_repeats: int
    reference_rows: int


PROFILES = {
    "small": Profile(ingest_actors=1_000, ingest_merges=100_000, per_row_rows=1_000, per_row_seconds=20,
                     batched_seconds=60, read_graphs=("tiny", "small"), extraction_docs=200, end_to_end_docs=100,
                     users=5, load_seconds=15, baseline_seconds=5, sample_actors=30, query_repeats=3,
                     reference_rows=1_000),
    # Time boxes keep the whole run under 15 minutes on 2 cores once the read graphs exist (the first
    # run also generates and imports them, about 5 minutes more); a boxed load reports its rate.
    "full": Profile(ingest_actors=10_000, ingest_merges=1_000_000, per_row_rows=10_000, per_row_seconds=25,
                    batched_seconds=100, read_graphs=("small", "full"), extraction_docs=1_000,
                    end_to_end_docs=150, users=20, load_seconds=60, baseline_seconds=8, sample_actors=24,
                    query_repeats=2, reference_rows=5_000),
}


def say(line: str) -> None:
    print(line, flush=True)


def ratio(value: float, base: float) -> str:
    return f"{value / base:.2f}×" if base else "n/a"


# -- machine --------------------------------------------------------------------------------------------------


def machine_info(neo4j_version: str) -> dict[str, Any]:
    cpu = "unknown"
    try:
        match = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        cpu = match.group(1).strip() if match else platform.processor() or "unknown"
    except OSError:
        pass
    ram = 0.0
    try:
        match = re.search(r"MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text())
        ram = int(match.group(1)) / 1024 / 1024 if match else 0.0
    except OSError:
        pass
    java = shutil.which("java")
    java_version = "not found"
    if java:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, check=False).stderr
        java_version = out.splitlines()[0] if out else "unknown"
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gb": round(ram, 1), "python": platform.python_version(),
            "java": java_version, "neo4j": neo4j_version, "os": f"{platform.system()} {platform.release()}",
            "load_average": [round(x, 2) for x in load],
            "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")}


# -- sections -----------------------------------------------------------------------------------------------


def run_load(profile: Profile, writer: BenchServer, work: Path) -> dict[str, Any]:
    from benchmarks.extraction import bench_end_to_end, bench_extraction, word_count

    ds = generate(Size(actors=2_000, claims=profile.extraction_docs * 12), seed=21)
    docs = ds.documents(profile.extraction_docs)
    say(f"\n== Extraction: {len(docs):,} generated articles, {word_count(docs):,} words")
    rates = bench_extraction(docs)
    by_name = {r.name: r for r in rates}
    for r in rates:
        bare = by_name.get(r.name.replace("our extraction", "bare nlp.pipe"))
        vs = f"  = {ratio(r.articles_per_s, bare.articles_per_s)} of bare nlp.pipe" if bare and bare is not r else ""
        say(f"{r.name:34s} {r.articles_per_s:8.1f} articles/s {r.words_per_s:9,.0f} words/s{vs}")
    files = ds.write_texts(work / "articles", profile.end_to_end_docs)
    graph = writer.fresh()
    try:
        e2e = bench_end_to_end(writer.settings, graph, files, word_count(docs[:profile.end_to_end_docs]))
    finally:
        graph.close()
    bare1 = by_name["bare nlp.pipe, 1 process"]
    say(f"{e2e.name:34s} {e2e.articles_per_s:8.1f} articles/s {e2e.words_per_s:9,.0f} words/s"
        f"  = {ratio(e2e.articles_per_s, bare1.articles_per_s)} of bare nlp.pipe (target ≥ 10 articles/s)")
    from benchmarks import long_article

    chars = long_article.write_long_article(docs, work / "long-article.txt")
    long = long_article.measure(work / "long-article.txt") | {"chars": chars}
    say(f"{'one article of ' + format(chars, ',') + ' chars':34s} {long['seconds']:8.1f} s, peak memory "
        f"{long['peak_mb']:,.0f} MB (target < {long_article.TARGET_MB:,} MB)")
    return {"corpus": {"articles": len(docs), "words": word_count(docs)},
            "rates": [asdict(r) | {"articles_per_s": r.articles_per_s, "words_per_s": r.words_per_s} for r in rates],
            "end_to_end": asdict(e2e) | {"articles_per_s": e2e.articles_per_s, "words_per_s": e2e.words_per_s},
            "long_article": long}


def run_ingest(profile: Profile, writer: BenchServer, importer: BenchServer, work: Path,
               batch_size: int) -> dict[str, Any]:
    from benchmarks import ingest

    ds = generate(Size(actors=profile.ingest_actors, claims=profile.ingest_merges // 4), seed=7)
    articles, merges = ingest.leading_articles(ds, batch_size, profile.ingest_merges)
    claims = sum(a.count for a in articles)
    say(f"\n== Ingest: {len(articles):,} articles, {claims:,} claims = {merges:,} relationship merges"
        f" ({profile.ingest_actors:,}-actor pool)")
    ceiling = ingest.run_ceiling(importer, ds, articles, work / "ingest-csv")
    say(f"neo4j-admin import (ceiling)       {ceiling.rows_per_s:10,.0f} rows/s {ceiling.relationships_per_s:10,.0f}"
        f" relationships/s  ({ceiling.seconds:.1f} s)")
    graph = writer.fresh()
    try:
        per_row = ingest.run_per_row(graph, ds, ds.claims[:profile.per_row_rows], profile.per_row_seconds,
                                     warmup=ds.claims[-PER_ROW_WARMUP:])
    finally:
        graph.close()
    say(f"one transaction per row            {per_row.rows_per_s:10,.1f} rows/s {per_row.relationships_per_s:10,.0f}"
        f" relationships/s  ({per_row.rows:,} rows in {per_row.seconds:.1f} s; 1M merges would take"
        f" {profile.ingest_merges / max(per_row.relationships_per_s, 1e-9) / 3600:.1f} h)")
    graph = writer.fresh()
    try:
        batched = ingest.run_batched(graph, ds, articles, batch_size, profile.batched_seconds)
        reference = run_reference_rows(graph, profile.reference_rows)
    finally:
        graph.close()
    say(f"batched writer                     {batched.rows_per_s:10,.1f} rows/s {batched.relationships_per_s:10,.0f}"
        f" relationships/s  ({batched.relationships:,} merges in {batched.seconds:.1f} s)"
        f"  = {ratio(batched.rows_per_s, per_row.rows_per_s)} row-by-row,"
        f" {ratio(batched.rows_per_s, ceiling.rows_per_s)} of the ceiling")
    if reference is not None:
        say(f"reference register import         {reference.rows_per_s:10,.1f} rows/s"
            f"  = {ratio(reference.rows_per_s, batched.rows_per_s)} the batched news writer ({reference.note})")
    writer.stop()
    done = [batched, per_row, ceiling] + ([reference] if reference is not None else [])
    return {"dataset": {"actors_pool": profile.ingest_actors, "articles": len(articles), "claims": claims,
                        "relationship_merges": merges, "batch_size": batch_size},
            "results": [_throughput(t) for t in done]}


def run_reference_rows(graph: Any, rows: int) -> Any:
    """`geokg import arms-transfers` of a generated register of `rows` deals (benchmarks/reference_rows.py,
    by the reference-data owners) on the graph the batched writer just filled; None when unavailable."""
    from benchmarks.ingest import Throughput

    try:
        from benchmarks import reference_rows
    except ImportError as exc:
        log.warning("reference register benchmark unavailable: %s", exc)
        return None
    from geokg.errors import GeoKGError

    try:
        got = reference_rows.run(graph, rows)
    except GeoKGError as exc:
        log.warning("reference register benchmark failed: %s", str(exc).splitlines()[0])
        return None
    seconds = got["parse_seconds"] + got["write_seconds"]
    return Throughput("reference register import", got["rows"], seconds, 0,
                      note=f"{got['loaded']:,} claims, {got['edges']:,} edges; parse {got['parse_seconds']:.1f} s,"
                           f" write {got['write_seconds']:.1f} s; re-import {got['reimport_rows_per_second']:,.0f}"
                           f" rows/s, {got['reimport_new_claims']} new claims")


def _throughput(t: Any) -> dict[str, Any]:
    return asdict(t) | {"rows_per_s": t.rows_per_s, "relationships_per_s": t.relationships_per_s}


def graph_key(size_name: str) -> str:
    """Changes whenever the generator's output (fingerprinted on its smallest size, CSV layout included)
    or the size would give another read graph. Schema changes need no rebuild: every run applies the
    schema (idempotent) before reading."""
    text = f"{size_name}:{READ_SEED}:{generate('tiny', seed=READ_SEED).fingerprint()}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def prepare_read_graph(server: BenchServer, size_name: str, work: Path) -> dict[str, Any]:
    """Generate and import the read graph of this size, or reuse the one imported by an earlier run.

    The graph is a pure function of the generator, schema and seed, so a home holding the graph with
    the same key is reused as is (its figures from the run that built it are kept in a marker file).
    """
    from benchmarks import ingest

    marker = server.paths.home / GRAPH_MARKER
    key = graph_key(size_name)
    try:
        built = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        built = {}
    if built.get("key") == key and (server.paths.data_dir / "databases" / "neo4j").exists():
        return {**built, "reused": True}
    ds = generate(SIZES[size_name], seed=READ_SEED)
    imported = ingest.run_ceiling(server, ds, None, work / f"read-csv-{size_name}",
                                  name=f"neo4j-admin import, {len(ds.claims):,} claims")
    graph = server.start()
    try:
        started = time.perf_counter()
        init_schema(graph)
        await_indexes(graph)
        schema_seconds = time.perf_counter() - started
    finally:
        graph.close()
    built = {"key": key, "actors": len(ds.actors), "claims": len(ds.claims), "articles": len(ds.articles),
             "import": _throughput(imported), "schema_seconds": schema_seconds,
             "built": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")}
    marker.write_text(json.dumps(built, indent=2), encoding="utf-8")
    return {**built, "reused": False}


def run_reads(profile: Profile, base: BenchServer, work: Path, with_dashboard: bool) -> dict[str, Any]:
    from benchmarks import reads

    graphs = []
    dashboard: dict[str, Any] = {}
    for size_name in profile.read_graphs:
        server = BenchServer(base.settings.model_copy(
            update={"geokg_neo4j_home": base.paths.home.parent / f"graph-{size_name}"}))
        built = prepare_read_graph(server, size_name, work)
        imp = built["import"]
        say(f"\n== Reads on {built['actors']:,} actors, {built['claims']:,} claims ({built['articles']:,} articles)")
        say(("reused the graph imported on " + built["built"]) if built["reused"] else
            f"imported in {imp['seconds']:.1f} s ({imp['rows_per_s']:,.0f} claims/s,"
            f" {imp['relationships_per_s']:,.0f} relationships/s); schema and indexes {built['schema_seconds']:.1f} s")
        step = time.perf_counter()
        graph = server.start()
        try:
            init_schema(graph)
            await_indexes(graph)
            # neo4j-admin import bypasses the loader, so rank the busy actors as a load would (from
            # scratch on every run, so the figure is a whole ranking even on a reused graph).
            graph.run_autocommit("MATCH (a:Actor) WHERE a.strongest IS NOT NULL "
                                 "CALL (a) { REMOVE a.strongest, a.strongest_limit } IN TRANSACTIONS OF 1000 ROWS")
            ranked_at = time.perf_counter()
            rank_strongest(graph)
            rank_seconds = time.perf_counter() - ranked_at
            say(f"strongest neighbours of busy actors ranked in {rank_seconds:.1f} s")
            sample = reads.sample_actors(graph, profile.sample_actors)
            # Saved queries are timed on the largest graph only (issue: "on the 100k-actor graph").
            latencies = reads.bench_reads(graph, server.settings, sample, profile.query_repeats,
                                          saved_queries=size_name == profile.read_graphs[-1])
            base_ms = latencies[0].p50
            for lat in latencies:
                target = f"  target p95 < {lat.target:.0f} ms: {'met' if lat.p95 < lat.target else 'MISSED'}" \
                    if lat.target else ""
                say(f"{lat.name:48s} p50 {lat.p50:8.1f} ms ({ratio(lat.p50, base_ms):>8s} round trip)"
                    f"  p95 {lat.p95:8.1f} ms  n={lat.n}{' errors=' + str(lat.errors) if lat.errors else ''}{target}"
                    + (f"  (first run p95 {lat.cold_p95:.1f} ms)" if lat.cold_p95 is not None else ""))
            say(f"[reads on this graph took {time.perf_counter() - step:.0f} s]")
            graphs.append({"label": f"{built['actors']:,} actors", "actors": built["actors"],
                           "claims": built["claims"], "articles": built["articles"],
                           "nodes": imp["extra"].get("nodes", 0), "relationships": imp["relationships"],
                           "import": imp, "schema_seconds": built["schema_seconds"], "reused": built["reused"],
                           "rank_seconds": rank_seconds,
                           "built": built["built"], "latencies": [_latency(lat) for lat in latencies]})
            if with_dashboard and size_name == profile.read_graphs[-1]:
                dashboard = run_dashboard(profile, server, sample.actors, built["actors"], built["claims"])
        finally:
            graph.close()
            server.stop()
    return {"graphs": graphs, "dashboard": dashboard}


def _latency(lat: Any) -> dict[str, Any]:
    return {"name": lat.name, "n": lat.n, "p50": lat.p50, "p95": lat.p95, "errors": lat.errors,
            "target": lat.target, "note": lat.note, "cold_p95": getattr(lat, "cold_p95", None)}


def run_dashboard(profile: Profile, server: BenchServer, names: list[dict[str, Any]], actors: int,
                  claims: int) -> dict[str, Any]:
    from benchmarks.dashboard_load import bench_dashboard

    workers = max(2, min(4, 2 * (os.cpu_count() or 1) - 1))
    say(f"\n== Dashboard under load: gunicorn, {workers} workers, {profile.users} users for"
        f" {profile.load_seconds:.0f} s ({actors:,} actors, {claims:,} claims)")
    alone, crowd = bench_dashboard(server.env(), names, workers, profile.users, profile.load_seconds,
                                   profile.baseline_seconds)
    out: dict[str, Any] = {"workers": workers, "users": profile.users, "actors": actors, "claims": claims,
                           "planned_seconds": profile.load_seconds}
    for label, result in (("alone", alone), ("crowd", crowd)):
        out[label] = {"users": result.users, "seconds": result.seconds, "requests": result.requests,
                      "per_second": result.per_second, "errors": len(result.errors),
                      "error_samples": sorted(set(result.errors))[:5],
                      "kinds": {k: _latency(result.latency(k)) for k in sorted(result.latencies)},
                      "all": _latency(result.latency())}
    say(f"1 user alone:   {alone.per_second:6.1f} requests/s, p95 {alone.latency().p95:7.1f} ms,"
        f" errors {len(alone.errors)}")
    say(f"{crowd.users} users:       {crowd.per_second:6.1f} requests/s"
        f" ({ratio(crowd.per_second, alone.per_second)} one user), p95 {crowd.latency().p95:7.1f} ms"
        f" ({ratio(crowd.latency().p95, alone.latency().p95)} one user), errors {len(crowd.errors)}")
    for kind in sorted(crowd.latencies):
        lat = crowd.latency(kind)
        say(f"   {kind:8s} n={lat.n:5d} p50 {lat.p50:7.1f} ms p95 {lat.p95:7.1f} ms")
    return out


def run_browser(profile: Profile, server: BenchServer, work: Path, repeats: int = 10,
                port: int | None = None) -> dict[str, Any]:
    """Headless Chromium against gunicorn over the largest read graph: overview first paint, click → panel,
    /queries (benchmarks/browser.py), each the median of `repeats`."""
    from benchmarks.browser import bench_browser

    size_name = profile.read_graphs[-1]
    built = prepare_read_graph(server, size_name, work)
    graph = server.start()
    graph.close()
    workers = max(2, min(4, 2 * (os.cpu_count() or 1) - 1))
    load_start = [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else []
    say(f"\n== Browser: headless Chromium, gunicorn {workers} workers ({built['actors']:,} actors,"
        f" {built['claims']:,} claims), median of {repeats}")
    try:
        timings = bench_browser(server.env(), workers, repeats, port=port)
    finally:
        server.stop()
    out: dict[str, Any] = {"actors": built["actors"], "claims": built["claims"], "workers": workers,
                           "repeats": repeats, "actors_drawn": timings.actors_drawn, "load_average_start": load_start,
                           "load_average_end": [round(x, 2) for x in os.getloadavg()] if load_start else []}
    for name, target in (("overview", 2000.0), ("click", 300.0), ("queries", 1000.0)):
        runs = getattr(timings, name)
        out[name] = {"median": timings.median(name), "runs": runs, "target": target}
        say(f"{name:9s} median {timings.median(name):8.0f} ms (target < {target:.0f} ms)"
            f" runs {[round(v) for v in runs]}")
    return out


# -- results and the document -----------------------------------------------------------------------------


def save(section: str, data: dict[str, Any], info: dict[str, Any], size: str) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    load_end = [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else []
    (RESULTS / f"{section}.json").write_text(json.dumps({"machine": info, "size": size, "load_average_end": load_end,
                                                         **data}, indent=2, default=str), encoding="utf-8")


def load_results() -> dict[str, dict[str, Any]]:
    out = {}
    for section in SECTIONS:
        path = RESULTS / f"{section}.json"
        if path.exists():
            out[section] = json.loads(path.read_text(encoding="utf-8"))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=[*SECTIONS, "dashboard", "docs"],
                        help="run one section (dashboard runs with the largest read graph); docs only re-renders")
    parser.add_argument("--size", choices=sorted(PROFILES), default="full", help="full for the published figures")
    parser.add_argument("--home", type=Path, help="benchmark server homes (default <cache>/bench)")
    parser.add_argument("--bolt-port", type=int, default=7689, help="Bolt port of the benchmark server")
    parser.add_argument("--http-port", type=int, default=7479, help="HTTP port of the benchmark server")
    parser.add_argument("--repeats", type=int, default=10, help="runs per browser timing (the median is kept)")
    parser.add_argument("--dash-port", type=int, help="port of the browser benchmark's dashboard (default: free)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)

    from benchmarks.report import render
    from geokg.errors import GeoKGError
    from geokg.neo4j_server import neo4j_version
    from geokg.settings import Settings

    if args.only == "docs":
        DOC.write_text(render(load_results(), faults.load()), encoding="utf-8")
        say(f"wrote {DOC.relative_to(REPO)}")
        return 0
    try:
        base = Settings()
        base.password()
    except GeoKGError as exc:
        say(str(exc))
        return 2
    profile = PROFILES[args.size]
    home = args.home or base.geokg_cache_dir / "bench"
    writer = BenchServer.of(base, home / "writer", args.bolt_port, args.http_port)
    importer = BenchServer.of(base, home / "import", args.bolt_port, args.http_port)
    work = home / "work"
    work.mkdir(parents=True, exist_ok=True)
    info = machine_info(neo4j_version())
    say(f"GeoKG benchmarks ({args.size}) on {info['cpu']}, {info['cores']} cores, {info['ram_gb']} GB RAM,"
        f" Python {info['python']}, {info['java']}, Neo4j {info['neo4j']}; load average {info['load_average']}")
    started = time.perf_counter()
    chosen = [args.only] if args.only else list(SECTIONS)
    try:
        if "load" in chosen:
            save("load", run_load(profile, writer, work), info, args.size)
            writer.stop()
            say(f"[{time.perf_counter() - started:.0f} s elapsed]")
        if "ingest" in chosen:
            save("ingest", run_ingest(profile, writer, importer, work, base.geokg_batch_size), info, args.size)
            say(f"[{time.perf_counter() - started:.0f} s elapsed]")
        if "reads" in chosen or "dashboard" in chosen:
            data = run_reads(profile, importer, work, with_dashboard=True)
            save("reads", data, info, args.size)
        if "browser" in chosen:
            save("browser", run_browser(profile, importer, work, args.repeats, args.dash_port), info, args.size)
    except GeoKGError as exc:
        say(f"benchmark stopped: {str(exc).splitlines()[0]}")
        return 1
    finally:
        writer.stop()
        importer.stop()
    DOC.write_text(render(load_results(), faults.load()), encoding="utf-8")
    say(f"\nDone in {time.perf_counter() - started:.0f} s; wrote {DOC.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
