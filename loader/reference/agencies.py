"""State arms exporters and agencies (`agency, state, role, since, until, source`) → PART_OF claims.

"Rosoboronexport is part of Russia": an arms-supply edge that news attributes to an exporter can
then be traced to the state that stands behind it, and reconciled with state-to-state registers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from loader.models import ReferenceClaim, Relation
from loader.reference.importing import ParsedTable, parse_curated_table
from loader.reference.resolve_names import NameResolver, UnknownParty, UnresolvedName
from loader.reference.tables import (
    CellError,
    ColumnError,
    Row,
    date_floor,
    parse_date,
)

COLUMNS = ("agency", "state", "role", "since", "until", "source")
ALIASES = {
    "agency": "agency", "exporter": "agency", "company": "agency", "organisation": "agency",
    "organization": "agency",
    "state": "state", "country": "state", "parent": "state",
    "role": "role", "type": "role",
    "since": "since", "from": "since", "founded": "since",
    "until": "until", "to": "until",
    "source": "source", "sources": "source", "note": "source",
}
REQUIRED = ("agency", "state")
AGENCY_KINDS = ("Company", "Organization")
STATE_KINDS = ("Country", "Company", "Organization")



def _row_claim(row: Row, resolver: NameResolver, extractor: str) -> tuple[ReferenceClaim, dict[str, Any]]:
    resolved = []
    for column, kinds in (("agency", AGENCY_KINDS), ("state", STATE_KINDS)):
        try:
            resolved.append(resolver.resolve(row.get(column), kinds, what=column))
        except (UnresolvedName, UnknownParty) as exc:
            raise ColumnError(column, str(exc)) from None
    agency, state = resolved
    if agency.id == state.id:
        raise ColumnError("state", "an agency cannot be part of itself")
    dates: dict[str, str | None] = {}
    for column in ("since", "until"):
        try:
            dates[column] = parse_date(row.get(column))
        except CellError as exc:
            raise ColumnError(column, str(exc)) from None
    since, until = dates["since"], dates["until"]
    if since and until and date_floor(until) < date_floor(since):
        raise ColumnError("until", f"{until} is before since ({since})")
    role = " ".join(row.get("role").split()) or None
    source = " ".join(row.get("source").split())
    text = f"{row.get('agency').strip()} {'was' if until else 'is'} part of {row.get('state').strip()}"
    if role:
        text += f" ({role})"
    if since:
        text += f" from {since}"
    if until:
        text += f" until {until}"
    text += "." + (f" Source: {source}" if source else "")
    relation = Relation(source=agency.id, type="PART_OF", target=state.id, confidence=1.0,
                        modality="former" if until else "asserted", role=role, since=since, until=until,
                        evidence=text)
    claim = ReferenceClaim(relation=relation, extractor=extractor, row=row.number,
                           entities=[agency.entity(), state.entity()])
    return claim, {"reference_source": source or None, "row": row.number}


def parse_agencies(path: Path, resolver: NameResolver) -> ParsedTable:
    """Read a state-agencies CSV; a wrong header rejects the file, bad rows are listed."""
    return parse_curated_table(path, resolver, kind="agencies", columns=COLUMNS, aliases=ALIASES,
                               required=REQUIRED, row_claim=_row_claim)
