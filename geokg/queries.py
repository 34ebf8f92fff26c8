"""Saved Cypher queries: files with a header, loaded by name, with typed parameters, run read-only.

A saved query is data, not code — one `.cypher` file whose leading `//` comment lines are a header:

    // title: Arms suppliers of an alliance's members
    // description: Who supplies weapons to the members of an alliance, with claim counts.
    // params: alliance: str = "CSTO", min_claims: int = 1
    // param alliance: name, alias or id of the alliance
    // param min_claims: only supply edges backed by at least this many claims
    // view: table, graph
    MATCH …

Parameter types are str, int, float, bool, date and list[str]; a default is a JSON literal (`null` makes
the parameter optional with no value); a parameter without a default is required. The shipped queries
live in `cypher/queries/`; users add their own in GEOKG_USER_QUERIES_DIR and they are listed beside them.
Every query runs through `geokg.console.run_readonly`, so a user file that tries to write is refused.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from geokg.console import INT64_MAX, INT64_MIN, ConsoleResult, check_text, mask, parameter_names, run_readonly
from geokg.cypher import CYPHER_DIR
from geokg.errors import InputError, QueryError
from geokg.graphdb import Graph
from geokg.settings import Settings

SHIPPED_DIR = CYPHER_DIR / "queries"
PARAM_TYPES = ("str", "int", "float", "bool", "date", "list[str]")
VIEWS = ("table", "graph", "chart")
NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
RESERVED_NAMES = frozenset({"console"})  # /queries/console is the console page, not a query
ParamType = Literal["str", "int", "float", "bool", "date", "list[str]"]
Origin = Literal["shipped", "user"]

_HEADER_LINE = re.compile(r"^//\s?(.*)$")
_FIELD = re.compile(r"^(title|description|params|view|views|param\s+[A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.*)$")
_PARAM_DECL = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(str|int|float|bool|date|list\[str\])\s*(?:=\s*(.+))?$")
_TRUE = {"true", "yes", "y", "1", "on"}
_FALSE = {"false", "no", "n", "0", "off"}


class Param(BaseModel):
    """One typed parameter of a saved query."""

    name: str
    type: ParamType
    default: Any = None
    required: bool = False
    description: str = ""

    @property
    def signature(self) -> str:
        return f"{self.name} ({self.type})"


class SavedQuery(BaseModel):
    """A named, parameterised, read-only question over the graph."""

    name: str
    title: str
    description: str = ""
    params: list[Param] = Field(default_factory=list)
    views: list[str] = Field(default_factory=lambda: ["table"])
    text: str
    origin: Origin = "shipped"
    path: Path | None = None

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    @property
    def signature(self) -> str:
        return ", ".join(p.signature for p in self.params) or "no parameters"

    @property
    def body(self) -> str:
        """The Cypher without its header."""
        return split_header(self.text)[1]

    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default for p in self.params if not p.required}

    def bind(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Check and convert user values (text from a CLI/URL or typed JSON) into query parameters.

        Unknown names, wrong types and missing required values raise InputError with one line naming
        the parameter and what is expected. Empty text means "use the default".
        """
        unknown = [k for k in values if self.param(k) is None]
        if unknown:
            raise InputError(f"unknown parameter {unknown[0]!r} for query {self.name!r}; expected: {self.signature}")
        bound: dict[str, Any] = {}
        for p in self.params:
            raw = values.get(p.name)
            if _is_blank(raw):
                if p.required:
                    raise InputError(f"missing required parameter {p.name!r} ({p.type}) for query {self.name!r}"
                                     f"{'; ' + p.description if p.description else ''}")
                bound[p.name] = coerce_value(self.name, p, p.default) if p.default is not None else None
            else:
                bound[p.name] = coerce_value(self.name, p, raw)
        return bound


class QueryLibrary(BaseModel):
    """The shipped and user queries, by name, and the user files that could not be read."""

    queries: dict[str, SavedQuery] = Field(default_factory=dict)
    problems: list[str] = Field(default_factory=list)

    def get(self, name: str) -> SavedQuery:
        if name in self.queries:
            return self.queries[name]
        close = difflib.get_close_matches(name, list(self.queries), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise QueryError(f"no saved query named {name!r}{hint} — `geokg queries` lists them")

    def search(self, text: str = "") -> list[SavedQuery]:
        """Queries whose name, title, description or parameter names contain every word of `text`."""
        words = text.casefold().split()
        out = []
        for q in self.queries.values():
            hay = " ".join([q.name, q.title, q.description, *(p.name for p in q.params)]).casefold()
            if all(w in hay for w in words):
                out.append(q)
        return sorted(out, key=lambda q: (q.origin != "shipped", q.title.casefold()))


# --- Parsing ---

def split_header(text: str) -> tuple[list[str], str]:
    """(header lines without `//`, the rest of the text).

    The header is the leading run of `// field: value` lines and their continuations — comment lines
    indented by two or more spaces after `//`. Any other line, a plain comment included, starts the body,
    so a comment explaining the first clause stays with the Cypher.
    """
    lines = text.splitlines()
    header: list[str] = []
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        match = _HEADER_LINE.match(stripped)
        content = match.group(1) if match else ""
        is_field = match is not None and _FIELD.match(content.strip()) is not None
        is_continuation = match is not None and bool(header) and stripped[2:].startswith("  ")
        if not (is_field or is_continuation):
            return header, "\n".join(lines[i:])
        header.append(content.rstrip())
    return header, ""


def _split_top_level(text: str) -> list[str]:
    """Split on commas outside quotes and brackets: `a: str = "x, y", b: list[str] = ["p", "q"]`."""
    parts: list[str] = []
    current: list[str] = []
    depth, quote = 0, ""
    for i, ch in enumerate(text):
        if quote:
            if ch == quote and text[i - 1] != "\\":
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch in "[{(":
            depth += 1
        elif ch in "]})":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def parse_params_line(text: str, query: str = "?") -> list[Param]:
    """`alliance: str = "CSTO", min_claims: int = 1` → Params (a default is a JSON literal)."""
    params: list[Param] = []
    for decl in _split_top_level(text):
        match = _PARAM_DECL.match(decl)
        if match is None:
            raise InputError(f"query {query!r}: cannot read parameter {decl!r}; write name: type [= default] "
                             f"with type one of {', '.join(PARAM_TYPES)}")
        name, type_, default_text = match.groups()
        if any(p.name == name for p in params):
            raise InputError(f"query {query!r}: parameter {name!r} is declared twice")
        param = Param(name=name, type=type_, required=default_text is None)  # type: ignore[arg-type]  # regex-checked
        if default_text is not None:
            try:
                default = json.loads(default_text)
            except json.JSONDecodeError as exc:
                raise InputError(f"query {query!r}: default of {name!r} is not a JSON literal: {default_text}"
                                 ' (strings need double quotes, e.g. "CSTO"; no value is null)') from exc
            param.default = None if default is None else coerce_value(query, param, default)
        params.append(param)
    return params


def parse_query(text: str, name: str, origin: Origin = "shipped", path: Path | None = None) -> SavedQuery:
    """Parse a saved-query file and check it: header fields, declared params == `$params`, bounded paths."""
    if not NAME_RE.match(name):
        raise InputError(f"query file name {name!r} must be lower-case letters, digits and _ (start with a letter)")
    if name in RESERVED_NAMES:
        raise InputError(f"query name {name!r} is reserved; rename the file")
    header, body = split_header(text)
    fields: dict[str, str] = {}
    last = ""
    for line in header:
        match = _FIELD.match(line.strip())
        if match:
            last = re.sub(r"\s+", " ", match.group(1))
            if last in fields:
                raise InputError(f"query {name!r}: header field {last!r} appears twice")
            fields[last] = match.group(2).strip()
        elif last and line.strip():  # an indented line continues the field above it
            fields[last] = f"{fields[last]} {line.strip()}".strip()
    if not fields.get("title"):
        raise InputError(f"query {name!r}: the header needs a `// title: …` line")
    if not body.strip():
        raise InputError(f"query {name!r}: no Cypher after the header")
    params = parse_params_line(fields.get("params", ""), name)
    for key, value in fields.items():
        if key.startswith("param "):
            pname = key.split(" ", 1)[1]
            param = next((p for p in params if p.name == pname), None)
            if param is None:
                raise InputError(f"query {name!r}: `// param {pname}:` describes a parameter not in `// params:`")
            param.description = value
    views = [v.strip() for v in (fields.get("view") or fields.get("views") or "table").split(",") if v.strip()]
    bad_views = [v for v in views if v not in VIEWS]
    if bad_views:
        raise InputError(f"query {name!r}: unknown view {bad_views[0]!r}; expected some of {', '.join(VIEWS)}")
    declared = {p.name for p in params}
    used = parameter_names(body)
    if declared != used:
        parts = []
        if used - declared:
            parts.append(f"uses undeclared {', '.join('$' + u for u in sorted(used - declared))}")
        if declared - used:
            parts.append(f"declares unused {', '.join(sorted(declared - used))}")
        raise InputError(f"query {name!r}: header params do not match the body: {'; '.join(parts)}")
    unbounded = unbounded_patterns(body)
    if unbounded:
        raise InputError(f"query {name!r}: variable-length pattern {unbounded[0]!r} has no upper bound "
                         "(write e.g. *1..4)")
    return SavedQuery(name=name, title=fields["title"], description=fields.get("description", ""),
                      params=params, views=views, text=text, origin=origin, path=path)


_VAR_LENGTH = re.compile(r"\[[^\[\]]*?\*\s*(\d*)\s*(\.\.)?\s*(\d*)\s*(?:\{[^}]*\})?\s*\]")
_QUANTIFIER = re.compile(r"\)\s*(\+|\*|\{\s*\d*\s*,\s*\})")


def unbounded_patterns(text: str) -> list[str]:
    """Variable-length relationships or quantified paths without an upper bound (`[*]`, `[*2..]`, `)+`)."""
    masked = mask(text)
    found = []
    for match in _VAR_LENGTH.finditer(masked):
        low, dots, high = match.groups()
        if (dots and not high) or (not dots and not low):
            found.append(text[match.start():match.end()])
    for match in _QUANTIFIER.finditer(masked):
        start = _opening_paren(masked, match.start())
        group = masked[start + 1:match.start()] if start >= 0 else ""
        # A quantified path pattern is a parenthesised pattern holding a relationship: ((a)-[:R]->(b))+.
        # Anything else before + or * is arithmetic.
        if match.group(1).startswith("{") or (group.lstrip().startswith("(") and re.search(r"-\s*[\[\->]|<-", group)):
            found.append(text[start:match.end()].strip())
    return found


def _opening_paren(text: str, close: int) -> int:
    """Index of the `(` matching the `)` at `close`, or -1."""
    depth = 0
    for i in range(close, -1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            depth -= 1
            if depth == 0:
                return i
    return -1


# --- Values ---

def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def coerce_value(query: str, param: Param, value: Any) -> Any:
    """One value (text or typed) → the parameter's type, or InputError naming what was expected."""

    def fail(expected: str) -> InputError:
        return InputError(f"parameter {param.name!r} of query {query!r} expects {expected}, got {value!r:.60}")

    kind = param.type
    if kind == "str":
        if isinstance(value, str):
            return value.strip()
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        raise fail("a string")
    if kind == "int":
        if isinstance(value, bool):
            raise fail("an integer")
        whole: int | None = None
        if isinstance(value, int):
            whole = value
        elif isinstance(value, float) and value.is_integer():
            whole = int(value)
        elif isinstance(value, str) and re.fullmatch(r"\s*[+-]?\d+\s*", value):
            # more digits than any 64-bit integer has: refused before Python is asked to read them
            whole = int(value) if len(value.strip().lstrip("+-")) <= 30 else INT64_MAX + 1
        if whole is None:
            raise fail("an integer")
        if not INT64_MIN <= whole <= INT64_MAX:
            raise fail(f"an integer between {INT64_MIN:,} and {INT64_MAX:,} (64 bits)")
        return whole
    if kind == "float":
        if isinstance(value, bool):
            raise fail("a number")
        if isinstance(value, int | float):
            real = float(value) if abs(value) < 1e308 else float("inf")
            if real != real or real in (float("inf"), float("-inf")):
                raise fail("a finite number")
            return real
        if isinstance(value, str):
            try:
                number = float(value)
            except ValueError:
                raise fail("a number") from None
            if number != number or number in (float("inf"), float("-inf")):
                raise fail("a finite number")
            return number
        raise fail("a number")
    if kind == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().casefold() in _TRUE | _FALSE:
            return value.strip().casefold() in _TRUE
        raise fail("true or false")
    if kind == "date":
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass  # e.g. 2021-02-30: reported below like any other bad date
        raise fail("a date as YYYY-MM-DD")
    # list[str]: a JSON list, or comma-separated text (so `-p types=ATTACKED,THREATENS` works)
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            try:
                value = json.loads(text)
            except json.JSONDecodeError:
                raise fail('a list such as ["a", "b"] or a,b') from None
        else:
            return [v.strip() for v in text.split(",") if v.strip()]
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return [v.strip() for v in value if v.strip()]
    raise fail('a list of strings such as ["a", "b"] or a,b')


def parse_assignments(pairs: Iterable[str], query: SavedQuery) -> dict[str, Any]:
    """`key=value` texts from the command line; a list[str] parameter may be repeated."""
    values: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            raise InputError(f"parameter {pair!r} is not key=value; expected: {query.signature}")
        param = query.param(key)
        if param is not None and param.type == "list[str]" and key in values:
            previous = values[key] if isinstance(values[key], list) else [values[key]]
            values[key] = [*previous, value]
        else:
            values[key] = value
    return values


# --- Loading and saving ---

def _read_dir(folder: Path, origin: Origin, library: QueryLibrary, strict: bool) -> None:
    if not folder.is_dir():  # a user folder is created by the first "save as query"
        return
    for path in sorted(folder.glob("*.cypher")):
        name = path.stem
        try:
            if name in library.queries:
                raise InputError(f"query {name!r} in {path} has the name of a shipped query; rename the file")
            library.queries[name] = parse_query(path.read_text(encoding="utf-8"), name, origin, path)
        except (InputError, OSError, UnicodeDecodeError) as exc:
            if strict:
                raise InputError(f"{path}: {exc}") from exc
            library.problems.append(f"{path.name}: {str(exc).splitlines()[0]}")


def load_library(settings: Settings | None = None, *, shipped_dir: Path = SHIPPED_DIR) -> QueryLibrary:
    """All saved queries: the shipped ones (a broken one is a bug and raises) and the user's own."""
    library = QueryLibrary()
    _read_dir(shipped_dir, "shipped", library, strict=True)
    if settings is not None and settings.geokg_user_queries_dir is not None:
        _read_dir(settings.geokg_user_queries_dir.expanduser(), "user", library, strict=False)
    return library


def run_query(graph: Graph, query: SavedQuery, values: Mapping[str, Any] | None = None, *,
              settings: Settings | None = None, timeout: float | None = None,
              row_cap: int | None = None) -> ConsoleResult:
    """Bind `values` and run the query through the read-only runner."""
    bound = query.bind(values or {})
    # The whole file runs (comments are inert), so reported line numbers are the file's own.
    return run_readonly(graph, query.text, bound, settings=settings, timeout=timeout, row_cap=row_cap)


def infer_param(name: str, value: Any) -> Param:
    """A parameter declaration for a console value (the value becomes its default)."""
    if isinstance(value, bool):
        return Param(name=name, type="bool", default=value)
    if isinstance(value, int):
        return Param(name=name, type="int", default=value)
    if isinstance(value, float):
        return Param(name=name, type="float", default=value)
    if isinstance(value, str) or value is None:
        return Param(name=name, type="str", default=value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return Param(name=name, type="list[str]", default=value)
    raise InputError(f"cannot save parameter {name!r} of JSON type {type(value).__name__}: saved queries take "
                     f"{', '.join(PARAM_TYPES)}")


def _one_line(text: str, what: str) -> str:
    flat = re.sub(r"\s+", " ", text or "").strip()
    if not flat and what == "title":
        raise InputError("a saved query needs a title (--title)")
    return flat


def render_query(title: str, text: str, params: Mapping[str, Any] | None = None, *, description: str = "",
                 views: Iterable[str] = ("table",)) -> str:
    """The file text of a new saved query; parameters and their types come from the console values."""
    declared = [infer_param(k, v) for k, v in (params or {}).items() if k in parameter_names(text)]
    lines = [f"// title: {_one_line(title, 'title')}"]
    if description.strip():
        lines.append(f"// description: {_one_line(description, 'description')}")
    if declared:
        lines.append("// params: " + ", ".join(
            f"{p.name}: {p.type} = {json.dumps(p.default, ensure_ascii=False)}" for p in declared))
    lines.append(f"// view: {', '.join(views)}")
    return "\n".join(lines) + "\n" + text.strip() + "\n"


def save_user_query(settings: Settings, name: str, title: str, text: str,
                    params: Mapping[str, Any] | None = None, *, description: str = "",
                    views: Iterable[str] = ("table",), overwrite: bool = False) -> Path:
    """Write a console statement as a new query file in the user folder; returns its path.

    The statement must pass the console's text checks, every `$param` needs a value (which becomes the
    default), and the name may not clash with a shipped query.
    """
    folder = settings.geokg_user_queries_dir
    if folder is None:
        raise InputError("GEOKG_USER_QUERIES_DIR is not set — set it to a folder for your own queries")
    if not NAME_RE.match(name):
        raise InputError(f"query name {name!r} must be lower-case letters, digits and _ (start with a letter)")
    if name in RESERVED_NAMES:
        raise InputError(f"query name {name!r} is reserved; choose another name")
    statement, is_explain = check_text(text)
    if is_explain:
        raise InputError("save the query without EXPLAIN")
    bad_views = [v for v in views if v not in VIEWS]
    if bad_views:
        raise InputError(f"unknown view {bad_views[0]!r}; expected some of {', '.join(VIEWS)}")
    missing = sorted(parameter_names(statement) - set(params or {}))
    if missing:
        raise InputError(f"the query uses {', '.join('$' + m for m in missing)} without a value; "
                         "give values in the params JSON (they become the defaults)")
    if (SHIPPED_DIR / f"{name}.cypher").exists():
        raise InputError(f"{name!r} is the name of a shipped query; choose another name")
    folder = folder.expanduser()
    path = folder / f"{name}.cypher"
    if path.exists() and not overwrite:
        raise InputError(f"a user query named {name!r} exists ({path}); choose another name or overwrite it")
    content = render_query(title, statement, params, description=description, views=views)
    parse_query(content, name, "user", path)  # the file must load back exactly as written
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path
