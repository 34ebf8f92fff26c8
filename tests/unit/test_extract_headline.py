"""The headline states relations too: it is extracted as the first paragraph of the body, written
as the body writes its words when it is in Title Case. Texts are written for these tests."""

from __future__ import annotations

import pytest

from loader.extract import _sentence_case, extract_documents
from loader.gazetteer import Gazetteer
from loader.models import Document


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _triples(gazetteer: Gazetteer, title: str, body: str) -> set[tuple[str, str, str]]:
    document = Document.build(path="<test>", title=title, text=body)
    article = next(extract_documents([document], gazetteer))
    return {(r.source, r.type, r.target) for r in article.relations}


def test_a_relation_stated_only_in_the_headline_is_extracted(gazetteer: Gazetteer) -> None:
    triples = _triples(gazetteer, "Japan imposes sanctions on North Korea",
                       "The measures take effect on Monday, officials in Tokyo said.")
    assert ("country:JPN", "SANCTIONS", "country:PRK") in triples


def test_a_title_case_headline_is_read_like_a_sentence(gazetteer: Gazetteer) -> None:
    body = "Poland said on Friday that Germany had agreed to send more tanks. Deliveries start in May."
    triples = _triples(gazetteer, "Germany To Deliver More Tanks To Poland", body)
    assert ("country:DEU", "SUPPLIES_ARMS_TO", "country:POL") in triples


def test_title_case_words_take_the_case_the_body_gives_them() -> None:
    body = "Officials said a deadly drone attack hit a base in Jordan, and the Pentagon blamed Kataib Hezbollah."
    assert _sentence_case("Pentagon Blames Kataib Hezbollah For Deadly Drone Attack In Jordan", body) == (
        "Pentagon blames Kataib Hezbollah for deadly drone attack in Jordan")


def test_a_headline_already_in_sentence_case_is_left_alone() -> None:
    assert _sentence_case("Iran says it will answer any Israeli strike", "") == (
        "Iran says it will answer any Israeli strike")


def test_a_headline_the_body_repeats_is_not_read_twice(gazetteer: Gazetteer) -> None:
    body = "Japan imposes sanctions on North Korea. The measures take effect on Monday."
    document = Document.build(path="<test>", title="Japan imposes sanctions on North Korea", text=body)
    article = next(extract_documents([document], gazetteer))
    assert len([r for r in article.relations if r.type == "SANCTIONS"]) == 1
