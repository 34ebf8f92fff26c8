"""Reference data against the real Neo4j: memberships on a date, registers, re-import, reconciliation."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from geokg.graphdb import Graph
from loader.gazetteer import Gazetteer
from loader.models import Entity, ExtractedArticle, Relation
from loader.reference.agencies import parse_agencies
from loader.reference.cli import import_group, reconcile_command
from loader.reference.importing import ImportResult, write_table
from loader.reference.memberships import parse_memberships
from loader.reference.reconcile import members_on_date, reconcile
from loader.reference.regions import REGIONS_FILE, parse_regions
from loader.reference.resolve_names import REFERENCE_DIR, NameResolver, load_register_names
from loader.reference.transfers import parse_transfers
from loader.write import write_articles

MEMBERSHIPS = REFERENCE_DIR / "memberships.csv"
TRANSFERS = REFERENCE_DIR / "arms_transfers_sample.csv"
AGENCIES = REFERENCE_DIR / "state_agencies.csv"

SIPRI_EXPORT = """\
Transfers of major weapons: Deals with deliveries or orders made for 2010 to 2024
Information generated: 27 November 2026

Recipient,Supplier,Year of order,,Number ordered,,Weapon designation,Weapon description,Number delivered,,\
Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons
Kazakhstan,Russian Federation,2014,,4,,Su-30SM,FGA aircraft,4,,2015,New,,35,140,140
Tajikistan,RUS,(2019),?,(10),?,Mi-8MTV-5,transport helicopter,(10),?,2019-2020,New,numbers estimated,7,70,70
Uzbekistan,Russia,2018,,12,,Mi-35M,combat helicopter,,,,,ordered only,9,108,0
Houthi rebels (Yemen)*,Iran,(2015),?,(20),?,Qiam-1,SRBM,(20),?,2015; 2016,,,1,20,20
Libya HoR*,unknown country,2019,,(8),,Pantsir-S1,SAM system,(8),,2019-2020,,,12,96,96
"""


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def resolver(gazetteer: Gazetteer, register: bool = False) -> NameResolver:
    return NameResolver(gazetteer, load_register_names() if register else None)


def load_reference(graph: Graph, gazetteer: Gazetteer) -> list[ImportResult]:
    return [
        write_table(graph, parse_memberships(MEMBERSHIPS, resolver(gazetteer))),
        write_table(graph, parse_transfers(TRANSFERS, resolver(gazetteer, register=True))),
        write_table(graph, parse_agencies(AGENCIES, resolver(gazetteer))),
    ]


def counts(graph: Graph) -> dict[str, int]:
    nodes = graph.read("MATCH (n) RETURN count(n) AS n")[0]["n"]
    rels = graph.read("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]
    claims = graph.read("MATCH (c:Claim) RETURN count(c) AS n")[0]["n"]
    return {"nodes": nodes, "rels": rels, "claims": claims}


def names_on(graph: Graph, organisation: str, on: str) -> set[str]:
    return {r["id"] for r in members_on_date(graph, organisation, on)}


def test_csto_members_on_a_date_come_from_the_curated_data(clean_graph: Graph, gazetteer: Gazetteer) -> None:
    load_reference(clean_graph, gazetteer)
    core = {"country:RUS", "country:ARM", "country:BLR", "country:KAZ", "country:KGZ", "country:TJK"}
    assert names_on(clean_graph, "CSTO", "2008-06-01") == core | {"country:UZB"}
    assert names_on(clean_graph, "alliance:csto", "2015") == core
    assert names_on(clean_graph, "Collective Security Treaty Organization", "1996") == (
        core | {"country:UZB", "country:AZE", "country:GEO"})
    assert len(names_on(clean_graph, "NATO", "2024-03-07")) == 32
    assert len(names_on(clean_graph, "NATO", "2024-03-06")) == 31
    assert "country:GBR" in names_on(clean_graph, "European Union", "2019-12-31")
    assert "country:GBR" not in names_on(clean_graph, "European Union", "2020-02-01")
    observers = members_on_date(clean_graph, "SCO", "2020", roles=("observer", "partner"))
    assert {"country:MNG", "country:IRN", "country:TUR"} <= {r["id"] for r in observers}
    uzb = clean_graph.read("MATCH (:Actor {id:'country:UZB'})-[r:MEMBER_OF]->(:Actor {id:'alliance:csto'}) "
                           "RETURN r.since AS since, r.until AS until, r.modality AS modality")
    assert uzb == [{"since": "1994-04-20", "until": "2012-12-19", "modality": "former"}]


def test_a_sipri_export_with_uncertain_values_loads(clean_graph: Graph, gazetteer: Gazetteer,
                                                    tmp_path: Path) -> None:
    path = tmp_path / "trade-register.csv"
    path.write_text(SIPRI_EXPORT, encoding="utf-8")
    table = parse_transfers(path, resolver(gazetteer, register=True))
    assert table.problems == []
    assert [p.row for p in table.unplaced] == [5]
    result = write_table(clean_graph, table)
    assert result.new_claims == 4
    tjk = clean_graph.read(
        "MATCH (c:Claim {extractor: 'sipri:trade-register.csv'})-[:OBJECT]->(:Actor {id: 'country:TJK'}) "
        "RETURN c.number_ordered AS ordered, c.number_ordered_uncertain AS uncertain, c.order_year AS year, "
        "c.order_year_uncertain AS year_uncertain, c.delivery_years AS years, c.modality AS modality, "
        "c.weapon AS weapon, c.since AS since, c.until AS until")
    assert tjk == [{"ordered": 10, "uncertain": True, "year": 2019, "year_uncertain": True,
                    "years": [2019, 2020], "modality": "delivered", "weapon": "Mi-8MTV-5",
                    "since": "2019", "until": "2020"}]
    edge = clean_graph.read("MATCH (:Actor {id:'country:RUS'})-[r:SUPPLIES_ARMS_TO]->(:Actor {id:'country:UZB'}) "
                            "RETURN r.modality AS modality, r.items AS items, r.since AS since, r.until AS until, "
                            "r.reference_claims AS ref")
    assert edge == [{"modality": "ordered", "items": ["Mi-35M (combat helicopter)"], "since": "2018",
                     "until": None, "ref": 1}]
    houthis = clean_graph.read("MATCH (:Actor {id:'country:IRN'})-[r:SUPPLIES_ARMS_TO]->(:Actor {id:'group:houthis'}) "
                               "RETURN r.items AS items")
    assert houthis == [{"items": ["Qiam-1 (SRBM)"]}]


def test_reimporting_the_same_files_changes_no_count(clean_graph: Graph, gazetteer: Gazetteer) -> None:
    first = load_reference(clean_graph, gazetteer)
    before = counts(clean_graph)
    assert sum(r.new_claims for r in first) == before["claims"]
    again = load_reference(clean_graph, gazetteer)
    assert counts(clean_graph) == before
    assert sum(r.new_claims for r in again) == 0
    assert sum(r.existing_claims for r in again) == before["claims"]


def test_import_commands_report_rows_and_exit_codes(clean_graph: Graph, tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(import_group, ["memberships", str(MEMBERSHIPS)])
    assert ok.exit_code == 0, ok.output
    assert "271 rows, 271 loaded" in ok.output
    bad = tmp_path / "members.csv"
    bad.write_text("member,organisation,role,since,until,source\n"
                   "Finland,NATO,member,2023-04-04,,ok\n"
                   "Sweden,NATO,member,2024-13-07,,bad month\n"
                   "Atlantis,NATO,member,2024,,unknown state\n", encoding="utf-8")
    partial = runner.invoke(import_group, ["memberships", str(bad), "--format", "json"])
    assert partial.exit_code == 1
    report = json.loads(partial.stdout)
    assert report["loaded"] == 1
    assert [(p["row"], p["column"]) for p in report["skipped"]] == [(2, "since"), (3, "member")]
    assert "members.csv row 2 (line 3), column since" in partial.stderr
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("member,alliance_name,role\nFinland,NATO,member\n", encoding="utf-8")
    before = counts(clean_graph)
    rejected = runner.invoke(import_group, ["memberships", str(wrong)])
    assert rejected.exit_code == 2
    assert "unknown column 'alliance_name'" in rejected.stderr
    assert counts(clean_graph) == before


SEED_DATE = date(2021, 8, 23)
RUS = Entity(id="country:RUS", name="Russia", kind="Country", mentions=7, iso3="RUS")
CENTRAL_ASIA = Entity(id="region:central-asia", name="Central Asia", kind="Region", mentions=3)
CSTO = Entity(id="alliance:csto", name="Collective Security Treaty Organization", kind="Alliance",
              aliases=["CSTO"], mentions=3)
CSTO_MEMBERS = {"country:RUS": "Russia", "country:ARM": "Armenia", "country:BLR": "Belarus",
                "country:KAZ": "Kazakhstan", "country:KGZ": "Kyrgyzstan", "country:TJK": "Tajikistan"}


def seed_article() -> ExtractedArticle:
    """What an August 2021 report said about arms and the CSTO (in sentences written for the tests)."""
    members = [Entity(id=i, name=n, kind="Country", mentions=1) for i, n in CSTO_MEMBERS.items() if i != RUS.id]
    listing = ("Founded in 2002, the Collective Security Treaty Organization groups six states: Armenia, "
               "Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan.")
    relations = [Relation(source=RUS.id, type="SUPPLIES_ARMS_TO", target=CENTRAL_ASIA.id, confidence=0.8,
                          modality="offered", items=["weapons", "military hardware"],
                          evidence="Russia stands ready to sell arms and military equipment cheaply to its "
                                   "partners in Central Asia")]
    relations += [Relation(source=i, type="MEMBER_OF", target=CSTO.id, confidence=0.9, evidence=listing)
                  for i in CSTO_MEMBERS]
    return ExtractedArticle(id="seed", title="Moscow Offers Cut-Price Arms To Central Asian Partners",
                            path="seed-article.txt", published=SEED_DATE, source="Example Wire",
                            entities=[RUS, CENTRAL_ASIA, CSTO, *members], relations=relations,
                            cited_sources=["RIA Novosti"])


def fabricated_article() -> ExtractedArticle:
    uzb = Entity(id="country:UZB", name="Uzbekistan", kind="Country", mentions=1)
    claim = Relation(source=uzb.id, type="MEMBER_OF", target=CSTO.id, confidence=0.9,
                     evidence="Uzbekistan, a member of the CSTO, hosted the drills.")
    return ExtractedArticle(id="fabricated", title="Drills in Termez", path="fabricated.txt",
                            published=date(2021, 5, 10), entities=[uzb, CSTO], relations=[claim])


def regions_and_parents(gazetteer: Gazetteer) -> tuple[dict[str, set[str]], dict[str, str | None]]:
    regions, problems = parse_regions(REGIONS_FILE, resolver(gazetteer))
    assert problems == []
    parents = {e.id: e.parent for e in gazetteer.entries() if e.parent}
    return regions, parents


def edge_verdict(graph: Graph, source: str, type_: str, target: str) -> str | None:
    rows = graph.read("MATCH (s:Actor {id: $s})-[r]->(t:Actor {id: $t}) WHERE type(r) = $type "
                      "RETURN r.reconciliation AS status", {"s": source, "t": target, "type": type_})
    assert len(rows) == 1, rows
    return rows[0]["status"]  # type: ignore[no-any-return]


def test_the_seed_article_is_confirmed_by_the_reference_data(clean_graph: Graph, gazetteer: Gazetteer) -> None:
    load_reference(clean_graph, gazetteer)
    write_articles(clean_graph, [seed_article()])
    regions, parents = regions_and_parents(gazetteer)
    report, _ = reconcile(clean_graph, regions, parents)
    assert edge_verdict(clean_graph, RUS.id, "SUPPLIES_ARMS_TO", CENTRAL_ASIA.id) == "confirmed"
    for member in CSTO_MEMBERS:
        assert edge_verdict(clean_graph, member, "MEMBER_OF", CSTO.id) == "confirmed"
    assert report.edges["confirmed"] == 7 and report.edges["contradicted"] == 0
    note = clean_graph.read("MATCH (c:Claim {extractor: 'news:rules', type: 'SUPPLIES_ARMS_TO'}) "
                            "RETURN c.reconciliation AS status, c.reconciliation_note AS note")[0]
    assert note["status"] == "confirmed" and "Kazakhstan" in note["note"]
    # Reference-only edges carry no verdict: they are the reference.
    assert edge_verdict(clean_graph, "country:RUS", "SUPPLIES_ARMS_TO", "country:IND") is None


def test_a_fabricated_membership_is_reported_as_a_contradiction(clean_graph: Graph, gazetteer: Gazetteer) -> None:
    load_reference(clean_graph, gazetteer)
    write_articles(clean_graph, [seed_article(), fabricated_article()])
    osce = Entity(id="alliance:osce", name="OSCE", kind="Alliance", mentions=1)
    write_articles(clean_graph, [ExtractedArticle(
        id="silent", title="OSCE", path="osce.txt", published=SEED_DATE, entities=[RUS, osce],
        relations=[Relation(source=RUS.id, type="MEMBER_OF", target=osce.id, confidence=0.9,
                            evidence="Russia, an OSCE member, objected.")])])
    result = CliRunner().invoke(reconcile_command, ["--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["edges"] == {"confirmed": 7, "contradicted": 1, "silent": 1}
    [contradiction] = report["contradictions"]
    assert (contradiction["source"], contradiction["type"], contradiction["target"]) == (
        "country:UZB", "MEMBER_OF", "alliance:csto")
    assert "left" in contradiction["note"] and "2012-12-19" in contradiction["note"]
    assert contradiction["claims"][0]["reported"] == "2021-05-10"
    assert edge_verdict(clean_graph, "country:UZB", "MEMBER_OF", CSTO.id) == "contradicted"
    text = CliRunner().invoke(reconcile_command, [])
    assert "contradicted      1" in text.output and "Uzbekistan MEMBER_OF" in text.output


def test_reconciling_twice_leaves_the_same_graph(clean_graph: Graph, gazetteer: Gazetteer) -> None:
    load_reference(clean_graph, gazetteer)
    write_articles(clean_graph, [seed_article(), fabricated_article()])
    regions, parents = regions_and_parents(gazetteer)
    first, _ = reconcile(clean_graph, regions, parents)
    state = clean_graph.read("MATCH ()-[r]->() WHERE r.reconciliation IS NOT NULL "
                             "RETURN type(r) AS t, r.reconciliation AS s, r.reconciliation_note AS n ORDER BY t, s, n")
    second, _ = reconcile(clean_graph, regions, parents)
    assert first.edges == second.edges
    assert clean_graph.read("MATCH ()-[r]->() WHERE r.reconciliation IS NOT NULL "
                            "RETURN type(r) AS t, r.reconciliation AS s, r.reconciliation_note AS n "
                            "ORDER BY t, s, n") == state


def test_replace_makes_the_graph_match_an_edited_file(clean_graph: Graph, gazetteer: Gazetteer,
                                                      tmp_path: Path) -> None:
    path = tmp_path / "members.csv"
    header = "member,organisation,role,since,until,source\n"
    path.write_text(header + "Finland,NATO,member,2023,,first\nSweden,NATO,member,2024-03-07,,ok\n", encoding="utf-8")
    write_table(clean_graph, parse_memberships(path, resolver(gazetteer)))
    path.write_text(header + "Finland,NATO,member,2023-04-04,,corrected\n", encoding="utf-8")
    result = write_table(clean_graph, parse_memberships(path, resolver(gazetteer)), replace=True)
    assert (result.new_claims, result.removed_claims) == (1, 2)
    edges = clean_graph.read("MATCH (m:Actor)-[r:MEMBER_OF]->(:Actor {id: 'alliance:nato'}) "
                             "RETURN m.id AS member, r.since AS since, r.claims AS claims")
    assert edges == [{"member": "country:FIN", "since": "2023-04-04", "claims": 1}]
    assert clean_graph.read("MATCH (c:Claim) RETURN count(c) AS n") == [{"n": 1}]
