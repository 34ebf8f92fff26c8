"""Read-only statements built to exhaust the server: none may take it down or hold the console.

Growth functions, deep brackets, long boolean chains, large literal lists and cartesian products go
through the command line (`geokg console`, a real process) and through the dashboard console (its
callback over HTTP, as the browser posts it). Each ends within the query timeout + 5 s with one line,
and the server answers after each.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from geokg import neo4j_server
from geokg.graphdb import Graph
from geokg.settings import Settings
from tests import query_data
from tests.conftest import clear

TIMEOUT = 5.0
SLACK = 5.0
GEOKG = str(Path(sys.executable).with_name("geokg"))


def _or_chain(n: int, op: str = "OR") -> str:
    return f" {op} ".join(f"n.id = 'x{i}'" for i in range(n))


# (id, statement, what the one line says)
HOSTILE: list[tuple[str, str, str]] = [
    # growth inside one expression, which Neo4j's memory tracking does not see
    ("reduce-string-doubling", "RETURN size(reduce(s = 'x', i IN range(1, 30) | s + s)) AS n", "Refused: reduce"),
    ("reduce-list-doubling", "RETURN size(reduce(l = [1], i IN range(1, 40) | l + l)) AS n", "Refused: reduce"),
    ("reduce-doubling-through-a-function", "RETURN size(reduce(s = 'ab', i IN range(1, 40) | s + toUpper(s)))",
     "Refused: reduce"),
    ("reduce-backtick-accumulator", "RETURN size(reduce(`s` = 'x', i IN range(1, 30) | `s` + s)) AS n",
     "Refused: reduce"),
    ("replace-growth", "RETURN size(replace(replace(replace('" + "x" * 1000 + "', 'x', '" + "x" * 1000
     + "'), 'x', '" + "x" * 1000 + "'), 'x', 'xx')) AS n", "Out of memory|Timed out after 5 s"),
    ("nested-comprehension", "RETURN size([a IN range(1, 100000) | [b IN range(1, 1000) | toString(a * b)]])",
     "Refused: ranges that build"),
    ("big-comprehension", "RETURN size([x IN range(1, 100000000) | toString(x)]) AS n", "Refused: ranges that build"),
    ("comprehension-over-unknown-range",
     "RETURN size([a IN range(1, 1000) | [b IN range(1, toInteger('100000000')) | b]]) AS n",
     "Refused: a range without literal bounds"),
    ("huge-range-returned", "RETURN range(1, 10000000) AS r", "Size cap reached"),
    ("wide-rows-returned", "UNWIND range(1, 4000) AS i RETURN i, [x IN range(1, 2000) | 'abcdefghij'] AS s",
     "Size cap reached"),
    ("reduce-sum-forever", "RETURN reduce(s = 0, i IN range(1, 10000000000) | s + i) AS n", "Refused: reduce over"),
    ("quadratic-string-append", "RETURN size(reduce(s = '', i IN range(1, 10000000) | s + 'xxxxxxxxxx')) AS n",
     "Refused: reduce over"),
    ("reduce-over-parameter-range", "RETURN reduce(s = '', i IN range(1, toInteger('9' + '000000')) | s + 'x') AS n",
     "Refused: reduce over a range without literal bounds"),
    ("interruptible-long-read", "UNWIND range(1, 10000000000) AS x WITH x WHERE x % 7 = 99 RETURN count(*) AS n",
     "Timed out after 5 s"),
    ("collect-everything", "UNWIND range(1, 100000000) AS x RETURN size(collect(toString(x))) AS n",
     "Out of memory|Timed out after 5 s"),
    # brackets the parser recurses into
    ("deep-parentheses", "RETURN " + "(" * 1000 + "1" + ")" * 1000 + " AS x", "Refused: brackets nested"),
    ("deep-lists", "RETURN " + "[" * 1000 + "1" + "]" * 1000 + " AS x", "Refused: brackets nested"),
    ("deep-maps", "RETURN " + "{a: " * 500 + "1" + "}" * 500 + " AS x", "Refused: brackets nested"),
    ("deep-calls", "RETURN " + "abs(" * 300 + "1" + ")" * 300 + " AS x", "Refused: brackets nested"),
    ("deep-unbalanced", "RETURN " + "(" * 5000, "Refused: brackets nested"),
    # boolean chains the planner expands
    ("or-4500-terms", "MATCH (n) WHERE " + _or_chain(4500) + " RETURN n", "Query too long"),
    ("or-300-terms", "MATCH (n) WHERE " + _or_chain(300) + " RETURN n", "Refused: more than 100"),
    ("xor-300-terms", "MATCH (n) WHERE " + _or_chain(300, "XOR") + " RETURN n", "Refused: more than 100"),
    ("and-or-mix", "MATCH (n) WHERE " + " OR ".join(f"(n.id = 'a{i}' AND n.name = 'b{i}')" for i in range(120))
     + " RETURN n", "Refused: more than 100"),
    ("case-500-branches", "MATCH (n) RETURN CASE " + " ".join(f"WHEN n.id = 'x{i}' THEN {i}" for i in range(500))
     + " END AS c", "Refused: more than 100"),
    ("union-150", " UNION ".join(f"RETURN {i} AS x" for i in range(150)), "Refused: more than 100"),
    # large literals
    ("list-5000-items", "RETURN size([" + ",".join("0" for _ in range(5000)) + "]) AS n",
     "Refused: a literal list"),
    ("in-list-3000", "MATCH (n) WHERE n.id IN [" + ",".join(f"'{i}'" for i in range(3000)) + "] RETURN n",
     "Refused: a literal list"),
    ("long-string-literal", "RETURN size('" + "x" * 30000 + "') AS n", "Query too long"),
    # cartesian products and path explosions
    ("cartesian-count", "MATCH (a), (b), (c), (d), (e), (f) WHERE a.id < b.id RETURN count(*) AS n",
     "Timed out after 5 s"),
    ("cartesian-rows", "MATCH (a), (b), (c) RETURN a.id, b.id, c.id", "cap reached|Timed out after 5 s"),
    ("var-length-paths", "MATCH p = (a)-[*]-(b) RETURN count(p) AS n", "Timed out after 5 s"),
]


@pytest.fixture(scope="module")
def loaded(graph: Graph) -> Iterator[Graph]:
    clear(graph)
    query_data.build(graph)
    yield graph


def _assert_server_up(graph: Graph, settings: Settings) -> None:
    assert neo4j_server.status(settings)["running"] or not settings.is_local_uri
    assert graph.read("RETURN 1 AS one") == [{"one": 1}]


def _matches(line: str, expected: str) -> bool:
    return any(part in line for part in expected.split("|"))


def test_the_hostile_battery_covers_every_kind() -> None:
    assert len(HOSTILE) >= 25
    kinds = {"reduce", "range", "deep", "or-", "list", "cartesian"}
    assert all(any(kind in name for name, _, _ in HOSTILE) for kind in kinds)


@pytest.mark.parametrize(("statement", "expected"), [h[1:] for h in HOSTILE], ids=[h[0] for h in HOSTILE])
def test_cli_console_survives(loaded: Graph, settings: Settings, statement: str, expected: str) -> None:
    started = time.monotonic()
    proc = subprocess.run([GEOKG, "console", "--timeout", str(TIMEOUT), "--format", "csv", "-"],
                          input=statement, capture_output=True, text=True, timeout=TIMEOUT + 60, check=False)
    elapsed = time.monotonic() - started
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert elapsed < TIMEOUT + SLACK, f"took {elapsed:.1f} s: {lines}"
    assert len(lines) == 1, lines
    if proc.returncode == 0:  # a capped result: rows on stdout, the line on stderr says why
        assert proc.stdout.count("\n") >= 1
    assert _matches(lines[0], expected), lines
    assert "Traceback" not in proc.stderr
    _assert_server_up(loaded, settings)


def _dashboard_console(client: Any, statement: str) -> str:
    """Post the console's Run click as the browser does; the one-line message it shows."""
    outputs = ["qc-message.children", "qc-body.children", "qc-explorer.children", "qc-last.data", "qc-csv.disabled",
               "qc-json.disabled"]
    body = {
        "output": ".." + "...".join(outputs) + "..",
        "outputs": [{"id": o.split(".")[0], "property": o.split(".")[1]} for o in outputs],
        "inputs": [{"id": "qc-run", "property": "n_clicks", "value": 1}],
        "state": [{"id": "qc-text", "property": "value", "value": statement},
                  {"id": "qc-params", "property": "value", "value": ""},
                  {"id": "qc-autorun", "property": "data", "value": False}],
        "changedPropIds": ["qc-run.n_clicks"],
    }
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data[:300]
    message = response.get_json()["response"]["qc-message"]["children"]
    text = json.dumps(message)
    alert = message.get("props", {}).get("children") if isinstance(message, dict) else message
    return alert if isinstance(alert, str) else text


@pytest.fixture(scope="module")
def dashboard_client(loaded: Graph) -> Any:
    from dashboard.app import create_app

    app = create_app(Settings(geokg_query_timeout=TIMEOUT), loaded)
    return app.server.test_client()


@pytest.mark.parametrize(("statement", "expected"), [h[1:] for h in HOSTILE], ids=[h[0] for h in HOSTILE])
def test_dashboard_console_survives(loaded: Graph, settings: Settings, dashboard_client: Any, statement: str,
                                    expected: str) -> None:
    started = time.monotonic()
    line = _dashboard_console(dashboard_client, statement)
    elapsed = time.monotonic() - started
    assert elapsed < TIMEOUT + SLACK, f"took {elapsed:.1f} s: {line}"
    assert "\n" not in line and "Unexpected error" not in line
    assert _matches(line, expected), line
    _assert_server_up(loaded, settings)


def test_no_console_transaction_outlives_its_deadline(loaded: Graph) -> None:
    """After the battery the server holds no console query: the timed-out ones were terminated."""
    time.sleep(2)
    rows = loaded.read("SHOW TRANSACTIONS YIELD metaData, currentQuery "
                       "WHERE metaData.geokg_guard IS NOT NULL RETURN currentQuery")
    assert rows == []
