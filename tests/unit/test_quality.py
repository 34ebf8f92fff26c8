"""Extraction quality, measured against gold annotations.

The seed article and its gold file live in ../shared/corpus beside the checkout (CI lays
them there); the team's own sample corpus lives in loader/samples. Bars from design.md:
seed precision >= 0.9, recall >= 0.85, no forbidden relation; samples micro F1 >= 0.8.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from loader.evaluate import Gold, Report, article_path, load_gold, score
from loader.extract import extract_documents
from loader.gazetteer import Gazetteer
from loader.read import read_paths

REPO = Path(__file__).resolve().parents[2]
SEED_DIR = REPO.parent / "shared" / "corpus"
SAMPLE_GOLD = REPO / "loader" / "samples" / "gold"


def evaluate(golds: list[Gold]) -> Report:
    docs = []
    for gold in golds:
        found, errors = read_paths([article_path(gold)])
        assert not errors and len(found) == 1, errors
        docs.append(found[0])
    return score(zip(extract_documents(docs, Gazetteer.load()), golds, strict=True))


def explain(report: Report) -> str:
    lines = []
    for s in report.articles:
        lines += [f"{s.article}: missed {m}" for m in s.misses]
        lines += [f"{s.article}: false positive {m}" for m in s.false_positives]
        lines += [f"{s.article}: FORBIDDEN {m}" for m in s.forbidden_hits]
    return "\n".join(lines)


def test_seed_article_meets_the_bars() -> None:
    gold_path = SEED_DIR / "seed-gold.json"
    if not gold_path.is_file() or not (SEED_DIR / "seed-article.txt").is_file():
        pytest.fail(
            f"seed corpus is missing beside the checkout: expected {SEED_DIR}/seed-article.txt and seed-gold.json"
        )
    total = evaluate([load_gold(gold_path)]).total()
    detail = explain(evaluate([load_gold(gold_path)]))
    assert total.precision >= 0.9, detail
    assert total.recall >= 0.85, detail
    assert total.forbidden_hits == [], detail


def test_sample_corpus_micro_f1() -> None:
    gold_files = sorted(SAMPLE_GOLD.glob("*.json"))
    if not gold_files:
        pytest.fail(f"sample corpus is missing: no gold files in {SAMPLE_GOLD}")
    report = evaluate([load_gold(p) for p in gold_files])
    total = report.total()
    assert total.f1 >= 0.8, f"micro P={total.precision:.3f} R={total.recall:.3f} F1={total.f1:.3f}\n{explain(report)}"
    assert total.forbidden_hits == [], explain(report)
