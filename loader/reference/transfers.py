"""Arms-transfer registers in the layout of the SIPRI Arms Transfers Database → SUPPLIES_ARMS_TO claims.

The trade-register export lists one deal per row: supplier, recipient, year of order, number
ordered, weapon designation, weapon description, years of delivery, number delivered, and a status
or comments column. The reader tolerates what real exports contain: a few title lines before the
header, header spellings of different export versions ("Year(s) of delivery", "No. delivered",
"Seller"/"Buyer"), blank-headed uncertainty columns after a value ("?"), SIPRI TIV columns (ignored),
bracketed estimates ("(50)", "(2018)"), delivery years written as "2019-2021", "2019-21" or
"2019; 2020", and "unknown country" / "unknown recipient(s)" parties (noted, not loaded, since no
actor can carry them).

Time axis: the order year is the claim's `since`, the last delivery year its `until`. The modality
is "delivered" when deliveries are recorded, "ordered" otherwise. The weapon goes into `items`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from loader.models import ReferenceClaim, Relation
from loader.reference.importing import ParsedTable, collect_rows
from loader.reference.resolve_names import NameResolver, UnknownParty, UnresolvedName
from loader.reference.tables import (
    CellError,
    ColumnError,
    Row,
    RowProblem,
    TableRejected,
    header_cells,
    header_key,
    is_blank,
    map_header,
    parse_count,
    parse_year,
    parse_years,
    read_lines,
)

LAYOUT = ("supplier, recipient, year of order, number ordered, weapon designation, weapon description, "
          "years of delivery, number delivered, status/comments")
ALIASES: dict[str, str] = {
    "supplier": "supplier", "seller": "supplier", "exporter": "supplier", "supplier country": "supplier",
    "recipient": "recipient", "buyer": "recipient", "importer": "recipient", "recipient country": "recipient",
    "year of order": "order_year", "order year": "order_year", "year ordered": "order_year",
    "ordered year": "order_year", "order date": "order_year", "year of order date": "order_year",
    "number ordered": "number_ordered", "numbers ordered": "number_ordered", "ordered": "number_ordered",
    "quantity ordered": "number_ordered", "number of items ordered": "number_ordered",
    "weapon designation": "designation", "designation": "designation", "weapon": "designation",
    "weapon description": "description", "description": "description", "weapon type": "description",
    "years of delivery": "delivery_years", "year of delivery": "delivery_years",
    "delivery years": "delivery_years", "delivery year": "delivery_years", "years delivered": "delivery_years",
    "number delivered": "number_delivered", "numbers delivered": "number_delivered",
    "number delivered produced": "number_delivered", "delivered": "number_delivered",
    "quantity delivered": "number_delivered",
    "status": "status",
    # SIPRI's own deal number (the per-delivery-year layout): the deal's identity across exports.
    "sipri at database id": "deal_id", "deal id": "deal_id", "sipri deal id": "deal_id",
    "comments": "comments", "comment": "comments", "status comments": "comments",
    "status and comments": "comments", "notes": "comments", "remarks": "comments",
    # Uncertainty flags written as columns of their own by some export versions.
    "order date is estimate": "order_year_flag", "year of order is estimate": "order_year_flag",
    "uncertainty flag order year": "order_year_flag",
    "number ordered is estimate": "number_ordered_flag", "numbers ordered is estimate": "number_ordered_flag",
    "uncertainty flag number ordered": "number_ordered_flag",
    "numbers delivered is estimate": "number_delivered_flag",
    "number delivered is estimate": "number_delivered_flag",
    "uncertainty flag number delivered": "number_delivered_flag",
    "delivery year is estimate": "delivery_years_flag", "years of delivery is estimate": "delivery_years_flag",
}
# Columns of real exports that carry nothing this graph uses.
IGNORED = frozenset({
    "sipri tiv per unit", "sipri tiv for total order", "sipri tiv of delivered weapons", "tiv deal unit",
    "tiv delivery values", "tiv delivery value", "armament category", "local production",
    "sipri estimate", "order date is estimate?", "sipri tiv", "tiv",
})
REQUIRED = ("supplier", "recipient", "order_year")
FLAGGED = {"order_year": "order_year_flag", "number_ordered": "number_ordered_flag",
           "number_delivered": "number_delivered_flag", "delivery_years": "delivery_years_flag"}
PARTY_KINDS = ("Country", "Alliance", "ArmedGroup", "Organization", "Company")
# Registers also name sub-state recipients the gazetteer files as places ("Kurdistan Regional Government").
RECIPIENT_KINDS = (*PARTY_KINDS, "Region")
HEADER_SEARCH_LINES = 40
_TRUE = frozenset({"?", "yes", "y", "true", "1", "x", "estimate", "estimated"})


def find_header(path: Path, lines: list[str]) -> int:
    """Index of the header line: the first of the top lines naming both a supplier and a recipient column."""
    for index, line in enumerate(lines[:HEADER_SEARCH_LINES]):
        keys = {ALIASES.get(header_key(cell)) for cell in header_cells(line)}
        if {"supplier", "recipient"} <= keys:
            return index
    top = " ".join(lines[:HEADER_SEARCH_LINES]).casefold()
    if "trend-indicator value" in top and "volume" in top:  # SIPRI's other download, without deals
        raise TableRejected(f"{path}: this is SIPRI's table of TIV volumes by year, not a trade register — "
                            f"download the trade register (one row per deal) instead")
    raise TableRejected(f"{path}: no header with supplier and recipient columns in the first "
                        f"{HEADER_SEARCH_LINES} lines (expected the SIPRI trade-register layout: {LAYOUT})")


def map_columns(path: Path, cells: list[str]) -> list[str | None]:
    """Canonical names for the header; a blank-headed column after a value is that value's flag."""
    named = list(cells)
    previous: str | None = None
    for position, cell in enumerate(cells):
        key = header_key(cell)
        if not key and previous in FLAGGED:
            named[position] = {"order_year": "order date is estimate",
                               "number_ordered": "number ordered is estimate",
                               "number_delivered": "number delivered is estimate",
                               "delivery_years": "delivery year is estimate"}[previous]
            previous = None
            continue
        previous = ALIASES.get(key)
    columns = map_header(path, named, ALIASES, REQUIRED, ignored=IGNORED, layout=LAYOUT)
    if "designation" not in columns and "description" not in columns:
        raise TableRejected(f"{path}: missing column weapon designation or weapon description "
                            f"(expected columns: {LAYOUT})")
    return columns


def _flag(row: Row, column: str) -> bool:
    return row.get(FLAGGED[column]).strip().casefold() in _TRUE


def _cell(row: Row, column: str) -> str:
    return " ".join(row.get(column).split())


# Column names as the register's header writes them, for messages.
DISPLAY = {"order_year": "year of order", "number_ordered": "number ordered",
           "number_delivered": "number delivered", "delivery_years": "years of delivery"}


def _parse(row: Row, column: str, parser: Any) -> Any:
    try:
        return parser(row.get(column))
    except CellError as exc:
        raise ColumnError(DISPLAY.get(column, column), str(exc)) from None


def evidence(row: Row) -> str:
    """The register row in words, as shown beside the edge (built only from the row's cells)."""
    weapon = " ".join(x for x in (_cell(row, "number_ordered"), _cell(row, "designation")) if x)
    description = _cell(row, "description")
    text = f"{_cell(row, 'supplier')} → {_cell(row, 'recipient')}: {weapon}"
    if description:
        text += f" ({description})"
    text += f", ordered {_cell(row, 'order_year')}"
    delivered = _cell(row, "delivery_years")
    if delivered:
        count = _cell(row, "number_delivered")
        text += f"; {count + ' ' if count else ''}delivered {delivered}"
    text += "."
    for column in ("status", "comments"):
        value = _cell(row, column)
        if value:
            text += f" {value.rstrip('.')}."
    return text


def item_label(designation: str, description: str) -> str:
    """What the edge lists as supplied: "S-400 (SAM system)"."""
    if designation and description:
        return f"{designation} ({description})"
    return designation or description


def _row_claim(row: Row, resolver: NameResolver, extractor: str) -> tuple[ReferenceClaim, dict[str, Any]]:
    parties = []
    for column, kinds in (("supplier", PARTY_KINDS), ("recipient", RECIPIENT_KINDS)):
        try:
            parties.append(resolver.resolve(row.get(column), kinds, what=column))
        except UnknownParty:
            raise
        except UnresolvedName as exc:
            raise ColumnError(column, str(exc)) from None
    supplier, recipient = parties
    if supplier.id == recipient.id:
        raise ColumnError("recipient", f"supplier and recipient are the same actor ({supplier.id})")
    order_year, order_uncertain = _parse(row, "order_year", parse_year)
    if order_year is None:
        raise ColumnError("year of order", "empty — the order year is this row's 'since'")
    ordered, ordered_uncertain = _parse(row, "number_ordered", parse_count)
    delivered, delivered_uncertain = _parse(row, "number_delivered", parse_count)
    years, years_uncertain = _parse(row, "delivery_years", parse_years)
    designation, description = _cell(row, "designation"), _cell(row, "description")
    if not designation and not description:
        raise ColumnError("weapon designation", "empty, and so is the weapon description")
    is_delivered = bool(years) or bool(delivered)
    relation = Relation(
        source=supplier.id, type="SUPPLIES_ARMS_TO", target=recipient.id, confidence=1.0,
        modality="delivered" if is_delivered else "ordered",
        items=[item_label(designation, description)],
        since=str(order_year), until=str(max(years)) if years else None,
        evidence=evidence(row),
    )
    details: dict[str, Any] = {
        "row": row.number,
        "order_year": order_year,
        "order_year_uncertain": order_uncertain or _flag(row, "order_year"),
        "number_ordered": ordered,
        "number_ordered_uncertain": ordered_uncertain or _flag(row, "number_ordered"),
        "number_delivered": delivered,
        "number_delivered_uncertain": delivered_uncertain or _flag(row, "number_delivered"),
        "delivery_years": years,
        "delivery_years_uncertain": years_uncertain or _flag(row, "delivery_years"),
        "weapon": designation or None,
        "weapon_description": description or None,
        "status": _cell(row, "status") or None,
        "comments": _cell(row, "comments") or None,
        "sipri_deal_id": _cell(row, "deal_id") or None,
    }
    claim = ReferenceClaim(relation=relation, extractor=extractor, row=row.number,
                           entities=[supplier.entity(), recipient.entity()])
    return claim, details


def parse_transfers(path: Path, resolver: NameResolver) -> ParsedTable:
    """Read a register; a wrong header rejects the file (TableRejected), bad rows are listed and skipped."""
    path = Path(path)
    lines = read_lines(path)
    header = find_header(path, lines)
    columns = map_columns(path, header_cells(lines[header]))
    regroup = gather_deliveries if "deal_id" in columns else None
    table = collect_rows(path, lines, header, columns, kind="arms-transfers", extractor=f"sipri:{path.name}",
                         resolver=resolver, row_claim=_row_claim, skip=_is_footer, regroup=regroup)
    set_deal_identities(table)
    return table


def gather_deliveries(items: Iterable[Row | RowProblem]) -> Iterator[Row | RowProblem]:
    """One row per deal: SIPRI's per-delivery-year layout repeats a deal (same database id) once per
    year of delivery; its years are gathered, its numbers delivered added up, any estimate flag kept.
    The deal keeps the number and line of its first row."""
    deals: dict[str, list[Row]] = {}
    order: list[Row | RowProblem | str] = []
    for item in items:
        deal = item.get("deal_id").strip() if isinstance(item, Row) else ""
        if not deal:
            order.append(item)
            continue
        if deal not in deals:
            deals[deal] = []
            order.append(deal)
        deals[deal].append(item)  # type: ignore[arg-type]
    for entry in order:
        yield _merge_deal(deals[entry]) if isinstance(entry, str) else entry


def _merge_deal(rows: list[Row]) -> Row:
    first = rows[0]
    if len(rows) == 1:
        return first
    cells = dict(first.cells)
    cells["delivery_years"] = "; ".join(r.get("delivery_years") for r in rows if not is_blank(r.get("delivery_years")))
    try:
        counts = [parse_count(r.get("number_delivered")) for r in rows]
    except CellError:
        pass  # the bad cell stays in the first row's value or is reported with its row below
    else:
        values = [value for value, _ in counts if value is not None]
        if values:
            total = str(sum(values))
            cells["number_delivered"] = f"({total})" if any(unsure for _, unsure in counts) else total
    for flag in ("number_delivered_flag", "delivery_years_flag"):
        if any(r.get(flag).strip().casefold() in _TRUE for r in rows):
            cells[flag] = "yes"
    return Row(first.number, first.line, cells)


def set_deal_identities(table: ParsedTable) -> None:
    """Key each claim by its deal, so a newer export of the register updates it instead of adding one.

    SIPRI's database id where the layout has one; otherwise supplier, recipient, weapon and order
    year, numbered when a file lists the same combination more than once (two separate orders).
    """
    seen: dict[str, int] = {}
    for index, (claim, details) in enumerate(zip(table.claims, table.details, strict=True)):
        deal = details.get("sipri_deal_id")
        if deal:
            identity = f"sipri-id:{deal}"
        else:
            weapon = " ".join((details.get("weapon") or details.get("weapon_description") or "").casefold().split())
            base = f"{claim.relation.source}|{claim.relation.target}|{weapon}|{details.get('order_year')}"
            seen[base] = seen.get(base, 0) + 1
            identity = base if seen[base] == 1 else f"{base}#{seen[base]}"
        table.claims[index] = claim.model_copy(update={"identity": identity})
        details["deal"] = identity
        details["dataset"] = "sipri"


def _is_footer(row: Row) -> bool:
    """Notes some exports append below the table: text in the first cell only."""
    filled = [v for v in row.cells.values() if not is_blank(v)]
    return len(filled) == 1 and row.get("recipient") == "" and row.get("order_year") == "" and (
        row.get("supplier").casefold().startswith(("note", "source", "information", "*", "the ")))
