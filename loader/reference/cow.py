"""Memberships from the Correlates of War (COW) IGO data → MEMBER_OF claims, one per membership spell.

The COW IGO data (Pevehouse et al.) records, for each intergovernmental organisation and year,
each state's status: 1 full member, 2 associate member, 3 observer, 0 none, -9 missing, -1 not a
state. Two layouts are read:

- IGO-year wide (`igo_year_format3`): a row per organisation and year (`ioname`, `orgname`,
  `year`), a column per state (COW's names: `usa`, `uk`, `egermany`, `soafrica`…);
- state–IGO pairs, one row per state, organisation and year (`state` or `country`, `ioname`,
  `year`, and the status in `status`, `membership`, `member` or `value`).

Consecutive years with the same status make one spell: `since` is its first year, `until` its
last, left open when the spell reaches the last year the file records for that organisation (the
data ends there, the membership does not). Years before 1900 are kept (the OAS dates from 1890).
COW state names map to actors through `loader/data/reference/cow_states.csv` (with year ranges
where COW continues one state as another: Yugoslavia as Serbia) or else through the gazetteer.
A spell is identified by member, organisation and first year, so importing a newer release of the
data updates the spell instead of adding one.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from loader.models import ReferenceClaim, Relation
from loader.reference.importing import ParsedTable
from loader.reference.memberships import evidence
from loader.reference.resolve_names import REFERENCE_DIR, NameResolver, Resolved, UnknownParty, UnresolvedName
from loader.reference.tables import RowProblem, TableRejected, header_key, sniff_dialect

COW_STATES_FILE = REFERENCE_DIR / "cow_states.csv"
ROLE_OF_STATUS = {1: "member", 2: "associate", 3: "observer"}
IGO_COLUMNS = ("ioname", "igo", "igoname", "organisation", "organization")
STATE_COLUMNS = ("state", "country", "statename", "state name", "member")
STATUS_COLUMNS = ("status", "membership", "member status", "value", "role")
# Columns of the IGO-year layout that describe the organisation, not a state.
ATTRIBUTE_COLUMNS = frozenset({
    "ioname", "orgname", "longorgname", "year", "ionum", "igocode", "sdate", "deaddate", "dead",
    "integrated", "replaced", "version", "accuracyofpre1965membershipdates", "sourcesandnotes", "imputed",
    "political", "social", "economic", "cowcode", "ccode",
})
ORGANISATION_KINDS = ("Alliance", "Organization")
SOURCE = "Correlates of War IGO data"


@dataclass(frozen=True)
class _StateName:
    id: str
    first: int | None
    last: int | None


def load_cow_states(path: Path = COW_STATES_FILE) -> dict[str, list[_StateName]]:
    """COW state names → actor ids, some only for a range of years."""
    names: dict[str, list[_StateName]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            first, last = (row.get("from") or "").strip(), (row.get("to") or "").strip()
            names[row["cow"].strip().casefold()].append(
                _StateName(row["id"].strip(), int(first) if first else None, int(last) if last else None))
    return dict(names)


def is_cow_header(cells: Sequence[str]) -> bool:
    keys = {header_key(c) for c in cells}
    return "year" in keys and bool(keys & set(IGO_COLUMNS))


@dataclass
class _Year:
    line: int
    status: int | None  # None: missing in the data (-9) or blank


class _States:
    """Resolves COW state names (column names or cells), once per name and year range."""

    def __init__(self, resolver: NameResolver) -> None:
        self.resolver = resolver
        self.table = load_cow_states()
        self.cache: dict[str, Resolved | None] = {}

    def actor(self, name: str, year: int) -> Resolved | None:
        key = " ".join(name.split()).casefold()
        for mapped in self.table.get(key, []):
            if (mapped.first is None or year >= mapped.first) and (mapped.last is None or year <= mapped.last):
                return self._resolve(mapped.id)
        if key in self.table:
            return None  # a COW name the table maps only for other years
        return self._resolve(name)

    def _resolve(self, name: str) -> Resolved | None:
        if name not in self.cache:
            # COW writes names in lowercase; the gazetteer wants "Chad", "Turkey" capitalised.
            forms = [f for f in dict.fromkeys((name.title(), name, name.upper()))
                     if self.resolver.gazetteer.lookup(f) is not None]
            try:
                found: Resolved | None = self.resolver.resolve(forms[0] if forms else name, ("Country",),
                                                               what="state")
            except (UnresolvedName, UnknownParty):
                found = None  # listed among the names not in the gazetteer, and where it held a status
            self.cache[name] = found
        return self.cache[name]


def _status(cell: str) -> int | None:
    try:
        value = int(float(cell))
    except ValueError:
        return None
    return value if value >= 0 else None


def parse_cow(path: Path, lines: list[str], resolver: NameResolver) -> ParsedTable:
    """Read a COW IGO file (either layout); an unknown organisation or state is listed, the rest loads."""
    table = ParsedTable(file=path.name, kind="memberships")
    reader = csv.reader(lines, sniff_dialect(lines[0]))
    header = [header_key(c) for c in next(reader)]
    igo_col = next(header.index(c) for c in IGO_COLUMNS if c in header)
    year_col = header.index("year")
    state_col = next((header.index(c) for c in STATE_COLUMNS if c in header), None)
    status_col = next((header.index(c) for c in STATUS_COLUMNS if c in header), None)
    long_layout = state_col is not None and status_col is not None
    states = _States(resolver)
    # (organisation name, state name) → year → status; and the last year each organisation is recorded.
    years: dict[tuple[str, str], dict[int, _Year]] = defaultdict(dict)
    last_year: dict[str, int] = {}
    first_line: dict[str, int] = {}
    for line_number, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        table.rows += 1
        cells = cells + [""] * (len(header) - len(cells))
        igo = cells[igo_col].strip()
        try:
            year = int(float(cells[year_col]))
        except ValueError:
            table.problems.append(RowProblem(table.rows, line_number, "year", f"{cells[year_col]!r} is not a year"))
            continue
        last_year[igo] = max(last_year.get(igo, year), year)
        first_line.setdefault(igo, line_number)
        if long_layout:
            assert state_col is not None and status_col is not None
            years[(igo, cells[state_col].strip())][year] = _Year(line_number, _status(cells[status_col]))
            continue
        for position, column in enumerate(header):
            if column in ATTRIBUTE_COLUMNS or position in (igo_col, year_col) or not column:
                continue
            status = _status(cells[position])
            if status is not None or cells[position].strip():
                years[(igo, column)][year] = _Year(line_number, status)
    organisations: dict[str, Resolved | None] = {}
    for igo in sorted(last_year):
        try:
            organisations[igo] = resolver.resolve(igo, ORGANISATION_KINDS, what="organisation")
        except (UnresolvedName, UnknownParty) as exc:
            organisations[igo] = None
            line = first_line[igo]
            table.problems.append(RowProblem(line - 1, line, header[igo_col], str(exc)))
    for (igo, state), by_year in sorted(years.items()):
        org = organisations.get(igo)
        if org is None:
            continue
        for spell in _spells(by_year):
            first, last, role, line = spell
            member = states.actor(state, first)
            if member is None:
                if role:
                    table.problems.append(RowProblem(line - 1, line, state, f"{state!r} ({first}) is not a state the "
                                                     f"gazetteer knows — add it to {COW_STATES_FILE.name}"))
                continue
            open_ended = last >= last_year[igo]
            since, until = str(first), None if open_ended else str(last)
            text = evidence(member.entry.name, org.entry.name, role, since, until, f"{SOURCE}, {path.name}")
            relation = Relation(source=member.id, type="MEMBER_OF", target=org.id, confidence=1.0,
                                modality="asserted", role=role, since=since, until=until, evidence=text)
            claim = ReferenceClaim(relation=relation, extractor=f"cow:{path.name}", row=line,
                                   entities=[member.entity(), org.entity()],
                                   identity=f"{member.id}|{org.id}|{role}|{first}")
            table.add(claim, {"reference_source": f"{SOURCE} ({path.name})", "row": line, "dataset": "cow",
                              "deal": claim.identity, "last_recorded_year": last})
    table.unresolved = dict(resolver.unresolved)
    return table


def _spells(by_year: dict[int, _Year]) -> Iterable[tuple[int, int, str, int]]:
    """(first year, last year, role, line of the first year) of each run of one status above 0."""
    run: list[int] = []
    role = ""
    for year in sorted(by_year):
        status = by_year[year].status
        current = ROLE_OF_STATUS.get(status or 0, "")
        if run and (current != role or year != run[-1] + 1):
            yield run[0], run[-1], role, by_year[run[0]].line
            run = []
        if current:
            run.append(year)
            role = current
    if run:
        yield run[0], run[-1], role, by_year[run[0]].line


def reject_unless_cow(path: Path, lines: list[str]) -> None:
    if not lines or not is_cow_header(next(csv.reader([lines[0]], sniff_dialect(lines[0])), [])):
        raise TableRejected(f"{path}: not a Correlates of War IGO table (expected columns ioname, year, …)")
