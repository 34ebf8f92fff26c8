"""Which states make up a region (`region, member, source`), for reconciling news about regions.

News often names a region where a register names states: "Russia offers arms to its allies in
Central Asia" is confirmed by deliveries to Kazakhstan or Uzbekistan. The shipped table
(`loader/data/reference/regions.csv`) is data, read here; it is not written to the graph.
"""

from __future__ import annotations

from pathlib import Path

from loader.reference.resolve_names import REFERENCE_DIR, NameResolver, UnknownParty, UnresolvedName
from loader.reference.tables import RowProblem, header_cells, iter_rows, map_header, read_lines

REGIONS_FILE = REFERENCE_DIR / "regions.csv"
ALIASES = {"region": "region", "member": "member", "state": "member", "country": "member",
           "source": "source", "note": "source"}


def parse_regions(path: Path, resolver: NameResolver) -> tuple[dict[str, set[str]], list[RowProblem]]:
    """Region id → member state ids; rows naming unknown actors are returned as problems."""
    path = Path(path)
    lines = read_lines(path)
    columns = map_header(path, header_cells(lines[0]), ALIASES, ("region", "member"),
                         layout="region, member, source")
    regions: dict[str, set[str]] = {}
    problems: list[RowProblem] = []
    for item in iter_rows(path, lines, 0, columns):
        if isinstance(item, RowProblem):
            problems.append(item)
            continue
        try:
            region = resolver.resolve(item.get("region"), ("Region",), what="region")
        except (UnresolvedName, UnknownParty) as exc:
            problems.append(RowProblem(item.number, item.line, "region", str(exc)))
            continue
        try:
            member = resolver.resolve(item.get("member"), ("Country",), what="member")
        except (UnresolvedName, UnknownParty) as exc:
            problems.append(RowProblem(item.number, item.line, "member", str(exc)))
            continue
        regions.setdefault(region.id, set()).add(member.id)
    return regions, problems
