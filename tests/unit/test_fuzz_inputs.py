"""Property tests over the readers and the extractor with random, huge, empty and malformed inputs.

Whatever a file holds, reading it gives documents or one-line errors, never an exception; whatever
a text holds, extracting it gives one article with consistent entities and relations, or a one-line
GeoKG error. The figures (inputs tried, crashes) go to the fault-suite summary in docs/benchmarks.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks import faults
from geokg.errors import GeoKGError
from loader import read
from loader.models import Document, ExtractedArticle, ReadError

FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
SLOW_FUZZ = settings(FUZZ, max_examples=20)
TRIED: dict[str, int] = {}

SUFFIXES = [*sorted(read.SUFFIXES), ".pdf", ".docx", ""]
NAMES = ["Russia", "Tajikistan", "the CSTO", "NATO", "the Taliban", "Rosoboronexport", "Ukraine", "Iran",
         "Hezbollah", "the European Union", "Wagner", "China", "he", "it", "the group"]
VERBS = ["supplies weapons to", "attacked", "is a member of", "held joint drills with", "denied arming",
         "threatened", "offered helicopters to", "imposed sanctions on", "controls", "hosts a base of"]
JUNK = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=200)


def count(name: str) -> None:
    TRIED[name] = TRIED.get(name, 0) + 1


@pytest.fixture(scope="module", autouse=True)
def fault_figures(request: pytest.FixtureRequest) -> Iterator[None]:
    failed_before = request.session.testsfailed
    yield
    crashes = request.session.testsfailed - failed_before
    by_kind: dict[str, Any] = {k.replace(" ", "_"): v for k, v in sorted(TRIED.items())}
    line = faults.record("fuzzed readers and extractor", inputs=sum(TRIED.values()),
                         faults=sum(TRIED.values()), losses=crashes, **by_kind)
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(line)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def one_line(message: str) -> bool:
    return bool(message.strip()) and "\n" not in message and "\r" not in message and "Traceback" not in message


def assert_read_ok(items: list[Document | ReadError]) -> None:
    for item in items:
        assert isinstance(item, Document | ReadError), type(item)
        if isinstance(item, ReadError):
            assert one_line(item.error), repr(item.error)
        else:
            assert item.id and isinstance(item.title, str) and item.text.strip()


def read_bytes_as(folder: Path, data: bytes, suffix: str) -> list[Document | ReadError]:
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    return list(read.read_file(path))


# -- readers ---------------------------------------------------------------------------------------------------


@FUZZ
@given(data=st.binary(max_size=4000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_in_any_file_type(folder: Path, data: bytes, suffix: str) -> None:
    count("random bytes")
    assert_read_ok(read_bytes_as(folder, data, suffix))


@FUZZ
@given(text=JUNK, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
       suffix=st.sampled_from([".txt", ".md", ".json", ".jsonl", ".rss", ".xml"]))
def test_random_text_in_any_encoding(folder: Path, text: str, encoding: str, suffix: str) -> None:
    count("random text")
    assert_read_ok(read_bytes_as(folder, text.encode(encoding), suffix))


@FUZZ
@given(title=JUNK, meta=st.lists(st.sampled_from(["Published: ", "Date: 2021-13-45", "Source: ", "URL: ",
                                                  "---\ntitle: [", "MOSCOW, Aug. 24, 2021 (TASS) — "]), max_size=3),
       body=st.lists(JUNK, max_size=6))
def test_text_articles_with_odd_headers(folder: Path, title: str, meta: list[str], body: list[str]) -> None:
    count("text articles")
    text = "\n".join([title, *meta, "", *body])
    assert_read_ok(read_bytes_as(folder, text.encode("utf-8"), ".txt"))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | JUNK,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(JUNK, children, max_size=4),
    max_leaves=12,
)
RECORDS = st.fixed_dictionaries({}, optional={
    "title": JSON_VALUES, "text": JSON_VALUES | JUNK, "published": JSON_VALUES | st.sampled_from(
        ["2021-08-23", "2021-02-30", "Aug. 24, 2021", "yesterday", "0000-00-00", "99999-01-01"]),
    "source": JSON_VALUES, "url": JSON_VALUES, "content": JSON_VALUES,
})


@FUZZ
@given(value=JSON_VALUES | RECORDS | st.lists(RECORDS, max_size=5) | st.fixed_dictionaries(
    {"articles": st.lists(RECORDS | JSON_VALUES, max_size=4)}))
def test_json_of_any_shape(folder: Path, value: Any) -> None:
    count("json documents")
    assert_read_ok(read_bytes_as(folder, json.dumps(value).encode("utf-8"), ".json"))


@FUZZ
@given(lines=st.lists(RECORDS.map(json.dumps) | JUNK | st.just("{") | st.just(""), max_size=8))
def test_json_lines_with_broken_lines(folder: Path, lines: list[str]) -> None:
    count("json lines")
    assert_read_ok(read_bytes_as(folder, "\n".join(lines).encode("utf-8"), ".jsonl"))


FEEDS = [
    '<?xml version="1.0"?><rss version="2.0"><channel><title>{a}</title><item><title>{b}</title>'
    "<description>{c}</description><pubDate>{d}</pubDate></item></channel></rss>",
    '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{a}</title>'
    '<entry><title>{b}</title><content type="html">{c}</content><updated>{d}</updated></entry></feed>',
    "<rss><channel><item><title>{b}</title><description>{c}",  # truncated
]


@SLOW_FUZZ
@given(template=st.sampled_from(FEEDS), a=JUNK, b=JUNK, c=JUNK | st.just("<p>Russia &amp; <b>Iran</b></p>"),
       d=JUNK | st.sampled_from(["Tue, 24 Aug 2021 10:00:00 GMT", "2021-08-24T10:00:00Z", "not a date"]))
def test_feeds_with_random_fields(folder: Path, template: str, a: str, b: str, c: str, d: str) -> None:
    count("feeds")
    text = template.format(a=a, b=b, c=c, d=d)
    assert_read_ok(read_bytes_as(folder, text.encode("utf-8"), ".rss"))


@SLOW_FUZZ
@given(title=JUNK, paragraphs=st.lists(JUNK, max_size=5),
       wrapper=st.sampled_from(["<html><head><title>{t}</title></head><body><article>{p}</article></body></html>",
                                "<div>{p}", "{t}{p}", "<html><body><script>{p}</script></body></html>"]))
def test_html_pages_with_random_content(folder: Path, title: str, paragraphs: list[str], wrapper: str) -> None:
    count("html pages")
    html = wrapper.format(t=title, p="".join(f"<p>{p}</p>" for p in paragraphs))
    assert_read_ok(read_bytes_as(folder, html.encode("utf-8"), ".html"))


@FUZZ
@given(value=JUNK | st.datetimes() | st.dates() | st.integers() | st.none() | st.lists(st.integers(), max_size=3)
       | st.from_regex(r"\d{1,2} (Jan|Feb|Sept|Dec)[a-z]* \d{1,5}", fullmatch=True))
def test_dates_parse_or_are_none(value: Any) -> None:
    count("dates")
    parsed = read.parse_date(value)
    assert parsed is None or isinstance(parsed, date | datetime)


@pytest.mark.parametrize("suffix", sorted(read.SUFFIXES))
def test_empty_and_blank_files(folder: Path, suffix: str) -> None:
    for data in (b"", b"   \n\t\n", b"\xef\xbb\xbf"):
        count("empty files")
        items = read_bytes_as(folder, data, suffix)
        assert_read_ok(items)
        assert all(isinstance(i, ReadError) for i in items) and items


def test_huge_file_is_refused_in_one_line(folder: Path) -> None:
    count("huge files")
    path = folder / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(read.MAX_BYTES + 1)  # sparse: no 20 MB written to disk
    items = list(read.read_file(path))
    assert_read_ok(items)
    assert len(items) == 1 and isinstance(items[0], ReadError) and "too large" in items[0].error


def test_missing_paths_and_odd_folders(folder: Path) -> None:
    nested = folder / "tree" / ".hidden"
    nested.mkdir(parents=True, exist_ok=True)
    (nested / "skip.txt").write_text("hidden", encoding="utf-8")
    (folder / "tree" / "notes.pdf").write_bytes(b"%PDF-1.4")
    for paths in ([folder / "missing.txt"], [folder / "tree"], [folder / "missing-folder", folder / "tree"]):
        count("paths")
        items = list(read.iter_documents(paths))
        assert_read_ok(items)
        assert not any(isinstance(i, Document) for i in items)


# -- extractor ---------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gazetteer() -> Any:
    from loader.gazetteer import Gazetteer

    return Gazetteer.load()


def extract_one(text: str, gazetteer: Any) -> ExtractedArticle | None:
    """The extracted article, or None when the extractor refused it with a one-line GeoKG error."""
    from loader.extract import extract_documents

    doc = Document.build(path="fuzz.txt", title="", text=text)
    try:
        articles = list(extract_documents([doc], gazetteer))
    except GeoKGError as exc:
        assert one_line(str(exc)), repr(str(exc))
        return None
    assert len(articles) == 1
    return articles[0]


def assert_consistent(article: ExtractedArticle) -> None:
    ids = {e.id for e in article.entities}
    for rel in article.relations:
        assert rel.source in ids and rel.target in ids, rel
        assert 0.0 <= rel.confidence <= 1.0


SENTENCES = st.builds(lambda a, v, b, end: f"{a} {v} {b}{end}", st.sampled_from(NAMES), st.sampled_from(VERBS),
                      st.sampled_from(NAMES), st.sampled_from([".", "", "!?", ",", " and", "\n\n", "…"]))


@SLOW_FUZZ
@given(parts=st.lists(SENTENCES | JUNK, max_size=8))
def test_extractor_on_random_news_like_text(parts: list[str], gazetteer: Any) -> None:
    count("extracted texts")
    article = extract_one(" ".join(parts), gazetteer)
    if article is not None:
        assert_consistent(article)


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\x00\x01\x02", "." * 5000, "Russia " * 2000,
                                  "🚀" * 1000, "Russia\u200bsupplies\u200bweapons", "A" * 100_000])
def test_extractor_on_degenerate_text(text: str, gazetteer: Any) -> None:
    count("extracted texts")
    article = extract_one(text, gazetteer)
    if article is not None:
        assert_consistent(article)


def test_extractor_on_a_text_longer_than_spacy_allows(gazetteer: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from loader.extract import get_pipeline

    count("huge texts")
    # The same code path as a text over spaCy's 1,000,000 characters, at a size a unit test can parse.
    monkeypatch.setattr(get_pipeline(gazetteer), "max_length", 20_000)
    article = extract_one("Russia supplies tanks to Ukraine. " * 1_000, gazetteer)
    assert article is not None
    assert_consistent(article)
    assert any(r.type == "SUPPLIES_ARMS_TO" for r in article.relations)
