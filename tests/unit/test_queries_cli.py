"""`geokg queries` and `geokg query` errors that need no database: one line, non-zero exit."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from geokg.query_cli import console_command, queries_command, query_command


def test_queries_lists_names_titles_and_params() -> None:
    result = CliRunner().invoke(queries_command, [])
    assert result.exit_code == 0
    line = next(x for x in result.stdout.splitlines() if x.startswith("members_of_alliance "))
    assert "Members of an alliance" in line and 'alliance: str = "CSTO", on_date: date = null' in line
    assert "source: str (required)" in result.stdout


def test_queries_json_and_search() -> None:
    result = CliRunner().invoke(queries_command, ["--format", "json", "--search", "exercise"])
    doc = json.loads(result.stdout)
    assert [q["name"] for q in doc] == ["exercise_partners"]
    assert doc[0]["params"][0] == {"name": "country", "type": "str", "default": "Russia", "required": False,
                                   "description": "name, alias or id of the country"}


@pytest.mark.parametrize(("args", "message"), [
    (["nope"], "Error: no saved query named 'nope'"),
    (["members_of_alliance", "-p", "x=1"],
     "Error: unknown parameter 'x' for query 'members_of_alliance'; expected: alliance (str), on_date (date)"),
    (["members_of_alliance", "-p", "on_date=soon"],
     "Error: parameter 'on_date' of query 'members_of_alliance' expects a date as YYYY-MM-DD, got 'soon'"),
    (["evidence_for_edge", "-p", "source=Russia"],
     "Error: missing required parameter 'type' (str) for query 'evidence_for_edge'"),
    (["arms_suppliers_of_alliance_members", "-p", "min_claims=many"],
     "Error: parameter 'min_claims' of query 'arms_suppliers_of_alliance_members' expects an integer, got 'many'"),
])
def test_query_errors_are_one_line(args: list[str], message: str) -> None:
    result = CliRunner().invoke(query_command, args)
    assert result.exit_code == 1
    assert result.stderr.startswith(message)
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


def test_bad_key_value_is_a_usage_error() -> None:
    result = CliRunner().invoke(query_command, ["members_of_alliance", "-p", "oops"])
    assert result.exit_code == 2 and "expected KEY=VALUE, got 'oops'" in result.stderr


def test_show_prints_params_and_cypher() -> None:
    result = CliRunner().invoke(query_command, ["members_of_alliance", "--show"])
    assert result.exit_code == 0
    assert "alliance (str, default \"CSTO\")" in result.stdout and "MATCH (a:Alliance)" in result.stdout


def test_console_refuses_before_connecting() -> None:
    # text checks run before any connection, so this fails the same way with no server at all
    result = CliRunner().invoke(console_command, ["MATCH (n) SET n.x = 1"], env={"NEO4J_URI": "bolt://127.0.0.1:9"})
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: Refused: SET is not allowed: the console is read-only (line 1, column 11)"


def test_console_bad_params_json() -> None:
    result = CliRunner().invoke(console_command, ["RETURN $x", "--params", "{x: 1}"])
    assert result.exit_code == 2 and "Parameters are not valid JSON" in result.stderr


def test_console_save_options_need_save_as() -> None:
    result = CliRunner().invoke(console_command, ["RETURN 1", "--title", "x"])
    assert result.exit_code == 2 and "go with --save-as" in result.stderr


def test_interactive_statements_end_with_semicolon_or_blank_line() -> None:
    import io

    from geokg.query_cli import _read_statements

    typed = io.StringIO("MATCH (n)\nRETURN n;\nRETURN 1\n\n\nRETURN 2\n:quit\nRETURN 3\n")
    assert list(_read_statements(typed)) == ["MATCH (n)\nRETURN n;", "RETURN 1\n", "RETURN 2\n:quit\nRETURN 3"]
    assert list(_read_statements(io.StringIO(":q\nRETURN 1;\n"))) == []
