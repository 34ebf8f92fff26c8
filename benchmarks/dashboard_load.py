"""The dashboard under load: gunicorn with several workers, simulated users posting real callbacks over HTTP.

Each simulated user (a thread with its own HTTP session) repeats what an analyst does in the explorer:
type an actor's name into the search box (one request per keystroke), focus an actor, then expand one
of its neighbours, carrying the page's stores from response to response as the browser does. The
bodies come from the app's own `/_dash-dependencies`. The baseline is one user alone, same run.
"""

from __future__ import annotations

import random
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from benchmarks.dash_client import DEPENDENCIES_PATH, UPDATE_PATH, CallbackMap, apply_response, error_of
from benchmarks.reads import Latency, prefixes

REPO = Path(__file__).resolve().parent.parent


@dataclass
class LoadResult:
    """What `users` simulated users got in `seconds`."""

    users: int
    seconds: float
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def requests(self) -> int:
        return sum(len(v) for v in self.latencies.values())

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def latency(self, kind: str | None = None) -> Latency:
        samples = self.latencies.get(kind, []) if kind else [x for v in self.latencies.values() for x in v]
        return Latency(kind or "all requests", samples, len(self.errors))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Gunicorn:
    """`gunicorn dashboard.wsgi:server` on 127.0.0.1, talking to the server named in `env`."""

    def __init__(self, env: dict[str, str], workers: int, port: int | None = None) -> None:
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        cmd = [sys.executable, "-m", "gunicorn", "--workers", str(workers), "--bind", f"127.0.0.1:{self.port}",
               "--timeout", "60", "--log-level", "warning", "dashboard.wsgi:server"]
        self.proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     text=True)

    def wait(self, timeout: float = 90.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {(self.proc.stderr.read() if self.proc.stderr else '')[-400:]}")
            try:
                if requests.get(self.url + DEPENDENCIES_PATH, timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"gunicorn did not answer on {self.url} within {timeout:.0f} s")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class User(threading.Thread):
    """One analyst: search, focus, expand, over and over until `deadline`."""

    def __init__(self, url: str, callbacks: CallbackMap, names: Sequence[dict[str, Any]], seed: int,
                 deadline: float, result: LoadResult, lock: threading.Lock) -> None:
        super().__init__(daemon=True)
        self.url, self.callbacks, self.names = url, callbacks, names
        self.rng = random.Random(seed)
        self.deadline, self.result, self.lock = deadline, result, lock
        self.http = requests.Session()

    def post(self, kind: str, body: dict[str, Any]) -> dict[str, Any] | None:
        started = time.perf_counter()
        try:
            reply = self.http.post(self.url + UPDATE_PATH, json=body, timeout=60)
            elapsed = (time.perf_counter() - started) * 1000
            ok = reply.status_code in (200, 204)
            data = reply.json() if reply.status_code == 200 else None
            problem = None if ok else f"{kind}: HTTP {reply.status_code}"
            if data is not None and error_of(data):
                problem = f"{kind}: {error_of(data)}"
        except (requests.RequestException, ValueError) as exc:
            elapsed = (time.perf_counter() - started) * 1000
            data, problem = None, f"{kind}: {type(exc).__name__}: {str(exc)[:120]}"
        with self.lock:
            self.result.latencies.setdefault(kind, []).append(elapsed)
            if problem:
                self.result.errors.append(problem)
        return data

    def run(self) -> None:
        while time.monotonic() < self.deadline:
            actor = self.rng.choice(self.names)
            for typed in prefixes(actor["name"])[:5]:
                self.post("search", self.callbacks.search(typed))
            session: dict[str, Any] = {}
            data = self.post("focus", self.callbacks.action({"kind": "focus", "actor": actor["id"]}, session))
            if not data:
                continue
            near = [n for n in apply_response(session, data) if n != actor["id"]]
            if near:
                body = self.callbacks.action({"kind": "expand", "actor": self.rng.choice(near), "positions": {}},
                                             session)
                self.post("expand", body)


def run_users(url: str, names: Sequence[dict[str, Any]], users: int, seconds: float) -> LoadResult:
    callbacks = CallbackMap(requests.get(url + DEPENDENCIES_PATH, timeout=30).json())
    result = LoadResult(users, seconds)
    lock = threading.Lock()
    started = time.monotonic()
    threads = [User(url, callbacks, names, seed, started + seconds, result, lock) for seed in range(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 120)
    result.seconds = time.monotonic() - started
    return result


def bench_dashboard(env: dict[str, str], names: Sequence[dict[str, Any]], workers: int, users: int,
                    seconds: float, baseline_seconds: float) -> tuple[LoadResult, LoadResult]:
    """(one user alone, `users` at once) against one gunicorn with `workers` workers."""
    server = Gunicorn(env, workers)
    try:
        server.wait()
        run_users(server.url, names, 2, 4.0)  # warm the workers' drivers and the server's caches
        alone = run_users(server.url, names, 1, baseline_seconds)
        crowd = run_users(server.url, names, users, seconds)
    finally:
        server.stop()
    return alone, crowd
