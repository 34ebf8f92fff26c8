"""`geokg import memberships|arms-transfers|agencies FILE.csv` and `geokg reconcile`.

Import exit codes: 0 when every row loaded, 1 when some rows were skipped (each listed on stderr
with its row and column), 2 when the file was rejected (unreadable, or a header that does not fit
the layout) and nothing was written.
"""

from __future__ import annotations

import importlib
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from geokg.settings import Settings
from loader.reference.importing import DEFAULT_BATCH, ImportResult, ParsedTable
from loader.reference.resolve_names import NameResolver
from loader.reference.tables import TableRejected

if TYPE_CHECKING:
    from loader.gazetteer import Gazetteer

Parser = Callable[[Path, NameResolver], ParsedTable]

_FORMAT = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
                       show_default=True, help="Output format of the report (JSON goes to stdout).")
_BATCH = click.option("--batch-size", type=click.IntRange(1, 100_000), default=DEFAULT_BATCH,
                      show_default=True, help="Rows written per transaction.")
_FILE = click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
_REPLACE = click.option("--replace", is_flag=True,
                        help="Also remove claims this file loaded before and no longer contains (after an edit); "
                             "for a register, the deals earlier exports listed between this file's suppliers and "
                             "recipients in its order years that this newer export no longer lists.")


def _quiet_server_notices() -> None:
    # Reference tables are sparse (a register without a status column leaves that property unset);
    # the server's "property does not exist" notices are about the query, not the user's data.
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)


@click.group("import")
def import_group() -> None:
    """Import reference data: curated memberships, arms-transfer registers, state arms agencies."""


def _gazetteer(settings: Settings) -> Gazetteer:
    from loader.gazetteer import Gazetteer, GazetteerError

    try:
        return Gazetteer.load(settings.geokg_gazetteer_files)
    except GazetteerError as exc:
        raise click.ClickException(str(exc)) from None


def _run_import(file: Path, parser: Parser, fmt: str, batch_size: int, replace: bool, *,
                register_names: bool) -> None:
    from geokg.graphdb import Graph, init_schema
    from loader.reference.importing import write_table
    from loader.reference.resolve_names import load_register_names

    _quiet_server_notices()
    settings = Settings()
    resolver = NameResolver(_gazetteer(settings), load_register_names() if register_names else None)
    try:
        table = parser(file, resolver)
    except TableRejected as exc:
        if fmt == "json":
            click.echo(json.dumps({"file": file.name, "rejected": str(exc)}))
        click.echo(f"rejected: {exc}", err=True)
        sys.exit(2)
    with Graph(settings) as graph:
        init_schema(graph)
        result = write_table(graph, table, batch_size, replace=replace)
    _report_import(result, fmt)
    sys.exit(result.exit_code)


def _report_import(result: ImportResult, fmt: str) -> None:
    table = result.table
    for problem in table.problems:
        click.echo(f"skipped: {problem.describe(table.file)}", err=True)
    if fmt == "json":
        click.echo(json.dumps(result.as_dict(), indent=2))
        return
    line = (f"{table.file}: {table.rows} rows, {len(table.claims)} loaded "
            f"({result.new_claims} new claims, {result.existing_claims} already present), "
            f"{len(table.problems)} skipped")
    if result.revised_deals:
        line += f", {result.revised_deals} revising deals already loaded"
    if result.removed_claims:
        line += f", {result.removed_claims} claims no longer in the file removed"
    if table.unplaced:
        line += f", {len(table.unplaced)} with an unknown party (not loaded)"
    click.echo(line)
    for edge_type, count in sorted(result.summary.edges_by_type.items()):
        click.echo(f"  {edge_type} edges recomputed: {count}")
    for problem in table.unplaced:
        click.echo(f"  unknown party: {problem.describe(table.file)}")
    if table.unresolved:
        names = ", ".join(f"{name!r} ({n})" for name, n in sorted(table.unresolved.items()))
        click.echo(f"  names not in the gazetteer: {names} — add them to a gazetteer file "
                   f"(GEOKG_GAZETTEER_FILES) and import again")


# name → (module and parser, whether register spellings resolve names too, help text)
_TABLES: dict[str, tuple[str, bool, str]] = {
    "memberships": ("loader.reference.memberships:parse_memberships", False,
                    "Import a memberships CSV: member, organisation, role, since, until, source."),
    "arms-transfers": ("loader.reference.transfers:parse_transfers", True,
                       "Import an arms-transfer register in the SIPRI trade-register layout (CSV)."),
    "agencies": ("loader.reference.agencies:parse_agencies", False,
                 "Import state arms exporters and agencies: agency, state, role, since, until, source."),
}


def _table_command(name: str, target: str, register_names: bool, help_text: str) -> None:
    """Register `geokg import NAME FILE`; the parser's module is imported only when the command runs."""

    @import_group.command(name, help=help_text)
    @_FILE
    @_FORMAT
    @_BATCH
    @_REPLACE
    def command(file: Path, fmt: str, batch_size: int, replace: bool) -> None:
        module, attr = target.split(":")
        parser: Parser = getattr(importlib.import_module(module), attr)
        _run_import(file, parser, fmt, batch_size, replace, register_names=register_names)


for _name, (_target, _register_names, _help) in _TABLES.items():
    _table_command(_name, _target, _register_names, _help)


@import_group.command("bundled")
@_FORMAT
def import_bundled(fmt: str) -> None:
    """Import every reference table shipped with GeoKG (then run `geokg reconcile`)."""
    from geokg.graphdb import Graph
    from loader.reference.bundle import import_bundled_reference

    _quiet_server_notices()
    settings = Settings()
    with Graph(settings) as graph:
        results = import_bundled_reference(settings, graph, gazetteer=_gazetteer(settings), then_reconcile=False)
    for result in results:
        _report_import(result, fmt)
    sys.exit(max(r.exit_code for r in results))


@click.command("reconcile")
@_FORMAT
@click.option("--regions", "regions_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="Region membership table (region, member, source); default: the shipped one.")
def reconcile_command(fmt: str, regions_file: Path | None) -> None:
    """Mark news MEMBER_OF and SUPPLIES_ARMS_TO edges as confirmed, contradicted or silent."""
    from geokg.graphdb import Graph
    from loader.reference.bundle import run_reconcile
    from loader.reference.reconcile import STATUSES
    from loader.reference.regions import REGIONS_FILE

    _quiet_server_notices()
    settings = Settings()
    with Graph(settings) as graph:
        try:
            report, names, problems = run_reconcile(graph, _gazetteer(settings), regions_file)
        except TableRejected as exc:
            raise click.ClickException(str(exc)) from None
    for problem in problems:
        click.echo(f"regions: ignored {problem.describe((regions_file or REGIONS_FILE).name)}", err=True)
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(names), indent=2))
        return
    total = sum(report.edges.values())
    click.echo(f"Reconciled {total} news edges ({sum(report.claims.values())} claims) with the reference data:")
    for status in STATUSES:
        click.echo(f"  {status:<13}{report.edges.get(status, 0):>6}")
    if report.contradictions:
        click.echo("Contradictions:")
    for verdict in report.contradictions:
        click.echo(f"  {names.get(verdict.source, verdict.source)} {verdict.type} "
                   f"{names.get(verdict.target, verdict.target)}: {verdict.note}")
        for claim, claim_verdict in verdict.claims:
            if claim_verdict.status == "contradicted":
                click.echo(f"    - {claim.reported or 'undated'} {claim.article or claim.id!s}: {claim_verdict.note}")
