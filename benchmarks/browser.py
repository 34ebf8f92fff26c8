"""What an analyst waits for in a real browser: headless Chromium against gunicorn over the largest read graph.

Three timings, each the median of `repeats` runs, taken inside the page with `performance.now()` so the
WebDriver's own round trips are not counted:
- overview first paint: from navigation start to the first animation frame that shows the alliance
  overview's nodes (after its layout ran);
- click → panel: from a tap on a drawn actor (Cytoscape's own `tap` event, the path a mouse click takes)
  to the frame where the details panel names that actor;
- /queries: from navigation start to the frame where the saved-query list is shown.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import time
from dataclasses import dataclass, field
from typing import Any

from benchmarks.dashboard_load import Gunicorn

# Installed before any page script runs: records when the overview or the query list is first drawn.
WATCH_PAINT = """
(function () {
  function tick() {
    const el = document.getElementById('cy');
    const cy = el && el._cyreg && el._cyreg.cy;
    if (window.__geokgOverview === undefined && cy && cy.nodes().length > 0
        && location.pathname === '/') { window.__geokgOverview = performance.now(); }
    const list = document.getElementById('qp-list');
    if (window.__geokgQueries === undefined && list && list.querySelector('a')) {
      window.__geokgQueries = performance.now();
    }
    requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
})();
"""
CLICK_TO_PANEL = """
const [id, name, done] = arguments;
const el = document.getElementById('cy');
const cy = el._cyreg.cy;
const started = performance.now();
cy.getElementById(id).emit('tap');
(function wait() {
  const h = document.getElementById('details-name');
  if (h && h.textContent === name) { done(performance.now() - started); return; }
  if (performance.now() - started > 30000) { done(-1); return; }
  requestAnimationFrame(wait);
})();
"""


@dataclass
class BrowserTimings:
    """Milliseconds per run of each measured wait."""

    overview: list[float] = field(default_factory=list)
    click: list[float] = field(default_factory=list)
    queries: list[float] = field(default_factory=list)
    actors_drawn: int = 0

    def median(self, name: str) -> float:
        values = [v for v in getattr(self, name) if v >= 0]
        return statistics.median(values) if values else float("nan")


def chromium() -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options

    options = Options()
    for switch in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                   "--window-size=1500,950", "--disable-background-networking", "--no-first-run"):
        options.add_argument(switch)
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary:
        options.binary_location = binary
    driver = webdriver.Chrome(options=options)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH_PAINT})
    driver.set_script_timeout(60)
    return driver


def _wait_value(driver: Any, name: str, timeout: float = 120.0) -> float:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_script(f"return window.{name} === undefined ? null : window.{name};")
        if value is not None:
            return float(value)
        time.sleep(0.05)
    raise RuntimeError(f"{name} was not drawn within {timeout:.0f} s")


def _progress(name: str, ms: float) -> None:
    print(f"  {name} {ms:,.0f} ms", file=sys.stderr, flush=True)


def measure(url: str, repeats: int = 10) -> BrowserTimings:
    """The three waits against the dashboard at `url`."""
    driver = chromium()
    out = BrowserTimings()
    try:
        for _ in range(repeats + 1):    # the first load warms the server's caches and is not counted
            driver.get(url + "/")
            painted = _wait_value(driver, "__geokgOverview")
            out.overview.append(painted)
            _progress("overview", painted)
        out.overview = out.overview[1:]
        time.sleep(1.0)  # the overview's layout has settled
        drawn = driver.execute_script(
            "const cy = document.getElementById('cy')._cyreg.cy;"
            "return cy.nodes().sort((a, b) => b.degree() - a.degree()).map(n => [n.id(), n.data('label')]);")
        out.actors_drawn = len(drawn)
        picks = drawn[:repeats + 1]
        for actor_id, name in picks:
            out.click.append(float(driver.execute_async_script(CLICK_TO_PANEL, actor_id, name)))
            _progress("click", out.click[-1])
            time.sleep(0.3)
        out.click = out.click[1:]
        for _ in range(repeats + 1):
            driver.get(url + "/queries")
            out.queries.append(_wait_value(driver, "__geokgQueries"))
            _progress("queries", out.queries[-1])
        out.queries = out.queries[1:]
    finally:
        driver.quit()
    return out


def bench_browser(env: dict[str, str], workers: int, repeats: int = 10, port: int | None = None) -> BrowserTimings:
    """Start gunicorn over the server named in `env` and measure the browser waits."""
    server = Gunicorn(env, workers, port=port)
    try:
        server.wait()
        return measure(server.url, repeats)
    finally:
        server.stop()


def main() -> None:
    """`python -m benchmarks.browser URL`: measure a dashboard that is already running."""
    url = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("GEOKG_BENCH_URL", "http://127.0.0.1:8050")
    timings = measure(url, int(sys.argv[2]) if len(sys.argv) > 2 else 10)
    for name in ("overview", "click", "queries"):
        print(f"{name:9s} median {timings.median(name):8.0f} ms  runs {[round(v) for v in getattr(timings, name)]}")
    print(f"actors drawn: {timings.actors_drawn}")


if __name__ == "__main__":
    main()
