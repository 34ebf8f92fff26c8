"""The app in Dash's debug mode (`geokg serve --debug`): the dev tools validate every callback in the
browser, so a wiring mistake that production mode tolerates shows up here as a front-end error."""

from __future__ import annotations

from typing import Any

from selenium.webdriver.common.by import By

from dashboard import ids
from dashboard.app import create_app
from geokg.graphdb import Graph
from geokg.settings import Settings
from tests.browser.test_explore import search_in, wait_for, wait_settled

FE_ERRORS = ".dash-fe-error__title, .dash-fe-error, .dash-error-card"


def front_end_errors(dash_duo: Any) -> list[str]:
    return [e.text for e in dash_duo.driver.find_elements(By.CSS_SELECTOR, FE_ERRORS)]


def test_debug_mode_draws_the_overview_without_front_end_errors(dash_duo: Any, dashboard_graph: Graph) -> None:
    app = create_app(Settings(), graph=dashboard_graph)
    dash_duo.start_server(app, debug=True, use_reloader=False, use_debugger=True, dev_tools_hot_reload=False)
    dash_duo.wait_for_element(".dash-debug-menu, .dash-debug-menu__outer", timeout=15)
    dash_duo.wait_for_contains_text(f"#{ids.VIEW_TITLE}", "Alliance overview", timeout=20)
    wait_settled(dash_duo)
    search_in(dash_duo, ids.SEARCH, "CSTO", "Collective Security Treaty Organization")
    dash_duo.wait_for_contains_text(f"#{ids.VIEW_TITLE}", "Network of Collective Security Treaty Organization",
                                    timeout=15)
    dash_duo.wait_for_page(f"{dash_duo.server_url}/queries")
    wait_for(lambda: dash_duo.driver.find_elements(By.CSS_SELECTOR, f"#{ids.QUERIES_PANE} a"),
             message="the saved queries listed")
    assert front_end_errors(dash_duo) == [], front_end_errors(dash_duo)
    errors = dash_duo.driver.find_elements(By.CSS_SELECTOR, ".test-devtools-error-count")
    assert not errors or errors[0].text.strip() in ("", "0")
