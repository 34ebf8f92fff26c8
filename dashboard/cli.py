"""`geokg serve`: run the dashboard with Flask's server (for production use gunicorn and dashboard.wsgi)."""

from __future__ import annotations

import click

from geokg.settings import Settings


@click.command("serve")
@click.option("--host", default=None, help="Interface to bind (default GEOKG_HOST, 127.0.0.1).")
@click.option("--port", type=click.IntRange(1, 65535), default=None, help="Port (default GEOKG_PORT, 8050).")
@click.option("--debug/--no-debug", default=False, show_default=True,
              help="Dash debug mode with reloading; never on a shared network.")
def serve_command(host: str | None, port: int | None, debug: bool) -> None:
    """Serve the dashboard at http://HOST:PORT (loopback only unless --host says otherwise)."""
    from dashboard.app import create_app, quiet_driver_notifications

    quiet_driver_notifications()
    settings = Settings()
    settings.password()  # fail early, in one line, when NEO4J_PASSWORD is missing
    app = create_app(settings)
    bind_host = host or settings.geokg_host
    bind_port = port or settings.geokg_port
    click.echo(f"GeoKG dashboard on http://{bind_host}:{bind_port} (Neo4j {settings.neo4j_uri})", err=True)
    app.run(host=bind_host, port=bind_port, debug=debug)
