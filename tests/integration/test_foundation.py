"""The local server the test command started, the schema and `geokg db …`, against the real Neo4j."""

from click.testing import CliRunner

from geokg.cli import main
from geokg.graphdb import Graph, counts, init_schema
from geokg.settings import Settings


def test_start_when_running_says_so_and_succeeds(graph: Graph) -> None:
    result = CliRunner().invoke(main, ["neo4j", "start"])
    assert result.exit_code == 0, result.output
    assert "already running" in result.output


def test_status_reports_running(graph: Graph) -> None:
    result = CliRunner().invoke(main, ["neo4j", "status"])
    assert result.exit_code == 0
    assert "running (pid" in result.output


def test_schema_is_idempotent(clean_graph: Graph) -> None:
    before = clean_graph.read("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n")[0]["n"]
    init_schema(clean_graph)
    init_schema(clean_graph)
    after = clean_graph.read("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n")[0]["n"]
    assert before == after >= 4
    names = {r["name"] for r in clean_graph.read("SHOW INDEXES YIELD name RETURN name")}
    assert {"actor_id", "article_id", "claim_id", "source_name", "actor_names"} <= names


def test_db_status_counts_by_label(clean_graph: Graph) -> None:
    clean_graph.write("CREATE (:Actor:Country {id: 'country:XXX', name: 'X'})")
    assert counts(clean_graph)["nodes"]["Country"] == 1
    result = CliRunner().invoke(main, ["db", "status", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"Country": 1' in result.output
    assert "5.26" in result.output


def test_unreachable_database_is_one_line(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:1")
    result = CliRunner().invoke(main, ["db", "status"])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert "Cannot reach bolt://127.0.0.1:1" in lines[0]
    assert "Traceback" not in result.output


def test_wrong_password_is_one_line(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEO4J_PASSWORD", "not-the-password")
    result = CliRunner().invoke(main, ["db", "status"])
    assert result.exit_code == 1
    assert "NEO4J_PASSWORD" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_unique_constraint_holds(clean_graph: Graph) -> None:
    clean_graph.write("MERGE (:Actor {id: 'country:RUS'})")
    clean_graph.write("MERGE (:Actor {id: 'country:RUS'})")
    rows = clean_graph.read("MATCH (a:Actor {id: 'country:RUS'}) RETURN count(a) AS n")
    assert rows[0]["n"] == 1
    assert Settings().neo4j_database == "neo4j"
