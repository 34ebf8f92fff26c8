"""Loading the real news inputs creates no actor that is a weapon, a place typed Person or
Organization, or a common word. Reads ../shared/real-inputs and the real dev articles
when they are beside the checkout; skips otherwise."""

from __future__ import annotations

import pytest

from tests.eval import junk_actors

pytestmark = pytest.mark.eval


@pytest.mark.parametrize("group", ["real-inputs news", "real dev articles"])
def test_no_junk_actors(group: str) -> None:
    paths = {
        "real-inputs news": junk_actors.news_inputs(junk_actors.DEFAULT_INPUTS)
        if junk_actors.DEFAULT_INPUTS.is_dir()
        else [],
        "real dev articles": [junk_actors.DEV_ARTICLES] if junk_actors.DEV_ARTICLES.is_dir() else [],
    }[group]
    if not paths:
        pytest.skip(f"{group}: not beside this checkout")
    _result, found = junk_actors.junk(paths)
    bad = {label: rows for label, rows in found.items() if label in junk_actors.JUNK_CLASSES and rows}
    assert not bad, bad
