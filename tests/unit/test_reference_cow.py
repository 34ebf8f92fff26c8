"""Memberships from the Correlates of War IGO data, both layouts, with invented rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from loader.gazetteer import Gazetteer
from loader.reference.memberships import parse_memberships
from loader.reference.resolve_names import NameResolver

# IGO-year wide: one row per organisation and year, a column per state (COW's own state names),
# organisation attributes after the states. Statuses as COW writes them (floats).
WIDE = """\
ioname,orgname,year,usa,uk,egermany,wgermany,germany,svietnam,ruritania,sdate,political
OAS,An invented pan-American union,1898.0,1.0,0.0,,,,,0.0,1898.0,1.0
OAS,An invented pan-American union,1899.0,1.0,3.0,,,,,-9.0,1898.0,1.0
OAS,An invented pan-American union,1900.0,1.0,3.0,,,,,0.0,1898.0,1.0
OAS,An invented pan-American union,1901.0,1.0,2.0,,,,,0.0,1898.0,1.0
NATO,An invented treaty organisation,1988.0,1.0,1.0,0.0,1.0,,-1.0,1.0,1949.0,1.0
NATO,An invented treaty organisation,1989.0,1.0,1.0,0.0,1.0,,-1.0,1.0,1949.0,1.0
NATO,An invented treaty organisation,1990.0,1.0,1.0,,,1.0,-1.0,0.0,1949.0,1.0
NATO,An invented treaty organisation,1991.0,1.0,0.0,,,1.0,-1.0,0.0,1949.0,1.0
NATO,An invented treaty organisation,1992.0,1.0,1.0,,,1.0,-1.0,0.0,1949.0,1.0
"""
# State–IGO pairs: one row per state, organisation and year.
PAIRS = """\
state,ioname,year,status
kazakhstan,CSTO,2001,0
kazakhstan,CSTO,2002,1
kazakhstan,CSTO,2003,1
kazakhstan,CSTO,2004,1
uzbekistan,CSTO,2002,1
uzbekistan,CSTO,2003,-9
uzbekistan,CSTO,2004,3
serbia,CSTO,2003,3
"""


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def spells(path: Path, gazetteer: Gazetteer) -> tuple[list[tuple[str, str, str, str, str | None]], list[str]]:
    table = parse_memberships(path, NameResolver(gazetteer))
    found = sorted((c.relation.source, c.relation.target, c.relation.role or "", c.relation.since or "",
                    c.relation.until) for c in table.claims)
    return found, [p.describe(table.file) for p in table.problems]


def test_the_igo_year_layout_becomes_spells_with_roles(tmp_path: Path, gazetteer: Gazetteer) -> None:
    path = tmp_path / "igo_year.csv"
    path.write_text(WIDE, encoding="utf-8")
    found, problems = spells(path, gazetteer)
    assert found == [
        ("country:DEU", "alliance:nato", "member", "1990", None),
        ("country:FRG", "alliance:nato", "member", "1988", "1989"),  # West Germany until unification
        ("country:GBR", "alliance:nato", "member", "1988", "1990"),
        ("country:GBR", "alliance:nato", "member", "1992", None),  # a gap splits the spell in two
        ("country:GBR", "alliance:oas", "associate", "1901", None),
        ("country:GBR", "alliance:oas", "observer", "1899", "1900"),  # a change of role ends a spell
        ("country:USA", "alliance:nato", "member", "1988", None),
        ("country:USA", "alliance:oas", "member", "1898", None),  # before 1900, and still a member
    ]
    # A state the gazetteer does not know is reported with its line, only where it held a status.
    assert problems == ["igo_year.csv row 5 (line 6), column ruritania: 'ruritania' (1988) is not a state the "
                        "gazetteer knows — add it to cow_states.csv"]


def test_the_state_igo_pair_layout(tmp_path: Path, gazetteer: Gazetteer) -> None:
    path = tmp_path / "pairs.csv"
    path.write_text(PAIRS, encoding="utf-8")
    found, problems = spells(path, gazetteer)
    assert problems == []
    assert found == [
        ("country:KAZ", "alliance:csto", "member", "2002", None),
        ("country:SRB", "alliance:csto", "observer", "2003", "2003"),
        ("country:UZB", "alliance:csto", "member", "2002", "2002"),  # a missing year (-9) ends what is known
        ("country:UZB", "alliance:csto", "observer", "2004", None),
    ]


def test_an_unknown_organisation_is_reported_once(tmp_path: Path, gazetteer: Gazetteer) -> None:
    path = tmp_path / "pairs.csv"
    path.write_text("state,ioname,year,status\nfrance,Guild of Invented Things,1990,1\nfrance,NATO,1990,1\n",
                    encoding="utf-8")
    found, problems = spells(path, gazetteer)
    assert found == [("country:FRA", "alliance:nato", "member", "1990", None)]
    assert problems == ["pairs.csv row 1 (line 2), column ioname: 'Guild of Invented Things' is not in the "
                        "gazetteer — add it to a gazetteer file (GEOKG_GAZETTEER_FILES) or correct the spelling"]
