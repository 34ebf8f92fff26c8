"""The app shell: navbar, banner, stores, the shared filter sidebar and the three panes.

Explore and analytics are always in the page (one is hidden), so the canvas keeps its positions when the
analyst switches views; the saved-queries page is rendered into its pane by the router.
"""

from __future__ import annotations

from dash import dcc, html

from dashboard import components, ids
from dashboard.state import Filters

HEALTH_INTERVAL_MS = 10_000


def app_layout(topojson_url: str = "/assets/topojson/") -> html.Div:
    """The whole page; `topojson_url` is where the world map's geometry is served (see app.create_app)."""
    return html.Div([
        dcc.Location(id=ids.URL, refresh=False),
        # "callback-nav" tells the other Location of the new URL, so browser back/forward still compare right.
        dcc.Location(id=ids.URL_WRITE, refresh="callback-nav"),
        dcc.Store(id=ids.STATE, storage_type="memory"),
        dcc.Store(id=ids.INCOMING, storage_type="memory"),
        dcc.Store(id=ids.FILTERS, storage_type="memory"),
        dcc.Store(id=ids.ACTION, storage_type="memory"),
        dcc.Store(id=ids.WORKING, storage_type="memory"),
        dcc.Store(id=ids.HISTORY, storage_type="memory", data=[]),
        dcc.Store(id=ids.SELECTION, storage_type="memory"),
        dcc.Store(id=ids.DB_STATUS, storage_type="memory"),
        dcc.Store(id=ids.ERROR, storage_type="memory"),
        dcc.Store(id=ids.DBLTAP, storage_type="memory"),
        dcc.Store(id=ids.REFIT, storage_type="memory"),
        dcc.Interval(id=ids.HEALTH_INTERVAL, interval=HEALTH_INTERVAL_MS, n_intervals=0),
        components.navbar(),
        html.Div(id=ids.BANNER),
        html.Div(className="geokg-body", children=[
            components.sidebar(Filters()),
            html.Div(className="geokg-content", children=[
                components.explore_pane(),
                components.analytics_pane(topojson_url),
                html.Div(id=ids.QUERIES_PANE, style={"display": "none"}),
            ]),
        ]),
    ])
