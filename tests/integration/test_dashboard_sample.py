"""The dashboard's reads on the demo data: the sample corpus (loader/samples) through the real loader,
reference tables imported and reconciled."""

from __future__ import annotations

from dashboard import elements, repo
from dashboard.state import Filters, View
from geokg.graphdb import Graph

CSTO = "alliance:csto"
CURRENT_MEMBERS = {"country:RUS", "country:ARM", "country:BLR", "country:KAZ", "country:KGZ", "country:TJK"}


def test_news_membership_is_confirmed_by_the_reference_data(sample_graph: Graph) -> None:
    edge = repo.edge_details(sample_graph, "country:RUS", "MEMBER_OF", CSTO)
    assert edge is not None
    assert edge["props"]["reconciliation"] == "confirmed"
    assert edge["props"]["news_claims"] >= 1 and edge["props"]["reference_claims"] >= 1


def test_confirmed_only_keeps_the_confirmed_members(sample_graph: Graph) -> None:
    view = repo.load_view(sample_graph, View(mode="ego", actor=CSTO), Filters(confirmed_only=True), cap=200)
    assert set(view.nodes) >= CURRENT_MEMBERS
    # Serbia is an observer: kept as read from the reference tables, but never as a member.
    serbia = [e for e in view.edges if e["source"] == "country:SRB" and e["type"] == "MEMBER_OF"]
    assert all(elements.membership_role(e["props"]) == "observer" for e in serbia)


def test_an_arms_offer_is_hedged_and_has_its_evidence(sample_graph: Graph) -> None:
    # 33-ukrainian-refugees-poland.txt: Poland offered its MiG-29s to the United States (an offer only).
    edge = repo.edge_details(sample_graph, "country:POL", "SUPPLIES_ARMS_TO", "country:USA")
    assert edge is not None and edge["props"]["hedged"] is True
    rows = repo.evidence(sample_graph, "country:POL|SUPPLIES_ARMS_TO|country:USA")
    sentences = [r["claim"]["sentence"] for r in rows]
    assert any("offered to hand over all its MiG-29" in s for s in sentences)
