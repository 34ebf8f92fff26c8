"""Plotly figures and tables for the analytics view, built from plain rows (pure functions).

Every text that comes from data goes through `plotly_text`: Plotly renders a subset of HTML in labels,
hovers and annotations (links, styled spans), so an actor named `<a href=…>` would otherwise be a link.
"""

from __future__ import annotations

import html
from typing import Any

import networkx as nx
import plotly.graph_objects as go

from dashboard.elements import RELATION_COLOURS, RELATION_LABELS, ROLE_LABELS, membership_role

# Memberships on the map: one shade per role, from the MEMBER_OF blue to grey for former members.
ROLE_COLOURS = {"member": RELATION_COLOURS["MEMBER_OF"], "observer": "#6BAED6", "partner": "#9ECAE1",
                "former": "#BDBDBD"}
# Plotly's toolbar sits over the top-right corner: figures keep a strip free for it.
TOOLBAR_MARGIN = 32
EMPTY_LAYOUT = {"xaxis": {"visible": False}, "yaxis": {"visible": False}, "height": 360,
                "margin": {"l": 10, "r": 10, "t": 10, "b": 10}}


def plotly_text(value: Any) -> str:
    """Data as text Plotly shows literally: `<`, `>` and `&` become entities, which it renders as characters."""
    return html.escape("" if value is None else str(value), quote=False)


def empty_figure(message: str) -> go.Figure:
    fig = go.Figure(layout=EMPTY_LAYOUT)
    # callers escape the data they put in the message
    fig.add_annotation(text=message, showarrow=False, font={"size": 14, "color": "#666"},
                       xref="paper", yref="paper", x=0.5, y=0.5)
    return fig


def sankey(flows: list[dict[str, Any]]) -> go.Figure:
    """Suppliers (left) → recipients (right), link width = claims reported in the period."""
    flows = [f for f in flows if int(f.get("claims") or 0) > 0]
    if not flows:
        return empty_figure("No arms-supply claims pass the filters in this period.")
    labels: list[str] = []
    index: dict[tuple[str, str], int] = {}

    def node(actor: dict[str, Any], side: str) -> int:
        key = (side, actor["id"])
        if key not in index:
            index[key] = len(labels)
            labels.append(plotly_text(actor.get("name") or actor["id"]))
        return index[key]

    sources, targets, values, colours, hover = [], [], [], [], []
    for flow in flows:
        sources.append(node(flow["source"], "supplier"))
        targets.append(node(flow["target"], "recipient"))
        values.append(int(flow["claims"]))
        colours.append("rgba(213,94,0,0.25)" if flow.get("hedged") else "rgba(213,94,0,0.6)")
        items = plotly_text(", ".join(flow.get("items") or []))
        hover.append(f"{plotly_text(flow.get('modality') or 'asserted')}{' · ' + items if items else ''}")
    fig = go.Figure(go.Sankey(
        arrangement="snap",
        node={"label": labels, "pad": 14, "thickness": 14, "color": "#4e79a7"},
        link={"source": sources, "target": targets, "value": values, "color": colours, "customdata": hover,
              "hovertemplate": "%{source.label} → %{target.label}<br>%{value} claims<br>%{customdata}"
                               "<extra></extra>"},
    ))
    fig.update_layout(height=min(900, max(240, 60 + 26 * len(labels))),
                      margin={"l": 10, "r": 10, "t": TOOLBAR_MARGIN, "b": 10},
                      font={"size": 11})
    return fig


def legend_name(key: str) -> str:
    """'MEMBER_OF:observer' → 'observer of'; a relation type → its label."""
    rel, _, role = key.partition(":")
    return ROLE_LABELS[role] if role else RELATION_LABELS.get(rel, rel)


def map_colour(key: str) -> str:
    rel, _, role = key.partition(":")
    return ROLE_COLOURS[role] if role else RELATION_COLOURS.get(rel, "#999")


def world_map(actor: dict[str, Any] | None, rows: list[dict[str, Any]]) -> go.Figure:
    """Countries coloured by their strongest relation with the actor (ISO-3 codes)."""
    if actor is None:
        return empty_figure("Select an actor in the explorer to map its relations.")
    best: dict[str, dict[str, Any]] = {}
    for row in rows:
        country = row["country"]
        iso3 = country.get("iso3")
        if not iso3:
            continue
        # A membership is drawn by its role: observers, partners and former members are not members.
        key = f"MEMBER_OF:{membership_role(row)}" if row["type"] == "MEMBER_OF" else row["type"]
        entry = best.setdefault(iso3, {"name": plotly_text(country.get("name")), "relations": [], "type": key,
                                       "claims": 0})
        arrow = "→" if row["outgoing"] else "←"
        entry["relations"].append(f"{arrow} {plotly_text(legend_name(key))} ({plotly_text(row['claims'])})")
        if int(row["claims"] or 0) > entry["claims"]:
            entry.update(type=key, claims=int(row["claims"] or 0))
    if not best:
        name = plotly_text(actor.get("name") or actor["id"])
        return empty_figure(f"No country is related to {name} under these filters.")
    fig = go.Figure()
    for rel in sorted({e["type"] for e in best.values()}):
        codes = [iso for iso, e in best.items() if e["type"] == rel]
        colour = map_colour(rel)
        fig.add_trace(go.Choropleth(
            locations=codes, locationmode="ISO-3", z=[1] * len(codes),
            colorscale=[[0, colour], [1, colour]],
            showscale=False, name=plotly_text(legend_name(rel)), marker_line_color="#fff",
            text=[f"{best[c]['name']}<br>" + "<br>".join(best[c]["relations"]) for c in codes],
            hovertemplate="%{text}<extra></extra>", showlegend=True,
        ))
    fig.update_geos(showcountries=True, countrycolor="#ccc", showcoastlines=False, projection_type="natural earth",
                    showframe=False, landcolor="#f3f3f3", showland=True)
    fig.update_layout(height=360, margin={"l": 0, "r": 0, "t": 0, "b": 0},
                      legend={"orientation": "h", "y": -0.02})
    return fig


def timeline(rows: list[dict[str, Any]]) -> go.Figure:
    """Stacked bars: claims per month reported on a date axis, one colour per relation type; claims with
    no date cannot sit on the axis and are counted in the title instead of vanishing."""
    undated = sum(int(r["claims"]) for r in rows if not r.get("month"))
    rows = [r for r in rows if r.get("month")]
    note = f"{undated:,} undated claims (no date read) are not on this axis" if undated else ""
    if not rows:
        return empty_figure("No dated claims pass the filters." + (f" {note}." if note else ""))
    months = sorted({r["month"][:7] for r in rows})
    fig = go.Figure()
    for rel in [t for t in RELATION_COLOURS if any(r["type"] == t for r in rows)]:
        counts = {r["month"][:7]: int(r["claims"]) for r in rows if r["type"] == rel}
        fig.add_trace(go.Bar(x=[f"{m}-01" for m in months], y=[counts.get(m, 0) for m in months],
                             name=RELATION_LABELS[rel], marker_color=RELATION_COLOURS[rel],
                             xperiod="M1", xperiodalignment="middle"))
    fig.update_layout(barmode="stack", height=340, margin={"l": 40, "r": 10, "t": TOOLBAR_MARGIN + 6, "b": 40},
                      xaxis={"type": "date", "title": "month reported", "tickformat": "%Y-%m"},
                      yaxis={"title": "claims"}, legend={"font": {"size": 10}},
                      title={"text": note, "font": {"size": 11, "color": "#666"}, "x": 0.01, "y": 0.98})
    return fig


def centrality(nodes: dict[str, dict[str, Any]], edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Degree and betweenness centrality of the drawn subgraph (undirected), highest degree first."""
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from((e["source"], e["target"]) for e in edges
                         if e["source"] in nodes and e["target"] in nodes and e["source"] != e["target"])
    if graph.number_of_nodes() == 0:
        return []
    between = nx.betweenness_centrality(graph, normalized=True) if graph.number_of_nodes() <= 3000 else {}
    rows = [{"id": n, "name": nodes[n].get("name") or n, "kind": nodes[n].get("kind") or "",
             "degree": int(graph.degree(n)), "betweenness": round(float(between.get(n, 0.0)), 4)}
            for n in graph.nodes]
    rows.sort(key=lambda r: (-r["degree"], -r["betweenness"], r["name"]))
    return rows
