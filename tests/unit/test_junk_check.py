"""The check over real news inputs: it skips cleanly without them and judges invented rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.eval import junk_actors


def test_skips_when_the_inputs_are_absent(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert junk_actors.main(["--inputs", str(tmp_path / "absent")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_news_inputs_are_feeds_datasets_and_pages(tmp_path: Path) -> None:
    for name in ("rss_a.xml", "b.jsonl", "c.json", "d.csv"):
        (tmp_path / name).write_text("", encoding="utf-8")
    (tmp_path / "html_articles").mkdir()
    found = {p.name for p in junk_actors.news_inputs(tmp_path)}
    assert found == {"rss_a.xml", "b.jsonl", "c.json", "html_articles"}


def test_classify_invented_rows() -> None:
    result = {
        "articles": [
            {
                "entities": [
                    {"id": "person:leopard-2a6", "name": "Leopard 2A6", "kind": "Person"},
                    {"id": "org:camp-harbin", "name": "Camp Harbin", "kind": "Organization"},
                    {"id": "org:gmt", "name": "GMT", "kind": "Organization"},
                    {"id": "person:olena-kovalenko", "name": "Olena Kovalenko", "kind": "Person"},
                ]
            }
        ]
    }
    found = junk_actors.classify(result, ["A meeting at 10:00 GMT."])
    assert [r[0] for r in found["weapon"]] == ["Leopard 2A6"]
    assert [r[0] for r in found["place"]] == ["Camp Harbin"]
    assert [r[0] for r in found["common word"]] == ["GMT"]
