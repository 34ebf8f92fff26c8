"""Pure component trees: navbar, banner, filter sidebar with legends, explorer and analytics panes,
the details panel for an actor and the evidence list for an edge.

Text from the graph (names, sentences, titles) is passed to components as plain strings, which Dash
renders as text; nothing here builds HTML from data.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
import dash_cytoscape as cyto
from dash import dcc, html

from dashboard import ids
from dashboard.elements import (
    KIND_STYLES,
    RELATION_COLOURS,
    RELATION_LABELS,
    ROLE_LABELS,
    STYLESHEET,
    edge_key,
    flag_url,
    from_reference_only,
    kind_icon_url,
    membership_role,
    relation_label,
)
from dashboard.state import DIRECTED_TYPES, KINDS, LAYOUTS, TYPES, Filters, MaxHops

REFERENCE_TEXT = {
    "confirmed": ("Confirmed by reference data", "success"),
    "contradicted": ("Contradicted by reference data", "danger"),
    "silent": ("Reference data is silent", "secondary"),
}
ROLE_ORDER = {"member": 0, "observer": 1, "partner": 2, "former": 3}
LAYOUT_NAMES = {"fcose": "Force (fcose)", "cose-bilkent": "Force (cose-bilkent)", "cose": "Force (cose)",
                "concentric": "Concentric", "breadthfirst": "Hierarchy", "circle": "Circle", "grid": "Grid"}


def actor_icon(kind: str | None, iso2: str | None = None, size: int = 16) -> html.Img | html.Span:
    """A country's flag or the kind's shape, as an image (no emoji or symbol font needed); a country whose
    flag is not shipped shows its ISO code."""
    flag = flag_url(iso2) if kind == "Country" else ""
    if flag:
        return html.Img(src=flag, className="geokg-flag", alt=f"flag {iso2}", title=str(iso2),
                        style={"height": f"{size}px", "width": f"{round(size * 4 / 3)}px"})
    if kind == "Country" and iso2:
        return html.Span(str(iso2).upper(), className="geokg-iso badge text-bg-light border")
    return html.Img(src=kind_icon_url(kind), className="geokg-kind-icon", alt=kind or "actor",
                    style={"height": f"{size}px", "width": f"{size}px"})


def navbar() -> dbc.Navbar:
    links = [
        dbc.NavItem(dbc.NavLink("Explore", href="/", id=ids.NAV_EXPLORE, active="exact")),
        dbc.NavItem(dbc.NavLink("Analytics", href="/analytics", id=ids.NAV_ANALYTICS, active="exact")),
        dbc.NavItem(dbc.NavLink("Saved queries", href="/queries", id=ids.NAV_QUERIES, active="partial")),
    ]
    return dbc.Navbar(
        dbc.Container([
            dbc.NavbarBrand("GeoKG", href="/", className="fw-bold"),
            html.Span("alliances · arms supply · conflict — with evidence", className="navbar-text small me-auto"),
            dbc.Nav(links, navbar=True),
        ], fluid=True),
        id=ids.NAVBAR, color="dark", dark=True, className="py-1",
    )


def banner(message: str | None) -> list[Any]:
    """The error banner's children: one line saying what is wrong and what to do."""
    if not message:
        return []
    return [dbc.Alert(message, color="danger", className="mb-0 py-2 rounded-0", id="banner-text")]


def swatch(colour: str, *, dashed: bool = False, arrow: bool = False) -> html.Span:
    style = {"display": "inline-block", "width": "22px", "height": "0", "verticalAlign": "middle",
             "borderTop": f"3px {'dashed' if dashed else 'solid'} {colour}", "marginRight": "2px"}
    parts: list[Any] = [html.Span(style=style)]
    if arrow:
        parts.append(html.Span("▶", style={"color": colour, "fontSize": "9px", "verticalAlign": "middle"}))
    return html.Span(parts, className="me-1")


def type_option(rel: str) -> dict[str, Any]:
    label = html.Span([swatch(RELATION_COLOURS[rel], arrow=rel in DIRECTED_TYPES),
                       html.Span(RELATION_LABELS[rel], className="small")])
    return {"label": label, "value": rel}


def kind_option(kind: str) -> dict[str, Any]:
    return {"label": html.Span([actor_icon(kind, size=13), html.Span(kind, className="small ms-1")]),
            "value": kind}


def sidebar(filters: Filters) -> html.Div:
    """Filters (that double as the legend) shared by the explorer and the analytics view."""
    return html.Div(id=ids.SIDEBAR, className="geokg-sidebar p-2", children=[
        html.H6("Relation types", className="mt-1"),
        html.Div(className="d-flex gap-2 mb-1 small", children=[
            html.Button(label, id={"type": "types-preset", "preset": label}, n_clicks=0,
                        className="btn btn-link btn-sm p-0")
            for label in ("all", "none", "alliances", "arms", "conflict")
        ]),
        dcc.Checklist(id=ids.F_TYPES, options=[type_option(t) for t in TYPES], value=filters.types,
                      className="geokg-checklist", inputClassName="me-1"),
        html.Div(className="small text-muted mt-1", children=[
            html.Div([swatch("#555", dashed=True), "offered / planned / claimed (hedged)"]),
            html.Div([html.Span("┈┈", className="me-1"), "contradicted by reference data"]),
            html.Div([html.Span("┈┈", className="me-1", style={"opacity": 0.4}),
                      "former (ended: until …), former member"]),
            html.Div([swatch(RELATION_COLOURS["MEMBER_OF"]), html.Span("▷", className="me-1"), "observer of"]),
            html.Div([swatch(RELATION_COLOURS["MEMBER_OF"]), html.Span("○", className="me-1"), "partner of"]),
            html.Div("line width: number of claims"),
        ]),
        html.H6("Actor kinds", className="mt-3"),
        dcc.Checklist(id=ids.F_KINDS, options=[kind_option(k) for k in KINDS], value=filters.kinds,
                      className="geokg-checklist", inputClassName="me-1"),
        html.H6("Period", className="mt-3"),
        dcc.RadioItems(id=ids.F_AXIS, value=filters.axis, inline=True, className="small",
                       inputClassName="me-1", labelClassName="me-3",
                       options=[{"label": "reported", "value": "reported"},
                                {"label": "true (since/until)", "value": "valid"}]),
        # No number boxes: the slider's unit is months since year 0, which reads as nonsense ("24211").
        dcc.RangeSlider(id=ids.F_DATES, min=0, max=1, step=1, value=None, allowCross=False,
                        updatemode="mouseup", tooltip=None, marks=None, allow_direct_input=False),
        html.Div(id=ids.F_DATES_LABEL, className="small text-muted"),
        dbc.Switch(id=ids.F_UNDATED, label="include undated relations in a period", value=filters.include_undated,
                   className="small mt-1"),
        html.H6("Strength", className="mt-3"),
        html.Div(className="d-flex align-items-center gap-2 small", children=[
            html.Label("min claims", htmlFor=ids.F_MIN_CLAIMS),
            dcc.Input(id=ids.F_MIN_CLAIMS, type="number", min=1, max=10000, step=1, value=filters.min_claims,
                      debounce=True, style={"width": "5em"}),
        ]),
        html.Div("min confidence", className="small mt-1"),
        dcc.Slider(id=ids.F_MIN_CONF, min=0, max=1, step=0.05, value=filters.min_confidence,
                   marks={0: "0", 0.5: "0.5", 1: "1"}, tooltip={"placement": "bottom"}),
        dbc.Switch(id=ids.F_HIDE_HEDGED, label="hide offered / planned / claimed", value=filters.hide_hedged,
                   className="small mt-2"),
        dbc.Switch(id=ids.F_CONFIRMED, label="confirmed by reference data only", value=filters.confirmed_only,
                   className="small"),
        html.H6("Layout", className="mt-3"),
        dcc.Dropdown(id=ids.LAYOUT_SELECT, clearable=False, value=filters.layout, searchable=False,
                     options=[{"label": LAYOUT_NAMES[name], "value": name} for name in LAYOUTS]),
    ])


def actor_dropdown(role: str, placeholder: str) -> dcc.Dropdown:
    return dcc.Dropdown(id=ids.actor_search(role), options=[], value=None, placeholder=placeholder,
                        searchable=True, clearable=True, className="geokg-actor-dropdown")


def action_button(action: str, label: str, title: str, color: str = "secondary") -> dbc.Button:
    return dbc.Button(label, id=ids.action_button(action), title=title, color=color, outline=True, size="sm",
                      className="me-1", n_clicks=0)


def explore_pane() -> html.Div:
    toolbar = html.Div(className="d-flex flex-wrap align-items-center gap-1 mb-2", children=[
        html.Div(actor_dropdown("main", "Search an actor: name or alias, e.g. CSTO"), id=ids.SEARCH,
                 style={"minWidth": "320px", "flex": "1 1 320px"}),
        action_button("expand", "Expand", "Add the selected actor's neighbours (or double-click a node)"),
        action_button("focus", "Focus", "Show the selected actor's own network"),
        action_button("hide", "Hide", "Remove the selected actor from the canvas"),
        action_button("unhide", "Show hidden", "Bring back hidden actors"),
        action_button("back", "Back", "Previous view"),
        action_button("overview", "Alliances", "Start view: alliances and their members"),
        action_button("relayout", "Re-layout", "Lay out the whole canvas again"),
        dbc.Button("PNG", id=ids.EXPORT_PNG, size="sm", color="link", title="Download the canvas as PNG"),
        dbc.Button("CSV", id=ids.EXPORT_CSV, size="sm", color="link", title="Download the drawn edges as CSV"),
        dcc.Download(id=ids.DOWNLOAD_CSV),
    ])
    path_bar = html.Div(className="d-flex flex-wrap align-items-center gap-1 mb-2 small", children=[
        html.Span("Shortest path", className="fw-semibold me-1"),
        html.Div(actor_dropdown("from", "from…"), id=ids.PATH_FROM, style={"minWidth": "200px", "flex": "1"}),
        html.Div(actor_dropdown("to", "to…"), id=ids.PATH_TO, style={"minWidth": "200px", "flex": "1"}),
        html.Span("max steps"),
        dcc.Dropdown(id=ids.PATH_HOPS, options=[int(h) for h in MaxHops], value=int(MaxHops.FOUR),
                     clearable=False, searchable=False, style={"width": "5em"}),
        action_button("path", "Find path", "Shortest paths over the selected relation types", "primary"),
    ])
    canvas = cyto.Cytoscape(
        id=ids.CY, elements=[], stylesheet=STYLESHEET, layout={"name": "preset"},
        autoRefreshLayout=False, responsive=True, minZoom=0.1, maxZoom=4,
        boxSelectionEnabled=False, style={"width": "100%", "height": "100%"},
    )
    return html.Div(id=ids.EXPLORE_PANE, className="geokg-explore", children=[
        toolbar, path_bar,
        html.Div(className="d-flex justify-content-between small", children=[
            html.Div(id=ids.VIEW_TITLE, className="fw-semibold"),
            html.Div(id=ids.CAP_NOTICE, className="text-warning-emphasis"),
        ]),
        dbc.Row(className="g-2 geokg-main", children=[
            dbc.Col(html.Div(canvas, className="geokg-canvas"), md=8),
            dbc.Col(html.Div(id=ids.DETAILS, className="geokg-details", children=details_placeholder()), md=4),
        ]),
    ])


def details_placeholder() -> list[Any]:
    return [html.Div(id="first-action", className="geokg-first-action", children=[
        html.H6("Start here", className="mb-1"),
        html.Ol(className="small mb-1 ps-3", children=[
            html.Li("Click an alliance (a hexagon) to see its members and how many claims back each."),
            html.Li("Or search any actor above, e.g. a country, an armed group or a company."),
            html.Li("Click a line to read the sentences behind it; double-click an actor to expand it."),
        ]),
        html.P("Zoom in to read every name.", className="small text-muted mb-0"),
    ])]


def analytics_pane(topojson_url: str) -> html.Div:
    """`topojson_url`: where the world map's base geometry is served (the app's own assets, so no CDN)."""
    def card(title: str, body: Any, note: str = "") -> dbc.Card:
        return dbc.Card([dbc.CardHeader([html.Span(title, className="fw-semibold"),
                                         html.Span(note, className="small text-muted ms-2")]),
                         dbc.CardBody(body, className="p-1")], className="mb-2")

    return html.Div(id=ids.ANALYTICS_PANE, className="geokg-analytics", style={"display": "none"}, children=[
        html.Div(id=ids.ANALYTICS_ACTOR, className="small text-muted mb-2"),
        dbc.Row(className="g-2", children=[
            dbc.Col(card("Arms-supply flows", dcc.Graph(id=ids.SANKEY, config={"displaylogo": False}),
                         "suppliers → recipients, weighted by claims reported in the period"), lg=6),
            dbc.Col(card("World map", dcc.Graph(id=ids.WORLD_MAP, config={"displaylogo": False,
                                                                "topojsonURL": topojson_url}),
                         "countries related to the selected actor"), lg=6),
        ]),
        dbc.Row(className="g-2", children=[
            dbc.Col(card("Claims over time", dcc.Graph(id=ids.TIMELINE, config={"displaylogo": False}),
                         "per relation type and month reported"), lg=7),
            dbc.Col(card("Centrality", dag.AgGrid(
                id=ids.CENTRALITY, rowData=[], className="ag-theme-alpine",
                # minimum widths that hold each header, so none is cut to "D…"
                columnDefs=[{"field": "name", "flex": 2, "minWidth": 120},
                            {"field": "kind", "flex": 1, "minWidth": 90},
                            {"field": "degree", "headerName": "Degree", "flex": 1, "sort": "desc", "minWidth": 120},
                            {"field": "betweenness", "headerName": "Betweenness", "flex": 1.3, "minWidth": 150,
                             "valueFormatter": {"function": "d3.format('.3f')(params.value)"}}],
                defaultColDef={"sortable": True, "filter": True, "resizable": True},
                dashGridOptions={"domLayout": "autoHeight", "pagination": True, "paginationPageSize": 15,
                                 "paginationPageSizeSelector": False},
            ), "over the subgraph drawn in the explorer"), lg=5),
        ]),
    ])


# ------------------------------------------------------------------------------------------ details

def _badge(text: str, color: str = "light", text_color: str = "dark") -> dbc.Badge:
    return dbc.Badge(text, color=color, text_color=text_color if color == "light" else None,
                     className="me-1 fw-normal")


def safe_href(url: str | None) -> str | None:
    """Only http(s) links are clickable; anything else is shown as text."""
    if not url:
        return None
    return url if urlsplit(url).scheme in {"http", "https"} else None


def relation_key(actor: str, rel: str, other: str, outgoing: bool) -> str:
    """The edge (and claim) key between an actor and a neighbour; symmetric types are stored smaller id first."""
    if rel not in DIRECTED_TYPES:
        first, second = sorted((actor, other))
        return edge_key(first, rel, second)
    return edge_key(actor, rel, other) if outgoing else edge_key(other, rel, actor)


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def merge_symmetric(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Symmetric relations are stored once in either direction; show them as one group."""
    merged: dict[tuple[str, bool, str], dict[str, Any]] = {}
    for group in groups:
        symmetric = group["type"] not in DIRECTED_TYPES
        key = (group["type"], True if symmetric else bool(group["outgoing"]), group.get("role") or "")
        if key not in merged:
            merged[key] = {**group, "outgoing": key[1], "sample": list(group["sample"])}
            continue
        into = merged[key]
        into["count"] += group["count"]
        into["claims"] += group["claims"]
        into["sample"] = sorted(into["sample"] + list(group["sample"]), key=lambda n: -int(n["claims"] or 0))[:10]
    return list(merged.values())


def actor_details(details: dict[str, Any], *, expanded: bool, on_canvas: bool) -> list[Any]:
    actor = details["actor"]
    kind = actor.get("kind") or ""
    colour = KIND_STYLES.get(kind, ("#999", "", ""))[0]
    aliases = [a for a in (actor.get("aliases") or []) if a != actor.get("name")]
    groups = sorted(merge_symmetric(details.get("relations") or []),
                    key=lambda g: (-int(g["count"]), g["type"], ROLE_ORDER.get(g.get("role") or "", 0)))
    relation_items = []
    for group in groups:
        rel = group["type"]
        arrow = ("→" if group["outgoing"] else "←") if rel in DIRECTED_TYPES else "↔"
        name = ROLE_LABELS.get(group.get("role") or "", RELATION_LABELS.get(rel, rel))
        relation_items.append(html.Div(className="mb-2", children=[
            html.Div(className="d-flex align-items-center", children=[
                swatch(RELATION_COLOURS.get(rel, "#999"), arrow=rel in DIRECTED_TYPES),
                html.Span(f"{arrow} {name}", className="small fw-semibold geokg-relation-group"),
                dbc.Badge(str(group["count"]), color="secondary", pill=True, className="ms-2"),
                html.Span(plural(group["claims"], "claim"), className="small text-muted ms-2"),
            ]),
            html.Div(className="ms-4 small", children=[
                html.Span([
                    html.A(n["name"], id=ids.actor_link(n["id"]), title=f"Focus on {n['name']}",
                           className="geokg-actor-link", role="button", n_clicks=0),
                    html.Span(" ("),
                    html.A(str(n["claims"]),
                           id=ids.edge_link(relation_key(actor["id"], rel, n["id"], group["outgoing"])),
                           title=f"Evidence: {plural(n['claims'] or 0, 'claim')}", className="geokg-edge-link",
                           role="button", n_clicks=0),
                    html.Span(")"),
                    html.Span(", " if i < len(group["sample"]) - 1 else ""),
                ]) for i, n in enumerate(group["sample"])
            ] + ([html.Span(f" … {group['count'] - len(group['sample'])} more", className="text-muted")]
                 if group["count"] > len(group["sample"]) else [])),
        ]))
    return [
        html.Div(className="d-flex align-items-center mb-1", children=[
            html.Span(actor_icon(kind, actor.get("iso2"), size=24), className="geokg-icon me-2",
                      style={"color": colour}),
            html.H5(actor.get("name") or actor["id"], className="mb-0", id="details-name"),
        ]),
        html.Div(className="mb-2", children=[
            _badge(kind), _badge(actor["id"]),
            *([_badge(f"ISO {actor['iso3']}")] if actor.get("iso3") else []),
            _badge(f"mentioned in {plural(details.get('articles') or 0, 'article')}"),
        ]),
        html.Div([html.Span("Also known as: ", className="small text-muted"),
                  html.Span(", ".join(aliases), className="small")], className="mb-2") if aliases else None,
        html.Div(className="mb-2", children=[
            dbc.Button("Expand" if not expanded else "Expanded", id=ids.action_button("expand-details"),
                       size="sm", color="primary", disabled=expanded, className="me-1", n_clicks=0),
            dbc.Button("Focus", id=ids.action_button("focus-details"), size="sm", color="secondary",
                       outline=True, className="me-1", n_clicks=0),
            dbc.Button("Path from here", id={"type": "path-end", "end": "from"}, size="sm", color="link",
                       n_clicks=0),
            dbc.Button("Path to here", id={"type": "path-end", "end": "to"}, size="sm", color="link",
                       n_clicks=0),
        ]),
        html.Div("Not on the canvas (filtered or hidden).", className="small text-muted mb-2")
        if not on_canvas else None,
        html.H6("Relations", className="mt-2"),
        html.Div(relation_items or [html.P("No relations.", className="small text-muted")],
                 id="details-relations"),
    ]


def edge_details(edge: dict[str, Any], claims: list[dict[str, Any]]) -> list[Any]:
    props = edge.get("props") or {}
    rel = edge["type"]
    source, target = edge["source"], edge["target"]
    reference = props.get("reconciliation")
    if from_reference_only(props):
        ref_text, ref_colour = "From reference data", "info"
    else:
        ref_text, ref_colour = REFERENCE_TEXT.get(reference or "", ("Not checked against reference data", "light"))
    period = " – ".join(str(p) for p in dict.fromkeys(
        p for p in (props.get("first_reported"), props.get("last_reported")) if p))
    truth = " – ".join(p or "…" for p in (props.get("since"), props.get("until"))) if (
        props.get("since") or props.get("until")) else ""
    supporting = [c for c in claims if not (c.get("claim") or {}).get("negated")]
    denials = [c for c in claims if (c.get("claim") or {}).get("negated")]
    return [
        html.Div(className="mb-1", children=[
            html.Span(source.get("name") or source["id"], className="fw-semibold"),
            html.Span(f"  {'→' if rel in DIRECTED_TYPES else '↔'} ", className="mx-1"),
            html.Span([swatch(RELATION_COLOURS.get(rel, "#999")), relation_label(rel, props)],
                      style={"color": RELATION_COLOURS.get(rel, "#333")}),
            html.Span(f" {'→' if rel in DIRECTED_TYPES else '↔'}  ", className="mx-1"),
            html.Span(target.get("name") or target["id"], className="fw-semibold"),
        ], id="edge-title"),
        html.Div(className="mb-2", children=[
            _badge(plural(props.get("claims") or 0, "claim")),
            _badge(plural(props.get("sources") or 0, "source")),
            _badge(f"confidence {float(props.get('confidence') or 0):.2f}"),
            _badge(str(props.get("modality") or "asserted"),
                   "warning" if props.get("hedged") else "light", "dark"),
            dbc.Badge(ref_text, color=ref_colour, text_color="dark" if ref_colour == "light" else None,
                      className="me-1 fw-normal", id="edge-reference"),
        ]),
        html.Div(className="small text-muted mb-2", children=[
            html.Div(f"Reported {period}" if period else "Reported: undated (no claim has a date)",
                     id="edge-reported") if period or not from_reference_only(props) else None,
            html.Div(f"True {truth}") if truth else None,
            html.Div(f"Items: {', '.join(props.get('items') or [])}") if props.get("items") else None,
            html.Div(f"Role: {membership_role(props) if rel == 'MEMBER_OF' else props.get('role')}")
            if props.get("role") or rel == "MEMBER_OF" else None,
        ]),
        html.H6(f"Evidence ({len(supporting)})"),
        html.Div([claim_card(c) for c in supporting] or [html.P("No claims found.", className="small text-muted")],
                 id="evidence-list"),
        *([html.H6(f"Denials ({len(denials)})", className="mt-2"),
           html.Div([claim_card(c) for c in denials])] if denials else []),
    ]


def _joined(parts: list[list[Any]], separator: str = " · ") -> list[Any]:
    out: list[Any] = []
    for i, part in enumerate(parts):
        if i:
            out.append(html.Span(separator))
        out.extend(part)
    return out


def claim_card(row: dict[str, Any]) -> html.Div:
    claim = row.get("claim") or {}
    article = row.get("article") or {}
    outlets = [o for o in (row.get("outlets") or []) if o]
    cited = [c for c in (row.get("cited") or []) if c]
    extractor = claim.get("extractor") or ""
    is_reference = bool(extractor) and not extractor.startswith("news")
    title = article.get("title")
    href = safe_href(article.get("url"))
    if is_reference:
        origin: list[Any] = [html.Span("Reference data: ", className="fw-semibold"),
                             html.Span(extractor.split(":", 1)[-1])]
    else:
        origin = [html.A(title, href=href, target="_blank", rel="noopener noreferrer") if href and title
                  else html.Span(title or "untitled article", className="fw-semibold")]
    meta = [
        ("outlet", ", ".join(outlets) or article.get("source") or ""),
        ("via", ", ".join(cited)),
        ("attributed to", claim.get("attributed_to") or ""),
        ("date", str(claim.get("reported") or article.get("published") or ("" if is_reference else "undated"))),
        ("modality", claim.get("modality") or ""),
        ("confidence", f"{float(claim['confidence']):.2f}" if claim.get("confidence") is not None else ""),
        ("items", ", ".join(claim.get("items") or [])),
        ("since", claim.get("since") or ""),
        ("until", claim.get("until") or ""),
    ]
    return html.Div(className="geokg-claim mb-2", children=[
        html.Blockquote(claim.get("sentence") or "", className="geokg-quote mb-1"),
        html.Div(origin, className="small"),
        html.Div(_joined([[html.Span(f"{k}: ", className="text-muted"), html.Span(v)] for k, v in meta if v]),
                 className="small"),
        dbc.Badge("denial", color="danger", className="fw-normal") if claim.get("negated") else None,
    ])


def unavailable(message: str) -> dbc.Alert:
    return dbc.Alert(message, color="secondary", className="m-3")


def not_found(pathname: str) -> dbc.Alert:
    return dbc.Alert(["No page at ", html.Code(pathname), ". ", html.A("Back to the explorer", href="/"), "."],
                     color="warning", className="m-3")
