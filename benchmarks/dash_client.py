"""Real Dash callback requests, built from the app's own callback map (`/_dash-dependencies`).

The browser posts to `/_dash-update-component` a body naming the callback's output string and the
current value of each input and state; this module builds the same bodies for the explorer's
search-as-you-type and expand callbacks, so the benchmarks exercise exactly what a user's clicks do.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from dashboard import ids

UPDATE_PATH = "/_dash-update-component"
DEPENDENCIES_PATH = "/_dash-dependencies"


def id_key(component_id: str | Mapping[str, Any]) -> str:
    """How Dash names an id in `changedPropIds` and its input maps: JSON with sorted keys for dict ids."""
    if isinstance(component_id, str):
        return component_id
    return json.dumps(component_id, sort_keys=True, separators=(",", ":"))


def _parsed(entry: dict[str, Any]) -> dict[str, Any]:
    """Dict ids arrive as JSON text in the callback map."""
    raw = entry["id"]
    return {**entry, "id": json.loads(raw) if isinstance(raw, str) and raw.startswith("{") else raw}


def _concrete(component_id: str | Mapping[str, Any], match: Mapping[str, Any]) -> str | dict[str, Any]:
    if isinstance(component_id, str):
        return component_id
    return {k: (match[k] if v == ["MATCH"] else v) for k, v in component_id.items()}


def _outputs(output: str, match: Mapping[str, Any]) -> list[dict[str, Any]] | dict[str, Any]:
    """The `outputs` of a request: a list for a multi-output callback ('..a.x...b.y..'), else one entry."""
    multi = output.startswith("..")
    text = output[2:-2] if multi else output
    found = []
    for part in text.split("..."):
        raw_id, prop = part.rsplit(".", 1)
        component_id = json.loads(raw_id) if raw_id.startswith("{") else raw_id.replace("\\.", ".")
        found.append({"id": _concrete(component_id, match), "property": prop.split("@")[0]})
    return found if multi else found[0]


class CallbackMap:
    """The dashboard's callbacks, and request bodies for the ones the benchmarks drive."""

    def __init__(self, dependencies: list[dict[str, Any]]) -> None:
        self.dependencies = [
            {**dep, "inputs": [_parsed(e) for e in dep["inputs"]], "state": [_parsed(e) for e in dep.get("state", [])]}
            for dep in dependencies
        ]

    def find(self, input_id: str | Mapping[str, Any], prop: str, output: str = "") -> dict[str, Any]:
        """The server-side callback triggered by this input (and writing `output`, e.g. 'banner.children')."""
        for dep in self.dependencies:
            if dep.get("clientside_function") or output not in dep["output"]:
                continue
            if any(i["id"] == input_id and i["property"] == prop for i in dep["inputs"]):
                return dep
        raise LookupError(f"no server callback takes {id_key(input_id)}.{prop} as input")

    def body(self, dep: dict[str, Any], values: Mapping[str, Any], changed: str,
             match: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """A `/_dash-update-component` body; `values` maps 'id.property' to the current value."""
        match = match or {}

        def fill(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
            out = []
            for entry in entries:
                cid = _concrete(entry["id"], match)
                key = f"{id_key(cid)}.{entry['property']}"
                out.append({"id": cid, "property": entry["property"], "value": values.get(key)})
            return out

        return {"output": dep["output"], "outputs": _outputs(dep["output"], match), "inputs": fill(dep["inputs"]),
                "state": fill(dep.get("state", [])), "changedPropIds": [changed]}

    # -- the two interactions the benchmarks repeat -----------------------------------------------------

    def search(self, text: str, role: str = "main") -> dict[str, Any]:
        """Typing `text` into an actor search box."""
        box = ids.actor_search(role)
        dep = self.find({**box, "role": ["MATCH"]}, "search_value")
        key = id_key(box)
        return self.body(dep, {f"{key}.search_value": text, f"{key}.value": None, f"{key}.options": []},
                         f"{key}.search_value", match={"role": role})

    def action(self, action: Mapping[str, Any], session: Mapping[str, Any]) -> dict[str, Any]:
        """A canvas action (focus, expand…) given the stores of the page so far (`session`)."""
        dep = self.find(ids.ACTION, "data")
        values = {f"{ids.ACTION}.data": dict(action),
                  f"{ids.STATE}.data": session.get("state"), f"{ids.HISTORY}.data": session.get("history"),
                  f"{ids.WORKING}.data": session.get("working"), f"{ids.CY}.layout": session.get("layout")}
        return self.body(dep, values, f"{ids.ACTION}.data")


def apply_response(session: dict[str, Any], response: Mapping[str, Any]) -> list[str]:
    """Store the new page state from an action's response; returns the node ids now on the canvas."""
    out = response.get("response", {})
    for store, key in ((ids.STATE, "state"), (ids.HISTORY, "history"), (ids.WORKING, "working")):
        if store in out and "data" in out[store]:
            session[key] = out[store]["data"]
    if ids.CY in out and "layout" in out[ids.CY]:
        session["layout"] = out[ids.CY]["layout"]
    working = session.get("working") or {}
    return list((working.get("nodes") or {}).keys())


def error_of(response: Mapping[str, Any]) -> Any:
    """The error a guarded callback reported through the error store (as an output or, from a MATCH
    callback, a side update), if any."""
    for part in ("response", "sideUpdate"):
        error = ((response.get(part) or {}).get(ids.ERROR) or {}).get("data")
        if error:
            return error
    return None
