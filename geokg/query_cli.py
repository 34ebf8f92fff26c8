"""`geokg queries`, `geokg query NAME` and `geokg console`: the saved queries and the read-only console.

Results go to stdout (table, JSON or CSV); counts, notices and errors go to stderr. Every error is one
line and a non-zero exit status.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from geokg.console import ConsoleResult, flat_rows, parse_params, run_readonly, to_csv, to_json
from geokg.errors import GeoKGError, InputError
from geokg.queries import VIEWS, SavedQuery, load_library, parse_assignments, run_query, save_user_query
from geokg.settings import Settings

FORMATS = ["table", "json", "csv"]
TABLE_CELL_WIDTH = 80


class KeyValue(click.ParamType):
    """A `key=value` option value; the value is checked against the query's declared type later."""

    name = "KEY=VALUE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value)
        key, sep, _ = text.partition("=")
        if not sep or not key.strip():
            self.fail(f"expected KEY=VALUE, got {text!r}", param, ctx)
        return text


class JsonObject(click.ParamType):
    """Parameters as a JSON object."""

    name = "JSON"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dict[str, Any]:
        if isinstance(value, dict):
            return value
        try:
            return parse_params(str(value))
        except InputError as exc:
            self.fail(str(exc), param, ctx)


@contextmanager
def _one_line_errors() -> Iterator[None]:
    """GeoKG errors become `Error: <one line>` and exit status 1, never a traceback."""
    try:
        yield
    except GeoKGError as exc:
        raise click.ClickException(" ".join(str(exc).split("\n")[0].split()) or type(exc).__name__) from exc


def _text_table(columns: list[str], rows: list[dict[str, str]], width: int = TABLE_CELL_WIDTH) -> str:
    def cut(text: str) -> str:
        text = " ".join(text.split())
        return text if len(text) <= width else text[: width - 1] + "…"

    cells = [[cut(row.get(c, "")) for c in columns] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines)


def render(result: ConsoleResult, fmt: str, meta: dict[str, Any] | None = None) -> str:
    """The result as a text table, a JSON document or CSV."""
    if fmt == "json":
        return to_json(result, meta)
    if fmt == "csv":
        return to_csv(result).rstrip("\r\n")
    if result.plan_only:
        return str(result.rows[0]["plan"]).rstrip()
    if not result.columns:
        return "(no columns)"
    return _text_table(result.columns, flat_rows(result))


def _emit(result: ConsoleResult, fmt: str, meta: dict[str, Any] | None = None) -> None:
    click.echo(render(result, fmt, meta))
    click.echo(result.message, err=True)


def _with_graph(settings: Settings, work: Callable[[Any], ConsoleResult]) -> ConsoleResult:
    from geokg.graphdb import Graph

    with Graph(settings) as graph:
        return work(graph)


@click.command("queries")
@click.option("-s", "--search", default="", help="Only queries whose name, title, description or parameters "
              "contain every word of this text.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Output format.")
def queries_command(search: str, fmt: str) -> None:
    """List the saved queries (shipped and your own) with their parameters."""
    with _one_line_errors():
        settings = Settings()
        library = load_library(settings)
        found = library.search(search)
    if fmt == "json":
        click.echo(json.dumps([{
            "name": q.name, "title": q.title, "description": q.description, "origin": q.origin,
            "views": q.views, "params": [p.model_dump() for p in q.params],
        } for q in found], indent=2, ensure_ascii=False, default=str))
    else:
        rows = [{"name": q.name + (" (user)" if q.origin == "user" else ""), "title": q.title,
                 "params": _param_summary(q)} for q in found]
        click.echo(_text_table(["name", "title", "params"], rows, width=120))
    for problem in library.problems:
        click.echo(f"skipped {problem}", err=True)
    if not found:
        click.echo(f"no saved query matches {search!r}", err=True)


def _param_summary(query: SavedQuery) -> str:
    parts = []
    for p in query.params:
        if p.required:
            parts.append(f"{p.name}: {p.type} (required)")
        else:
            parts.append(f"{p.name}: {p.type} = {json.dumps(p.default, default=str)}")
    return ", ".join(parts)


@click.command("query")
@click.argument("name")
@click.option("-p", "--param", "pairs", multiple=True, type=KeyValue(),
              help="A parameter as key=value; repeat for more (a list[str] parameter takes a,b or repeats).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="Output format.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=None,
              help="Seconds before the server stops the query (default GEOKG_QUERY_TIMEOUT, 10).")
@click.option("--max-rows", type=click.IntRange(min=1), default=None,
              help="Stop fetching after this many rows (default GEOKG_QUERY_ROW_CAP, 5000).")
@click.option("--show", is_flag=True, help="Print the query's parameters and Cypher instead of running it.")
def query_command(name: str, pairs: tuple[str, ...], fmt: str, timeout: float | None, max_rows: int | None,
                  show: bool) -> None:
    """Run the saved query NAME read-only, e.g. `geokg query members_of_alliance -p alliance=NATO`."""
    with _one_line_errors():
        settings = Settings()
        query = load_library(settings).get(name)
        values = parse_assignments(pairs, query)
        bound = query.bind(values)  # checked before connecting, so a typo fails fast
        if show:
            click.echo(f"{query.title}\n{query.description}\n")
            for p in query.params:
                flag = "required" if p.required else f"default {json.dumps(p.default, default=str)}"
                click.echo(f"  {p.name} ({p.type}, {flag}) {p.description}")
            click.echo(f"\n{query.body}")
            return
        result = _with_graph(settings, lambda graph: run_query(
            graph, query, bound, settings=settings, timeout=timeout, row_cap=max_rows))
    _emit(result, fmt, {"query": query.name, "title": query.title})


def _read_statements(stream: Any) -> Iterator[str]:
    """Statements typed at a prompt: each ends with `;` at a line end or with an empty line."""
    buffer: list[str] = []
    prompt = "cypher> "
    while True:
        click.echo(prompt, nl=False, err=True)
        line = stream.readline()
        if not line:
            if "".join(buffer).strip():
                yield "\n".join(buffer)
            return
        line = line.rstrip("\n")
        if not buffer and line.strip() in {":q", ":quit", ":exit"}:
            return
        if not buffer and not line.strip():
            continue
        buffer.append(line)
        if line.rstrip().endswith(";") or (not line.strip() and "".join(buffer).strip()):
            yield "\n".join(buffer)
            buffer = []
        prompt = "cypher> " if not buffer else "   ...> "


@click.command("console")
@click.argument("query", required=False)
@click.option("--params", "params", type=JsonObject(), default=None,
              help='Parameters as a JSON object, e.g. \'{"country": "Russia"}\'.')
@click.option("-p", "--param", "pairs", multiple=True, type=KeyValue(),
              help="A text parameter as key=value (repeatable); --params takes typed JSON values.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="Output format.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=None,
              help="Seconds before the server stops the query (default GEOKG_QUERY_TIMEOUT, 10).")
@click.option("--max-rows", type=click.IntRange(min=1), default=None,
              help="Stop fetching after this many rows (default GEOKG_QUERY_ROW_CAP, 5000).")
@click.option("--save-as", metavar="NAME", default=None,
              help="After a successful run, save the statement as a user query NAME (in GEOKG_USER_QUERIES_DIR).")
@click.option("--title", default=None, help="Title of the saved query (with --save-as).")
@click.option("--description", default="", help="Description of the saved query (with --save-as).")
@click.option("--view", "views", multiple=True, type=click.Choice(list(VIEWS)),
              help="Suggested view of the saved query (with --save-as; repeatable; default table).")
@click.option("--overwrite", is_flag=True, help="With --save-as, replace a user query of that name.")
def console_command(query: str | None, params: dict[str, Any] | None, pairs: tuple[str, ...], fmt: str,
                    timeout: float | None, max_rows: int | None, save_as: str | None, title: str | None,
                    description: str, views: tuple[str, ...], overwrite: bool) -> None:
    """Run read-only Cypher: QUERY as an argument, or from stdin (`-` or no argument).

    Writes, schema and admin commands, LOAD CSV, CALL … IN TRANSACTIONS and procedures outside a
    read-only list are refused before anything runs. At a terminal, statements end with `;` or an
    empty line; `:quit` leaves.
    """
    values: dict[str, Any] = {}
    for pair in pairs:
        key, _, value = pair.partition("=")
        values[key.strip()] = value
    values.update(params or {})
    if (title or description or views or overwrite) and not save_as:
        raise click.UsageError("--title, --description, --view and --overwrite go with --save-as NAME")
    stdin = sys.stdin
    interactive = query in (None, "-") and stdin.isatty()
    if interactive:
        if save_as:
            raise click.UsageError("--save-as needs the query as an argument or on stdin")
        _interactive(stdin, values, fmt, timeout, max_rows)
        return
    text = stdin.read() if query in (None, "-") else str(query)
    with _one_line_errors():
        settings = Settings()
        result = _with_graph(settings, lambda graph: run_readonly(
            graph, text, values, settings=settings, timeout=timeout, row_cap=max_rows))
    _emit(result, fmt)
    if save_as:
        with _one_line_errors():
            path = save_user_query(settings, save_as, title or save_as.replace("_", " ").capitalize(), text,
                                   values, description=description, views=views or ("table",),
                                   overwrite=overwrite)
        click.echo(f"Saved as {save_as!r} in {path} — run it with `geokg query {save_as}`", err=True)


def _interactive(stdin: Any, values: dict[str, Any], fmt: str, timeout: float | None,
                 max_rows: int | None) -> None:
    from geokg.graphdb import Graph

    settings = Settings()
    click.echo("Read-only Cypher console. End a statement with ';' or an empty line; :quit to leave.", err=True)
    with Graph(settings) as graph:
        for statement in _read_statements(stdin):
            try:
                result = run_readonly(graph, statement, values, settings=settings, timeout=timeout,
                                      row_cap=max_rows)
            except GeoKGError as exc:
                click.echo(f"Error: {' '.join(str(exc).split())}", err=True)
                continue
            _emit(result, fmt)

