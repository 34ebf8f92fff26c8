"""Parsed reference tables → Neo4j: batches of claims written with `loader.write.write_reference`.

Every good row of a table is one `ReferenceClaim` plus its details (order year, counts, weapon,
the row's source note…), written as one claim in the same transaction as its actors and edges, so a
row lands whole or not at all. Claims have content ids: importing the same file again finds every
claim already present and changes no count.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geokg import cypher
from geokg.graphdb import Graph
from loader.models import ReferenceClaim
from loader.reference.resolve_names import NameResolver, UnknownParty
from loader.reference.tables import (
    ColumnError,
    Row,
    RowProblem,
    header_cells,
    iter_rows,
    map_header,
    read_lines,
)
from loader.write import WriteSummary, rank_strongest, recompute_edges, write_reference

DEFAULT_BATCH = 1000


@dataclass
class ParsedTable:
    """What a reader made of one file: claims for its good rows and why the other rows were left out."""

    file: str
    kind: str
    rows: int = 0
    claims: list[ReferenceClaim] = field(default_factory=list)
    details: list[dict[str, Any]] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    unplaced: list[RowProblem] = field(default_factory=list)
    unresolved: dict[str, int] = field(default_factory=dict)

    def add(self, claim: ReferenceClaim, details: dict[str, Any]) -> None:
        self.claims.append(claim)
        self.details.append(details)


RowClaim = Callable[[Row, NameResolver, str], tuple[ReferenceClaim, dict[str, Any]]]


def parse_curated_table(path: Path, resolver: NameResolver, *, kind: str, columns: Sequence[str],
                        aliases: Mapping[str, str], required: Sequence[str], row_claim: RowClaim) -> ParsedTable:
    """Read a curated CSV: a wrong header rejects the file (TableRejected), bad rows are listed."""
    path = Path(path)
    lines = read_lines(path)
    mapped = map_header(path, header_cells(lines[0]), aliases, required, layout=", ".join(columns))
    return collect_rows(path, lines, 0, mapped, kind=kind, extractor=f"curated:{path.name}", resolver=resolver,
                        row_claim=row_claim)


def collect_rows(path: Path, lines: Sequence[str], header: int, columns: Sequence[str | None], *, kind: str,
                 extractor: str, resolver: NameResolver, row_claim: RowClaim,
                 skip: Callable[[Row], bool] | None = None,
                 regroup: Callable[[Iterable[Row | RowProblem]], Iterator[Row | RowProblem]] | None = None,
                 ) -> ParsedTable:
    """Every row under the header → a claim, a problem (bad cell: skipped and listed), or an unplaced row
    (a party the register itself leaves unknown); rows that `skip` says are not data are not counted.
    `regroup` may gather several file rows into one (a deal written once per delivery year)."""
    table = ParsedTable(file=path.name, kind=kind)
    items: Iterable[Row | RowProblem] = iter_rows(path, lines, header, columns)
    if regroup is not None:
        items = regroup(items)
    for item in items:
        if isinstance(item, RowProblem):
            table.rows += 1
            table.problems.append(item)
            continue
        if skip is not None and skip(item):
            continue
        table.rows += 1
        try:
            claim, details = row_claim(item, resolver, extractor)
        except UnknownParty as exc:
            table.unplaced.append(RowProblem(item.number, item.line, None, str(exc)))
        except ColumnError as exc:
            table.problems.append(RowProblem(item.number, item.line, exc.column, str(exc)))
        else:
            table.add(claim, details)
    table.unresolved = dict(resolver.unresolved)
    return table


@dataclass
class ImportResult:
    """The outcome of importing one file, for the command line and tests."""

    table: ParsedTable
    new_claims: int = 0
    existing_claims: int = 0
    removed_claims: int = 0
    revised_deals: int = 0  # rows recognised as a deal already loaded that this file revises
    summary: WriteSummary = field(default_factory=WriteSummary)

    @property
    def exit_code(self) -> int:
        """0 when every row loaded (or was a register row with an unknown party), 1 when rows were skipped."""
        return 1 if self.table.problems else 0

    def as_dict(self) -> dict[str, Any]:
        t = self.table
        return {
            "file": t.file, "kind": t.kind, "rows": t.rows, "loaded": len(t.claims),
            "new_claims": self.new_claims, "existing_claims": self.existing_claims,
            "removed_claims": self.removed_claims, "revised_deals": self.revised_deals,
            "skipped": [p.as_dict() for p in t.problems],
            "unknown_party": [p.as_dict() for p in t.unplaced],
            "unresolved_names": dict(sorted(t.unresolved.items())),
            "edges_by_type": dict(self.summary.edges_by_type),
        }


def existing_claim_ids(graph: Graph, ids: Sequence[str]) -> set[str]:
    if not ids:
        return set()
    return {r["id"] for r in graph.read(cypher.load("app/existing_claims"), {"ids": list(ids)})}


def write_table(graph: Graph, table: ParsedTable, batch_size: int = DEFAULT_BATCH, *,
                replace: bool = False, rank: bool = True) -> ImportResult:
    """Write a parsed table in batches, one transaction each; counts new and already-present claims.

    With `replace`, claims this file loaded before and no longer produces (rows edited or removed
    since, or skipped now) are removed afterwards and their edges recomputed or deleted.
    """
    from loader.reference.deals import reconnect_revised_deals  # deals need this module: import here

    result = ImportResult(table=table)
    result.revised_deals = reconnect_revised_deals(graph, table)
    for start in range(0, len(table.claims), max(1, batch_size)):
        claims = table.claims[start:start + batch_size]
        details = table.details[start:start + batch_size]
        ids = list({c.claim_id() for c in claims})
        present = existing_claim_ids(graph, ids)
        result.existing_claims += len(present)
        result.new_claims += len(ids) - len(present)
        result.summary.add(write_reference(graph, claims, details))
    if replace and table.claims:
        result.removed_claims = remove_stale_claims(graph, table)
    if rank:  # callers writing several tables rank once, after the last
        rank_strongest(graph)
    return result


def remove_stale_claims(graph: Graph, table: ParsedTable) -> int:
    """Remove the claims of this table's file that it no longer produces; returns how many."""
    extractors = {c.extractor for c in table.claims}
    keep = {c.claim_id() for c in table.claims}
    stale: dict[str, str] = {}
    dataset = next((d.get("dataset") for d in table.details if d.get("dataset") and d.get("order_year")), None)
    if dataset is not None:
        # A register's deals, whichever export stated them: the file replaces what earlier exports said
        # about its suppliers, recipients and order years.
        years = [int(d["order_year"]) for d in table.details if d.get("order_year")]
        scope = {"dataset": dataset, "first_year": min(years), "last_year": max(years),
                 "suppliers": sorted({c.relation.oriented().source for c in table.claims}),
                 "recipients": sorted({c.relation.oriented().target for c in table.claims})}
        for row in graph.read(cypher.load("app/reference_deals_in_scope"), scope):
            if row["id"] not in keep:
                stale[row["id"]] = row["key"]
    for extractor in extractors:
        for row in graph.read(cypher.load("app/reference_claims_of_file"), {"extractor": extractor}):
            if row["id"] not in keep:
                stale[row["id"]] = row["key"]
    if not stale:
        return 0
    keys = [dict(zip(("source", "type", "target"), key.split("|"), strict=True)) | {"key": key}
            for key in sorted(set(stale.values()))]

    def work(tx: Any) -> None:
        tx.run(cypher.load("write/reference_delete_claims"), ids=sorted(stale)).consume()
        recompute_edges(tx, keys)
        tx.run(cypher.load("write/reference_orphan_edges"), keys=keys).consume()

    graph.write_tx(work)
    return len(stale)
