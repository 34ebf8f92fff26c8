"""The shipped saved queries on the sample data loaded through the real loader and reference importers.

The defaults of every query are chosen so that it answers something on this data; a few questions are
checked against facts the sample articles and reference tables state.
"""

from __future__ import annotations

from typing import Any

import pytest

from geokg.console import ConsoleResult
from geokg.graphdb import Graph
from geokg.queries import load_library, run_query

LIBRARY = load_library()
# Queries whose answer on the sample data may rightly be empty.
MAY_BE_EMPTY = {"news_contradicting_reference"}


def run(graph: Graph, name: str, **values: Any) -> ConsoleResult:
    return run_query(graph, LIBRARY.get(name), values)


def node_names(result: ConsoleResult, column: str) -> list[str]:
    return [row[column]["properties"]["name"] for row in result.rows if row[column]]


@pytest.mark.parametrize("name", sorted(n for n, q in LIBRARY.queries.items()
                                        if not any(p.required for p in q.params)))
def test_defaults_answer_on_the_sample_data(sample_graph: Graph, name: str) -> None:
    result = run(sample_graph, name)
    if name not in MAY_BE_EMPTY:
        assert result.rows, f"{name} returned nothing on the sample data"
    assert not result.truncated


def test_contradictions_match_the_reconciliation(sample_graph: Graph) -> None:
    verdicts = {r["v"]: r["n"] for r in sample_graph.read(
        "MATCH (c:Claim) WHERE c.type IN ['MEMBER_OF', 'SUPPLIES_ARMS_TO'] AND c.extractor STARTS WITH 'news' "
        "AND c.reconciliation IS NOT NULL RETURN c.reconciliation AS v, count(*) AS n")}
    for status in ("contradicted", "confirmed", "silent"):
        assert len(run(sample_graph, "news_contradicting_reference", status=status).rows) == verdicts.get(status, 0)
    assert verdicts.get("confirmed", 0) > 0


def test_nato_enlargement_by_date(sample_graph: Graph) -> None:
    before = node_names(run(sample_graph, "members_of_alliance", alliance="NATO", on_date="2021-01-01"), "member")
    after = node_names(run(sample_graph, "members_of_alliance", alliance="NATO", on_date="2024-06-01"), "member")
    assert "Finland" not in before and "Sweden" not in before
    assert {"Finland", "Sweden"} <= set(after)
    assert len(after) == len(before) + 2


def test_houthis_attack_israel_with_iranian_arms(sample_graph: Graph) -> None:
    rows = run(sample_graph, "attackers_and_their_suppliers").rows
    assert ("Houthis", "Iran") in {(r["armed_group"]["properties"]["name"],
                                    r["backer"]["properties"]["name"] if r["backer"] else None) for r in rows}


def test_iranian_drones_for_russia(sample_graph: Graph) -> None:
    suppliers = run(sample_graph, "arms_suppliers_of_alliance_members", alliance="CSTO")
    assert {"Iran", "North Korea"} <= set(node_names(suppliers, "supplier"))
    evidence = run(sample_graph, "evidence_for_edge", source="Iran", type="SUPPLIES_ARMS_TO", target="Russia")
    extractors = {r["extractor"] for r in evidence.rows}
    assert "news:rules" in extractors and any(e.startswith("sipri:") for e in extractors)
    assert all("Russia → Iran" not in (r["evidence"] or "") for r in evidence.rows)


def test_rosoboronexport_is_led_by_mikheev(sample_graph: Graph) -> None:
    [row] = run(sample_graph, "leaders", organisation="Rosoboronexport").rows
    assert row["leader"]["properties"]["name"] == "Alexander Mikheev"
    assert [n["properties"]["name"] for n in row["part_of"]] == ["Russia"]
