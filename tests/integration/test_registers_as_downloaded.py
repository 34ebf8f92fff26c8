"""Registers as downloaded, against the real Neo4j: a deal is one claim however many exports state it.

The test with SIPRI's own exports reads them from ../shared/real-inputs beside the checkout and is
skipped when that folder is absent (the files are SIPRI's and never ship with the project); the
invented registers below pin the same behaviour in every checkout.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from geokg.graphdb import Graph
from loader.gazetteer import Gazetteer
from loader.reference.importing import write_table
from loader.reference.resolve_names import NameResolver, is_non_state, load_register_names
from loader.reference.tables import read_lines
from loader.reference.transfers import parse_transfers

REAL_INPUTS = Path(__file__).resolve().parents[3] / "shared" / "real-inputs"
REAL_EXPORTS = ("sipri_trade_register_all_1950-2024_MJHofmann.csv", "sipri_trade_register_all_2025-03_ColasDroin.csv",
                "sipri_trade_register_all_2026-05_alexarui.csv")

HEADER = ("Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,"
          "Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,"
          "SIPRI TIV of delivered weapons")
# Invented deals. The later export revises a status and a delivery, lists the deals in another order
# and adds one deal.
EARLY = ["Kenya,Soviet Union,1975,,4,,MiG-21,fighter aircraft,,,,New,on order,5,20,",
         "Kenya,Soviet Union,1975,,2,,Mi-8,transport helicopter,2,,1976,New,,2,4,4",
         "UNITA (Angola)*,South Africa,1987,?,6,?,G-5,towed gun,6,?,1988,Second hand,,0.5,3,3"]
LATER = ["UNITA (Angola)*,South Africa,1987,?,6,?,G-5,towed gun,6,?,1988,Second hand,,0.5,3,3",
         "Kenya,Soviet Union,1975,,4,,MiG-21,fighter aircraft,4,,1977,New,delivered late,5,20,20",
         "Kenya,Soviet Union,1975,,2,,Mi-8,transport helicopter,2,,1976,New,,2,4,4",
         "Kenya,Soviet Union,1978,,2,,Mi-8,transport helicopter,2,,1979,New,,2,4,4"]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def resolver(gazetteer: Gazetteer) -> NameResolver:
    return NameResolver(gazetteer, load_register_names())


def register(tmp_path: Path, name: str, rows: list[str]) -> Path:
    path = tmp_path / name
    path.write_bytes(("Title line\nGenerated: some day\n\n" + HEADER + "\n" + "\n".join(rows) + "\n").encode("latin-1"))
    return path


def edge_claims(graph: Graph) -> dict[tuple[str, str], tuple[int, int]]:
    rows = graph.read("MATCH (s:Actor)-[r:SUPPLIES_ARMS_TO]->(t:Actor) RETURN s.id AS s, t.id AS t, "
                      "r.claims AS claims, r.sources AS sources")
    return {(r["s"], r["t"]): (r["claims"], r["sources"]) for r in rows}


def test_a_newer_export_updates_deals_and_never_doubles_a_count(clean_graph: Graph, gazetteer: Gazetteer,
                                                              tmp_path: Path) -> None:
    first = write_table(clean_graph, parse_transfers(register(tmp_path, "export-1.csv", EARLY), resolver(gazetteer)))
    assert first.new_claims == 3
    later = write_table(clean_graph, parse_transfers(register(tmp_path, "export-2.csv", LATER), resolver(gazetteer)))
    assert (later.new_claims, later.existing_claims) == (1, 3)
    assert edge_claims(clean_graph) == {("country:SUN", "country:KEN"): (3, 1),
                                        ("country:ZAF", "group:unita"): (1, 1)}
    mig = clean_graph.read("MATCH (c:Claim {weapon: 'MiG-21'}) RETURN c.modality AS modality, c.comments AS comments, "
                           "c.delivery_years AS years, c.files AS files, c.extractor AS extractor")
    assert mig == [{"modality": "delivered", "comments": "delivered late", "years": [1977],
                    "files": ["sipri:export-1.csv", "sipri:export-2.csv"], "extractor": "sipri:export-2.csv"}]
    # The same file again, and the earlier one after it: no count moves.
    write_table(clean_graph, parse_transfers(register(tmp_path, "export-2.csv", LATER), resolver(gazetteer)))
    assert edge_claims(clean_graph)[("country:SUN", "country:KEN")] == (3, 1)
    assert clean_graph.read("MATCH (c:Claim) RETURN count(c) AS n") == [{"n": 4}]


def test_a_revised_deal_is_the_same_deal_and_replace_drops_withdrawn_ones(clean_graph: Graph, gazetteer: Gazetteer,
                                                                        tmp_path: Path) -> None:
    write_table(clean_graph, parse_transfers(register(tmp_path, "export-1.csv", LATER), resolver(gazetteer)))
    # The next export respells a designation, re-dates an order by a year, and no longer lists a deal.
    revised = [LATER[0].replace(",G-5,", ",G-5 howitzer,"),
               LATER[1].replace("1975,,4,,MiG-21,", "1976,,4,,MiG-21,"),
               LATER[2]]
    result = write_table(clean_graph, parse_transfers(register(tmp_path, "export-2.csv", revised),
                                                      resolver(gazetteer)), replace=True)
    assert (result.new_claims, result.revised_deals, result.removed_claims) == (0, 2, 1)
    assert edge_claims(clean_graph) == {("country:SUN", "country:KEN"): (2, 1),
                                        ("country:ZAF", "group:unita"): (1, 1)}
    assert clean_graph.read("MATCH (c:Claim {weapon: 'MiG-21'}) RETURN c.order_year AS year") == [{"year": 1976}]


def _slice(path: Path, tmp_path: Path, parties: set[str]) -> Path:
    """The title lines, header and the rows of `parties` of a real export, in its own bytes' encoding."""
    lines = read_lines(path)
    header = next(i for i, line in enumerate(lines) if line.startswith("Recipient,"))
    kept = [line for line in lines[header + 1:]
            if (next(csv.reader(io.StringIO(line)), [""])[0] in parties) or line.split(",", 1)[0].endswith("*")]
    out = tmp_path / path.name
    out.write_bytes("\n".join([*lines[:header + 1], *kept]).encode("cp1252", errors="replace"))
    return out


@pytest.mark.skipif(not REAL_INPUTS.is_dir(), reason="../shared/real-inputs is not beside this checkout")
def test_sipri_exports_as_downloaded(clean_graph: Graph, gazetteer: Gazetteer, tmp_path: Path) -> None:
    skipped = rows = 0
    for name in REAL_EXPORTS:
        table = parse_transfers(REAL_INPUTS / name, resolver(gazetteer))
        rows += table.rows
        skipped += len(table.problems)
        assert all(p.line > 0 and p.message for p in table.problems)
        for claim in table.claims:  # a starred (non-state) party never becomes a state
            for entity, cell in zip(claim.entities, claim.relation.evidence.split(":", 1)[0].split(" → "),
                                    strict=True):
                assert not (is_non_state(cell) and entity.kind == "Country"), (cell, entity.id)
    assert skipped / rows <= 0.005, f"{skipped} of {rows} rows skipped"
    # Three exports of the same register one after another: every edge keeps a single import's count.
    # (The recipients of a few regions and every starred party, to keep the test quick.)
    parties = {"India", "Angola", "Afghanistan", "Nicaragua", "Yemen", "Lebanon", "Somalia"}
    exports = [_slice(REAL_INPUTS / name, tmp_path, parties) for name in REAL_EXPORTS]
    write_table(clean_graph, parse_transfers(exports[-1], resolver(gazetteer)))
    single = edge_claims(clean_graph)
    assert single and all(sources == 1 for _, sources in single.values())
    for path in exports:
        write_table(clean_graph, parse_transfers(path, resolver(gazetteer)), replace=path == exports[-1])
    assert edge_claims(clean_graph) == single
