"""Precomputed strongest neighbours: written after a load, removed with any change to an actor's edges,
and the same answer as reading the relations."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from dashboard import repo
from dashboard.state import TYPES, Filters
from geokg.cli import main
from geokg.graphdb import Graph
from geokg.settings import Settings
from loader.pipeline import load_paths
from loader.write import rank_strongest, write_articles
from tests import dashboard_data as data
from tests.conftest import SAMPLES, clear

CSTO = "alliance:csto"
CSTO_SAMPLE = SAMPLES / "articles" / "01-csto-kazakhstan-withdrawal.txt"  # names the six CSTO members


@pytest.fixture
def ranked(graph: Graph, settings: Settings) -> Graph:
    """The seed article written without ranking, and a connection that ranks every actor with a relation."""
    clear(graph)
    write_articles(graph, [data.seed_article()])
    return Graph(settings.model_copy(update={"geokg_rank_min_degree": 1}))


def lists(graph: Graph) -> dict[str, list[str]]:
    rows = graph.read("MATCH (a:Actor) WHERE a.strongest IS NOT NULL RETURN a.id AS id, a.strongest AS top")
    return {r["id"]: r["top"] for r in rows}


def scanned(graph: Graph, actor_id: str) -> list[str]:
    """Neighbours read from the relations themselves, as when no list exists."""
    rows = graph.read(repo.query("neighbours_all", types=TYPES, filtered=False), {"ids": [actor_id], "limit": 250})
    return rows[0]["neighbours"]


def test_ranking_gives_what_reading_the_relations_gives(ranked: Graph) -> None:
    assert lists(ranked) == {}
    rank_strongest(ranked)
    top = lists(ranked)
    assert {CSTO, "country:RUS", "country:TJK", "company:rosoboronexport"} <= set(top)
    for actor_id in top:
        (near, total) = repo.neighbours(ranked, [actor_id], Filters(), repo.NEIGHBOUR_LIMIT)[actor_id]
        assert sorted(near) == sorted(dict.fromkeys(scanned(ranked, actor_id))) and total >= len(near) > 0
    assert "group:taliban" not in top.get("region:central-asia", []), "a denied threat is no relation"


def test_writing_an_edge_removes_the_lists_of_its_ends_only(ranked: Graph) -> None:
    rank_strongest(ranked)
    before = lists(ranked)
    write_articles(ranked, [data.delivery_article()])  # Russia → Tajikistan, Tajikistan → CSTO again
    after = lists(ranked)
    assert {"country:RUS", "country:TJK", CSTO}.isdisjoint(after)
    assert after == {k: v for k, v in before.items() if k not in {"country:RUS", "country:TJK", CSTO}}
    rank_strongest(ranked)
    # Tajikistan's membership now has two claims, so it heads the CSTO's list.
    assert lists(ranked)[CSTO][0] == "country:TJK"


def test_actors_below_the_threshold_are_read_not_ranked(graph: Graph) -> None:
    clear(graph)
    write_articles(graph, [data.seed_article()])
    assert graph.settings.geokg_rank_min_degree > 10
    rank_strongest(graph)
    assert lists(graph) == {}
    near, _ = repo.neighbours(graph, [CSTO], Filters(), repo.NEIGHBOUR_LIMIT)[CSTO]
    assert set(near) == {"country:RUS", "country:ARM", "country:BLR", "country:KAZ", "country:KGZ", "country:TJK"}


def test_a_load_ends_with_the_ranking(graph: Graph, settings: Settings) -> None:
    clear(graph)
    eager = Graph(settings.model_copy(update={"geokg_rank_min_degree": 1}))
    report = load_paths(eager.settings, eager, [CSTO_SAMPLE])
    assert report.summary.articles_new == 1
    assert CSTO in lists(eager)


def test_db_rank_ranks_a_graph_written_without_the_loader(ranked: Graph, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEOKG_RANK_MIN_DEGREE", "1")
    result = CliRunner().invoke(main, ["db", "rank"])
    assert result.exit_code == 0, result.output
    assert f"{len(lists(ranked))} actors with at least 1 relations are ranked" in result.output
    assert CSTO in lists(ranked)
