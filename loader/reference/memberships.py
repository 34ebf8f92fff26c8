"""Curated memberships (`member, organisation, role, since, until, source`) → MEMBER_OF claims.

The Correlates of War IGO data is read too (`loader.reference.cow`), recognised by its header.

Each row says that a state belonged to an alliance or intergovernmental organisation from `since`
until `until` (blank: still does), as a member, observer, partner, or a former member. The claim
keeps the role; its modality is "asserted", or "former" for former members. `since`/`until` are the
"when it was true" axis, at the precision written (YYYY, YYYY-MM or YYYY-MM-DD).
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
    header_cells,
    is_blank,
    parse_date,
    read_lines,
)

ROLES = ("member", "associate", "observer", "partner", "former")
COLUMNS = ("member", "organisation", "role", "since", "until", "source")
ALIASES = {
    "member": "member", "member state": "member", "state": "member", "country": "member",
    "organisation": "organisation", "organization": "organisation", "alliance": "organisation",
    "role": "role", "status": "role",
    "since": "since", "from": "since", "joined": "since",
    "until": "until", "to": "until", "left": "until",
    "source": "source", "sources": "source", "note": "source",
}
REQUIRED = ("member", "organisation", "role")
MEMBER_KINDS = ("Country", "Alliance")
ORGANISATION_KINDS = ("Alliance", "Organization")

_PHRASES = {
    "member": "is a member of",
    "associate": "is an associate member of",
    "observer": "has observer status in",
    "partner": "is a partner of",
    "former": "was a member of",
}


def evidence(member: str, organisation: str, role: str, since: str | None, until: str | None,
             source: str) -> str:
    """The sentence a membership row states, as shown beside the edge."""
    phrase = _PHRASES[role]
    if until and role != "former":
        phrase = {"member": "was a member of", "associate": "was an associate member of",
                  "observer": "had observer status in",
                  "partner": "was a partner of"}[role]
    text = f"{member} {phrase} {organisation}"
    if since:
        text += f" from {since}"
    if until:
        text += f" until {until}"
    text += "."
    if source:
        text += f" Source: {source}"
    return text


def _row_claim(row: Row, resolver: NameResolver, extractor: str) -> tuple[ReferenceClaim, dict[str, Any]]:
    """One row → its claim; raises CellError or UnresolvedName tagged with the column."""
    member_cell, org_cell = row.get("member"), row.get("organisation")
    try:
        member = resolver.resolve(member_cell, MEMBER_KINDS, what="member")
    except (UnresolvedName, UnknownParty) as exc:
        raise ColumnError("member", str(exc)) from None
    try:
        org = resolver.resolve(org_cell, ORGANISATION_KINDS, what="organisation")
    except (UnresolvedName, UnknownParty) as exc:
        raise ColumnError("organisation", str(exc)) from None
    role_cell = row.get("role").casefold()
    role = "member" if is_blank(role_cell) else role_cell
    if role not in ROLES:
        raise ColumnError("role", f"{row.get('role')!r} is not a role — use {', '.join(ROLES)}")
    dates: dict[str, str | None] = {}
    for column in ("since", "until"):
        try:
            dates[column] = parse_date(row.get(column))
        except CellError as exc:
            raise ColumnError(column, str(exc)) from None
    since, until = dates["since"], dates["until"]
    if since and until and date_floor(until) < date_floor(since):
        raise ColumnError("until", f"{until} is before since ({since})")
    if member.id == org.id:
        raise ColumnError("member", f"{member_cell!r} cannot be a member of itself")
    source = " ".join(row.get("source").split())
    relation = Relation(
        source=member.id, type="MEMBER_OF", target=org.id, confidence=1.0,
        modality="former" if role == "former" else "asserted", role=role, since=since, until=until,
        evidence=evidence(member_cell.strip(), org_cell.strip(), role, since, until, source),
    )
    claim = ReferenceClaim(relation=relation, extractor=extractor, row=row.number,
                           entities=[member.entity(), org.entity()])
    return claim, {"reference_source": source or None, "row": row.number}



def parse_memberships(path: Path, resolver: NameResolver) -> ParsedTable:
    """Read a memberships CSV, ours or the Correlates of War IGO data (recognised by its header); a wrong
    header rejects the file (TableRejected), bad rows are listed."""
    from loader.reference import cow  # cow builds on this module's evidence sentences

    lines = read_lines(Path(path))
    if cow.is_cow_header(header_cells(lines[0])):
        return cow.parse_cow(Path(path), lines, resolver)
    return parse_curated_table(path, resolver, kind="memberships", columns=COLUMNS, aliases=ALIASES,
                               required=REQUIRED, row_claim=_row_claim)
