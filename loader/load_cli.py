"""`geokg load PATH…`: read, extract and write articles into Neo4j, with progress and a summary."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from geokg.settings import Settings
from loader.pipeline import AUTO_WORKERS_FROM


@click.command("load")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--gazetteer", "gazetteer_files", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Extra gazetteer file (YAML or CSV) extending the shipped one; repeatable.")
@click.option("--workers", "--processes", "processes", default=0, show_default=True, type=click.IntRange(0, 64),
              help="Worker processes for extraction; 0 picks one per core for loads of "
                   f"{AUTO_WORKERS_FROM} articles or more, one below (starting workers costs seconds).")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Show a progress bar with articles per second on stderr.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Summary format on stdout.")
@click.option("--field", "field_pairs", multiple=True, metavar="FIELD=NAME",
              help="JSON/JSONL: the key holding an article's title, text, url, date or source when it is not one "
                   "of the common names, e.g. --field text=short_description; repeatable.")
@click.option("--follow-links", is_flag=True,
              help="Read files that links inside the folders point to outside them (refused by default).")
def load_command(paths: tuple[Path, ...], gazetteer_files: tuple[Path, ...], processes: int, progress: bool,
                 fmt: str, field_pairs: tuple[str, ...], follow_links: bool) -> None:
    """Load articles (.txt .md .html .json .jsonl RSS/Atom; folders recursively) into the graph.

    Idempotent: articles already loaded (same content) are skipped. Exit code 0 when everything
    loaded, 1 when some files failed, 2 when nothing could be read.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from geokg.graphdb import Graph
    from loader.pipeline import load_paths
    from loader.read import parse_field_overrides

    try:
        fields = parse_field_overrides(field_pairs)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--field") from None
    settings = Settings()
    err = Console(stderr=True)
    columns = (TextColumn("loading"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]:.1f} articles/s"), TimeElapsedColumn())
    with Graph(settings) as graph, Progress(*columns, console=err, disable=not progress,
                                           transient=True) as bar:
        task = bar.add_task("load", total=None, rate=0.0)

        def on_read(total: int) -> None:
            bar.update(task, total=total)

        def on_batch(done: int) -> None:
            bar.advance(task, done)
            elapsed = bar.tasks[0].elapsed or 0.0
            bar.update(task, rate=bar.tasks[0].completed / elapsed if elapsed else 0.0)

        report = load_paths(settings, graph, list(paths), gazetteer_files=gazetteer_files,
                            n_process=processes, on_batch=on_batch, on_read=on_read, fields=fields,
                            follow_links=follow_links)
    for error in report.errors:
        click.echo(f"{error.path}: {error.error}", err=True)
    s = report.summary
    if fmt == "json":
        click.echo(json.dumps({
            "articles": {"new": s.articles_new, "unchanged": s.articles_unchanged, "failed": len(report.errors)},
            "actors": s.actors, "claims": s.claims, "negated_claims": s.negated_claims,
            "edges_by_type": dict(sorted(s.edges_by_type.items())), "seconds": round(report.seconds, 2),
            "errors": [e.model_dump() for e in report.errors],
        }, indent=2))
    else:
        click.echo(f"articles: {s.articles_new} new, {s.articles_unchanged} unchanged, {len(report.errors)} failed"
                   f" in {report.seconds:.1f} s ({report.articles_per_second:.1f} articles/s)")
        click.echo(f"actors: {s.actors}  claims: {s.claims} (+{s.negated_claims} negated, no edge)")
        if s.edges_by_type:
            click.echo("edges by type: " + ", ".join(f"{k} {v}" for k, v in sorted(s.edges_by_type.items())))
    sys.exit(report.exit_code)
