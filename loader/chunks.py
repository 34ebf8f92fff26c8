"""Long articles are extracted in pieces, so memory stays bounded whatever an article's size.

spaCy holds a parse of the whole text at once (about 3 KB per character with the dependency parse), so a
one-megabyte article would need gigabytes. A text longer than `CHUNK_CHARS` is cut at paragraph breaks
(a paragraph longer than that at sentence ends, as a last resort anywhere) into pieces extracted one
after another; their results are merged back into one article: entities by id (mentions added,
aliases joined), relations and cited sources in order, without duplicates.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from loader.models import Document, Entity, ExtractedArticle

CHUNK_CHARS = 20_000
CHUNK_BATCH = 4  # pieces parsed together: spaCy holds a whole batch, so a long article's batch stays small
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _pieces(paragraph: str, limit: int) -> Iterator[str]:
    """A paragraph cut at sentence ends into pieces of at most `limit` characters (hard cuts if a
    sentence alone is longer)."""
    current = ""
    for sentence in _SENTENCE_END.split(paragraph):
        while len(sentence) > limit:
            if current:
                yield current
                current = ""
            yield sentence[:limit]
            sentence = sentence[limit:]
        if current and len(current) + 1 + len(sentence) > limit:
            yield current
            current = sentence
        else:
            current = f"{current} {sentence}" if current else sentence
    if current:
        yield current


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """`text` in pieces of at most `limit` characters, cut at paragraph breaks where possible."""
    if len(text) <= limit:
        return [text]
    chunks: list[str] = []
    current = ""
    for paragraph in re.split(r"\n\s*\n", text):
        for piece in ([paragraph] if len(paragraph) <= limit else _pieces(paragraph, limit)):
            if current and len(current) + 2 + len(piece) > limit:
                chunks.append(current)
                current = piece
            else:
                current = f"{current}\n\n{piece}" if current else piece
    if current:
        chunks.append(current)
    return chunks


def split_document(document: Document, limit: int = CHUNK_CHARS) -> list[Document]:
    """The document itself, or one document per piece of its text (same id, title and metadata)."""
    texts = split_text(document.text, limit)
    if len(texts) == 1:
        return [document]
    return [document.model_copy(update={"text": text}) for text in texts]


def merge_articles(parts: list[ExtractedArticle]) -> ExtractedArticle:
    """One article from the extractions of its pieces."""
    if len(parts) == 1:
        return parts[0]
    entities: dict[str, Entity] = {}
    for part in parts:
        for entity in part.entities:
            known = entities.get(entity.id)
            if known is None:
                entities[entity.id] = entity.model_copy()
                continue
            aliases = known.aliases + [a for a in entity.aliases if a not in known.aliases]
            entities[entity.id] = known.model_copy(update={
                "mentions": known.mentions + entity.mentions, "aliases": aliases,
                "confidence": max(known.confidence, entity.confidence)})
    relations = []
    seen: set[str] = set()
    for part in parts:
        for relation in part.relations:
            key = relation.model_dump_json()
            if key not in seen:
                seen.add(key)
                relations.append(relation)
    cited = list(dict.fromkeys(name for part in parts for name in part.cited_sources))
    return parts[0].model_copy(update={"entities": list(entities.values()), "relations": relations,
                                       "cited_sources": cited})


Extract = Callable[[Iterable[Document], int | None], Iterator[ExtractedArticle]]


def extract_in_chunks(documents: Iterable[Document], extract: Extract,
                      limit: int = CHUNK_CHARS) -> Iterator[ExtractedArticle]:
    """`extract(docs, batch_size)` over the documents, one article per document, in order.

    Runs of ordinary documents go through one call with the extractor's own batch size (one spaCy
    stream, as before); a long document's pieces go through a call of their own in small batches, so
    only a few pieces are parsed at once, and their results are merged.
    """
    run: list[Document] = []
    for document in documents:
        parts = split_document(document, limit)
        if len(parts) == 1:
            run.append(document)
            continue
        if run:
            yield from extract(run, None)
            run = []
        yield merge_articles(list(extract(parts, CHUNK_BATCH)))
    if run:
        yield from extract(run, None)
