"""Neo4j going away and coming back, and article text that tries to be HTML, in headless Chromium."""

from __future__ import annotations

from typing import Any

import pytest

from dashboard import ids
from dashboard.app import create_app
from geokg.graphdb import Graph
from geokg.settings import Settings
from tests.browser.test_explore import labels, open_edge, wait_for, wait_settled
from tests.dashboard_data import DELIVERY_SENTENCE, HOSTILE_TITLE


@pytest.fixture
def data(dashboard_graph: Graph) -> Graph:
    return dashboard_graph  # with the loader's sample corpus: `def data(sample_graph)` / `return sample_graph`


class Switchable:
    """A Graph whose server can be swapped: first an unreachable one, then the real one."""

    def __init__(self, current: Graph) -> None:
        self.current = current

    def read(self, *args: Any, **kwargs: Any) -> Any:
        return self.current.read(*args, **kwargs)

    def verify(self) -> None:
        self.current.verify()


def test_unreachable_database_shows_a_banner_and_recovers(dash_duo: Any, data: Graph) -> None:
    dead = Graph(Settings(neo4j_uri="bolt://127.0.0.1:1"))
    graph = Switchable(dead)
    dash_duo.start_server(create_app(Settings(), graph=graph))  # type: ignore[arg-type]
    dash_duo.wait_for_contains_text(f"#{ids.BANNER}", "Cannot reach bolt://127.0.0.1:1", timeout=15)
    banner = dash_duo.find_element(f"#{ids.BANNER}").text
    assert "geokg neo4j start" in banner and len(banner.splitlines()) == 1
    assert "Traceback" not in dash_duo.driver.page_source
    graph.current = data
    dash_duo.wait_for_contains_text(f"#{ids.VIEW_TITLE}", "Alliance overview", timeout=25)
    wait_for(lambda: dash_duo.find_element(f"#{ids.BANNER}").text == "", timeout=5, message="the banner to go")
    wait_settled(dash_duo)
    assert "Tajikistan" in labels(dash_duo)
    dead.close()


def test_article_text_is_shown_as_text(dash_duo: Any, data: Graph) -> None:
    dash_duo.start_server(create_app(Settings(), graph=data))
    dash_duo.wait_for_page(f"{dash_duo.server_url}/?focus=country:TJK")
    dash_duo.wait_for_contains_text(f"#{ids.VIEW_TITLE}", "Network of Tajikistan", timeout=15)
    wait_settled(dash_duo)
    open_edge(dash_duo, "country:RUS|SUPPLIES_ARMS_TO|country:TJK", DELIVERY_SENTENCE)
    evidence = dash_duo.find_element("#evidence-list")
    assert HOSTILE_TITLE in evidence.text, "the title is shown literally"
    assert evidence.find_elements("css selector", "img") == []
    assert evidence.find_elements("css selector", "a") == [], "a javascript: URL is not a link"
    assert dash_duo.driver.execute_script("return window.__geokgInjected === undefined")
