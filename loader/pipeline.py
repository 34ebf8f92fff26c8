"""The load job: read files → skip articles already in the graph → extract → write in batches, the
writing of one batch overlapping the extraction of the next.

Already-loaded articles are recognised by content hash before extraction, so a rerun after an
interruption only pays for what is missing.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TypeVar

from geokg.graphdb import Graph, init_schema
from geokg.settings import Settings
from loader.models import Document, ExtractedArticle, ReadError
from loader.write import WriteSummary, existing_article_ids, rank_strongest, write_articles

T = TypeVar("T")


@dataclass
class LoadReport:
    """What a load did, for the summary line and the exit code."""

    summary: WriteSummary = field(default_factory=WriteSummary)
    errors: list[ReadError] = field(default_factory=list)
    documents: int = 0
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        """0 when everything loaded, 1 when some inputs failed, 2 when nothing could be read."""
        if self.errors and self.documents == 0:
            return 2
        return 1 if self.errors else 0

    @property
    def articles_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def read_all(paths: Sequence[Path], fields: Mapping[str, str] | None = None, *, follow_links: bool = False
             ) -> tuple[list[Document], list[ReadError]]:
    from loader.read import read_paths

    return read_paths(paths, fields, follow_links=follow_links)


def extract_all(documents: Iterable[Document], gazetteer: object, *, n_process: int = 1) -> Iterator[ExtractedArticle]:
    """One extracted article per document; long ones are extracted in pieces (loader.chunks)."""
    from loader.chunks import extract_in_chunks
    from loader.extract import extract_documents

    def extract(docs: Iterable[Document], batch_size: int | None) -> Iterator[ExtractedArticle]:
        if batch_size is None:
            return extract_documents(docs, gazetteer, n_process=n_process)
        return extract_documents(docs, gazetteer, n_process=1, batch_size=batch_size)

    return extract_in_chunks(documents, extract)


def load_gazetteer(settings: Settings, extra: Sequence[Path] = ()) -> object:
    from loader.gazetteer import Gazetteer

    return Gazetteer.load([*settings.geokg_gazetteer_files, *extra])


def extraction_workers(requested: int, articles: int) -> int:
    """The extraction processes of a load: as requested, or for 0 one per core when there are enough articles."""
    if requested:
        return requested
    return (os.cpu_count() or 1) if articles >= AUTO_WORKERS_FROM else 1


def load_documents(
    graph: Graph,
    documents: Sequence[Document],
    gazetteer: object,
    *,
    batch_size: int = 50,
    n_process: int = 1,
    on_batch: Callable[[int], None] | None = None,
) -> WriteSummary:
    """Extract and write `documents`; those already in the graph are counted as unchanged. `n_process`
    0 picks one extraction process per core for large loads."""
    total = WriteSummary()
    unique = list({d.id: d for d in documents}.values())
    seen: set[str] = set()
    for ids in chunked([d.id for d in unique], 1000):
        seen |= existing_article_ids(graph, ids)
    fresh = [d for d in unique if d.id not in seen]
    total.articles_unchanged = len(documents) - len(fresh)
    if on_batch and total.articles_unchanged:
        on_batch(total.articles_unchanged)
    articles: Iterator[ExtractedArticle] = extract_all(
        fresh, gazetteer, n_process=extraction_workers(n_process, len(fresh)))
    # Extraction and writing overlap: the writer thread sends one batch to Neo4j while the next is
    # extracted. Batches are written one at a time in article order, so the graph is the one a
    # sequential load gives; at most _WRITES_AHEAD batches wait, which bounds memory.
    pending: deque[tuple[Future[WriteSummary], int]] = deque()
    failed = threading.Event()

    def write(batch: list[ExtractedArticle]) -> WriteSummary:
        if failed.is_set():  # a batch queued behind a failed one is not sent, as in a sequential load
            return WriteSummary()
        try:
            return write_articles(graph, batch)
        except BaseException:
            failed.set()
            raise

    def settle(limit: int) -> None:
        while len(pending) > limit:
            future, size = pending.popleft()
            total.add(future.result())
            if on_batch:
                on_batch(size)

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="geokg-writer") as writer:
        try:
            for batch in chunked(articles, batch_size):
                pending.append((writer.submit(write, batch), len(batch)))
                settle(_WRITES_AHEAD)
            settle(0)
        except BaseException:
            failed.set()  # an error stops the load: batches not yet sent are not written
            raise
    return total


_WRITES_AHEAD = 2
# Below this many articles to extract, one process is faster than starting a worker per core.
AUTO_WORKERS_FROM = 200


def load_paths(
    settings: Settings,
    graph: Graph,
    paths: Sequence[Path],
    *,
    gazetteer_files: Sequence[Path] = (),
    n_process: int = 1,
    on_batch: Callable[[int], None] | None = None,
    on_read: Callable[[int], None] | None = None,
    fields: Mapping[str, str] | None = None,
    follow_links: bool = False,
) -> LoadReport:
    """Load files and folders into the graph; read errors are collected, not raised. `fields` names
    unusual JSON keys of the article's title, text, url, date or outlet."""
    started = time.perf_counter()
    init_schema(graph)
    documents, errors = read_all(paths, fields, follow_links=follow_links)
    if on_read:
        on_read(len(documents))
    report = LoadReport(errors=errors, documents=len(documents))
    if documents:
        gazetteer = load_gazetteer(settings, gazetteer_files)
        report.summary = load_documents(graph, documents, gazetteer, batch_size=settings.geokg_batch_size,
                                        n_process=n_process, on_batch=on_batch)
        rank_strongest(graph)
    report.seconds = time.perf_counter() - started
    return report
