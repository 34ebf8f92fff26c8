"""The start view a newcomer sees: alliances apart, members grouped by their alliances, labels only where they
can be read at the current zoom (none overlapping), and a first action spelled out."""

from __future__ import annotations

import math
from typing import Any

import pytest

from dashboard import ids
from dashboard.app import create_app
from geokg.graphdb import Graph
from geokg.settings import Settings
from tests.browser.test_explore import cy, wait_settled

LAYOUT = """(function() {
  const z = cy.zoom();
  const visible = cy.nodes().filter(n => parseFloat(n.style('font-size')) * z >= 8);
  const boxes = visible.map(n => n.boundingBox({includeNodes: false, includeEdges: false, includeLabels: true}));
  let overlaps = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps++;
  }
  return {overlaps: overlaps, labelled: visible.length, zoom: z,
          alliances: cy.nodes('.kind-Alliance').map(n => [n.id(), n.position()]),
          members: cy.edges('[type = "MEMBER_OF"]').map(e => [e.source().id(), e.target().id()]),
          positions: Object.fromEntries(cy.nodes().map(n => [n.id(), n.position()])),
          minZoomed: cy.nodes().first().style('min-zoomed-font-size')};
})()"""


@pytest.fixture
def data(sample_graph: Graph) -> Graph:
    return sample_graph


def test_the_start_view_is_readable(dash_duo: Any, data: Graph) -> None:
    dash_duo.start_server(create_app(Settings(), graph=data))
    dash_duo.wait_for_contains_text(f"#{ids.VIEW_TITLE}", "Alliance overview", timeout=20)
    wait_settled(dash_duo)
    view = cy(dash_duo, LAYOUT)
    assert view["minZoomed"] == "8px"
    assert view["overlaps"] == 0, f"{view['overlaps']} overlapping labels at zoom {view['zoom']:.2f}"
    assert view["labelled"] >= len(view["alliances"]), "at least the alliances are named"
    # Alliances apart: no two closer than a member ring.
    spots = [p for _, p in view["alliances"]]
    closest = min(math.dist((a["x"], a["y"]), (b["x"], b["y"])) for i, a in enumerate(spots) for b in spots[i + 1:])
    assert closest > 300
    # Members grouped: a member of one alliance only sits nearer to it than to any other alliance.
    of: dict[str, set[str]] = {}
    for member, alliance in view["members"]:
        of.setdefault(member, set()).add(alliance)
    where = view["positions"]
    alliances = dict(view["alliances"])
    for member, mine in of.items():
        if len(mine) != 1 or member in alliances:
            continue
        p = where[member]
        nearest = min(alliances, key=lambda a: math.dist((p["x"], p["y"]), (alliances[a]["x"], alliances[a]["y"])))
        assert nearest in mine, f"{member} is drawn nearest {nearest}, not its alliance"
    first = dash_duo.find_element("#first-action").text
    assert "Start here" in first and "Click an alliance" in first
