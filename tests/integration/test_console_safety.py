"""Nothing typed into the console or a saved query can change the database.

A battery of write and abuse attempts goes through `run_readonly` (the console) and `run_query` (saved
queries, including user files and parameter values that look like Cypher). Each attempt is refused
or inert, and after each one the node, relationship, property, label, type, key, index, constraint,
user and database counts are exactly what they were.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from geokg.console import run_readonly
from geokg.errors import GeoKGError, InputError, QueryError, QueryRefused
from geokg.graphdb import Graph
from geokg.queries import load_library, run_query, save_user_query
from geokg.settings import Settings
from tests import query_data
from tests.conftest import clear

REFUSED, ERROR, INERT = "refused", "error", "inert"

# (id, statement, params, expected outcome). "refused": QueryRefused before anything runs; "error": the
# planner rejects it (syntax, unknown procedure); "inert": it runs as a harmless read.
ATTEMPTS: list[tuple[str, str, dict[str, Any], str]] = [
    # plain writes
    ("create-node", "CREATE (n:Evil)", {}, REFUSED),
    ("create-lowercase", "create (n:Evil) return n", {}, REFUSED),
    ("merge-node", "MERGE (n:Actor {id: 'evil'}) RETURN n", {}, REFUSED),
    ("set-property", "MATCH (n:Actor) SET n.name = 'pwned'", {}, REFUSED),
    ("set-map", "MATCH (n:Actor) SET n += {x: 1}", {}, REFUSED),
    ("set-label", "MATCH (n:Actor) SET n:Evil", {}, REFUSED),
    ("dynamic-label", "MATCH (n:Actor) SET n:$($label)", {"label": "Evil"}, REFUSED),
    ("remove-property", "MATCH (n:Actor) REMOVE n.name", {}, REFUSED),
    ("remove-label", "MATCH (n:Actor) REMOVE n:Country", {}, REFUSED),
    ("detach-delete-all", "MATCH (n) DETACH DELETE n", {}, REFUSED),
    ("delete-rels", "MATCH ()-[r]->() DELETE r", {}, REFUSED),
    ("delete-node", "MATCH (n:Actor {id: 'country:RUS'}) DELETE n", {}, REFUSED),
    ("create-rel", "MATCH (a:Actor), (b:Actor) CREATE (a)-[:EVIL]->(b)", {}, REFUSED),
    ("merge-rel", "MATCH (n:Actor) WITH n LIMIT 1 MERGE (n)-[:EVIL]->(n)", {}, REFUSED),
    ("foreach-create", "FOREACH (x IN range(1, 3) | CREATE (:Evil))", {}, REFUSED),
    ("unwind-create", "UNWIND range(1, 3) AS i CREATE (:Evil {i: i})", {}, REFUSED),
    ("subquery-set", "MATCH (n) WITH n LIMIT 1 CALL (n) { SET n.evil = true } RETURN n", {}, REFUSED),
    ("subquery-create", "CALL { CREATE (:Evil) }", {}, REFUSED),
    ("with-subquery-create", "WITH 1 AS x CALL (x) { CREATE (:Evil) } RETURN x", {}, REFUSED),
    ("always-true-set", "MATCH (n) WHERE n.id = 'x' OR true SET n.pwned = true", {}, REFUSED),
    ("gql-insert", "INSERT (:Evil)", {}, REFUSED),
    ("explain-create", "EXPLAIN CREATE (:Evil)", {}, REFUSED),
    ("profile-create", "PROFILE CREATE (:Evil)", {}, REFUSED),
    ("cypher-options-delete", "CYPHER runtime=slotted MATCH (n) DETACH DELETE n", {}, REFUSED),
    # batched transactions and file access
    ("in-transactions-delete", "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS", {}, REFUSED),
    ("in-transactions-read", "UNWIND [1] AS x CALL (x) { RETURN x AS y } IN TRANSACTIONS RETURN y", {}, REFUSED),
    ("load-csv-file", "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", {}, REFUSED),
    ("load-csv-http", "LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:9/' AS row RETURN row", {}, REFUSED),
    ("load-csv-comment-split", "load/* hidden */csv from 'http://127.0.0.1:9/x' as r return r", {}, REFUSED),
    ("periodic-commit", "USING PERIODIC COMMIT LOAD CSV FROM 'x' AS r CREATE (:Evil)", {}, REFUSED),
    # schema
    ("create-index", "CREATE INDEX evil FOR (n:Actor) ON (n.evil)", {}, REFUSED),
    ("create-constraint", "CREATE CONSTRAINT evil FOR (n:Evil) REQUIRE n.id IS UNIQUE", {}, REFUSED),
    ("create-fulltext", "CREATE FULLTEXT INDEX evil FOR (n:Actor) ON EACH [n.name]", {}, REFUSED),
    ("drop-index", "DROP INDEX actor_kind", {}, REFUSED),
    ("drop-constraint", "DROP CONSTRAINT actor_id", {}, REFUSED),
    # administration
    ("create-user", "CREATE USER evil SET PASSWORD 'evil-pass-123' CHANGE NOT REQUIRED", {}, REFUSED),
    ("drop-user", "DROP USER neo4j", {}, REFUSED),
    ("alter-user", "ALTER USER neo4j SET PASSWORD 'changed-pass-1'", {}, REFUSED),
    ("alter-current-user", "ALTER CURRENT USER SET PASSWORD FROM 'a' TO 'changed-pass-2'", {}, REFUSED),
    ("create-database", "CREATE DATABASE evil", {}, REFUSED),
    ("drop-database", "DROP DATABASE neo4j", {}, REFUSED),
    ("stop-database", "STOP DATABASE neo4j", {}, REFUSED),
    ("create-role", "CREATE ROLE evil", {}, REFUSED),
    ("grant-role", "GRANT ROLE admin TO neo4j", {}, REFUSED),
    ("terminate-transactions", "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", {}, REFUSED),
    ("show-transactions", "SHOW TRANSACTIONS", {}, REFUSED),
    ("show-settings", "SHOW SETTINGS", {}, REFUSED),
    ("show-users", "SHOW USERS", {}, REFUSED),
    ("use-system", "USE system SHOW USERS", {}, REFUSED),
    # procedures
    ("db-create-label", "CALL db.createLabel('Evil')", {}, REFUSED),
    ("db-create-label-backticks", "CALL `db`.`createLabel`('Evil')", {}, REFUSED),
    ("db-create-property", "CALL db.createProperty('evil')", {}, REFUSED),
    ("db-create-reltype", "CALL db.createRelationshipType('EVIL')", {}, REFUSED),
    ("dbms-set-config", "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')", {}, REFUSED),
    ("dbms-create-user", "CALL dbms.security.createUser('evil', 'evil-pass', false)", {}, REFUSED),
    ("dbms-components", "CALL dbms.components()", {}, REFUSED),
    ("dbms-kill-query", "CALL dbms.killQuery('query-1')", {}, REFUSED),
    ("db-clear-caches", "CALL db.clearQueryCaches()", {}, REFUSED),
    ("db-resample-index", "CALL db.resampleIndex('actor_kind')", {}, REFUSED),
    ("db-replan", "CALL db.prepareForReplanning()", {}, REFUSED),
    ("db-stats-collect", "CALL db.stats.collect('QUERIES')", {}, REFUSED),
    ("tx-metadata", "CALL tx.setMetaData({evil: true})", {}, REFUSED),
    ("apoc-create", "CALL apoc.create.node(['Evil'], {})", {}, REFUSED),
    ("apoc-periodic", "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})", {}, REFUSED),
    ("apoc-cypher-write", "CALL apoc.cypher.doIt('CREATE (:Evil)', {})", {}, REFUSED),
    ("standalone-call-no-parens", "CALL db.createLabel", {}, REFUSED),
    ("comment-inside-procedure-name", "CALL db./* x */createLabel('Evil')", {}, REFUSED),
    ("apoc-function-write", "RETURN apoc.cypher.runFirstColumnSingle('CREATE (n:Evil) RETURN n', {}) AS n", {},
     REFUSED),
    ("in-transactions-newlines", "MATCH (n)\nCALL (n) {\n DETACH DELETE n\n}\nIN\n2\nCONCURRENT TRANSACTIONS", {},
     REFUSED),
    ("yield-after-write-proc", "CALL db.createLabel('Evil') YIELD * RETURN 1", {}, REFUSED),
    # several statements
    ("two-statements", "MATCH (n) RETURN count(n); MATCH (n) DETACH DELETE n", {}, REFUSED),
    ("return-then-create", "RETURN 1; CREATE (:Evil)", {}, REFUSED),
    ("newline-statements", "RETURN 1 ;\n CREATE (:Evil);", {}, REFUSED),
    ("semicolon-in-string-then-write", "RETURN ';' AS x; CREATE (:Evil)", {}, REFUSED),
    # comments hiding writes
    ("line-comment-then-create", "RETURN 1 // harmless\nCREATE (:Evil)", {}, REFUSED),
    ("block-comment-then-create", "RETURN 1 /* comment */ CREATE (:Evil)", {}, REFUSED),
    ("commented-read-then-create", "/* RETURN 1 */ CREATE (:Evil)", {}, REFUSED),
    ("comments-around-set", "MATCH (n) /* x */ SET /* y */ n.evil = 1", {}, REFUSED),
    ("unterminated-comment", "RETURN 1 /* CREATE (:Evil)", {}, ERROR),
    ("comment-markers-in-string", "RETURN '*/ CREATE (:Evil) /*' AS s", {}, INERT),
    ("write-word-in-backticks", "MATCH (n:`CREATE`) RETURN n", {}, INERT),
    ("keyword-like-variables", "MATCH (profile:Actor) WITH collect(profile.id) AS transactions "
     "RETURN 'country:RUS' IN transactions AS known", {}, INERT),
    ("semicolon-in-backticks", "RETURN 1 AS `x; CREATE (:Evil)`", {}, INERT),
    # quoted names and comment markers the text check must read as a tokenizer does
    ("backtick-procedure-no-space", "CALL`db`.`createLabel`('Evil')", {}, REFUSED),
    ("comment-marker-in-alias", "WITH 1 AS `/*` CALL db.createLabel('Evil') RETURN 1", {}, REFUSED),
    ("use-backticked-database", "USE`system` SHOW USERS", {}, REFUSED),
    ("doubled-backtick-name", "WITH 1 AS `a``b` CALL db.createLabel('Evil') RETURN 1", {}, REFUSED),
    ("apoc-in-backticks", "RETURN `apoc`.cypher.runFirstColumnSingle('CREATE (n:Evil) RETURN n', {}) AS n", {},
     REFUSED),
    ("keyword-properties-and-aliases", "MATCH (n:Actor) RETURN n.set AS set, n.delete AS delete LIMIT 1", {}, INERT),
    ("keyword-map-keys", "RETURN {set: 1, create: 2, merge: 3} AS m", {}, INERT),
    # unicode tricks
    ("fullwidth-create", "ＣＲＥＡＴＥ (n:Evil)", {}, ERROR),
    ("cyrillic-c-create", "СREATE (n:Evil)", {}, ERROR),
    ("combining-accent-create", "C\u0301REATE (n:Evil)", {}, ERROR),
    ("zero-width-space", "CREATE\u200b(n:Evil)", {}, REFUSED),
    ("zero-width-joiner-in-read", "MATCH (n)\u200dRETURN count(n)", {}, REFUSED),
    ("bidi-override", "RETURN 1 AS x \u202e CREATE (:Evil)", {}, REFUSED),
    ("bom-inside", "RETURN 1 \ufeffCREATE (:Evil)", {}, REFUSED),
    ("no-break-spaces", "MATCH\u00a0(n)\u00a0SET\u00a0n.x\u00a0=\u00a01", {}, REFUSED),
    ("line-separator", "RETURN 1\u2028CREATE (:Evil)", {}, REFUSED),
    ("null-byte", "RETURN 1\x00CREATE (:Evil)", {}, REFUSED),
    # values that look like Cypher travel as parameters and stay data
    ("param-injection-return", "RETURN $x AS x", {"x": "x'}) DETACH DELETE n //"}, INERT),
    ("param-injection-match", "MATCH (a:Actor {id: $id}) RETURN a", {"id": "x'}) DETACH DELETE n //"}, INERT),
    ("param-injection-list", "MATCH (a:Actor) WHERE a.id IN $ids RETURN a",
     {"ids": ["country:RUS'}) SET a.evil = 1 //", "CREATE (:Evil)"]}, INERT),
    # size
    ("huge-query", "RETURN 1 AS x " + "/* padding */ " * 8000, {}, ERROR),
    ("empty", "   ", {}, ERROR),
    ("only-comments", "// CREATE (:Evil)\n/* MERGE */", {}, ERROR),
]

# Saved queries with hostile values: each is refused by the type check or runs as a harmless read.
SAVED_ATTEMPTS: list[tuple[str, str, dict[str, Any], str]] = [
    ("alliance-injection", "members_of_alliance", {"alliance": "x'}) DETACH DELETE n //"}, INERT),
    ("alliance-quote-or", "members_of_alliance", {"alliance": 'CSTO" OR 1=1 //'}, INERT),
    ("alliance-backtick", "members_of_alliance", {"alliance": "`) CREATE (:Evil) //"}, INERT),
    ("limit-injection", "latest_claims_about_actor", {"limit": "1; MATCH (n) DETACH DELETE n"}, ERROR),
    ("limit-negative", "latest_claims_about_actor", {"limit": "-1"}, ERROR),
    ("types-injection", "common_neighbours", {"types": '["MEMBER_OF]->() DETACH DELETE n //"]'}, INERT),
    ("kind-injection", "most_mentioned_actors", {"kind": "Country' SET x.evil = 1 //"}, INERT),
    ("date-injection", "members_of_alliance", {"on_date": "2021-01-01'}) DELETE n"}, ERROR),
    ("bool-injection", "supplier_deliveries", {"include_hedged": "true OR 1=1"}, ERROR),
    ("unknown-param", "members_of_alliance", {"cypher": "CREATE (:Evil)"}, ERROR),
    ("type-injection", "evidence_for_edge",
     {"source": "Russia", "type": "SUPPLIES_ARMS_TO'] DETACH DELETE c //", "target": "Tajikistan"}, INERT),
]

# User query files that try to write: the runner refuses them like console input.
HOSTILE_FILES = {
    "user_create": "// title: Looks harmless\nCREATE (:Evil)\n",
    "user_hidden_in_header": "// title: Hidden\n// description: a read\nCALL db.createLabel('Evil')\n",
    "user_two_statements": "// title: Two\nRETURN 1;\nMATCH (n) DETACH DELETE n\n",
    "user_load_csv": "// title: Load\nLOAD CSV FROM 'file:///etc/passwd' AS r RETURN r\n",
    "user_default_injection": ('// title: Default\n// params: x: str = "x\'}) DETACH DELETE n //"\n'
                               "MATCH (a:Actor {id: $x}) RETURN a\n"),
}


def snapshot(graph: Graph) -> dict[str, Any]:
    """Everything a write could change, read through the guarded reader's own driver."""
    data = graph.read(
        "MATCH (n) WITH count(n) AS nodes, sum(size(keys(n))) AS node_props, sum(size(labels(n))) AS labels "
        "OPTIONAL MATCH ()-[r]->() "
        "RETURN nodes, node_props, labels, count(r) AS rels, sum(size(keys(r))) AS rel_props")[0]
    data["label_names"] = sorted(r["label"] for r in graph.read("CALL db.labels() YIELD label RETURN label"))
    data["types"] = sorted(r["t"] for r in graph.read(
        "CALL db.relationshipTypes() YIELD relationshipType AS t RETURN t"))
    data["keys"] = sorted(r["k"] for r in graph.read("CALL db.propertyKeys() YIELD propertyKey AS k RETURN k"))
    data["indexes"] = sorted(r["name"] for r in graph.read("SHOW INDEXES YIELD name RETURN name"))
    data["constraints"] = sorted(r["name"] for r in graph.read("SHOW CONSTRAINTS YIELD name RETURN name"))
    with graph.driver.session(database="system") as session:
        data["users"] = sorted(r["user"] for r in session.run("SHOW USERS YIELD user RETURN user"))
        data["databases"] = sorted(r["name"] for r in session.run("SHOW DATABASES YIELD name RETURN name"))
    return data


@pytest.fixture(scope="module")
def loaded(graph: Graph) -> Iterator[Graph]:
    clear(graph)
    query_data.build(graph)
    yield graph


@pytest.fixture(scope="module")
def baseline(loaded: Graph) -> dict[str, Any]:
    before = snapshot(loaded)
    assert before["nodes"] > 30 and before["rels"] > 50 and "Evil" not in before["label_names"]
    return before


def _outcome(call: Any) -> tuple[str, str]:
    try:
        call()
    except QueryRefused as exc:
        return REFUSED, str(exc)
    except (QueryError, InputError) as exc:
        return ERROR, str(exc)
    return INERT, ""


def test_the_battery_is_large() -> None:
    assert len(ATTEMPTS) + len(SAVED_ATTEMPTS) + len(HOSTILE_FILES) >= 50


@pytest.mark.parametrize(("statement", "params", "expected"), [a[1:] for a in ATTEMPTS], ids=[a[0] for a in ATTEMPTS])
def test_console_attempt_is_refused_or_inert(loaded: Graph, baseline: dict[str, Any], statement: str,
                                             params: dict[str, Any], expected: str) -> None:
    outcome, message = _outcome(lambda: run_readonly(loaded, statement, params))
    assert outcome == expected, message
    if outcome != INERT:
        assert "\n" not in message and "Traceback" not in message
    if outcome == REFUSED:
        assert message.startswith("Refused:")
    assert snapshot(loaded) == baseline


@pytest.mark.parametrize(("name", "values", "expected"), [a[1:] for a in SAVED_ATTEMPTS],
                         ids=[a[0] for a in SAVED_ATTEMPTS])
def test_saved_query_attempt_is_refused_or_inert(loaded: Graph, baseline: dict[str, Any], name: str,
                                                 values: dict[str, Any], expected: str) -> None:
    query = load_library().get(name)
    outcome, message = _outcome(lambda: run_query(loaded, query, values))
    assert outcome == expected, message
    assert snapshot(loaded) == baseline


def test_injection_values_match_nothing(loaded: Graph) -> None:
    result = run_query(loaded, load_library().get("members_of_alliance"), {"alliance": "x'}) DETACH DELETE n //"})
    assert result.rows == []


@pytest.mark.parametrize("name", sorted(HOSTILE_FILES))
def test_hostile_user_query_file(loaded: Graph, baseline: dict[str, Any], tmp_path: Path, name: str) -> None:
    (tmp_path / f"{name}.cypher").write_text(HOSTILE_FILES[name], encoding="utf-8")
    settings = Settings(geokg_user_queries_dir=tmp_path)
    library = load_library(settings)
    assert library.queries[name].origin == "user"
    outcome, message = _outcome(lambda: run_query(loaded, library.get(name), {}, settings=settings))
    assert outcome in {REFUSED, ERROR} or (name == "user_default_injection" and outcome == INERT), message
    assert snapshot(loaded) == baseline


def test_saving_a_write_is_refused(loaded: Graph, baseline: dict[str, Any], tmp_path: Path) -> None:
    settings = Settings(geokg_user_queries_dir=tmp_path)
    with pytest.raises(QueryRefused):
        save_user_query(settings, "evil", "Evil", "MATCH (n) DETACH DELETE n")
    with pytest.raises(InputError, match="lower-case"):
        save_user_query(settings, "../evil", "Evil", "RETURN 1")
    assert list(tmp_path.iterdir()) == []
    assert snapshot(loaded) == baseline


def test_timeout_is_enforced_by_the_server(loaded: Graph) -> None:
    with pytest.raises(QueryError, match=r"Timed out after 1 s"):
        run_readonly(loaded, "UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 99 RETURN count(*)",
                     timeout=1.0)


def test_row_cap_stops_fetching_and_says_so(loaded: Graph) -> None:
    result = run_readonly(loaded, "UNWIND range(1, 1000000) AS x RETURN x", row_cap=100)
    assert len(result.rows) == 100 and result.truncated
    assert result.rows[-1] == {"x": 100}
    assert "Row cap reached" in result.message
    small = run_readonly(loaded, "UNWIND range(1, 100) AS x RETURN x", row_cap=100)
    assert len(small.rows) == 100 and not small.truncated


def test_syntax_error_reports_line_and_column(loaded: Graph) -> None:
    with pytest.raises(QueryError, match=r"^Syntax error at line 2, column 1: Invalid input 'RETURN'"):
        run_readonly(loaded, "MATCH (n\nRETURN n")
    with pytest.raises(QueryError, match=r"^Syntax error at line 1, column 10: "):
        run_readonly(loaded, "MATCH (n RETURN n")


def test_keyword_named_property_and_alias_run(loaded: Graph) -> None:
    result = run_readonly(loaded, "MATCH (n:Actor {id: 'country:RUS'}) RETURN n.set AS set, n.name AS name")
    assert result.rows == [{"set": None, "name": "Russia"}]


def test_allowed_reads_still_work(loaded: Graph) -> None:
    assert run_readonly(loaded, "CALL db.labels() YIELD label RETURN label ORDER BY label").rows[0] == \
        {"label": "Actor"}
    rows = run_readonly(loaded, "MATCH (a:Actor {id: $id}) RETURN a.name AS name", {"id": "country:RUS"}).rows
    assert rows == [{"name": "Russia"}]
    plan = run_readonly(loaded, "EXPLAIN MATCH (a:Actor {id: 'x'}) RETURN a")
    assert plan.plan_only and "NodeUniqueIndexSeek" in plan.rows[0]["plan"]


def test_errors_are_geokg_errors_never_driver_errors(loaded: Graph) -> None:
    for statement in ("RETURN 1 / 0", "RETURN date('not a date')", "MATCH (n) RETURN n SKIP -1"):
        with pytest.raises(GeoKGError):
            run_readonly(loaded, statement)


# Each layer holds on its own: if the text checks missed a write, EXPLAIN would refuse it, and if both
# missed it, the READ access-mode transaction would.
LAYERED = [
    "CREATE (n:Evil)", "MATCH (n:Actor) SET n.evil = 1", "MATCH (n) DETACH DELETE n",
    "MERGE (n:Actor {id: 'evil'})", "MATCH (n:Actor) REMOVE n.name", "FOREACH (x IN [1] | CREATE (:Evil))",
    "CALL db.createLabel('Evil')", "CREATE INDEX evil FOR (n:Actor) ON (n.evil)", "DROP INDEX actor_kind",
    "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS",
]


@pytest.mark.parametrize("statement", LAYERED)
def test_explain_layer_alone_refuses(loaded: Graph, baseline: dict[str, Any], statement: str) -> None:
    from geokg.console import _check_plan
    from geokg.graphdb import explain

    planned = explain(loaded, statement)
    with pytest.raises(QueryRefused):
        _check_plan(planned.query_type, planned.operators, planned.procedures)
    assert snapshot(loaded) == baseline


@pytest.mark.parametrize("statement", LAYERED)
def test_read_access_mode_alone_refuses(loaded: Graph, baseline: dict[str, Any], statement: str) -> None:
    from geokg.graphdb import read_capped

    with pytest.raises(QueryError):
        read_capped(loaded, statement, cap=10, timeout=5)
    assert snapshot(loaded) == baseline
