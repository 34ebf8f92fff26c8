"""Component ids of the saved-queries page, in one place (short, stable, used by browser tests too)."""

from __future__ import annotations

# Index (/queries)
SEARCH = "qp-search"
LIST = "qp-list"

# One query (/queries/<name>)
QUERY_NAME = "qp-query-name"
PARAM = "qp-param"  # pattern-matching type: {"type": PARAM, "name": <parameter name>}
RUN = "qp-run"
AUTORUN = "qp-autorun"
PERMALINK = "qp-permalink"
EXPORT_JSON = "qp-export-json"  # /queries/<name>.json?…, like Datasette's .json variant
EXPORT_CSV = "qp-export-csv"
CONSOLE_LINK = "qp-console-link"

# Console (/queries/console)
CONSOLE_TEXT = "qc-text"
CONSOLE_PARAMS = "qc-params"
CONSOLE_RUN = "qc-run"
SAVE_NAME = "qc-save-name"
SAVE_TITLE = "qc-save-title"
SAVE_DESCRIPTION = "qc-save-description"
SAVE = "qc-save"
SAVE_STATUS = "qc-save-status"

# Results: the query page and the console each have one results area, told apart by a panel prefix.
QUERY_PANEL = "qp"
CONSOLE_PANEL = "qc"


def result(panel: str, part: str) -> str:
    """Id of one part of a results area: message, tabs, grid, graph, chart, explorer, csv, json, …"""
    return f"{panel}-{part}"
