"""`geokg watch` against feeds served by a local HTTP server on 127.0.0.1 and the real Neo4j: new items
load within one interval, unchanged feeds cost a 304, state survives a restart, errors back off."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from geokg.graphdb import Graph
from loader.gazetteer import Gazetteer
from loader.models import Document
from loader.pipeline import load_documents
from loader.watch import Feed, PollResult, Watcher, WatchState, read_feed_list

ITEM = """<item><title>{title}</title><link>https://paper.example/{slug}</link>
<description>{text}</description><pubDate>Mon, 0{day} Apr 2024 10:00:00 +0000</pubDate></item>"""
ITEMS = [
    ITEM.format(title="Freedonia joins the pact", slug="pact", day=1,
                text="Freedonia joined the Northern Pact on Monday, its foreign ministry said."),
    ITEM.format(title="Sylvania orders tanks", slug="tanks", day=2,
                text="Sylvania ordered forty tanks from Freedonia, the two governments said."),
]


def feed_xml(items: list[str]) -> bytes:
    return ("<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel><title>Example Wire</title>"
            "<link>https://paper.example</link><description>News</description>" + "".join(items)
            + "</channel></rss>").encode()


class FeedServer:
    """Serves one changing feed with ETag and Last-Modified, answering 304 when nothing changed."""

    def __init__(self) -> None:
        self.body = feed_xml(ITEMS[:1])
        self.modified = formatdate(usegmt=True)
        self.fail_with: int | None = None
        self.log: list[tuple[str | None, int]] = []  # (If-None-Match sent, status answered)
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                etag = '"' + hashlib.sha256(server.body).hexdigest()[:16] + '"'
                sent = self.headers.get("If-None-Match")
                status = server.fail_with or (304 if sent == etag else 200)
                server.log.append((sent, status))  # before answering, so the client never sees it missing
                self.send_response(status)
                if status == 200:
                    self.send_header("Content-Type", "application/rss+xml")
                    self.send_header("ETag", etag)
                    self.send_header("Last-Modified", server.modified)
                self.end_headers()
                if status == 200:
                    self.wfile.write(server.body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/world.xml"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def change(self, items: list[str]) -> None:
        self.body = feed_xml(items)
        self.modified = formatdate(usegmt=True)

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[FeedServer]:
    running = FeedServer()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def loader_into(graph: Graph, gazetteer: Gazetteer) -> object:
    def load_items(docs: list[Document]) -> int:
        return load_documents(graph, docs, gazetteer).articles_new
    return load_items


def articles(graph: Graph) -> list[str]:
    return [r["url"] for r in graph.read("MATCH (a:Article) RETURN a.url AS url ORDER BY url")]


def test_a_new_item_loads_within_one_interval_and_unchanged_feeds_cost_a_304(
        clean_graph: Graph, gazetteer: Gazetteer, server: FeedServer, tmp_path: Path) -> None:
    interval = 0.5
    state = WatchState(tmp_path / "state.json")
    watcher = Watcher([Feed(server.url, "wire", interval)], state, loader_into(clean_graph, gazetteer))
    reports: list[tuple[float, PollResult]] = []
    changed_at: list[float] = []

    def report(result: PollResult) -> None:
        reports.append((time.monotonic(), result))
        if len(reports) == 2:  # after a first load and an unchanged poll, a new item appears
            server.change(ITEMS)
            changed_at.append(time.monotonic())

    watcher.run(report, rounds=3)
    statuses = [(r.status, r.new, r.loaded) for _, r in reports]
    assert statuses == [("loaded", 1, 1), ("not modified", 0, 0), ("loaded", 1, 1)]
    assert [status for _, status in server.log] == [200, 304, 200]
    assert server.log[1][0] is not None  # the second poll sent the feed's ETag back
    assert reports[2][0] - changed_at[0] <= interval + 1.0  # the new item came within one interval
    assert articles(clean_graph) == ["https://paper.example/pact", "https://paper.example/tanks"]
    assert reports[2][1].describe() == "wire: 2 items, 1 new, 1 loaded"

    # A restarted watcher reads its state: the unchanged feed is a 304 and nothing loads twice.
    again = Watcher([Feed(server.url, "wire", interval)], WatchState(tmp_path / "state.json"),
                    loader_into(clean_graph, gazetteer))
    [result] = again.run_once()
    assert (result.status, server.log[-1][1]) == ("not modified", 304)
    assert len(articles(clean_graph)) == 2


def test_a_failing_feed_backs_off_and_recovers(clean_graph: Graph, gazetteer: Gazetteer, server: FeedServer,
                                               tmp_path: Path) -> None:
    now = [1000.0]
    watcher = Watcher([Feed(server.url, "wire", 60)], WatchState(tmp_path / "s.json"),
                      loader_into(clean_graph, gazetteer), clock=lambda: now[0])
    server.fail_with = 503
    first = watcher.poll(watcher.feeds[0])
    second = watcher.poll(watcher.feeds[0])
    assert (first.status, first.retry_in, second.retry_in) == ("error", 60, 120)
    assert "503" in first.error
    [waiting] = watcher.run_once()  # still backing off: not polled
    assert waiting.status == "waiting" and len(server.log) == 2
    server.fail_with = None
    now[0] += 121
    [recovered] = watcher.run_once()
    assert (recovered.status, recovered.loaded) == ("loaded", 1)
    assert WatchState(tmp_path / "s.json").of(server.url).failures == 0


def test_watch_once_from_the_command_line(clean_graph: Graph, server: FeedServer, tmp_path: Path) -> None:
    from loader.watch_cli import watch_command

    feeds = tmp_path / "FEEDS.yaml"
    feeds.write_text(f"interval: 600\nfeeds:\n  - url: {server.url}\n    name: wire\n", encoding="utf-8")
    assert read_feed_list(feeds)[0].interval == 600
    state = tmp_path / "state.json"
    first = CliRunner().invoke(watch_command, [str(feeds), "--once", "--state", str(state)])
    assert first.exit_code == 0, first.output
    assert first.output.strip() == "wire: 1 items, 1 new, 1 loaded"
    second = CliRunner().invoke(watch_command, ["--feed", server.url, "--once", "--state", str(state)])
    assert second.exit_code == 0 and second.output.strip() == f"{server.url}: not modified (304)"
    bad = CliRunner().invoke(watch_command, ["--feed", "ftp://paper.example/x", "--once", "--state", str(state)])
    assert bad.exit_code == 1 and "is not an http(s) URL" in bad.output
