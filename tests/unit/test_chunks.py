"""Long articles are extracted in pieces cut at paragraph breaks and merged back into one article."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from loader.chunks import extract_in_chunks, split_text
from loader.extract import extract_documents
from loader.gazetteer import Gazetteer
from loader.read import read_paths

SAMPLE = Path(__file__).resolve().parents[2] / "loader" / "samples" / "articles" / "03-csto-drills-tajikistan.txt"


def test_split_text_keeps_paragraphs_and_the_limit() -> None:
    paragraphs = [f"Paragraph {i}. " + "word " * 40 for i in range(50)]
    text = "\n\n".join(paragraphs)
    chunks = split_text(text, 1000)
    assert len(chunks) > 1 and all(len(c) <= 1000 for c in chunks)
    assert "\n\n".join(chunks) == text  # cut only between paragraphs
    assert split_text("short", 1000) == ["short"]


def test_split_text_cuts_a_huge_paragraph_at_sentences_then_anywhere() -> None:
    sentences = "One sentence here. " * 200
    chunks = split_text(sentences, 500)
    assert all(len(c) <= 500 for c in chunks) and all(c.rstrip().endswith(".") for c in chunks[:-1])
    assert all(len(c) <= 300 for c in split_text("x" * 1000, 300))


def test_a_long_article_in_pieces_finds_what_one_copy_finds() -> None:
    gazetteer = Gazetteer.load()
    [single], errors = read_paths([SAMPLE])
    assert not errors
    long = single.model_copy(update={"text": "\n\n".join([single.text] * 4)})
    [whole] = list(extract_documents([single], gazetteer))
    calls: list[int | None] = []

    def extract(docs: Any, batch: int | None) -> Any:
        calls.append(batch)
        return extract_documents(docs, gazetteer, **({"batch_size": batch} if batch else {}))

    [first, merged, last] = list(extract_in_chunks([single, long, single], extract, limit=len(single.text) + 10))
    assert calls == [None, 4, None]  # ordinary articles in one stream, the long one's pieces in small batches
    assert first == last == whole
    assert merged.id == single.id and merged.title == single.title
    key = lambda r: (r.source, r.type, r.target, r.evidence)  # noqa: E731
    assert sorted(map(key, merged.relations)) == sorted(map(key, whole.relations)) and whole.relations
    mentions = {e.id: e.mentions for e in whole.entities}
    assert {e.id: e.mentions for e in merged.entities} == {k: 4 * v for k, v in mentions.items()}
