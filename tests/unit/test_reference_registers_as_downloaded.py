"""Registers as SIPRI's site ships them, each quirk pinned with invented rows: Latin-1 text, title lines,
comments broken over two lines, a spreadsheet round trip's `;;;;`, the per-delivery-year layout, starred
non-state parties, historic states, and deals as identities across exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from loader.gazetteer import Gazetteer
from loader.reference.resolve_names import NameResolver, UnresolvedName, load_register_names
from loader.reference.tables import TableRejected
from loader.reference.transfers import parse_transfers

HEADER = ("Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,"
          "Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,"
          "SIPRI TIV of delivered weapons")
TITLE = ("Arms transfers from every supplier to every recipient, invented for a test\n"
         "A '?' marks an estimate.\n\nSource: a test of our own\nGenerated: 1 Jan 2030\n")
# Invented deals, in the classic layout; the third row's comment is broken over two lines, as SIPRI's are.
ROWS = [
    "Angola,Soviet Union,1976,?,40,?,T-54,tank,40,?,1977; 1978,Second hand,Kr\xe4mer engines,0.8,32,32",
    "UNITA (Angola)*,South Africa,1985,?,10,?,Eland-90,armoured car,10,?,1986,Second hand,,0.4,4,4",
    "Mozambique,East Germany (GDR),1982,,6,,BTR-152,APC,6,,1983,Second hand,For the border guard; the first\n"
    " batch came by sea,0.1,0.6,0.6",
    "PRC (Israel/Palestine)*,Atlantis,2014,?,5,?,Sling,anti-tank missile,5,?,2014,New,,0.01,0.05,0.05",
    "SNA (Somalia)*,Eritrea,1998,?,20,?,Strela-2,portable SAM,20,?,1998,New,,0.04,0.8,0.8",
    "Ghana,Czechoslovakia,1961,,4,,L-29 Delfin,jet trainer,4,,1962,New,,1,4,4",
]


@pytest.fixture(scope="module")
def resolver_factory() -> Gazetteer:
    return Gazetteer.load()


def fresh(gazetteer: Gazetteer) -> NameResolver:
    return NameResolver(gazetteer, load_register_names())


def export(tmp_path: Path, rows: list[str], name: str = "trade-register.csv", encoding: str = "latin-1") -> Path:
    path = tmp_path / name
    path.write_bytes((TITLE + HEADER + "\n" + "\n".join(rows) + "\n").encode(encoding))
    return path


def test_a_latin1_export_with_title_lines_and_a_broken_comment(tmp_path: Path,
                                                              resolver_factory: Gazetteer) -> None:
    table = parse_transfers(export(tmp_path, ROWS), fresh(resolver_factory))
    assert table.rows == 6  # the broken comment is one row, not two
    pairs = [(c.relation.source, c.relation.target) for c in table.claims]
    assert pairs == [("country:SUN", "country:AGO"), ("country:ZAF", "group:unita"),
                     ("country:DDR", "country:MOZ"), ("country:ERI", "group:somali-national-alliance"),
                     ("country:CSK", "country:GHA")]
    assert table.details[0]["delivery_years"] == [1977, 1978] and table.details[0]["comments"] == "Kr\xe4mer engines"
    assert table.details[0]["number_ordered_uncertain"] is True
    assert table.details[2]["comments"] == "For the border guard; the first batch came by sea"
    # "Atlantis" is no actor: the row is skipped with its line and the reason, and nothing else is.
    [problem] = table.problems
    assert problem.describe(table.file) == (
        "trade-register.csv row 4 (line 11), column supplier: 'Atlantis' is not in the gazetteer — add it to a "
        "gazetteer file (GEOKG_GAZETTEER_FILES) or correct the spelling")


def test_starred_names_are_non_state_and_acronyms_need_their_qualifier(resolver_factory: Gazetteer) -> None:
    resolver = fresh(resolver_factory)
    assert resolver.resolve("PRC (Israel/Palestine)*").id == "group:popular-resistance-committees"
    assert resolver.resolve("SNA (Somalia)*").id == "group:somali-national-alliance"
    assert resolver.resolve("Hezbollah (Lebanon)*").id == "group:hezbollah"
    # Unstarred, the same acronyms keep their everyday meaning.
    assert resolver.resolve("PRC").id == "country:CHN"
    assert resolver.resolve("SNA").id == "group:sna"
    # A starred acronym whose qualified form is unknown resolves to nothing rather than to a namesake...
    with pytest.raises(UnresolvedName, match="not in the gazetteer"):
        resolver.resolve("SNA (Syria)*")
    with pytest.raises(UnresolvedName, match="not in the gazetteer"):
        resolver.resolve("PRC (Taiwan)*")
    # ...and a starred name never resolves to a state, even when its words name one.
    with pytest.raises(UnresolvedName, match="non-state actor"):
        resolver.resolve("China (Tibet)*")
    assert resolver.resolve("NATO**").id == "alliance:nato"  # two stars: an international organisation


def test_historic_states_carry_their_dates(resolver_factory: Gazetteer) -> None:
    for name, actor, since, until in [("Soviet Union", "country:SUN", "1922-12-30", "1991-12-26"),
                                      ("Yugoslavia", "country:YUG", "1918-12-01", "2003-02-04"),
                                      ("North Yemen", "country:YAR", "1962-09-26", "1990-05-22"),
                                      ("South Vietnam", "country:RVN", "1955-10-26", "1975-04-30")]:
        entry = resolver_factory.lookup(name)
        assert entry is not None and (entry.id, entry.kind, entry.since, entry.until) == (
            actor, "Country", since, until)
    assert resolver_factory.lookup("Russia").id == "country:RUS"  # the Soviet Union is not Russia


def test_a_spreadsheet_round_trip_with_semicolon_padding(tmp_path: Path, resolver_factory: Gazetteer) -> None:
    path = tmp_path / "resaved.csv"
    lines = [HEADER + ";" * 30, *(row.replace("\n", "") + ";" * 40 for row in (ROWS[0], ROWS[5]))]
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    table = parse_transfers(path, fresh(resolver_factory))
    assert table.problems == [] and len(table.claims) == 2
    assert table.details[1]["weapon"] == "L-29 Delfin"


NEW_LAYOUT = """\
Arms transfers from one supplier, invented for a test
Generated: 1 Jan 2030

SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Armament category,Order date,\
Order date is estimate,Numbers delivered,Numbers delivered is estimate,Delivery year,Delivery year is estimate,\
Status,SIPRI estimate,TIV deal unit,TIV delivery values,Local production
900001,France,Greece,Exocet,anti-ship missile,Missiles,2010,No,8,No,2011,No,New,0.5,0.5,4,No
900001,France,Greece,Exocet,anti-ship missile,Missiles,2010,No,12,Yes,2013,No,New,0.5,0.5,6,No
900002,France,Syria rebels*,Milan,anti-tank missile,Missiles,2013,Yes,30,Yes,2013,Yes,Second hand,0.02,0.01,0.3,No
900001,France,Greece,Exocet,anti-ship missile,Missiles,2010,No,5,No,2015,No,New,0.5,0.5,2.5,No
"""


def test_the_per_delivery_year_layout_makes_one_claim_per_deal(tmp_path: Path,
                                                               resolver_factory: Gazetteer) -> None:
    path = tmp_path / "new.csv"
    path.write_text(NEW_LAYOUT, encoding="utf-8-sig")
    table = parse_transfers(path, fresh(resolver_factory))
    assert table.problems == [] and len(table.claims) == 2
    greece, rebels = table.claims
    assert (greece.relation.target, greece.relation.since, greece.relation.until) == ("country:GRC", "2010", "2015")
    assert table.details[0]["delivery_years"] == [2011, 2013, 2015]
    assert table.details[0]["number_delivered"] == 25 and table.details[0]["number_delivered_uncertain"] is True
    assert greece.identity == "sipri-id:900001" and greece.row == 1
    assert rebels.relation.target == "group:syria-rebels" and table.details[1]["order_year_uncertain"] is True


def test_deals_are_identities_across_exports(tmp_path: Path, resolver_factory: Gazetteer) -> None:
    older = parse_transfers(export(tmp_path, ROWS[:2], name="register-2024.csv"), fresh(resolver_factory))
    newer_rows = [ROWS[1].replace(",1986,Second hand,", ",1986,Second hand; refurbished,"), ROWS[0], ROWS[0]]
    newer = parse_transfers(export(tmp_path, newer_rows, name="register-2025.csv"), fresh(resolver_factory))
    old_ids = {c.claim_id() for c in older.claims}
    new_ids = [c.claim_id() for c in newer.claims]
    # The same deals keep their ids though the file, the row order and a status changed...
    assert set(new_ids[:2]) == old_ids
    # ...and a second order of the same weapon in the same year is a deal of its own.
    assert len(set(new_ids)) == 3
    assert newer.claims[0].extractor == "sipri:register-2025.csv"  # the file is provenance, not identity


def test_a_tiv_volume_table_is_refused_with_what_it_is(tmp_path: Path, resolver_factory: Gazetteer) -> None:
    path = tmp_path / "tiv.csv"
    path.write_text("Volume of transfers, invented\nFigures are in millions of SIPRI trend-indicator values (TIVs).\n\n"
                    "Recipient,2020,2021,Total\nFreedonia,1,2,3\n", encoding="latin-1")
    with pytest.raises(TableRejected, match="table of TIV volumes by year, not a trade register"):
        parse_transfers(path, fresh(resolver_factory))
