"""Cell parsing of reference tables: dates, bracketed estimates, delivery years, headers."""

from __future__ import annotations

from pathlib import Path

import pytest

from loader.reference.tables import (
    CellError,
    TableRejected,
    date_ceiling,
    date_floor,
    header_key,
    map_header,
    parse_count,
    parse_date,
    parse_year,
    parse_years,
    read_lines,
)


@pytest.mark.parametrize(("cell", "expected"), [
    ("50", (50, False)), ("(50)", (50, True)), (" ( 50 ) ", (50, True)), ("1,000", (1000, False)),
    ("(2000)", (2000, True)), ("12?", (12, True)), ("", (None, False)), ("n.a.", (None, False)),
    ("?", (None, True)),
])
def test_counts_with_bracketed_estimates(cell: str, expected: tuple[int | None, bool]) -> None:
    assert parse_count(cell) == expected


@pytest.mark.parametrize("cell", ["fifty", "(50", "50)", "5O", "-3", "1.5"])
def test_bad_counts_say_what_is_expected(cell: str) -> None:
    with pytest.raises(CellError, match="not a number"):
        parse_count(cell)


@pytest.mark.parametrize(("cell", "expected"), [
    ("2019", ([2019], False)),
    ("2019-2021", ([2019, 2020, 2021], False)),
    ("2019-21", ([2019, 2020, 2021], False)),
    ("2019; 2020", ([2019, 2020], False)),
    ("2019, 2021-2022", ([2019, 2021, 2022], False)),
    ("(2020)", ([2020], True)),
    ("2019\u20132020", ([2019, 2020], False)),
    ("", ([], False)),
])
def test_delivery_years(cell: str, expected: tuple[list[int], bool]) -> None:
    assert parse_years(cell) == expected


@pytest.mark.parametrize(("cell", "message"), [
    ("2021-2019", "ends before it starts"), ("soon", "not a list of years"), ("1850", "out of range"),
])
def test_bad_delivery_years(cell: str, message: str) -> None:
    with pytest.raises(CellError, match=message):
        parse_years(cell)


def test_years_of_order() -> None:
    assert parse_year("2018") == (2018, False)
    assert parse_year("(2018)") == (2018, True)
    assert parse_year("") == (None, False)
    with pytest.raises(CellError, match="not a year"):
        parse_year("18")


@pytest.mark.parametrize("cell", ["2006", "2006-06", "2006-06-23"])
def test_dates_keep_their_precision(cell: str) -> None:
    assert parse_date(cell) == cell


@pytest.mark.parametrize(("cell", "message"), [
    ("23/06/2006", "not a date"), ("2006-13", "month"), ("2006-02-30", "no such day"), ("0999", "out of range"),
])
def test_bad_dates(cell: str, message: str) -> None:
    with pytest.raises(CellError, match=message):
        parse_date(cell)


def test_date_bounds_read_partial_dates_generously() -> None:
    assert date_floor("2006") == "2006-01-01" and date_floor("2006-06") == "2006-06-01"
    assert date_ceiling("2012") == "2012-12-31" and date_ceiling("2012-05") == "2012-05-31"
    assert date_floor("2006-06-23") == date_ceiling("2006-06-23") == "2006-06-23"


def test_header_keys_ignore_spelling_noise() -> None:
    assert header_key("Year(s) of delivery") == "years of delivery"
    assert header_key("\ufeffNo. delivered") == "number delivered"
    assert header_key(" Status/Comments ") == "status comments"


def test_a_bad_header_rejects_the_file() -> None:
    aliases = {"member": "member", "organisation": "organisation", "role": "role"}
    path = Path("m.csv")
    with pytest.raises(TableRejected, match="unknown column 'colour'"):
        map_header(path, ["member", "organisation", "colour"], aliases, ["member"])
    with pytest.raises(TableRejected, match="missing column"):
        map_header(path, ["member", "role"], aliases, ["member", "organisation"])
    with pytest.raises(TableRejected, match="appears twice"):
        map_header(path, ["member", "Member"], aliases, ["member"])
    assert map_header(path, ["Member", "Organisation", ""], aliases, ["member"]) == ["member", "organisation", None]


def test_unreadable_files_are_rejected(tmp_path: Path) -> None:
    with pytest.raises(TableRejected, match="file not found"):
        read_lines(tmp_path / "missing.csv")
    empty = tmp_path / "empty.csv"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(TableRejected, match="empty"):
        read_lines(empty)
    binary = tmp_path / "sheet.csv"
    binary.write_bytes(b"PK\x03\x04\x00\x00member")
    with pytest.raises(TableRejected, match="binary file"):
        read_lines(binary)


@pytest.mark.parametrize(("encoding", "prefix"), [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("latin-1", b""), ("cp1252", b""), ("utf-16", b""),
])
def test_tables_are_read_in_the_encoding_they_were_saved_in(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(prefix + "member,note\nC\xf4te d'Ivoire,Kr\xe4mer \u2013 \u201cyes\u201d\n".replace(
        "\u2013 \u201cyes\u201d", "\u2013 \u201cyes\u201d" if encoding != "latin-1" else "- yes").encode(encoding))
    lines = read_lines(path)
    assert lines[0] == "member,note"
    assert lines[1].startswith("C\xf4te d'Ivoire,Kr\xe4mer ")
    if encoding == "cp1252":  # Windows-1252 names the bytes Latin-1 leaves as control characters
        assert lines[1].endswith("\u2013 \u201cyes\u201d")


def test_semicolon_padding_of_a_spreadsheet_round_trip_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("a,b,c;;;;;;\r\n1,2,3;;;;\r\n4,,;;;;;;;;\r\n", encoding="utf-8")
    assert read_lines(path) == ["a,b,c", "1,2,3", "4,,"]
    kept = tmp_path / "k.csv"  # a real semicolon-separated table keeps its empty cells
    kept.write_text("a;b;c\n1;;\n", encoding="utf-8")
    assert read_lines(kept) == ["a;b;c", "1;;"]
