"""The layering of the house style, read off the source: only geokg.graphdb talks to the driver,
the dashboard never pulls in spaCy through loader.extract, and the loader never imports the dashboard."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGES = ("geokg", "loader", "dashboard", "benchmarks")


def imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def sources(package: str) -> list[Path]:
    return sorted((REPO / package).rglob("*.py"))


@pytest.mark.parametrize("package", PACKAGES)
def test_only_graphdb_imports_the_driver(package: str) -> None:
    offenders = [str(p.relative_to(REPO)) for p in sources(package)
                 if p != REPO / "geokg" / "graphdb.py"
                 and any(name == "neo4j" or name.startswith("neo4j.") for name in imports_of(p))]
    assert offenders == []


def test_dashboard_never_imports_the_extractor() -> None:
    offenders = [str(p.relative_to(REPO)) for p in sources("dashboard")
                 if any(name.startswith(("loader.extract", "loader.patterns", "spacy")) for name in imports_of(p))]
    assert offenders == []


def test_loader_never_imports_the_dashboard() -> None:
    offenders = [str(p.relative_to(REPO)) for p in sources("loader")
                 if any(name == "dashboard" or name.startswith("dashboard.") for name in imports_of(p))]
    assert offenders == []


def test_the_rules_see_every_package() -> None:
    assert all(sources(package) for package in PACKAGES)
