"""The saved-queries page in headless Chromium: open a query by URL, change a parameter, run, and see the
table, the graph, the URL with its parameters, and the link that continues in the explorer."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dashboard.pages import query_ids as ids
from geokg.graphdb import Graph
from geokg.settings import Settings
from tests import query_data
from tests.conftest import clear

# Nodes of the page's Cytoscape graph, read from the cytoscape.js instance behind the canvas.
CY_NODES = """
const host = document.getElementById(arguments[0]);
if (!host) { return null; }
const holders = [host, ...host.querySelectorAll('div')];
const found = holders.find(el => el._cyreg && el._cyreg.cy);
return found ? found._cyreg.cy.nodes().map(n => n.id()).sort() : null;
"""
CY_TAP = """
const host = document.getElementById(arguments[0]);
const found = [host, ...host.querySelectorAll('div')].find(el => el._cyreg && el._cyreg.cy);
found._cyreg.cy.getElementById(arguments[1]).emit('tap');
"""


@pytest.fixture(scope="module")
def loaded(graph: Graph) -> Iterator[Graph]:
    clear(graph)
    query_data.build(graph)
    yield graph


@pytest.fixture
def app(loaded: Graph, settings: Settings) -> Any:
    try:
        from dashboard.app import create_app
    except ImportError as exc:
        pytest.fail(f"the dashboard app is required for this test: {exc}", pytrace=False)
    return create_app(settings, loaded)


def param_selector(name: str) -> str:
    # Dash renders a dict id as compact JSON with sorted keys.
    return f"[id='{json.dumps({'name': name, 'type': ids.PARAM}, separators=(',', ':'))}']"


def replace_text(element: Any, text: str) -> None:
    """Select everything in an input or textarea and type over it (clear_input only clears one line)."""
    from selenium.webdriver.common.keys import Keys

    element.send_keys(Keys.CONTROL, "a")
    element.send_keys(Keys.DELETE)
    element.send_keys(text)


def wait_for_graph(dash_duo: Any, graph_id: str, expected: list[str], timeout: float = 10) -> list[str]:
    deadline = time.time() + timeout
    nodes = None
    while time.time() < deadline:
        nodes = dash_duo.driver.execute_script(CY_NODES, graph_id)
        if nodes == expected:
            return nodes
        time.sleep(0.2)
    raise AssertionError(f"graph nodes {nodes} != {expected}")


def test_open_change_run_see_table_and_graph(dash_duo: Any, app: Any) -> None:
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/queries/exercise_partners")
    message = f"#{ids.result(ids.QUERY_PANEL, 'message')}"
    dash_duo.wait_for_contains_text(message, "2 rows", timeout=10)

    country = dash_duo.find_element(param_selector("country"))
    assert country.get_attribute("value") == "Russia"
    replace_text(country, "Uzbekistan")
    dash_duo.find_element(f"#{ids.RUN}").click()

    dash_duo.wait_for_contains_text(message, "1 row", timeout=10)
    grid = f"#{ids.result(ids.QUERY_PANEL, 'grid')}"
    dash_duo.wait_for_contains_text(grid, "Russia", timeout=10)
    assert "JOINT_EXERCISE_WITH ×1" in dash_duo.find_element(grid).text
    assert dash_duo.driver.current_url.endswith("/queries/exercise_partners?country=Uzbekistan")

    graph_id = ids.result(ids.QUERY_PANEL, "graph")
    assert wait_for_graph(dash_duo, graph_id, ["country:RUS", "country:UZB"])
    dash_duo.driver.execute_script(CY_TAP, graph_id, "country:RUS")
    explorer = f"#{ids.result(ids.QUERY_PANEL, 'explorer')}"
    dash_duo.wait_for_contains_text(explorer, "Continue in explorer from Russia", timeout=10)
    link = dash_duo.find_element(f"{explorer} a")
    assert link.get_attribute("href").endswith("/?focus=country%3ARUS")
    # No script errors (a stylesheet that cannot be fetched offline is a network entry, not ours).
    assert [e for e in dash_duo.get_logs() or [] if e.get("source") != "network"] == []


def test_query_list_search_console_refusal_and_save(dash_duo: Any, loaded: Graph, settings: Settings,
                                                     tmp_path: Path) -> None:
    from dashboard.app import create_app

    app = create_app(settings.model_copy(update={"geokg_user_queries_dir": tmp_path}), loaded)
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/queries")
    search = dash_duo.find_element(f"#{ids.SEARCH}")
    search.send_keys("supply chain")
    dash_duo.wait_for_contains_text(f"#{ids.LIST}", "Two-step arms supply chains", timeout=10)
    assert "Members of an alliance" not in dash_duo.find_element(f"#{ids.LIST}").text

    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/queries/console")
    text = dash_duo.find_element(f"#{ids.CONSOLE_TEXT}")
    replace_text(text, "MATCH (n) DETACH DELETE n")
    dash_duo.find_element(f"#{ids.CONSOLE_RUN}").click()
    message = f"#{ids.result(ids.CONSOLE_PANEL, 'message')}"
    dash_duo.wait_for_contains_text(message, "Refused: DETACH is not allowed", timeout=10)
    assert loaded.read("MATCH (n) RETURN count(n) AS n")[0]["n"] > 30

    replace_text(text, "MATCH (h:Actor)-[:HOSTS_BASE_OF]->(g:Actor {id: $guest}) RETURN h.name AS host ORDER BY host")
    replace_text(dash_duo.find_element(f"#{ids.CONSOLE_PARAMS}"), '{"guest": "country:RUS"}')
    dash_duo.find_element(f"#{ids.CONSOLE_RUN}").click()
    dash_duo.wait_for_contains_text(message, "2 rows", timeout=10)
    dash_duo.find_element(f"#{ids.SAVE_NAME}").send_keys("russian_bases")
    dash_duo.find_element(f"#{ids.SAVE_TITLE}").send_keys("Russian bases abroad")
    dash_duo.find_element(f"#{ids.SAVE}").click()
    dash_duo.wait_for_contains_text(f"#{ids.SAVE_STATUS}", "Saved.", timeout=10)
    assert (tmp_path / "russian_bases.cypher").exists()

    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/queries/russian_bases")
    dash_duo.wait_for_contains_text(f"#{ids.result(ids.QUERY_PANEL, 'grid')}", "Kyrgyzstan", timeout=10)
    assert dash_duo.find_element(param_selector("guest")).get_attribute("value") == "country:RUS"
