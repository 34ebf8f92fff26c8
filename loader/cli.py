"""`geokg extract` and `geokg eval`: click commands registered on the main `geokg` group.

Imports of spaCy and the pipeline stay inside the commands so that importing this module
(and `geokg --help`) stays cheap.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from loader.evaluate import Report
    from loader.models import ExtractionResult

EXIT_OK, EXIT_SOME_FAILED, EXIT_NOTHING_READ = 0, 1, 2


def _gazetteer(extra: tuple[Path, ...]) -> Any:
    """The shipped gazetteer plus GEOKG_GAZETTEER_FILES plus --gazetteer files."""
    from geokg.settings import Settings
    from loader.gazetteer import Gazetteer, GazetteerError

    settings = Settings()
    files = [*settings.geokg_gazetteer_files, *extra]
    try:
        return Gazetteer.load(files)
    except GazetteerError as exc:
        raise click.ClickException(str(exc)) from None


_GAZETTEER_OPTION = click.option(
    "--gazetteer",
    "gazetteer_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Extra gazetteer file (YAML or CSV, same fields as loader/data/gazetteer); repeatable. "
    "Added to GEOKG_GAZETTEER_FILES.",
)


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "table"]),
    default="json",
    show_default=True,
    help="json: the extraction contract on stdout; table: a readable summary.",
)
@_GAZETTEER_OPTION
@click.option("--field", "field_pairs", multiple=True, metavar="FIELD=NAME",
              help="JSON/JSONL: the key holding an article's title, text, url, date or source when it is not one "
                   "of the common names, e.g. --field text=short_description; repeatable.")
@click.option("--follow-links", is_flag=True,
              help="Read files that links inside the folders point to outside them (refused by default).")
def extract_command(paths: tuple[Path, ...], fmt: str, gazetteer_files: tuple[Path, ...],
                    field_pairs: tuple[str, ...], follow_links: bool) -> None:
    """Extract actors and relations from articles (files or folders), touching no database.

    Unreadable inputs are reported on stderr, one line each. Exit code 0 when all inputs
    were read, 1 when some failed, 2 when nothing could be read.
    """
    from loader.models import ExtractionResult
    from loader.pipeline import extract_all
    from loader.read import parse_field_overrides, read_paths

    try:
        fields = parse_field_overrides(field_pairs)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--field") from None
    gazetteer = _gazetteer(gazetteer_files)
    docs, errors = read_paths(paths, fields, follow_links=follow_links)
    for error in errors:
        click.echo(f"{error.path}: {error.error}", err=True)
    result = ExtractionResult(articles=list(extract_all(docs, gazetteer)), errors=errors)
    if fmt == "json":
        click.echo(result.model_dump_json(indent=1))
    else:
        _print_extraction(result)
    if not docs:
        sys.exit(EXIT_NOTHING_READ)
    sys.exit(EXIT_SOME_FAILED if errors else EXIT_OK)


def _print_extraction(result: ExtractionResult) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    for article in result.articles:
        names = {e.id: e.name for e in article.entities}
        table = Table(title=f"{article.title} ({article.published or 'undated'})", title_justify="left")
        for column in ("source", "type", "target", "modality", "conf", "evidence"):
            table.add_column(column, overflow="fold")
        for r in article.relations:
            table.add_row(
                names.get(r.source, r.source),
                r.type + (" (denied)" if r.negated else ""),
                names.get(r.target, r.target),
                r.modality,
                f"{r.confidence:.2f}",
                r.evidence[:120],
            )
        console.print(table)
        console.print(f"entities: {', '.join(f'{e.name} [{e.kind}]' for e in article.entities)}\n")


@click.command("eval")
@click.argument("gold", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--articles",
    "articles_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of the annotated articles (default: beside the gold file, or ../articles).",
)
@click.option(
    "--sets",
    "sets_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Instead of GOLD: a YAML list of named sets ({name, gold, articles}, paths relative to the file) "
    "scored into one table, a row per set; sets whose files are absent are skipped and named in one line.",
)
@click.option("--by-type", is_flag=True, help="Add precision, recall and F1 per relation type.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True, help="Output format."
)
@click.option(
    "--min-f1",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help="Exit 1 when micro-averaged relation F1 is below this (any set's, with --sets).",
)
@_GAZETTEER_OPTION
def eval_command(
    gold: tuple[Path, ...],
    articles_dir: Path | None,
    sets_file: Path | None,
    by_type: bool,
    fmt: str,
    min_f1: float | None,
    gazetteer_files: tuple[Path, ...],
) -> None:
    """Score extraction against gold files (seed-gold.json format) or folders of them.

    Prints entity recall, relation precision, recall and F1, and forbidden relations per
    article and micro-averaged, with misses and false positives; with --sets, one row per set.
    """
    import json

    from geokg.errors import InputError
    from loader.evaluate import evaluate, evaluate_set, load_sets, read_gold_set

    if bool(gold) == bool(sets_file):
        raise click.UsageError("give GOLD files or folders, or --sets FILE (one of the two)")
    gazetteer = _gazetteer(gazetteer_files)
    skipped: list[str] = []
    try:
        if sets_file is None:
            reports = {"": evaluate(read_gold_set(gold, articles_dir), gazetteer)}
        else:
            sets = load_sets(sets_file)
            skipped = [f"{s.name} ({s.gold})" for s in sets if not s.present()]
            reports = {s.name: evaluate_set(s, gazetteer) for s in sets if s.present()}
    except InputError as exc:
        raise click.ClickException(str(exc)) from None
    if skipped:
        click.echo(f"not found, skipped: {'; '.join(skipped)}", err=True)
    if fmt == "json":
        data = reports[""].as_dict() if sets_file is None else {n: r.as_dict() for n, r in reports.items()}
        click.echo(json.dumps(data, indent=1))
    elif sets_file is None:
        _print_report(reports[""], by_type)
    else:
        _print_sets(reports, by_type)
    low = [name or "micro" for name, r in reports.items() if min_f1 is not None and r.total().f1 < min_f1]
    if low:
        click.echo(f"F1 below --min-f1 {min_f1}: {', '.join(low)}", err=True)
        sys.exit(1)


def _type_rows(report: Report) -> list[tuple[str, ...]]:
    """One row per relation type: type, P, R, F1, TP, FP, FN."""
    from loader.evaluate import by_type

    return [
        (rtype, f"{c.precision:.2f}", f"{c.recall:.2f}", f"{c.f1:.2f}", str(c.tp), str(c.fp), str(c.fn))
        for rtype, c in by_type(report).items()
    ]


def _print_sets(reports: dict[str, Report], with_types: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Extraction quality per set", title_justify="left")
    for column in ("set", "relations", "P", "R", "F1", "entity R", "forbidden", "TP", "FP", "FN"):
        table.add_column(column, justify="left" if column in ("set", "relations") else "right", no_wrap=True)
    for name, report in reports.items():
        t = report.total()
        table.add_row(
            name,
            "all",
            f"{t.precision:.2f}",
            f"{t.recall:.2f}",
            f"{t.f1:.2f}",
            f"{t.entity_recall:.2f}",
            str(len(t.forbidden_hits)),
            str(t.tp),
            str(t.fp),
            str(t.fn),
            style="bold",
        )
        for rtype, p, r, f1, tp, fp, fn in _type_rows(report) if with_types else []:
            table.add_row("", rtype, p, r, f1, "", "", tp, fp, fn)
        table.add_section()
    console = Console()
    console.width = max(console.width, 120)  # type names are long; never truncate them in a log
    console.print(table)


def _print_report(report: Report, with_types: bool = False) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title="Extraction quality", title_justify="left")
    for column in ("article", "entity R", "P", "R", "F1", "TP", "FP", "FN", "forbidden"):
        table.add_column(column, justify="left" if column == "article" else "right")
    for s in [*report.articles, report.total()]:
        table.add_row(
            s.article,
            f"{s.entity_recall:.2f}",
            f"{s.precision:.2f}",
            f"{s.recall:.2f}",
            f"{s.f1:.2f}",
            str(s.tp),
            str(s.fp),
            str(s.fn),
            str(len(s.forbidden_hits)),
        )
    console.print(table)
    for s in report.articles:
        for label, items in (
            ("missed", s.misses),
            ("false positive", s.false_positives),
            ("FORBIDDEN", s.forbidden_hits),
        ):
            for item in items:
                console.print(f"{s.article}: {label}: {item}", highlight=False)
    if with_types:
        types = Table(title="Per relation type (micro)", title_justify="left")
        for column in ("relations", "P", "R", "F1", "TP", "FP", "FN"):
            types.add_column(column, justify="left" if column == "relations" else "right")
        for row in _type_rows(report):
            types.add_row(*row)
        console.print(types)
