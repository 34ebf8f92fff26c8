"""Extraction cases as tables: every case of tests/cases/*.yaml, run with the real extraction.

The format is documented in tests/cases/README.md; this test checks the files follow it, then each case.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from loader import extract
from loader.evaluate import norm
from loader.gazetteer import Gazetteer
from loader.models import MODALITIES, RELATION_TYPES, SYMMETRIC_TYPES, ExtractedArticle, Relation

CASES_DIR = Path(__file__).resolve().parents[1] / "cases"
CASE_KEYS = {"text", "expect", "absent", "denied", "why"}
REL_KEYS = {"source", "target", "type", "modality"}


def load_cases() -> list[tuple[str, str, dict[str, Any]]]:
    """(case id, the file's relation type, case) for every case of every file."""
    out = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for n, case in enumerate(data.get("cases") or [], start=1):
            out.append((f"{path.stem}:{n}", path.stem.upper(), case))
    return out


CASES = load_cases()


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@cache
def articles() -> dict[str, ExtractedArticle]:
    """Every case text extracted in one batch, by text."""
    texts = list(dict.fromkeys(case["text"] for _, _, case in CASES))
    return dict(zip(texts, extract.extract_texts(texts, gazetteer()), strict=True))


@cache
def gazetteer_id(name: str) -> str | None:
    entry = gazetteer().lookup(name)
    return entry.id if entry else None


def names_of(article: ExtractedArticle) -> dict[str, set[str]]:
    return {e.id: {e.id, norm(e.name), *(norm(a) for a in e.aliases)} for e in article.entities}


def matches(rel: Relation, wanted: dict[str, Any], rtype: str, forms: dict[str, set[str]]) -> bool:
    if rel.type != wanted.get("type", rtype):
        return False
    if "modality" in wanted and rel.modality != wanted["modality"]:
        return False

    def end(value: str, actor_id: str) -> bool:
        """The actor's id, any name or alias of its gazetteer entry, or a form the text used for it."""
        return actor_id in (value, gazetteer_id(value)) or norm(value) in forms.get(actor_id, set())

    source, target = wanted["source"], wanted["target"]
    if end(source, rel.source) and end(target, rel.target):
        return True
    return rel.type in SYMMETRIC_TYPES and end(source, rel.target) and end(target, rel.source)


def describe(article: ExtractedArticle) -> str:
    names = {e.id: e.name for e in article.entities}
    return "extracted: " + "; ".join(
        f"{'DENIED ' if r.negated else ''}{names.get(r.source, r.source)} -{r.type}-> "
        f"{names.get(r.target, r.target)} ({r.modality})"
        for r in article.relations
    ) or "extracted: nothing"


def test_case_files_follow_the_format() -> None:
    assert CASES, f"no cases in {CASES_DIR}"
    for path in CASES_DIR.glob("*.yaml"):
        assert path.stem.upper() in RELATION_TYPES, f"{path.name}: not a relation type"
    assert {p.stem.upper() for p in CASES_DIR.glob("*.yaml")} == set(RELATION_TYPES), "one file per relation type"
    for case_id, _, case in CASES:
        assert isinstance(case, dict) and isinstance(case.get("text"), str), f"{case_id}: needs a text"
        assert set(case) <= CASE_KEYS, f"{case_id}: unknown keys {set(case) - CASE_KEYS}"
        assert any(case.get(k) for k in ("expect", "absent", "denied")), f"{case_id}: expects nothing"
        for key in ("expect", "absent", "denied"):
            for rel in case.get(key) or []:
                assert isinstance(rel, dict) and {"source", "target"} <= set(rel) <= REL_KEYS, f"{case_id}: {rel}"
                assert rel.get("type", "MEMBER_OF") in RELATION_TYPES, f"{case_id}: {rel}"
                assert rel.get("modality", "asserted") in MODALITIES, f"{case_id}: {rel}"


@pytest.mark.parametrize(("case_id", "rtype", "case"), CASES, ids=[c[0] for c in CASES])
def test_case(case_id: str, rtype: str, case: dict[str, Any]) -> None:
    article = articles()[case["text"]]
    forms = names_of(article)
    asserted = [r for r in article.relations if not r.negated]
    denials = [r for r in article.relations if r.negated]
    for wanted in case.get("expect") or []:
        assert any(matches(r, wanted, rtype, forms) for r in asserted), f"missing {wanted}\n{describe(article)}"
    for unwanted in case.get("absent") or []:
        assert not any(matches(r, unwanted, rtype, forms) for r in asserted), (
            f"unexpected {unwanted}\n{describe(article)}"
        )
    for wanted in case.get("denied") or []:
        assert any(matches(r, wanted, rtype, forms) for r in denials), f"no denial {wanted}\n{describe(article)}"
