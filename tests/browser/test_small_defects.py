"""The explorer's and analytics' smaller promises, each asserted on what headless Chromium draws: a filter change
re-fits the view and marks nothing as new, Show hidden clears the URL, hidden actors are not blamed on the cap,
actions without a selection say so, the Hierarchy layout does not make one row, year labels and flags are
readable, Plotly's toolbar covers no label, the timeline is a time axis, centrality headers are whole, and the
console shows Neo4j's warnings."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.common.by import By

from dashboard import ids
from dashboard.app import create_app
from dashboard.pages import query_ids as qids
from geokg.graphdb import Graph
from geokg.settings import Settings
from tests.browser.test_explore import cy, expected_ids, node_ids, open_node, wait_for, wait_settled

NEW_OR_OUTSIDE = """(function() {
  const bb = cy.elements().renderedBoundingBox();
  return {new: cy.nodes('.new').length,
          inside: bb.x1 >= -2 && bb.y1 >= -2 && bb.x2 <= cy.width() + 2 && bb.y2 <= cy.height() + 2};
})()"""
OVERLAPS = """return (function(a, b) {
  const boxes = sel => Array.from(document.querySelectorAll(sel)).map(e => e.getBoundingClientRect())
                            .filter(r => r.width > 0);
  const bar = boxes(a);
  return boxes(b).filter(r => bar.some(m => r.left < m.right && m.left < r.right && r.top < m.bottom
                                             && m.top < r.bottom)).length;
})(arguments[0], arguments[1])"""


@pytest.fixture
def data(sample_graph: Graph) -> Graph:
    return sample_graph


def notice(dash_duo: Any) -> str:
    return str(dash_duo.find_element(f"#{ids.CAP_NOTICE}").text)


def test_explorer_controls_keep_their_promises(dash_duo: Any, data: Graph) -> None:
    dash_duo.start_server(create_app(Settings(), graph=data))
    dash_duo.wait_for_page(f"{dash_duo.server_url}/?focus=country:RUS")
    dash_duo.wait_for_contains_text(f"#{ids.VIEW_TITLE}", "Network of Russia", timeout=20)
    wait_settled(dash_duo)
    # Actions on the selection say what is missing instead of doing nothing.
    dash_duo.find_element("button[title^='Add the selected actor']").click()
    wait_for(lambda: "Select an actor first" in notice(dash_duo), message="a hint to select an actor")

    # A filter change: nothing is "new", and the view is fitted to what stays.
    before = node_ids(dash_duo)
    cy(dash_duo, "(cy.zoom(3), cy.pan({x: -2000, y: -2000}), true)")
    dash_duo.find_element(f"#{ids.F_HIDE_HEDGED}").click()
    narrowed = expected_ids(data, "?focus=country:RUS&hedged=hide")
    wait_for(lambda: node_ids(dash_duo) == narrowed and "hedged=hide" in dash_duo.driver.current_url,
             message="the filtered canvas")
    wait_for(lambda: cy(dash_duo, NEW_OR_OUTSIDE) == {"new": 0, "inside": True},
             message="a re-fitted view with no node marked new")
    dash_duo.find_element(f"#{ids.F_HIDE_HEDGED}").click()
    wait_for(lambda: node_ids(dash_duo) == before, message="the filter undone")

    # Hide one actor: the notice blames the hiding, not the cap; Show hidden clears the URL.
    open_node(dash_duo, "country:IND", "India")
    dash_duo.find_element("button[title='Remove the selected actor from the canvas']").click()
    wait_for(lambda: "country:IND" not in node_ids(dash_duo), message="India hidden")
    wait_for(lambda: "of hidden actors not drawn" in notice(dash_duo), message="the hidden-actor notice")
    assert "at most" not in notice(dash_duo)
    dash_duo.find_element("button[title='Bring back hidden actors']").click()
    wait_for(lambda: "country:IND" in node_ids(dash_duo), message="India back")
    wait_for(lambda: "hide" not in dash_duo.driver.current_url, message="a URL without hide=")
    assert "hidden" not in notice(dash_duo)

    # Flags are images shipped with the app, and they load; other kinds are drawn shapes, not glyphs.
    assert "has-flag" in cy(dash_duo, "cy.getElementById('country:RUS').classes()")
    assert cy(dash_duo, "cy.getElementById('country:RUS').data('flag')") == "/assets/flags/ru.svg"
    open_node(dash_duo, "country:RUS", "Russia")
    flag = dash_duo.find_element(f"#{ids.DETAILS} img.geokg-flag")
    assert wait_for(lambda: dash_duo.driver.execute_script("return arguments[0].naturalWidth", flag) > 0,
                    message="the flag image loaded")
    shapes = dash_duo.driver.find_elements(By.CSS_SELECTOR, f"#{ids.F_KINDS} img.geokg-kind-icon")
    assert len(shapes) == 7 and all(s.get_attribute("src").startswith("data:image/svg+xml") for s in shapes)

    # Year marks of the period slider do not run together.
    marks = dash_duo.driver.find_elements(By.CSS_SELECTOR, f"#{ids.F_DATES} .dash-slider-mark")
    assert 1 <= len(marks) <= 6 and all(m.text.isdigit() and len(m.text) == 4 for m in marks)
    boxes = [m.rect for m in marks]
    assert all(a["x"] + a["width"] <= b["x"] for a, b in pairwise(boxes)), "labels apart"
    assert not dash_duo.driver.find_elements(By.CSS_SELECTOR, f"#{ids.F_DATES} input"), "no month numbers"


def test_hierarchy_layout_is_not_one_row(dash_duo: Any, data: Graph) -> None:
    dash_duo.start_server(create_app(Settings(), graph=data))
    dash_duo.wait_for_page(f"{dash_duo.server_url}/?focus=country:RUS&layout=breadthfirst")
    dash_duo.wait_for_contains_text(f"#{ids.VIEW_TITLE}", "Network of Russia", timeout=20)
    wait_settled(dash_duo)
    rows = cy(dash_duo, "new Set(cy.nodes().map(n => Math.round(n.position('y') / 10))).size")
    assert len(node_ids(dash_duo)) > 20 and rows > 8


def test_analytics_labels_are_readable(dash_duo: Any, data: Graph) -> None:
    dash_duo.start_server(create_app(Settings(), graph=data))
    dash_duo.wait_for_page(f"{dash_duo.server_url}/analytics?focus=country:RUS")
    wait_for(lambda: dash_duo.driver.find_elements(By.CSS_SELECTOR, f"#{ids.SANKEY} .node-label"),
             message="Sankey labels")
    wait_for(lambda: dash_duo.driver.find_elements(By.CSS_SELECTOR, f"#{ids.TIMELINE} .bars path"),
             message="timeline bars")
    for graph_id in (ids.SANKEY, ids.TIMELINE):
        dash_duo.driver.execute_script(  # the toolbar shows on hover: hover the figure
            f"document.querySelector('#{graph_id} .modebar-container').style.opacity = 1")
        covered = dash_duo.driver.execute_script(OVERLAPS, f"#{graph_id} .modebar",
                                                 f"#{graph_id} .node-label, #{graph_id} .legendtext, "
                                                 f"#{graph_id} .xtick text, #{graph_id} .ytick text")
        assert covered == 0, f"the toolbar covers {covered} labels of {graph_id}"
    ticks = [e.text for e in dash_duo.driver.find_elements(By.CSS_SELECTOR, f"#{ids.TIMELINE} .xtick text")]
    assert ticks and ticks == sorted(ticks), "months in time order"
    wait_for(lambda: "Kazakhstan" in dash_duo.find_element(f"#{ids.CENTRALITY}").text, message="centrality rows")
    cut = dash_duo.driver.execute_script(
        f"return Array.from(document.querySelectorAll('#{ids.CENTRALITY} .ag-header-cell-text'))"
        ".filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent)")
    assert cut == []


def test_console_shows_neo4j_warnings_and_saves_by_default(dash_duo: Any, data: Graph, settings: Settings,
                                                            tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.browser.test_queries_page import replace_text

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    app = create_app(Settings(), data)
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/queries/console")
    replace_text(dash_duo.find_element(f"#{qids.CONSOLE_TEXT}"), "MATCH (a:Actor) RETURN a.nme AS name LIMIT 3")
    dash_duo.find_element(f"#{qids.CONSOLE_RUN}").click()
    message = f"#{qids.result(qids.CONSOLE_PANEL, 'message')}"
    dash_duo.wait_for_contains_text(message, "3 rows", timeout=10)
    dash_duo.wait_for_contains_text(message, "nme", timeout=5)
    assert dash_duo.find_elements(".geokg-neo4j-warning")
    dash_duo.find_element(f"#{qids.SAVE_NAME}").send_keys("three_names")
    dash_duo.find_element(f"#{qids.SAVE_TITLE}").send_keys("Three names")
    dash_duo.find_element(f"#{qids.SAVE}").click()
    dash_duo.wait_for_contains_text(f"#{qids.SAVE_STATUS}", "Saved.", timeout=10)
    assert (tmp_path / "geokg" / "queries" / "three_names.cypher").exists()
