"""Ingest: our batched writer against one transaction per row, and `neo4j-admin database import` as ceiling.

Units: a *row* is one claim (with its actors, article, mentions and aggregated edge); a *relationship
merge* is one relationship the writer MERGEs (SUBJECT, OBJECT, STATED_IN, MENTIONS, PUBLISHED_BY, CITES
and the aggregated actor→actor edge, once per batch and key). The batched writer runs on the leading
articles of the dataset until they make `target_merges` relationship merges; the row-by-row loader runs
on a sample and is extrapolated; the ceiling imports the same articles from CSV into a stopped server.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.generate import Article, Claim, Dataset
from benchmarks.servers import BenchServer
from geokg.graphdb import Graph
from loader.write import write_articles


@dataclass
class Throughput:
    """One measured load."""

    name: str
    rows: int
    seconds: float
    relationships: int = 0
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def rows_per_s(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0

    @property
    def relationships_per_s(self) -> float:
        return self.relationships / self.seconds if self.seconds else 0.0


def batch_merges(ds: Dataset, batch: Sequence[Article]) -> int:
    """Relationship MERGEs the writer runs for one batch of articles."""
    merges = 0
    keys: set[str] = set()
    for art in batch:
        claims = ds.article_claims(art)
        actors = {c.source for c in claims} | {c.target for c in claims}
        merges += 3 * len(claims) + len(actors) + 1 + len(art.cited)
        keys.update(c.key(ds.actors) for c in claims if not c.negated)
    return merges + len(keys)


def leading_articles(ds: Dataset, batch_size: int, target_merges: int) -> tuple[list[Article], int]:
    """The first articles, whole batches, that make at least `target_merges` relationship merges."""
    chosen: list[Article] = []
    merges = 0
    for start in range(0, len(ds.articles), batch_size):
        if merges >= target_merges:
            break
        batch = ds.articles[start:start + batch_size]
        merges += batch_merges(ds, batch)
        chosen.extend(batch)
    return chosen, merges


def run_batched(graph: Graph, ds: Dataset, articles: Sequence[Article], batch_size: int,
                max_seconds: float) -> Throughput:
    """Our writer (`loader.write.write_articles`), one transaction per batch of articles.

    Stops after the batch that crosses `max_seconds`, so a slow writer cannot blow the time budget;
    the note then says how far it got.
    """
    rows = merges = done = 0
    started = time.perf_counter()
    for start in range(0, len(articles), batch_size):
        chunk = articles[start:start + batch_size]
        write_articles(graph, [ds.extracted(a) for a in chunk])
        rows += sum(a.count for a in chunk)
        merges += batch_merges(ds, chunk)
        done += len(chunk)
        if time.perf_counter() - started > max_seconds:
            break
    seconds = time.perf_counter() - started
    note = f"{batch_size} articles per transaction"
    if done < len(articles):
        note += f"; stopped by the time limit after {done:,} of {len(articles):,} articles"
    return Throughput("batched writer", rows, seconds, merges, note=note)


def run_per_row(graph: Graph, ds: Dataset, claims: Sequence[Claim], max_seconds: float,
                warmup: Sequence[Claim] = ()) -> Throughput:
    """The same writer fed one claim at a time: one transaction per row, as a naive loader does.

    `warmup` rows go first, untimed, so the rate is not the server compiling its query plans. Then it runs
    on `claims` or until `max_seconds`, whichever comes first; the result is a rate to extrapolate.
    """
    for claim in warmup:
        write_articles(graph, [ds.row_article(claim)])
    merges = rows = 0
    started = time.perf_counter()
    for claim in claims:
        article = ds.row_article(claim)
        merges += 3 + 2 + 1 + len(article.cited_sources) + (0 if claim.negated else 1)
        write_articles(graph, [article])
        rows += 1
        if time.perf_counter() - started > max_seconds:
            break
    seconds = time.perf_counter() - started
    return Throughput("one transaction per row", rows, seconds, merges,
                      note=f"measured on {rows:,} rows after {len(warmup)} untimed ones")


def run_ceiling(server: BenchServer, ds: Dataset, articles: Sequence[Article] | None, folder: Path,
                name: str = "neo4j-admin import") -> Throughput:
    """CSV of exactly these articles (None: the whole dataset, every actor included), imported by
    neo4j-admin into a wiped, stopped home. The CSV folder is removed afterwards."""
    subset = ds if articles is None else ds.subset(articles)
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    files = subset.write_import_csv(folder)
    csv_seconds = time.perf_counter() - started
    try:
        seconds, counts = server.admin_import(files["nodes"], files["relationships"])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return Throughput(name, len(subset.claims), seconds, counts.get("relationships", 0),
                      note=f"import only; writing the CSV took {csv_seconds:.1f} s",
                      extra={"nodes": counts.get("nodes", 0), "csv_seconds": csv_seconds,
                             "tool_seconds": counts.get("tool_ms", 0) / 1000})
