"""Browser tests: headless Chromium through dash[testing] (`pytest --headless`).

The test command runs as root, so Chrome needs --no-sandbox; the other switches keep it from reaching
the network or needing a GPU.
"""

from __future__ import annotations

import os
import shutil
from typing import Any

import pytest

from geokg.graphdb import Graph
from tests.conftest import clear
from tests.dashboard_data import load_dashboard_data

CHROME_SWITCHES = (
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync", "--window-size=1500,950",
)


def pytest_configure(config: pytest.Config) -> None:
    """GEOKG_TEST_DASH_PORT moves the first app port, so two checkouts can run browser tests at once."""
    from dash.testing.application_runners import BaseDashRunner

    if port := os.environ.get("GEOKG_TEST_DASH_PORT"):
        BaseDashRunner._next_port = int(port)


def pytest_setup_options() -> Any:
    from selenium.webdriver.chrome.options import Options

    options = Options()
    for switch in CHROME_SWITCHES:
        options.add_argument(switch)
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary:
        options.binary_location = binary
    return options


@pytest.fixture(scope="module")
def dashboard_graph(graph: Graph) -> Graph:
    """The seed-article graph of tests/dashboard_data.py, loaded once per module."""
    clear(graph)
    load_dashboard_data(graph)
    return graph
