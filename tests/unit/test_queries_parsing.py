"""Parsing saved-query headers, checking parameters, coercing values, and the console's text checks."""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geokg.console import check_params, check_text, mask, parameter_names, parse_params
from geokg.errors import GeoKGError, InputError, QueryError, QueryRefused
from geokg.queries import (
    load_library,
    parse_assignments,
    parse_params_line,
    parse_query,
    render_query,
    save_user_query,
    unbounded_patterns,
)
from geokg.settings import Settings

MEMBERS = """// title: Members of an alliance
// description: Who belongs to an alliance,
//   optionally on a date.
// params: alliance: str = "CSTO", on_date: date = null, min_claims: int = 1, kinds: list[str] = ["Country"]
// param alliance: name or alias
// param on_date: YYYY-MM-DD
// view: table, graph
MATCH (m:Actor)-[r:MEMBER_OF]->(a:Alliance)
WHERE (a.name = $alliance OR $alliance IN a.aliases) AND r.claims >= $min_claims AND m.kind IN $kinds
  AND ($on_date IS NULL OR r.since <= toString($on_date))
RETURN m, r, a
"""


@pytest.fixture
def members():
    return parse_query(MEMBERS, "members_of_alliance")


def test_header_fields(members) -> None:
    assert members.title == "Members of an alliance"
    assert members.description == "Who belongs to an alliance, optionally on a date."
    assert members.views == ["table", "graph"]
    assert [(p.name, p.type, p.default, p.required) for p in members.params] == [
        ("alliance", "str", "CSTO", False), ("on_date", "date", None, False),
        ("min_claims", "int", 1, False), ("kinds", "list[str]", ["Country"], False)]
    assert members.param("alliance").description == "name or alias"
    assert members.signature == "alliance (str), on_date (date), min_claims (int), kinds (list[str])"
    assert members.body.startswith("MATCH (m:Actor)")


def test_params_line_with_commas_inside_values() -> None:
    params = parse_params_line('a: str = "x, y", b: list[str] = ["p", "q"], c: float = 0.5, d: bool = true, e: str')
    assert [(p.name, p.default, p.required) for p in params] == [
        ("a", "x, y", False), ("b", ["p", "q"], False), ("c", 0.5, False), ("d", True, False), ("e", None, True)]


@pytest.mark.parametrize(("header", "message"), [
    ("// description: no title\nRETURN 1", "needs a `// title: …` line"),
    ("// title: T\n// params: x: str\nRETURN 1", "declares unused x"),
    ("// title: T\nRETURN $y", "uses undeclared $y"),
    ("// title: T\n// params: x: string\nRETURN $x", "cannot read parameter 'x: string'"),
    ("// title: T\n// params: x: int = abc\nRETURN $x", "is not a JSON literal"),
    ("// title: T\n// params: x: int = \"abc\"\nRETURN $x", "expects an integer, got 'abc'"),
    ("// title: T\n// params: x: int, x: int\nRETURN $x", "declared twice"),
    ("// title: T\n// view: pie\nRETURN 1", "unknown view 'pie'"),
    ("// title: T\n// param z: about z\nRETURN 1", "describes a parameter not in"),
    ("// title: T\n// title: U\nRETURN 1", "appears twice"),
    ("// title: T\n", "no Cypher after the header"),
    ("// title: T\nMATCH p = (a)-[*]->(b) RETURN p", "has no upper bound"),
    ("// title: T\nMATCH p = (a)-[:X*2..]->(b) RETURN p", "has no upper bound"),
])
def test_header_errors_are_one_line(header: str, message: str) -> None:
    with pytest.raises(InputError) as info:
        parse_query(header, "q")
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_query_names_are_safe_file_names() -> None:
    for bad in ("../evil", "Evil", "1abc", "a-b", ""):
        with pytest.raises(InputError, match="lower-case"):
            parse_query("// title: T\nRETURN 1", bad)


def test_dollar_in_strings_and_comments_is_not_a_parameter() -> None:
    text = "// uses $fake\nMATCH (a) WHERE a.name = '$also_fake' AND a.id = $real /* $nope */ RETURN a"
    assert parameter_names(text) == {"real"}
    assert parameter_names("RETURN $`odd name`, $0") == {"odd name", "0"}
    assert parameter_names("MATCH (n:$any($labels))-[r:$all(['A'])]->() RETURN n") == {"labels"}


# --- binding values ---

def test_bind_defaults_and_coercion(members) -> None:
    assert members.bind({}) == {"alliance": "CSTO", "on_date": None, "min_claims": 1, "kinds": ["Country"]}
    bound = members.bind({"alliance": " NATO ", "on_date": "2021-08-23", "min_claims": "3",
                          "kinds": "Country, Alliance"})
    assert bound == {"alliance": "NATO", "on_date": date(2021, 8, 23), "min_claims": 3,
                     "kinds": ["Country", "Alliance"]}
    assert members.bind({"kinds": '["A", "B"]', "on_date": date(2020, 1, 1)})["kinds"] == ["A", "B"]
    assert members.bind({"alliance": "", "min_claims": ""}) == members.bind({})


@pytest.mark.parametrize(("values", "message"), [
    ({"x": "1"}, "unknown parameter 'x' for query 'members_of_alliance'; expected: alliance (str), "
                 "on_date (date), min_claims (int), kinds (list[str])"),
    ({"min_claims": "two"}, "parameter 'min_claims' of query 'members_of_alliance' expects an integer, got 'two'"),
    ({"min_claims": True}, "expects an integer"),
    ({"min_claims": "1.5"}, "expects an integer"),
    ({"on_date": "yesterday"}, "expects a date as YYYY-MM-DD, got 'yesterday'"),
    ({"on_date": "2021-02-30"}, "expects a date as YYYY-MM-DD, got '2021-02-30'"),
    ({"on_date": "2021-08-23'}) DELETE n"}, "expects a date as YYYY-MM-DD"),
    ({"kinds": [1, 2]}, "expects a list of strings"),
    ({"kinds": "[broken"}, "expects a list"),
    ({"alliance": {"a": 1}}, "expects a string"),
])
def test_bind_errors_name_the_parameter(members, values, message) -> None:
    with pytest.raises(InputError) as info:
        members.bind(values)
    assert message in str(info.value)


def test_required_parameter_missing() -> None:
    query = parse_query("// title: T\n// params: source: str, n: float = 1\n// param source: where to start\n"
                        "RETURN $source, $n", "paths")
    with pytest.raises(InputError, match="missing required parameter 'source' \\(str\\) for query 'paths'; "
                                         "where to start"):
        query.bind({"n": "2"})
    assert query.bind({"source": "x", "n": "2.5"}) == {"source": "x", "n": 2.5}
    for bad in ("nan", "inf", "abc", True):
        with pytest.raises(InputError, match="expects a"):
            query.bind({"source": "x", "n": bad})


@pytest.mark.parametrize(("text", "expected"), [("true", True), ("Yes", True), ("1", True), ("on", True),
                                                 ("false", False), ("no", False), ("0", False), ("OFF", False)])
def test_bool_texts(text: str, expected: bool) -> None:
    query = parse_query("// title: T\n// params: b: bool = false\nRETURN $b", "t")
    assert query.bind({"b": text}) == {"b": expected}


def test_parse_assignments_repeats_lists(members) -> None:
    values = parse_assignments(["kinds=Country", "kinds=Alliance", "alliance=NATO", "x=a=b"], members)
    assert values == {"kinds": ["Country", "Alliance"], "alliance": "NATO", "x": "a=b"}
    with pytest.raises(InputError, match="is not key=value"):
        parse_assignments(["novalue"], members)


@given(st.text(max_size=50))
def test_any_text_is_a_valid_str_value(value: str) -> None:
    query = parse_query("// title: T\n// params: s: str = \"d\"\nRETURN $s", "t")
    assert query.bind({"s": value})["s"] == (value.strip() or "d")


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_integers_round_trip_through_text(value: int) -> None:
    query = parse_query("// title: T\n// params: n: int = 0\nRETURN $n", "t")
    assert query.bind({"n": str(value)}) == {"n": value}


# --- console text checks (no database needed) ---

@pytest.mark.parametrize(("text", "message"), [
    ("CREATE (n)", "Refused: CREATE is not allowed"),
    ("match (n) detach delete n", "Refused: DETACH is not allowed"),
    ("RETURN 1; RETURN 2", "Refused: more than one statement (';' at line 1, column 9)"),
    ("LOAD CSV FROM 'x' AS r RETURN r", "Refused: LOAD CSV is not allowed"),
    ("load /* x */ csv from 'x' as r return r", "Refused: LOAD CSV is not allowed"),
    ("MATCH (n) CALL (n) { RETURN n AS m } IN TRANSACTIONS RETURN m", "CALL … IN TRANSACTIONS"),
    ("CALL dbms.components()", "Refused: procedure dbms.components is not on the read-only list"),
    ("CALL `db`.`createLabel`('X')", "Refused: procedure db.createLabel is not on the read-only list"),
    ("USE system SHOW USERS", "Refused: USE is not allowed"),
    ("PROFILE MATCH (n) RETURN n", "Refused: PROFILE runs the statement"),
    ("RETURN 1 \u202e", "Refused: invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) at line 1, column 10"),
    ("RETURN\u200b1", "Refused: invisible character U+200B (ZERO WIDTH SPACE)"),
    ("CALL`db`.`createLabel`('X')", "Refused: procedure db.createLabel is not on the read-only list"),
    ("WITH 1 AS `/*` CALL db.createLabel('X') RETURN 1", "Refused: procedure db.createLabel"),
    ("USE`system` SHOW USERS", "Refused: USE is not allowed"),
    ("CYPHER 5 runtime=slotted PROFILE MATCH (n) RETURN n", "Refused: PROFILE runs the statement"),
    ("RETURN " + "(" * 41 + "1" + ")" * 41, "Refused: brackets nested more than 40 deep"),
    ("RETURN " + " OR ".join(["true"] * 102), "Refused: more than 100 AND/OR/XOR/WHEN/UNION terms"),
    ("RETURN [" + ",".join(["1"] * 2001) + "]", "Refused: a literal list of more than 2,000 items"),
    ("RETURN reduce(s = 'x', i IN range(1, 3) | s + s)", "Refused: reduce uses its accumulator 's' 2 times"),
    ("RETURN [x IN range(1, 2000000) | x]", "Refused: ranges that build 2,000,000 elements"),
    ("RETURN [a IN range(1, 2000) | [b IN range(1, 1000) | b]]", "Refused: ranges that build 2,000,000"),
    ("RETURN reduce(s = 0, i IN range(1, $n) | s + i)", "Refused: reduce over a range without literal bounds"),
])
def test_text_refusals(text: str, message: str) -> None:
    with pytest.raises(QueryRefused) as info:
        check_text(text)
    assert message in str(info.value)


@pytest.mark.parametrize(("text", "statement", "explain"), [
    ("RETURN 1;", "RETURN 1", False),
    ("RETURN 1 ;  \n", "RETURN 1", False),
    ("\ufeffRETURN 1", " RETURN 1", False),
    ("RETURN 'a;b' AS s // ; x", "RETURN 'a;b' AS s // ; x", False),
    ("MATCH (n) WHERE n.set = 1 AND n.`create` = 2 RETURN n.delete", None, False),
    ("MATCH (n:`DELETE`) RETURN n", None, False),
    ("EXPLAIN MATCH (n) RETURN n", "        MATCH (n) RETURN n", True),
    ("CALL db.labels() YIELD label RETURN label", None, False),
    ("MATCH (n) RETURN n.set AS set", None, False),
    ("RETURN {set: 1, delete: 2} AS m", None, False),
    ("UNWIND range(1, 1000000000) AS x RETURN count(x)", None, False),
    ("RETURN reduce(s = 0, i IN range(1, 1000) | s + i) AS total", None, False),
    ("MATCH (n) WHERE n.x IN $many RETURN n", None, False),
])
def test_text_accepted(text: str, statement: str | None, explain: bool) -> None:
    got, is_explain = check_text(text)
    assert is_explain is explain
    assert got == (statement if statement is not None else text)


@pytest.mark.parametrize("text", ["", "   ", "// only a comment", "x" * 100_001])
def test_text_errors(text: str) -> None:
    with pytest.raises(QueryError):
        check_text(text)


@given(st.text(max_size=200))
def test_mask_keeps_positions_and_check_text_never_crashes(text: str) -> None:
    masked = mask(text)
    assert len(masked) == len(text)
    assert [i for i, c in enumerate(text) if c == "\n"] == [i for i, c in enumerate(masked) if c == "\n"]
    with contextlib.suppress(GeoKGError):
        check_text(text)


def test_params_json() -> None:
    assert parse_params('{"country": "Russia", "n": 2, "on": true}') == {"country": "Russia", "n": 2, "on": True}
    assert parse_params("") == {} and parse_params(None) == {}
    with pytest.raises(InputError, match=r"not valid JSON: Expecting property name .* at line 1, column 2"):
        parse_params("{bad")
    with pytest.raises(InputError, match="must be a JSON object"):
        parse_params("[1, 2]")
    with pytest.raises(InputError, match=r'Missing parameter \$x — give it as JSON: \{"x": …\}'):
        check_params("RETURN $x", {})
    check_params("RETURN $x", {"x": None, "unused": 1})


def test_unbounded_patterns() -> None:
    assert unbounded_patterns("MATCH (a)-[*]->(b)") == ["[*]"]
    assert unbounded_patterns("MATCH (a)-[r:X|Y*3..]->(b)") == ["[r:X|Y*3..]"]
    assert unbounded_patterns("MATCH ((a)-[:X]->(b))+ RETURN a") == ["((a)-[:X]->(b))+"]
    assert unbounded_patterns("MATCH ((a)-->(b)){2,} RETURN a") == ["((a)-->(b)){2,}"]
    for bounded in ("MATCH (a)-[*..3]->(b)", "MATCH (a)-[*1..4]-(b)", "MATCH (a)-[:X*2]->(b)",
                    "MATCH ((a)-->(b)){1,3} RETURN a", "RETURN size(x) + 1", "RETURN (a.x - 1) * 2",
                    "RETURN '[*]' AS s // [*]"):
        assert unbounded_patterns(bounded) == [], bounded


# --- saving console statements as queries ---

def test_render_and_save_round_trip(tmp_path: Path) -> None:
    settings = Settings(geokg_user_queries_dir=tmp_path / "mine")
    text = "MATCH (a:Actor {id: $id}) WHERE a.confidence >= $min RETURN a LIMIT $n"
    path = save_user_query(settings, "actor_by_id", "Actor\nby id", text,
                           {"id": "country:RUS", "min": 0.5, "n": 3, "unused": True},
                           description="One actor.", views=["table", "graph"])
    assert path == tmp_path / "mine" / "actor_by_id.cypher"
    content = path.read_text()
    assert content.splitlines()[:4] == [
        "// title: Actor by id", "// description: One actor.",
        '// params: id: str = "country:RUS", min: float = 0.5, n: int = 3', "// view: table, graph"]
    query = load_library(settings).get("actor_by_id")
    assert query.origin == "user" and query.bind({}) == {"id": "country:RUS", "min": 0.5, "n": 3}
    assert render_query("T", "RETURN 1") == "// title: T\n// view: table\nRETURN 1\n"


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"name": "members_of_alliance"}, "is the name of a shipped query"),
    ({"name": "Bad Name"}, "lower-case"),
    ({"name": "console"}, "is reserved"),
    ({"title": "  "}, "needs a title"),
    ({"text": "RETURN $x", "params": {}}, "uses $x without a value"),
    ({"text": "RETURN $x", "params": {"x": {"a": 1}}}, "cannot save parameter 'x' of JSON type dict"),
    ({"text": "EXPLAIN RETURN 1"}, "without EXPLAIN"),
    ({"views": ["pie"]}, "unknown view 'pie'"),
])
def test_save_errors(tmp_path: Path, kwargs: dict, message: str) -> None:
    settings = Settings(geokg_user_queries_dir=tmp_path)
    args = {"name": "mine", "title": "Mine", "text": "RETURN 1 AS x", "params": {}, **kwargs}
    with pytest.raises(GeoKGError, match=message.replace("$", r"\$")):
        save_user_query(settings, args.pop("name"), args.pop("title"), args.pop("text"), args.pop("params"),
                        **args)
    assert list(tmp_path.iterdir()) == []


def test_save_needs_a_user_folder() -> None:
    with pytest.raises(InputError, match="GEOKG_USER_QUERIES_DIR is not set"):
        save_user_query(Settings(geokg_user_queries_dir=None), "mine", "Mine", "RETURN 1")


def test_save_refuses_to_overwrite_unless_asked(tmp_path: Path) -> None:
    settings = Settings(geokg_user_queries_dir=tmp_path)
    save_user_query(settings, "mine", "Mine", "RETURN 1 AS x")
    with pytest.raises(InputError, match="exists"):
        save_user_query(settings, "mine", "Mine", "RETURN 2 AS x")
    save_user_query(settings, "mine", "Mine again", "RETURN 2 AS x", overwrite=True)
    assert load_library(settings).get("mine").title == "Mine again"


def test_broken_user_files_are_reported_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "good.cypher").write_text("// title: Good\nRETURN 1 AS x\n")
    (tmp_path / "bad.cypher").write_text("RETURN 1\n")
    (tmp_path / "members_of_alliance.cypher").write_text("// title: Shadow\nRETURN 1\n")
    (tmp_path / "Not-A-Name.cypher").write_text("// title: X\nRETURN 1\n")
    library = load_library(Settings(geokg_user_queries_dir=tmp_path))
    assert library.get("good").origin == "user"
    assert library.get("members_of_alliance").origin == "shipped"
    assert sorted(p.split(":")[0] for p in library.problems) == [
        "Not-A-Name.cypher", "bad.cypher", "members_of_alliance.cypher"]


def test_unknown_query_suggests_a_close_name() -> None:
    with pytest.raises(QueryError, match="no saved query named 'member_of_alliance' \\(did you mean "
                                         "'members_of_alliance'\\?\\)"):
        load_library().get("member_of_alliance")


def test_search() -> None:
    library = load_library()
    assert [q.name for q in library.search("supply chain")] == ["two_step_supply_chains"]
    assert "members_of_alliance" in {q.name for q in library.search("alliance")}
    assert library.search("no such words at all") == []


def test_plain_comment_after_the_header_belongs_to_the_body() -> None:
    text = ("// title: T\n// description: first line\n//   second line\n// view: table\n"
            "// why the first clause looks like this\nMATCH (n) RETURN n\n")
    query = parse_query(text, "t")
    assert query.description == "first line second line" and query.views == ["table"]
    assert query.body.startswith("// why the first clause")
