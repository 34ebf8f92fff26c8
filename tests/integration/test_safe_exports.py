"""Every CSV the project writes opens in a spreadsheet as data, whatever the names in the graph.

Actors named like spreadsheet formulas (`=…`, `+…`, `-…`, `@…`, a leading tab or carriage return) are
written to the real Neo4j, then exported through each path: `geokg console --format csv`, `geokg query
--format csv`, `/queries/<name>.csv`, the dashboard's CSV download, and the explorer's edge CSV.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner

from dashboard.callbacks import edges_csv
from geokg.csv_safe import safe_cell
from geokg.graphdb import Graph
from geokg.query_cli import console_command, query_command
from geokg.settings import Settings
from tests import query_data
from tests.conftest import clear

PAYLOADS = ["=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A2)", "\t=1+1", "\r=1+1",
            '=HYPERLINK("http://127.0.0.1:9/x","click")']
EVIL_QUERY = "MATCH (a:Actor) WHERE a.id STARTS WITH 'evil:' RETURN a.name AS name, a.id AS id ORDER BY id"


@pytest.fixture(scope="module")
def loaded(graph: Graph) -> Iterator[Graph]:
    clear(graph)
    query_data.build(graph)
    # Each hostile name is a member of the CSTO, so the saved membership query returns it too.
    graph.write("MATCH (c:Alliance {id: 'alliance:csto'}) "
                "UNWIND range(0, size($names) - 1) AS i "
                "CREATE (a:Actor:Country {id: 'evil:' + i, name: $names[i], kind: 'Country'})"
                "-[:MEMBER_OF {claims: 1, sources: 1}]->(c)", {"names": PAYLOADS})
    yield graph


def _assert_safe(text: str, expect: int = len(PAYLOADS)) -> None:
    cells = [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]
    risky = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r") and not c.lstrip("+-").isdigit()]
    assert risky == [], risky
    # each payload is there, neutralised (nodes are written as "name [id]")
    assert sum(1 for c in cells if c.startswith("'") and c[1:].startswith(tuple(PAYLOADS))) >= expect, cells


def test_safe_cell_rules() -> None:
    for payload in PAYLOADS:
        assert safe_cell(payload) == "'" + payload
    for harmless in ("-3", "+1.5e3", "-.5", "Russia", "", "a=b", 42, None):
        assert safe_cell(harmless) == harmless


def test_cli_console_csv(loaded: Graph) -> None:
    out = CliRunner().invoke(console_command, [EVIL_QUERY, "--format", "csv"])
    assert out.exit_code == 0, out.output
    _assert_safe(out.stdout)


def test_cli_saved_query_csv(loaded: Graph) -> None:
    out = CliRunner().invoke(query_command, ["members_of_alliance", "-p", "alliance=CSTO", "--format", "csv"])
    assert out.exit_code == 0, out.output
    _assert_safe(out.stdout)


@pytest.fixture(scope="module")
def client(loaded: Graph) -> Any:
    from dashboard.app import create_app

    return create_app(Settings(), loaded).server.test_client()


def test_saved_query_csv_route(client: Any) -> None:
    response = client.get("/queries/members_of_alliance.csv?alliance=CSTO")
    assert response.status_code == 200
    _assert_safe(response.get_data(as_text=True))


def test_dashboard_console_csv_download(client: Any) -> None:
    body = {
        "output": "qc-csv-download.data",
        "outputs": {"id": "qc-csv-download", "property": "data"},
        "inputs": [{"id": "qc-csv", "property": "n_clicks", "value": 1}],
        "state": [{"id": "qc-last", "property": "data", "value": {"cypher": EVIL_QUERY, "params": {}}}],
        "changedPropIds": ["qc-csv.n_clicks"],
    }
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data[:300]
    data = json.loads(response.data)["response"]["qc-csv-download"]["data"]
    _assert_safe(data["content"])


def test_explorer_edge_csv() -> None:
    canvas = [{"data": {"id": f"evil:{i}", "label": name}} for i, name in enumerate(PAYLOADS)]
    canvas += [{"data": {"id": f"e{i}", "source": f"evil:{i}", "target": "evil:0", "type": "MEMBER_OF",
                         "items": ["=1+1"]}} for i in range(len(PAYLOADS))]
    _assert_safe(edges_csv(canvas), expect=2 * len(PAYLOADS))
