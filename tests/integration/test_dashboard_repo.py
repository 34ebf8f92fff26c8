"""The dashboard's reads against the real Neo4j, on the seed-article graph of tests/dashboard_data.py."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dashboard import repo
from dashboard.state import Filters, MaxHops, View
from geokg.errors import QueryError
from geokg.graphdb import Graph
from tests.conftest import clear
from tests.dashboard_data import DENIAL_SENTENCE, MEMBERS, SEED_TITLE, SUPPLY_SENTENCE, load_dashboard_data

CSTO = "alliance:csto"
MEMBER_IDS = {m.id for m in MEMBERS}


@pytest.fixture(scope="module")
def data(graph: Graph) -> Graph:
    clear(graph)
    load_dashboard_data(graph)
    return graph


def ids_of(graph: Graph, text: str) -> list[str]:
    return [r["id"] for r in repo.search_actors(graph, text)]


@pytest.mark.parametrize("text", ["csto", "CSTO", "Collective Security", "collective sec", "odkb"])
def test_search_finds_the_csto_by_name_or_alias(data: Graph, text: str) -> None:
    assert ids_of(data, text)[0] == CSTO


def test_search_prefixes_typos_and_operators(data: Graph) -> None:
    assert ids_of(data, "rosob")[0] == "company:rosoboronexport"
    assert "country:TJK" in ids_of(data, "Tajikstan")          # one letter missing
    assert ids_of(data, "Russian Federation")[0] == "country:RUS"
    for hostile in ['csto")', "csto OR *:*", "AND", "~", "name:x) MATCH (n) DETACH DELETE n //", "  "]:
        repo.search_actors(data, hostile)  # never a Lucene or Cypher error
    assert repo.search_actors(data, "") == []


def test_lucene_query_keeps_only_words() -> None:
    assert repo.lucene_query("Collective Sec") == "(collective* OR collective OR collective~1) AND (sec* OR sec)"
    assert repo.lucene_query('a") OR *:* //') == "(a* OR a) AND (or* OR or)"
    assert repo.lucene_query("!!!") is None


def test_overview_lists_alliances_and_members(data: Graph) -> None:
    sub = repo.load_view(data, View(), Filters(), cap=100)
    assert set(sub.nodes) == MEMBER_IDS | {CSTO}
    assert sum(1 for e in sub.edges if e["type"] == "MEMBER_OF") == 6 and sub.not_shown == 0


def test_ego_network_of_the_csto_is_its_six_members(data: Graph) -> None:
    sub = repo.load_view(data, View(mode="ego", actor=CSTO), Filters(), cap=100)
    assert set(sub.nodes) == MEMBER_IDS | {CSTO}
    members = {e["source"] for e in sub.edges if e["type"] == "MEMBER_OF" and e["target"] == CSTO}
    assert members == MEMBER_IDS
    assert any(e["type"] == "JOINT_EXERCISE_WITH" for e in sub.edges), "edges among the members are drawn too"
    assert sub.nodes["country:RUS"]["iso2"] == "RU"


def test_expanding_russia_adds_rosoboronexport_and_the_arms_offer(data: Graph) -> None:
    sub = repo.load_view(data, View(mode="ego", actor=CSTO, expanded=["country:RUS"]), Filters(), cap=100)
    assert {"company:rosoboronexport", "region:central-asia", "country:UZB"} <= set(sub.nodes)
    supply = next(e for e in sub.edges if e["type"] == "SUPPLIES_ARMS_TO" and e["target"] == "region:central-asia")
    assert supply["source"] == "country:RUS"
    assert supply["props"]["hedged"] is True and supply["props"]["modality"] == "offered"
    assert sorted(supply["props"]["items"]) == ["firearms", "helicopters"]


def test_hidden_actors_are_left_out_and_counted(data: Graph) -> None:
    sub = repo.load_view(data, View(mode="ego", actor=CSTO, hidden=["country:ARM"]), Filters(), cap=100)
    assert "country:ARM" not in sub.nodes and sub.not_shown == 1


def test_the_cap_limits_actors_and_reports_the_rest(data: Graph) -> None:
    sub = repo.load_view(data, View(mode="ego", actor=CSTO), Filters(), cap=3)
    assert len(sub.nodes) == 3 and CSTO in sub.nodes
    assert sub.not_shown == 4


def test_the_edge_cap_draws_the_anchors_relations_first_and_counts_the_rest(data: Graph) -> None:
    full = repo.load_view(data, View(mode="ego", actor=CSTO), Filters(), cap=100)
    ids = list(full.nodes)
    sub = repo.subgraph(data, ids, Filters(), edge_limit=6, anchors=[CSTO])
    assert len(sub.edges) == 6 and all(CSTO in (e["source"], e["target"]) for e in sub.edges)
    assert sub.edges_total == len(full.edges) > 6 and sub.edges_anchored == 6
    # Seven actors fit the cap, seven of their relations are drawn; the others are counted, not lost.
    capped = repo.load_view(data, View(mode="ego", actor=CSTO), Filters(), cap=7)
    assert set(capped.nodes) == set(full.nodes) and len(capped.edges) == 7
    assert capped.not_shown == len(full.edges) - 7


def test_unknown_actor_is_reported(data: Graph) -> None:
    sub = repo.load_view(data, View(mode="ego", actor="country:XXX"), Filters(), cap=100)
    assert sub.nodes == {} and sub.missing == ["country:XXX"]


@pytest.mark.parametrize(("filters", "expected"), [
    (Filters(hide_hedged=True), {"country:RUS", "country:TJK", "country:UZB", CSTO, "company:rosoboronexport"}),
    (Filters(confirmed_only=True), {"country:RUS", CSTO}),
    (Filters(date_from="2022-01"), {"country:RUS", "country:TJK"}),
    (Filters(date_to="2021-12"), {"country:RUS", "country:TJK", "country:UZB", "country:KGZ", CSTO,
                                  "company:rosoboronexport", "region:central-asia"}),
    (Filters(types=["SUPPLIES_ARMS_TO"]), {"country:RUS", "country:TJK", "region:central-asia"}),
    (Filters(kinds=["Country"]), {"country:RUS", "country:TJK", "country:UZB", "country:KGZ"}),
    (Filters(min_confidence=0.86), {"country:RUS", CSTO, "country:TJK"}),
    (Filters(min_claims=2), {"country:RUS"}),
])
def test_filters_narrow_russias_network(data: Graph, filters: Filters, expected: set[str]) -> None:
    assert set(repo.load_view(data, View(mode="ego", actor="country:RUS"), filters, cap=100).nodes) == expected


def test_valid_time_axis_keeps_edges_without_since_until(data: Graph) -> None:
    filters = Filters(axis="valid", date_from="1990-01", date_to="1990-12")
    assert "region:central-asia" in repo.load_view(data, View(mode="ego", actor="country:RUS"), filters, 100).nodes


def test_shortest_paths_respect_types_and_length(data: Graph) -> None:
    paths = repo.shortest_paths(data, "person:alexander-mikheev", "country:TJK", MaxHops.SIX, Filters())
    assert paths == [["person:alexander-mikheev", "company:rosoboronexport", "country:RUS", "country:TJK"]]
    assert repo.shortest_paths(data, "person:alexander-mikheev", "country:TJK", MaxHops.TWO, Filters()) == []
    only_members = Filters(types=["MEMBER_OF"])
    assert repo.shortest_paths(data, "person:alexander-mikheev", "country:TJK", MaxHops.SIX, only_members) == []
    via_csto = repo.shortest_paths(data, "country:ARM", "country:BLR", MaxHops.FOUR, only_members)
    assert via_csto == [["country:ARM", CSTO, "country:BLR"]]
    sub = repo.load_view(data, View(mode="path", path_from="country:ARM", path_to="group:isis"), Filters(), 100)
    assert sub.empty_reason and set(sub.nodes) == {"country:ARM", "group:isis"}


def test_actor_details_group_relations(data: Graph) -> None:
    details = repo.actor_details(data, "country:RUS")
    assert details is not None
    assert details["actor"]["aliases"] == ["Russian", "Russian Federation"] and details["articles"] == 2
    groups = {(g["type"], g["outgoing"]): g for g in details["relations"]}
    assert groups[("SUPPLIES_ARMS_TO", True)]["count"] == 2
    assert groups[("PART_OF", False)]["sample"][0]["name"] == "Rosoboronexport"
    assert repo.actor_details(data, "country:XXX") is None


def test_evidence_of_the_arms_offer(data: Graph) -> None:
    edge = repo.edge_details(data, "country:RUS", "SUPPLIES_ARMS_TO", "region:central-asia")
    assert edge is not None and edge["props"]["reconciliation"] == "silent"
    (row,) = repo.evidence(data, "country:RUS|SUPPLIES_ARMS_TO|region:central-asia")
    assert row["claim"]["sentence"] == SUPPLY_SENTENCE
    assert row["claim"]["attributed_to"] == "RIA Novosti" and "RIA Novosti" in row["cited"]
    assert row["article"]["title"] == SEED_TITLE
    assert row["outlets"] == ["Example World Desk"] and row["claim"]["reported"] == "2021-08-23"


def test_denials_are_evidence_too(data: Graph) -> None:
    (row,) = repo.evidence(data, "group:taliban|THREATENS|region:central-asia")
    assert row["claim"]["negated"] is True and row["claim"]["sentence"] == DENIAL_SENTENCE
    assert repo.edge_details(data, "group:taliban", "THREATENS", "region:central-asia") is None


def test_edge_type_must_come_from_the_allow_list(data: Graph) -> None:
    with pytest.raises(QueryError):
        repo.edge_details(data, "a", "MEMBER_OF]->() DETACH DELETE x //", "b")


def test_analytics_reads(data: Graph) -> None:
    assert repo.date_bounds(data) == (date(2021, 8, 23), date(2022, 3, 14))
    flows = {(f["source"]["id"], f["target"]["id"]): f["claims"] for f in repo.arms_flows(data, Filters())}
    assert flows == {("country:RUS", "country:TJK"): 1, ("country:RUS", "region:central-asia"): 1}
    later = repo.arms_flows(data, Filters(date_from="2022-01"))
    assert [(f["target"]["id"], f["claims"]) for f in later] == [("country:TJK", 1)]
    countries = {r["country"]["iso3"] for r in repo.actor_countries(data, CSTO, Filters())}
    assert countries == {m.iso3 for m in MEMBERS}
    timeline = {(r["type"], r["month"]): r["claims"] for r in repo.timeline(data, Filters())}
    assert timeline[("MEMBER_OF", "2021-08-01")] == 6 and timeline[("SUPPLIES_ARMS_TO", "2022-03-01")] == 1
    about_tjk = {(r["type"], r["month"]) for r in repo.timeline(data, Filters(), "country:TJK")}
    assert ("SUPPLIES_ARMS_TO", "2022-03-01") in about_tjk and ("ATTACKED", "2021-08-01") not in about_tjk
    assert repo.ping(data) is True


def test_every_read_is_refused_a_write(data: Graph) -> None:
    with pytest.raises(QueryError):
        data.read("CREATE (:Actor {id: 'x:injected'})")
    assert data.read("MATCH (a:Actor {id: 'x:injected'}) RETURN count(a) AS n")[0]["n"] == 0


def plan_operators(graph: Graph, query: str, params: dict[str, Any]) -> set[str]:
    def work(tx: Any) -> Any:
        return tx.run("EXPLAIN " + query, params).consume().plan

    ops: set[str] = set()

    def walk(node: dict[str, Any]) -> None:
        ops.add(node["operatorType"].split("@")[0])
        for child in node.get("children", []):
            walk(child)
    walk(graph.read_tx(work))
    return ops


def test_unfiltered_queries_leave_out_the_edge_filter() -> None:
    assert "$min_claims" not in repo.query("neighbours", filtered=False)
    assert "$min_claims" in repo.query("neighbours", filtered=True)


def test_expand_and_search_use_indexes(data: Graph) -> None:
    params = {**Filters().query_params(), "ids": ["country:RUS"], "limit": 10}
    for name in ("neighbours", "neighbours_all"):
        ops = plan_operators(data, repo.query(name, types=Filters().types), params)
        assert "NodeUniqueIndexSeek" in ops and "AllNodesScan" not in ops and "NodeByLabelScan" not in ops
    ops = plan_operators(data, repo.query("subgraph", types=Filters().types),
                         {**Filters().query_params(), "ids": ["country:RUS"], "anchors": [], "limit": 10})
    assert "NodeUniqueIndexSeek" in ops or "MultiNodeIndexSeek" in ops or "NodeIndexSeek" in ops
    assert "AllNodesScan" not in ops
    ops = plan_operators(data, repo.query("evidence"), {"key": "a|MEMBER_OF|b", "limit": 5})
    assert "NodeIndexSeek" in ops and "NodeByLabelScan" not in ops
    ops = plan_operators(data, repo.query("search_actors"), {"query": "csto*", "limit": 5})
    assert "ProcedureCall" in ops
