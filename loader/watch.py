"""Following news feeds: poll RSS/Atom URLs, load the items not seen before, remember where each feed is.

Each poll is a conditional GET (If-None-Match with the feed's last ETag, If-Modified-Since with its
Last-Modified), so a feed that has not changed costs a 304 and nothing else. Items already seen
(by link, else by content) are skipped before extraction, and articles are idempotent in the graph
anyway. A feed that fails (network error, HTTP error, a body that is no feed) is retried after a
delay that doubles with each failure in a row, up to `MAX_BACKOFF`. The state (validators, seen
items, failures, when each feed is next due) is a JSON file rewritten atomically after every
poll, so a restarted watcher goes on where it stopped.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from geokg.errors import InputError
from loader.models import Document, ReadError

DEFAULT_INTERVAL = 900.0  # seconds between polls of one feed
MAX_BACKOFF = 6 * 3600.0
SEEN_KEPT = 5000  # item keys remembered per feed (a feed lists far fewer at a time)
TIMEOUT = 30.0
USER_AGENT = "GeoKG-watch/1"


class FeedListError(InputError):
    """A feeds file that cannot be read (one-line message)."""


@dataclass(frozen=True)
class Feed:
    url: str
    name: str = ""
    interval: float = DEFAULT_INTERVAL


@dataclass
class FeedState:
    etag: str | None = None
    last_modified: str | None = None
    seen: list[str] = field(default_factory=list)
    failures: int = 0
    next_due: float = 0.0
    last_status: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"etag": self.etag, "last_modified": self.last_modified, "seen": self.seen[-SEEN_KEPT:],
                "failures": self.failures, "next_due": self.next_due, "last_status": self.last_status}


@dataclass
class PollResult:
    """What one poll of one feed did, for the per-feed report."""

    feed: Feed
    status: str  # "loaded", "not modified", "no new items", "error", "waiting"
    items: int = 0
    new: int = 0
    loaded: int = 0
    error: str = ""
    retry_in: float = 0.0

    def describe(self) -> str:
        label = self.feed.name or self.feed.url
        if self.status == "error":
            return f"{label}: error: {self.error} (retry in {self.retry_in:.0f} s)"
        if self.status == "waiting":
            return f"{label}: backing off after errors, next poll in {self.retry_in:.0f} s"
        if self.status == "not modified":
            return f"{label}: not modified (304)"
        return f"{label}: {self.items} items, {self.new} new, {self.loaded} loaded"


def read_feed_list(path: Path) -> list[Feed]:
    """FEEDS.yaml: a list of URLs, or `feeds:` entries with `url` and optional `name` and `interval`
    (seconds), and an optional top-level `interval` for all."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise FeedListError(f"{path}: cannot read: {exc}") from None
    except yaml.YAMLError as exc:
        raise FeedListError(f"{path}: invalid YAML: {' '.join(str(exc).split())[:120]}") from None
    default = DEFAULT_INTERVAL
    entries: Any = data
    if isinstance(data, dict):
        default = _interval(data.get("interval", DEFAULT_INTERVAL), path)
        entries = data.get("feeds")
    if not isinstance(entries, list) or not entries:
        raise FeedListError(f"{path}: expected a list of feed URLs, or 'feeds:' with entries having 'url'")
    feeds = []
    for n, entry in enumerate(entries, start=1):
        if isinstance(entry, str):
            entry = {"url": entry}
        if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
            raise FeedListError(f"{path}: feed {n} has no 'url'")
        feeds.append(Feed(check_url(entry["url"], f"{path}: feed {n}"), str(entry.get("name") or ""),
                          _interval(entry.get("interval", default), path)))
    return feeds


def _interval(value: Any, path: Path) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise FeedListError(f"{path}: interval must be a positive number of seconds, got {value!r}")
    return float(value)


def check_url(url: str, where: str = "feed") -> str:
    text = url.strip()
    if not text.startswith(("http://", "https://")):
        raise FeedListError(f"{where}: {url!r} is not an http(s) URL")
    return text


def item_key(doc: Document) -> str:
    """An item's identity within its feed: its link, else its content."""
    return doc.url or hashlib.sha256(f"{doc.title}\x1f{doc.text}".encode()).hexdigest()[:24]


class WatchState:
    """Per-feed state in a JSON file, written atomically after each poll."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.feeds: dict[str, FeedState] = {}
        if path.exists():
            try:
                raw = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise FeedListError(f"{path}: watch state is unreadable ({exc}); move it away to start afresh") \
                    from None
            for url, values in (raw.get("feeds") or {}).items():
                known = {k: v for k, v in values.items() if k in FeedState.__dataclass_fields__}
                self.feeds[url] = FeedState(**known)

    def of(self, url: str) -> FeedState:
        return self.feeds.setdefault(url, FeedState())

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps({"feeds": {u: s.as_dict() for u, s in self.feeds.items()}}, indent=1),
                             encoding="utf-8")
        os.replace(temporary, self.path)


Fetch = Callable[[str, dict[str, str]], tuple[int, dict[str, str], bytes]]
LoadItems = Callable[[list[Document]], int]


def http_fetch(url: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    """GET with the given headers → (status, response headers, body); 304 is a status, not an error."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **headers})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.status, dict(response.headers.items()), response.read()
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return 304, dict(exc.headers.items()), b""
        raise


class Watcher:
    """Polls feeds when they are due and hands new items to `load_items` (which returns how many it wrote)."""

    def __init__(self, feeds: Sequence[Feed], state: WatchState, load_items: LoadItems, *,
                 fetch: Fetch = http_fetch, clock: Callable[[], float] = time.time) -> None:
        self.feeds = list(feeds)
        self.state = state
        self.load_items = load_items
        self.fetch = fetch
        self.clock = clock

    def poll(self, feed: Feed) -> PollResult:
        from loader.read import read_feed

        state = self.state.of(feed.url)
        now = self.clock()
        headers = {}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        try:
            status, response_headers, body = self.fetch(feed.url, headers)
            if status == 304:
                result = PollResult(feed, "not modified")
            else:
                docs: list[Document] = []
                errors: list[ReadError] = []
                for item in read_feed(feed.url, body):
                    (errors if isinstance(item, ReadError) else docs).append(item)  # type: ignore[arg-type]
                if not docs and errors:
                    raise ValueError(errors[0].error)
                seen = set(state.seen)
                fresh = [d for d in docs if item_key(d) not in seen]
                loaded = self.load_items(fresh) if fresh else 0
                state.seen.extend(item_key(d) for d in fresh)
                state.seen = state.seen[-SEEN_KEPT:]
                lower = {k.lower(): v for k, v in response_headers.items()}
                state.etag = lower.get("etag") or None
                state.last_modified = lower.get("last-modified") or None
                result = PollResult(feed, "loaded" if fresh else "no new items", len(docs), len(fresh), loaded)
            state.failures = 0
            state.next_due = now + feed.interval
        except Exception as exc:  # any failure of one feed is reported and retried later, never fatal
            state.failures += 1
            delay = min(feed.interval * 2 ** (state.failures - 1), max(MAX_BACKOFF, feed.interval))
            state.next_due = now + delay
            reason = " ".join(str(exc).split())[:160] or type(exc).__name__
            result = PollResult(feed, "error", error=reason, retry_in=delay)
        state.last_status = result.describe()
        self.state.save()
        return result

    def due(self) -> list[Feed]:
        now = self.clock()
        return [f for f in self.feeds if self.state.of(f.url).next_due <= now]

    def run_once(self) -> list[PollResult]:
        """Poll every feed that is due; report the others as waiting (a feed backing off after errors)."""
        results = []
        for feed in self.feeds:
            state = self.state.of(feed.url)
            if state.failures and state.next_due > self.clock():
                results.append(PollResult(feed, "waiting", retry_in=state.next_due - self.clock()))
            else:
                results.append(self.poll(feed))
        return results

    def run(self, report: Callable[[PollResult], None], *, rounds: int | None = None,
            sleep: Callable[[float], None] = time.sleep) -> None:
        """Poll feeds as they come due, forever or for `rounds` rounds of due feeds."""
        done = 0
        while rounds is None or done < rounds:
            for feed in self.due():
                report(self.poll(feed))
            done += 1
            if rounds is not None and done >= rounds:
                break
            upcoming = min(self.state.of(f.url).next_due for f in self.feeds)
            sleep(max(0.05, upcoming - self.clock()))
