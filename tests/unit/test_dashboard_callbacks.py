"""Callbacks called directly with their inputs (no browser, no database: the repo is replaced)."""

from __future__ import annotations

import ast
import base64
import types
from pathlib import Path
from typing import Any

import pytest
from dash import no_update
from dash._callback_context import context_value
from dash._utils import AttributeDict
from dash.development.base_component import Component
from dash.exceptions import PreventUpdate

from dashboard import app as app_module
from dashboard import callbacks, repo
from dashboard.app import create_app, parse_basic_auth
from dashboard.elements import build_elements
from dashboard.state import ExploreState, Filters, View, format_query
from geokg.errors import ConfigError, DatabaseUnavailable
from geokg.settings import Settings

DASHBOARD = Path(callbacks.__file__).resolve().parent
UNREACHABLE = "Cannot reach bolt://127.0.0.1:7687 — run `geokg neo4j start` or set NEO4J_URI"


class NoGraph:
    """Stands in for Graph: every callback under test must go through `repo`, which the tests replace."""

    def read(self, *args: Any, **kwargs: Any) -> Any:
        raise AssertionError("unexpected database read")

    def verify(self) -> None:
        """The server answers."""


@pytest.fixture
def app() -> Any:
    return create_app(Settings(neo4j_password="x", geokg_max_elements=50), graph=NoGraph())  # type: ignore[arg-type]


def callback(app: Any, name: str) -> Any:
    for entry in app.callback_map.values():
        fn = entry.get("callback")
        inner = getattr(fn, "__wrapped__", None)
        if inner is not None and inner.__name__ == name:
            return inner
    raise AssertionError(f"no callback {name}")


def triggered(prop_id: str | None, value: Any = None) -> None:
    inputs = [{"prop_id": prop_id, "value": value}] if prop_id else []
    context_value.set(AttributeDict(triggered_inputs=inputs))


def texts(tree: Any) -> str:
    """All text in a component tree (what a reader would see)."""
    out: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, str | int | float):
            out.append(str(node))
        elif isinstance(node, list | tuple):
            for item in node:
                walk(item)
        elif isinstance(node, Component):
            walk(getattr(node, "children", None))
    walk(tree)
    return " ".join(out)


# ------------------------------------------------------------------------------------------- router

def test_router_shows_explore_and_parses_the_url_on_first_load(app: Any) -> None:
    triggered(None)
    explore, analytics, queries, _content, _sidebar, incoming = callback(app, "route")("/", "?focus=country:RUS",
                                                                                       None)
    assert explore == {} and analytics == {"display": "none"} and queries == {"display": "none"}
    assert incoming["state"]["view"] == {**View(mode="ego", actor="country:RUS").model_dump(mode="json")}
    triggered("url.pathname", "/analytics")
    current = ExploreState(view=View(mode="ego", actor="country:RUS")).model_dump(mode="json")
    out = callback(app, "route")("/analytics", "", current)
    assert out[1] == {} and out[0] == {"display": "none"} and out[5] is no_update  # keeps the current state
    # A page with no state yet (Dash may name the URL as the first call's trigger) loads the default view.
    triggered("url.pathname", "/")
    assert callback(app, "route")("/", "", None)[5]["state"]["view"]["mode"] == "overview"


def test_router_follows_browser_back_but_not_its_own_url_writes(app: Any) -> None:
    state = ExploreState(view=View(mode="ego", actor="alliance:csto"))
    triggered("url.search", format_query(state))
    with pytest.raises(PreventUpdate):
        callback(app, "route")("/", format_query(state), state.model_dump(mode="json"))
    earlier = "?view=ego&actor=country:RUS"
    out = callback(app, "route")("/", earlier, state.model_dump(mode="json"))
    assert out[:5] == (no_update,) * 5 and out[5]["state"]["view"]["actor"] == "country:RUS"
    triggered("url.search", "?alliance=NATO")
    with pytest.raises(PreventUpdate):
        callback(app, "route")("/queries/members_of_alliance", "?alliance=NATO", state.model_dump(mode="json"))


def test_router_renders_the_saved_queries_page_or_says_it_is_missing(app: Any) -> None:
    triggered("url.pathname", "/queries/x")
    app.geokg_queries_module = types.SimpleNamespace(layout=lambda path, search: f"page {path} {search}")
    out = callback(app, "route")("/queries/arms", "?alliance=CSTO", None)
    assert out[2] == {} and out[3] == "page /queries/arms ?alliance=CSTO" and out[4] == {"display": "none"}
    app.geokg_queries_module = None
    out = callback(app, "route")("/queries", "", None)
    assert "Saved queries are not available in this build" in texts(out[3])
    assert "No page at" in texts(callback(app, "route")("/nope", "", None)[3])


def test_missing_queries_module_is_tolerated(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> Any:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)

    monkeypatch.setattr(app_module.importlib, "import_module", missing)
    assert app_module.load_queries_page() is None


def test_a_broken_queries_module_is_not_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(name: str) -> Any:
        raise ModuleNotFoundError("No module named 'yaml_typo'", name="yaml_typo")

    monkeypatch.setattr(app_module.importlib, "import_module", broken)
    with pytest.raises(ModuleNotFoundError):
        app_module.load_queries_page()


def test_state_goes_to_the_url_and_the_nav_links(app: Any) -> None:
    state = ExploreState(view=View(mode="ego", actor="alliance:csto"), filters=Filters(hide_hedged=True))
    search, explore_href, analytics_href = callback(app, "sync_url")(state.model_dump(mode="json"), "/", "")
    assert search == format_query(state) == "?view=ego&actor=alliance:csto&hedged=hide"
    assert explore_href == "/" + search and analytics_href == "/analytics" + search
    assert callback(app, "sync_url")(state.model_dump(mode="json"), "/queries", "?x=1")[0] is no_update


# ------------------------------------------------------------------------------------------ filters

def test_controls_to_filters_full_date_range_means_no_date_filter(app: Any) -> None:
    lo, hi = 2021 * 12 + 7, 2022 * 12 + 2
    data, label = callback(app, "read_filters")(["MEMBER_OF"], ["Country"], [lo, hi], "reported", "2", 0.5, True,
                                                False, "circle", False, lo, hi, None)
    filters = Filters.model_validate(data)
    assert filters.date_from is None and filters.date_to is None and "(all, undated included)" in label
    assert filters.min_claims == 2 and filters.hide_hedged and filters.layout == "circle"
    data, label = callback(app, "read_filters")(["MEMBER_OF"], [], [lo + 1, hi - 1], "valid", None, None, None,
                                                None, "fcose", False, lo, hi, None)
    filters = Filters.model_validate(data)
    assert (filters.date_from, filters.date_to) == ("2021-09", "2022-02")
    assert label == "2021-09 – 2022-02 (undated left out)" and not filters.include_undated
    data, label = callback(app, "read_filters")(["MEMBER_OF"], [], [lo + 1, hi - 1], "valid", None, None, None,
                                                None, "fcose", True, lo, hi, None)
    assert Filters.model_validate(data).include_undated and label == "2021-09 – 2022-02"
    # Before the slider knows the data's period, the URL's period is kept.
    incoming = {"state": ExploreState(filters=Filters(date_from="2022-01")).model_dump(mode="json")}
    data, _ = callback(app, "read_filters")([], [], None, "reported", 1, 0, False, False, "fcose", False, 0, 1,
                                            incoming)
    assert Filters.model_validate(data).date_from == "2022-01"


def test_type_presets(app: Any) -> None:
    triggered('{"preset":"arms","type":"types-preset"}.n_clicks', 1)
    out = callback(app, "types_preset")([0, 0, 0, 1, 0])
    assert "SUPPLIES_ARMS_TO" in out and "MEMBER_OF" not in out


# --------------------------------------------------------------------------------------- the canvas

def subgraph(*ids: str) -> repo.Subgraph:
    nodes = {i: {"id": i, "name": i.split(":")[1].title(), "kind": "Country"} for i in ids}
    edges = [{"source": ids[0], "type": "MEMBER_OF", "target": i, "props": {"claims": 1}} for i in ids[1:]]
    return repo.Subgraph(nodes=nodes, edges=edges)


def test_first_load_lays_out_the_whole_canvas(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(repo, "load_view", lambda g, view, filters, cap: subgraph("alliance:csto", "country:RUS"))
    start = ExploreState(view=View(mode="ego", actor="alliance:csto")).model_dump(mode="json")
    action = {"kind": "load", "state": start, "positions": {}}
    state, _history, _working, elements, layout, title, notice, _selection, error = callback(app, "act")(
        action, None, [], None, {"name": "preset"})
    assert {e["data"]["id"] for e in elements} >= {"alliance:csto", "country:RUS"}
    assert all("position" not in e for e in elements)
    assert layout["name"] == "fcose" and layout["seq"] == 1 and layout["fit"] is True
    assert title.startswith("Network of Csto") and error is None and notice == ""
    assert state["view"]["actor"] == "alliance:csto"


def test_expand_keeps_placed_nodes_and_places_new_ones_next_to_the_anchor(app: Any,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[View] = []

    def load(g: Any, view: View, filters: Filters, cap: int) -> repo.Subgraph:
        calls.append(view)
        sub = subgraph("alliance:csto", "country:RUS", "country:TJK")
        sub.nodes["company:roe"] = {"id": "company:roe", "name": "Rosoboronexport", "kind": "Company"}
        sub.edges.append({"source": "company:roe", "type": "PART_OF", "target": "country:RUS", "props": {}})
        return sub

    monkeypatch.setattr(repo, "load_view", load)
    before = ExploreState(view=View(mode="ego", actor="alliance:csto")).model_dump(mode="json")
    positions = {"alliance:csto": {"x": 0, "y": 0}, "country:RUS": {"x": 200, "y": 0},
                 "country:TJK": {"x": -200, "y": 0}}
    out = callback(app, "act")({"kind": "expand", "actor": "country:RUS", "positions": positions}, before, [],
                               {"nodes": {}}, {"name": "fcose", "seq": 3})
    state, history, _working, elements, layout = out[:5]
    assert calls[-1].expanded == ["country:RUS"] and state["view"]["expanded"] == ["country:RUS"]
    assert layout is no_update, "expanding must not re-run the layout"
    by_id = {e["data"]["id"]: e for e in elements}
    for node_id, pos in positions.items():
        assert by_id[node_id]["position"] == {"x": float(pos["x"]), "y": float(pos["y"])}
    new = by_id["company:roe"]
    assert "new" in new["classes"].split() and new["position"]["x"] > 200  # beyond Russia, on the open side
    assert history == [{"state": before, "positions": positions}]


def test_unchanged_filters_do_nothing(app: Any) -> None:
    state = ExploreState().model_dump(mode="json")
    with pytest.raises(PreventUpdate):
        callback(app, "act")({"kind": "filters", "filters": Filters().model_dump(mode="json"), "positions": {}},
                             state, [], {"nodes": {}}, {})


def test_back_without_history_says_so(app: Any) -> None:
    out = callback(app, "act")({"kind": "back", "positions": {}}, ExploreState().model_dump(mode="json"), [],
                               {"nodes": {}}, {})
    assert out[6] == "Nothing to go back to." and out[0] is no_update


def test_back_restores_the_previous_view_and_its_positions(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(repo, "load_view", lambda g, view, filters, cap: subgraph("alliance:csto", "country:RUS"))
    previous = ExploreState(view=View(mode="ego", actor="alliance:csto")).model_dump(mode="json")
    saved = {"alliance:csto": {"x": 5, "y": 6}, "country:RUS": {"x": 50, "y": 60}}
    out = callback(app, "act")({"kind": "back", "positions": {}}, ExploreState().model_dump(mode="json"),
                               [{"state": previous, "positions": saved}], {"nodes": {}}, {"name": "fcose", "seq": 2})
    assert out[0] == previous and out[1] == [] and out[4] is no_update
    assert {e["data"]["id"]: e.get("position") for e in out[3] if "source" not in e["data"]} == {
        "alliance:csto": {"x": 5.0, "y": 6.0}, "country:RUS": {"x": 50.0, "y": 60.0}}


def test_database_down_is_one_line_for_the_banner(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def down(*args: Any) -> Any:
        raise DatabaseUnavailable(UNREACHABLE)

    monkeypatch.setattr(repo, "ensure_reachable", down)
    out = callback(app, "act")({"kind": "overview", "positions": {}}, None, [], None, {})
    assert out[-1]["message"] == UNREACHABLE and all(o is no_update for o in out[:-1])
    monkeypatch.setattr(repo, "ping", down)
    status = callback(app, "health")(3, {"ok": True, "message": None})
    assert status["ok"] is False and status["message"] == UNREACHABLE
    triggered("db-status.data", status)
    banner, _ = callback(app, "show_banner")(status, None)
    assert texts(banner) == UNREACHABLE and "Traceback" not in texts(banner)


def test_recovery_clears_the_banner(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(repo, "ping", lambda graph: True)
    status = callback(app, "health")(4, {"ok": False, "message": UNREACHABLE})
    assert status["ok"] is True
    with pytest.raises(PreventUpdate):
        callback(app, "health")(5, status)
    triggered("db-status.data", status)
    banner, error = callback(app, "show_banner")(status, {"message": UNREACHABLE})
    assert banner == [] and error is None


def test_details_errors_go_to_the_banner(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def down(*args: Any) -> Any:
        raise DatabaseUnavailable(UNREACHABLE)

    monkeypatch.setattr(repo, "actor_details", down)
    children, error = callback(app, "_details")({"node": "country:RUS"}, {})
    assert children is no_update and error["message"] == UNREACHABLE


def test_actor_details_panel(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    details = {"actor": {"id": "country:RUS", "name": "Russia", "kind": "Country", "aliases": ["Russian Federation"],
                         "iso2": "RU", "iso3": "RUS"},
               "relations": [
                   {"type": "JOINT_EXERCISE_WITH", "outgoing": True, "count": 1, "claims": 1,
                    "sample": [{"id": "country:UZB", "name": "Uzbekistan", "kind": "Country", "claims": 1}]},
                   {"type": "JOINT_EXERCISE_WITH", "outgoing": False, "count": 1, "claims": 2,
                    "sample": [{"id": "country:KGZ", "name": "Kyrgyzstan", "kind": "Country", "claims": 2}]},
                   {"type": "SUPPLIES_ARMS_TO", "outgoing": True, "count": 12, "claims": 20,
                    "sample": [{"id": "region:central-asia", "name": "Central Asia", "kind": "Region", "claims": 4}]}],
               "articles": 3}
    monkeypatch.setattr(repo, "actor_details", lambda graph, actor_id: details)
    children, _ = callback(app, "_details")({"node": "country:RUS"}, {"nodes": {"country:RUS": {}}, "expanded": []})
    text = texts(children)
    assert "Russia" in text and "Russian Federation" in text
    assert "/assets/flags/ru.svg" in str(children), "the flag is a shipped image, not an emoji"
    assert "↔ joint exercise with" in text and text.count("joint exercise with") == 1  # symmetric: one group
    assert "→ supplies arms to" in text and "… 11 more" in text and "20 claims" in text
    assert "mentioned in 3 articles" in text


def test_edge_evidence_panel_shows_hostile_text_as_text(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    edge = {"source": {"id": "country:RUS", "name": "Russia"}, "target": {"id": "country:TJK", "name": "Tajikistan"},
            "type": "SUPPLIES_ARMS_TO",
            "props": {"claims": 2, "sources": 1, "confidence": 0.9, "modality": "delivered", "hedged": False,
                      "reconciliation": "confirmed", "first_reported": "2022-03-14", "last_reported": "2022-03-14",
                      "items": ["Mi-8 helicopters"]}}
    claims = [{"claim": {"sentence": "Russia delivered <b>two</b> helicopters.", "modality": "delivered",
                         "confidence": 0.9, "negated": False, "extractor": "news:rules", "reported": "2022-03-14"},
               "article": {"title": "<img src=x onerror=alert(1)>", "url": "javascript:alert(1)"},
               "outlets": ["Example Wire"], "cited": ["Interfax"]},
              {"claim": {"sentence": "RUS,TJK,delivered,2022", "modality": "delivered", "confidence": 1.0,
                         "negated": False, "extractor": "sipri:transfers.csv"}, "article": None, "outlets": [],
               "cited": []}]
    monkeypatch.setattr(repo, "edge_details", lambda graph, s, t, o: edge)
    monkeypatch.setattr(repo, "evidence", lambda graph, key: claims)
    children, _ = callback(app, "_details")({"edge": "country:RUS|SUPPLIES_ARMS_TO|country:TJK"}, {})
    text = texts(children)
    assert "Russia delivered <b>two</b> helicopters." in text
    assert "<img src=x onerror=alert(1)>" in text and "Example Wire" in text and "Interfax" in text
    assert "Confirmed by reference data" in text and "Reference data:" in text and "transfers.csv" in text
    links = [n for c in children if isinstance(c, Component) for n in c._traverse() if getattr(n, "href", None)]
    assert links == [], "a javascript: URL must never become a link"


def test_csv_export_of_the_drawn_edges(app: Any) -> None:
    canvas = build_elements({"country:RUS": {"id": "country:RUS", "name": "Russia", "kind": "Country"},
                             "region:central-asia": {"id": "region:central-asia", "name": "Central Asia"}},
                            [{"source": "country:RUS", "type": "SUPPLIES_ARMS_TO", "target": "region:central-asia",
                              "props": {"claims": 1, "items": ["helicopters"], "modality": "offered",
                                        "hedged": True}}])
    sent = callback(app, "export_csv")(1, canvas)
    lines = sent["content"].splitlines()
    assert sent["filename"] == "geokg-edges.csv"
    assert lines[0].startswith("source,source_name,type,role,target")
    assert lines[1].startswith("country:RUS,Russia,SUPPLIES_ARMS_TO,,region:central-asia,Central Asia,1")


def test_png_export_asks_cytoscape_for_a_download(app: Any) -> None:
    request = callback(app, "export_png")(1)
    assert request["type"] == "png" and request["action"] == "download"


def test_autocomplete_options_show_kind_and_aliases(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(repo, "search_actors", lambda graph, text: [
        {"id": "alliance:csto", "name": "Collective Security Treaty Organization", "kind": "Alliance",
         "aliases": ["CSTO", "ODKB"], "iso2": None}])
    options = callback(app, "autocomplete")("csto", None, [])
    assert options[0]["value"] == "alliance:csto" and "CSTO" in texts(options[0]["label"])
    assert "CSTO" in options[0]["search"]
    with pytest.raises(PreventUpdate):
        callback(app, "autocomplete")("c", None, [])


def test_layout_options() -> None:
    assert callbacks.layout_options("breadthfirst", 2, 'country:"RUS')["roots"] == '[id = "country:RUS"]'
    assert callbacks.layout_options("fcose", 1, None)["animate"] is False


# ------------------------------------------------------------------------------------ app and safety

def test_basic_auth(monkeypatch: pytest.MonkeyPatch) -> None:
    app = create_app(Settings(neo4j_password="x", geokg_basic_auth="analyst:s3cret"), graph=NoGraph())  # type: ignore[arg-type]
    client = app.server.test_client()
    assert client.get("/").status_code == 401
    assert "Basic" in client.get("/").headers["WWW-Authenticate"]
    bad = base64.b64encode(b"analyst:wrong").decode()
    assert client.get("/", headers={"Authorization": f"Basic {bad}"}).status_code == 401
    assert client.get("/", headers={"Authorization": "Basic !!!"}).status_code == 401
    good = base64.b64encode(b"analyst:s3cret").decode()
    assert client.get("/", headers={"Authorization": f"Basic {good}"}).status_code == 200
    open_app = create_app(Settings(neo4j_password="x"), graph=NoGraph())  # type: ignore[arg-type]
    assert open_app.server.test_client().get("/").status_code == 200


def test_basic_auth_setting_must_be_user_colon_password() -> None:
    assert parse_basic_auth(None) is None
    assert parse_basic_auth("a:b:c") == ("a", "b:c")
    with pytest.raises(ConfigError):
        parse_basic_auth("nopassword")


def test_the_page_loads_everything_from_the_app_itself() -> None:
    app = create_app(Settings(neo4j_password="x"), graph=NoGraph())  # type: ignore[arg-type]
    html = app.server.test_client().get("/").get_data(as_text=True)
    assert "bootstrap.min.css" in html and "cdn." not in html and "jsdelivr" not in html


def test_serve_binds_loopback_without_debug_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from dashboard.cli import serve_command

    ran: dict[str, Any] = {}

    class FakeApp:
        def run(self, **kwargs: Any) -> None:
            ran.update(kwargs)

    monkeypatch.setenv("NEO4J_PASSWORD", "x")
    monkeypatch.setattr(app_module, "create_app", lambda settings: FakeApp())
    result = CliRunner().invoke(serve_command, [])
    assert result.exit_code == 0, result.output
    assert ran == {"host": "127.0.0.1", "port": 8050, "debug": False}
    CliRunner().invoke(serve_command, ["--host", "0.0.0.0", "--port", "9000", "--debug"])
    assert ran == {"host": "0.0.0.0", "port": 9000, "debug": True}
    assert "--no-debug" in CliRunner().invoke(serve_command, ["--help"]).output


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted(p for p in DASHBOARD.glob("*.py")), ids=lambda p: p.name)
def test_dashboard_imports_stay_within_bounds(path: Path) -> None:
    names = imported_modules(path)
    assert not {n for n in names if n == "neo4j" or n.startswith("neo4j.")}, "only geokg.graphdb imports neo4j"
    assert not {n for n in names if n.startswith("loader") and n != "loader.models"}, "no spaCy in the web process"


def test_no_raw_html_anywhere_in_the_dashboard() -> None:
    for path in DASHBOARD.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "dangerously_allow_html" not in text and "DangerouslySetInnerHTML" not in text, path


def test_claim_counts_in_the_details_open_the_edge_evidence(app: Any) -> None:
    key = "country:RUS|SUPPLIES_ARMS_TO|region:central-asia"
    triggered(f'{{"key":"{key}","type":"edge-link"}}.n_clicks', 1)
    assert callback(app, "open_edge")([None, 1])["edge"] == key
    triggered(f'{{"key":"{key}","type":"edge-link"}}.n_clicks', None)
    with pytest.raises(PreventUpdate):
        callback(app, "open_edge")([None, None])  # the panel was re-rendered, nothing was clicked


def test_relation_keys_follow_the_stored_direction() -> None:
    from dashboard.components import relation_key

    assert relation_key("country:RUS", "SUPPLIES_ARMS_TO", "country:TJK", True) == \
        "country:RUS|SUPPLIES_ARMS_TO|country:TJK"
    assert relation_key("country:RUS", "PART_OF", "company:roe", False) == "company:roe|PART_OF|country:RUS"
    assert relation_key("country:UZB", "JOINT_EXERCISE_WITH", "country:RUS", True) == \
        "country:RUS|JOINT_EXERCISE_WITH|country:UZB"
