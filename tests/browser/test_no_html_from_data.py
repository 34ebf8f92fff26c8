"""Names in the graph are text in every Plotly figure: an actor named with HTML shows its tags literally,
in the analytics Sankey and in the saved-queries chart, and renders no link or styled span."""

from __future__ import annotations

from typing import Any

import pytest

from dashboard import ids
from dashboard.app import create_app
from dashboard.pages import query_ids as qids
from geokg.graphdb import Graph
from geokg.settings import Settings
from tests.browser.test_explore import wait_for, wait_settled
from tests.browser.test_queries_page import replace_text

EVIL = '<a href="http://127.0.0.1:9/x">Click to verify</a><span style="font-size:60px;color:red">BIG</span>'
# What Plotly would have made of the markup: a link, or text styled by the data.
RENDERED_HTML = """
const root = document.getElementById(arguments[0]);
const links = root.querySelectorAll('svg a').length;
const styled = [...root.querySelectorAll('svg tspan')].filter(t => (t.getAttribute('style') || '').includes('60px'));
return {links: links, styled: styled.length, text: root.textContent};
"""


@pytest.fixture
def evil_graph(sample_graph: Graph) -> Any:
    before = sample_graph.read("MATCH (a:Actor {id: 'country:RUS'}) RETURN a.name AS name")[0]["name"]
    sample_graph.write("MATCH (a:Actor {id: 'country:RUS'}) SET a.name = $name", {"name": EVIL})
    yield sample_graph
    sample_graph.write("MATCH (a:Actor {id: 'country:RUS'}) SET a.name = $name", {"name": before})


def _assert_literal(dash_duo: Any, element_id: str) -> None:
    found = wait_for(lambda: (r := dash_duo.driver.execute_script(RENDERED_HTML, element_id))
                     and "Click to verify" in r["text"] and r, message="the hostile name drawn")
    assert found["links"] == 0 and found["styled"] == 0
    assert "<a href=" in found["text"] and "<span style=" in found["text"]


def test_sankey_shows_markup_as_text(dash_duo: Any, evil_graph: Graph) -> None:
    dash_duo.start_server(create_app(Settings(), graph=evil_graph))
    dash_duo.wait_for_page(f"{dash_duo.server_url}/?focus=alliance:csto")
    wait_settled(dash_duo)
    dash_duo.find_element(f"#{ids.NAV_ANALYTICS}").click()
    _assert_literal(dash_duo, ids.SANKEY)


def test_query_chart_shows_markup_as_text(dash_duo: Any, evil_graph: Graph) -> None:
    dash_duo.start_server(create_app(Settings(), graph=evil_graph))
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/queries/console")
    text = dash_duo.wait_for_element(f"#{qids.CONSOLE_TEXT}", timeout=15)
    replace_text(text, "MATCH (a:Actor {id: 'country:RUS'}) RETURN a.name AS name, 3 AS claims")
    dash_duo.find_element(f"#{qids.CONSOLE_RUN}").click()
    dash_duo.wait_for_contains_text(f"#{qids.result(qids.CONSOLE_PANEL, 'message')}", "1 row", timeout=15)
    _assert_literal(dash_duo, qids.result(qids.CONSOLE_PANEL, "chart"))
