"""The `geokg` command line: a thin click layer; work happens in the modules it calls.

Subcommands of the loader, the saved-query runner and the dashboard are imported only when invoked,
so `geokg neo4j start` never loads spaCy or Dash.
"""

from __future__ import annotations

import importlib
import json
import logging
import sys
from typing import Any

import click

from geokg.errors import GeoKGError
from geokg.settings import Settings

# name → "module:attribute" of a click command, imported on first use.
LAZY_COMMANDS = {
    "load": ("loader.load_cli:load_command", "Read, extract and write articles into Neo4j."),
    "extract": ("loader.cli:extract_command", "Extract actors and relations as JSON, no database."),
    "watch": ("loader.watch_cli:watch_command", "Follow news feeds and load their new items."),
    "eval": ("loader.cli:eval_command", "Score extraction against gold annotation files."),
    "import": ("loader.reference.cli:import_group", "Import curated memberships or an arms register."),
    "reconcile": ("loader.reference.cli:reconcile_command", "Compare news claims with reference data."),
    "queries": ("geokg.query_cli:queries_command", "List the saved Cypher queries."),
    "query": ("geokg.query_cli:query_command", "Run a saved Cypher query."),
    "console": ("geokg.query_cli:console_command", "Run read-only ad-hoc Cypher."),
    "serve": ("dashboard.cli:serve_command", "Serve the dashboard."),
}


class LazyGroup(click.Group):
    """A click group whose listed subcommands are imported only when called."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in LAZY_COMMANDS:
            target, help_text = LAZY_COMMANDS[cmd_name]
            module_name, attr = target.split(":")
            try:
                command = getattr(importlib.import_module(module_name), attr)
            except (ImportError, AttributeError):
                return click.Command(cmd_name, help=f"{help_text} (not available in this build)",
                                     callback=_unavailable(cmd_name))
            return command  # type: ignore[no-any-return]
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GeoKGError as exc:
            raise click.ClickException(str(exc).splitlines()[0] if "\n" not in str(exc) else str(exc)) from exc


def _unavailable(name: str) -> Any:
    def callback(**_: Any) -> None:
        raise click.ClickException(f"`geokg {name}` is not available in this build")

    return callback


@click.group(cls=LazyGroup)
@click.option("-v", "--verbose", is_flag=True, help="Log progress details to stderr.")
@click.version_option(package_name="geokg")
def main(verbose: bool) -> None:
    """GeoKG: geopolitical news → a Neo4j knowledge graph with evidence, and a dashboard to explore it."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    if not verbose:  # the driver logs each broken connection; the command reports the failure in one line
        logging.getLogger("neo4j").setLevel(logging.CRITICAL)


@main.group()
def neo4j() -> None:
    """Run a local Neo4j 5 Community server fetched from Maven Central (no Docker)."""


@neo4j.command("start")
@click.option("--if-local", is_flag=True,
              help="When NEO4J_URI points to another machine, only check that it answers.")
def neo4j_start(if_local: bool) -> None:
    """Start the local server and wait until Bolt answers."""
    from geokg import neo4j_server

    settings = Settings()
    if if_local and not settings.is_local_uri:
        from geokg.graphdb import Graph

        with Graph(settings) as graph:
            graph.verify()
        click.echo(f"Using the Neo4j server at {settings.neo4j_uri}")
        return
    pid, started = neo4j_server.start(settings)
    host, port = settings.bolt_host_port
    if started:
        click.echo(f"Neo4j {neo4j_server.neo4j_version()} started (pid {pid}) on bolt://{host}:{port}")
    else:
        click.echo(f"Neo4j is already running (pid {pid}) on bolt://{host}:{port}")


@neo4j.command("stop")
def neo4j_stop() -> None:
    """Stop the local server."""
    from geokg import neo4j_server

    pid = neo4j_server.stop(Settings())
    click.echo(f"Neo4j stopped (pid {pid})" if pid else "Neo4j is not running")


@neo4j.command("status")
def neo4j_status() -> None:
    """Say whether the local server runs, where, and whether its jars are cached."""
    from geokg import neo4j_server

    info = neo4j_server.status(Settings())
    state = f"running (pid {info['pid']})" if info["running"] else "not running"
    click.echo(f"Neo4j {info['version']}: {state} on {info['bolt']}; home {info['home']}; "
               f"jars {'cached' if info['jars_cached'] else 'not yet downloaded'} in {info['jars']}")
    sys.exit(0 if info["running"] else 3)


@neo4j.command("logs")
@click.option("-n", "--lines", default=40, show_default=True, help="How many lines from the end.")
def neo4j_logs(lines: int) -> None:
    """Print the end of the local server's log."""
    from geokg import neo4j_server

    click.echo(neo4j_server.log_tail(neo4j_server.ServerPaths.of(Settings()), lines) or "(no log yet)")


@main.group()
def db() -> None:
    """Inspect and prepare the database named by NEO4J_URI / NEO4J_DATABASE."""


@db.command("init")
def db_init() -> None:
    """Apply cypher/schema.cypher (constraints and indexes); safe to repeat."""
    from geokg.graphdb import Graph, init_schema

    with Graph(Settings()) as graph:
        applied = init_schema(graph)
    click.echo(f"Schema applied ({applied} statements)")


@db.command("rank")
def db_rank() -> None:
    """Store each busy actor's strongest neighbours, for quick expands in the dashboard.

    `geokg load` and the imports do this themselves; run it after loading by other means
    (`neo4j-admin database import`, or a graph from an older GeoKG).
    """
    from geokg import cypher
    from geokg.graphdb import Graph
    from loader.write import rank_strongest

    settings = Settings()
    with Graph(settings) as graph:
        rank_strongest(graph)
        ranked = int(graph.read(cypher.load("app/count_ranked"))[0]["ranked"])
    click.echo(f"{ranked:,} actors with at least {settings.geokg_rank_min_degree:,} relations are ranked")


@db.command("status")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Output format.")
def db_status(fmt: str) -> None:
    """Server version, database, and node/relationship counts by label/type."""
    from geokg.graphdb import Graph, counts

    settings = Settings()
    with Graph(settings) as graph:
        info = graph.server_info()
        tally = counts(graph)
    if fmt == "json":
        click.echo(json.dumps({"server": info, "database": settings.neo4j_database, **tally}, indent=2))
        return
    click.echo(f"{info['name']} {info['version']} ({info['edition']}) at {settings.neo4j_uri}, "
               f"database {settings.neo4j_database!r}")
    for section, values in tally.items():
        click.echo(f"{section}: {sum(values.values())}")
        for name, count in values.items():
            click.echo(f"  {name:<24} {count:>10}")


@db.command("clear")
@click.confirmation_option(prompt="Delete every node and relationship in this database?",
                           help="Confirm without a prompt.")
def db_clear() -> None:
    """Delete all data (keeps the schema)."""
    from geokg import cypher
    from geokg.graphdb import Graph

    with Graph(Settings()) as graph:
        graph.run_autocommit(cypher.load("write/clear"))
    click.echo("Database cleared")


if __name__ == "__main__":
    main()
