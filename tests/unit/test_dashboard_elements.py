"""Element building and the stylesheet: kinds, relation types, hedging, reference status, placement."""

from __future__ import annotations

import math

from dashboard import elements as el
from dashboard.state import KINDS, TYPES


def test_flag_emoji_from_iso2() -> None:
    assert el.flag_emoji("RU") == "\U0001f1f7\U0001f1fa"
    assert el.flag_emoji("tj") == "\U0001f1f9\U0001f1ef"
    assert el.flag_emoji(None) == "" and el.flag_emoji("RUS") == "" and el.flag_emoji("1A") == ""


def test_edge_key_round_trip_and_rejects_unknown_types() -> None:
    key = el.edge_key("country:RUS", "SUPPLIES_ARMS_TO", "region:central-asia")
    assert key == "country:RUS|SUPPLIES_ARMS_TO|region:central-asia"
    assert el.split_edge_key(key) == ("country:RUS", "SUPPLIES_ARMS_TO", "region:central-asia")
    assert el.split_edge_key("a|DROP_DATABASE|b") is None
    assert el.split_edge_key("no-pipes") is None


def test_edge_classes_encode_direction_hedging_and_reference() -> None:
    offered = el.edge_element("country:RUS", "SUPPLIES_ARMS_TO", "region:central-asia",
                              {"claims": 4, "hedged": True, "modality": "offered", "reconciliation": "confirmed"})
    assert set(offered["classes"].split()) == {"rel-SUPPLIES_ARMS_TO", "directed", "hedged", "confirmed"}
    assert offered["data"]["id"] == "country:RUS|SUPPLIES_ARMS_TO|region:central-asia"
    assert offered["data"]["label"] == "supplies arms to (offered)"
    symmetric = el.edge_element("country:RUS", "JOINT_EXERCISE_WITH", "country:TJK", {"claims": 1})
    assert "directed" not in symmetric["classes"].split()
    contradicted = el.edge_element("a", "MEMBER_OF", "b", {"reconciliation": "contradicted"})
    assert "contradicted" in contradicted["classes"].split()
    former = el.edge_element("country:UZB", "MEMBER_OF", "alliance:csto", {"until": "2012-12-19", "modality": "former"})
    assert "former" in former["classes"].split() and former["data"]["label"] == "former member of (until 2012-12-19)"
    assert "role-former" in former["classes"].split()
    delivered = el.edge_element("country:RUS", "SUPPLIES_ARMS_TO", "country:IND", {"until": "2019", "claims": 1})
    assert "former" not in delivered["classes"].split(), "a finished delivery is not a former relation"
    leader = el.edge_element("person:x", "LEADS", "country:RUS", {"until": "2019", "claims": 1})
    assert "former" in leader["classes"].split()
    reference = el.edge_element("country:SRB", "MEMBER_OF", "alliance:csto",
                                {"claims": 1, "news_claims": 0, "reference_claims": 1, "role": "observer"})
    assert "reference" in reference["classes"].split() and reference["data"]["origin"] == "reference data"


def test_edge_width_grows_with_claims() -> None:
    assert el.edge_width(1) == 1.5
    assert el.edge_width(None) == 1.5
    assert el.edge_width(2) < el.edge_width(10) < el.edge_width(100) < 12


def test_stylesheet_styles_every_kind_and_relation_type() -> None:
    selectors = {rule["selector"]: rule["style"] for rule in el.STYLESHEET}
    for kind in KINDS:
        assert f"node.kind-{kind}" in selectors
    for rel in TYPES:
        assert selectors[f"edge.rel-{rel}"]["line-color"] == el.RELATION_COLOURS[rel]
    assert selectors["edge.directed"]["target-arrow-shape"] == "triangle"
    assert selectors["edge.hedged"]["line-style"] == "dashed"
    assert selectors["edge"]["width"] == "data(width)"
    shapes = {selectors[f"node.kind-{k}"]["shape"] for k in KINDS}
    assert len(shapes) >= 6, "kinds should be told apart by shape, not only colour"
    assert len(set(el.RELATION_COLOURS.values())) == len(TYPES)


def test_build_elements_marks_focus_and_drops_dangling_edges() -> None:
    nodes = {"alliance:csto": {"id": "alliance:csto", "name": "CSTO", "kind": "Alliance"},
             "country:RUS": {"id": "country:RUS", "name": "Russia", "kind": "Country", "iso2": "RU"}}
    edges = [{"source": "country:RUS", "type": "MEMBER_OF", "target": "alliance:csto", "props": {"claims": 2}},
             {"source": "country:RUS", "type": "PART_OF", "target": "country:XXX", "props": {}}]
    out = el.build_elements(nodes, edges, positions={"country:RUS": {"x": 1, "y": 2}}, focus="alliance:csto",
                            expanded=["country:RUS"], new=["country:RUS"])
    by_id = {e["data"]["id"]: e for e in out}
    assert set(by_id) == {"alliance:csto", "country:RUS", "country:RUS|MEMBER_OF|alliance:csto"}
    assert "focus" in by_id["alliance:csto"]["classes"].split()
    assert {"kind-Country", "expanded", "new"} <= set(by_id["country:RUS"]["classes"].split())
    assert by_id["country:RUS"]["position"] == {"x": 1.0, "y": 2.0}
    assert "position" not in by_id["alliance:csto"]


def test_labels_are_plain_data_never_markup_or_selectors() -> None:
    hostile = {"id": "group:x", "name": "<img src=x onerror=alert(1)>", "kind": "ArmedGroup\" ] node { color: red"}
    node = el.node_element(hostile)
    assert node["data"]["label"] == "<img src=x onerror=alert(1)>"
    assert node["classes"] == "kind-other"  # an unknown kind never reaches the class list


def node(element_id: str, actor_id: str | None, labels: list[str], **props: object) -> dict[str, object]:
    properties = {"id": actor_id, **props} if actor_id else dict(props)
    return {"_type": "node", "element_id": element_id, "labels": labels, "properties": properties}


def test_elements_from_rows_reads_nodes_relationships_and_paths() -> None:
    rus = node("4:x:1", "country:RUS", ["Actor", "Country"], name="Russia", kind="Country", iso2="RU")
    csto = node("4:x:2", "alliance:csto", ["Actor", "Alliance"], name="CSTO", kind="Alliance")
    article = node("4:x:3", None, ["Article"], title="A title")
    rel = {"_type": "relationship", "element_id": "5:x:9", "rel_type": "MEMBER_OF", "start": "4:x:1",
           "end": "4:x:2", "start_node": rus, "end_node": csto,
           "properties": {"claims": 3, "reconciliation": "confirmed"}}
    path = {"_type": "path", "nodes": [rus, csto], "relationships": [rel]}
    rows = [{"s": rus, "r": rel, "m": csto}, {"p": path, "a": article, "n": 1, "text": "x"}]
    out = el.elements_from_rows(rows)
    ids = [e["data"]["id"] for e in out]
    assert ids.count("country:RUS") == 1 and ids.count("alliance:csto") == 1
    edge = next(e for e in out if e["data"]["id"] == "country:RUS|MEMBER_OF|alliance:csto")
    assert edge["data"]["source"] == "country:RUS" and edge["data"]["target"] == "alliance:csto"
    assert set(edge["classes"].split()) == {"rel-MEMBER_OF", "directed", "confirmed", "role-member"}
    art = next(e for e in out if e["data"]["id"] == "4:x:3")
    assert art["classes"] == "label-Article" and art["data"]["label"] == "A title"
    russia = next(e for e in out if e["data"]["id"] == "country:RUS")
    assert russia["classes"] in ("kind-Country", "kind-Country has-flag")


def test_elements_from_rows_keeps_relationships_between_non_actor_nodes() -> None:
    claim = node("4:x:7", None, ["Claim"], sentence="Russia offers arms.")
    art = node("4:x:8", None, ["Article"], title="T")
    rel = {"_type": "relationship", "element_id": "5:x:1", "rel_type": "STATED_IN", "start": "4:x:7",
           "end": "4:x:8", "start_node": claim, "end_node": art, "properties": {}}
    out = el.elements_from_rows([{"r": rel}])
    edge = next(e for e in out if "source" in e["data"])
    assert edge["data"]["id"] == "5:x:1" and edge["classes"] == "rel-other"


def test_new_nodes_are_placed_near_the_anchor_without_overlapping() -> None:
    placed = {"a": {"x": 0.0, "y": 0.0}, "b": {"x": -100.0, "y": 0.0}, "c": {"x": -100.0, "y": 80.0}}
    new = [f"n{i}" for i in range(15)]
    out = el.place_new_nodes(new, placed["a"], placed, spacing=90)
    assert set(out) == set(new)
    points = [(p["x"], p["y"]) for p in [*placed.values(), *out.values()]]
    for i, (x1, y1) in enumerate(points):
        for x2, y2 in points[i + 1:]:
            assert math.dist((x1, y1), (x2, y2)) >= 44.9
    first = out["n0"]
    assert first["x"] > 0, "the first new node goes to the open side, away from the placed ones"
    assert max(math.dist((p["x"], p["y"]), (0, 0)) for p in out.values()) < 400


def test_placement_is_deterministic_and_handles_an_empty_canvas() -> None:
    assert el.place_new_nodes(["x", "y"], None, {}) == el.place_new_nodes(["x", "y"], None, {})
    assert el.place_new_nodes([], {"x": 0, "y": 0}, {}) == {}


def test_edge_table_flattens_the_drawn_edges() -> None:
    nodes = {"country:RUS": {"id": "country:RUS", "name": "Russia"},
             "region:central-asia": {"id": "region:central-asia", "name": "Central Asia"},
             "country:KAZ": {"id": "country:KAZ", "name": "Kazakhstan"}}
    edges = [{"source": "country:RUS", "type": "SUPPLIES_ARMS_TO", "target": "region:central-asia",
              "props": {"claims": 2, "items": ["helicopters", "firearms"], "hedged": True}}]
    (row,) = el.edge_table(el.build_elements(nodes, edges))
    assert row["type"] == "SUPPLIES_ARMS_TO" and row["hedged"] is True
    assert row["source_name"] == "Russia" and row["target_name"] == "Central Asia"
    assert row["items"] == "helicopters; firearms" and row["claims"] == 2
    assert list(row) == el.CSV_COLUMNS


def test_observers_are_not_drawn_as_members() -> None:
    edge = el.edge_element("country:SRB", "MEMBER_OF", "alliance:csto", {"claims": 1, "role": "observer"})
    assert edge["data"]["label"] == "observer of"
    # Dashes mean offers and plans: an observer has a role class (an open arrow head), not the hedged one.
    assert "role-observer" in edge["classes"].split() and "hedged" not in edge["classes"].split()
    member = el.edge_element("country:RUS", "MEMBER_OF", "alliance:csto", {"claims": 1, "role": "member"})
    assert member["data"]["label"] != "observer of"
    assert "hedged" not in member["classes"].split()
