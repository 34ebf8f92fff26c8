"""Reading every input format, and one ReadError (never an exception) per bad input."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from loader.models import Document, ReadError
from loader.read import iter_documents, normalise_paragraphs, parse_date, read_paths

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Defence Wire</title><link>https://example.org</link>
<description>d</description>
<item><title>Ruritania orders radars</title><link>https://example.org/1</link>
<pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Ruritania ordered &lt;b&gt;six radars&lt;/b&gt; from Freedonia.&lt;/p&gt;
&lt;p&gt;Second paragraph.&lt;/p&gt;</description></item>
<item><title>Second item</title><link>https://example.org/2</link>
<description>Plain summary text about drills.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Alliance Desk</title><id>urn:x</id>
<updated>2025-01-02T00:00:00Z</updated>
<entry><title>Pact signed</title><id>urn:1</id><link href="https://example.org/a"/>
<updated>2025-01-02T00:00:00Z</updated><published>2025-01-01T08:00:00Z</published>
<content type="html">&lt;p&gt;Two states signed a defence pact.&lt;/p&gt;</content></entry>
</feed>"""

HTML = """<html><head><title>Site | Drills</title>
<meta property="article:published_time" content="2024-09-12"></head>
<body><nav><a href="/">Home</a> | <a href="/about">About us</a></nav>
<article><h1>Navies hold joint drills</h1>
<p>The navies of two neighbouring states held joint drills in the northern sea on Thursday, officials said.</p>
<p>The exercise involved twelve ships and four submarines and lasted three days, according to a statement.</p>
</article><footer>Copyright 2024. All rights reserved.</footer></body></html>"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read_one(path: Path) -> list[Document | ReadError]:
    return list(iter_documents([path]))


# --- good inputs ---------------------------------------------------------------------
def test_text_with_dateline(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "a.txt",
        "Freedonia Buys Tanks\n\nSYLVANIA CITY, Aug. 24, 2021 (Wire Agency) — Freedonia bought\ntanks.\n\nMore text.\n",
    )
    [doc] = read_one(path)
    assert isinstance(doc, Document)
    assert doc.title == "Freedonia Buys Tanks"
    assert doc.published == date(2021, 8, 24)
    assert doc.source == "Wire Agency"
    assert doc.text == "Freedonia bought tanks.\n\nMore text."


def test_text_with_published_line(tmp_path: Path) -> None:
    [doc] = read_one(write(tmp_path, "a.md", "# Title here\nPublished: 2023-05-04\n\nBody text."))
    assert isinstance(doc, Document)
    assert (doc.title, doc.published, doc.text) == ("Title here", date(2023, 5, 4), "Body text.")


def test_text_with_url_date_and_licence_header(tmp_path: Path) -> None:
    """Title, bare URL, "Date:" and "License:" lines, a blank line, then the body: only the body is text."""
    text = (
        "Ruritania Signs Radar Deal\n"
        "https://news.example.org/2024/03/02/ruritania-radar-deal\n"
        "Date: 2024-03-02\n"
        "License: example licence - internal use only\n"
        "\n"
        "Ruritania agreed to buy four radars from Freedonia.\n\nDelivery starts next year.\n"
    )
    [doc] = read_one(write(tmp_path, "01_example_radar_deal.txt", text))
    assert isinstance(doc, Document)
    assert doc.title == "Ruritania Signs Radar Deal"
    assert doc.url == "https://news.example.org/2024/03/02/ruritania-radar-deal"
    assert doc.published == date(2024, 3, 2)
    assert doc.text == "Ruritania agreed to buy four radars from Freedonia.\n\nDelivery starts next year."
    assert "http" not in doc.text and "icense" not in doc.text and "2024-03-02" not in doc.text


def test_a_url_inside_the_body_stays_text(tmp_path: Path) -> None:
    [doc] = read_one(write(tmp_path, "a.txt", "Title\n\nThe report is online.\nhttps://example.org/r\n"))
    assert isinstance(doc, Document) and doc.url is None and "https://example.org/r" in doc.text


def test_text_without_date_is_undated(tmp_path: Path) -> None:
    [doc] = read_one(write(tmp_path, "a.txt", "Title\n\nNothing here says when, in 2019 or otherwise."))
    assert isinstance(doc, Document) and doc.published is None


def test_markdown_front_matter(tmp_path: Path) -> None:
    text = "---\ntitle: From front matter\ndate: 2022-02-03\nsource: Desk\n---\nThe body.\n"
    [doc] = read_one(write(tmp_path, "a.md", text))
    assert isinstance(doc, Document)
    assert (doc.title, doc.published, doc.source, doc.text) == (
        "From front matter",
        date(2022, 2, 3),
        "Desk",
        "The body.",
    )


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    [doc] = read_one(write(tmp_path, "a.html", HTML))
    assert isinstance(doc, Document)
    assert "joint drills" in doc.text and "Copyright" not in doc.text and "About us" not in doc.text
    assert doc.published == date(2024, 9, 12)
    assert "drills" in doc.title.lower()


def test_json_object_and_list(tmp_path: Path) -> None:
    one = {"title": "T", "text": "Body one.", "url": "https://x/1", "published": "2024-01-02", "source": "S"}
    [doc] = read_one(write(tmp_path, "a.json", json.dumps(one)))
    assert isinstance(doc, Document)
    assert (doc.url, doc.published, doc.source) == ("https://x/1", date(2024, 1, 2), "S")
    items = read_one(write(tmp_path, "b.json", json.dumps([one, {"text": "Body two."}])))
    assert [type(i) for i in items] == [Document, Document]


def test_jsonl_bad_line_is_one_error_and_rest_loads(tmp_path: Path) -> None:
    lines = [
        json.dumps({"title": "A", "text": "First."}),
        "{not json",
        "",
        json.dumps({"title": "C", "text": "Third."}),
    ]
    items = read_one(write(tmp_path, "a.jsonl", "\n".join(lines)))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [d.title for d in docs] == ["A", "C"]
    assert len(errors) == 1 and errors[0].error.startswith("line 2:")


def test_json_record_without_text_is_an_error(tmp_path: Path) -> None:
    items = read_one(write(tmp_path, "a.json", json.dumps([{"title": "no text"}, {"text": "ok"}])))
    assert isinstance(items[0], ReadError) and "record 1" in items[0].error
    assert isinstance(items[1], Document)


def test_rss_feed(tmp_path: Path) -> None:
    items = read_one(write(tmp_path, "a.rss", RSS))
    docs = [i for i in items if isinstance(i, Document)]
    assert len(docs) == 2 and len(items) == 2
    assert docs[0].text == "Ruritania ordered six radars from Freedonia.\n\nSecond paragraph."
    assert docs[0].published == date(2025, 3, 4)
    assert docs[0].source == "Defence Wire" and docs[0].url == "https://example.org/1"
    assert docs[1].published is None


def test_atom_feed(tmp_path: Path) -> None:
    [doc] = read_one(write(tmp_path, "a.atom", ATOM))
    assert isinstance(doc, Document)
    assert doc.text == "Two states signed a defence pact."
    assert doc.published == date(2025, 1, 1)


def test_folder_is_recursive_and_skips_unknown_types(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "One\n\nBody.")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "b.md", "Two\n\nBody.")
    write(tmp_path, "notes.docx", b"PK\x03\x04")
    write(tmp_path, ".hidden.txt", "Hidden\n\nBody.")
    docs, errors = read_paths([tmp_path])
    assert sorted(d.title for d in docs) == ["One", "Two"] and errors == []


def test_same_article_has_same_id(tmp_path: Path) -> None:
    a = read_one(write(tmp_path, "a.txt", "Title\n\nSame   body."))[0]
    b = read_one(write(tmp_path, "b.txt", "Title\n\nSame body."))[0]
    assert isinstance(a, Document) and isinstance(b, Document) and a.id == b.id


# --- bad inputs ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", "", "empty"),
        ("blank.md", "  \n\n ", "empty"),
        ("binary.txt", b"\x00\x01\x02binary\x00data", "binary"),
        ("latin1.txt", "Caf\u00e9 title\n\nna\u00efve".encode("latin-1"), "UTF-8"),
        ("truncated.json", '{"title": "T", "text": "cut', "invalid JSON"),
        ("empty.json", "", "empty"),
        ("broken.xml", "<rss><channel><item><title>x</title", "feed"),
        ("notafeed.xml", "<?xml version='1.0'?><root><a>1</a></root>", "feed"),
        ("binary.rss", b"\x00\x00\x00\x00", "binary"),
        ("nothing.html", "<html><body><nav>Home</nav></body></html>", "no article text"),
        ("list.json", "[]", "no articles"),
    ],
)
def test_bad_input_is_one_error(tmp_path: Path, name: str, content: str | bytes, reason: str) -> None:
    items = read_one(write(tmp_path, name, content))
    assert len(items) == 1 and isinstance(items[0], ReadError), items
    assert reason.lower() in items[0].error.lower()
    assert "\n" not in items[0].error


def test_unknown_extension_named_explicitly_is_an_error(tmp_path: Path) -> None:
    [item] = read_one(write(tmp_path, "a.docx", b"PK\x03\x04"))
    assert isinstance(item, ReadError) and "unsupported" in item.error


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    [item] = read_one(tmp_path / "nope.txt")
    assert isinstance(item, ReadError) and "no such" in item.error


# --- helpers -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-08-24", date(2021, 8, 24)),
        ("2021-08-24T10:00:00Z", date(2021, 8, 24)),
        ("Aug. 24, 2021", date(2021, 8, 24)),
        ("24 August 2021", date(2021, 8, 24)),
        ("Monday", None),
        ("2021-02-30", None),
        ("", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_hard_wrapped_paragraphs_are_joined() -> None:
    assert normalise_paragraphs("one\ntwo\n\nthree") == "one two\n\nthree"
    assert normalise_paragraphs("line one\nline two") == "line one\n\nline two"


def test_article_longer_than_the_extractor_takes_is_one_line_error(tmp_path: Path) -> None:
    from loader.read import MAX_TEXT_CHARS, read_paths

    big = tmp_path / "huge.txt"
    big.write_text("A title\n" + "Russia supplies tanks to Ukraine. " * (MAX_TEXT_CHARS // 30))
    docs, errors = read_paths([big])
    assert docs == []
    assert len(errors) == 1 and "split it into articles" in errors[0].error
    assert "\n" not in errors[0].error


def test_agency_datelines_give_the_outlet_and_leave_the_body() -> None:
    from loader.read import split_dateline

    body, _date, agency = split_dateline("OSLO, May 3. /TASS/. Norway opened a new base.")
    assert (body, agency) == ("Norway opened a new base.", "TASS")
    body, _date, agency = split_dateline("LIMA, Peru (AP) — Peru bought jets.")
    assert (body, agency) == ("Peru bought jets.", "AP")
