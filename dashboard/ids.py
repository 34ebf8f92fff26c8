"""Every component id of the dashboard, short so that browser tests can address them (`#search`).

Pattern-matching ids are dicts built by the helpers at the bottom; their "type" strings live here too.
"""

from __future__ import annotations

from typing import Any

# App shell
URL = "url"
URL_WRITE = "url-write"  # the explorer writes its state here; reading and writing one Location is a cycle
NAVBAR = "navbar"
NAV_EXPLORE = "nav-explore"
NAV_ANALYTICS = "nav-analytics"
NAV_QUERIES = "nav-queries"
BANNER = "banner"
HEALTH_INTERVAL = "health-interval"
EXPLORE_PANE = "explore-pane"
ANALYTICS_PANE = "analytics-pane"
QUERIES_PANE = "queries-pane"
SIDEBAR = "sidebar"

# Stores
STATE = "state"            # filters + view recipe (what the URL encodes)
INCOMING = "incoming"      # state parsed from a URL, to apply
ACTION = "action"          # one user action with the canvas positions at that moment
FILTERS = "filters"        # filters read from the sidebar controls
WORKING = "working"        # the materialised subgraph on the canvas
HISTORY = "history"        # previous views, for "back"
SELECTION = "selection"    # the selected node or edge
DB_STATUS = "db-status"    # last health check
ERROR = "error"            # last error of a data callback
REFIT = "refit"            # output of the browser-side refit of the canvas (holds nothing)
DBLTAP = "dbltap"          # the node last double-clicked (set from assets/geokg.js)

# Explore
SEARCH = "search"
CY = "cy"
DETAILS = "details"
CAP_NOTICE = "cap-notice"
VIEW_TITLE = "view-title"
LAYOUT_SELECT = "layout-select"
PATH_FROM = "path-from"
PATH_TO = "path-to"
PATH_HOPS = "path-hops"
EXPORT_PNG = "export-png"
EXPORT_CSV = "export-csv"
DOWNLOAD_CSV = "download-csv"

# Filters (sidebar)
F_TYPES = "f-types"
F_KINDS = "f-kinds"
F_DATES = "f-dates"
F_DATES_LABEL = "f-dates-label"
F_AXIS = "f-axis"
F_MIN_CLAIMS = "f-min-claims"
F_MIN_CONF = "f-min-conf"
F_HIDE_HEDGED = "f-hide-hedged"
F_CONFIRMED = "f-confirmed"
F_UNDATED = "f-undated"

# Analytics
SANKEY = "sankey"
WORLD_MAP = "world-map"
TIMELINE = "timeline"
CENTRALITY = "centrality"
ANALYTICS_ACTOR = "analytics-actor"

# Pattern-matching types
ACTION_BUTTON = "action-btn"      # {"type": ACTION_BUTTON, "action": "expand" | "hide" | ...}
ACTOR_LINK = "actor-link"         # {"type": ACTOR_LINK, "actor": "<actor id>"} in the details panel
ACTOR_SEARCH = "actor-search"     # {"type": ACTOR_SEARCH, "role": "main" | "from" | "to"} dropdowns
EDGE_LINK = "edge-link"           # {"type": EDGE_LINK, "key": "source|TYPE|target"}: open that edge's evidence


def action_button(action: str) -> dict[str, str]:
    """Id of a canvas action button (expand, hide, focus, back, overview, path, relayout, unhide)."""
    return {"type": ACTION_BUTTON, "action": action}


def actor_link(actor_id: str) -> dict[str, str]:
    """Id of a neighbour link in the details panel; clicking it focuses that actor."""
    return {"type": ACTOR_LINK, "actor": actor_id}


def edge_link(key: str) -> dict[str, str]:
    """Id of a claim-count link in the details panel; clicking it opens the evidence of that edge."""
    return {"type": EDGE_LINK, "key": key}


def actor_search(role: Any) -> dict[str, Any]:
    """Id of an actor autocomplete dropdown: the main search or a path end (or a dash wildcard)."""
    return {"type": ACTOR_SEARCH, "role": role}
