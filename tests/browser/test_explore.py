"""The explorer in headless Chromium: search the CSTO, see its members, open Russia, expand it, read the
evidence of Russia's S-400 deliveries to India; screenshots of the main views go to docs/screenshots/.

Expectations that depend on the data are read from the same graph through `dashboard.repo`, so the tests
hold on the small seed graph (tests/dashboard_data.py) and on the loaded sample corpus alike, except the
evidence read in the first test, which is that of the sample corpus (loader/samples).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from dashboard import ids, repo
from dashboard.app import create_app
from dashboard.state import Filters, View, parse_query
from geokg.graphdb import Graph
from geokg.settings import Settings
from tests.dashboard_data import MEMBERS

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
CY_JS = "const el = document.getElementById('cy'); const cy = el && el._cyreg && el._cyreg.cy;"
# loader/samples/articles/11-india-s400-deliveries.txt
SUPPLY_EDGE = "country:RUS|SUPPLIES_ARMS_TO|country:IND"
SUPPLY_SENTENCE = "Russia has started delivering S-400 Triumf air defence systems to India"
SUPPLY_TITLE = "Russia Begins Delivering S-400 Systems to India"
CSTO = "alliance:csto"


@pytest.fixture
def data(sample_graph: Graph) -> Graph:
    return sample_graph  # the small seed graph instead: `def data(dashboard_graph)` / `return dashboard_graph`


# ------------------------------------------------------------------------------------------ helpers

def cy(dash_duo: Any, expression: str) -> Any:
    return dash_duo.driver.execute_script(f"{CY_JS} if (!cy) {{ return null; }} return {expression};")


def labels(dash_duo: Any) -> set[str]:
    return set(cy(dash_duo, "cy.nodes().map(n => n.data('label'))") or [])


def node_ids(dash_duo: Any) -> set[str]:
    return set(cy(dash_duo, "cy.nodes().map(n => n.id())") or [])


def positions(dash_duo: Any) -> dict[str, dict[str, float]]:
    return cy(dash_duo, "Object.fromEntries(cy.nodes().map(n => [n.id(), n.position()]))") or {}


def moved(before: dict[str, dict[str, float]], after: dict[str, dict[str, float]]) -> list[str]:
    """Nodes present in both that moved by more than half a pixel (positions travel rounded to 0.1)."""
    return [n for n, p in before.items() if n in after and (abs(after[n]["x"] - p["x"]) > 0.5
                                                             or abs(after[n]["y"] - p["y"]) > 0.5)]


def wait_settled(dash_duo: Any, timeout: float = 15.0) -> None:
    """Until the canvas has nodes and they stopped moving (the layout finished)."""
    end = time.time() + timeout
    last: dict[str, Any] = {}
    while time.time() < end:
        now = positions(dash_duo)
        if now and now == last:
            return
        last = now
        time.sleep(0.4)
    raise AssertionError("the canvas layout did not settle")


def wait_for(condition: Any, timeout: float = 10.0, message: str = "condition") -> Any:
    end = time.time() + timeout
    while time.time() < end:
        try:
            value = condition()
        except StaleElementReferenceException:  # re-rendered while we looked
            value = None
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {message}")


def click_element(dash_duo: Any, element_id: str, double: bool = False) -> None:
    """A real mouse click (or double click) on a node, or on a point of an edge that nothing else covers."""
    point = cy(dash_duo, f"""(function() {{
        const e = cy.getElementById({element_id!r});
        cy.zoom(Math.max(cy.zoom(), 1.6));
        cy.center(e);
        if (e.isNode()) {{ return e.renderedPosition(); }}
        const s = e.renderedSourceEndpoint(), t = e.renderedTargetEndpoint();
        const c = (e.renderedControlPoints() || [])[0];
        const pan = cy.pan(), zoom = cy.zoom();
        // Cytoscape's own hit test: the point must pick this edge, not a node or an edge crossing it.
        const picks = p => {{
            const near = cy.renderer().findNearestElement((p.x - pan.x) / zoom, (p.y - pan.y) / zoom, true, false);
            return near && near.id() === e.id();
        }};
        for (let i = 1; i < 40; i++) {{
            const k = 0.5 + (i % 2 ? 1 : -1) * Math.floor(i / 2) * 0.025;
            const u = 1 - k;
            const p = c ? {{x: u * u * s.x + 2 * u * k * c.x + k * k * t.x,
                            y: u * u * s.y + 2 * u * k * c.y + k * k * t.y}}
                        : {{x: u * s.x + k * t.x, y: u * s.y + k * t.y}};
            if (p.x > 0 && p.y > 0 && p.x < cy.width() && p.y < cy.height() && picks(p)) {{ return p; }}
        }}
        return e.renderedMidpoint();
    }})()""")
    container = dash_duo.find_element(f"#{ids.CY}")
    # Selenium 4.2 measures these offsets from the element's top-left corner, as Cytoscape does.
    chain = ActionChains(dash_duo.driver).move_to_element_with_offset(container, point["x"], point["y"])
    (chain.double_click() if double else chain.click()).perform()


def fit(dash_duo: Any) -> None:
    cy(dash_duo, "(cy.fit(undefined, 40), true)")
    time.sleep(0.3)


def open_node(dash_duo: Any, node_id: str, name: str) -> None:
    """Click a node and wait for its details (one more click if the canvas was busy re-rendering)."""
    for attempt in range(2):
        click_element(dash_duo, node_id)
        try:
            dash_duo.wait_for_text_to_equal("#details-name", name, timeout=6)
            return
        except Exception:
            if attempt:
                raise


def open_edge(dash_duo: Any, edge_id: str, expected_text: str) -> None:
    """Click an edge and wait for its evidence; a click that lands on another edge is retried."""
    for _ in range(2):
        wait_settled(dash_duo)
        click_element(dash_duo, edge_id)
        try:
            dash_duo.wait_for_contains_text("#evidence-list", expected_text, timeout=6)
            return
        except Exception:
            continue
    # On a crowded canvas the pointer can keep landing on a neighbouring edge; a tap on the element itself
    # goes through the same Cytoscape event and callback.
    cy(dash_duo, f"(cy.getElementById({edge_id!r}).emit('tap'), true)")  # not the collection: it cannot be sent back
    dash_duo.wait_for_contains_text("#evidence-list", expected_text, timeout=10)


def search_in(dash_duo: Any, container: str, text: str, option_text: str) -> None:
    dash_duo.find_element(f"#{container} .dash-dropdown").click()
    box = wait_for(lambda: next((b for b in dash_duo.driver.find_elements(By.CSS_SELECTOR, ".dash-dropdown-search")
                                 if b.is_displayed()), None), message="the search box")
    box.send_keys(text)
    option = wait_for(lambda: next((o for o in dash_duo.driver.find_elements(By.CSS_SELECTOR, ".dash-dropdown-option")
                                    if option_text in o.text and o.is_displayed()), None),
                      message=f"option {option_text!r}")
    option.click()


def screenshot(dash_duo: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    dash_duo.driver.save_screenshot(str(SCREENSHOTS / name))


def expected_ids(graph: Graph, search: str, cap: int = 1500) -> set[str]:
    """What the canvas must show for a URL query string, straight from the repository."""
    state, _ = parse_query(search)
    return set(repo.load_view(graph, state.view, state.filters, cap).nodes)


# ------------------------------------------------------------------------------------------- tests

def test_search_expand_and_read_evidence(dash_duo: Any, data: Graph) -> None:
    dash_duo.start_server(create_app(Settings(), graph=data))
    dash_duo.wait_for_contains_text(f"#{ids.VIEW_TITLE}", "Alliance overview", timeout=20)
    wait_settled(dash_duo)

    search_in(dash_duo, ids.SEARCH, "CSTO", "Collective Security Treaty Organization")
    dash_duo.wait_for_contains_text(f"#{ids.VIEW_TITLE}", "Network of Collective Security Treaty Organization",
                                    timeout=15)
    wait_settled(dash_duo)
    assert {m.name for m in MEMBERS} <= labels(dash_duo)
    current = cy(dash_duo, "cy.edges('[type = \"MEMBER_OF\"][target = \"alliance:csto\"]')"
                           ".filter(e => !e.data('until')).map(e => e.source().data('label'))")
    assert {m.name for m in MEMBERS} <= set(current), "the six members, as current members"
    former = cy(dash_duo, "cy.edges('.former').map(e => e.data('until'))")
    assert all(former), "former memberships are drawn as former (with their end date)"

    open_node(dash_duo, "country:RUS", "Russia")
    before = positions(dash_duo)
    dash_duo.find_element(f"#{ids.DETAILS} button.btn-primary").click()   # Expand
    wait_for(lambda: "Rosoboronexport" in labels(dash_duo), message="Rosoboronexport on the canvas")
    wait_settled(dash_duo)
    assert cy(dash_duo, f"cy.getElementById({SUPPLY_EDGE!r}).length") == 1
    assert "directed" in cy(dash_duo, f"cy.getElementById({SUPPLY_EDGE!r}).classes()")
    assert moved(before, positions(dash_duo)) == [], "expanding must not re-lay out nodes already placed"
    assert node_ids(dash_duo) == expected_ids(data, "?focus=alliance:csto&expand=country:RUS")
    fit(dash_duo)
    screenshot(dash_duo, "explore.png")

    open_edge(dash_duo, SUPPLY_EDGE, SUPPLY_SENTENCE[:60])
    evidence = dash_duo.find_element("#evidence-list").text
    assert SUPPLY_SENTENCE in evidence
    assert "TASS" in evidence
    assert SUPPLY_TITLE in evidence
    assert "delivered" in dash_duo.find_element(f"#{ids.DETAILS}").text
    fit(dash_duo)
    screenshot(dash_duo, "evidence.png")
    assert not [e for e in dash_duo.get_logs() or [] if e.get("level") == "SEVERE"]


def test_path_hide_back_and_a_shareable_url(dash_duo: Any, data: Graph) -> None:
    dash_duo.start_server(create_app(Settings(), graph=data))
    dash_duo.wait_for_page(f"{dash_duo.server_url}/?focus=alliance:csto&expand=country:RUS")
    dash_duo.wait_for_contains_text(f"#{ids.VIEW_TITLE}", "1 expanded", timeout=20)
    wait_settled(dash_duo)
    assert "Rosoboronexport" in labels(dash_duo)

    open_node(dash_duo, "country:ARM", "Armenia")
    dash_duo.find_element("button[title='Remove the selected actor from the canvas']").click()
    wait_for(lambda: "Armenia" not in labels(dash_duo), message="Armenia hidden")
    wait_for(lambda: "hide=country:ARM" in dash_duo.driver.current_url, message="the URL to carry the hidden actor")
    dash_duo.driver.back()   # the browser's own Back follows the URL
    wait_for(lambda: "Armenia" in labels(dash_duo), message="browser back restores Armenia")
    wait_for(lambda: "hide=" not in dash_duo.driver.current_url, message="the URL without the hidden actor")
    wait_settled(dash_duo)
    open_node(dash_duo, "country:ARM", "Armenia")
    dash_duo.find_element("button[title='Remove the selected actor from the canvas']").click()
    wait_for(lambda: "Armenia" not in labels(dash_duo), message="Armenia hidden again")
    dash_duo.find_element("button[title='Previous view']").click()
    wait_for(lambda: "Armenia" in labels(dash_duo), message="back restores Armenia")
    wait_settled(dash_duo)
    click_element(dash_duo, "company:rosoboronexport", double=True)   # double-click expands
    wait_for(lambda: "Alexander Mikheev" in labels(dash_duo), message="Mikheev after a double-click")
    dash_duo.wait_for_contains_text(f"#{ids.VIEW_TITLE}", "2 expanded", timeout=10)

    # Shortest path Mikheev → Tajikistan: person → company → state → member
    search_in(dash_duo, ids.PATH_FROM, "Mikheev", "Alexander Mikheev")
    search_in(dash_duo, ids.PATH_TO, "Tajik", "Tajikistan (Country)")  # not "Tajik Armed Forces … Tajikistan's"
    dash_duo.find_element("button[title='Shortest paths over the selected relation types']").click()
    dash_duo.wait_for_contains_text(f"#{ids.VIEW_TITLE}", "Shortest paths Alexander Mikheev", timeout=10)
    wait_settled(dash_duo)
    path = View(mode="path", path_from="person:alexander-mikheev", path_to="country:TJK")
    expected = set(repo.load_view(data, path, Filters(), 1500).nodes)
    assert {"person:alexander-mikheev", "company:rosoboronexport", "country:TJK"} <= expected
    assert node_ids(dash_duo) == expected
    url = dash_duo.driver.current_url
    assert "view=path" in url and "a=person:alexander-mikheev" in url and "b=country:TJK" in url

    # The URL alone reproduces the view.
    dash_duo.wait_for_page(url)
    dash_duo.wait_for_contains_text(f"#{ids.VIEW_TITLE}", "Shortest paths Alexander Mikheev", timeout=15)
    wait_settled(dash_duo)
    assert node_ids(dash_duo) == expected


def test_filters_narrow_the_canvas_and_the_url(dash_duo: Any, data: Graph) -> None:
    dash_duo.start_server(create_app(Settings(), graph=data))
    dash_duo.wait_for_page(f"{dash_duo.server_url}/?focus=country:RUS")
    dash_duo.wait_for_contains_text(f"#{ids.VIEW_TITLE}", "Network of Russia", timeout=20)
    wait_settled(dash_duo)
    assert node_ids(dash_duo) == expected_ids(data, "?focus=country:RUS")
    before = positions(dash_duo)

    dash_duo.find_element(f"#{ids.F_HIDE_HEDGED}").click()
    wait_for(lambda: "hedged=hide" in dash_duo.driver.current_url, message="the URL to carry the filter")
    narrowed = expected_ids(data, "?focus=country:RUS&hedged=hide")
    wait_for(lambda: node_ids(dash_duo) == narrowed, message="only relations that are not offers or plans")
    assert moved(before, positions(dash_duo)) == [], "filtering must not move what stays"

    dash_duo.find_element("button[id*='\"preset\":\"arms\"']").click()
    wait_for(lambda: "types=" in dash_duo.driver.current_url, message="the URL to carry the types")
    query = "?" + dash_duo.driver.current_url.split("?", 1)[1]
    wait_for(lambda: node_ids(dash_duo) == expected_ids(data, query), message="arms-related relations only")
    kinds = set(cy(dash_duo, "cy.edges().map(e => e.data('type'))"))
    assert kinds <= {"SUPPLIES_ARMS_TO", "MILITARY_SUPPORT_TO", "PART_OF", "LEADS", "SANCTIONS"}


def test_a_shared_url_with_a_period_and_a_cap(dash_duo: Any, data: Graph) -> None:
    dash_duo.start_server(create_app(Settings(geokg_max_elements=4), graph=data))
    first, last = repo.date_bounds(data)
    assert first and last and first < last
    month = f"{last.year:04d}-{last.month:02d}"
    dash_duo.wait_for_page(f"{dash_duo.server_url}/?focus=country:RUS&from={month}")
    dash_duo.wait_for_contains_text(f"#{ids.VIEW_TITLE}", "Network of Russia", timeout=20)
    dash_duo.wait_for_contains_text(f"#{ids.F_DATES_LABEL}", month, timeout=10)
    wait_for(lambda: node_ids(dash_duo) == expected_ids(data, f"?focus=country:RUS&from={month}", cap=4),
             message="only what was reported in the last month")
    assert f"from={month}" in dash_duo.driver.current_url
    dash_duo.wait_for_page(f"{dash_duo.server_url}/?focus=alliance:csto")
    dash_duo.wait_for_contains_text(f"#{ids.CAP_NOTICE}", "more relations not shown", timeout=15)
    assert len(node_ids(dash_duo)) == 4
