"""Loads Cypher text from the `cypher/` folder by name; Python code never builds Cypher from values."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from geokg.errors import QueryError

CYPHER_DIR = Path(__file__).resolve().parent.parent / "cypher"


@cache
def load(name: str) -> str:
    """Text of `cypher/<name>.cypher`, e.g. load("write/claims") or load("app/expand")."""
    path = (CYPHER_DIR / f"{name}.cypher").resolve()
    if CYPHER_DIR not in path.parents or not path.is_file():
        raise QueryError(f"no Cypher file named {name!r} under {CYPHER_DIR}")
    return path.read_text(encoding="utf-8")


def statements(text: str) -> list[str]:
    """Split a multi-statement file on `;` at line ends, dropping `//` comment lines."""
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return [part.strip() for part in re.split(r";\s*(?:\n|$)", body) if part.strip()]


def fill_slot(text: str, slot: str, value: str, allowed: Iterable[str]) -> str:
    """Fill a `{{slot}}` (a label or relationship type, which Cypher cannot take as a parameter) from an
    allow-list, never from free text; the planner then sees a literal type and can use expand-into."""
    if value not in set(allowed):
        raise QueryError(f"{value!r} is not an allowed value for {slot}")
    token = "{{" + slot + "}}"
    if token not in text:
        raise QueryError(f"no {token} slot in this Cypher text")
    return text.replace(token, value)
