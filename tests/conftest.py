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


def load_sample_data(db: Graph, settings: Settings) -> None:
    """The demo data through the real loader: the sample corpus (loader/samples) and the reference tables.

    Only what ships with the repository, so every checkout loads the same graph (../shared is not in a user's clone).
    """
    from loader.pipeline import load_paths
    from loader.reference.bundle import import_bundled_reference

    clear(db)
    report = load_paths(settings, db, [SAMPLES / "articles"])
    assert report.exit_code == 0, report.errors
    import_bundled_reference(settings, db)


@pytest.fixture(scope="module")
def sample_graph(graph: Graph, settings: Settings) -> Graph:
    """The sample corpus and the bundled reference data, loaded once per module."""
    load_sample_data(graph, settings)
    return graph
