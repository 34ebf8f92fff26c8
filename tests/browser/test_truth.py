"""Time and roles as drawn in headless Chromium: observers, partners and former members apart from members,
the evidence title and reference badge of an observer, undated relations left out of a period until asked."""

from __future__ import annotations

from typing import Any

import pytest

from dashboard import ids
from dashboard.app import create_app
from geokg.graphdb import Graph
from geokg.settings import Settings
from tests.browser.test_explore import cy, node_ids, wait_for, wait_settled
from tests.integration.test_dashboard_truth import NORTH, SOUTH, add_undated_article

CSTO = "alliance:csto"


@pytest.fixture(scope="module")
def data(sample_graph: Graph) -> Graph:
    add_undated_article(sample_graph)
    return sample_graph


def classes(dash_duo: Any, element_id: str) -> list[str]:
    return cy(dash_duo, f"cy.getElementById({element_id!r}).classes()") or []


def test_roles_are_drawn_and_titled_apart(dash_duo: Any, data: Graph) -> None:
    dash_duo.start_server(create_app(Settings(), graph=data))
    dash_duo.wait_for_page(f"{dash_duo.server_url}/?focus={CSTO}")
    dash_duo.wait_for_contains_text(f"#{ids.VIEW_TITLE}", "Network of Collective Security", timeout=20)
    wait_settled(dash_duo)
    serbia, georgia, russia = (f"country:{c}|MEMBER_OF|{CSTO}" for c in ("SRB", "GEO", "RUS"))
    assert "role-observer" in classes(dash_duo, serbia) and "hedged" not in classes(dash_duo, serbia)
    assert {"role-former", "former"} <= set(classes(dash_duo, georgia))
    assert "role-member" in classes(dash_duo, russia)
    assert cy(dash_duo, f"cy.getElementById({serbia!r}).data('label')") == "observer of"
    # The panel counts members, observers and former members apart.
    cy(dash_duo, f"(cy.getElementById({CSTO!r}).emit('tap'), true)")
    dash_duo.wait_for_contains_text("#details-relations", "observer of", timeout=10)
    groups = [g.text for g in dash_duo.find_elements(".geokg-relation-group")]
    assert "← member of" in groups and "← observer of" in groups and "← former member of" in groups
    cy(dash_duo, f"(cy.getElementById({serbia!r}).emit('tap'), true)")
    dash_duo.wait_for_contains_text("#edge-title", "observer of", timeout=10)
    assert "member of" not in dash_duo.find_element("#edge-title").text.replace("observer of", "")
    assert dash_duo.find_element("#edge-reference").text == "From reference data"


def test_a_period_leaves_undated_relations_out_until_included(dash_duo: Any, data: Graph) -> None:
    dash_duo.start_server(create_app(Settings(), graph=data))
    dash_duo.wait_for_page(f"{dash_duo.server_url}/?focus={NORTH.id}")
    dash_duo.wait_for_contains_text(f"#{ids.VIEW_TITLE}", "Network of Northland", timeout=20)
    wait_for(lambda: SOUTH.id in node_ids(dash_duo), message="the undated relation without a period")
    dash_duo.wait_for_page(f"{dash_duo.server_url}/?focus={NORTH.id}&from=2021-01")
    dash_duo.wait_for_contains_text(f"#{ids.F_DATES_LABEL}", "undated left out", timeout=15)
    wait_for(lambda: node_ids(dash_duo) == {NORTH.id}, message="the undated relation left out")
    dash_duo.find_element(f"#{ids.F_UNDATED}").click()
    wait_for(lambda: SOUTH.id in node_ids(dash_duo), message="the undated relation included")
    wait_for(lambda: "undated=1" in dash_duo.driver.current_url, message="the URL to carry the choice")
    cy(dash_duo, f"(cy.getElementById({NORTH.id + '|SUPPLIES_ARMS_TO|' + SOUTH.id!r}).emit('tap'), true)")
    dash_duo.wait_for_contains_text("#edge-reported", "undated", timeout=10)
    assert "undated" in dash_duo.find_element("#evidence-list").text
