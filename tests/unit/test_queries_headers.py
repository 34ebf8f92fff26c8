"""Every shipped saved query has a complete header whose parameters match the `$params` of its body."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from geokg.console import check_text, parameter_names
from geokg.queries import PARAM_TYPES, SHIPPED_DIR, VIEWS, load_library, parse_query, split_header, unbounded_patterns

FILES = sorted(SHIPPED_DIR.glob("*.cypher"))


def test_at_least_fifteen_shipped_queries() -> None:
    assert len(FILES) >= 15
    assert len(load_library().queries) == len(FILES)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_header_is_complete(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    header, body = split_header(text)
    assert header[0].startswith("title: "), "the first line is the title"
    query = parse_query(text, path.stem)
    assert query.title and query.description, "title and description are required for shipped queries"
    assert query.views and set(query.views) <= set(VIEWS)
    for param in query.params:
        assert param.type in PARAM_TYPES
        assert param.description, f"parameter {param.name} needs a `// param {param.name}: …` line"
    assert body.strip()


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_declared_params_match_body(path: Path) -> None:
    query = parse_query(path.read_text(encoding="utf-8"), path.stem)
    assert {p.name for p in query.params} == parameter_names(query.body)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_variable_length_pattern_is_bounded(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert unbounded_patterns(text) == []
    # belt and braces: no `*]` or `*..]` or `*n..]` survives anywhere in the body
    assert not re.search(r"\*\s*\d*\s*(\.\.\s*)?\]", split_header(text)[1])


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_body_passes_the_console_text_checks(path: Path) -> None:
    statement, is_explain = check_text(path.read_text(encoding="utf-8"))
    assert not is_explain and statement


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_defaults_have_their_declared_types(path: Path) -> None:
    query = parse_query(path.read_text(encoding="utf-8"), path.stem)
    assert query.bind({}) if not any(p.required for p in query.params) else True
    kinds = {"str": str, "int": int, "float": float, "bool": bool, "list[str]": list}
    for p in query.params:
        if p.default is not None and p.type in kinds:
            assert isinstance(p.default, kinds[p.type]), p.name
