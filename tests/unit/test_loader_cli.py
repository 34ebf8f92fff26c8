"""`geokg extract` and `geokg eval` through click's test runner."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from loader.cli import eval_command, extract_command


def test_extract_json_contract_and_exit_codes(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text("Drills\n\nPeru and Chile held joint naval drills with Brazil.", encoding="utf-8")
    bad = tmp_path / "b.json"
    bad.write_text("{", encoding="utf-8")
    runner = CliRunner()

    result = runner.invoke(extract_command, [str(good)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    article = data["articles"][0]
    assert set(article) >= {"id", "title", "path", "published", "entities", "relations"}
    assert set(article["entities"][0]) >= {"id", "name", "kind", "aliases", "mentions"}
    rel = article["relations"][0]
    assert set(rel) >= {"source", "type", "target", "confidence", "modality", "negated", "evidence"}
    assert data["errors"] == []

    result = runner.invoke(extract_command, [str(good), str(bad)])
    assert result.exit_code == 1
    assert f"{bad}: invalid JSON" in result.stderr
    assert json.loads(result.stdout)["errors"][0]["path"] == str(bad)

    result = runner.invoke(extract_command, [str(bad)])
    assert result.exit_code == 2


def test_extract_table(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text("Strike\n\nChad attacked Libya.", encoding="utf-8")
    result = CliRunner().invoke(extract_command, [str(good), "--format", "table"])
    assert result.exit_code == 0 and "ATTACKED" in result.stdout


def test_extract_with_user_gazetteer(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text("- id: company:orlan-arms\n  name: Orlan Arms\n  kind: Company\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Deal\n\nOrlan Arms sold rifles to Chad.", encoding="utf-8")
    result = CliRunner().invoke(extract_command, [str(article), "--gazetteer", str(extra)])
    rels = json.loads(result.stdout)["articles"][0]["relations"]
    assert any(r["source"] == "company:orlan-arms" and r["target"] == "country:TCD" for r in rels)


def chad_gold(tmp_path: Path) -> None:
    """tmp_path/gold/a.json and tmp_path/articles/a.txt: one ATTACKED found, its reverse missed."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("Strike\n\nChad attacked Libya.", encoding="utf-8")
    gold = {
        "article": "a.txt",
        "entities": [
            {"name": "Chad", "kind": "Country", "aliases": []},
            {"name": "Libya", "kind": "Country", "aliases": []},
        ],
        "relations": [
            {"source": "Chad", "type": "ATTACKED", "target": "Libya"},
            {"source": "Libya", "type": "ATTACKED", "target": "Chad"},
        ],
    }
    (tmp_path / "gold" / "a.json").write_text(json.dumps(gold), encoding="utf-8")


def test_eval_table_json_and_min_f1(tmp_path: Path) -> None:
    chad_gold(tmp_path)
    runner = CliRunner()
    result = runner.invoke(eval_command, [str(tmp_path / "gold")])
    assert result.exit_code == 0 and "a.txt" in result.stdout
    result = runner.invoke(eval_command, [str(tmp_path / "gold" / "a.json"), "--format", "json"])
    micro = json.loads(result.stdout)["micro"]
    assert (micro["precision"], micro["recall"]) == (1.0, 0.5)
    result = runner.invoke(eval_command, [str(tmp_path / "gold"), "--min-f1", "0.9"])
    assert result.exit_code == 1 and "below" in result.stderr


def test_eval_reports_a_missing_article(tmp_path: Path) -> None:
    gold = tmp_path / "g.json"
    gold.write_text(json.dumps({"article": "nope.txt", "relations": []}), encoding="utf-8")
    result = CliRunner().invoke(eval_command, [str(gold)])
    assert result.exit_code != 0 and "not found" in result.output


def test_eval_by_type_and_named_sets(tmp_path: Path) -> None:
    chad_gold(tmp_path)
    runner = CliRunner()
    result = runner.invoke(eval_command, [str(tmp_path / "gold"), "--by-type"])
    assert result.exit_code == 0 and "Per relation type" in result.stdout and "ATTACKED" in result.stdout
    sets = tmp_path / "sets.yaml"
    sets.write_text("- {name: ours, gold: gold, articles: articles}\n- {name: elsewhere, gold: ../no/such/gold}\n")
    result = runner.invoke(eval_command, ["--sets", str(sets), "--by-type"])
    assert result.exit_code == 0, result.output
    assert "ours" in result.stdout and "ATTACKED" in result.stdout and "0.67" in result.stdout  # P 1, R 0.5
    assert result.stderr.count("\n") == 1 and "skipped: elsewhere" in result.stderr
    result = runner.invoke(eval_command, ["--sets", str(sets), "--format", "json"])
    assert json.loads(result.stdout)["ours"]["by_type"]["ATTACKED"]["recall"] == 0.5
    result = runner.invoke(eval_command, ["--sets", str(sets), str(tmp_path / "gold")])
    assert result.exit_code == 2 and "one of the two" in result.output
