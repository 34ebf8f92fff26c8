"""Dashboard callbacks while Neo4j is unreachable and after it comes back: a banner, then recovery, no traceback.

The app talks to the real Neo4j through a small TCP relay that can play the outage (it drops every open
connection and refuses new ones), so the other tests keep their server. Callbacks are posted as the
browser posts them, with bodies built from the app's own `/_dash-dependencies`.
"""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from benchmarks import faults
from benchmarks.dash_client import DEPENDENCIES_PATH, UPDATE_PATH, CallbackMap, apply_response, error_of
from dashboard import ids
from dashboard.app import create_app
from geokg.graphdb import Graph
from geokg.settings import Settings
from loader.models import Entity, ExtractedArticle, Relation
from loader.write import write_articles


class Relay:
    """127.0.0.1:<port> → the Bolt port of the real server; `cut()` plays an outage, `restore()` ends it."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.up = True
        self.open: list[socket.socket] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.up:
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.open += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        self.up = False
        with self.lock:
            for s in self.open:
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()
            self.open.clear()

    def restore(self) -> None:
        self.up = True

    def close(self) -> None:
        self.cut()
        self.listener.close()


@pytest.fixture
def relay(settings: Settings) -> Iterator[Relay]:
    proxy = Relay(settings.bolt_host_port)
    yield proxy
    proxy.close()


RUS = Entity(id="country:RUS", name="Russia", kind="Country", mentions=2, iso3="RUS")
TJK = Entity(id="country:TJK", name="Tajikistan", kind="Country", mentions=1, iso3="TJK")
CSTO = Entity(id="alliance:csto", name="Collective Security Treaty Organization", kind="Alliance",
              aliases=["CSTO"], mentions=1)


def seed(graph: Graph) -> None:
    def rel(s: str, t: str, type_: str, text: str) -> Relation:
        return Relation(source=s, type=type_, target=t, confidence=0.9, evidence=text)  # type: ignore[arg-type]

    write_articles(graph, [ExtractedArticle(
        id="outage-1", title="Outage test", path="outage.txt", entities=[RUS, TJK, CSTO],
        relations=[rel("country:RUS", "country:TJK", "SUPPLIES_ARMS_TO", "Russia supplies arms to Tajikistan."),
                   rel("country:TJK", "alliance:csto", "MEMBER_OF", "Tajikistan is a CSTO member.")])])


class Browser:
    """Posts callbacks the way the page does and keeps the stores between them."""

    def __init__(self, app: Any) -> None:
        self.client = app.server.test_client()
        self.callbacks = CallbackMap(self.client.get(DEPENDENCIES_PATH).get_json())
        self.session: dict[str, Any] = {}
        self.db_status: dict[str, Any] | None = None
        self.ticks = 0
        self.replies: list[tuple[int, str]] = []

    def post(self, body: dict[str, Any]) -> dict[str, Any] | None:
        reply = self.client.post(UPDATE_PATH, json=body)
        text = reply.get_data(as_text=True)
        self.replies.append((reply.status_code, text))
        assert reply.status_code in (200, 204), f"HTTP {reply.status_code}: {text[:300]}"
        assert "Traceback" not in text
        return json.loads(text) if reply.status_code == 200 else None

    def health(self) -> dict[str, Any] | None:
        """One tick of the health interval; returns the new db-status (None when unchanged)."""
        self.ticks += 1
        dep = self.callbacks.find(ids.HEALTH_INTERVAL, "n_intervals", output=f"{ids.DB_STATUS}.data")
        body = self.callbacks.body(dep, {f"{ids.HEALTH_INTERVAL}.n_intervals": self.ticks,
                                         f"{ids.DB_STATUS}.data": self.db_status}, f"{ids.HEALTH_INTERVAL}.n_intervals")
        data = self.post(body)
        if data:
            self.db_status = data["response"][ids.DB_STATUS]["data"]
        return data and self.db_status

    def banner(self, error: dict[str, Any] | None = None) -> str:
        """The banner's text for the current db-status (and a callback error, if any)."""
        dep = self.callbacks.find(ids.DB_STATUS, "data", output=f"{ids.BANNER}.children")
        body = self.callbacks.body(dep, {f"{ids.DB_STATUS}.data": self.db_status, f"{ids.ERROR}.data": error},
                                   f"{ids.DB_STATUS}.data")
        data = self.post(body)
        children = (data or {}).get("response", {}).get(ids.BANNER, {}).get("children") or []
        return json.dumps(children)

    def search(self, text: str) -> dict[str, Any] | None:
        return self.post(self.callbacks.search(text))

    def focus(self, actor: str) -> dict[str, Any] | None:
        data = self.post(self.callbacks.action({"kind": "focus", "actor": actor}, self.session))
        if data and not error_of(data):
            apply_response(self.session, data)
        return data


def test_callbacks_during_and_after_an_outage(clean_graph: Graph, settings: Settings, relay: Relay,
                                              caplog: pytest.LogCaptureFixture,
                                              request: pytest.FixtureRequest) -> None:
    seed(clean_graph)
    through_relay = settings.model_copy(update={"neo4j_uri": f"bolt://127.0.0.1:{relay.port}"})
    app_graph = Graph(through_relay)
    page = Browser(create_app(through_relay, app_graph))
    caplog.set_level(logging.WARNING)
    try:
        # Up: no banner, search and focus work.
        status = page.health()
        assert status is not None and status["ok"] is True
        assert "Cannot reach" not in page.banner()
        found = page.search("Russ")
        assert "country:RUS" in json.dumps(found)
        assert not error_of(page.focus("country:RUS") or {})
        assert "country:TJK" in (page.session.get("working") or {}).get("nodes", {})

        # Down: every callback answers (no 500, no traceback) and the banner says what to do.
        relay.cut()
        started = time.monotonic()
        with ThreadPoolExecutor(3) as pool:
            health = pool.submit(page.health)
            search = pool.submit(page.search, "Tajik")
            focus = pool.submit(page.focus, "country:TJK")
            status, searched, focused = health.result(), search.result(), focus.result()
        banner_seconds = time.monotonic() - started
        assert status is not None and status["ok"] is False
        text = page.banner()
        assert "Cannot reach" in text and "geokg neo4j start" in text, text
        for reply in (searched, focused):
            error = error_of(reply or {})
            assert error and "Cannot reach" in error["message"] and "\n" not in error["message"], reply
        focus_error = error_of(focused or {})

        # Back: the banner clears and the same page works again.
        relay.restore()
        started = time.monotonic()
        status = page.health()
        recovery_seconds = time.monotonic() - started
        assert status is not None and status["ok"] is True
        assert "Cannot reach" not in page.banner(error=focus_error)
        assert not error_of(page.focus("country:TJK") or {})
        assert "alliance:csto" in (page.session.get("working") or {}).get("nodes", {})
    finally:
        app_graph.close()
    tracebacks = [r for r in caplog.records if r.exc_info]
    line = faults.record("dashboard during an outage", inputs=len(page.replies), faults=1, losses=len(tracebacks),
                         seconds_to_banner=round(banner_seconds, 1), seconds_to_recover=round(recovery_seconds, 1))
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(line)
    assert not tracebacks, [r.getMessage() for r in tracebacks]
