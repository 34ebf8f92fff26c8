"""The memberships reader: good rows become MEMBER_OF claims, bad rows are listed with row and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from loader.gazetteer import Gazetteer
from loader.reference.agencies import parse_agencies
from loader.reference.memberships import parse_memberships
from loader.reference.resolve_names import NameResolver
from loader.reference.tables import TableRejected

HEADER = "member,organisation,role,since,until,source\n"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def write(tmp_path: Path, text: str, name: str = "members.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_rows_become_claims_with_a_time_axis(tmp_path: Path, gazetteer: Gazetteer) -> None:
    path = write(tmp_path, HEADER
                 + "Uzbekistan,CSTO,former,2006-06-23,2012-12-19,CSTO statement\n"
                 + "RUS,Collective Security Treaty Organization,member,1994,,Treaty in force\n"
                 + "Mongolia,SCO,observer,2004,,\n")
    table = parse_memberships(path, NameResolver(gazetteer))
    assert table.problems == [] and table.rows == 3
    uzb, rus, mng = (c.relation for c in table.claims)
    assert (uzb.source, uzb.target, uzb.modality, uzb.role, uzb.since, uzb.until) == (
        "country:UZB", "alliance:csto", "former", "former", "2006-06-23", "2012-12-19")
    assert (rus.source, rus.modality, rus.role, rus.since, rus.until) == ("country:RUS", "asserted", "member",
                                                                         "1994", None)
    assert (mng.role, mng.modality) == ("observer", "asserted")
    assert table.claims[0].extractor == "curated:members.csv"
    assert table.details[0] == {"reference_source": "CSTO statement", "row": 1}
    assert uzb.evidence == ("Uzbekistan was a member of CSTO from 2006-06-23 until 2012-12-19. "
                            "Source: CSTO statement")


def test_bad_rows_are_skipped_and_named(tmp_path: Path, gazetteer: Gazetteer) -> None:
    path = write(tmp_path, HEADER
                 + "Finland,NATO,member,2023-04-04,,ok\n"
                 + "Sweden,NATO,member,07/03/2024,,date in the wrong format\n"
                 + "Atlantis,NATO,member,2024,,unknown state\n"
                 + "Norway,NATO,ally,1949,,unknown role\n"
                 + "Norway,Central Asia,member,1949,,not an organisation\n"
                 + "Georgia,CIS,former,2009,1993,exit before entry\n"
                 + "Norway,NATO,member,1949,,,extra cell\n")
    table = parse_memberships(path, NameResolver(gazetteer))
    assert len(table.claims) == 1 and table.rows == 7
    assert [(p.row, p.line, p.column) for p in table.problems] == [
        (2, 3, "since"), (3, 4, "member"), (4, 5, "role"), (5, 6, "organisation"), (6, 7, "until"), (7, 8, None)]
    assert table.problems[0].describe("members.csv") == (
        "members.csv row 2 (line 3), column since: '07/03/2024' is not a date — use YYYY, YYYY-MM or YYYY-MM-DD")
    assert table.unresolved == {"Atlantis": 1}


@pytest.mark.parametrize(("header", "message"), [
    ("member,alliance_name,role\n", "unknown column 'alliance_name'"),
    ("member,role,since\n", "missing column(s) organisation"),
    ("member,organisation,role,role\n", "appears twice"),
])
def test_a_wrong_header_rejects_the_file(tmp_path: Path, gazetteer: Gazetteer, header: str, message: str) -> None:
    path = write(tmp_path, header + "Finland,NATO,member\n")
    with pytest.raises(TableRejected, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_memberships(path, NameResolver(gazetteer))


def test_header_spelling_and_semicolons_are_tolerated(tmp_path: Path, gazetteer: Gazetteer) -> None:
    path = write(tmp_path, "Member;Organization;Role;Since;Until;Source\nFinland;NATO;member;2023-04-04;;NATO\n")
    table = parse_memberships(path, NameResolver(gazetteer))
    assert [c.relation.source for c in table.claims] == ["country:FIN"]


def test_agencies_become_part_of_claims(tmp_path: Path, gazetteer: Gazetteer) -> None:
    path = write(tmp_path, "agency,state,role,since,until,source\n"
                           "Rosoboronexport,Russian Federation,state arms exporter,2000-11-04,,decree\n"
                           "Rosoboronexport,Atlantis,,,,\n"
                           "Russia,Russia,,,,\n", name="agencies.csv")
    table = parse_agencies(path, NameResolver(gazetteer))
    [claim] = table.claims
    assert (claim.relation.source, claim.relation.type, claim.relation.target, claim.relation.role) == (
        "company:rosoboronexport", "PART_OF", "country:RUS", "state arms exporter")
    assert [(p.row, p.column) for p in table.problems] == [(2, "state"), (3, "agency")]
