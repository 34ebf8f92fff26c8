"""The shipped reference tables: every row parses, resolves and carries a source."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict

import pytest

from loader.gazetteer import Gazetteer
from loader.reference.agencies import parse_agencies
from loader.reference.memberships import parse_memberships
from loader.reference.regions import REGIONS_FILE, parse_regions
from loader.reference.resolve_names import REFERENCE_DIR, NameResolver, load_register_names
from loader.reference.transfers import parse_transfers


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def current_members(rows: list[dict[str, str]]) -> dict[str, set[str]]:
    members: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row["role"] == "member" and not row["until"]:
            members[row["organisation"]].add(row["member"])
    return members


def test_memberships_load_completely_with_sources(gazetteer: Gazetteer) -> None:
    path = REFERENCE_DIR / "memberships.csv"
    table = parse_memberships(path, NameResolver(gazetteer))
    assert table.problems == [] and len(table.claims) == table.rows
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert all(row["source"].strip() for row in rows)
    members = current_members(rows)
    expected = {"NATO": 32, "European Union": 27, "CSTO": 6, "GCC": 6, "AUKUS": 3, "Quad": 4, "Five Eyes": 5,
                "Arab League": 22, "ASEAN": 11, "SCO": 10, "BRICS": 10, "CIS": 9}
    assert {org: len(members[org]) for org in expected} == expected
    assert len(members["African Union"]) >= 54 and len(members["OAS"]) >= 33
    roles = Counter(row["role"] for row in rows)
    assert roles["observer"] and roles["partner"] and roles["former"]
    uzbekistan = [(r["since"], r["until"]) for r in rows if r["member"] == "Uzbekistan" and r["organisation"] == "CSTO"]
    assert ("2006-06-23", "2012-12-19") in uzbekistan
    assert ("United Kingdom", "former", "2020-01-31") in {(r["member"], r["role"], r["until"]) for r in rows
                                                        if r["organisation"] == "European Union"}


def test_the_sample_register_loads_with_estimates_and_unknown_parties(gazetteer: Gazetteer) -> None:
    table = parse_transfers(REFERENCE_DIR / "arms_transfers_sample.csv", NameResolver(gazetteer, load_register_names()))
    assert table.problems == []
    assert 40 <= table.rows <= 60 and len(table.unplaced) == 2
    assert any(d["number_delivered_uncertain"] for d in table.details)
    assert {c.relation.modality for c in table.claims} == {"delivered", "ordered"}
    weapons = {(c.relation.source, c.relation.target, d["weapon"]) for c, d in zip(table.claims, table.details,
                                                                                    strict=True)}
    assert ("country:RUS", "country:IND", "S-400 Triumf") in weapons
    assert ("country:IRN", "country:RUS", "Shahed-136") in weapons


def test_agencies_and_regions_resolve(gazetteer: Gazetteer) -> None:
    agencies = parse_agencies(REFERENCE_DIR / "state_agencies.csv", NameResolver(gazetteer))
    assert agencies.problems == [] and len(agencies.claims) >= 25
    assert ("company:rosoboronexport", "country:RUS") in {(c.relation.source, c.relation.target)
                                                          for c in agencies.claims}
    regions, problems = parse_regions(REGIONS_FILE, NameResolver(gazetteer))
    assert problems == []
    assert regions["region:central-asia"] == {"country:KAZ", "country:KGZ", "country:TJK", "country:TKM",
                                              "country:UZB"}
