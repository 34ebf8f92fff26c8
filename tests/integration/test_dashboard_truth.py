"""Time and roles told truthfully, read from the real Neo4j (sample corpus + bundled reference tables) through
`dashboard.repo` and the callbacks: undated relations and a period, membership roles in counts, titles, the
drawing, the CSV and the map, reference-only edges, finished deliveries."""

from __future__ import annotations

from typing import Any

import pytest
from dash.development.base_component import Component

from dashboard import callbacks, components, elements, figures, repo
from dashboard.app import create_app
from dashboard.state import Filters, View
from geokg.graphdb import Graph
from geokg.settings import Settings
from loader.models import Entity, ExtractedArticle, Relation
from loader.write import write_articles

CSTO, SCO = "alliance:csto", "alliance:sco"
# Two invented actors related only by an article with no date.
NORTH = Entity(id="country:XNA", name="Northland", kind="Country", aliases=[], iso2=None, iso3=None, mentions=1)
SOUTH = Entity(id="country:XSA", name="Southland", kind="Country", aliases=[], iso2=None, iso3=None, mentions=1)
UNDATED_SENTENCE = "Northland has agreed to sell patrol boats to Southland, officials in both capitals said."
UNDATED_KEY = "country:XNA|SUPPLIES_ARMS_TO|country:XSA"


def texts(tree: Any) -> str:
    out: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, str | int | float):
            out.append(str(node))
        elif isinstance(node, list | tuple):
            for item in node:
                walk(item)
        elif isinstance(node, Component):
            walk(getattr(node, "children", None))
    walk(tree)
    return " ".join(out)


def add_undated_article(graph: Graph) -> None:
    write_articles(graph, [ExtractedArticle(
        id="undated-boats", title="Patrol boats", path="boats.txt", published=None, entities=[NORTH, SOUTH],
        relations=[Relation(source=NORTH.id, type="SUPPLIES_ARMS_TO", target=SOUTH.id, confidence=0.8,
                            evidence=UNDATED_SENTENCE)])])


@pytest.fixture(scope="module")
def data(sample_graph: Graph) -> Graph:
    add_undated_article(sample_graph)
    return sample_graph


def details_callback(app: Any) -> Any:
    for entry in app.callback_map.values():
        inner = getattr(entry.get("callback"), "__wrapped__", None)
        if inner is not None and inner.__name__ == "_details":
            return inner
    raise AssertionError("no details callback")


def test_membership_counts_are_per_role(data: Graph) -> None:
    details = repo.actor_details(data, CSTO)
    assert details is not None
    counts = {g["role"]: g["count"] for g in details["relations"] if g["type"] == "MEMBER_OF"}
    assert counts["observer"] == 1 and counts["former"] == 3
    assert counts["member"] == 6
    panel = texts(components.actor_details(details, expanded=False, on_canvas=True))
    assert "← member of" in panel and "← observer of" in panel and "← former member of" in panel


def test_the_latest_role_of_a_pair_wins(data: Graph) -> None:
    # Iran and Belarus were SCO observers before they became members.
    view = repo.load_view(data, View(mode="ego", actor=SCO), Filters(), 1500)
    roles = {(e["source"], e["target"]): elements.membership_role(e["props"]) for e in view.edges
             if e["type"] == "MEMBER_OF"}
    assert roles[("country:IRN", SCO)] == "member" and roles[("country:BLR", SCO)] == "member"
    assert "observer" in roles.values() and "partner" in roles.values()


def test_the_evidence_title_says_observer_and_from_reference_data(data: Graph) -> None:
    app = create_app(Settings(), graph=data)
    panel = details_callback(app)({"edge": f"country:SRB|MEMBER_OF|{CSTO}"}, {})
    text = texts(panel)
    assert "observer of" in text and "member of" not in text.replace("observer of", "")
    assert "From reference data" in text and "Not checked against reference data" not in text


def test_drawn_edges_and_csv_carry_the_role(data: Graph) -> None:
    sub = repo.load_view(data, View(mode="ego", actor=CSTO), Filters(), 1500)
    els = elements.build_elements(sub.nodes, sub.edges)
    by_id = {e["data"]["id"]: e for e in els}
    serbia = by_id[f"country:SRB|MEMBER_OF|{CSTO}"]
    assert "role-observer" in serbia["classes"] and "hedged" not in serbia["classes"]
    assert serbia["data"]["label"] == "observer of"
    georgia = by_id[f"country:GEO|MEMBER_OF|{CSTO}"]
    assert "former" in georgia["classes"] and georgia["data"]["label"].startswith("former member of")
    rows = {(r["source"], r["type"], r["target"]): r for r in elements.edge_table(els)}
    assert rows[("country:SRB", "MEMBER_OF", CSTO)]["role"] == "observer"
    assert rows[("country:RUS", "MEMBER_OF", CSTO)]["role"] == "member"
    assert rows[("country:SRB", "MEMBER_OF", CSTO)]["origin"] == "reference data"
    assert "role,target" in callbacks.edges_csv(els).splitlines()[0]


def test_the_map_colours_observers_and_former_members_apart(data: Graph) -> None:
    details = repo.actor_details(data, CSTO)
    assert details is not None
    fig = figures.world_map(details["actor"], repo.actor_countries(data, CSTO, Filters()))
    names = {t.name: set(t.locations) for t in fig.data}
    assert "SRB" in names["observer of"] and "GEO" in names["former member of"]
    assert "SRB" not in names["member of"] and "RUS" in names["member of"]


def test_confirmed_only_keeps_reference_edges(data: Graph) -> None:
    everything = repo.load_view(data, View(mode="ego", actor="country:RUS"), Filters(), 1500)
    confirmed = repo.load_view(data, View(mode="ego", actor="country:RUS"), Filters(confirmed_only=True), 1500)
    reference_only = {e["target"] if e["source"] == "country:RUS" else e["source"] for e in everything.edges
                      if "country:RUS" in (e["source"], e["target"]) and elements.from_reference_only(e["props"])}
    assert reference_only and reference_only <= set(confirmed.nodes)


def test_a_period_leaves_undated_relations_out_unless_asked(data: Graph) -> None:
    first, last = repo.date_bounds(data)
    assert first and last
    period = Filters(date_from=f"{first.year:04d}-{first.month:02d}")
    ego = View(mode="ego", actor=NORTH.id)
    assert SOUTH.id in repo.load_view(data, ego, Filters(), 100).nodes
    assert SOUTH.id not in repo.load_view(data, ego, period, 100).nodes
    with_undated = period.model_copy(update={"include_undated": True})
    assert SOUTH.id in repo.load_view(data, ego, with_undated, 100).nodes


def test_undated_claims_are_labelled_and_counted(data: Graph) -> None:
    app = create_app(Settings(), graph=data)
    text = texts(details_callback(app)({"edge": UNDATED_KEY}, {}))
    assert "Reported: undated" in text and "date:  undated" in text
    fig = figures.timeline(repo.timeline(data, Filters(), NORTH.id))
    assert "1 undated claims" in fig.layout.annotations[0].text
    whole = figures.timeline(repo.timeline(data, Filters()))
    assert whole.layout.xaxis.type == "date" and "undated" in whole.layout.title.text


def test_finished_deliveries_are_not_former(data: Graph) -> None:
    rows = data.read("MATCH (s:Actor)-[r:SUPPLIES_ARMS_TO]->(t:Actor) WHERE r.until IS NOT NULL "
                     "RETURN s.id AS s, t.id AS t, properties(r) AS props LIMIT 5")
    assert rows
    for row in rows:
        element = elements.edge_element(row["s"], "SUPPLIES_ARMS_TO", row["t"], row["props"])
        assert "former" not in element["classes"]
