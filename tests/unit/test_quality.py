"""Extraction quality on the team's own sample corpus (loader/samples), measured against its gold annotations.

Bar from design.md: samples micro F1 >= 0.8 and no forbidden relation. The seed article, the held-out set
and the real dev set are scored by the eval suite (tests/eval, `make eval`), with the higher quality bars.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from loader.evaluate import Gold, Report, article_path, load_gold, score
from loader.extract import extract_documents
from loader.gazetteer import Gazetteer
from loader.read import read_paths

REPO = Path(__file__).resolve().parents[2]
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


def test_sample_corpus_micro_f1() -> None:
    gold_files = sorted(SAMPLE_GOLD.glob("*.json"))
    if not gold_files:
        pytest.fail(f"sample corpus is missing: no gold files in {SAMPLE_GOLD}")
    report = evaluate([load_gold(p) for p in gold_files])
    total = report.total()
    assert total.f1 >= 0.8, f"micro P={total.precision:.3f} R={total.recall:.3f} F1={total.f1:.3f}\n{explain(report)}"
    assert total.forbidden_hits == [], explain(report)
