"""The read-only Cypher runner behind the ad-hoc console and every saved query.

Safe by construction, in layers, so that no single mistake lets a statement write:
1. text checks on the statement with its strings and comments blanked out: one statement only, no
   `LOAD CSV`, no `CALL … IN TRANSACTIONS`, no write/admin clauses, no `USE`, only procedures on a
   read-only list, no invisible Unicode that could hide what the text says;
2. `EXPLAIN` (plans, runs nothing): refused unless Neo4j classifies the statement as read-only ("r"),
   and refused if the plan holds an operator or procedure call outside the read-only list — some
   side-effecting commands (`TERMINATE TRANSACTIONS`, `db.resampleIndex`) are classified "r";
3. execution in a READ access-mode transaction (the server refuses writes there as well), with a
   server-side timeout and a row cap that stops fetching once reached.
Values only ever travel as parameters, never spliced into the text.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from geokg.errors import InputError, QueryError, QueryRefused
from geokg.graphdb import Graph, explain, read_capped
from geokg.settings import Settings

MAX_QUERY_CHARS = 100_000

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

# Clauses that write or administer. Matched as whole words on the statement with strings, comments and
# `quoted` names blanked, and not after `.`, `$` or `:` (so n.set, $create and :Delete are fine).
_WRITE_WORDS = (
    "CREATE", "MERGE", "DELETE", "DETACH", "NODETACH", "SET", "REMOVE", "FOREACH", "DROP", "ALTER",
    "RENAME", "GRANT", "DENY", "REVOKE", "TERMINATE", "INSERT", "DEALLOCATE", "REALLOCATE", "DRYRUN",
)
_CLAUSE_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?<![\w.$:])LOAD\s+CSV\b", re.I),
     "LOAD CSV is not allowed: the console does not read files or URLs"),
    # only after a subquery's closing brace, so `x IN transactions` (a variable) stays allowed
    (re.compile(r"\}\s*IN\s+(?:\d+\s+)?(?:CONCURRENT\s+)?TRANSACTIONS\b", re.I),
     "CALL … IN TRANSACTIONS is not allowed: it commits in batches outside the read transaction"),
    (re.compile(r"\bPERIODIC\s+COMMIT\b", re.I), "USING PERIODIC COMMIT is not allowed"),
    (re.compile(r"(?<![\w.$:])(?:START|STOP)\s+DATABASE\b", re.I), "database administration is not allowed"),
    (re.compile(r"(?<![\w.$:])ENABLE\s+SERVER\b", re.I), "server administration is not allowed"),
    # PROFILE is only a keyword at the very start (after CYPHER options); elsewhere it is a name
    (re.compile(r"^\s*(?:CYPHER(?:\s+[\w.]+(?:\s*=\s*[\w.]+)?)*\s+)?PROFILE\b", re.I),
     "PROFILE runs the statement to measure it; use EXPLAIN to see the plan"),
    (re.compile(r"(?<![\w$:])apoc\s*\.", re.I), "APOC is not allowed: many of its procedures and functions write"),
    (re.compile(r"(?<![\w.$:])USE\s", re.I), "USE is not allowed: the console reads only the configured database"),
    (re.compile(r"(?<![\w.$:])(" + "|".join(_WRITE_WORDS) + r")\b", re.I),
     "{word} is not allowed: the console is read-only"),
]
_NAME_PART = r"(?:`[^`]*`|[A-Za-z_][\w]*)"
_CALL = re.compile(rf"(?<![\w.$:])CALL\s+({_NAME_PART}(?:\s*\.\s*{_NAME_PART})*)", re.I)
# `$name`, `$`odd name`` or `$0`; `$any(...)`/`$all(...)` (dynamic labels and types) are not parameters
_PARAM = re.compile(r"\$(?:([A-Za-z_][A-Za-z0-9_]*)(?![\w(])(?!\s+\()|`([^`]+)`|(\d+))")
_EXPLAIN_PREFIX = re.compile(r"^\s*EXPLAIN\b", re.I)
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
    warnings: list[str] = field(default_factory=list)  # Neo4j's notifications about the statement

    @property
    def message(self) -> str:
        if self.plan_only:
            return "Plan only (EXPLAIN): nothing was run"
        if self.truncated:
            return (f"Row cap reached: showing the first {self.row_cap:,} rows; the rest were not fetched "
                    "(add LIMIT or raise GEOKG_QUERY_ROW_CAP)")
        noun = "row" if len(self.rows) == 1 else "rows"
        return f"{len(self.rows):,} {noun} in {self.elapsed_ms:,.0f} ms"


def mask(text: str, *, backticks: bool = True) -> str:
    """`text` with string literals, comments and (optionally) `quoted` names replaced by spaces.

    Lengths and newlines are kept, so positions found in the mask are positions in the text. An
    unterminated string or comment is masked to the end (the planner then reports the syntax error).
    """
    out = list(text)
    i, n = 0, len(text)

    def blank(start: int, end: int) -> None:
        for j in range(start, min(end, n)):
            if out[j] not in "\r\n":
                out[j] = " "

    while i < n:
        ch = text[i]
        if ch == "/" and text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            blank(i, end)
            i = end
        elif ch == "/" and text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            blank(i, end)
            i = end
        elif ch in "'\"" or (ch == "`" and backticks):
            j = i + 1
            while j < n and text[j] != ch:
                j += 2 if text[j] == "\\" and ch != "`" else 1
            end = min(j + 1, n)
            blank(i + 1, end - 1 if j < n else n)
            i = end
        else:
            i += 1
    return "".join(out)


def _position(text: str, index: int) -> str:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"line {line}, column {column}"


def parameter_names(text: str) -> set[str]:
    """The `$names` a statement uses, ignoring any inside strings and comments."""
    names = set()
    for match in _PARAM.finditer(mask(text, backticks=False)):
        names.add(match.group(1) or match.group(2) or match.group(3))
    return names


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
    masked = mask(text)
    stripped = masked.rstrip()
    if stripped.endswith(";"):
        text, masked = text[: len(stripped) - 1], masked[: len(stripped) - 1]
    semicolon = masked.find(";")
    if semicolon >= 0:
        raise QueryRefused(f"Refused: more than one statement (';' at {_position(text, semicolon)}) — "
                           "run one statement at a time")
    if not masked.strip():
        raise QueryError("Empty query — only comments were given")
    is_explain = bool(_EXPLAIN_PREFIX.match(masked))
    if is_explain:
        cut = _EXPLAIN_PREFIX.match(masked).end()  # type: ignore[union-attr]
        text, masked = " " * cut + text[cut:], " " * cut + masked[cut:]
    for pattern, reason in _CLAUSE_RULES:
        match = pattern.search(masked)
        if match:
            word = match.group(0).split()[0].upper()
            raise QueryRefused(f"Refused: {reason.format(word=word)} ({_position(text, match.start())})")
    # Procedure names may be `quoted`, so look for them with only strings and comments blanked.
    for match in _CALL.finditer(mask(text, backticks=False)):
        name = re.sub(r"\s*\.\s*", ".", match.group(1)).replace("`", "")
        if name not in READ_PROCEDURES:
            raise QueryRefused(f"Refused: procedure {name} is not on the read-only list "
                               f"({_position(text, match.start(1))}); allowed: {', '.join(sorted(READ_PROCEDURES))}")
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
    if not isinstance(value, dict):
        raise InputError('Parameters must be a JSON object like {"country": "Russia"}, '
                         f"not {type(value).__name__}")
    return value


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
                 row_cap: int | None = None) -> ConsoleResult:
    """Check, plan and run one statement read-only; raise QueryRefused/QueryError with one line."""
    settings = settings or graph.settings
    timeout = settings.geokg_query_timeout if timeout is None else timeout
    cap = settings.geokg_query_row_cap if row_cap is None else row_cap
    values = dict(params or {})
    statement, is_explain = check_text(text)
    check_params(statement, values)
    planned = explain(graph, statement, values, timeout=timeout)
    _check_plan(planned.query_type, planned.operators, planned.procedures)
    if is_explain:
        return ConsoleResult(["plan"], [{"plan": planned.plan_text}], row_cap=cap, params=values, plan_only=True,
                             warnings=planned.warnings)
    rows = read_capped(graph, statement, values, cap=max(cap, 1), timeout=timeout)
    return ConsoleResult(rows.columns, rows.rows, rows.truncated, cap, rows.elapsed_ms, "r", values,
                         warnings=planned.warnings)


# --- Rendering values for tables, CSV and grids (shared by the CLI and the dashboard) ---

def _node_label(node: Mapping[str, Any], with_ids: bool = True) -> str:
    props = node.get("properties") or {}
    name = props.get("name") or props.get("title") or props.get("id")
    if name is None:
        return f"({':'.join(node.get('labels') or [])})"
    ident = props.get("id")
    return f"{name} [{ident}]" if with_ids and ident and ident != name and "name" in props else str(name)


def cell_text(value: Any, with_ids: bool = True) -> str:
    """A short, readable text for one value: nodes by name (and id), relationships by type, paths as chains."""
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
        return "; ".join(cell_text(v, with_ids) for v in value)
    if isinstance(value, Mapping):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def flat_rows(result: ConsoleResult) -> list[dict[str, str]]:
    """Rows with every value rendered as text (for tables and CSV)."""
    return [{c: cell_text(row.get(c)) for c in result.columns} for row in result.rows]


def grid_rows(result: ConsoleResult) -> list[dict[str, Any]]:
    """Rows for a sortable grid: numbers stay numbers (so 10 sorts after 9), everything else is text,
    nodes by name only (the graph view and the explorer link carry the ids)."""
    def value(v: Any) -> Any:
        return v if isinstance(v, int | float) and not isinstance(v, bool) else cell_text(v, with_ids=False)

    return [{c: value(row.get(c)) for c in result.columns} for row in result.rows]


def to_csv(result: ConsoleResult) -> str:
    """The result as CSV text, one header line then one line per row."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=result.columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(flat_rows(result))
    return buffer.getvalue()


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
        elif isinstance(value, list | tuple):
            for v in value:
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
        if isinstance(value, list | tuple):
            return any(graphy(v) for v in value)
        return False

    return any(graphy(v) for row in rows for v in row.values())
