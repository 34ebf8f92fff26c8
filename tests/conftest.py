"""Shared fixtures. Integration and browser tests use the real Neo4j that the test command starts;
when it cannot be reached they FAIL with the reason (never skip)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from geokg import cypher
from geokg.errors import GeoKGError
from geokg.graphdb import Graph, init_schema
from geokg.settings import Settings

REPO = Path(__file__).resolve().parent.parent
SEED_DIR = REPO.parent / "shared" / "corpus"
SAMPLES = REPO / "loader" / "samples"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        parts = Path(str(item.fspath)).parts
        if "integration" in parts:
            item.add_marker(pytest.mark.integration)
        if "browser" in parts:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def graph(settings: Settings) -> Iterator[Graph]:
    """The real Neo4j with the schema applied; fails the test when it is unreachable."""
    db = Graph(settings)
    try:
        db.verify()
        init_schema(db)
    except GeoKGError as exc:
        pytest.fail(f"Neo4j is required for this test: {exc}", pytrace=False)
    yield db
    db.close()


def clear(db: Graph) -> None:
    db.run_autocommit(cypher.load("write/clear"))


@pytest.fixture
def clean_graph(graph: Graph) -> Graph:
    """An empty graph (schema kept) for one test."""
    clear(graph)
    return graph


@pytest.fixture
def seed_article() -> Path:
    path = SEED_DIR / "seed-article.txt"
    if not path.exists():
        pytest.fail(f"seed corpus missing: expected {path} beside the checkout (../shared/corpus/)",
                    pytrace=False)
    return path


def load_sample_data(db: Graph, settings: Settings, *, with_seed: bool = True) -> None:
    """The demo data through the real loader: the sample corpus, the seed article and reference tables."""
    from loader.pipeline import load_paths
    from loader.reference.bundle import import_bundled_reference

    clear(db)
    paths = [SAMPLES / "articles"]
    if with_seed and (SEED_DIR / "seed-article.txt").exists():
        paths.append(SEED_DIR / "seed-article.txt")
    report = load_paths(settings, db, paths)
    assert report.exit_code == 0, report.errors
    import_bundled_reference(settings, db)


@pytest.fixture(scope="module")
def sample_graph(graph: Graph, settings: Settings) -> Graph:
    """The sample corpus, the seed article and the bundled reference data, loaded once per module."""
    load_sample_data(graph, settings)
    return graph
