"""The saved-queries page as pure functions: URL → layout, result → views (no browser, no database)."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

from dash.development.base_component import Component

from dashboard.pages import queries as page
from dashboard.pages import query_ids as ids
from geokg.console import ConsoleResult
from geokg.queries import load_library

PAGES = Path(page.__file__).resolve().parent


def by_id(tree: Component, wanted: Any) -> Component:
    for node in tree._traverse():
        if getattr(node, "id", None) == wanted:
            return node
    raise AssertionError(f"no component with id {wanted!r}")


def param(tree: Component, name: str) -> Component:
    return by_id(tree, {"type": ids.PARAM, "name": name})


def test_index_lists_queries_matching_the_search() -> None:
    tree = page.layout("/queries", "?q=supply%20chain")
    assert by_id(tree, ids.SEARCH).value == "supply chain"
    links = [n.href for n in by_id(tree, ids.LIST)._traverse() if getattr(n, "href", None)]
    assert links == ["/queries/two_step_supply_chains"]
    everything = page.layout("/queries/", "")
    hrefs = {n.href for n in by_id(everything, ids.LIST)._traverse() if getattr(n, "href", None)}
    assert len(hrefs) == len(load_library().queries)


def test_query_page_form_is_typed_and_filled_from_the_url() -> None:
    tree = page.layout("/queries/members_of_alliance", "?alliance=NATO&on_date=2021-08-23")
    assert param(tree, "alliance").value == "NATO" and param(tree, "alliance").type == "text"
    assert param(tree, "on_date").type == "date" and param(tree, "on_date").value == "2021-08-23"
    assert by_id(tree, ids.QUERY_NAME).data == "members_of_alliance"
    assert by_id(tree, ids.AUTORUN).data is True
    assert by_id(tree, ids.PERMALINK).href == "/queries/members_of_alliance?alliance=NATO&on_date=2021-08-23"
    assert by_id(tree, ids.CONSOLE_LINK).href.startswith("/queries/console?cypher=MATCH")


def test_typed_inputs_for_each_parameter_type() -> None:
    tree = page.layout("/queries/actor_relations", "?types=ATTACKED&types=THREATENS&include_hedged=false")
    assert param(tree, "min_confidence").type == "number" and param(tree, "min_confidence").step == "any"
    assert param(tree, "include_hedged").value is False
    assert param(tree, "types").value == "ATTACKED, THREATENS"
    limit = param(page.layout("/queries/latest_claims_about_actor", ""), "limit")
    assert limit.type == "number" and limit.step == 1 and limit.value == 25


def test_bad_url_values_show_one_error_and_do_not_run() -> None:
    tree = page.layout("/queries/members_of_alliance", "?on_date=soon&colour=red")
    assert by_id(tree, ids.AUTORUN).data is False
    message = by_id(tree, ids.result(ids.QUERY_PANEL, "message"))
    assert "expects a date as YYYY-MM-DD, got 'soon'" in str(message.children)
    assert "Ignored unknown URL parameter 'colour'" in str(tree)


def test_required_parameters_wait_for_values() -> None:
    tree = page.layout("/queries/evidence_for_edge", "")
    assert by_id(tree, ids.AUTORUN).data is False
    assert "missing required parameter 'source'" in str(by_id(tree, ids.result(ids.QUERY_PANEL, "message")).children)


def test_unknown_query_and_console_pages() -> None:
    assert "no saved query named 'nope'" in str(page.layout("/queries/nope", ""))
    console = page.layout("/queries/console", "?cypher=RETURN%201&params=%7B%7D")
    assert by_id(console, ids.CONSOLE_TEXT).value == "RETURN 1"
    assert by_id(console, ids.result(ids.CONSOLE_PANEL, "autorun")).data is True


def test_permalink_keeps_only_changed_values() -> None:
    query = load_library().get("actor_relations")
    assert page._permalink(query, {"actor": "Russia", "types": "", "min_confidence": 0, "include_hedged": True}) \
        == "/queries/actor_relations"
    assert page._permalink(query, {"actor": "Iran", "types": ["A", "B"], "min_confidence": 0.5,
                                   "include_hedged": False}) == \
        "/queries/actor_relations?actor=Iran&types=A%2CB&min_confidence=0.5&include_hedged=false"


def node(ident: str, name: str) -> dict[str, Any]:
    return {"_type": "node", "element_id": ident, "labels": ["Actor", "Country"],
            "properties": {"id": ident, "name": name}}


def test_views_follow_the_query_and_the_data() -> None:
    rel = {"_type": "relationship", "element_id": "r1", "rel_type": "SUPPLIES_ARMS_TO", "start": "country:IRN",
           "end": "country:RUS", "start_node": node("country:IRN", "Iran"), "end_node": node("country:RUS", "Russia"),
           "properties": {"claims": 2}}
    result = ConsoleResult(["s", "r", "t", "claims"], [{"s": rel["start_node"], "r": rel, "t": rel["end_node"],
                                                        "claims": 2}])
    seen: list[Any] = []

    def elements(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        seen.append(rows)
        return [{"data": {"id": "country:IRN"}}, {"data": {"id": "country:RUS"}},
                {"data": {"id": "e", "source": "country:IRN", "target": "country:RUS"}}]

    views = page.result_views(result, ["graph", "table"], "qp", elements, [])
    assert [type(v).__name__ for v in views] == ["Div", "AgGrid"]
    grid = views[1]
    assert grid.rowData == [{"c0": "Iran", "c1": "SUPPLIES_ARMS_TO ×2", "c2": "Russia", "c3": 2}]
    assert grid.columnDefs[3]["filter"] == "agNumberColumnFilter"
    assert seen and page._first_actor(result) == ("country:IRN", "Iran")
    text_only = ConsoleResult(["actor", "mentions"],
                              [{"actor": "Russia", "mentions": 21}, {"actor": "Iran", "mentions": 9}])
    views = page.result_views(text_only, ["table", "chart"], "qp", elements, [])
    assert [type(v).__name__ for v in views] == ["AgGrid", "Graph"]
    assert list(views[1].figure.data[0].x) == ["Russia", "Iran"]


def test_elements_are_capped_without_dangling_edges() -> None:
    elements = [{"data": {"id": str(i)}} for i in range(5)] + [
        {"data": {"id": f"e{i}", "source": str(i), "target": str(i + 1)}} for i in range(4)]
    capped = page._cap_elements(elements, 3)
    kept = {e["data"]["id"] for e in capped if "source" not in e["data"]}
    assert kept == {"0", "1", "2"}
    assert all(e["data"]["source"] in kept and e["data"]["target"] in kept for e in capped if "source" in e["data"])


def test_pages_never_import_the_extractor_or_the_driver() -> None:
    for path in PAGES.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert not {m for m in names if m.startswith(("loader", "neo4j", "spacy"))}, path.name
