"""Parsed reference tables → Neo4j: batches of claims written with `loader.write.write_reference`.

Every good row of a table is one `ReferenceClaim` plus its details (order year, counts, weapon,
the row's source note…), written as one claim in the same transaction as its actors and edges, so a
row lands whole or not at all. Claims have content ids: importing the same file again finds every
claim already present and changes no count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from geokg import cypher
from geokg.graphdb import Graph
from loader.models import ReferenceClaim
from loader.reference.tables import RowProblem
from loader.write import WriteSummary, write_reference

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


@dataclass
class ImportResult:
    """The outcome of importing one file, for the command line and tests."""

    table: ParsedTable
    new_claims: int = 0
    existing_claims: int = 0
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
            "skipped": [p.as_dict() for p in t.problems],
            "unknown_party": [p.as_dict() for p in t.unplaced],
            "unresolved_names": dict(sorted(t.unresolved.items())),
            "edges_by_type": dict(self.summary.edges_by_type),
        }


def existing_claim_ids(graph: Graph, ids: Sequence[str]) -> set[str]:
    if not ids:
        return set()
    return {r["id"] for r in graph.read(cypher.load("app/existing_claims"), {"ids": list(ids)})}


def write_table(graph: Graph, table: ParsedTable, batch_size: int = DEFAULT_BATCH) -> ImportResult:
    """Write a parsed table in batches, one transaction each; counts new and already-present claims."""
    result = ImportResult(table=table)
    for start in range(0, len(table.claims), max(1, batch_size)):
        claims = table.claims[start:start + batch_size]
        details = table.details[start:start + batch_size]
        ids = list({c.relation.claim_id(c.extractor) for c in claims})
        present = existing_claim_ids(graph, ids)
        result.existing_claims += len(present)
        result.new_claims += len(ids) - len(present)
        result.summary.add(write_reference(graph, claims, details))
    return result
