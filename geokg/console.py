"""The read-only Cypher runner behind the ad-hoc console and every saved query.

Safe by construction, in layers, so that no single mistake lets a statement write:
1. text checks on the statement's tokens (geokg.cypher_lex: strings, `quoted` names and comments are read as
   such): one statement only, no `LOAD CSV`, no `CALL … IN TRANSACTIONS`, no write/admin clauses, no `USE`,
   only procedures on a read-only list, no invisible Unicode that could hide what the text says; and shape
   limits (geokg.query_limits) on what the server cannot bound: deep brackets, long boolean chains, big
   literal lists, values that grow inside one expression;
2. `EXPLAIN` (plans, runs nothing): refused unless Neo4j classifies the statement as read-only ("r"),
   and refused if the plan holds an operator or procedure call outside the read-only list — some
   side-effecting commands (`TERMINATE TRANSACTIONS`, `db.resampleIndex`) are classified "r";
3. execution in a READ access-mode transaction (the server refuses writes there as well).
Planning and running share one deadline (geokg.graphdb.guarded_read), rows stop at a row cap and a byte
cap. Values only ever travel as parameters, never spliced into the text.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from geokg.csv_safe import write_csv
from geokg.cypher_lex import Token, significant
from geokg.cypher_lex import mask as mask  # re-exported: the saved-query parser masks with it
from geokg.errors import InputError, QueryError, QueryRefused
from geokg.graphdb import Graph, guarded_read
from geokg.query_limits import check_shape
from geokg.settings import Settings

# A console statement is typed or pasted; the saved queries are far shorter. Long value lists go in parameters.
MAX_QUERY_CHARS = 20_000

# Procedures that only read data or schema; everything else (dbms.*, db.create*, tx.*, stats
# collection, index resampling, any plugin) is refused even when Neo4j calls it read-only.
READ_PROCEDURES = frozenset({
    "db.labels",
    "db.relationshipTypes",
    "db.propertyKeys",
    "db.schema.visualization",
    "db.schema.nodeTypeProperties",
    "db.schema.relTypeProperties",
    "db.index.fulltext.queryNodes",
    "db.index.fulltext.queryRelationships",
    "db.index.vector.queryNodes",
    "db.index.vector.queryRelationships",
    "db.ping",
})

# Plan operators refused whatever the query type says, with the reason shown to the user.
REFUSED_OPERATORS = {
    "LoadCSV": "LOAD CSV is not allowed: the console does not read files or URLs",
    "TransactionApply": "CALL … IN TRANSACTIONS is not allowed: it commits in batches outside the read transaction",
    "TransactionForeach": "CALL … IN TRANSACTIONS is not allowed: it commits in batches outside the read transaction",
    "TerminateTransactions": "TERMINATE TRANSACTIONS is not allowed: the console cannot stop other work",
    "ShowTransactions": "SHOW TRANSACTIONS is not allowed: it exposes other users' queries",
    "ShowSettings": "SHOW SETTINGS is not allowed: it exposes server configuration",
}

# Clauses that write or administer: words (not `quoted` names) that are keywords where they stand, i.e. not
# a property, label, parameter or map key (n.set, :Delete, $create, {merge: 1}) and not an alias (AS set).
_WRITE_WORDS = frozenset({
    "CREATE", "MERGE", "DELETE", "DETACH", "NODETACH", "SET", "REMOVE", "FOREACH", "DROP", "ALTER",
    "RENAME", "GRANT", "DENY", "REVOKE", "TERMINATE", "INSERT", "DEALLOCATE", "REALLOCATE", "DRYRUN",
})
_PAIR_RULES: dict[tuple[str, str], str] = {
    ("LOAD", "CSV"): "LOAD CSV is not allowed: the console does not read files or URLs",
    ("PERIODIC", "COMMIT"): "USING PERIODIC COMMIT is not allowed",
    ("START", "DATABASE"): "database administration is not allowed",
    ("STOP", "DATABASE"): "database administration is not allowed",
    ("ENABLE", "SERVER"): "server administration is not allowed",
}
_IN_TRANSACTIONS = "CALL … IN TRANSACTIONS is not allowed: it commits in batches outside the read transaction"
_SAFE_CONTROL = {"\n", "\r", "\t"}


@dataclass
class ConsoleResult:
    """Rows of one read-only statement, and what a reader should be told about them."""

    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool = False
    row_cap: int = 0
    elapsed_ms: float = 0.0
    query_type: str = "r"
    params: dict[str, Any] = field(default_factory=dict)
    plan_only: bool = False
    byte_cap: int = 0  # non-zero when the rows were cut at this many bytes
    warnings: list[str] = field(default_factory=list)  # Neo4j's notifications about the statement


    @property
    def message(self) -> str:
        if self.plan_only:
            return "Plan only (EXPLAIN): nothing was run"
        if self.truncated and self.byte_cap:
            return (f"Size cap reached: showing the first {len(self.rows):,} rows, cut at "
                    f"{self.byte_cap / 1_000_000:g} MB received (add LIMIT, return fewer or smaller values,"
                    " or raise GEOKG_QUERY_BYTE_CAP)")
        if self.truncated:
            return (f"Row cap reached: showing the first {self.row_cap:,} rows; the rest were not fetched "
                    "(add LIMIT or raise GEOKG_QUERY_ROW_CAP)")
        noun = "row" if len(self.rows) == 1 else "rows"
        return f"{len(self.rows):,} {noun} in {self.elapsed_ms:,.0f} ms"


def _position(text: str, index: int) -> str:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"line {line}, column {column}"


def parameter_names(text: str) -> set[str]:
    """The `$names` a statement uses, ignoring any inside strings and comments.

    `$any(...)`/`$all(...)` (dynamic labels and types) are not parameters.
    """
    sig = significant(text)
    return {t.value for i, t in enumerate(sig)
            if t.kind == "param" and not (i + 1 < len(sig) and sig[i + 1].value == "(" and not t.text.startswith("$`"))}


def _is_keyword(sig: list[Token], index: int) -> bool:
    """Whether the word at `index` stands where a keyword does, not as a property, label, key or alias."""
    before = sig[index - 1] if index > 0 else None
    after = sig[index + 1] if index + 1 < len(sig) else None
    if before is not None and before.kind == "punct" and before.value in {".", ":", "::"}:
        return False
    if before is not None and before.is_word("AS"):
        return False
    # a map key: `{set: 1}` or `, delete: 2` (a label after a variable is `n:Label`, the word before `:`)
    return not (after is not None and after.kind == "punct" and after.value == ":"
                and before is not None and before.kind == "punct" and before.value in {"{", ","})


def _procedure_name(sig: list[Token], index: int) -> tuple[str, int] | None:
    """The dotted name after CALL at `index` (parts may be `quoted`), or None for a subquery `CALL {`/`CALL (`."""
    parts: list[str] = []
    j = index + 1
    while j < len(sig) and sig[j].kind in ("word", "name"):
        parts.append(sig[j].value)
        if j + 1 < len(sig) and sig[j + 1].value == ".":
            j += 2
        else:
            break
    return (".".join(parts), sig[index + 1].start) if parts else None


def _check_tokens(text: str, sig: list[Token]) -> None:
    """The clause rules, on significant tokens."""
    def where(index: int) -> str:
        return _position(text, index)

    start = 0
    if sig and sig[0].is_word("CYPHER"):  # CYPHER 5 runtime=slotted … options come first
        start = 1
        while start < len(sig):
            if sig[start].kind == "number":
                start += 1
            elif (sig[start].kind == "word" and start + 2 < len(sig) and sig[start + 1].value == "="
                  and sig[start + 2].kind in ("word", "number")):
                start += 3
            else:
                break
    if start < len(sig) and sig[start].is_word("PROFILE"):
        raise QueryRefused("Refused: PROFILE runs the statement to measure it; use EXPLAIN to see the plan "
                           f"({where(sig[start].start)})")
    for i, token in enumerate(sig):
        is_apoc = token.kind in ("word", "name") and token.value.casefold() == "apoc"
        if is_apoc and i + 1 < len(sig) and sig[i + 1].value == ".":
            raise QueryRefused("Refused: APOC is not allowed: many of its procedures and functions write "
                                   f"({where(token.start)})")
        if token.kind != "word" or not _is_keyword(sig, i):
            continue
        word = token.upper
        nxt = sig[i + 1] if i + 1 < len(sig) else None
        if nxt is not None and (word, nxt.upper) in _PAIR_RULES and nxt.kind == "word":
            raise QueryRefused(f"Refused: {_PAIR_RULES[(word, nxt.upper)]} ({where(token.start)})")
        if word in _WRITE_WORDS:
            raise QueryRefused(f"Refused: {word} is not allowed: the console is read-only ({where(token.start)})")
        if word == "USE":
            raise QueryRefused("Refused: USE is not allowed: the console reads only the configured database "
                               f"({where(token.start)})")
        if word == "TRANSACTIONS":
            # `} IN [n] [CONCURRENT] TRANSACTIONS` ends a batched subquery; `x IN transactions` is a variable
            j = i - 1
            while j > 0 and (sig[j].kind in ("number", "param") or sig[j].is_word("CONCURRENT")):
                j -= 1
            if j > 0 and sig[j].is_word("IN") and sig[j - 1].value == "}":
                raise QueryRefused(f"Refused: {_IN_TRANSACTIONS} ({where(sig[j].start)})")
        if word == "CALL":
            found = _procedure_name(sig, i)
            if found and found[0] not in READ_PROCEDURES:
                raise QueryRefused(f"Refused: procedure {found[0]} is not on the read-only list "
                                   f"({where(found[1])}); allowed: {', '.join(sorted(READ_PROCEDURES))}")


def check_text(text: str) -> tuple[str, bool]:
    """Refuse what can be refused without the database; returns (statement, is_explain).

    A trailing `;` is dropped; a leading `EXPLAIN` asks for the plan instead of rows.
    """
    if not text or not text.strip():
        raise QueryError("Empty query — type one Cypher statement")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"Query too long ({len(text):,} characters; the limit is {MAX_QUERY_CHARS:,})")
    if text.startswith("\ufeff"):  # a byte-order mark from a file is harmless; elsewhere it is not
        text = " " + text[1:]
    for index, ch in enumerate(text):
        category = unicodedata.category(ch)
        if category == "Cf" or (category == "Cc" and ch not in _SAFE_CONTROL):
            name = unicodedata.name(ch, "control character")
            raise QueryRefused(f"Refused: invisible character U+{ord(ch):04X} ({name}) at {_position(text, index)}"
                               " can hide what the query does — remove it")
    sig = significant(text)
    if sig and sig[-1].value == ";" and sig[-1].kind == "punct":
        text, sig = text[:sig[-1].start], sig[:-1]
    semicolon = next((t for t in sig if t.kind == "punct" and t.value == ";"), None)
    if semicolon is not None:
        raise QueryRefused(f"Refused: more than one statement (';' at {_position(text, semicolon.start)}) — "
                           "run one statement at a time")
    if not sig:
        raise QueryError("Empty query — only comments were given")
    is_explain = sig[0].is_word("EXPLAIN")
    if is_explain:
        cut = sig[0].end
        text, sig = " " * cut + text[cut:], sig[1:]
    _check_tokens(text, sig)
    check_shape(sig, lambda index: _position(text, index))
    # Leading whitespace is kept so that positions the planner reports match the user's text.
    return text.rstrip(), is_explain


def _check_plan(query_type: str | None, operators: list[str], procedures: list[str]) -> None:
    if query_type != "r":
        kinds = {
            "w": "it writes to the graph", "rw": "it reads and writes the graph",
            "s": "it changes the schema or administers the server", "dbms": "it calls a DBMS procedure",
        }
        reason = kinds.get(query_type or "", f"Neo4j classifies it as {query_type!r}, not read-only")
        raise QueryRefused(f"Refused: {reason}; the console is read-only")
    for op in operators:
        if op in REFUSED_OPERATORS:
            raise QueryRefused(f"Refused: {REFUSED_OPERATORS[op]}")
        if op.startswith(("Create", "Merge", "Delete", "DetachDelete", "Set", "Remove", "Drop", "Foreach",
                          "AdministrationCommand", "Terminate")):
            raise QueryRefused(f"Refused: the plan holds a write or admin step ({op}); the console is read-only")
    for name in procedures:
        if name not in READ_PROCEDURES:
            raise QueryRefused(f"Refused: procedure {name} is not on the read-only list")


def parse_params(text: str | None) -> dict[str, Any]:
    """Parameters given as a JSON object ("" or None means none)."""
    if text is None or not text.strip():
        return {}
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"Parameters are not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
                         ' — write an object like {"country": "Russia"}') from exc
    except ValueError as exc:  # an integer of thousands of digits: Python refuses to read it
        raise InputError("Parameters hold an integer too long to read; integers must fit in 64 bits") from exc
    if not isinstance(value, dict):
        raise InputError('Parameters must be a JSON object like {"country": "Russia"}, '
                         f"not {type(value).__name__}")
    check_param_values(value)
    return value


INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


def check_param_values(params: Mapping[str, Any]) -> None:
    """Every integer within 64 bits and every number finite (Neo4j has no wider integer), or one line."""
    def visit(name: str, value: Any) -> None:
        if isinstance(value, bool):
            return
        if isinstance(value, int) and not INT64_MIN <= value <= INT64_MAX:
            raise InputError(f"parameter {name} is out of range: integers must lie between {INT64_MIN:,} and"
                             f" {INT64_MAX:,}")
        if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
            raise InputError(f"parameter {name} must be a finite number")
        if isinstance(value, Mapping):
            for key, item in value.items():
                visit(f"{name}.{key}", item)
        elif isinstance(value, list | tuple):
            for index, item in enumerate(value):
                visit(f"{name}[{index}]", item)

    for key, value in params.items():
        visit(str(key), value)


def check_params(text: str, params: Mapping[str, Any]) -> None:
    """Every `$name` the statement uses must have a value (extra values are ignored by Neo4j)."""
    missing = sorted(parameter_names(text) - set(params))
    if missing:
        example = ", ".join(f'"{m}": …' for m in missing)
        raise InputError(f"Missing parameter{'s' if len(missing) > 1 else ''} "
                         f"{', '.join('$' + m for m in missing)} — give {'them' if len(missing) > 1 else 'it'}"
                         f" as JSON: {{{example}}}")


def run_readonly(graph: Graph, text: str, params: Mapping[str, Any] | None = None, *,
                 settings: Settings | None = None, timeout: float | None = None,
                 row_cap: int | None = None, byte_cap: int | None = None) -> ConsoleResult:
    """Check, plan and run one statement read-only; raise QueryRefused/QueryError with one line.

    One deadline (`timeout`) covers planning, running and fetching; rows stop at `row_cap` rows or
    `byte_cap` bytes, whichever comes first.
    """
    settings = settings or graph.settings
    timeout = settings.geokg_query_timeout if timeout is None else timeout
    cap = settings.geokg_query_row_cap if row_cap is None else row_cap
    bytes_cap = settings.geokg_query_byte_cap if byte_cap is None else byte_cap
    values = dict(params or {})
    statement, is_explain = check_text(text)
    check_params(statement, values)
    check_param_values(values)
    done = guarded_read(graph, statement, values, timeout=timeout, cap=max(cap, 1), byte_cap=max(bytes_cap, 1),
                        check=lambda p: _check_plan(p.query_type, p.operators, p.procedures), plan_only=is_explain)
    if is_explain or done.rows is None:
        return ConsoleResult(["plan"], [{"plan": done.planned.plan_text}], row_cap=cap, params=values,
                             plan_only=True, warnings=done.planned.warnings)
    rows = done.rows
    return ConsoleResult(rows.columns, rows.rows, rows.truncated, cap, rows.elapsed_ms, "r", values,
                         byte_cap=bytes_cap if done.byte_cut else 0, warnings=done.planned.warnings)


# --- Rendering values for tables, CSV and grids (shared by the CLI and the dashboard) ---

def _node_label(node: Mapping[str, Any], with_ids: bool = True) -> str:
    props = node.get("properties") or {}
    name = props.get("name") or props.get("title") or props.get("id")
    if name is None:
        return f"({':'.join(node.get('labels') or [])})"
    ident = props.get("id")
    return f"{name} [{ident}]" if with_ids and ident and ident != name and "name" in props else str(name)


def cell_text(value: Any, with_ids: bool = True, limit: int | None = None) -> str:
    """A short, readable text for one value: nodes by name (and id), relationships by type, paths as chains.

    With `limit`, a list stops being rendered once its text passes that many characters.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Mapping) and value.get("_type") == "node":
        return _node_label(value, with_ids)
    if isinstance(value, Mapping) and value.get("_type") == "relationship":
        props = value.get("properties") or {}
        extra = f" ×{props['claims']}" if "claims" in props else ""
        return f"{value.get('rel_type')}{extra}"
    if isinstance(value, Mapping) and value.get("_type") == "path":
        nodes = value.get("nodes") or []
        rels = value.get("relationships") or []
        parts = [_node_label(nodes[0], with_ids)] if nodes else []
        for rel, node in zip(rels, nodes[1:], strict=False):
            forward = rel.get("start") != node.get("element_id")
            parts.append(f" -{rel.get('rel_type')}-> " if forward else f" <-{rel.get('rel_type')}- ")
            parts.append(_node_label(node, with_ids))
        return "".join(parts)
    if isinstance(value, list | tuple):
        if all(type(v) is str for v in value):  # the common long list: plain text, joined at C speed
            joined = "; ".join(value)
            return joined if limit is None or len(joined) <= limit else joined[:limit] + "…"
        parts, size = [], 0
        for item in value:
            if limit is not None and size > limit:  # a display cut: no need to render the rest
                parts.append("…")
                break
            parts.append(cell_text(item, with_ids, limit))
            size += len(parts[-1]) + 2
        return "; ".join(parts)
    if isinstance(value, Mapping):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def flat_rows(result: ConsoleResult) -> list[dict[str, str]]:
    """Rows with every value rendered as text (for tables and CSV)."""
    return [{c: cell_text(row.get(c)) for c in result.columns} for row in result.rows]


GRID_CELL_CHARS = 1_000


def grid_rows(result: ConsoleResult) -> list[dict[str, Any]]:
    """Rows for a sortable grid: numbers stay numbers (so 10 sorts after 9), everything else is text,
    nodes by name only (the graph view and the explorer link carry the ids)."""
    def value(v: Any) -> Any:
        if isinstance(v, int | float) and not isinstance(v, bool):
            return v
        text = cell_text(v, with_ids=False, limit=GRID_CELL_CHARS)
        # a page shows the start of a huge value; the CSV and JSON downloads carry all of it
        return text if len(text) <= GRID_CELL_CHARS else text[:GRID_CELL_CHARS] + "…"

    return [{c: value(row.get(c)) for c in result.columns} for row in result.rows]


def to_csv(result: ConsoleResult) -> str:
    """The result as CSV text, one header line then one line per row; no cell can start a formula."""
    return write_csv(result.columns, flat_rows(result))


def to_json(result: ConsoleResult, meta: Mapping[str, Any] | None = None) -> str:
    """The result as a JSON document: nodes, relationships and paths keep their full structure."""
    doc = {**(meta or {}), "params": result.params, "columns": result.columns, "rows": result.rows,
           "truncated": result.truncated, "row_cap": result.row_cap, "elapsed_ms": round(result.elapsed_ms, 1)}
    return json.dumps(doc, ensure_ascii=False, indent=2, default=str)


def actor_ids(rows: list[dict[str, Any]]) -> list[str]:
    """Actor ids found in result rows (nodes with an `id`), in order of first appearance."""
    seen: dict[str, None] = {}

    def visit(value: Any) -> None:
        if isinstance(value, Mapping):
            if value.get("_type") == "node" and "Actor" in (value.get("labels") or []):
                ident = (value.get("properties") or {}).get("id")
                if ident:
                    seen.setdefault(ident, None)
            for key in ("nodes", "start_node", "end_node"):
                if key in value:
                    visit(value[key])
        elif isinstance(value, list | tuple) and any(isinstance(v, Mapping | list | tuple) for v in value[:100]):
            for v in value:  # lists of plain values (often long) hold no nodes: skipped
                visit(v)

    for row in rows:
        for v in row.values():
            visit(v)
    return list(seen)


def has_graph_values(rows: list[dict[str, Any]]) -> bool:
    """Whether any row holds a node, relationship or path (worth drawing as a graph)."""

    def graphy(value: Any) -> bool:
        if isinstance(value, Mapping):
            return value.get("_type") in {"node", "relationship", "path"}
        if isinstance(value, list | tuple):  # lists of graph values are uniform; their start tells
            return any(graphy(v) for v in value[:100])
        return False

    return any(graphy(v) for row in rows for v in row.values())
