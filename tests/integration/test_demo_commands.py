"""The commands `make demo` runs, through the CLI, against the real Neo4j."""

import json

from click.testing import CliRunner

from geokg.cli import main
from geokg.graphdb import Graph
from tests.conftest import SAMPLES


def test_demo_sequence_loads_imports_and_reconciles(clean_graph: Graph) -> None:
    runner = CliRunner()
    loaded = runner.invoke(main, ["load", "--no-progress", "--format", "json", str(SAMPLES / "articles")])
    assert loaded.exit_code == 0, loaded.output
    assert json.loads(loaded.output)["articles"]["new"] >= 48
    imported = runner.invoke(main, ["import", "bundled"])
    assert imported.exit_code == 0, imported.output
    assert "memberships.csv" in imported.output and "state_agencies.csv" in imported.output
    members = clean_graph.read("MATCH (:Country)-[r:MEMBER_OF]->(:Alliance) RETURN count(r) AS n")[0]["n"]
    assert members > 200
    reconciled = runner.invoke(main, ["reconcile", "--format", "json"])
    assert reconciled.exit_code == 0, reconciled.output
    confirmed = clean_graph.read(
        "MATCH ()-[r:MEMBER_OF]->() WHERE r.reconciliation = 'confirmed' RETURN count(r) AS n")[0]["n"]
    assert confirmed > 0
