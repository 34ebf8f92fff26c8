"""Analytics figures and the centrality table, from plain rows."""

from __future__ import annotations

import pytest

from dashboard import figures
from dashboard.elements import RELATION_COLOURS


def flow(source: str, target: str, claims: int, hedged: bool = False) -> dict[str, object]:
    return {"source": {"id": source, "name": source.split(":")[1]},
            "target": {"id": target, "name": target.split(":")[1]}, "claims": claims, "hedged": hedged,
            "modality": "offered" if hedged else "delivered", "items": ["drones"]}


def test_sankey_links_suppliers_to_recipients_weighted_by_claims() -> None:
    fig = figures.sankey([flow("country:RUS", "country:TJK", 3), flow("country:RUS", "country:KGZ", 1, hedged=True),
                          flow("country:USA", "country:TJK", 0)])
    sankey = fig.data[0]
    assert list(sankey.node.label) == ["RUS", "TJK", "KGZ"]
    assert list(sankey.link.value) == [3, 1]
    assert list(sankey.link.source) == [0, 0] and list(sankey.link.target) == [1, 2]
    assert sankey.link.color[1] != sankey.link.color[0]  # hedged flows are paler


def test_sankey_keeps_an_actor_that_both_supplies_and_receives_on_both_sides() -> None:
    fig = figures.sankey([flow("country:RUS", "country:BLR", 2), flow("country:BLR", "country:ARM", 1)])
    assert list(fig.data[0].node.label) == ["RUS", "BLR", "BLR", "ARM"]


def test_empty_inputs_give_a_message_not_an_error() -> None:
    assert "No arms-supply" in figures.sankey([]).layout.annotations[0].text
    assert "Select an actor" in figures.world_map(None, []).layout.annotations[0].text
    assert "No dated claims" in figures.timeline([]).layout.annotations[0].text
    assert figures.centrality({}, []) == []


def test_world_map_colours_countries_by_their_strongest_relation() -> None:
    rows = [
        {"country": {"id": "country:TJK", "name": "Tajikistan", "iso3": "TJK"}, "type": "MEMBER_OF", "outgoing": False,
         "claims": 2},
        {"country": {"id": "country:TJK", "name": "Tajikistan", "iso3": "TJK"}, "type": "SUPPLIES_ARMS_TO",
         "outgoing": True, "claims": 5},
        {"country": {"id": "country:ARM", "name": "Armenia", "iso3": "ARM"}, "type": "MEMBER_OF", "outgoing": False,
         "claims": 1},
        {"country": {"id": "country:XKX", "name": "Nowhere", "iso3": None}, "type": "MEMBER_OF", "outgoing": False,
         "claims": 1},
    ]
    fig = figures.world_map({"id": "country:RUS", "name": "Russia"}, rows)
    traces = {t.name: t for t in fig.data}
    assert set(traces) == {"member of", "supplies arms to"}
    assert list(traces["supplies arms to"].locations) == ["TJK"]
    assert list(traces["member of"].locations) == ["ARM"]
    assert traces["member of"].locationmode == "ISO-3"
    assert traces["member of"].colorscale[0][1] == RELATION_COLOURS["MEMBER_OF"]
    assert "← member of (2)" in traces["supplies arms to"].text[0]


def test_timeline_stacks_claims_per_type_and_month() -> None:
    rows = [{"type": "MEMBER_OF", "month": "2021-08-01", "claims": 6},
            {"type": "SUPPLIES_ARMS_TO", "month": "2021-08-01", "claims": 1},
            {"type": "SUPPLIES_ARMS_TO", "month": "2022-03-01", "claims": 2}]
    fig = figures.timeline(rows)
    bars = {t.name: t for t in fig.data}
    assert list(bars["supplies arms to"].x) == ["2021-08-01", "2022-03-01"]
    assert fig.layout.xaxis.type == "date", "months on a time axis, not categories"
    assert list(bars["supplies arms to"].y) == [1, 2]
    assert list(bars["member of"].y) == [6, 0]
    assert fig.layout.barmode == "stack"


def test_centrality_of_a_star_and_a_pendant() -> None:
    nodes = {n: {"name": n.upper(), "kind": "Country"} for n in ("hub", "a", "b", "c", "d")}
    edges = [{"source": "hub", "target": x} for x in ("a", "b", "c")] + [{"source": "c", "target": "d"},
                                                                         {"source": "a", "target": "zzz"}]
    rows = figures.centrality(nodes, edges)
    first = rows[0]
    assert first["id"] == "hub" and first["degree"] == 3
    assert first["betweenness"] == pytest.approx(5 / 6, abs=1e-3)
    assert {r["id"] for r in rows} == set(nodes)
    assert next(r for r in rows if r["id"] == "d")["betweenness"] == 0.0
