"""The dashboard's reads on the demo data: sample corpus + seed article through the real loader,
reference tables imported and reconciled."""

from __future__ import annotations

from dashboard import repo
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
    assert "country:SRB" not in view.nodes  # an observer, never confirmed as a member


def test_the_arms_offer_of_the_seed_article_has_its_evidence(sample_graph: Graph) -> None:
    edge = repo.edge_details(sample_graph, "country:RUS", "SUPPLIES_ARMS_TO", "region:central-asia")
    assert edge is not None and edge["props"]["hedged"] is True
    rows = repo.evidence(sample_graph, "country:RUS|SUPPLIES_ARMS_TO|region:central-asia")
    sentences = [r["claim"]["sentence"] for r in rows]
    assert any("ready to supply weapons" in s for s in sentences)
