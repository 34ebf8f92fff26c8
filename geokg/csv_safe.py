"""CSV that a spreadsheet opens as data: cells that would start a formula are neutralised (OWASP).

A cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula by Excel,
LibreOffice and Google Sheets; an actor or title such as `=HYPERLINK(…)` would run when the export is
opened. Such cells get a leading `'`, which spreadsheets show as text. Plain numbers (`-3`, `+1.5e3`)
stay as they are.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from typing import Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def safe_cell(value: Any) -> Any:
    """`value` unchanged unless it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def write_csv(columns: list[str], rows: Iterable[Mapping[str, Any]]) -> str:
    """Header and rows as CSV text (fields outside `columns` left out), every cell and column name made safe.

    Lines end in CRLF (RFC 4180): the writer then quotes any cell holding a CR or LF, so a carriage return
    inside a name can never start a new row that begins with a formula.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(c) for c in columns])
    for row in rows:
        writer.writerow([safe_cell(row.get(c, "")) for c in columns])
    return buffer.getvalue()
