"""Subgraphs → Cytoscape elements, and the stylesheet that encodes kinds, relation types and evidence.

Pure functions only. The explorer and the saved-queries page draw with the same classes:
nodes carry `kind-<Kind>`, edges `rel-<TYPE>` plus `directed`, `hedged`, `confirmed`, `contradicted`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from dashboard.state import DIRECTED_TYPES, KINDS, TYPES

# Okabe-Ito and Tableau colours, distinguishable for most colour-blind readers.
RELATION_COLOURS: dict[str, str] = {
    "MEMBER_OF": "#0072B2",
    "PART_OF": "#7f7f7f",
    "LEADS": "#8c564b",
    "ALLIED_WITH": "#009E73",
    "SUPPLIES_ARMS_TO": "#D55E00",
    "MILITARY_SUPPORT_TO": "#E69F00",
    "JOINT_EXERCISE_WITH": "#56B4E9",
    "HOSTS_BASE_OF": "#CC79A7",
    "ATTACKED": "#C00000",
    "THREATENS": "#FF6F61",
    "CONTROLS": "#6A3D9A",
    "SANCTIONS": "#222222",
    "REFUGEES_FLEE_TO": "#17becf",
}
RELATION_LABELS: dict[str, str] = {t: t.replace("_", " ").lower() for t in TYPES}
# A MEMBER_OF edge carries the latest role of the pair (cypher/write/edges.cypher); each reads differently.
ROLE_LABELS: dict[str, str] = {"member": "member of", "observer": "observer of", "partner": "partner of",
                               "former": "former member of"}
# Types whose `until` means the relation is over; a supply's end year only dates the last delivery.
ENDING_TYPES = frozenset({"MEMBER_OF", "LEADS", "PART_OF", "ALLIED_WITH", "HOSTS_BASE_OF", "CONTROLS",
                          "MILITARY_SUPPORT_TO"})

# Kind → (fill colour, Cytoscape shape, a symbol for legends and the details panel)
KIND_STYLES: dict[str, tuple[str, str, str]] = {
    "Country": ("#4e79a7", "ellipse", "●"),
    "Alliance": ("#9467bd", "hexagon", "⬢"),
    "ArmedGroup": ("#b2182b", "triangle", "▲"),
    "Organization": ("#59a14f", "round-rectangle", "■"),
    "Company": ("#f28e2b", "diamond", "◆"),
    "Person": ("#e377c2", "ellipse", "○"),
    "Region": ("#bab0ac", "round-octagon", "⯃"),
}
OTHER_NODE = ("#cccccc", "rectangle", "□")

STYLESHEET: list[dict[str, Any]] = [
    {"selector": "node", "style": {
        "label": "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 4,
        "text-wrap": "ellipsis", "text-max-width": 140, "color": "#222",
        # Labels only where they can be read: hidden while zoomed out below 8 px, shown as one zooms in.
        "min-zoomed-font-size": 8,
        "text-outline-color": "#fff", "text-outline-width": 2,
        "width": "data(size)", "height": "data(size)", "border-width": 1, "border-color": "#fff",
        "background-color": OTHER_NODE[0], "shape": OTHER_NODE[1],
    }},
    *[{"selector": f"node.kind-{kind}", "style": {"background-color": colour, "shape": shape}}
      for kind, (colour, shape, _) in KIND_STYLES.items()],
    # Alliances are the landmarks of the start view (only there): their names stay readable longest.
    {"selector": "node.landmark", "style": {"font-size": 32, "font-weight": "bold", "text-max-width": 360}},
    {"selector": "node.has-flag", "style": {"background-image": "data(flag)", "background-fit": "cover",
                                             "background-clip": "node", "border-width": 1,
                                             "border-color": "#4e79a7"}},
    {"selector": "node.focus", "style": {"border-width": 4, "border-color": "#111", "font-weight": "bold"}},
    {"selector": "node.expanded", "style": {"border-width": 3, "border-style": "double", "border-color": "#444"}},
    {"selector": "node.new", "style": {"border-width": 3, "border-color": "#f1c40f"}},
    {"selector": "node:selected", "style": {"border-width": 4, "border-color": "#f1c40f",
                                             "overlay-opacity": 0.12}},
    {"selector": "edge", "style": {
        "width": "data(width)", "line-color": "#999", "target-arrow-color": "#999",
        "curve-style": "bezier", "opacity": 0.85, "label": "", "font-size": 9,
        "arrow-scale": 1.1,
    }},
    *[{"selector": f"edge.rel-{rel}", "style": {"line-color": colour, "target-arrow-color": colour}}
      for rel, colour in RELATION_COLOURS.items()],
    {"selector": "edge.directed", "style": {"target-arrow-shape": "triangle"}},
    # Observers and partners: solid lines (dashes mean offers) with an open arrow head, thinner than members.
    {"selector": "edge.role-observer", "style": {"target-arrow-fill": "hollow", "width": 1.5,
                                                  "line-opacity": 0.8}},
    {"selector": "edge.role-partner", "style": {"target-arrow-shape": "circle", "target-arrow-fill": "hollow",
                                                 "width": 1.5, "line-opacity": 0.8}},
    {"selector": "edge.hedged", "style": {"line-style": "dashed", "line-dash-pattern": [7, 5]}},
    {"selector": "edge.contradicted", "style": {"line-style": "dotted"}},
    {"selector": "edge.former", "style": {"opacity": 0.35, "line-style": "dotted"}},
    {"selector": "edge:selected", "style": {"opacity": 1, "label": "data(label)", "text-rotation": "autorotate",
                                             "text-background-color": "#fff", "text-background-opacity": 0.9,
                                             "underlay-color": "#f1c40f", "underlay-opacity": 0.5,
                                             "underlay-padding": 3}},
    # Non-actor nodes a saved query may return
    {"selector": "node.label-Article", "style": {"shape": "rectangle", "background-color": "#ddd"}},
    {"selector": "node.label-Claim", "style": {"shape": "tag", "background-color": "#eee"}},
    {"selector": "node.label-Source", "style": {"shape": "vee", "background-color": "#aaa"}},
]


# Flags are SVG files shipped in assets/flags (flag-icons 7.5, MIT, see LICENSE there), so they show without
# an emoji font; the few flags over 20 KB (detailed coats of arms) are left out and shown as their ISO code.
FLAGS_DIR = Path(__file__).resolve().parent / "assets" / "flags"
FLAGS_URL = "/assets/flags/"
# Kind glyphs as tiny SVG shapes, so no symbol depends on the fonts of the reader's system.
KIND_SHAPES: dict[str, str] = {
    "ellipse": '<circle cx="8" cy="8" r="6.5"/>',
    "hexagon": '<polygon points="8,1 14.5,4.5 14.5,11.5 8,15 1.5,11.5 1.5,4.5"/>',
    "triangle": '<polygon points="8,1.5 15,14.5 1,14.5"/>',
    "round-rectangle": '<rect x="2" y="2" width="12" height="12" rx="3"/>',
    "diamond": '<polygon points="8,1 15,8 8,15 1,8"/>',
    "round-octagon": '<polygon points="5,1.5 11,1.5 14.5,5 14.5,11 11,14.5 5,14.5 1.5,11 1.5,5"/>',
    "rectangle": '<rect x="2" y="2" width="12" height="12"/>',
}


@lru_cache(maxsize=1)
def flag_codes() -> frozenset[str]:
    """ISO alpha-2 codes (lower case) with a shipped flag; read once, on first use."""
    return frozenset(p.stem for p in FLAGS_DIR.glob("*.svg"))


def flag_url(iso2: str | None) -> str:
    """'RU' → '/assets/flags/ru.svg'; '' when there is no shipped flag for the code."""
    code = (iso2 or "").strip().lower()
    return f"{FLAGS_URL}{code}.svg" if len(code) == 2 and code in flag_codes() else ""


def kind_icon_url(kind: str | None) -> str:
    """A data: URL of the kind's shape in its colour (a circle for a Country, a hexagon for an Alliance…)."""
    colour, shape, _ = KIND_STYLES.get(kind or "", OTHER_NODE)
    body = KIND_SHAPES.get(shape, KIND_SHAPES["rectangle"])
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" fill="{colour}">{body}</svg>'
    return "data:image/svg+xml;utf8," + quote(svg)


def flag_emoji(iso2: str | None) -> str:
    """'RU' → 🇷🇺 (regional indicator symbols); '' for anything that is not two ASCII letters."""
    if not iso2 or len(iso2) != 2 or not iso2.isascii() or not iso2.isalpha():
        return ""
    return "".join(chr(0x1F1E6 + ord(c) - ord("A")) for c in iso2.upper())


def kind_symbol(kind: str | None) -> str:
    return KIND_STYLES.get(kind or "", OTHER_NODE)[2]


def edge_key(source: str, rel_type: str, target: str) -> str:
    """The id of an aggregated edge, equal to the `key` of the claims behind it."""
    return f"{source}|{rel_type}|{target}"


def split_edge_key(key: str) -> tuple[str, str, str] | None:
    parts = key.split("|")
    if len(parts) != 3 or parts[1] not in TYPES:
        return None
    return parts[0], parts[1], parts[2]


def edge_width(claims: int | None) -> float:
    """Line width grows with the log of the claim count: 1.5 px for one claim, ~8 px for 100."""
    n = max(1, int(claims or 1))
    return round(1.5 + 1.4 * math.log2(n), 2)


def node_size(degree: int) -> int:
    return int(min(60, 22 + 6 * math.sqrt(max(0, degree))))


def node_element(props: dict[str, Any], *, degree: int = 0, classes: Iterable[str] = (),
                 position: dict[str, float] | None = None) -> dict[str, Any]:
    """One actor → a Cytoscape node; article text never goes into a class or selector."""
    kind = props.get("kind")
    kind_class = f"kind-{kind}" if kind in KINDS else "kind-other"
    data = {
        "id": str(props["id"]), "label": str(props.get("name") or props["id"]), "kind": kind or "",
        "iso2": props.get("iso2") or "", "size": node_size(degree),
    }
    flag = flag_url(props.get("iso2")) if kind == "Country" else ""
    if flag:
        data["flag"] = flag
        classes = [*classes, "has-flag"]
    element: dict[str, Any] = {"data": data, "classes": " ".join([kind_class, *classes])}
    if position is not None:
        element["position"] = {"x": float(position["x"]), "y": float(position["y"])}
    return element


def membership_role(props: dict[str, Any]) -> str:
    """member, observer, partner or former: the pair's latest role; an ended membership is former."""
    role = str(props.get("role") or "member")
    if role not in ROLE_LABELS:
        role = "member"
    if role != "former" and props.get("until"):
        role = "former"
    return role


def from_reference_only(props: dict[str, Any]) -> bool:
    """Read only from the curated tables: there is no news claim to check against them."""
    return not props.get("news_claims") and bool(props.get("reference_claims"))


def relation_label(rel_type: str, props: dict[str, Any]) -> str:
    """How an edge reads: "observer of", "supplies arms to (offered)", "leads (until 2019)"."""
    if rel_type == "MEMBER_OF":
        role = membership_role(props)
        label = ROLE_LABELS[role]
        return f"{label} (until {props['until']})" if props.get("until") else label
    label = RELATION_LABELS.get(rel_type, rel_type.lower())
    if props.get("modality") and props.get("hedged"):
        return f"{label} ({props['modality']})"
    if props.get("until"):
        return f"{label} (until {props['until']})"
    return label


def edge_classes(rel_type: str, props: dict[str, Any]) -> list[str]:
    classes = [f"rel-{rel_type}"] if rel_type in TYPES else ["rel-other"]
    if rel_type in DIRECTED_TYPES:
        classes.append("directed")
    if props.get("hedged"):
        classes.append("hedged")
    reference = props.get("reconciliation")
    if reference in {"confirmed", "contradicted"}:
        classes.append(reference)
    if from_reference_only(props):
        classes.append("reference")
    if rel_type == "MEMBER_OF":
        role = membership_role(props)
        classes.append(f"role-{role}")
        if role == "former":
            classes.append("former")
    elif props.get("modality") == "former" or (props.get("until") and rel_type in ENDING_TYPES):
        classes.append("former")
    return classes


def edge_element(source: str, rel_type: str, target: str, props: dict[str, Any],
                 edge_id: str | None = None) -> dict[str, Any]:
    """One aggregated relationship → a Cytoscape edge (id = claim key, so evidence can be looked up)."""
    claims = props.get("claims")
    label = relation_label(rel_type, props)
    data = {
        "id": edge_id or edge_key(source, rel_type, target), "source": source, "target": target,
        "type": rel_type, "label": label, "claims": int(claims or 0), "width": edge_width(claims),
        "confidence": props.get("confidence"), "modality": props.get("modality") or "",
        "hedged": bool(props.get("hedged")), "reconciliation": props.get("reconciliation") or "",
        "first_reported": props.get("first_reported") or "", "last_reported": props.get("last_reported") or "",
        "items": list(props.get("items") or []), "until": props.get("until") or "",
        "role": membership_role(props) if rel_type == "MEMBER_OF" else str(props.get("role") or ""),
        "origin": "reference data" if from_reference_only(props) else "news",
    }
    return {"data": data, "classes": " ".join(edge_classes(rel_type, props))}


def place_new_nodes(new_ids: list[str], anchor: dict[str, float] | None,
                    placed: dict[str, dict[str, float]], spacing: float = 90.0) -> dict[str, dict[str, float]]:
    """Positions for nodes that are not on the canvas yet: rings around `anchor`, facing away from the rest.

    Existing nodes keep their places; a new node is never put within `spacing`/2 of one that is placed.
    """
    if not new_ids:
        return {}
    if anchor is None:
        if placed:
            xs = [p["x"] for p in placed.values()]
            ys = [p["y"] for p in placed.values()]
            anchor = {"x": max(xs) + 2 * spacing, "y": sum(ys) / len(ys)}
        else:
            anchor = {"x": 0.0, "y": 0.0}
    # Open side: opposite the centre of mass of what is already drawn.
    others = [p for p in placed.values() if (p["x"], p["y"]) != (anchor["x"], anchor["y"])]
    if others:
        cx = sum(p["x"] for p in others) / len(others)
        cy = sum(p["y"] for p in others) / len(others)
        facing = math.atan2(anchor["y"] - cy, anchor["x"] - cx)
    else:
        facing = 0.0
    taken = [(p["x"], p["y"]) for p in placed.values()]
    result: dict[str, dict[str, float]] = {}
    pending = list(new_ids)
    ring = 0
    while pending:
        ring += 1
        radius = spacing * (0.4 + 0.9 * ring)
        per_ring = max(6, int(2 * math.pi * radius / spacing))
        step = 2 * math.pi / per_ring
        # Slots nearest the open side first: 0, +1, -1, +2, -2, …
        offsets = [0] + [sign * k for k in range(1, per_ring // 2 + 1) for sign in (1, -1)]
        for offset in offsets[:per_ring]:
            if not pending:
                break
            x = anchor["x"] + radius * math.cos(facing + offset * step)
            y = anchor["y"] + radius * math.sin(facing + offset * step)
            if any((x - tx) ** 2 + (y - ty) ** 2 < (spacing / 2) ** 2 for tx, ty in taken):
                continue
            result[pending.pop(0)] = {"x": round(x, 1), "y": round(y, 1)}
            taken.append((x, y))
        if ring >= 60:  # pathological crowding: line the rest up further out
            for k, node_id in enumerate(pending):
                result[node_id] = {"x": round(anchor["x"] + radius + spacing * (k + 1), 1), "y": anchor["y"]}
            break
    return result


def overview_positions(nodes: dict[str, dict[str, Any]], edges: list[dict[str, Any]],
                       spacing: float = 55.0) -> dict[str, dict[str, float]]:
    """A readable start view: alliances far apart on a grid (the busiest in the middle), each member placed
    with the others that belong to the same alliances, near those alliances. Deterministic, no physics."""
    alliances = sorted((n for n, p in nodes.items() if p.get("kind") == "Alliance"),
                       key=lambda n: (-sum(1 for e in edges if e["target"] == n), n))
    if not alliances:
        return {}
    groups: dict[tuple[str, ...], list[str]] = {}
    belongs: dict[str, set[str]] = {}
    for edge in edges:
        if edge["type"] == "MEMBER_OF" and edge["target"] in nodes and edge["source"] in nodes \
                and edge["source"] not in alliances:
            belongs.setdefault(edge["source"], set()).add(edge["target"])
    for member, of in belongs.items():
        groups.setdefault(tuple(sorted(of)), []).append(member)
    # Room for the largest group of members around an alliance.
    biggest = max((len(m) for m in groups.values()), default=1)
    gap = spacing * (3.0 + math.sqrt(biggest) * 1.2)
    columns = max(1, math.ceil(math.sqrt(len(alliances))))
    order = _centre_out(columns, math.ceil(len(alliances) / columns))
    positions = {a: {"x": round(order[i][0] * gap, 1), "y": round(order[i][1] * gap, 1)}
                 for i, a in enumerate(alliances)}
    for key in sorted(groups, key=lambda k: (len(k), k)):
        members = sorted(groups[key], key=lambda m: str(nodes[m].get("name") or m))
        cx = sum(positions[a]["x"] for a in key) / len(key)
        cy = sum(positions[a]["y"] for a in key) / len(key)
        if len(key) == 1:   # members of one alliance only: a ring around it
            placed = place_new_nodes(members, positions[key[0]], positions, spacing)
        else:               # shared members: a cluster between their alliances
            placed = place_new_nodes(members, {"x": cx, "y": cy + spacing * 0.6}, positions, spacing)
        positions.update(placed)
    return positions


def _centre_out(columns: int, rows: int) -> list[tuple[float, float]]:
    """Grid cells ordered from the centre outwards, so the first (busiest) alliances sit in the middle."""
    cells = [(c - (columns - 1) / 2, r - (rows - 1) / 2) for r in range(rows) for c in range(columns)]
    return sorted(cells, key=lambda p: (p[0] ** 2 + p[1] ** 2, p[1], p[0]))


def build_elements(nodes: dict[str, dict[str, Any]], edges: list[dict[str, Any]], *,
                   positions: dict[str, dict[str, float]] | None = None, focus: str | None = None,
                   expanded: Iterable[str] = (), new: Iterable[str] = (),
                   landmarks: bool = False) -> list[dict[str, Any]]:
    """Actors and aggregated edges (as returned by `dashboard.repo`) → Cytoscape elements; `landmarks` gives
    alliances the large labels of the start view."""
    degree: dict[str, int] = dict.fromkeys(nodes, 0)
    for edge in edges:
        for end in (edge["source"], edge["target"]):
            if end in degree:
                degree[end] += 1
    expanded_set, new_set = set(expanded), set(new)
    elements = []
    for node_id, props in nodes.items():
        classes = [c for c, on in (("focus", node_id == focus), ("expanded", node_id in expanded_set),
                                   ("new", node_id in new_set),
                                   ("landmark", landmarks and props.get("kind") == "Alliance")) if on]
        elements.append(node_element(props, degree=degree[node_id], classes=classes,
                                     position=(positions or {}).get(node_id)))
    elements.extend(edge_element(e["source"], e["type"], e["target"], e.get("props") or {})
                    for e in edges if e["source"] in nodes and e["target"] in nodes)
    return elements


def elements_from_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Plain query rows (tagged node/relationship/path dicts from `geokg.graphdb.to_plain`) → elements.

    Actors are keyed by their `id` property, so the same actor found twice is one node; other nodes
    (articles, claims, sources) by their element id and styled by label.
    """
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[str, dict[str, Any]] = {}
    key_of: dict[str, str] = {}

    def add_node(value: dict[str, Any]) -> str:
        props = value.get("properties") or {}
        labels = value.get("labels") or []
        if "Actor" in labels and props.get("id"):
            node_id = str(props["id"])
            element = node_element(props)
        else:
            node_id = str(value.get("element_id"))
            label = next((lb for lb in labels if lb != "Actor"), "Node")
            caption = props.get("name") or props.get("title") or props.get("sentence") or label
            element = {"data": {"id": node_id, "label": str(caption)[:80], "kind": label, "iso2": "",
                                "size": 18}, "classes": f"label-{label}"}
        key_of[str(value.get("element_id"))] = node_id
        nodes.setdefault(node_id, element)
        return node_id

    def add_relationship(value: dict[str, Any]) -> None:
        for end in ("start_node", "end_node"):
            if isinstance(value.get(end), dict):
                add_node(value[end])
        source = key_of.get(str(value.get("start")))
        target = key_of.get(str(value.get("end")))
        if source is None or target is None:
            return
        rel_type = str(value.get("rel_type"))
        props = value.get("properties") or {}
        edge_id = edge_key(source, rel_type, target) if rel_type in TYPES else str(value.get("element_id"))
        edges.setdefault(edge_id, edge_element(source, rel_type, target, props, edge_id=edge_id))

    def visit(value: Any) -> None:
        if isinstance(value, dict):
            tag = value.get("_type")
            if tag == "node":
                add_node(value)
            elif tag == "relationship":
                add_relationship(value)
            elif tag == "path":
                for node in value.get("nodes", []):
                    add_node(node)
                for rel in value.get("relationships", []):
                    add_relationship(rel)
            else:
                for item in value.values():
                    visit(item)
        elif isinstance(value, list):
            for item in value:
                visit(item)

    for row in rows:
        visit(row)
    degree: dict[str, int] = dict.fromkeys(nodes, 0)
    for edge in edges.values():
        for end in (edge["data"]["source"], edge["data"]["target"]):
            degree[end] = degree.get(end, 0) + 1
    for node_id, element in nodes.items():
        if element["data"].get("size") != 18:
            element["data"]["size"] = node_size(degree.get(node_id, 0))
    return [*nodes.values(), *edges.values()]


CSV_COLUMNS = ["source", "source_name", "type", "role", "target", "target_name", "claims", "confidence", "modality",
               "hedged", "reconciliation", "origin", "first_reported", "last_reported", "until", "items"]


def edge_table(elements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The edges on the canvas as flat rows for the CSV export, from the Cytoscape elements themselves
    (so the file holds exactly what is drawn, with the actors' names)."""
    names = {e["data"]["id"]: e["data"].get("label", "") for e in elements if "source" not in e.get("data", {})}
    rows = []
    for element in elements:
        data = element.get("data") or {}
        if "source" not in data:
            continue
        row = {
            "source": data["source"], "source_name": names.get(data["source"], ""), "type": data.get("type", ""),
            "role": data.get("role") or "", "origin": data.get("origin") or "", "until": data.get("until") or "",
            "target": data["target"], "target_name": names.get(data["target"], ""),
            "claims": data.get("claims"), "confidence": data.get("confidence"), "modality": data.get("modality"),
            "hedged": data.get("hedged"), "reconciliation": data.get("reconciliation") or "",
            "first_reported": data.get("first_reported") or "", "last_reported": data.get("last_reported") or "",
            "items": "; ".join(data.get("items") or []),
        }
        rows.append({column: row[column] for column in CSV_COLUMNS})
    return rows
