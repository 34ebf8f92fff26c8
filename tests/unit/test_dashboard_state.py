"""The explorer's state: URL query strings both ways, validation, and what each action does."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from dashboard.state import (
    TYPES,
    Action,
    ExploreState,
    Filters,
    MaxHops,
    View,
    apply,
    format_query,
    month_end,
    month_index,
    month_label,
    parse_query,
)


def test_default_state_has_an_empty_query() -> None:
    assert format_query(ExploreState()) == ""
    state, warnings = parse_query("")
    assert state == ExploreState() and warnings == []


def test_round_trip_of_a_full_state() -> None:
    state = ExploreState(
        filters=Filters(types=["SUPPLIES_ARMS_TO", "MEMBER_OF"], kinds=["Country", "Alliance"], date_from="2021-08",
                        date_to="2022-03", axis="valid", min_claims=2, min_confidence=0.55, hide_hedged=True,
                        confirmed_only=True, layout="concentric"),
        view=View(mode="ego", actor="alliance:csto", expanded=["country:RUS"], hidden=["country:ARM"]),
    )
    query = format_query(state)
    assert "actor=alliance:csto" in query and "types=MEMBER_OF,SUPPLIES_ARMS_TO" in query
    parsed, warnings = parse_query(query)
    assert warnings == []
    assert parsed == state


def test_focus_is_an_alias_for_an_ego_view() -> None:
    state, _ = parse_query("?focus=country:RUS")
    assert state.view.mode == "ego" and state.view.actor == "country:RUS"


def test_path_view_round_trip() -> None:
    state = ExploreState(view=View(mode="path", path_from="person:a", path_to="country:TJK", hops=MaxHops.THREE))
    parsed, _ = parse_query(format_query(state))
    assert parsed.view == state.view


def test_bad_values_are_ignored_with_a_warning_each() -> None:
    state, warnings = parse_query("?types=MEMBER_OF,DETACH_DELETE&kinds=Country,Martian&from=2021-13&hops=9"
                                  "&min_conf=7&layout=spiral&view=path&min_claims=zero")
    assert state.filters.types == ["MEMBER_OF"]
    assert state.filters.kinds == ["Country"]
    assert state.filters.date_from is None and state.filters.min_confidence == 0.0
    assert state.filters.layout == "fcose" and state.filters.min_claims == 1
    assert state.view.mode == "overview" and state.view.hops == MaxHops.FOUR
    assert len(warnings) == 8
    assert any("DETACH_DELETE" in w for w in warnings)


def test_filters_reject_anything_outside_the_allow_lists() -> None:
    with pytest.raises(ValidationError):
        Filters(types=["MEMBER_OF]->() DETACH DELETE n //"])
    with pytest.raises(ValidationError):
        Filters(kinds=["Media"])
    with pytest.raises(ValidationError):
        View(hops=7)  # type: ignore[arg-type]


def test_month_helpers() -> None:
    assert month_label(month_index("2021-08")) == "2021-08"
    assert month_index(date(2021, 8, 23)) == month_index("2021-08")
    assert month_end("2024-02") == date(2024, 2, 29) and month_end("2021-12") == date(2021, 12, 31)


def test_query_params_turn_months_into_dates() -> None:
    params = Filters(date_from="2021-08", date_to="2021-09").query_params()
    assert params["date_from"] == date(2021, 8, 1) and params["date_to"] == date(2021, 9, 30)
    assert params["date_from_s"] == "2021-08-01" and params["date_to_s"] == "2021-09-30"
    assert Filters().query_params()["date_from"] is None
    assert "types" not in params  # types go into the pattern, from the allow-list


def ego(actor: str = "alliance:csto", **kw: object) -> ExploreState:
    return ExploreState(view=View(mode="ego", actor=actor, **kw))  # type: ignore[arg-type]


def test_expand_adds_once_and_anchors_new_nodes() -> None:
    outcome = apply(ego(), Action(kind="expand", actor="country:RUS"))
    assert outcome.state.view.expanded == ["country:RUS"]
    assert outcome.anchor == "country:RUS" and outcome.push_history and not outcome.relayout
    again = apply(outcome.state, Action(kind="expand", actor="country:RUS"))
    assert again.state == outcome.state and again.message == "Already expanded."


def test_hide_unhide_and_the_focus_cannot_be_hidden() -> None:
    hidden = apply(ego(expanded=["country:RUS"]), Action(kind="hide", actor="country:RUS"))
    assert hidden.state.view.hidden == ["country:RUS"] and hidden.state.view.expanded == []
    assert apply(hidden.state, Action(kind="unhide")).state.view.hidden == []
    refused = apply(ego(), Action(kind="hide", actor="alliance:csto"))
    assert refused.state == ego() and "cannot be hidden" in (refused.message or "")


def test_focus_overview_and_path_start_fresh_views() -> None:
    focus = apply(ego(expanded=["country:RUS"]), Action(kind="focus", actor="country:TJK"))
    assert focus.state.view == View(mode="ego", actor="country:TJK") and focus.relayout
    assert apply(ego(), Action(kind="overview")).state.view == View()
    path = apply(ego(), Action(kind="path", path_from="a:1", path_to="b:2", hops=2))
    assert path.state.view.mode == "path" and path.state.view.hops == MaxHops.TWO
    assert apply(ego(), Action(kind="path", path_from="a:1", path_to="a:1")).message
    assert apply(ego(), Action(kind="path", path_from="a:1", path_to="b:2", hops=12)).message


def test_filters_change_relayouts_only_for_a_new_layout() -> None:
    state = ego()
    narrower = Filters(types=list(TYPES[:3]))
    assert not apply(state, Action(kind="filters", filters=narrower)).relayout
    assert apply(state, Action(kind="filters", filters=Filters(layout="circle"))).relayout


def test_back_pops_history_and_load_replaces_the_state() -> None:
    assert apply(ego(), Action(kind="back")).pop_history
    loaded = apply(ExploreState(), Action(kind="load", state=ego()))
    assert loaded.state == ego() and loaded.relayout


def test_default_filters_do_not_narrow_edges() -> None:
    assert not Filters().narrows_edges() and not Filters(types=["MEMBER_OF"], kinds=["Country"]).narrows_edges()
    for narrowing in (Filters(min_claims=2), Filters(min_confidence=0.1), Filters(hide_hedged=True),
                      Filters(confirmed_only=True), Filters(date_from="2021-01"), Filters(date_to="2021-01")):
        assert narrowing.narrows_edges()
