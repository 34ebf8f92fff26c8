"""The SIPRI-layout register reader: header variants, bracketed estimates, unknown parties, bad rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from loader.gazetteer import Gazetteer
from loader.reference.resolve_names import NameResolver, load_register_names
from loader.reference.tables import TableRejected
from loader.reference.transfers import parse_transfers

# The column order and extra columns of a trade-register CSV export, with title lines above it.
EXPORT = """\
Transfers of major weapons: Deals with deliveries or orders made for 2010 to 2024
Information generated: 27 November 2026

Recipient,Supplier,Year of order,,Number ordered,,Weapon designation,Weapon description,Number delivered,,\
Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons
India,Russia,2018,,5,,S-400,SAM system,(3),?,2021-2023,New,,200,1000,600
Egypt,Russia,(2018),?,(24),?,Su-35,FGA aircraft,,,,,cancelled,35,840,0
Libya HoR*,unknown country,2019,,(8),,Pantsir-S1,SAM system,(8),,2019-2020,,,12,96,96
"""
# The older register layout: supplier first, status and comments in one column.
REGISTER = """\
Supplier,Recipient,Year of order,No. ordered,Weapon designation,Weapon description,Years of delivery,\
No. delivered,Status/Comments
Turkiye,Ukraine,2019,(12),Bayraktar TB2,UAV,2019; 2020; 2021,(12),New
"""


@pytest.fixture(scope="module")
def resolver() -> NameResolver:
    return NameResolver(Gazetteer.load(), load_register_names())


def write(tmp_path: Path, text: str, name: str = "register.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_real_export_layout_with_estimates(tmp_path: Path, resolver: NameResolver) -> None:
    table = parse_transfers(write(tmp_path, EXPORT), resolver)
    assert table.problems == [] and table.rows == 3
    assert [(p.row, p.line) for p in table.unplaced] == [(3, 7)]
    india, egypt = table.claims
    rel = india.relation
    assert (rel.source, rel.type, rel.target, rel.modality, rel.since, rel.until, rel.items) == (
        "country:RUS", "SUPPLIES_ARMS_TO", "country:IND", "delivered", "2018", "2023", ["S-400 (SAM system)"])
    assert india.extractor == "sipri:register.csv"
    details = table.details[0]
    assert details["number_ordered"] == 5 and details["number_ordered_uncertain"] is False
    assert details["number_delivered"] == 3 and details["number_delivered_uncertain"] is True
    assert details["delivery_years"] == [2021, 2022, 2023] and details["status"] == "New"
    assert egypt.relation.modality == "ordered" and egypt.relation.until is None
    assert table.details[1]["order_year_uncertain"] is True and table.details[1]["comments"] == "cancelled"


def test_the_older_register_layout(tmp_path: Path, resolver: NameResolver) -> None:
    table = parse_transfers(write(tmp_path, REGISTER), resolver)
    [claim] = table.claims
    assert (claim.relation.source, claim.relation.target, claim.relation.until) == (
        "country:TUR", "country:UKR", "2021")
    assert table.details[0]["delivery_years"] == [2019, 2020, 2021]
    assert table.details[0]["comments"] == "New"


def test_bad_rows_name_row_and_column(tmp_path: Path, resolver: NameResolver) -> None:
    text = REGISTER + ("Russia,India,twenty,5,S-400,SAM system,2021,3,\n"
                       "Russia,India,2018,five,S-400,SAM system,2021,3,\n"
                       "Russia,India,2018,5,S-400,SAM system,2023-2021,3,\n"
                       "Russia,Atlantis,2018,5,S-400,SAM system,2021,3,\n"
                       "Russia,India,,5,S-400,SAM system,2021,3,\n"
                       "Russia,India,2018,5,,,2021,3,\n")
    table = parse_transfers(write(tmp_path, text), resolver)
    assert len(table.claims) == 1
    assert [(p.row, p.column) for p in table.problems] == [
        (2, "year of order"), (3, "number ordered"), (4, "years of delivery"), (5, "recipient"),
        (6, "year of order"), (7, "weapon designation")]
    assert "row 3 (line 4), column number ordered: 'five' is not a number" in table.problems[1].describe("r.csv")


@pytest.mark.parametrize(("text", "message"), [
    ("Country,Year,Value\nRussia,2020,5\n", "no header with supplier and recipient"),
    ("Supplier,Recipient,Weapon designation\nRussia,India,S-400\n", "missing column(s) order_year"),
    ("Supplier,Recipient,Year of order,Price\nRussia,India,2018,5\n", "unknown column 'Price'"),
    ("Supplier,Recipient,Year of order\nRussia,India,2018\n", "weapon designation or weapon description"),
])
def test_a_file_that_is_not_a_register_is_rejected(tmp_path: Path, resolver: NameResolver, text: str,
                                                   message: str) -> None:
    with pytest.raises(TableRejected) as info:
        parse_transfers(write(tmp_path, text), resolver)
    assert message in str(info.value) and "\n" not in str(info.value)
