"""Helpers shared by the extraction unit tests: a gazetteer with a test extension, extraction of one text,
and its relations as (source, type, target) triples."""

from __future__ import annotations

import pytest

from loader import extract
from loader.gazetteer import Gazetteer
from loader.models import ExtractedArticle


def gazetteer_with(tmp_path_factory: pytest.TempPathFactory, extension: str) -> Gazetteer:
    """The shipped gazetteer extended with `extension` (YAML), as a user's file would."""
    path = tmp_path_factory.mktemp("gaz") / "extra.yaml"
    path.write_text(extension, encoding="utf-8")
    return Gazetteer.load([path])


def run(gazetteer: Gazetteer, text: str) -> ExtractedArticle:
    return extract.extract_texts([text], gazetteer)[0]


def triples(article: ExtractedArticle, *, negated: bool = False) -> set[tuple[str, str, str]]:
    return {(r.source, r.type, r.target) for r in article.relations if r.negated == negated}
