"""Analytics in headless Chromium: Sankey of arms flows, world map, timeline and centrality for the
selected actor; the shared URL carries the state from the explorer."""

from __future__ import annotations

from typing import Any

import pytest

from dashboard import ids, repo
from dashboard.app import create_app
from dashboard.state import Filters
from geokg.graphdb import Graph
from geokg.settings import Settings
from tests.browser.test_explore import screenshot, wait_for, wait_settled


@pytest.fixture
def data(sample_graph: Graph) -> Graph:
    return sample_graph  # the small seed graph instead: `def data(dashboard_graph)` / `return dashboard_graph`


def flow_names(flows: list[dict[str, Any]]) -> set[str]:
    return {f[end]["name"] for f in flows if f["claims"] for end in ("source", "target")}


def test_analytics_of_the_csto(dash_duo: Any, data: Graph) -> None:
    dash_duo.start_server(create_app(Settings(), graph=data))
    dash_duo.wait_for_page(f"{dash_duo.server_url}/?focus=alliance:csto&hedged=hide")
    dash_duo.wait_for_contains_text(f"#{ids.VIEW_TITLE}", "Network of Collective Security", timeout=15)
    assert dash_duo.find_element(f"#{ids.F_HIDE_HEDGED}").is_selected() or \
        dash_duo.driver.execute_script(f"return document.getElementById('{ids.F_HIDE_HEDGED}').checked")
    wait_settled(dash_duo)
    dash_duo.find_element(f"#{ids.NAV_ANALYTICS}").click()
    wait_for(lambda: "/analytics" in dash_duo.driver.current_url and "hedged=hide" in dash_duo.driver.current_url,
             message="the analytics URL keeps the state")
    dash_duo.wait_for_contains_text(f"#{ids.ANALYTICS_ACTOR}", "Collective Security Treaty Organization", timeout=15)
    flows = [f for f in repo.arms_flows(data, Filters(hide_hedged=True)) if f["claims"]]
    top = flows[0]
    sankey_text = wait_for(lambda: top["source"]["name"] in dash_duo.find_element(f"#{ids.SANKEY}").text
                           and dash_duo.find_element(f"#{ids.SANKEY}").text, message="Sankey nodes")
    assert top["target"]["name"] in sankey_text
    # Actors whose only arms flows are offers or plans (hedged) are hidden with them.
    hedged_only = flow_names(repo.arms_flows(data, Filters())) - flow_names(flows)
    assert hedged_only and not [name for name in hedged_only if name in sankey_text]
    wait_for(lambda: dash_duo.driver.find_elements("css selector", f"#{ids.TIMELINE} .bars path"),
             message="timeline bars")
    # The map's base geometry comes from the app (offline), and the six members are coloured.
    wait_for(lambda: len(dash_duo.driver.find_elements("css selector", f"#{ids.WORLD_MAP} .choroplethlocation")) >= 6,
             message="choropleth countries")
    wait_for(lambda: "Kazakhstan" in dash_duo.find_element(f"#{ids.CENTRALITY}").text, message="centrality rows")
    screenshot(dash_duo, "analytics.png")
    assert not [e for e in dash_duo.get_logs() or [] if e.get("level") == "SEVERE"]
