"""Latency of every shipped saved query: p50/p95 over repeated runs on whatever graph is loaded.

`bench_saved_queries(graph, repeats)` is the hook for the benchmark runner. Each run goes through the
same path as the CLI and the dashboard (`run_query`: parameter binding, text checks, EXPLAIN, guarded
read), so the numbers are what a user waits for. `python -m benchmarks.saved_queries` prints a table
for the database NEO4J_URI points to.
"""

from __future__ import annotations

import argparse
import json
import math
import time
from typing import Any

from geokg.errors import GeoKGError
from geokg.graphdb import Graph
from geokg.queries import load_library, run_query
from geokg.settings import Settings

# Values for required parameters (queries whose defaults already make sense need none).
BENCH_VALUES: dict[str, dict[str, Any]] = {
    "evidence_for_edge": {"source": "Iran", "type": "SUPPLIES_ARMS_TO", "target": "Russia"},
}


def percentile(samples: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def bench_saved_queries(graph: Graph, repeats: int = 5, *, warmup: int = 1,
                        values: dict[str, dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """One dict per shipped query: name, p50_ms, p95_ms, rows, truncated, error (None when it ran)."""
    library = load_library()
    chosen = {**BENCH_VALUES, **(values or {})}
    report = []
    for name in sorted(library.queries):
        query = library.queries[name]
        params = chosen.get(name, {})
        samples: list[float] = []
        rows, truncated, error = 0, False, None
        try:
            for i in range(warmup + repeats):
                started = time.perf_counter()
                result = run_query(graph, query, params)
                elapsed = (time.perf_counter() - started) * 1000
                if i >= warmup:  # the first run also plans and warms the page cache
                    samples.append(elapsed)
                rows, truncated = len(result.rows), result.truncated
        except GeoKGError as exc:
            error = str(exc)
        report.append({
            "name": name,
            "p50_ms": round(percentile(samples, 50), 1) if samples else None,
            "p95_ms": round(percentile(samples, 95), 1) if samples else None,
            "rows": rows, "truncated": truncated, "error": error,
        })
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=10, help="timed runs per query")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    with Graph(Settings()) as graph:
        report = bench_saved_queries(graph, args.repeats)
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"{'query':<36} {'p50 ms':>8} {'p95 ms':>8} {'rows':>6}")
    for r in report:
        if r["error"]:
            print(f"{r['name']:<36} {'error':>8}  {r['error']}")
        else:
            cap = "+" if r["truncated"] else ""
            print(f"{r['name']:<36} {r['p50_ms']:>8} {r['p95_ms']:>8} {r['rows']:>5}{cap}")


if __name__ == "__main__":
    main()
