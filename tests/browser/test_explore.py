"""The explorer in headless Chromium: search the CSTO, see its members, open Russia, expand it, read the
evidence of Russia's arms offer to Central Asia; screenshots of the main views go to docs/screenshots/."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from dashboard import ids
from dashboard.app import create_app
from geokg.graphdb import Graph
from geokg.settings import Settings
from tests.dashboard_data import MEMBERS, SUPPLY_SENTENCE

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
CY_JS = "const el = document.getElementById('cy'); const cy = el && el._cyreg && el._cyreg.cy;"
SUPPLY_EDGE = "country:RUS|SUPPLIES_ARMS_TO|region:central-asia"


@pytest.fixture
def data(dashboard_graph: Graph) -> Graph:
    return dashboard_graph  # with the loader's sample corpus: `def data(sample_graph)` / `return sample_graph`


def cy(dash_duo: Any, expression: str) -> Any:
    return dash_duo.driver.execute_script(f"{CY_JS} if (!cy) {{ return null; }} return {expression};")


def labels(dash_duo: Any) -> set[str]:
    return set(cy(dash_duo, "cy.nodes().map(n => n.data('label'))") or [])


def positions(dash_duo: Any) -> dict[str, dict[str, float]]:
    return cy(dash_duo, "Object.fromEntries(cy.nodes().map(n => [n.id(), n.position()]))") or {}


def wait_settled(dash_duo: Any, timeout: float = 10.0) -> None:
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


def click_element(dash_duo: Any, element_id: str) -> None:
    """A real mouse click on a node or an edge midpoint of the canvas."""
    point = cy(dash_duo, f"""(function() {{
        const e = cy.getElementById({element_id!r});
        cy.center(e);
        const p = e.isNode() ? e.renderedPosition() : e.renderedMidpoint();
        return {{x: p.x, y: p.y}};
    }})()""")
    container = dash_duo.find_element(f"#{ids.CY}")
    # Selenium 4.2 measures these offsets from the element's top-left corner, as Cytoscape does.
    ActionChains(dash_duo.driver).move_to_element_with_offset(container, point["x"], point["y"]).click().perform()


def search(dash_duo: Any, text: str, option_text: str) -> None:
    search_in(dash_duo, ids.SEARCH, text, option_text)


def screenshot(dash_duo: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    dash_duo.driver.save_screenshot(str(SCREENSHOTS / name))


def test_search_expand_and_read_evidence(dash_duo: Any, data: Graph) -> None:
    app = create_app(Settings(), graph=data)
    dash_duo.start_server(app)
    dash_duo.wait_for_contains_text(f"#{ids.VIEW_TITLE}", "Alliance overview", timeout=15)
    wait_settled(dash_duo)

    search(dash_duo, "CSTO", "Collective Security Treaty Organization")
    dash_duo.wait_for_contains_text(f"#{ids.VIEW_TITLE}", "Network of Collective Security Treaty Organization",
                                    timeout=10)
    wait_settled(dash_duo)
    assert {m.name for m in MEMBERS} <= labels(dash_duo)
    members = cy(dash_duo, "cy.edges('[type = \"MEMBER_OF\"]').map(e => e.source().data('label'))")
    assert sorted(members) == sorted(m.name for m in MEMBERS)

    click_element(dash_duo, "country:RUS")
    dash_duo.wait_for_text_to_equal("#details-name", "Russia", timeout=10)
    before = positions(dash_duo)
    dash_duo.find_element(f"#{ids.DETAILS} button.btn-primary").click()   # Expand
    wait_for(lambda: "Rosoboronexport" in labels(dash_duo), message="Rosoboronexport on the canvas")
    wait_settled(dash_duo)
    assert cy(dash_duo, f"cy.getElementById({SUPPLY_EDGE!r}).length") == 1
    after = positions(dash_duo)
    moved = [n for n, p in before.items() if n in after and (abs(after[n]["x"] - p["x"]) > 0.5
                                                              or abs(after[n]["y"] - p["y"]) > 0.5)]
    assert moved == [], f"expanding re-laid out nodes already placed: {moved}"
    cy(dash_duo, "(cy.fit(undefined, 40), true)")
    time.sleep(0.3)
    screenshot(dash_duo, "explore.png")

    click_element(dash_duo, SUPPLY_EDGE)
    dash_duo.wait_for_contains_text("#evidence-list", SUPPLY_SENTENCE[:60], timeout=10)
    evidence = dash_duo.find_element("#evidence-list").text
    assert SUPPLY_SENTENCE in evidence
    assert "RIA Novosti" in evidence
    assert "The Organization for World Peace" in evidence
    assert "Russia Ready To Deliver Weapons" in evidence
    screenshot(dash_duo, "evidence.png")
    assert dash_duo.get_logs() in ([], None)


def test_path_hide_back_and_a_shareable_url(dash_duo: Any, data: Graph) -> None:
    app = create_app(Settings(), graph=data)
    dash_duo.start_server(app)
    dash_duo.wait_for_page(f"{dash_duo.server_url}/?focus=alliance:csto&expand=country:RUS")
    dash_duo.wait_for_contains_text(f"#{ids.VIEW_TITLE}", "1 expanded", timeout=15)
    wait_settled(dash_duo)
    assert "Rosoboronexport" in labels(dash_duo)

    click_element(dash_duo, "country:ARM")
    dash_duo.wait_for_text_to_equal("#details-name", "Armenia", timeout=10)
    dash_duo.find_element("button[title='Remove the selected actor from the canvas']").click()
    wait_for(lambda: "Armenia" not in labels(dash_duo), message="Armenia hidden")
    wait_for(lambda: "hide=country:ARM" in dash_duo.driver.current_url, message="the URL to carry the hidden actor")
    dash_duo.find_element("button[title='Previous view']").click()
    wait_for(lambda: "Armenia" in labels(dash_duo), message="back restores Armenia")

    # Shortest path Mikheev → Tajikistan: person → company → state → member
    search_in(dash_duo, ids.PATH_FROM, "Mikheev", "Alexander Mikheev")
    search_in(dash_duo, ids.PATH_TO, "Tajik", "Tajikistan")
    dash_duo.find_element("button[title='Shortest paths over the selected relation types']").click()
    dash_duo.wait_for_contains_text(f"#{ids.VIEW_TITLE}", "Shortest paths Alexander Mikheev", timeout=10)
    wait_settled(dash_duo)
    assert labels(dash_duo) == {"Alexander Mikheev", "Rosoboronexport", "Russia", "Tajikistan"}
    url = dash_duo.driver.current_url
    assert "view=path" in url and "a=person:alexander-mikheev" in url and "b=country:TJK" in url

    # The URL alone reproduces the view.
    dash_duo.wait_for_page(url)
    dash_duo.wait_for_contains_text(f"#{ids.VIEW_TITLE}", "Shortest paths Alexander Mikheev", timeout=15)
    wait_settled(dash_duo)
    assert labels(dash_duo) == {"Alexander Mikheev", "Rosoboronexport", "Russia", "Tajikistan"}


def search_in(dash_duo: Any, container: str, text: str, option_text: str) -> None:
    dash_duo.find_element(f"#{container} .dash-dropdown").click()
    box = wait_for(lambda: next((b for b in dash_duo.driver.find_elements(By.CSS_SELECTOR, ".dash-dropdown-search")
                                 if b.is_displayed()), None), message="the search box")
    box.send_keys(text)
    option = wait_for(lambda: next((o for o in dash_duo.driver.find_elements(By.CSS_SELECTOR, ".dash-dropdown-option")
                                    if option_text in o.text and o.is_displayed()), None),
                      message=f"option {option_text!r}")
    option.click()
