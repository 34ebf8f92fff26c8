"""The reference tables shipped with GeoKG, imported in one step (for `make demo` and tests)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from geokg.graphdb import Graph, init_schema
from geokg.settings import Settings
from loader.reference.importing import ImportResult, ParsedTable, write_table
from loader.reference.reconcile import ReconcileReport, reconcile
from loader.reference.regions import REGIONS_FILE, parse_regions
from loader.reference.resolve_names import NameResolver, load_register_names
from loader.reference.tables import RowProblem
from loader.write import rank_strongest

if TYPE_CHECKING:
    from loader.gazetteer import Gazetteer

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "reference"
Parser = Callable[[Path, NameResolver], ParsedTable]


def _bundled() -> list[tuple[Path, Parser, bool]]:
    from loader.reference.agencies import parse_agencies
    from loader.reference.memberships import parse_memberships
    from loader.reference.transfers import parse_transfers

    return [
        (DATA_DIR / "memberships.csv", parse_memberships, False),
        (DATA_DIR / "arms_transfers_sample.csv", parse_transfers, True),
        (DATA_DIR / "state_agencies.csv", parse_agencies, False),
    ]


def run_reconcile(graph: Graph, gazetteer: Gazetteer, regions_file: Path | None = None
                  ) -> tuple[ReconcileReport, dict[str, str], list[RowProblem]]:
    """Reconcile news edges with the reference data, using a region table (default: the shipped one)."""
    regions, problems = parse_regions(regions_file or REGIONS_FILE, NameResolver(gazetteer))
    parents = {e.id: e.parent for e in gazetteer.entries() if e.parent and e.kind in ("Company", "Organization")}
    report, names = reconcile(graph, regions, parents)
    return report, names, problems


def import_bundled_reference(settings: Settings, graph: Graph, *, gazetteer: Gazetteer | None = None,
                             then_reconcile: bool = True) -> list[ImportResult]:
    """Import every shipped reference table and, unless told not to, reconcile the news edges already there."""
    from loader.gazetteer import Gazetteer

    gazetteer = gazetteer or Gazetteer.load(settings.geokg_gazetteer_files)
    init_schema(graph)
    results = []
    for path, parser, register_names in _bundled():
        resolver = NameResolver(gazetteer, load_register_names() if register_names else None)
        results.append(write_table(graph, parser(path, resolver), rank=False))
    rank_strongest(graph)
    if then_reconcile:
        run_reconcile(graph, gazetteer)
    return results
