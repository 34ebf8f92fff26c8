"""News in the shapes people have it: JSON/JSONL with common field names or named ones, feeds whose
items carry photo captions, text files opening with `Key: value` metadata. Invented articles only;
the real datasets and feeds are read by the last test when ../shared/real-inputs is beside the checkout."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from loader.cli import extract_command
from loader.read import parse_field_overrides, read_paths

REAL_INPUTS = Path(__file__).resolve().parents[3] / "shared" / "real-inputs"


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_a_news_category_style_jsonl_reads_headline_description_and_link(tmp_path: Path) -> None:
    line = {"link": "https://news.example/entry/a-1", "headline": "Freedonia buys patrol boats",
            "category": "WORLD NEWS", "short_description": "Freedonia ordered four patrol boats from Sylvania.",
            "authors": "A. Writer", "date": "2022-09-23"}
    docs, errors = read_paths([write(tmp_path, "a.jsonl", json.dumps(line) + "\n")])
    assert errors == []
    [doc] = docs
    assert (doc.title, doc.text, doc.url, doc.published) == (
        "Freedonia buys patrol boats", "Freedonia ordered four patrol boats from Sylvania.",
        "https://news.example/entry/a-1", date(2022, 9, 23))


def test_an_article_dataset_with_link_and_site(tmp_path: Path) -> None:
    records = [{"id": "7", "title": "Talks resume", "authors": "B. Writer", "date": "2023-12-22",
                "text": "Envoys of Freedonia and Sylvania met again on Friday.", "html_file": "abc",
                "site": "http://news.example", "link": "https://news.example/talks-resume"}]
    docs, errors = read_paths([write(tmp_path, "set.json", json.dumps(records))])
    assert errors == []
    assert (docs[0].url, docs[0].source, docs[0].published) == (
        "https://news.example/talks-resume", "news.example", date(2023, 12, 22))


def test_an_api_response_with_wrapped_list_nested_source_and_timestamp(tmp_path: Path) -> None:
    payload = {"status": "ok", "results": [
        {"headline": "Border reopens", "body": ["First paragraph about the border.", "Second paragraph."],
         "source": {"id": "x", "name": "Example Wire"}, "publishedAt": "2024-02-01T08:00:00Z",
         "permalink": "https://wire.example/1"},
        {"title": "Summit ends", "description": "Leaders left the summit early.", "time": 1700000000}]}
    docs, errors = read_paths([write(tmp_path, "api.json", json.dumps(payload))])
    assert errors == []
    assert docs[0].text == "First paragraph about the border.\n\nSecond paragraph."
    assert (docs[0].source, docs[0].url, docs[0].published) == ("Example Wire", "https://wire.example/1",
                                                                date(2024, 2, 1))
    assert docs[1].published == date(2023, 11, 14)


def test_fields_can_be_named(tmp_path: Path) -> None:
    record = {"hed": "Ceasefire holds", "story": "The ceasefire held for a third day.", "when": "2024-05-02",
              "text": "a teaser that is not the story"}
    path = write(tmp_path, "odd.jsonl", json.dumps(record) + "\n")
    fields = parse_field_overrides(["text=story", "title=hed", "date=when"])
    [doc], errors = read_paths([path], fields)
    assert errors == [] and (doc.title, doc.text, doc.published) == (
        "Ceasefire holds", "The ceasefire held for a third day.", date(2024, 5, 2))
    with pytest.raises(ValueError, match="use FIELD=NAME"):
        parse_field_overrides(["colour=red"])
    # The command line takes the same mapping, and a missing text says how to name it.
    bare = write(tmp_path, "bare.jsonl", json.dumps({"story": "Nothing here is called text."}) + "\n")
    result = CliRunner().invoke(extract_command, [str(bare)])
    assert result.exit_code == 2 and "--field text=NAME" in result.output
    named = CliRunner().invoke(extract_command, [str(bare), "--field", "text=story"])
    assert named.exit_code == 0, named.output
    assert json.loads(named.output)["articles"][0]["title"] == "Nothing here is called text."


CAPTIONED_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example World</title><link>https://paper.example/world</link><description>World</description>
<item>
<title>Freedonia and Sylvania sign a pact</title>
<link>https://paper.example/2024/pact</link>
<description>The two states agreed to hold joint exercises next spring.</description>
<pubDate>Thu, 08 Aug 2024 18:54:00 +0000</pubDate>
<media:content height="100" medium="image" url="https://paper.example/img.jpg" width="100"/>
<media:credit>A Photographer</media:credit>
<media:description>Soldiers stand beside a truck in a photo taken last year.</media:description>
</item>
<item>
<title>A second item</title>
<link>https://paper.example/2024/second</link>
<description>Sylvania recalled its ambassador from Freedonia on Thursday.</description>
<pubDate>Thu, 08 Aug 2024 19:00:00 +0000</pubDate>
</item>
</channel></rss>
"""


def test_feed_items_are_read_from_their_summary_never_a_photo_caption(tmp_path: Path) -> None:
    docs, errors = read_paths([write(tmp_path, "world.xml", CAPTIONED_FEED)])
    assert errors == []
    assert [d.text for d in docs] == ["The two states agreed to hold joint exercises next spring.",
                                      "Sylvania recalled its ambassador from Freedonia on Thursday."]
    assert docs[0].title == "Freedonia and Sylvania sign a pact"
    assert (docs[0].url, docs[0].published) == ("https://paper.example/2024/pact", date(2024, 8, 8))


def test_full_content_beats_a_short_summary(tmp_path: Path) -> None:
    feed = CAPTIONED_FEED.replace(
        'xmlns:dc="http://purl.org/dc/elements/1.1/"',
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"',
    ).replace("<pubDate>Thu, 08 Aug 2024 19:00:00",
              "<content:encoded><![CDATA[<p>Sylvania recalled its ambassador.</p><p>It also closed a consulate in "
              "the north.</p>]]></content:encoded><pubDate>Thu, 08 Aug 2024 19:00:00")
    docs, _ = read_paths([write(tmp_path, "full.xml", feed)])
    assert docs[1].text == "Sylvania recalled its ambassador.\n\nIt also closed a consulate in the north."


def test_text_files_opening_with_key_value_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Title: Ports close on the coast\nURL: https://paper.example/ports\n"
                                    "Date: 2024-03-05\nSource: Example Paper\nLicense: for tests only\n\n"
                                    "Freedonia closed two ports to Sylvanian ships on Tuesday.\n")
    [doc], errors = read_paths([path])
    assert errors == []
    assert (doc.title, doc.url, doc.published, doc.source) == (
        "Ports close on the coast", "https://paper.example/ports", date(2024, 3, 5), "Example Paper")
    assert doc.text == "Freedonia closed two ports to Sylvanian ships on Tuesday."
    # Without a Title: key the first line after the block is the title.
    other = write(tmp_path, "b.md",
                  "Date: 2024-03-06\nSource: Example Paper\n\n# Ports reopen\n\nThe ports reopened.\n")
    [doc], _ = read_paths([other])
    assert (doc.title, doc.text, doc.published) == ("Ports reopen", "The ports reopened.", date(2024, 3, 6))
    # A first line that merely has a colon is a title, not metadata.
    plain = write(tmp_path, "c.txt", "Sylvania: the vote is on\n\nSylvania votes on Sunday.\n")
    [doc], _ = read_paths([plain])
    assert (doc.title, doc.text) == ("Sylvania: the vote is on", "Sylvania votes on Sunday.")


@pytest.mark.skipif(not REAL_INPUTS.is_dir(), reason="../shared/real-inputs is not beside this checkout")
def test_the_real_feeds_datasets_and_pages_read_without_failures() -> None:
    paths = [*sorted(REAL_INPUTS.glob("rss_*.xml")), REAL_INPUTS / "article_extraction_dataset_worldpolitics_30.json",
             REAL_INPUTS / "huffpost_news_category_v3_WORLDNEWS_slice60.jsonl", REAL_INPUTS / "html_articles"]
    docs, errors = read_paths(paths)
    assert errors == []
    assert len(docs) == 54 + 3 + 33 + 31 + 60 + 10 + 26 + 60 + 10
    assert all(d.url and d.published for d in docs)  # every one of these files gives both
    nyt = REAL_INPUTS / "rss_nyt_world_2024-08-08_MatipaM.xml"
    from loader.read import media_captions

    captions = media_captions(nyt.read_bytes())
    assert len(captions) > 50
    assert not [d for d in docs if " ".join(d.text.split()).casefold() in captions]
