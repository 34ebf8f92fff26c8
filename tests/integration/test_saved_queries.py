"""Every shipped saved query plans as read-only and returns the rows it should on the test graph."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner

from geokg.console import ConsoleResult, actor_ids, cell_text, has_graph_values
from geokg.graphdb import Graph, explain
from geokg.queries import load_library, run_query
from geokg.query_cli import console_command, query_command
from geokg.settings import Settings
from tests import query_data
from tests.conftest import clear

LIBRARY = load_library()


@pytest.fixture(scope="module")
def loaded(graph: Graph) -> Iterator[Graph]:
    clear(graph)
    query_data.build(graph)
    yield graph


def run(graph: Graph, name: str, **values: Any) -> ConsoleResult:
    return run_query(graph, LIBRARY.get(name), values)


def names(result: ConsoleResult, column: str) -> list[str]:
    """A column's nodes (or values) as short text: node names, without ids."""
    out = []
    for row in result.rows:
        value = row[column]
        if isinstance(value, dict) and value.get("_type") == "node":
            out.append(value["properties"]["name"])
        else:
            out.append(cell_text(value))
    return out


def test_at_least_fifteen_queries_ship() -> None:
    assert len([q for q in LIBRARY.queries.values() if q.origin == "shipped"]) >= 15


@pytest.mark.parametrize("name", sorted(LIBRARY.queries))
def test_every_query_plans_read_only(loaded: Graph, name: str) -> None:
    query = LIBRARY.get(name)
    values = {p.name: p.default for p in query.params}
    values.update({p.name: "x" for p in query.params if p.required})
    planned = explain(loaded, query.body, values)
    assert planned.query_type == "r"
    assert not {"LoadCSV", "TransactionApply", "TransactionForeach"} & set(planned.operators)


@pytest.mark.parametrize("name", sorted(n for n, q in LIBRARY.queries.items() if not any(p.required for p in q.params)))
def test_every_query_returns_rows_with_its_defaults(loaded: Graph, name: str) -> None:
    result = run(loaded, name)
    assert result.rows, f"{name} returned nothing on the test graph"
    if "graph" in LIBRARY.get(name).views:
        assert has_graph_values(result.rows), f"{name} suggests a graph view but returns no nodes"


def test_members_of_alliance(loaded: Graph) -> None:
    result = run(loaded, "members_of_alliance")
    rows = {n: r for n, r in zip(names(result, "member"), result.rows, strict=True)}
    assert sorted(rows) == ["Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan", "Uzbekistan"]
    assert rows["Uzbekistan"]["status"] == "former" and rows["Uzbekistan"]["until"] == "2012-12-19"
    assert rows["Uzbekistan"]["reference_check"] == "contradicted"
    assert rows["Tajikistan"]["status"] == "current" and rows["Tajikistan"]["reference_check"] == "confirmed"
    assert rows["Russia"]["since"] == "1992-05-15" and rows["Russia"]["claims"] == 2


def test_members_of_alliance_on_a_date(loaded: Graph) -> None:
    in_2010 = names(run(loaded, "members_of_alliance", alliance="alliance:csto", on_date="2010-01-01"), "member")
    assert "Uzbekistan" in in_2010 and len(in_2010) == 7
    in_2021 = names(run(loaded, "members_of_alliance", alliance="csto", on_date="2021-08-23"), "member")
    assert "Uzbekistan" not in in_2021 and len(in_2021) == 6
    in_1993 = names(run(loaded, "members_of_alliance", on_date="1993-06-01"), "member")
    assert "Belarus" not in in_1993 and "Russia" in in_1993


def test_alliances_of_country(loaded: Graph) -> None:
    [row] = run(loaded, "alliances_of_country", country="country:TJK").rows
    assert row["alliance"]["properties"]["id"] == "alliance:csto" and row["status"] == "current"
    co = sorted(n["properties"]["name"] for n in row["co_members"])
    assert co == ["Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Russia"]  # Uzbekistan left in 2012


def test_arms_suppliers_of_alliance_members(loaded: Graph) -> None:
    result = run(loaded, "arms_suppliers_of_alliance_members")
    pairs = [(s, r) for s, r in zip(names(result, "supplier"), names(result, "recipient"), strict=True)]
    assert pairs == [("Iran", "Russia"), ("Russia", "Kazakhstan"), ("Russia", "Tajikistan")]
    assert result.rows[2]["items"] == ["Mi-8 helicopters"] and result.rows[2]["modality"] == "delivered"
    assert run(loaded, "arms_suppliers_of_alliance_members", min_claims=2).rows == []


def test_supplier_deliveries_include_the_state_exporter(loaded: Graph) -> None:
    result = run(loaded, "supplier_deliveries")
    rows = {(r, i, s) for r, i, s in zip(names(result, "recipient"), names(result, "item"),
                                          names(result, "supplier"), strict=True)}
    assert ("Central Asia", "helicopters", "Rosoboronexport") in rows
    assert ("Central Asia", "weapons", "Russia") in rows
    assert ("Tajikistan", "Mi-8 helicopters", "Russia") in rows
    assert ("Kazakhstan", "Su-30SM", "Russia") in rows
    assert len(rows) == 7
    firm = run(loaded, "supplier_deliveries", include_hedged=False)
    assert "weapons" not in names(firm, "item") and "helicopters" in names(firm, "item")


def test_two_step_supply_chains(loaded: Graph) -> None:
    result = run(loaded, "two_step_supply_chains")
    chains = [(a, b, c) for a, b, c in zip(names(result, "origin"), names(result, "intermediary"),
                                           names(result, "end_recipient"), strict=True)]
    assert chains == [("Iran", "Russia", "Central Asia"), ("Iran", "Russia", "Kazakhstan"),
                      ("Iran", "Russia", "Tajikistan")]
    only = run(loaded, "two_step_supply_chains", actor="Kazakhstan")
    assert names(only, "end_recipient") == ["Kazakhstan"]


def test_common_neighbours(loaded: Graph) -> None:
    [row] = run(loaded, "common_neighbours").rows
    assert row["shared"]["properties"]["id"] == "alliance:csto"
    assert row["links_to_a"] == ["MEMBER_OF"] and row["links_to_b"] == ["MEMBER_OF"]
    # Russia and Kyrgyzstan share the CSTO; Tajikistan via the exercise? no: restricted to bases they host
    via_bases = run(loaded, "common_neighbours", a="Tajikistan", b="Kyrgyzstan", types=["hosts_base_of"])
    assert names(via_bases, "shared") == ["Russia"]


def test_shortest_paths(loaded: Graph) -> None:
    result = run(loaded, "shortest_paths")
    assert {r["hops"] for r in result.rows} == {2}
    assert sorted(r["relations"][1] for r in result.rows) == [
        "HOSTS_BASE_OF", "JOINT_EXERCISE_WITH", "MILITARY_SUPPORT_TO", "SUPPLIES_ARMS_TO"]
    assert all(r["actors"] == ["Rosoboronexport", "Russia", "Tajikistan"] for r in result.rows)
    assert result.rows[0]["path"]["_type"] == "path"
    far = run(loaded, "shortest_paths", source="Alexander Mikheev", target="Israel")
    assert far.rows and far.rows[0]["hops"] == 5  # Mikheev→Rosoboronexport→Russia←Iran→Hezbollah→Israel


def test_attackers_and_their_suppliers(loaded: Graph) -> None:
    [israel] = run(loaded, "attackers_and_their_suppliers").rows
    assert israel["armed_group"]["properties"]["name"] == "Hezbollah"
    assert israel["backer"]["properties"]["name"] == "Iran" and israel["items"] == ["rockets"]
    assert israel["support_type"] == "SUPPLIES_ARMS_TO" and israel["last_attack_reported"] == "2023-10-09"
    [usa] = run(loaded, "attackers_and_their_suppliers", target="U.S.").rows  # by alias
    assert usa["armed_group"]["properties"]["name"] == "Islamic State" and usa["backer"] is None


def test_exercise_partners(loaded: Graph) -> None:
    result = run(loaded, "exercise_partners")
    assert names(result, "partner") == ["Tajikistan", "Uzbekistan"]
    assert [r["claims"] for r in result.rows] == [2, 1]
    assert result.rows[0]["last_reported"] == "2022-03-10"


def test_foreign_bases(loaded: Graph) -> None:
    result = run(loaded, "foreign_bases")
    assert list(zip(names(result, "host"), names(result, "foreign_force"), strict=True)) == [
        ("Kyrgyzstan", "Russia"), ("Tajikistan", "Russia")]
    assert names(run(loaded, "foreign_bases", host="KGZ"), "host") == []  # ids are full: country:KGZ
    assert names(run(loaded, "foreign_bases", host="country:KGZ"), "host") == ["Kyrgyzstan"]


def test_latest_claims_about_actor(loaded: Graph) -> None:
    result = run(loaded, "latest_claims_about_actor", limit=4)
    assert len(result.rows) == 4
    first = result.rows[0]
    assert first["reported"] == "2022-10-20" and first["evidence"] == "Iran has delivered Shahed-136 drones to Russia."
    assert first["outlet"] == "Gulf Monitor"
    assert [r["reported"] for r in result.rows[1:]] == ["2022-03-10"] * 3
    taliban = run(loaded, "latest_claims_about_actor", actor="taliban")
    denial = [r for r in taliban.rows if r["negated"]]
    assert denial and denial[0]["evidence"].startswith("The Taliban insisted they posed no threat")
    assert all(not r["negated"] for r in run(loaded, "latest_claims_about_actor", actor="Taliban",
                                                include_negated=False).rows)


def test_most_mentioned_actors(loaded: Graph) -> None:
    result = run(loaded, "most_mentioned_actors", limit=3)
    # ranked by articles naming the actor, then by mentions: Iran (3 articles) before the U.S. (2)
    assert [r["actor"] for r in result.rows] == ["Russia", "Iran", "United States"]
    assert result.rows[0]["mentions"] == 21 and result.rows[0]["articles"] == 3
    late = run(loaded, "most_mentioned_actors", since="2023-01-01")
    assert [r["actor"] for r in late.rows] == ["Iran", "Hezbollah", "Israel"]
    groups = run(loaded, "most_mentioned_actors", kind="armedgroup")
    assert {r["kind"] for r in groups.rows} == {"ArmedGroup"}
    assert actor_ids(result.rows) == []  # the chart columns carry ids as text, not nodes


def test_weakly_supported_edges(loaded: Graph) -> None:
    result = run(loaded, "weakly_supported_edges")
    assert sorted(r["relation"] for r in result.rows) == ["SANCTIONS", "SUPPLIES_ARMS_TO"]
    assert {r["evidence"] for r in result.rows} == {
        "Washington imposed sanctions on Iranian drone makers.", "Iran has delivered Shahed-136 drones to Russia."}
    only = run(loaded, "weakly_supported_edges", type="sanctions")
    assert names(only, "target") == ["Iran"]


def test_news_contradicting_reference(loaded: Graph) -> None:
    [row] = run(loaded, "news_contradicting_reference").rows
    assert row["source"]["properties"]["name"] == "Uzbekistan" and row["relation"] == "MEMBER_OF"
    assert row["news_evidence"] == "Uzbekistan, a CSTO member, joined the drills."
    assert row["reference_rows"] == ["curated:memberships.csv (former, 2006-06-23 to 2012-12-19)"]
    assert row["reason"] == "reference: Uzbekistan left the CSTO on 2012-12-19"
    confirmed = run(loaded, "news_contradicting_reference", status="confirmed")
    assert names(confirmed, "source") == ["Tajikistan"]


def test_leaders(loaded: Graph) -> None:
    [row] = run(loaded, "leaders").rows
    assert row["leader"]["properties"]["name"] == "Alexander Mikheev" and row["role"] == "head"
    assert row["organisation"]["properties"]["name"] == "Rosoboronexport"
    assert [n["properties"]["name"] for n in row["part_of"]] == ["Russia"]


def test_actor_relations(loaded: Graph) -> None:
    result = run(loaded, "actor_relations", types=["supplies_arms_to"])
    got = sorted((r["direction"], n) for r, n in zip(result.rows, names(result, "other"), strict=True))
    assert got == [("in", "Iran"), ("out", "Central Asia"), ("out", "Kazakhstan"), ("out", "Tajikistan")]
    firm = run(loaded, "actor_relations", types=["SUPPLIES_ARMS_TO"], include_hedged=False)
    assert "Central Asia" not in names(firm, "other")
    sure = run(loaded, "actor_relations", min_confidence=0.85)
    assert sorted(set(names(sure, "other"))) == ["Collective Security Treaty Organization", "Kazakhstan",
                                                 "Tajikistan"]


def test_territorial_control_sanctions_refugees(loaded: Graph) -> None:
    control = run(loaded, "territorial_control")
    assert list(zip(names(control, "controller"), names(control, "territory"), strict=True)) == [
        ("Taliban", "Afghanistan")]
    assert names(run(loaded, "sanctions", actor="Iran"), "imposer") == ["United States"]
    flows = run(loaded, "refugee_flows", origin="Afghan")
    assert names(flows, "destination") == ["Iran", "Pakistan"]


def test_pending_arms_offers(loaded: Graph) -> None:
    [row] = run(loaded, "pending_arms_offers").rows
    assert row["supplier"]["properties"]["name"] == "Russia" and row["modality"] == "offered"
    assert row["items"] == ["weapons", "military hardware"]
    assert run(loaded, "pending_arms_offers", since="2022-01-01").rows == []


def test_actor_timeline(loaded: Graph) -> None:
    result = run(loaded, "actor_timeline")
    assert [(r["month"], r["claims"]) for r in result.rows] == [("2021-08", 7), ("2022-03", 3), ("2022-10", 1)]


def test_evidence_for_edge(loaded: Graph) -> None:
    [row] = run(loaded, "evidence_for_edge", source="Russia", type="supplies_arms_to", target="Tajikistan").rows
    assert row["evidence"] == "Russia delivered two Mi-8 helicopters to Tajikistan."
    assert row["outlet"] == "Asia Desk" and row["cites"] == ["TASS"] and row["reported"] == "2022-03-10"
    # symmetric relations are found whichever way round they are asked
    both = run(loaded, "evidence_for_edge", source="Tajikistan", type="JOINT_EXERCISE_WITH", target="Russia")
    assert len(both.rows) == 2
    # a directed relation is not read backwards
    assert run(loaded, "evidence_for_edge", source="Tajikistan", type="SUPPLIES_ARMS_TO", target="Russia").rows == []
    reference = run(loaded, "evidence_for_edge", source="Uzbekistan", type="MEMBER_OF", target="CSTO")
    assert {r["extractor"] for r in reference.rows} == {"news:rules", "curated:memberships.csv"}


def test_graph_values_and_actor_ids(loaded: Graph) -> None:
    result = run(loaded, "exercise_partners")
    assert has_graph_values(result.rows)
    assert actor_ids(result.rows) == ["country:TJK", "country:RUS", "country:UZB"]
    path_ids = actor_ids(run(loaded, "shortest_paths").rows)
    assert path_ids[:3] == ["company:rosoboronexport", "country:RUS", "country:TJK"]


# --- the command line against the database ---

def test_cli_query_table_json_csv(loaded: Graph) -> None:
    runner = CliRunner()
    table = runner.invoke(query_command, ["exercise_partners", "-p", "country=Russia"])
    assert table.exit_code == 0, table.output
    assert "Tajikistan [country:TJK]" in table.stdout and "JOINT_EXERCISE_WITH ×2" in table.stdout
    as_json = runner.invoke(query_command, ["members_of_alliance", "-p", "on_date=2021-08-23", "--format", "json"])
    import json

    doc = json.loads(as_json.stdout)
    assert doc["query"] == "members_of_alliance" and doc["params"]["on_date"] == "2021-08-23"
    assert len(doc["rows"]) == 6 and doc["truncated"] is False
    as_csv = runner.invoke(query_command, ["foreign_bases", "--format", "csv"])
    assert as_csv.stdout.splitlines()[0].startswith("host,base,foreign_force,claims")
    assert as_csv.stdout.splitlines()[1].startswith("Kyrgyzstan [country:KGZ],HOSTS_BASE_OF ×1,Russia")


def test_cli_console_reads_stdin_and_refuses_writes(loaded: Graph) -> None:
    runner = CliRunner()
    ok = runner.invoke(console_command, ["--params", '{"id": "country:RUS"}', "--format", "csv"],
                       input="MATCH (a:Actor {id: $id}) RETURN a.name AS name;\n")
    assert ok.exit_code == 0 and ok.stdout.splitlines() == ["name", "Russia"]
    refused = runner.invoke(console_command, ["MATCH (n) DETACH DELETE n"])
    assert refused.exit_code == 1
    assert refused.stderr.strip().startswith("Error: Refused: DETACH is not allowed")
    capped = runner.invoke(console_command, ["UNWIND range(1, 50) AS x RETURN x", "--max-rows", "5",
                                             "--format", "json"])
    assert capped.exit_code == 0 and "Row cap reached" in capped.stderr


def test_cli_console_save_as(loaded: Graph, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEOKG_USER_QUERIES_DIR", str(tmp_path))
    runner = CliRunner()
    saved = runner.invoke(console_command, [
        "MATCH (h:Actor)-[:HOSTS_BASE_OF]->(g:Actor {id: $guest}) RETURN h.name AS host ORDER BY host",
        "--params", '{"guest": "country:RUS"}', "--save-as", "russian_bases", "--title", "Russian bases abroad",
        "--view", "table"])
    assert saved.exit_code == 0, saved.output
    assert (tmp_path / "russian_bases.cypher").exists()
    library = load_library(Settings())
    query = library.get("russian_bases")
    assert query.origin == "user" and query.title == "Russian bases abroad"
    assert query.params[0].name == "guest" and query.params[0].default == "country:RUS"
    rerun = runner.invoke(query_command, ["russian_bases", "--format", "csv"])
    assert rerun.stdout.splitlines() == ["host", "Kyrgyzstan", "Tajikistan"]
    again = runner.invoke(console_command, ["RETURN 1 AS x", "--save-as", "russian_bases", "--title", "x"])
    assert again.exit_code == 1 and "exists" in again.stderr


# --- the page's .json/.csv routes (Datasette-style variants of each query URL) ---

@pytest.fixture(scope="module")
def web(loaded: Graph, settings: Settings) -> Any:
    import dash

    from dashboard.pages import queries as page

    app = dash.Dash(__name__, suppress_callback_exceptions=True)
    app.layout = dash.html.Div()  # Dash checks a layout exists before serving any route
    page.register_callbacks(app, loaded, settings)
    return app.server.test_client()


def test_json_and_csv_routes(web: Any) -> None:
    import json

    reply = web.get("/queries/members_of_alliance.json?on_date=2021-08-23&alliance=CSTO")
    assert reply.status_code == 200 and reply.mimetype == "application/json"
    doc = json.loads(reply.data)
    assert doc["query"] == "members_of_alliance" and len(doc["rows"]) == 6
    assert doc["params"] == {"alliance": "CSTO", "on_date": "2021-08-23"}
    csv_reply = web.get("/queries/foreign_bases.csv")
    assert csv_reply.status_code == 200 and csv_reply.mimetype == "text/csv"
    assert csv_reply.data.decode().splitlines()[1].startswith("Kyrgyzstan [country:KGZ],HOSTS_BASE_OF ×1")
    lists = json.loads(web.get("/queries/actor_relations.json?types=SUPPLIES_ARMS_TO&types=ATTACKED").data)
    assert lists["params"]["types"] == ["SUPPLIES_ARMS_TO", "ATTACKED"]


@pytest.mark.parametrize(("url", "status", "message"), [
    ("/queries/members_of_alliance.json?on_date=soon", 400, "expects a date as YYYY-MM-DD, got 'soon'"),
    ("/queries/members_of_alliance.json?colour=red", 400, "unknown parameter 'colour'"),
    ("/queries/nope.json", 404, "no saved query named 'nope'"),
])
def test_route_errors_are_one_line_json(web: Any, url: str, status: int, message: str) -> None:
    import json

    reply = web.get(url)
    assert reply.status_code == status
    assert message in json.loads(reply.data)["error"]


def test_route_refuses_other_formats(web: Any) -> None:
    assert web.get("/queries/members_of_alliance.xml").status_code == 404
