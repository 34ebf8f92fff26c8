"""Rows per second of `geokg import arms-transfers` for a generated 10,000-row register.

The register has the SIPRI trade-register layout with the usual noise (bracketed estimates,
delivery-year ranges and lists, unknown parties). Its states are invented ("Benchland 001"), added
to the shipped gazetteer for the run, so names resolve against the real index and the generated
actors, claims and edges can be removed afterwards without touching anything else in the graph.
"""

from __future__ import annotations

import csv
import json
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from geokg import cypher
from geokg.graphdb import Graph
from loader.gazetteer import Gazetteer, GazetteerEntry
from loader.reference.importing import write_table
from loader.reference.resolve_names import NameResolver, load_register_names
from loader.reference.transfers import parse_transfers

ROWS = 10_000
STATES = 150
PREFIX = "country:bench-"
HEADER = ["Recipient", "Supplier", "Year of order", "", "Number ordered", "", "Weapon designation",
          "Weapon description", "Number delivered", "", "Year(s) of delivery", "status", "Comments"]
WEAPONS = [("S-400", "SAM system"), ("Su-30SM", "FGA aircraft"), ("Mi-17V-5", "transport helicopter"),
           ("Bayraktar TB2", "UAV"), ("M142 HIMARS", "self-propelled MRL"), ("Rafale", "FGA aircraft"),
           ("J-10C", "FGA aircraft"), ("Type-209", "submarine"), ("K2", "tank"), ("Patriot PAC-3", "SAM system")]


def bench_entries(count: int = STATES) -> list[GazetteerEntry]:
    return [GazetteerEntry(id=f"{PREFIX}{i:03d}", name=f"Benchland {i:03d}", kind="Country")
            for i in range(count)]


def write_register(path: Path, rows: int = ROWS, seed: int = 7) -> None:
    """A deterministic register of `rows` deals between the invented states."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("Transfers of major weapons: generated register for the benchmark\n\n")
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        for n in range(rows):
            supplier, recipient = rng.sample(range(STATES), 2)
            ordered_year = rng.randint(1995, 2024)
            number = rng.randint(1, 200)
            estimate = rng.random() < 0.3
            designation, description = WEAPONS[n % len(WEAPONS)]
            delivered = rng.random() < 0.8
            first = ordered_year + rng.randint(0, 3)
            last = first + rng.randint(0, 4)
            years = "" if not delivered else (str(first) if first == last else
                                              rng.choice([f"{first}-{last}", f"{first}; {last}"]))
            recipient_name = "unknown recipient(s)" if rng.random() < 0.01 else f"Benchland {recipient:03d}"
            writer.writerow([
                recipient_name, f"Benchland {supplier:03d}", f"({ordered_year})" if estimate else ordered_year,
                "?" if estimate else "", f"({number})" if estimate else number, "?" if estimate else "",
                f"{designation}-{n}", description, (f"({number})" if estimate else number) if delivered else "",
                "", years, "New", f"deal {n}",
            ])


def run(graph: Graph, rows: int = ROWS) -> dict[str, Any]:
    """Import a generated register twice (fresh, then the idempotent re-import); remove it; report rates."""
    gazetteer = Gazetteer([*Gazetteer.load().entries(), *bench_entries()])
    forget = cypher.load("write/reference_forget_actors")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"bench-register-{rows}.csv"
        write_register(path, rows)
        graph.write(forget, {"prefix": PREFIX})
        try:
            start = time.perf_counter()
            table = parse_transfers(path, NameResolver(gazetteer, load_register_names()))
            parsed = time.perf_counter()
            first = write_table(graph, table)
            written = time.perf_counter()
            again = write_table(graph, parse_transfers(path, NameResolver(gazetteer, load_register_names())))
            reimported = time.perf_counter()
        finally:
            graph.write(forget, {"prefix": PREFIX})
    total = written - start
    return {
        "benchmark": "reference_rows",
        "rows": table.rows,
        "loaded": len(table.claims),
        "unknown_party": len(table.unplaced),
        "skipped": len(table.problems),
        "new_claims": first.new_claims,
        "edges": sum(first.summary.edges_by_type.values()),
        "parse_seconds": round(parsed - start, 3),
        "write_seconds": round(written - parsed, 3),
        "rows_per_second": round(table.rows / total, 1),
        "reimport_new_claims": again.new_claims,
        "reimport_rows_per_second": round(table.rows / (reimported - written), 1),
    }


def main() -> None:
    import logging

    from geokg.graphdb import init_schema
    from geokg.settings import Settings

    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
    with Graph(Settings()) as graph:
        init_schema(graph)
        print(json.dumps(run(graph), indent=2))


if __name__ == "__main__":
    main()
