"""Neo4j's notifications reach the console's reader: a mistyped property or a cartesian product is told as a
warning beside the rows, in the result and on the saved-queries page."""

from __future__ import annotations

from geokg.console import run_readonly
from geokg.graphdb import Graph
from loader.models import Entity, ExtractedArticle
from loader.write import write_articles


def _one_actor(graph: Graph) -> None:
    write_articles(graph, [ExtractedArticle(
        id="warn-a", title="T", path="t.txt", entities=[Entity(id="country:XWA", name="Westland", kind="Country",
                                                                 mentions=1)], relations=[])])


def test_a_mistyped_property_is_a_warning(clean_graph: Graph) -> None:
    _one_actor(clean_graph)
    result = run_readonly(clean_graph, "MATCH (a:Actor) RETURN a.nmae AS name")
    assert result.rows and all(r["name"] is None for r in result.rows)
    assert any("nmae" in w for w in result.warnings), result.warnings


def test_a_cartesian_product_is_a_warning(clean_graph: Graph) -> None:
    _one_actor(clean_graph)
    result = run_readonly(clean_graph, "MATCH (a:Actor), (b:Actor) RETURN count(*) AS n")
    assert any("cartesian" in w.lower() for w in result.warnings), result.warnings
    clean = run_readonly(clean_graph, "MATCH (a:Actor) RETURN a.name AS name")
    assert clean.warnings == []
