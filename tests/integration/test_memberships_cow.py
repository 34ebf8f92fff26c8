"""`geokg import memberships` with the Correlates of War IGO data, against the real Neo4j.

The real COW file is read from ../shared/real-inputs beside the checkout (skipped when absent); the
invented table below pins the same import in every checkout.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from geokg.graphdb import Graph
from loader.reference.cli import import_group

REAL_COW = Path(__file__).resolve().parents[3] / "shared" / "real-inputs" / "cow_igo_year_format3_selected_igos.csv"
INVENTED = """\
ioname,orgname,year,usa,canada,cuba,sdate
OAS,An invented union of the Americas,1890.0,1.0,0.0,1.0,1890.0
OAS,An invented union of the Americas,1891.0,1.0,3.0,1.0,1890.0
OAS,An invented union of the Americas,1892.0,1.0,1.0,0.0,1890.0
"""


def graph_spells(graph: Graph, organisation: str) -> set[tuple[str, str, str, str | None]]:
    rows = graph.read("MATCH (m:Actor)<-[:SUBJECT]-(c:Claim {dataset: 'cow'})-[:OBJECT]->(:Actor {id: $org}) "
                      "RETURN m.id AS member, c.role AS role, c.since AS since, c.until AS until",
                      {"org": organisation})
    return {(r["member"], r["role"], r["since"], r["until"]) for r in rows}


def test_a_cow_table_imports_directly_with_dates_before_1900(clean_graph: Graph, tmp_path: Path) -> None:
    path = tmp_path / "igo_year_format3.csv"
    path.write_text(INVENTED, encoding="utf-8")
    result = CliRunner().invoke(import_group, ["memberships", str(path)])
    assert result.exit_code == 0, result.output
    assert "3 rows, 4 loaded" in result.output
    assert graph_spells(clean_graph, "alliance:oas") == {
        ("country:USA", "member", "1890", None), ("country:CAN", "observer", "1891", "1891"),
        ("country:CAN", "member", "1892", None), ("country:CUB", "member", "1890", "1891")}
    # Importing it again changes nothing.
    again = CliRunner().invoke(import_group, ["memberships", str(path)])
    assert "0 new claims, 4 already present" in again.output
    assert clean_graph.read("MATCH (c:Claim) RETURN count(c) AS n") == [{"n": 4}]


def file_spells(path: Path, ioname: str, ids: dict[str, str]) -> set[tuple[str, str, str, str | None]]:
    """Spells computed straight from the file, independently of the importer."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["ioname"] == ioname]
    last = max(int(float(r["year"])) for r in rows)
    roles = {1: "member", 2: "associate", 3: "observer"}
    out: set[tuple[str, str, str, str | None]] = set()
    for column, actor in ids.items():
        run: list[tuple[int, str]] = []
        for r in sorted(rows, key=lambda r: float(r["year"])):
            year, cell = int(float(r["year"])), r.get(column, "")
            role = roles.get(int(float(cell)), "") if cell.strip() else ""
            if run and (role != run[-1][1] or year != run[-1][0] + 1):
                out.add((actor, run[0][1], str(run[0][0]), None if run[-1][0] == last else str(run[-1][0])))
                run = []
            if role:
                run.append((year, role))
        if run:
            out.add((actor, run[0][1], str(run[0][0]), None if run[-1][0] == last else str(run[-1][0])))
    return out


@pytest.mark.skipif(not REAL_COW.is_file(), reason="../shared/real-inputs is not beside this checkout")
def test_the_real_cow_file_imports_and_matches_its_spells(clean_graph: Graph) -> None:
    result = CliRunner().invoke(import_group, ["memberships", str(REAL_COW)])
    assert result.exit_code == 0, result.output
    checked = {
        "NATO": ("alliance:nato", {"usa": "country:USA", "uk": "country:GBR", "turkey": "country:TUR",
                                   "wgermany": "country:FRG", "germany": "country:DEU", "spain": "country:ESP",
                                   "poland": "country:POL", "albania": "country:ALB", "france": "country:FRA"}),
        "CSTO": ("alliance:csto", {"russia": "country:RUS", "uzbekistan": "country:UZB", "armenia": "country:ARM",
                                   "afghanistan": "country:AFG", "yugoslaviaserb": "country:SRB"}),
        "SCO": ("alliance:sco", {"china": "country:CHN", "india": "country:IND", "iran": "country:IRN",
                                 "pakistan": "country:PAK", "uzbekistan": "country:UZB"}),
        "OAS": ("alliance:oas", {"usa": "country:USA", "honduras": "country:HND", "cuba": "country:CUB",
                                 "canada": "country:CAN", "domrepublic": "country:DOM", "haiti": "country:HTI"}),
    }
    for ioname, (organisation, states) in checked.items():
        expected = file_spells(REAL_COW, ioname, states)
        assert expected, ioname
        actual = {s for s in graph_spells(clean_graph, organisation) if s[0] in states.values()}
        assert actual == expected, ioname
    assert any(since < "1900" for _, _, since, _ in graph_spells(clean_graph, "alliance:oas"))
