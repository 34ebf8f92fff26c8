"""The saved-queries page of the dashboard, like Datasette's canned queries.

- `/queries`: every saved query (shipped and the user's own), searchable, and a link to the console;
- `/queries/<name>?param=value…`: one query with its own URL — a form generated from its typed
  parameters, results as a sortable grid, as a graph in the explorer's Cytoscape style when rows hold
  nodes, relationships or paths, as a bar chart when the query suggests one, with CSV/JSON downloads
  and a link that continues in the explorer;
- `/queries/console?cypher=…&params=…`: ad-hoc read-only Cypher, with "save as query";
- `/queries/<name>.json?…` and `/queries/<name>.csv?…`: the same rows for scripts (plain HTTP routes).

Everything runs through `geokg.console.run_readonly`, so nothing typed here can write. The app calls
`register_callbacks(app, graph, settings)` once and routes `/queries…` paths to `layout(pathname, search)`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, unquote, urlencode

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
import dash_cytoscape as cyto
import flask
import plotly.graph_objects as go
from dash import ALL, Dash, Input, Output, State, dcc, html, no_update
from dash.development.base_component import Component

from dashboard.figures import plotly_text
from dashboard.pages import query_ids as ids
from geokg.console import (
    ConsoleResult,
    actor_ids,
    grid_rows,
    has_graph_values,
    parse_params,
    run_readonly,
    to_csv,
    to_json,
)
from geokg.errors import DatabaseUnavailable, GeoKGError, InputError, QueryRefused
from geokg.graphdb import Graph
from geokg.queries import (
    Param,
    QueryLibrary,
    SavedQuery,
    coerce_value,
    load_library,
    run_query,
    save_user_query,
)
from geokg.settings import Settings

log = logging.getLogger(__name__)

PREFIX = "/queries"
CONSOLE_PATH = f"{PREFIX}/console"
EXPLORER_PATH = "/"
GRAPH_HEIGHT = "520px"
CONSOLE_EXAMPLE = ("MATCH (s:Actor)-[r:SUPPLIES_ARMS_TO]->(t:Actor)\n"
                   "WHERE r.claims >= $min_claims\n"
                   "RETURN s, r, t ORDER BY r.claims DESC LIMIT 50")


@dataclass
class _Context:
    """What `register_callbacks` was given; `layout` needs the settings to find the user's queries."""

    graph: Graph | None = None
    settings: Settings | None = None


_CONTEXT = _Context()


def _library() -> QueryLibrary:
    return load_library(_CONTEXT.settings)


def _graph() -> Graph:
    if _CONTEXT.graph is None:
        raise GeoKGError("the saved-queries page is not connected to a database (register_callbacks was not called)")
    return _CONTEXT.graph


# --- Layouts (pure: data in, component tree out) ---

def layout(pathname: str, search: str = "") -> Component:
    """The page for `/queries`, `/queries/console` or `/queries/<name>`, with values from `search`."""
    path = (pathname or PREFIX).rstrip("/") or PREFIX
    args = parse_qs((search or "").lstrip("?"), keep_blank_values=True)
    if path == PREFIX:
        return index_layout(_first(args, "q"))
    rest = unquote(path[len(PREFIX) + 1:]) if path.startswith(PREFIX + "/") else ""
    if rest == "console":
        return console_layout(_first(args, "cypher"), _first(args, "params"))
    return query_layout(rest, args)


def _first(args: Mapping[str, list[str]], key: str) -> str:
    values = args.get(key) or [""]
    return values[-1]


def index_layout(search: str = "") -> Component:
    library = _library()
    return dbc.Container([
        html.H2("Saved queries", className="mt-3"),
        html.P(["Named, parameterised questions over the graph. Every query is read-only, with a time limit "
                "and a row cap; each has its own URL with its parameters. Add your own from the ",
                dcc.Link("Cypher console", href=CONSOLE_PATH), "."], className="text-muted"),
        dbc.Row([
            dbc.Col(dbc.Input(id=ids.SEARCH, type="search", value=search, debounce=False,
                              placeholder="Search by name, title, description or parameter…"), md=8),
            dbc.Col(dbc.Button("Open the Cypher console", href=CONSOLE_PATH, color="secondary",
                               outline=True), md=4, className="text-md-end mt-2 mt-md-0"),
        ], className="mb-3"),
        html.Div(_query_list(library.search(search), library.problems), id=ids.LIST),
    ], fluid=True)


def _query_list(queries: list[SavedQuery], problems: list[str]) -> Component:
    if not queries:
        items: list[Component] = [dbc.Alert("No saved query matches.", color="light")]
    else:
        items = [dbc.ListGroup([_query_item(q) for q in queries], flush=False)]
    for problem in problems:
        items.append(dbc.Alert(f"Skipped user query {problem}", color="warning", className="py-1 mt-2 small"))
    return html.Div(items)


def _query_item(query: SavedQuery) -> Component:
    badges = [dbc.Badge(view, color="light", text_color="secondary", className="me-1") for view in query.views]
    if query.origin == "user":
        badges.insert(0, dbc.Badge("yours", color="info", className="me-1"))
    return dbc.ListGroupItem([
        html.Div([dcc.Link(query.title, href=f"{PREFIX}/{query.name}", className="fw-semibold me-2"), *badges]),
        html.Div(query.description, className="small text-muted"),
        html.Code(f"{query.name}({_param_summary(query)})", className="small"),
    ], className="py-2")


def _param_summary(query: SavedQuery) -> str:
    return ", ".join(f"{p.name}: {p.type}" + ("" if p.required else f" = {_display(p.default)}")
                     for p in query.params)


def _display(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return json.dumps(value)
    return json.dumps(value) if isinstance(value, str) else str(value)


def query_layout(name: str, args: Mapping[str, list[str]]) -> Component:
    """One saved query: form, run, results. Values in the URL fill the form and run it at once."""
    library = _library()
    try:
        query = library.get(name)
    except GeoKGError as exc:
        return dbc.Container([dbc.Alert(str(exc), color="danger", className="mt-3"),
                              dcc.Link("← all saved queries", href=PREFIX)], fluid=True)
    raw = _values_from_args(query, args)
    notices = [dbc.Alert(f"Ignored unknown URL parameter {key!r}; expected: {query.signature}", color="warning",
                         className="py-1") for key in args if query.param(key) is None]
    error = None
    try:
        bound = query.bind(raw)
    except GeoKGError as exc:
        bound, error = None, str(exc)
    ready = bound is not None
    console_href = f"{CONSOLE_PATH}?" + urlencode({
        "cypher": query.body.strip(), "params": json.dumps(_jsonable(bound or query.defaults()), ensure_ascii=False)})
    return dbc.Container([
        dcc.Store(id=ids.QUERY_NAME, data=query.name),
        dcc.Store(id=ids.AUTORUN, data=ready),
        html.Div(dcc.Link("← all saved queries", href=PREFIX), className="mt-3 small"),
        html.H2([query.title, " ", dbc.Badge("yours", color="info", className="align-middle fs-6")
                 if query.origin == "user" else None], className="mt-1"),
        html.P(query.description, className="text-muted"),
        *notices,
        dbc.Card(dbc.CardBody([
            dbc.Row([_param_field(p, bound[p.name] if bound else raw.get(p.name, p.default))
                     for p in query.params] or [html.Div("This query has no parameters.", className="text-muted")],
                    className="g-3"),
            html.Div([
                dbc.Button("Run", id=ids.RUN, color="primary", className="me-2"),
                # a plain link: the app re-renders pages on a new path, and this one only drops the query string
                html.A("Reset to defaults", href=f"{PREFIX}/{query.name}", className="me-3 small"),
                html.A("Link to these results", id=ids.PERMALINK, href=_permalink(query, raw),
                       className="me-2 small"),
                html.Span("as", className="me-1 small text-muted"),
                html.A("JSON", id=ids.EXPORT_JSON, href=export_href(_permalink(query, raw), "json"),
                       className="me-1 small"),
                html.A("CSV", id=ids.EXPORT_CSV, href=export_href(_permalink(query, raw), "csv"),
                       className="me-3 small"),
                html.A("Edit in the console", id=ids.CONSOLE_LINK, href=console_href, className="small"),
            ], className="mt-3 d-flex align-items-center flex-wrap"),
        ]), className="mb-3"),
        html.Details([html.Summary("Cypher", className="small text-muted"),
                      html.Pre(query.body.strip(), className="small bg-light p-2 border rounded")],
                     className="mb-3"),
        results_area(ids.QUERY_PANEL, error),
    ], fluid=True)


def _values_from_args(query: SavedQuery, args: Mapping[str, list[str]]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for p in query.params:
        if p.name in args:
            given = args[p.name]
            values[p.name] = given if p.type == "list[str]" and len(given) > 1 else given[-1]
    return values


def _param_field(param: Param, value: Any) -> Component:
    """A typed input for one parameter, with its type, default and description beside it."""
    pid = {"type": ids.PARAM, "name": param.name}
    placeholder = "required" if param.required else ("empty: none" if param.default is None else "")
    control: Component
    if param.type == "bool":
        control = dbc.Switch(id=pid, value=bool(value), label=param.name.replace("_", " "), className="mt-1")
    elif param.type in {"int", "float"}:
        control = dbc.Input(id=pid, type="number", step=1 if param.type == "int" else "any",
                            value=value, placeholder=placeholder)
    elif param.type == "date":
        control = dbc.Input(id=pid, type="date", value=str(value) if value else "", placeholder="YYYY-MM-DD")
    elif param.type == "list[str]":
        text = ", ".join(value) if isinstance(value, list) else (value or "")
        control = dbc.Input(id=pid, type="text", value=text, placeholder="comma-separated; empty for all")
    else:
        control = dbc.Input(id=pid, type="text", value=value if value is not None else "", placeholder=placeholder)
    default = "required" if param.required else f"default {_display(param.default)}"
    return dbc.Col([
        dbc.Label([html.Code(param.name), " ", dbc.Badge(param.type, color="light", text_color="secondary")],
                  className="mb-1"),
        control,
        dbc.FormText(f"{param.description} ({default})" if param.description else default),
    ], md=6, lg=4)


def _jsonable(values: Mapping[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(dict(values), default=str))


def _url_value(query: SavedQuery, param: Param, value: Any) -> str | None:
    """A form value as URL text, or None when it is empty or the default (kept out of the URL)."""
    if value is None or value == "" or value == []:
        return None
    try:
        if coerce_value(query.name, param, value) == param.default:
            return None
    except GeoKGError:
        pass  # an invalid value stays in the URL, so the page shows the same error when opened
    if param.type == "bool" and isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return str(value).strip()


def _permalink(query: SavedQuery, values: Mapping[str, Any]) -> str:
    pairs = []
    for p in query.params:
        text = _url_value(query, p, values.get(p.name))
        if text is not None:
            pairs.append((p.name, text))
    return f"{PREFIX}/{query.name}" + (f"?{urlencode(pairs)}" if pairs else "")


def export_href(permalink: str, fmt: str) -> str:
    """`/queries/x?a=1` → `/queries/x.json?a=1`."""
    path, sep, query_string = permalink.partition("?")
    return f"{path}.{fmt}{sep}{query_string}"


def console_layout(cypher: str = "", params: str = "") -> Component:
    """Ad-hoc read-only Cypher, with its parameters as JSON, and "save as query"."""
    return dbc.Container([
        dcc.Store(id=ids.result(ids.CONSOLE_PANEL, "autorun"), data=bool(cypher.strip())),
        html.Div(dcc.Link("← all saved queries", href=PREFIX), className="mt-3 small"),
        html.H2("Cypher console", className="mt-1"),
        html.P("Read-only: writes, schema and admin commands, LOAD CSV, CALL … IN TRANSACTIONS and procedures "
               "outside a read-only list are refused before anything runs. Start with EXPLAIN to see the plan.",
               className="text-muted"),
        dbc.Row([
            dbc.Col([dbc.Label("Cypher", html_for=ids.CONSOLE_TEXT),
                     dbc.Textarea(id=ids.CONSOLE_TEXT, value=cypher or CONSOLE_EXAMPLE, rows=8, spellCheck=False,
                                  className="font-monospace")], lg=8),
            dbc.Col([dbc.Label("Parameters (JSON object)", html_for=ids.CONSOLE_PARAMS),
                     dbc.Textarea(id=ids.CONSOLE_PARAMS, value=params or ('{"min_claims": 1}' if not cypher else "{}"),
                                  rows=8, spellCheck=False, className="font-monospace")], lg=4),
        ]),
        dbc.Button("Run", id=ids.CONSOLE_RUN, color="primary", className="mt-2 mb-3"),
        results_area(ids.CONSOLE_PANEL),
        dbc.Card(dbc.CardBody([
            html.H5("Save as query", className="card-title"),
            html.P("Saves the statement above into your query folder; its parameters become the query's, with "
                   "the values above as defaults.", className="small text-muted"),
            dbc.Row([
                dbc.Col(dbc.Input(id=ids.SAVE_NAME, placeholder="name, e.g. my_arms_query"), md=3),
                dbc.Col(dbc.Input(id=ids.SAVE_TITLE, placeholder="title"), md=4),
                dbc.Col(dbc.Input(id=ids.SAVE_DESCRIPTION, placeholder="description (optional)"), md=5),
            ], className="g-2"),
            dbc.Button("Save as query", id=ids.SAVE, color="secondary", className="mt-2"),
            html.Div(id=ids.SAVE_STATUS, className="mt-2"),
        ]), className="mt-4 mb-4"),
    ], fluid=True)


def results_area(panel: str, error: str | None = None) -> Component:
    """Where results appear: a one-line message, downloads, the explorer link and the views."""
    part = lambda name: ids.result(panel, name)  # noqa: E731
    message = _alert(error, "danger") if error else html.Div("Set the parameters and press Run.",
                                                             className="text-muted small")
    return html.Div([
        dcc.Store(id=part("last")),
        dcc.Download(id=part("csv-download")),
        dcc.Download(id=part("json-download")),
        html.Div([
            html.Div(message, id=part("message"), className="flex-grow-1 me-2"),
            html.Div(id=part("explorer"), className="me-3 small"),
            dbc.Button("CSV", id=part("csv"), size="sm", color="secondary", outline=True, className="me-1",
                       disabled=True),
            dbc.Button("JSON", id=part("json"), size="sm", color="secondary", outline=True, disabled=True),
        ], className="d-flex align-items-center mb-2"),
        dcc.Loading(html.Div(id=part("body")), type="default"),
    ])


def _alert(text: str, color: str) -> Component:
    return dbc.Alert(text, color=color, className="py-1 px-2 mb-0 small")


# --- Turning a result into views (pure) ---

def result_views(result: ConsoleResult, views: list[str], panel: str,
                 elements: Callable[[list[dict[str, Any]]], list[dict[str, Any]]] | None,
                 stylesheet: list[dict[str, Any]] | None, max_elements: int = 1500) -> list[Component]:
    """Graph, chart and table for one result, in the order the query suggests."""
    part = lambda name: ids.result(panel, name)  # noqa: E731
    if result.plan_only:
        return [html.Pre(str(result.rows[0]["plan"]), className="small bg-light p-2 border rounded")]
    out: dict[str, Component] = {"table": _grid(result, part("grid"))}
    if has_graph_values(result.rows):
        if elements is None:
            out["graph"] = _alert("The graph view needs dashboard.elements, which is not installed.", "warning")
        else:
            drawn = _cap_elements(elements(result.rows), max_elements)
            out["graph"] = html.Div([
                cyto.Cytoscape(id=part("graph"), elements=drawn, stylesheet=stylesheet or [],
                               layout={"name": "cose", "animate": False}, minZoom=0.2, maxZoom=3,
                               style={"width": "100%", "height": GRAPH_HEIGHT}, className="border rounded"),
                html.Div("Click a node to continue in the explorer from it.", className="small text-muted"),
            ], className="mb-3")
    figure = chart_figure(result)
    if figure is not None and "chart" in views:
        out["chart"] = dcc.Graph(id=part("chart"), figure=figure, config={"displaylogo": False})
    order = [v for v in views if v in out] + [v for v in ("graph", "chart", "table") if v in out and v not in views]
    return [out[v] for v in order]


def _cap_elements(elements: list[dict[str, Any]], cap: int) -> list[dict[str, Any]]:
    """At most `cap` elements, dropping edges whose ends were dropped (Cytoscape rejects them)."""
    if len(elements) <= cap:
        return elements
    nodes = [e for e in elements if "source" not in e.get("data", {})][:cap]
    kept = {n["data"].get("id") for n in nodes}
    edges = [e for e in elements if "source" in e.get("data", {})
             and e["data"]["source"] in kept and e["data"].get("target") in kept]
    return nodes + edges[: max(0, cap - len(nodes))]


def _grid(result: ConsoleResult, grid_id: str) -> Component:
    # Columns get positional field names: a column called "a.name" would be read as a nested path.
    fields = {c: f"c{i}" for i, c in enumerate(result.columns)}
    rows = [{fields[c]: v for c, v in row.items()} for row in grid_rows(result)]
    numeric = {c for c in result.columns
               if rows and all(isinstance(r[fields[c]], int | float) for r in rows if r[fields[c]] != "")}
    column_defs = [{"field": fields[c], "headerName": c,
                    "filter": "agNumberColumnFilter" if c in numeric else "agTextColumnFilter",
                    "type": "numericColumn" if c in numeric else None} for c in result.columns]
    return dag.AgGrid(
        id=grid_id, rowData=rows, columnDefs=[{k: v for k, v in d.items() if v is not None} for d in column_defs],
        defaultColDef={"sortable": True, "resizable": True, "filter": True, "minWidth": 90, "wrapText": True,
                       "autoHeight": True, "cellStyle": {"lineHeight": "1.4", "paddingTop": "4px"}},
        dashGridOptions={"pagination": True, "paginationPageSize": 50, "enableCellTextSelection": True,
                         "ensureDomOrder": True, "animateRows": False, "domLayout": "autoHeight"},
        columnSize="responsiveSizeToFit", style={"height": None}, className="ag-theme-alpine mb-3",
    )


def chart_figure(result: ConsoleResult) -> go.Figure | None:
    """A bar chart of the first text column against the first numeric column, when there are both."""
    if not result.rows or not result.columns:
        return None
    rows = grid_rows(result)

    def numeric(column: str) -> bool:
        return all(isinstance(r[column], int | float) for r in rows)

    label = next((c for c in result.columns if not numeric(c)), None)
    value = next((c for c in result.columns if numeric(c)), None)
    if label is None or value is None:
        return None
    figure = go.Figure(go.Bar(x=[plotly_text(r[label]) for r in rows], y=[r[value] for r in rows],
                              marker_color="#4c78a8"))
    figure.update_layout(margin={"l": 40, "r": 10, "t": 30, "b": 80}, height=380, xaxis_title=plotly_text(label),
                         yaxis_title=plotly_text(value), template="plotly_white")
    return figure


def explorer_link(actor_id: str | None, label: str | None = None) -> Component | str:
    if not actor_id:
        return ""
    return dcc.Link(f"Continue in explorer from {label or actor_id} →",
                    href=f"{EXPLORER_PATH}?{urlencode({'focus': actor_id})}")


def _first_actor(result: ConsoleResult) -> tuple[str | None, str | None]:
    found = actor_ids(result.rows)
    if found:
        return found[0], _actor_name(result.rows, found[0])
    # Queries returning ids as text (e.g. a chart of most-mentioned actors) name the column *_id.
    for column in result.columns:
        if column == "id" or column.endswith("_id"):
            for row in result.rows:
                if isinstance(row.get(column), str) and ":" in row[column]:
                    name = row.get("name") or row.get("actor") or row.get(column[:-3] or "name")
                    return row[column], name if isinstance(name, str) else None
    return None, None


def _actor_name(rows: list[dict[str, Any]], actor_id: str) -> str | None:
    def visit(value: Any) -> str | None:
        if isinstance(value, dict):
            props = value.get("properties") or {}
            if value.get("_type") == "node" and props.get("id") == actor_id:
                return str(props.get("name") or actor_id)
            for v in value.values():
                found = visit(v)
                if found:
                    return found
        elif isinstance(value, list):
            for v in value:
                found = visit(v)
                if found:
                    return found
        return None

    for row in rows:
        found = visit(row)
        if found:
            return found
    return None


# --- Callbacks ---

def _graph_tools() -> tuple[Callable[[list[dict[str, Any]]], list[dict[str, Any]]] | None,
                            list[dict[str, Any]] | None]:
    """The explorer's element builder and stylesheet, so both views draw the graph the same way."""
    try:
        from dashboard.elements import STYLESHEET, elements_from_rows
    except ImportError:
        return None, None
    return elements_from_rows, STYLESHEET


def _outputs(result: ConsoleResult, views: list[str], panel: str, last: dict[str, Any]) -> tuple[Any, ...]:
    elements, stylesheet = _graph_tools()
    max_elements = _CONTEXT.settings.geokg_max_elements if _CONTEXT.settings else 1500
    color = "warning" if result.truncated else "success"
    actor, name = _first_actor(result)
    # Neo4j's own notifications (a mistyped property, a cartesian product) explain empty or huge results.
    message = [_alert(result.message, color),
               *[html.Div(_alert(f"Warning from Neo4j — {w}", "warning"), className="mt-1 geokg-neo4j-warning")
                 for w in result.warnings]]
    return (message, result_views(result, views, panel, elements, stylesheet, max_elements),
            explorer_link(actor, name), last, not result.rows, not result.rows)


def _failure(exc: BaseException) -> tuple[Any, ...]:
    if isinstance(exc, GeoKGError):
        text = " ".join(str(exc).split())
    else:  # a bug: keep the trace in the server log, show one line
        log.exception("saved-queries page")
        text = f"Unexpected error ({type(exc).__name__}); see the server log"
    return _alert(text, "danger"), [], "", None, True, True


def _results_outputs(panel: str) -> list[Output]:
    part = lambda name: ids.result(panel, name)  # noqa: E731
    return [Output(part("message"), "children"), Output(part("body"), "children"),
            Output(part("explorer"), "children"), Output(part("last"), "data"),
            Output(part("csv"), "disabled"), Output(part("json"), "disabled")]


def _rerun(last: Mapping[str, Any]) -> tuple[ConsoleResult, str]:
    """Run again what the page last ran (downloads fetch fresh rows rather than shipping them twice)."""
    if last.get("query"):
        query = _library().get(last["query"])
        return run_query(_graph(), query, last.get("values") or {}, settings=_CONTEXT.settings), query.name
    params = last.get("params") or {}
    return run_readonly(_graph(), last.get("cypher") or "", params, settings=_CONTEXT.settings), "console"


def register_callbacks(app: Dash, graph: Graph, settings: Settings) -> None:
    """Register the page's callbacks on `app` (importing the module registers nothing)."""
    _CONTEXT.graph, _CONTEXT.settings = graph, settings

    @app.callback(Output(ids.LIST, "children"), Input(ids.SEARCH, "value"), prevent_initial_call=True)
    def search_queries(text: str | None) -> Component:
        library = _library()
        return _query_list(library.search(text or ""), library.problems)

    @app.callback(*_results_outputs(ids.QUERY_PANEL), Output(ids.PERMALINK, "href"),
                  Output(ids.EXPORT_JSON, "href"), Output(ids.EXPORT_CSV, "href"),
                  Input(ids.RUN, "n_clicks"),
                  State({"type": ids.PARAM, "name": ALL}, "value"), State({"type": ids.PARAM, "name": ALL}, "id"),
                  State(ids.QUERY_NAME, "data"), State(ids.AUTORUN, "data"))
    def run_saved_query(clicks: int | None, values: list[Any], pids: list[dict[str, str]], name: str,
                        autorun: bool) -> tuple[Any, ...]:
        if not clicks and not autorun:
            return (no_update,) * 9
        raw = {pid["name"]: value for pid, value in zip(pids, values, strict=True)}
        try:
            query = _library().get(name)
            link = _permalink(query, raw)
            result = run_query(graph, query, raw, settings=settings)
        except Exception as exc:
            return (*_failure(exc), no_update, no_update, no_update)
        last = {"query": query.name, "values": _jsonable(raw)}
        return (*_outputs(result, query.views, ids.QUERY_PANEL, last), link, export_href(link, "json"),
                export_href(link, "csv"))

    # Keep the address bar on the query's own URL with its parameters, without reloading the page.
    app.clientside_callback(
        """function (href) { if (href && window.location.pathname + window.location.search !== href) {
               window.history.replaceState(window.history.state, "", href); } return ""; }""",
        Output(ids.PERMALINK, "title"), Input(ids.PERMALINK, "href"))

    @app.callback(*_results_outputs(ids.CONSOLE_PANEL),
                  Input(ids.CONSOLE_RUN, "n_clicks"),
                  State(ids.CONSOLE_TEXT, "value"), State(ids.CONSOLE_PARAMS, "value"),
                  State(ids.result(ids.CONSOLE_PANEL, "autorun"), "data"))
    def run_console(clicks: int | None, text: str | None, params_text: str | None,
                    autorun: bool) -> tuple[Any, ...]:
        if not clicks and not autorun:
            return (no_update,) * 6
        try:
            params = parse_params(params_text)
            result = run_readonly(graph, text or "", params, settings=settings)
        except Exception as exc:
            return _failure(exc)
        return _outputs(result, ["graph", "chart", "table"], ids.CONSOLE_PANEL,
                        {"cypher": text or "", "params": params})

    @app.callback(Output(ids.SAVE_STATUS, "children"), Input(ids.SAVE, "n_clicks"),
                  State(ids.CONSOLE_TEXT, "value"), State(ids.CONSOLE_PARAMS, "value"), State(ids.SAVE_NAME, "value"),
                  State(ids.SAVE_TITLE, "value"), State(ids.SAVE_DESCRIPTION, "value"), prevent_initial_call=True)
    def save_query(_: int, text: str | None, params_text: str | None, name: str | None, title: str | None,
                   description: str | None) -> Component:
        try:
            params = parse_params(params_text)
            # Prove it reads (and is read-only) before it becomes a query anyone can run.
            run_readonly(graph, text or "", params, settings=settings, row_cap=1)
            save_user_query(settings, (name or "").strip(), title or "", text or "", params,
                            description=description or "")
        except Exception as exc:
            return _failure(exc)[0]
        return dbc.Alert(["Saved. ", dcc.Link("Open it", href=f"{PREFIX}/{(name or '').strip()}")],
                         color="success", className="py-1 px-2 mb-0 small")

    for panel in (ids.QUERY_PANEL, ids.CONSOLE_PANEL):
        _register_panel(app, panel)
    _register_exports(app.server)


# Status codes of the .json/.csv routes by error class, most specific first.
_STATUS: list[tuple[type[GeoKGError], int]] = [
    (InputError, 400), (QueryRefused, 403), (DatabaseUnavailable, 503), (GeoKGError, 422)]


def _register_exports(server: flask.Flask) -> None:
    """`/queries/<name>.json` and `.csv` with the same query string as the page: rows for scripts."""
    endpoint = "geokg_saved_query_export"
    if endpoint in server.view_functions:
        return

    def export(name: str, fmt: str) -> flask.Response:
        if fmt not in {"json", "csv"}:
            flask.abort(404)
        library = _library()
        if name not in library.queries:
            return _json_error(f"no saved query named {name!r}", 404)
        query = library.queries[name]
        values = {k: v if len(v) > 1 else v[0] for k, v in flask.request.args.lists()}
        try:
            result = run_query(_graph(), query, values, settings=_CONTEXT.settings)
        except GeoKGError as exc:
            status = next(code for cls, code in _STATUS if isinstance(exc, cls))
            return _json_error(" ".join(str(exc).split()), status)
        if fmt == "csv":
            return flask.Response(to_csv(result), 200, mimetype="text/csv",
                                  headers={"Content-Disposition": f'inline; filename="{name}.csv"'})
        return flask.Response(to_json(result, {"query": name, "title": query.title}), 200,
                              mimetype="application/json")

    server.add_url_rule(f"{PREFIX}/<name>.<fmt>", endpoint=endpoint, view_func=export)


def _json_error(message: str, status: int) -> flask.Response:
    return flask.Response(json.dumps({"error": message}), status, mimetype="application/json")


def _register_panel(app: Dash, panel: str) -> None:
    part = lambda name: ids.result(panel, name)  # noqa: E731

    @app.callback(Output(part("csv-download"), "data"), Input(part("csv"), "n_clicks"), State(part("last"), "data"),
                  prevent_initial_call=True)
    def download_csv(_: int, last: dict[str, Any] | None) -> Any:
        if not last:
            return no_update
        try:
            result, name = _rerun(last)
        except GeoKGError:
            return no_update  # the message line already shows why the last run failed
        return dcc.send_string(to_csv(result), f"{name}.csv", type="text/csv")

    @app.callback(Output(part("json-download"), "data"), Input(part("json"), "n_clicks"),
                  State(part("last"), "data"), prevent_initial_call=True)
    def download_json(_: int, last: dict[str, Any] | None) -> Any:
        if not last:
            return no_update
        try:
            result, name = _rerun(last)
        except GeoKGError:
            return no_update
        meta = {"query": name} if last.get("query") else {"cypher": last.get("cypher")}
        return dcc.send_string(to_json(result, meta), f"{name}.json", type="application/json")

    @app.callback(Output(part("explorer"), "children", allow_duplicate=True), Input(part("graph"), "tapNodeData"),
                  prevent_initial_call=True)
    def continue_from_node(data: dict[str, Any] | None) -> Any:
        if not data:
            return no_update
        actor = data.get("actor_id") or data.get("id")
        return explorer_link(str(actor), str(data.get("label") or data.get("name") or actor))
