"""Reading reference tables (CSV) row by row, and parsing their cells: dates, years, counts.

A table is rejected as a whole (`TableRejected`) when it cannot be read or its header is wrong: an
unknown or duplicated column, a required column missing. A bad cell only costs its row: the parser
raises `CellError`, which the importers turn into a `RowProblem` naming the row and the column, and
the row is skipped. Every message is one line.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from geokg.errors import InputError

# Cells that mean "no value" in curated and register files alike.
_BLANKS = frozenset({"", "-", "--", "n/a", "na", "n.a.", "none", "null"})
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_COUNT_RE = re.compile(r"^(\()?\s*(\d[\d,\s]*)\s*(\))?(\?)?$")
_YEAR_RE = re.compile(r"^\(?(\d{4})\)?\??$")
_RANGE_RE = re.compile(r"^\(?(\d{4})\)?\s*[-\u2013\u2014/]\s*\(?(\d{2}|\d{4})\)?\??$")
MIN_YEAR = 1900  # years in registers
MIN_DATE_YEAR = 1800  # dates in membership tables reach the 19th century (the OAS dates from 1890)
MAX_YEAR = 2100


class TableRejected(InputError):
    """A whole file was refused (unreadable, empty, or a header that does not fit the layout)."""


class CellError(ValueError):
    """One cell could not be parsed; the message says what was expected."""


@dataclass(frozen=True)
class RowProblem:
    """Why one row was skipped (or, with `column` None, set aside as a whole)."""

    row: int
    line: int
    column: str | None
    message: str

    def describe(self, file: str) -> str:
        where = f"{file} row {self.row} (line {self.line})"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {"row": self.row, "line": self.line, "column": self.column, "message": self.message}


@dataclass(frozen=True)
class Row:
    """One data row: its 1-based number among data rows, its line in the file, cells by column."""

    number: int
    line: int
    cells: Mapping[str, str]

    def get(self, column: str) -> str:
        return self.cells.get(column, "")


def header_key(name: str) -> str:
    """A header cell reduced to lowercase words: "Year(s) of delivery" → "years of delivery"."""
    text = name.replace("\ufeff", "").strip().casefold()
    text = text.replace("(s)", "s").replace("no.", "number").replace("&", " and ")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


def is_blank(cell: str) -> bool:
    return cell.strip().casefold() in _BLANKS


def decode_table(path: Path, data: bytes) -> tuple[str, str]:
    """The text of a table file and the encoding it was read in.

    Registers are downloaded in whatever their site writes: UTF-8 (with or without a BOM), UTF-16
    with a BOM, or Latin-1 / Windows-1252 (SIPRI's exports). UTF-8 is tried first because a Latin-1
    file is almost never valid UTF-8; Windows-1252 is read before Latin-1 since it names the bytes
    0x80–0x9F (curly quotes, dashes) that Latin-1 leaves as control characters.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise TableRejected(f"{path}: not valid UTF-16 text") from None
    if b"\x00" in data[:8192]:
        raise TableRejected(f"{path}: binary file, not a CSV table")
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise TableRejected(f"{path}: cannot decode the text")  # unreachable: Latin-1 decodes any byte


_TRAILING_SEMICOLONS_RE = re.compile(r"(?:;[ \t]*)+$")


def read_lines(path: Path) -> list[str]:
    """The file's text as lines; a file that is missing, unreadable, binary or empty is rejected.

    A spreadsheet round trip can pad every line of a comma-separated file with semicolons
    ("…,125;;;;;;"); when most lines end that way, the padding is removed.
    """
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise TableRejected(f"{path}: file not found") from None
    except OSError as exc:
        raise TableRejected(f"{path}: cannot read: {exc.strerror or exc}") from None
    text, _encoding = decode_table(path, data)
    if not text.strip():
        raise TableRejected(f"{path}: the file is empty")
    lines = text.splitlines()
    filled = [line for line in lines if line.strip()]
    padded = [line for line in filled if "," in line and line.rstrip().endswith(";;")]
    if filled and len(padded) * 2 > len(filled):
        lines = [_TRAILING_SEMICOLONS_RE.sub("", line) if "," in line else line for line in lines]
    return lines


def sniff_dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    """Comma CSV unless the sample is clearly separated by semicolons or tabs."""
    first = sample.splitlines()[0] if sample else ""
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    delimiter = max(counts, key=lambda d: counts[d])
    if counts[delimiter] == 0 or delimiter == ",":
        return csv.excel
    return csv.excel_tab if delimiter == "\t" else _Semicolon


class _Semicolon(csv.excel):
    delimiter = ";"


def iter_rows(path: Path, lines: Sequence[str], header_index: int, columns: Sequence[str | None]
              ) -> Iterator[Row | RowProblem]:
    """Data rows after the header line `header_index` (0-based), cells keyed by `columns`.

    `columns` gives the canonical name of each header position (None for ignored columns). Blank
    lines are skipped; a line with more cells than the header becomes a `RowProblem`. A record cut
    in two by a line break that was not quoted (SIPRI's comments carry them) is joined again when
    its pieces add up to the header's width; the row keeps the line where it starts.
    """
    dialect = sniff_dialect(lines[header_index])
    body = lines[header_index + 1:]
    reader = csv.reader(body, dialect)
    width = len(columns)
    records: list[tuple[int, list[str]]] = []
    try:
        previous_end = 0
        for cells in reader:
            records.append((header_index + 2 + previous_end, cells))
            previous_end = reader.line_num
    except csv.Error as exc:
        raise TableRejected(f"{path}: line {header_index + 1 + reader.line_num}: not valid CSV: {exc}") from None
    number = 0
    index = 0
    while index < len(records):
        line, cells = records[index]
        index += 1
        if not any(c.strip() for c in cells):
            continue
        joined, taken = cells, index
        while len(joined) < width and taken < len(records):
            following = records[taken][1]
            if not following or len(joined) + len(following) - 1 > width:
                break
            joined = [*joined[:-1], f"{joined[-1].rstrip()} {following[0].lstrip()}".strip(), *following[1:]]
            taken += 1
        if len(joined) == width and taken > index:  # the pieces make exactly one row: a broken comment
            cells, index = joined, taken
        number += 1
        extra = [c for c in cells[width:] if c.strip()]
        if extra:
            yield RowProblem(number, line, None, f"{len(cells)} cells but the header has {width} columns")
            continue
        padded = list(cells) + [""] * (width - len(cells))
        yield Row(number, line, {name: padded[i].strip() for i, name in enumerate(columns) if name})


def parse_date(cell: str) -> str | None:
    """An ISO date at the precision given ("2006", "2006-06", "2006-06-23"); blank is None."""
    if is_blank(cell):
        return None
    text = cell.strip()
    match = _DATE_RE.match(text)
    if not match:
        raise CellError(f"{cell!r} is not a date — use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in match.groups())
    if not MIN_DATE_YEAR <= (year or 0) <= MAX_YEAR:
        raise CellError(f"{cell!r}: year out of range {MIN_DATE_YEAR}–{MAX_YEAR}")
    if month is not None and not 1 <= month <= 12:
        raise CellError(f"{cell!r}: month must be 01–12")
    if day is not None:
        try:
            date(year or 0, month or 1, day)
        except ValueError:
            raise CellError(f"{cell!r}: no such day") from None
    return text


def date_floor(value: str) -> str:
    """The first day a date of any precision can mean: "2006" → "2006-01-01"."""
    if len(value) == 4:
        return value + "-01-01"
    if len(value) == 7:
        return value + "-01"
    return value


def date_ceiling(value: str) -> str:
    """The last day (as a string bound) a date of any precision can mean: "2012" → "2012-12-31"."""
    if len(value) == 4:
        return value + "-12-31"
    if len(value) == 7:
        return value + "-31"
    return value


def parse_count(cell: str) -> tuple[int | None, bool]:
    """A count as registers write it: "50", "(50)" (an estimate) or blank; → (value, uncertain)."""
    if is_blank(cell):
        return None, False
    text = cell.strip()
    if text in {"?", "(?)"}:
        return None, True
    match = _COUNT_RE.match(text)
    if not match or bool(match.group(1)) != bool(match.group(3)):
        raise CellError(f"{cell!r} is not a number (expected e.g. 50 or (50) for an estimate)")
    value = int(re.sub(r"[,\s]", "", match.group(2)))
    return value, bool(match.group(1) or match.group(4))


def parse_year(cell: str) -> tuple[int | None, bool]:
    """A year: "2018", "(2018)" or "2018?" (estimates); → (year, uncertain)."""
    if is_blank(cell):
        return None, False
    text = cell.strip()
    match = _YEAR_RE.match(text)
    if not match:
        raise CellError(f"{cell!r} is not a year (expected e.g. 2018 or (2018) for an estimate)")
    year = int(match.group(1))
    _check_year(cell, year)
    return year, "(" in text or "?" in text


def parse_years(cell: str) -> tuple[list[int], bool]:
    """Years of delivery: "2019", "2019-2021", "2019-21", "2019; 2020", "2019, 2021-2022", "(2020)".

    Returns the sorted distinct years and whether any was marked as an estimate.
    """
    if is_blank(cell):
        return [], False
    years: set[int] = set()
    uncertain = False
    for part in re.split(r"[;,]", cell):
        text = part.strip()
        if not text:
            continue
        uncertain = uncertain or "(" in text or "?" in text
        single = _YEAR_RE.match(text)
        if single:
            year = int(single.group(1))
            _check_year(cell, year)
            years.add(year)
            continue
        span = _RANGE_RE.match(text)
        if not span:
            raise CellError(f"{cell!r} is not a list of years (expected e.g. 2019, 2019-2021 or 2019; 2020)")
        start = int(span.group(1))
        end_text = span.group(2)
        end = int(end_text) if len(end_text) == 4 else (start // 100) * 100 + int(end_text)
        _check_year(cell, start)
        _check_year(cell, end)
        if end < start:
            raise CellError(f"{cell!r}: the range ends before it starts")
        years.update(range(start, end + 1))
    return sorted(years), uncertain


def _check_year(cell: str, year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise CellError(f"{cell!r}: year {year} out of range {MIN_YEAR}–{MAX_YEAR}")


def map_header(path: Path, cells: Sequence[str], aliases: Mapping[str, str], required: Sequence[str],
               *, ignored: frozenset[str] = frozenset(), layout: str = "") -> list[str | None]:
    """Canonical column name for each header cell (None for ignored ones); rejects a bad header.

    `aliases` maps `header_key` forms to canonical names. An unknown, blank or repeated column, or a
    missing required one, rejects the file with a message that names it and the expected columns.
    """
    expected = layout or ", ".join(dict.fromkeys(aliases.values()))
    names: list[str | None] = []
    seen: set[str] = set()
    for position, cell in enumerate(cells, start=1):
        key = header_key(cell)
        if not key:
            if any(c.strip() for c in cells[position:]):
                raise TableRejected(f"{path}: header column {position} is blank (expected columns: {expected})")
            names.append(None)
            continue
        if key in ignored:
            names.append(None)
            continue
        name = aliases.get(key)
        if name is None:
            raise TableRejected(f"{path}: unknown column {cell.strip()!r} (expected columns: {expected})")
        if name in seen:
            raise TableRejected(f"{path}: column {cell.strip()!r} appears twice")
        seen.add(name)
        names.append(name)
    missing = [c for c in required if c not in seen]
    if missing:
        raise TableRejected(f"{path}: missing column(s) {', '.join(missing)} (expected columns: {expected})")
    return names


def header_cells(line: str) -> list[str]:
    """The cells of one header line, in the file's own delimiter."""
    return next(csv.reader([line], sniff_dialect(line)), [])


class ColumnError(ValueError):
    """A row cannot be used because of one column; `column` names it."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column
