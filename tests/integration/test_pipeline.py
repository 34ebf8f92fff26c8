"""The load pipeline against the real Neo4j: writing a batch overlaps extracting the next, and the graph
is the one a load that writes each batch before extracting the next gives."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import pytest

from geokg.graphdb import Graph
from geokg.settings import Settings
from loader import pipeline
from loader.extract import extract_documents
from loader.models import ExtractedArticle
from loader.write import WriteSummary, rank_strongest, write_articles
from tests.conftest import SAMPLES, clear
from tests.integration.test_faults import differences, snapshot


def _sequential_load(graph: Graph, settings: Settings) -> None:
    """One batch extracted, then written, then the next: no overlap."""
    documents, errors = pipeline.read_all([SAMPLES / "articles"])
    assert not errors
    gazetteer = pipeline.load_gazetteer(settings)
    articles = list(extract_documents(documents, gazetteer))
    for batch in pipeline.chunked(articles, 5):
        write_articles(graph, batch)
    rank_strongest(graph)


def test_an_overlapped_load_writes_the_graph_a_sequential_load_writes(
    clean_graph: Graph, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    _sequential_load(clean_graph, settings)
    expected = snapshot(clean_graph)
    clear(clean_graph)

    threads: set[str] = set()
    real_write = pipeline.write_articles

    def write(graph: Graph, batch: Sequence[ExtractedArticle]) -> WriteSummary:
        threads.add(threading.current_thread().name)
        return real_write(graph, batch)

    monkeypatch.setattr(pipeline, "write_articles", write)
    small = settings.model_copy(update={"geokg_batch_size": 5})
    report = pipeline.load_paths(small, clean_graph, [SAMPLES / "articles"])
    assert report.exit_code == 0 and report.summary.articles_new == report.documents > 5
    assert threads and all(name.startswith("geokg-writer") for name in threads)  # written beside extraction
    assert differences(expected, snapshot(clean_graph)) == dict.fromkeys(
        ("articles", "claims", "actors", "sources", "edges"), 0)


def test_a_failed_write_stops_the_load_and_leaves_no_later_batch_written(
    clean_graph: Graph, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = pipeline.write_articles
    calls: list[int] = []

    def write(graph: Graph, batch: Sequence[ExtractedArticle]) -> WriteSummary:
        calls.append(len(batch))
        if len(calls) == 2:
            raise RuntimeError("write refused")
        return real_write(graph, batch)

    monkeypatch.setattr(pipeline, "write_articles", write)
    small = settings.model_copy(update={"geokg_batch_size": 5})
    with pytest.raises(RuntimeError, match="write refused"):
        pipeline.load_paths(small, clean_graph, [SAMPLES / "articles"])
    written = clean_graph.read("MATCH (a:Article) RETURN count(a) AS n")[0]["n"]
    assert written == 5  # the first batch only: nothing after the failed one was sent
