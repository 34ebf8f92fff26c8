"""What the explorer shows, as plain data: filters and the view recipe, their URL form, and the actions.

The canvas is described by a recipe (a base view — alliance overview, one actor's ego network or the
shortest paths between two actors — plus the actors expanded and hidden since), not by its elements, so a
URL can carry it and a change of filters can re-run it. Everything here is pure and JSON-friendly.
"""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import Any, Literal
from urllib.parse import parse_qs, urlencode

from pydantic import BaseModel, Field, ValidationError, field_validator

from loader.models import ACTOR_KINDS, RELATION_TYPES, SYMMETRIC_TYPES

KINDS: tuple[str, ...] = tuple(k for k in ACTOR_KINDS if k != "Media")
TYPES: tuple[str, ...] = RELATION_TYPES
DIRECTED_TYPES = frozenset(TYPES) - SYMMETRIC_TYPES
# Cytoscape layouts offered; fcose and cose-bilkent come from dash-cytoscape's bundled extra layouts.
LAYOUTS: tuple[str, ...] = ("fcose", "cose-bilkent", "cose", "concentric", "breadthfirst", "circle", "grid")
MAX_EXPANDED = 40
MAX_HIDDEN = 200
HISTORY_DEPTH = 25
SELECTION_ACTIONS = ("expand", "focus", "hide")   # actions on the selected actor


class MaxHops(IntEnum):
    """Allowed path lengths; the only numbers ever written into a variable-length pattern."""

    ONE = 1
    TWO = 2
    THREE = 3
    FOUR = 4
    FIVE = 5
    SIX = 6


def month_index(value: str | date) -> int:
    """'2021-08' or a date → months since year 0 (the date slider's unit)."""
    if isinstance(value, date):
        return value.year * 12 + value.month - 1
    year, month = value[:7].split("-")
    return int(year) * 12 + int(month) - 1


def month_label(index: int) -> str:
    """Months since year 0 → '2021-08'."""
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def month_start(label: str) -> date:
    year, month = label.split("-")
    return date(int(year), int(month), 1)


def month_end(label: str) -> date:
    year, month = (int(p) for p in label.split("-"))
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


class Filters(BaseModel):
    """What edges and actors may be drawn."""

    types: list[str] = Field(default_factory=lambda: list(TYPES))
    kinds: list[str] = Field(default_factory=lambda: list(KINDS))
    date_from: str | None = Field(default=None, description="YYYY-MM, inclusive")
    date_to: str | None = Field(default=None, description="YYYY-MM, inclusive")
    axis: Literal["reported", "valid"] = "reported"
    min_claims: int = Field(default=1, ge=1, le=10_000)
    min_confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    hide_hedged: bool = False
    confirmed_only: bool = False
    include_undated: bool = Field(default=False, description="keep relations with no date when a period is set")
    layout: str = "fcose"

    @field_validator("types")
    @classmethod
    def _known_types(cls, value: list[str]) -> list[str]:
        unknown = sorted(set(value) - set(TYPES))
        if unknown:
            raise ValueError(f"unknown relation type(s): {', '.join(unknown)}")
        return [t for t in TYPES if t in value]

    @field_validator("kinds")
    @classmethod
    def _known_kinds(cls, value: list[str]) -> list[str]:
        unknown = sorted(set(value) - set(KINDS))
        if unknown:
            raise ValueError(f"unknown actor kind(s): {', '.join(unknown)}")
        return [k for k in KINDS if k in value]

    @field_validator("date_from", "date_to")
    @classmethod
    def _month(cls, value: str | None) -> str | None:
        if value is None:
            return None
        month_start(value)  # raises ValueError on a bad month
        return value[:7]

    @field_validator("layout")
    @classmethod
    def _known_layout(cls, value: str) -> str:
        if value not in LAYOUTS:
            raise ValueError(f"unknown layout {value!r}")
        return value

    def narrows_edges(self) -> bool:
        """Whether any edge filter is set (every aggregated edge has at least one claim)."""
        return bool(self.min_claims > 1 or self.min_confidence > 0 or self.hide_hedged or self.confirmed_only
                    or self.date_from or self.date_to)

    def query_params(self) -> dict[str, Any]:
        """The Cypher parameters of cypher/app/fragment_edge_filter.cypher and the kind filter."""
        start = month_start(self.date_from) if self.date_from else None
        end = month_end(self.date_to) if self.date_to else None
        return {
            "kinds": self.kinds,
            "all_kinds": set(self.kinds) == set(KINDS),
            "min_claims": self.min_claims,
            "min_confidence": self.min_confidence,
            "hide_hedged": self.hide_hedged,
            "confirmed_only": self.confirmed_only,
            "include_undated": self.include_undated,
            "axis": self.axis,
            "date_from": start,
            "date_to": end,
            "date_from_s": start.isoformat() if start else None,
            "date_to_s": end.isoformat() if end else None,
        }


class View(BaseModel):
    """The recipe of the canvas."""

    mode: Literal["overview", "ego", "path"] = "overview"
    actor: str | None = None
    path_from: str | None = None
    path_to: str | None = None
    hops: MaxHops = MaxHops.FOUR
    expanded: list[str] = Field(default_factory=list, max_length=MAX_EXPANDED)
    hidden: list[str] = Field(default_factory=list, max_length=MAX_HIDDEN)

    def base_key(self) -> tuple[Any, ...]:
        """What identifies the base view (a change means a fresh layout)."""
        return (self.mode, self.actor, self.path_from, self.path_to, int(self.hops))


class ExploreState(BaseModel):
    filters: Filters = Field(default_factory=Filters)
    view: View = Field(default_factory=View)


# ---------------------------------------------------------------------------------------------- URL

def _first(qs: dict[str, list[str]], key: str) -> str | None:
    values = qs.get(key)
    return values[0].strip() if values and values[0].strip() else None


def _list(qs: dict[str, list[str]], key: str) -> list[str] | None:
    raw = _first(qs, key)
    if raw is None:
        return None
    return [part for part in (p.strip() for p in raw.split(",")) if part]


def parse_query(search: str | None) -> tuple[ExploreState, list[str]]:
    """A URL query string → the state it describes and one warning per value that was ignored.

    Bad values never fail the page: each is dropped (the default stays) and reported.
    """
    qs = parse_qs((search or "").lstrip("?"), keep_blank_values=False)
    warnings: list[str] = []
    filters: dict[str, Any] = {}
    view: dict[str, Any] = {}

    def take(target: dict[str, Any], field: str, value: Any, model: type[BaseModel], label: str) -> None:
        if value is None:
            return
        try:
            model.model_validate({**target, field: value})
        except ValidationError as exc:
            warnings.append(f"ignored {label}: {exc.errors()[0]['msg']}")
            return
        target[field] = value

    types = _list(qs, "types")
    if types is not None:
        known = [t for t in types if t in TYPES]
        if len(known) < len(types):
            warnings.append(f"ignored unknown relation types: {', '.join(sorted(set(types) - set(TYPES)))}")
        filters["types"] = known
    kinds = _list(qs, "kinds")
    if kinds is not None:
        known = [k for k in kinds if k in KINDS]
        if len(known) < len(kinds):
            warnings.append(f"ignored unknown actor kinds: {', '.join(sorted(set(kinds) - set(KINDS)))}")
        filters["kinds"] = known
    take(filters, "date_from", _first(qs, "from"), Filters, "from")
    take(filters, "date_to", _first(qs, "to"), Filters, "to")
    take(filters, "axis", _first(qs, "axis"), Filters, "axis")
    take(filters, "min_claims", _first(qs, "min_claims"), Filters, "min_claims")
    take(filters, "min_confidence", _first(qs, "min_conf"), Filters, "min_conf")
    if (hedged := _first(qs, "hedged")) is not None:
        filters["hide_hedged"] = hedged in {"hide", "0", "false", "no"}
    if (confirmed := _first(qs, "confirmed")) is not None:
        filters["confirmed_only"] = confirmed in {"1", "true", "yes", "only"}
    if (undated := _first(qs, "undated")) is not None:
        filters["include_undated"] = undated in {"1", "true", "yes", "include"}
    take(filters, "layout", _first(qs, "layout"), Filters, "layout")

    actor = _first(qs, "focus") or _first(qs, "actor")
    mode = _first(qs, "view") or ("ego" if actor else None)
    take(view, "mode", mode, View, "view")
    if actor:
        view["actor"] = actor
    view["path_from"] = _first(qs, "a")
    view["path_to"] = _first(qs, "b")
    take(view, "hops", _first(qs, "hops"), View, "hops")
    view["expanded"] = (_list(qs, "expand") or [])[:MAX_EXPANDED]
    view["hidden"] = (_list(qs, "hide") or [])[:MAX_HIDDEN]
    if view.get("mode") == "ego" and not view.get("actor"):
        warnings.append("ignored view=ego: no actor given")
        view["mode"] = "overview"
    if view.get("mode") == "path" and not (view.get("path_from") and view.get("path_to")):
        warnings.append("ignored view=path: it needs a= and b=")
        view["mode"] = "overview"
    state = ExploreState(filters=Filters(**filters), view=View(**view))
    return state, warnings


def format_query(state: ExploreState) -> str:
    """The state → a short query string (defaults are left out), '?…' or ''."""
    f, v, default = state.filters, state.view, Filters()
    params: dict[str, str] = {}
    params["view"] = v.mode
    if v.mode == "ego" and v.actor:
        params["actor"] = v.actor
    if v.mode == "path":
        params.update({"a": v.path_from or "", "b": v.path_to or "", "hops": str(int(v.hops))})
    if f.types != default.types:
        params["types"] = ",".join(f.types)
    if f.kinds != default.kinds:
        params["kinds"] = ",".join(f.kinds)
    if f.date_from:
        params["from"] = f.date_from
    if f.date_to:
        params["to"] = f.date_to
    if f.axis != default.axis:
        params["axis"] = f.axis
    if f.min_claims != default.min_claims:
        params["min_claims"] = str(f.min_claims)
    if f.min_confidence != default.min_confidence:
        params["min_conf"] = f"{f.min_confidence:g}"
    if f.hide_hedged:
        params["hedged"] = "hide"
    if f.confirmed_only:
        params["confirmed"] = "1"
    if f.include_undated:
        params["undated"] = "1"
    if f.layout != default.layout:
        params["layout"] = f.layout
    if v.expanded:
        params["expand"] = ",".join(v.expanded)
    if v.hidden:
        params["hide"] = ",".join(v.hidden)
    if params == {"view": "overview"}:
        return ""
    return "?" + urlencode(params, safe=":,")


# ------------------------------------------------------------------------------------------ actions

class Action(BaseModel):
    """One user action on the canvas, as sent by the browser with the node positions of that moment."""

    kind: Literal["load", "filters", "focus", "expand", "hide", "unhide", "back", "overview", "path",
                  "relayout", "reload"]
    actor: str | None = None
    state: ExploreState | None = None     # for "load" (from a URL)
    filters: Filters | None = None        # for "filters"
    path_from: str | None = None
    path_to: str | None = None
    hops: int | None = None
    positions: dict[str, dict[str, float]] = Field(default_factory=dict)


class Outcome(BaseModel):
    """What an action does: the new state, whether the old view goes on the history, whether to re-lay out."""

    state: ExploreState
    push_history: bool = False
    relayout: bool = False
    pop_history: bool = False
    anchor: str | None = None   # the actor new nodes should be placed around
    message: str | None = None


def apply(state: ExploreState, action: Action) -> Outcome:
    """The state after an action (pure). Unknown or incomplete actions leave the state as it was."""
    view = state.view
    if action.kind in SELECTION_ACTIONS and not action.actor:
        return Outcome(state=state, message=f"Select an actor first (click it on the canvas), then {action.kind}.")
    if action.kind == "load" and action.state is not None:
        fresh = action.state.view.base_key() != view.base_key() or action.state.view != view
        return Outcome(state=action.state, relayout=fresh, push_history=fresh)
    if action.kind == "filters" and action.filters is not None:
        relayout = action.filters.layout != state.filters.layout
        return Outcome(state=state.model_copy(update={"filters": action.filters}), relayout=relayout)
    if action.kind == "relayout":
        return Outcome(state=state, relayout=True)
    if action.kind == "reload":
        return Outcome(state=state, relayout=not action.positions)
    if action.kind == "overview":
        return Outcome(state=state.model_copy(update={"view": View()}), push_history=True, relayout=True)
    if action.kind == "focus" and action.actor:
        new_view = View(mode="ego", actor=action.actor)
        return Outcome(state=state.model_copy(update={"view": new_view}), push_history=True, relayout=True)
    if action.kind == "expand" and action.actor:
        if action.actor in view.expanded:
            return Outcome(state=state, message="Already expanded.")
        expanded = [*view.expanded, action.actor][-MAX_EXPANDED:]
        hidden = [h for h in view.hidden if h != action.actor]
        new_view = view.model_copy(update={"expanded": expanded, "hidden": hidden})
        return Outcome(state=state.model_copy(update={"view": new_view}), push_history=True,
                       anchor=action.actor)
    if action.kind == "hide" and action.actor:
        if action.actor == view.actor and view.mode == "ego":
            return Outcome(state=state, message="The focused actor cannot be hidden; focus another first.")
        hidden = [*dict.fromkeys([*view.hidden, action.actor])][-MAX_HIDDEN:]
        expanded = [e for e in view.expanded if e != action.actor]
        new_view = view.model_copy(update={"hidden": hidden, "expanded": expanded})
        return Outcome(state=state.model_copy(update={"view": new_view}), push_history=True)
    if action.kind == "unhide":
        if not view.hidden:
            return Outcome(state=state)
        new_view = view.model_copy(update={"hidden": []})
        return Outcome(state=state.model_copy(update={"view": new_view}), push_history=True)
    if action.kind == "path":
        if not (action.path_from and action.path_to) or action.path_from == action.path_to:
            return Outcome(state=state, message="Choose two different actors for a path.")
        try:
            hops = MaxHops(int(action.hops or MaxHops.FOUR))
        except ValueError:
            return Outcome(state=state, message="A path has 1 to 6 steps.")
        new_view = View(mode="path", path_from=action.path_from, path_to=action.path_to, hops=hops)
        return Outcome(state=state.model_copy(update={"view": new_view}), push_history=True, relayout=True)
    if action.kind == "back":
        return Outcome(state=state, pop_history=True)
    return Outcome(state=state)
