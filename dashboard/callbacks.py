"""Callbacks, registered by `register_callbacks(app, graph, settings)`; each is thin: parse → repo → transform.

Every callback that reads the database catches `GeoKGError` and reports it as one line in the banner;
the health check brings the app back when Neo4j returns.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

import dash
from dash import ALL, MATCH, ClientsideFunction, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate
from pydantic import ValidationError

from dashboard import components, elements, figures, ids, repo
from dashboard.state import (
    HISTORY_DEPTH,
    Action,
    ExploreState,
    Filters,
    apply,
    format_query,
    month_index,
    month_label,
    parse_query,
)
from geokg.csv_safe import write_csv
from geokg.errors import GeoKGError
from geokg.graphdb import Graph
from geokg.settings import Settings

log = logging.getLogger(__name__)
HISTORY_POSITIONS_MAX = 400
TYPE_PRESETS = {
    "alliances": ["MEMBER_OF", "ALLIED_WITH", "JOINT_EXERCISE_WITH", "MILITARY_SUPPORT_TO", "HOSTS_BASE_OF",
                  "PART_OF", "LEADS"],
    "arms": ["SUPPLIES_ARMS_TO", "MILITARY_SUPPORT_TO", "PART_OF", "LEADS", "SANCTIONS"],
    "conflict": ["ATTACKED", "THREATENS", "CONTROLS", "SANCTIONS", "REFUGEES_FLEE_TO"],
}
PAGES = {"/": "explore", "/analytics": "analytics"}


def error_payload(exc: GeoKGError) -> dict[str, Any]:
    return {"message": str(exc).splitlines()[0], "t": time.time()}


# ------------------------------------------------------------------------------------ pure helpers

def page_of(pathname: str | None) -> str:
    path = (pathname or "/").rstrip("/") or "/"
    if path == "/queries" or path.startswith("/queries/"):
        return "queries"
    return PAGES.get(path, "notfound")


def filters_from_controls(types: list[str] | None, kinds: list[str] | None, dates: list[int] | None,
                          bounds: tuple[int | None, int | None], axis: str | None, min_claims: Any,
                          min_conf: Any, hide_hedged: bool | None, confirmed: bool | None,
                          layout: str | None, undated: bool | None = False) -> Filters:
    """Sidebar values → Filters. A date range equal to the data's bounds means "no date filter"."""
    date_from = date_to = None
    lo, hi = bounds
    if dates and len(dates) == 2 and lo is not None and hi is not None:
        start, end = int(dates[0]), int(dates[1])
        if start > lo:
            date_from = month_label(start)
        if end < hi:
            date_to = month_label(end)
    try:
        claims = max(1, int(min_claims)) if min_claims not in (None, "") else 1
    except (TypeError, ValueError):
        claims = 1
    return Filters(
        types=list(types or []), kinds=list(kinds or []), date_from=date_from, date_to=date_to,
        axis="valid" if axis == "valid" else "reported", min_claims=claims,
        min_confidence=float(min_conf or 0.0), hide_hedged=bool(hide_hedged), confirmed_only=bool(confirmed),
        include_undated=bool(undated), layout=layout or "fcose",
    )


MAX_SLIDER_MARKS = 6   # year labels that fit side by side in the sidebar


def slider_marks(lo: int, hi: int) -> dict[int, dict[str, str]]:
    """Year marks for the period slider (months since year 0), thinned so their labels never run together."""
    years = [m for m in range(lo, hi + 1) if m % 12 == 0]
    if not years:
        return {lo: {"label": month_label(lo)}}
    step = -(-len(years) // MAX_SLIDER_MARKS)
    return {m: {"label": str(m // 12)} for m in years[::step]}


def layout_options(name: str, seq: int, focus: str | None) -> dict[str, Any]:
    """A Cytoscape layout that runs once over the whole canvas (`seq` makes each request distinct)."""
    options: dict[str, Any] = {"name": name, "animate": False, "fit": True, "padding": 40, "seq": seq}
    if name in ("fcose", "cose-bilkent"):
        options.update({"randomize": True, "quality": "default", "nodeRepulsion": 9000,
                        "idealEdgeLength": 110, "nodeSeparation": 90, "packComponents": True})
    elif name == "cose":
        options.update({"nodeRepulsion": 400000, "idealEdgeLength": 100, "numIter": 1500,
                        "randomize": True})
    elif name == "breadthfirst":
        # Rings instead of rows: fifty neighbours on one level would otherwise make one unreadable line.
        options.update({"directed": False, "circle": True, "spacingFactor": 0.9})
        if focus:
            options["roots"] = '[id = "' + focus.replace('"', "") + '"]'
    elif name == "concentric":
        options.update({"minNodeSpacing": 40})
    return options


def place(sub: repo.Subgraph, positions: dict[str, dict[str, float]],
          anchor: str | None) -> tuple[dict[str, dict[str, float]], list[str]]:
    """Positions for every drawn actor: known ones stay, new ones go next to a placed neighbour."""
    placed = {k: v for k, v in positions.items() if k in sub.nodes}
    new = [n for n in sub.nodes if n not in placed]
    neighbours: dict[str, list[str]] = {n: [] for n in new}
    for edge in sub.edges:
        if edge["source"] in neighbours:
            neighbours[edge["source"]].append(edge["target"])
        if edge["target"] in neighbours:
            neighbours[edge["target"]].append(edge["source"])
    groups: dict[str | None, list[str]] = {}
    for node in new:
        if anchor in placed and anchor in neighbours[node]:
            key: str | None = anchor
        else:
            key = next((n for n in neighbours[node] if n in placed), None)
        groups.setdefault(key, []).append(node)
    for key, members in groups.items():
        placed.update(elements.place_new_nodes(members, placed.get(key) if key else None, placed))
    return placed, new


def view_title(state: ExploreState, sub: repo.Subgraph) -> str:
    view = state.view

    def name(actor_id: str | None) -> str:
        return (sub.nodes.get(actor_id or "") or {}).get("name") or (actor_id or "?")

    if view.mode == "ego":
        title = f"Network of {name(view.actor)}"
    elif view.mode == "path":
        title = f"Shortest paths {name(view.path_from)} ↔ {name(view.path_to)} (at most {int(view.hops)} steps)"
    else:
        title = "Alliance overview: alliances and their members"
    extra = []
    if view.expanded:
        extra.append(f"{len(view.expanded)} expanded")
    if view.hidden:
        extra.append(f"{len(view.hidden)} hidden")
    counts = f"{len(sub.nodes)} actors · {len(sub.edges)} relations"
    return " · ".join([title, counts, *extra])


def plural_relations(n: int) -> str:
    return f"{n:,} relation{'' if n == 1 else 's'}"


def cap_notice(sub: repo.Subgraph, cap: int, message: str | None) -> str:
    parts = []
    if message:
        parts.append(message)
    if sub.missing:
        parts.append(f"No actor with id {', '.join(sub.missing)}.")
    if sub.empty_reason:
        parts.append(sub.empty_reason)
    capped = max(0, sub.not_shown - sub.hidden_relations)
    if sub.hidden_relations:
        parts.append(f"{plural_relations(sub.hidden_relations)} of hidden actors not drawn (Show hidden brings them "
                     "back).")
    if capped:
        parts.append(f"{capped:,} more relation{'' if capped == 1 else 's'} not shown (at most {cap:,} actors and "
                     f"{cap:,} relations are drawn) — narrow with relation types, actor kinds, min claims or the "
                     "period.")
    return " ".join(parts)


def working_data(sub: repo.Subgraph, state: ExploreState, positions: dict[str, dict[str, float]]) -> dict[str, Any]:
    """What other callbacks need to know about the canvas, kept small: the browser sends this store with
    every request that reads it, and the elements already carry the edges' properties."""
    return {"nodes": {k: {"name": n.get("name"), "kind": n.get("kind")} for k, n in sub.nodes.items()},
            "edges": [{"source": e["source"], "type": e["type"], "target": e["target"]} for e in sub.edges],
            "not_shown": sub.not_shown, "focus": state.view.actor, "expanded": state.view.expanded,
            "positions": positions}


def edges_csv(canvas: list[dict[str, Any]]) -> str:
    return write_csv(elements.CSV_COLUMNS, elements.edge_table(canvas))


def actor_options(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    options = []
    for row in rows:
        aliases = [a for a in (row.get("aliases") or []) if a][:3]
        hint = f" — {', '.join(aliases)}" if aliases else ""
        label = html.Span([components.actor_icon(row.get("kind"), row.get("iso2"), size=13),
                           f" {row['name']} ({row.get('kind') or '?'}){hint}"])
        options.append({"label": label, "value": row["id"], "search": " ".join([row["name"], *aliases])})
    return options


# --------------------------------------------------------------------------------------- callbacks

def register_callbacks(app: dash.Dash, graph: Graph, settings: Settings) -> None:
    cap = settings.geokg_max_elements

    def guarded(fn: Callable[..., Any], n_outputs: int) -> Callable[..., Any]:
        """Run `fn`; on GeoKGError return no_update for its outputs and the error for the banner (last)."""
        def wrapper(*args: Any) -> Any:
            try:
                repo.ensure_reachable(graph)
                result = fn(*args)
            except GeoKGError as exc:
                log.warning("%s: %s", fn.__name__, exc)
                return (*([no_update] * n_outputs), error_payload(exc))
            return (*result, no_update) if isinstance(result, tuple) else (result, no_update)
        wrapper.__name__ = fn.__name__
        return wrapper

    # ---- router -------------------------------------------------------------------------------
    @app.callback(
        Output(ids.EXPLORE_PANE, "style"), Output(ids.ANALYTICS_PANE, "style"),
        Output(ids.QUERIES_PANE, "style"), Output(ids.QUERIES_PANE, "children"),
        Output(ids.SIDEBAR, "style"), Output(ids.INCOMING, "data"),
        Input(ids.URL, "pathname"), Input(ids.URL, "search"), State(ids.STATE, "data"),
    )
    def route(pathname: str | None, search: str | None, current: dict[str, Any] | None) -> tuple[Any, ...]:
        page = page_of(pathname)
        show: dict[str, str] = {}
        hide = {"display": "none"}
        incoming: Any = no_update
        # No state yet: the page just opened (Dash may name the URL as the trigger of its first call).
        first_load = ctx.triggered_id is None or current is None
        only_search = {t["prop_id"] for t in ctx.triggered} == {f"{ids.URL}.search"}
        if page in ("explore", "analytics") and (search or first_load):
            state, warnings = parse_query(search)
            if only_search and current is not None and state == ExploreState.model_validate(current):
                raise PreventUpdate  # the URL was written from the state: nothing to do
            incoming = {"state": state.model_dump(mode="json"), "warnings": warnings, "t": time.time()}
        if only_search:
            # Browser back/forward within a page: the explorer follows its URL; other pages handle their own.
            if incoming is no_update:
                raise PreventUpdate
            return (no_update,) * 5 + (incoming,)
        if page == "queries":
            return hide, hide, show, app_queries_layout(pathname or "/queries", search or ""), hide, incoming
        if page == "notfound":
            return hide, hide, show, components.not_found(pathname or ""), hide, incoming
        return (show if page == "explore" else hide, show if page == "analytics" else hide, hide, [],
                show, incoming)

    def app_queries_layout(pathname: str, search: str) -> Any:
        module = getattr(app, "geokg_queries_module", None)
        if module is None:
            return components.unavailable("Saved queries are not available in this build.")
        return module.layout(pathname, search)

    app.clientside_callback(ClientsideFunction(namespace="geokg", function_name="refit"),
                            Output(ids.REFIT, "data"), Input(ids.URL, "pathname"), prevent_initial_call=True)

    # ---- state → URL and navigation links ------------------------------------------------------
    @app.callback(
        Output(ids.URL_WRITE, "search"), Output(ids.NAV_EXPLORE, "href"), Output(ids.NAV_ANALYTICS, "href"),
        Input(ids.STATE, "data"), State(ids.URL, "pathname"), State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def sync_url(state: dict[str, Any] | None, pathname: str | None, search: str | None) -> tuple[Any, ...]:
        if not state:
            raise PreventUpdate
        query = format_query(ExploreState.model_validate(state))
        new_search = query if page_of(pathname) in ("explore", "analytics") and query != (search or "") \
            else no_update
        return new_search, "/" + query, "/analytics" + query

    # ---- URL → controls -----------------------------------------------------------------------
    @app.callback(
        Output(ids.F_TYPES, "value"), Output(ids.F_KINDS, "value"), Output(ids.F_AXIS, "value"),
        Output(ids.F_MIN_CLAIMS, "value"), Output(ids.F_MIN_CONF, "value"), Output(ids.F_HIDE_HEDGED, "value"),
        Output(ids.F_CONFIRMED, "value"), Output(ids.LAYOUT_SELECT, "value"),
        Output(ids.actor_search("from"), "value", allow_duplicate=True),
        Output(ids.actor_search("from"), "options", allow_duplicate=True),
        Output(ids.actor_search("to"), "value", allow_duplicate=True),
        Output(ids.actor_search("to"), "options", allow_duplicate=True),
        Output(ids.PATH_HOPS, "value"), Output(ids.F_UNDATED, "value"),
        Input(ids.INCOMING, "data"), prevent_initial_call=True,
    )
    def sync_controls(incoming: dict[str, Any] | None) -> tuple[Any, ...]:
        if not incoming:
            raise PreventUpdate
        state = ExploreState.model_validate(incoming["state"])
        f, v = state.filters, state.view
        ends: list[Any] = []
        for end in (v.path_from, v.path_to):
            ends += [end, [{"label": end, "value": end}] if end else []] if end else [no_update, no_update]
        return (f.types, f.kinds, f.axis, f.min_claims, f.min_confidence, f.hide_hedged, f.confirmed_only,
                f.layout, *ends, int(v.hops), f.include_undated)

    @app.callback(
        Output(ids.F_TYPES, "value", allow_duplicate=True),
        Input({"type": "types-preset", "preset": ALL}, "n_clicks"), prevent_initial_call=True,
    )
    def types_preset(clicks: list[int | None]) -> list[str]:
        if not ctx.triggered_id or not any(clicks):
            raise PreventUpdate
        preset = ctx.triggered_id["preset"]
        if preset == "all":
            return list(elements.RELATION_COLOURS)
        if preset == "none":
            return []
        return [t for t in elements.RELATION_COLOURS if t in TYPE_PRESETS.get(preset, [])]

    # ---- controls → filters ---------------------------------------------------------------------
    @app.callback(
        Output(ids.FILTERS, "data"), Output(ids.F_DATES_LABEL, "children"),
        Input(ids.F_TYPES, "value"), Input(ids.F_KINDS, "value"), Input(ids.F_DATES, "value"),
        Input(ids.F_AXIS, "value"), Input(ids.F_MIN_CLAIMS, "value"), Input(ids.F_MIN_CONF, "value"),
        Input(ids.F_HIDE_HEDGED, "value"), Input(ids.F_CONFIRMED, "value"), Input(ids.LAYOUT_SELECT, "value"),
        Input(ids.F_UNDATED, "value"),
        State(ids.F_DATES, "min"), State(ids.F_DATES, "max"), State(ids.INCOMING, "data"),
        prevent_initial_call=True,
    )
    def read_filters(types: list[str], kinds: list[str], dates: list[int] | None, axis: str, min_claims: Any,
                     min_conf: Any, hide_hedged: bool, confirmed: bool, layout: str, undated: bool,
                     lo: int | None, hi: int | None, incoming: dict[str, Any] | None) -> tuple[Any, str]:
        bounded = (lo, hi) if lo is not None and hi is not None and hi > 1 else (None, None)
        try:
            filters = filters_from_controls(types, kinds, dates, bounded, axis, min_claims, min_conf,
                                            hide_hedged, confirmed, layout, undated)
        except ValidationError:
            raise PreventUpdate from None
        if bounded[0] is None and incoming:
            # The slider does not know the data's period yet: keep the period the URL asked for.
            asked = Filters.model_validate(incoming["state"]["filters"])
            filters = filters.model_copy(update={"date_from": asked.date_from, "date_to": asked.date_to})
        if bounded[0] is None:
            label = "No dated claims yet."
        else:
            label = f"{filters.date_from or month_label(bounded[0])} – {filters.date_to or month_label(bounded[1])}"
            if not (filters.date_from or filters.date_to):
                label += " (all, undated included)"
            elif not filters.include_undated:
                label += " (undated left out)"
        return filters.model_dump(mode="json"), label

    # ---- date slider bounds -----------------------------------------------------------------------
    def _slider(db_status: dict[str, Any] | None, incoming: dict[str, Any] | None, lo: int | None,
                hi: int | None, value: list[int] | None) -> tuple[Any, ...]:
        if not (db_status and db_status.get("ok")) and ctx.triggered_id == ids.DB_STATUS:
            raise PreventUpdate
        first, last = repo.date_bounds(graph)
        if first is None or last is None:
            return 0, 1, {}, [0, 1]
        new_lo, new_hi = month_index(first), month_index(last)
        marks = slider_marks(new_lo, new_hi)
        triggers = {t["prop_id"].split(".")[0] for t in ctx.triggered}
        if ids.INCOMING in triggers and incoming:   # a URL's period wins over "bounds changed"
            f = Filters.model_validate(incoming["state"]["filters"])
            start = month_index(f.date_from) if f.date_from else new_lo
            end = month_index(f.date_to) if f.date_to else new_hi
            return new_lo, new_hi, marks, [max(new_lo, start), min(new_hi, end)]
        if (lo, hi) == (new_lo, new_hi):
            raise PreventUpdate
        if not value or lo is None or (value[0] <= (lo or 0) and value[1] >= (hi or 0)):
            new_value = [new_lo, new_hi]   # the whole range stays the whole range
        else:
            new_value = [max(new_lo, value[0]), min(new_hi, value[1])]
        return new_lo, new_hi, marks, new_value

    app.callback(
        Output(ids.F_DATES, "min"), Output(ids.F_DATES, "max"), Output(ids.F_DATES, "marks"),
        Output(ids.F_DATES, "value"), Output(ids.ERROR, "data", allow_duplicate=True),
        Input(ids.DB_STATUS, "data"), Input(ids.INCOMING, "data"),
        State(ids.F_DATES, "min"), State(ids.F_DATES, "max"), State(ids.F_DATES, "value"),
        prevent_initial_call=True,
    )(guarded(_slider, 4))

    # ---- autocomplete ---------------------------------------------------------------------------
    # Every output of a MATCH callback must carry the same wildcard (debug mode rejects the app otherwise),
    # so a failed search reports to the banner through set_props instead of a second output.
    @app.callback(
        Output(ids.actor_search(MATCH), "options"),
        Input(ids.actor_search(MATCH), "search_value"),
        State(ids.actor_search(MATCH), "value"), State(ids.actor_search(MATCH), "options"),
        prevent_initial_call=True,
    )
    def autocomplete(text: str | None, value: str | None, options: list[dict[str, Any]] | None) -> Any:
        if not text or len(text.strip()) < 2:
            raise PreventUpdate
        try:
            repo.ensure_reachable(graph)
            found = actor_options(repo.search_actors(graph, text))
        except GeoKGError as exc:
            log.warning("autocomplete: %s", exc)
            dash.set_props(ids.ERROR, {"data": error_payload(exc)})
            return no_update
        keep = [o for o in (options or []) if o.get("value") == value and value not in {f["value"] for f in found}]
        return keep + found

    # ---- actions: the browser collects them with node positions ---------------------------------
    app.clientside_callback(
        ClientsideFunction(namespace="geokg", function_name="collectAction"),
        Output(ids.ACTION, "data"),
        Input({"type": ids.ACTION_BUTTON, "action": ALL}, "n_clicks"),
        Input({"type": ids.ACTOR_LINK, "actor": ALL}, "n_clicks"),
        Input(ids.actor_search("main"), "value"),
        Input(ids.DBLTAP, "data"),
        Input(ids.INCOMING, "data"),
        State(ids.SELECTION, "data"),
        State(ids.actor_search("from"), "value"),
        State(ids.actor_search("to"), "value"),
        State(ids.PATH_HOPS, "value"),
        prevent_initial_call=True,
    )

    # Filter changes and the database coming back are actions of their own: were they inputs of the one
    # above, the first view would wait for the slider's bounds and the health check (two more round trips).
    app.clientside_callback(
        ClientsideFunction(namespace="geokg", function_name="filtersAction"),
        Output(ids.ACTION, "data", allow_duplicate=True),
        Input(ids.FILTERS, "data"), State(ids.STATE, "data"), prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction(namespace="geokg", function_name="reloadAction"),
        Output(ids.ACTION, "data", allow_duplicate=True),
        Input(ids.DB_STATUS, "data"), prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.STATE, "data"), Output(ids.HISTORY, "data"), Output(ids.WORKING, "data"),
        Output(ids.CY, "elements"), Output(ids.CY, "layout"), Output(ids.VIEW_TITLE, "children"),
        Output(ids.CAP_NOTICE, "children"), Output(ids.SELECTION, "data", allow_duplicate=True),
        Output(ids.ERROR, "data", allow_duplicate=True),
        Input(ids.ACTION, "data"),
        State(ids.STATE, "data"), State(ids.HISTORY, "data"), State(ids.WORKING, "data"),
        State(ids.CY, "layout"),
        prevent_initial_call=True,
    )
    def act(action_data: dict[str, Any] | None, state_data: dict[str, Any] | None,
            history: list[dict[str, Any]] | None, working: dict[str, Any] | None,
            current_layout: dict[str, Any] | None) -> tuple[Any, ...]:
        if not action_data:
            raise PreventUpdate
        try:
            action = Action.model_validate(action_data)
        except ValidationError:
            raise PreventUpdate from None
        state = ExploreState.model_validate(state_data) if state_data else ExploreState()
        outcome = apply(state, action)
        history = list(history or [])
        positions = dict(action.positions)
        if action.kind == "filters" and state_data and outcome.state == state and working:
            raise PreventUpdate
        if outcome.pop_history:
            if not history:
                return (*([no_update] * 6), "Nothing to go back to.", no_update, no_update)
            previous = history.pop()
            outcome.state = ExploreState.model_validate(previous["state"])
            positions = previous.get("positions") or {}
            outcome.relayout = not positions
        elif outcome.state == state and action.kind not in ("load", "reload", "relayout", "filters") and working:
            return (*([no_update] * 6), outcome.message or "", no_update, no_update)
        try:
            repo.ensure_reachable(graph)
            sub = repo.load_view(graph, outcome.state.view, outcome.state.filters, cap)
        except GeoKGError as exc:
            return (*([no_update] * 8), error_payload(exc))
        if outcome.push_history and state_data and working:
            entry = {"state": state.model_dump(mode="json"),
                     "positions": action.positions if len(action.positions) <= HISTORY_POSITIONS_MAX else {}}
            history = [*history, entry][-HISTORY_DEPTH:]
        relayout = outcome.relayout or not working or not any(n in positions for n in sub.nodes)
        view = outcome.state.view
        focus = view.actor if view.mode == "ego" else None
        placed: dict[str, dict[str, float]] = {}
        new: list[str] = []
        layout: Any = no_update
        if relayout and view.mode == "overview" and outcome.state.filters.layout == Filters().layout:
            # The start view is laid out here (alliances apart, members grouped), not by physics in the browser.
            placed = elements.overview_positions(sub.nodes, sub.edges)
            seq = int((current_layout or {}).get("seq", 0)) + 1
            layout = {"name": "preset", "fit": True, "padding": 30, "animate": False, "seq": seq}
        elif relayout:
            seq = int((current_layout or {}).get("seq", 0)) + 1
            layout = layout_options(outcome.state.filters.layout, seq, focus)
        else:
            placed, new = place(sub, positions, outcome.anchor)
            if action.kind in ("filters", "unhide", "hide"):
                # Not an expansion: nothing is "new" to point at, but the drawing changed size, so fit it
                # again (a preset layout keeps every position and only re-fits the view).
                new = []
                seq = int((current_layout or {}).get("seq", 0)) + 1
                layout = {"name": "preset", "fit": True, "padding": 40, "animate": False, "seq": seq}
        landmarks = view.mode == "overview"
        els = elements.build_elements(sub.nodes, sub.edges, positions=placed or None, focus=focus,
                                      expanded=view.expanded, new=new if not relayout else (), landmarks=landmarks)
        if placed and len(placed) < len(sub.nodes):
            # Actors in no membership (none in the start view normally) still need a place.
            placed.update(elements.place_new_nodes([n for n in sub.nodes if n not in placed], None, placed))
            els = elements.build_elements(sub.nodes, sub.edges, positions=placed, focus=focus,
                                          expanded=view.expanded, landmarks=landmarks)
        selection: Any = no_update
        if action.kind == "focus" and action.actor in sub.nodes:
            selection = {"node": action.actor, "t": time.time()}
        return (outcome.state.model_dump(mode="json"), history, working_data(sub, outcome.state, placed),
                els, layout, view_title(outcome.state, sub), cap_notice(sub, cap, outcome.message), selection,
                None)

    # ---- selection and details ------------------------------------------------------------------
    # A tap becomes the selection in the browser: one server round trip per click (the details), not two.
    app.clientside_callback(
        ClientsideFunction(namespace="geokg", function_name="select"),
        Output(ids.SELECTION, "data"),
        Input(ids.CY, "tapNodeData"), Input(ids.CY, "tapEdgeData"), prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.SELECTION, "data", allow_duplicate=True),
        Input({"type": ids.EDGE_LINK, "key": ALL}, "n_clicks"), prevent_initial_call=True,
    )
    def open_edge(clicks: list[int | None]) -> dict[str, Any]:
        if not ctx.triggered_id or not any(clicks) or not ctx.triggered[0].get("value"):
            raise PreventUpdate
        return {"edge": ctx.triggered_id["key"], "t": time.time()}

    def _details(selection: dict[str, Any] | None, working: dict[str, Any] | None) -> Any:
        if not selection:
            return components.details_placeholder()
        working = working or {}
        if selection.get("node"):
            details = repo.actor_details(graph, selection["node"])
            if details is None:
                return [components.unavailable(f"No actor with id {selection['node']}.")]
            return components.actor_details(details, expanded=selection["node"] in (working.get("expanded") or []),
                                            on_canvas=selection["node"] in (working.get("nodes") or {}))
        parts = elements.split_edge_key(selection.get("edge") or "")
        if parts is None:
            return components.details_placeholder()
        edge = repo.edge_details(graph, *parts)
        if edge is None:
            return [components.unavailable("This relation is no longer in the graph.")]
        return components.edge_details(edge, repo.evidence(graph, selection["edge"]))

    app.callback(
        Output(ids.DETAILS, "children"), Output(ids.ERROR, "data", allow_duplicate=True),
        Input(ids.SELECTION, "data"), Input(ids.WORKING, "data"), prevent_initial_call=True,
    )(guarded(_details, 1))

    @app.callback(
        Output(ids.actor_search("from"), "value", allow_duplicate=True),
        Output(ids.actor_search("from"), "options", allow_duplicate=True),
        Output(ids.actor_search("to"), "value", allow_duplicate=True),
        Output(ids.actor_search("to"), "options", allow_duplicate=True),
        Input({"type": "path-end", "end": ALL}, "n_clicks"),
        State(ids.SELECTION, "data"), State(ids.WORKING, "data"), prevent_initial_call=True,
    )
    def path_end(clicks: list[int | None], selection: dict[str, Any] | None,
                 working: dict[str, Any] | None) -> tuple[Any, ...]:
        if not any(clicks) or not ctx.triggered_id or not (selection or {}).get("node"):
            raise PreventUpdate
        actor_id = selection["node"]  # type: ignore[index]
        name = ((working or {}).get("nodes") or {}).get(actor_id, {}).get("name") or actor_id
        option = [{"label": name, "value": actor_id}]
        if ctx.triggered_id["end"] == "from":
            return actor_id, option, no_update, no_update
        return no_update, no_update, actor_id, option

    # ---- export ---------------------------------------------------------------------------------
    @app.callback(Output(ids.CY, "generateImage"), Input(ids.EXPORT_PNG, "n_clicks"), prevent_initial_call=True)
    def export_png(_: int | None) -> dict[str, Any]:
        return {"type": "png", "action": "download", "filename": "geokg-explore",
                "options": {"full": True, "scale": 2, "bg": "#ffffff"}}

    @app.callback(Output(ids.DOWNLOAD_CSV, "data"), Input(ids.EXPORT_CSV, "n_clicks"), State(ids.CY, "elements"),
                  prevent_initial_call=True)
    def export_csv(_: int | None, canvas: list[dict[str, Any]] | None) -> dict[str, Any]:
        if not canvas:
            raise PreventUpdate
        return dcc.send_string(edges_csv(canvas), "geokg-edges.csv", type="text/csv")

    # ---- health and banner ----------------------------------------------------------------------
    @app.callback(
        Output(ids.DB_STATUS, "data"), Input(ids.HEALTH_INTERVAL, "n_intervals"), State(ids.DB_STATUS, "data"),
    )
    def health(_: int, previous: dict[str, Any] | None) -> dict[str, Any]:
        try:
            ok, message = repo.ping(graph), None
        except GeoKGError as exc:
            ok, message = False, str(exc).splitlines()[0]
        if previous is not None and previous.get("ok") == ok and previous.get("message") == message:
            raise PreventUpdate
        return {"ok": ok, "message": message, "t": time.time()}

    @app.callback(
        Output(ids.BANNER, "children"), Output(ids.ERROR, "data", allow_duplicate=True),
        Input(ids.DB_STATUS, "data"), Input(ids.ERROR, "data"), prevent_initial_call=True,
    )
    def show_banner(db_status: dict[str, Any] | None, error: dict[str, Any] | None) -> tuple[Any, Any]:
        if db_status and not db_status.get("ok"):
            return components.banner(db_status.get("message")), no_update
        if ctx.triggered_id == ids.DB_STATUS and error:
            return components.banner(None), None     # back up: clear the stale error
        return components.banner((error or {}).get("message")), no_update

    # ---- analytics --------------------------------------------------------------------------------
    def _analytics_actor(state: dict[str, Any] | None, selection: dict[str, Any] | None) -> str | None:
        if selection and selection.get("node"):
            return str(selection["node"])
        view = (state or {}).get("view") or {}
        return view.get("actor") if view.get("mode") == "ego" else None

    def _sankey(pathname: str | None, state: dict[str, Any] | None) -> Any:
        if page_of(pathname) != "analytics":
            raise PreventUpdate
        filters = ExploreState.model_validate(state).filters if state else Filters()
        return figures.sankey(repo.arms_flows(graph, filters))

    app.callback(
        Output(ids.SANKEY, "figure"), Output(ids.ERROR, "data", allow_duplicate=True),
        Input(ids.URL, "pathname"), Input(ids.STATE, "data"), prevent_initial_call=True,
    )(guarded(_sankey, 1))

    def _map_and_timeline(state: dict[str, Any] | None, pathname: str | None,
                          selection: dict[str, Any] | None) -> tuple[Any, ...]:
        if page_of(pathname) != "analytics":
            raise PreventUpdate
        filters = ExploreState.model_validate(state).filters if state else Filters()
        actor_id = _analytics_actor(state, selection)
        actor = None
        if actor_id:
            details = repo.actor_details(graph, actor_id)
            actor = details["actor"] if details else None
        rows = repo.actor_countries(graph, actor["id"], filters) if actor else []
        timeline_rows = repo.timeline(graph, filters, actor["id"] if actor else None)
        about = (f"Map and timeline about {actor['name']} ({actor['kind']}); select another actor in the explorer."
                 if actor else "Timeline of the whole graph; select an actor in the explorer to map its relations.")
        return figures.world_map(actor, rows), figures.timeline(timeline_rows), about

    app.callback(
        Output(ids.WORLD_MAP, "figure"), Output(ids.TIMELINE, "figure"), Output(ids.ANALYTICS_ACTOR, "children"),
        Output(ids.ERROR, "data", allow_duplicate=True),
        # The selection is made in the explorer, so it is read when the analytics page opens: as an Input it
        # would cost a request on every click in the explorer.
        # (inputs in this order: the duplicate error output is keyed by the inputs, which the Sankey shares)
        Input(ids.STATE, "data"), Input(ids.URL, "pathname"), State(ids.SELECTION, "data"),
        prevent_initial_call=True,
    )(guarded(_map_and_timeline, 3))

    @app.callback(
        Output(ids.CENTRALITY, "rowData"),
        Input(ids.URL, "pathname"), Input(ids.WORKING, "data"), prevent_initial_call=True,
    )
    def centrality(pathname: str | None, working: dict[str, Any] | None) -> list[dict[str, Any]]:
        if page_of(pathname) != "analytics" or not working:
            raise PreventUpdate
        return figures.centrality(working.get("nodes") or {}, working.get("edges") or [])
