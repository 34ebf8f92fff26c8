"""`geokg watch FEEDS.yaml | --feed URL…`: follow news feeds and load their new items as they appear."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from geokg.settings import Settings


@click.command("watch")
@click.argument("feeds_file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--feed", "feed_urls", multiple=True, metavar="URL", help="A feed URL to follow; repeatable.")
@click.option("--interval", type=click.FloatRange(min=1.0), default=None,
              help="Seconds between polls of a feed (default: the feeds file's, else 900).")
@click.option("--once", is_flag=True, help="Poll each feed once and exit (for cron).")
@click.option("--state", "state_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where the watcher keeps its state (default: <cache>/watch-state.json).")
@click.option("--gazetteer", "gazetteer_files", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Extra gazetteer file (YAML or CSV); repeatable.")
def watch_command(feeds_file: Path | None, feed_urls: tuple[str, ...], interval: float | None, once: bool,
                  state_file: Path | None, gazetteer_files: tuple[Path, ...]) -> None:
    """Follow RSS/Atom feeds: poll them with conditional GET, load new items, report per feed.

    FEEDS.yaml lists feed URLs (or `feeds:` entries with url, name, interval). State (ETag,
    Last-Modified, items seen, back-off after errors) survives restarts. With --once the exit code
    is 0 when every feed was polled, 1 when some failed or are backing off.
    """
    from dataclasses import replace

    from geokg.graphdb import Graph, init_schema
    from loader.models import Document
    from loader.pipeline import load_documents, load_gazetteer
    from loader.watch import Feed, FeedListError, Watcher, WatchState, check_url, read_feed_list
    from loader.write import rank_strongest

    try:
        feeds = read_feed_list(feeds_file) if feeds_file else []
        feeds += [Feed(check_url(url, "--feed")) for url in feed_urls]
        if not feeds:
            raise click.UsageError("give a feeds file or at least one --feed URL")
        if interval is not None:
            feeds = [replace(f, interval=interval) for f in feeds]
        settings = Settings()
        state = WatchState(state_file or settings.geokg_cache_dir / "watch-state.json")
    except FeedListError as exc:
        raise click.ClickException(str(exc)) from None
    with Graph(settings) as graph:
        init_schema(graph)
        gazetteer = load_gazetteer(settings, gazetteer_files)

        def load_items(docs: list[Document]) -> int:
            summary = load_documents(graph, docs, gazetteer, batch_size=settings.geokg_batch_size)
            if summary.articles_new:
                rank_strongest(graph)
            return summary.articles_new

        watcher = Watcher(feeds, state, load_items)
        if once:
            results = watcher.run_once()
            for result in results:
                click.echo(result.describe())
            sys.exit(1 if any(r.status in ("error", "waiting") for r in results) else 0)
        every = ", ".join(sorted({f"{f.interval:.0f} s" for f in feeds}))
        click.echo(f"watching {len(feeds)} feed(s), polling every {every}; Ctrl-C to stop", err=True)
        try:
            watcher.run(lambda result: click.echo(result.describe()))
        except KeyboardInterrupt:
            click.echo("stopped", err=True)
