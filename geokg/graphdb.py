"""The only module that imports `neo4j`: one driver per process, read/write helpers, error mapping.

Reads are marked as reads (routing to readers on a cluster) and every call names its database.
Foreign exceptions are mapped to `geokg.errors` here, so callers see one-line messages.
"""

from __future__ import annotations

import contextlib
import logging
import re
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

import neo4j
from neo4j import GraphDatabase, RoutingControl
from neo4j import exceptions as nx
from neo4j.graph import Node, Path, Relationship

from geokg import cypher
from geokg.errors import DatabaseUnavailable, QueryError, QueryRefused
from geokg.settings import Settings

log = logging.getLogger(__name__)
T = TypeVar("T")


def unreachable_message(settings: Settings, detail: str = "") -> str:
    hint = "run `geokg neo4j start`" if settings.is_local_uri else "check the server"
    tail = f" ({detail})" if detail else ""
    return f"Cannot reach {settings.neo4j_uri}{tail} — {hint} or set NEO4J_URI"


def _first_line(exc: BaseException) -> str:
    text = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__


@contextmanager
def mapped_errors(settings: Settings) -> Iterator[None]:
    """Turn driver exceptions into GeoKG's own one-line errors."""
    try:
        yield
    except nx.AuthError as exc:
        raise DatabaseUnavailable(
            f"Neo4j at {settings.neo4j_uri} refused user {settings.neo4j_user!r}: {_first_line(exc)}"
            " — check NEO4J_USER/NEO4J_PASSWORD"
        ) from exc
    except (nx.ServiceUnavailable, nx.SessionExpired, OSError) as exc:
        raise DatabaseUnavailable(unreachable_message(settings, _first_line(exc))) from exc
    except nx.CypherSyntaxError as exc:
        raise QueryError(f"Syntax error: {_first_line(exc)}") from exc
    except nx.Neo4jError as exc:
        code = exc.code or "Neo4jError"
        raise QueryError(f"{code.rsplit('.', 1)[-1]}: {_first_line(exc)}") from exc
    except nx.DriverError as exc:
        raise QueryError(_first_line(exc)) from exc


_SCALARS = frozenset({str, int, float, bool, type(None)})


def to_plain(value: Any) -> Any:
    """Driver values → JSON-friendly Python: nodes, relationships and paths become tagged dicts."""
    # Exact-type fast paths first: large results are mostly scalars, lists and maps, and the
    # isinstance checks against the driver's graph types below are what would make them slow.
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is dict:
        return {k: to_plain(v) for k, v in value.items()}
    if kind is list:
        return [to_plain(v) for v in value]
    if isinstance(value, Node):
        return {
            "_type": "node",
            "element_id": value.element_id,
            "labels": sorted(value.labels),
            "properties": {k: to_plain(v) for k, v in value.items()},
        }
    if isinstance(value, Relationship):
        return {
            "_type": "relationship",
            "element_id": value.element_id,
            "rel_type": value.type,
            "start": value.start_node.element_id if value.start_node else None,
            "end": value.end_node.element_id if value.end_node else None,
            "start_node": to_plain(value.start_node) if value.start_node else None,
            "end_node": to_plain(value.end_node) if value.end_node else None,
            "properties": {k: to_plain(v) for k, v in value.items()},
        }
    if isinstance(value, Path):
        return {
            "_type": "path",
            "nodes": [to_plain(n) for n in value.nodes],
            "relationships": [to_plain(r) for r in value.relationships],
        }
    if isinstance(value, list | tuple):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):  # neo4j.time types
        return value.iso_format()
    return value


class Graph:
    """A lazily connected Neo4j driver bound to one database. Constructing it does no I/O."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._driver: neo4j.Driver | None = None

    @property
    def driver(self) -> neo4j.Driver:
        if self._driver is None:
            with mapped_errors(self.settings):
                self._driver = GraphDatabase.driver(
                    self.settings.neo4j_uri,
                    auth=(self.settings.neo4j_user, self.settings.password()),
                    connection_timeout=5.0,
                    max_transaction_retry_time=15.0,
                    connection_acquisition_timeout=10.0,
                    # Server notices ("property does not exist" on sparse data) are not user errors.
                    notifications_min_severity="OFF",
                )
        return self._driver

    def close(self) -> None:
        if self._driver is not None:
            self._driver.close()
            self._driver = None

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def verify(self) -> None:
        """Raise DatabaseUnavailable unless the server answers with our credentials."""
        with mapped_errors(self.settings):
            self.driver.verify_connectivity()

    def read(
        self, query: str, params: Mapping[str, Any] | None = None, *, timeout: float | None = None
    ) -> list[dict[str, Any]]:
        """Run a read query (routed to readers, READ access mode) and return plain dict rows."""
        with mapped_errors(self.settings):
            if timeout is None:
                records, _, _ = self.driver.execute_query(
                    query, dict(params or {}), routing_=RoutingControl.READ,
                    database_=self.settings.neo4j_database,
                )
                return [to_plain(dict(r)) for r in records]
            return self.read_tx(lambda tx: [to_plain(dict(r)) for r in tx.run(query, dict(params or {}))],
                                timeout=timeout)

    def read_tx(self, work: Callable[[neo4j.ManagedTransaction], T], *, timeout: float | None = None) -> T:
        """Run `work` in a managed read transaction (retried on transient errors)."""
        with mapped_errors(self.settings), self.driver.session(
            database=self.settings.neo4j_database, default_access_mode=neo4j.READ_ACCESS
        ) as session:
            fn = neo4j.unit_of_work(timeout=timeout)(work) if timeout else work
            return session.execute_read(fn)

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> dict[str, int]:
        """Run one write statement; returns the summary counters that changed."""
        with mapped_errors(self.settings):
            _, summary, _ = self.driver.execute_query(
                query, dict(params or {}), routing_=RoutingControl.WRITE,
                database_=self.settings.neo4j_database,
            )
            return {k: v for k, v in vars(summary.counters).items() if isinstance(v, int) and v}

    def write_tx(self, work: Callable[[neo4j.ManagedTransaction], T]) -> T:
        """Run `work` in one managed write transaction: all of it lands or none, retried on transients."""
        with mapped_errors(self.settings), self.driver.session(
            database=self.settings.neo4j_database
        ) as session:
            return session.execute_write(work)

    def run_autocommit(self, query: str, params: Mapping[str, Any] | None = None) -> None:
        """Run a statement in an auto-commit transaction (needed by `CALL { … } IN TRANSACTIONS`)."""
        with mapped_errors(self.settings), self.driver.session(
            database=self.settings.neo4j_database
        ) as session:
            session.run(query, dict(params or {})).consume()  # type: ignore[arg-type]

    def run_file(self, name: str) -> int:
        """Run every statement of `cypher/<name>.cypher` (e.g. the schema); returns how many ran."""
        parts = cypher.statements(cypher.load(name))
        for statement in parts:
            self.write(statement)
        return len(parts)

    def server_info(self) -> dict[str, str]:
        rows = self.read("CALL dbms.components() YIELD name, versions, edition "
                         "RETURN name, versions[0] AS version, edition")
        row = rows[0] if rows else {}
        return {"name": row.get("name", "Neo4j"), "version": row.get("version", "?"),
                "edition": row.get("edition", "?")}


def init_schema(graph: Graph) -> int:
    """Apply cypher/schema.cypher (idempotent: every statement uses IF NOT EXISTS)."""
    return graph.run_file("schema")


def counts(graph: Graph) -> dict[str, dict[str, int]]:
    """Node counts by label and relationship counts by type."""
    labels = graph.read(cypher.load("app/count_labels"))
    types = graph.read(cypher.load("app/count_types"))
    return {
        "nodes": {r["label"]: r["count"] for r in labels},
        "relationships": {r["type"]: r["count"] for r in types},
    }


# --- Guarded reads for the console and the saved queries (geokg.console decides; this module executes) ---

_POSITION = re.compile(r"\s*\(line (\d+), column (\d+) \(offset: \d+\)\)")
_TIMEOUT_CODES = ("TransactionTimedOut", "TransactionTimedOutClientConfiguration")
_MEMORY_CODES = ("MemoryPoolOutOfMemoryError", "OutOfMemoryError")


@dataclass(frozen=True)
class Explained:
    """What the planner says about a statement without running it."""

    query_type: str | None  # "r", "rw", "w", "s" (schema/admin) or "dbms", as Neo4j reports it
    operators: list[str] = field(default_factory=list)  # plan operator names, e.g. "ProcedureCall"
    procedures: list[str] = field(default_factory=list)  # fully qualified names of procedures called
    plan_text: str = ""
    warnings: list[str] = field(default_factory=list)  # the planner's notifications (unknown property, …)


@dataclass(frozen=True)
class CappedRows:
    """Rows of a read, cut at a row cap."""

    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool
    elapsed_ms: float


def _syntax_message(message: str, shift: int) -> str:
    """One line with the position in the user's own text (the EXPLAIN prefix shifts line 1)."""
    first = message.strip().splitlines()[0] if message.strip() else "invalid Cypher"
    match = _POSITION.search(first)
    if not match:
        return f"Syntax error: {first}"
    line, column = int(match.group(1)), int(match.group(2))
    if line == 1:
        column = max(1, column - shift)
    text = _POSITION.sub("", first).strip()
    # The planner lists every keyword it would accept; a handful is enough to read.
    head, sep, options = text.partition(": expected ")
    choices = [c.strip() for c in re.split(r",\s*|\s+or\s+", options) if c.strip()]
    if sep and len(choices) > 8:
        text = f"{head}: expected {', '.join(choices[:8])} or one of {len(choices) - 8} more"
    return f"Syntax error at line {line}, column {column}: {text}"


@contextmanager
def _statement_errors(settings: Settings, *, shift: int = 0, timeout: float | None = None) -> Iterator[None]:
    """Like `mapped_errors`, with positions for syntax errors and a plain message for timeouts."""
    try:
        with mapped_errors(settings):
            yield
    except QueryError as exc:
        cause = exc.__cause__
        if isinstance(cause, nx.CypherSyntaxError):
            raise QueryError(_syntax_message(cause.message or "", shift)) from cause
        code = getattr(cause, "code", None) or ""
        if code.rsplit(".", 1)[-1] in _TIMEOUT_CODES:
            limit = f" after {timeout:g} s" if timeout else ""
            raise QueryError(f"Timed out{limit}: the server stopped the query — narrow it (LIMIT, fewer hops)"
                             " or raise GEOKG_QUERY_TIMEOUT") from cause
        if code.rsplit(".", 1)[-1] in _MEMORY_CODES:
            raise QueryError("Out of memory: the server stopped the query at its memory limit — narrow it"
                             f" (LIMIT, fewer or smaller values) [{_first_line(cause or exc)[:160]}]") from cause
        raise


def _walk_plan(plan: Any, operators: list[str], procedures: list[str]) -> None:
    if not isinstance(plan, Mapping):
        return
    name = str(plan.get("operatorType") or "").split("@", 1)[0]
    operators.append(name)
    if name == "ProcedureCall":
        details = str((plan.get("args") or {}).get("Details") or "")
        procedures.append(details.split("(", 1)[0].strip().replace("`", ""))
    for child in plan.get("children") or []:
        _walk_plan(child, operators, procedures)


def _read_session(graph: Graph, fetch_size: int = 1000, *, notifications: bool = False) -> neo4j.Session:
    # Notifications off, except where they are shown: planner hints would otherwise be logged on every call.
    return graph.driver.session(database=graph.settings.neo4j_database, default_access_mode=neo4j.READ_ACCESS,
                                fetch_size=fetch_size,
                                notifications_min_severity="INFORMATION" if notifications else "OFF")


def _plan_warnings(summary: Any) -> list[str]:
    """A mistyped property (a warning) or a cartesian product (about performance): worth telling."""
    warnings = [" ".join(f"{n.title}: {n.description}".split()) for n in summary.summary_notifications
                if n.raw_severity_level == "WARNING" or n.raw_category == "PERFORMANCE"]
    return list(dict.fromkeys(warnings))


def explain(graph: Graph, query: str, params: Mapping[str, Any] | None = None, *,
            timeout: float | None = None) -> Explained:
    """Plan `query` with EXPLAIN in a READ session (nothing runs) and report its type, operators, procedures."""
    prefix = "EXPLAIN "

    def work(tx: neo4j.ManagedTransaction) -> Explained:
        summary = tx.run(prefix + query, dict(params or {})).consume()  # type: ignore[arg-type]
        operators: list[str] = []
        procedures: list[str] = []
        plan = summary.plan
        _walk_plan(plan, operators, procedures)
        text = str(((plan or {}).get("args") or {}).get("string-representation") or "")
        return Explained(summary.query_type, operators, procedures, text, _plan_warnings(summary))

    # Notifications on here (unlike other reads): a mistyped property (a warning) or a cartesian product
    # (information about performance) is worth telling; other information is left out.
    session = graph.driver.session(database=graph.settings.neo4j_database, default_access_mode=neo4j.READ_ACCESS,
                                   notifications_min_severity="INFORMATION")
    with _statement_errors(graph.settings, shift=len(prefix), timeout=timeout), session:
        return session.execute_read(neo4j.unit_of_work(timeout=timeout)(work) if timeout else work)


def read_capped(graph: Graph, query: str, params: Mapping[str, Any] | None = None, *, cap: int,
                timeout: float | None = None) -> CappedRows:
    """Run a read in READ access mode with a server-side timeout, fetching at most `cap` rows.

    The server streams in batches; once `cap` + 1 rows have arrived the rest is discarded when the
    transaction ends, so a huge result never crosses the wire.
    """

    def work(tx: neo4j.ManagedTransaction) -> CappedRows:
        started = time.perf_counter()
        result = tx.run(query, dict(params or {}))  # type: ignore[arg-type]
        columns = list(result.keys())
        rows: list[dict[str, Any]] = []
        truncated = False
        for record in result:
            if len(rows) >= cap:
                truncated = True
                break
            rows.append({k: to_plain(v) for k, v in record.items()})
        return CappedRows(columns, rows, truncated, (time.perf_counter() - started) * 1000)

    with _statement_errors(graph.settings, timeout=timeout), _read_session(graph, min(cap + 1, 1000)) as session:
        return session.execute_read(neo4j.unit_of_work(timeout=timeout)(work) if timeout else work)


# --- One guarded read: plan and run under a single deadline, with a row cap and a byte cap ---

GRACE_SECONDS = 0.5  # after the deadline: time for TERMINATE to land before the connection is given up
_TAG_KEY = "geokg_guard"


@dataclass
class GuardedRead:
    """The plan of a statement and, unless only the plan was asked for, its rows."""

    planned: Explained
    rows: CappedRows | None = None
    byte_cut: bool = False  # rows stopped at the byte cap (rather than the row cap)


class _WireMeter:
    """Stands in for a connection's socket: counts the bytes received and bounds every wait.

    A value the size of the whole heap can arrive as one record; counting on the wire cuts it while it
    streams in, before the driver holds any of it. The read timeout never reaches past the deadline.
    """

    def __init__(self, sock: Any, byte_cap: int, deadline: float) -> None:
        self._sock = sock
        self.byte_cap = byte_cap
        self.deadline = deadline
        self.received = 0
        self.over = False

    def settimeout(self, timeout: float | None) -> None:
        left = max(0.05, self.deadline + GRACE_SECONDS - time.monotonic())
        self._sock.settimeout(left if timeout is None else min(timeout, left))

    def _count(self, n: int) -> int:
        self.received += n
        if self.received > self.byte_cap:
            self.over = True
            raise OSError(f"result larger than {self.byte_cap:,} bytes")
        return n

    def recv(self, n: int) -> bytes:
        data = self._sock.recv(n)
        self._count(len(data))
        return data  # type: ignore[no-any-return]

    def recv_into(self, buffer: Any, nbytes: int = 0) -> int:
        return self._count(self._sock.recv_into(buffer, nbytes))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)


def _meter(session: neo4j.Session, byte_cap: int, deadline: float) -> tuple[Any, _WireMeter] | None:
    """Put a meter on the session's connection socket (driver internals; None when they differ)."""
    bolt_socket = getattr(getattr(session, "_connection", None), "socket", None)
    raw = getattr(bolt_socket, "_socket", None)
    if raw is None:
        return None
    meter = _WireMeter(raw, byte_cap, deadline)
    bolt_socket._socket = meter  # type: ignore[union-attr]
    return bolt_socket, meter


def _approx_bytes(value: Any) -> int:
    """A size close to the value's size on the wire, for when the socket cannot be metered."""
    if isinstance(value, str):
        return len(value) + 2
    if isinstance(value, Mapping):
        return sum(len(str(k)) + _approx_bytes(v) for k, v in value.items()) + 2
    if isinstance(value, list | tuple):
        return sum(_approx_bytes(v) for v in value) + 2
    return 9


def terminate_tagged(graph: Graph, tag: str) -> int:
    """TERMINATE the transactions carrying `tag` in their metadata; how many (0 when not permitted)."""
    try:
        with graph.driver.session(database=graph.settings.neo4j_database) as session:
            ids = [r["id"] for r in session.run(
                "SHOW TRANSACTIONS YIELD transactionId AS id, metaData WHERE metaData[$key] = $tag RETURN id",
                key=_TAG_KEY, tag=tag)]
            if ids:
                session.run("TERMINATE TRANSACTIONS $ids", ids=ids).consume()
            return len(ids)
    except (nx.Neo4jError, nx.DriverError, OSError) as exc:
        log.info("could not terminate a timed-out query: %s", _first_line(exc))
        return 0


def _timed_out(timeout: float) -> QueryError:
    return QueryError(f"Timed out after {timeout:g} s: the query was stopped — narrow it (LIMIT, fewer hops)"
                      " or raise GEOKG_QUERY_TIMEOUT")


@contextmanager
def _past_deadline(deadline: float, timeout: float) -> Iterator[None]:
    """A connection that stopped answering by the deadline (its read timeout ran out) is a timeout."""
    try:
        yield
    except DatabaseUnavailable as exc:
        if time.monotonic() >= deadline:
            raise _timed_out(timeout) from exc
        raise


def guarded_read(graph: Graph, query: str, params: Mapping[str, Any] | None, *, timeout: float, cap: int,
                 byte_cap: int, check: Callable[[Explained], None], plan_only: bool = False) -> GuardedRead:
    """EXPLAIN `query`, pass the plan to `check`, then run it: all in one READ transaction, one deadline.

    The deadline covers planning, running and fetching. The server's transaction timeout is set to it;
    the client waits for it in another thread and, when it passes, has the server TERMINATE the
    transaction and gives up on the answer, so a query the server cannot interrupt (the planner does not
    look at timeouts) still returns control on time. No retries: a refused or failed read fails once.
    """
    deadline = time.monotonic() + timeout
    tag = uuid.uuid4().hex
    outcome: dict[str, Any] = {}
    values = dict(params or {})

    def work() -> None:
        try:
            outcome["result"] = _guarded_work(graph, query, values, tag=tag, deadline=deadline, timeout=timeout,
                                              cap=cap, byte_cap=byte_cap, check=check, plan_only=plan_only)
        except BaseException as exc:  # handed to the caller's thread
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="geokg-guarded-read", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        # A server busy collecting garbage may answer slowly even this: it gets the grace period, no more.
        stopper = threading.Thread(target=terminate_tagged, args=(graph, tag), name="geokg-terminate", daemon=True)
        stopper.start()
        stopper.join(GRACE_SECONDS)
        worker.join(GRACE_SECONDS)
        # No answer, or the answer is the termination (or the broken connection) it caused.
        if "result" not in outcome and not isinstance(outcome.get("error"), QueryRefused):
            raise _timed_out(timeout)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]  # type: ignore[no-any-return]


def _guarded_work(graph: Graph, query: str, values: dict[str, Any], *, tag: str, deadline: float, timeout: float,
                  cap: int, byte_cap: int, check: Callable[[Explained], None], plan_only: bool) -> GuardedRead:
    prefix = "EXPLAIN "
    with _past_deadline(deadline, timeout), _read_session(graph, min(cap + 1, 1000), notifications=True) as session:
        with _statement_errors(graph.settings, shift=len(prefix), timeout=timeout):
            left = deadline - time.monotonic()
            if left <= 0:
                raise _timed_out(timeout)
            tx = session.begin_transaction(metadata={_TAG_KEY: tag}, timeout=max(0.1, left))
        metered = _meter(session, byte_cap, deadline)
        try:
            with _statement_errors(graph.settings, shift=len(prefix), timeout=timeout):
                summary = tx.run(prefix + query, values).consume()  # type: ignore[arg-type]
            operators: list[str] = []
            procedures: list[str] = []
            _walk_plan(summary.plan, operators, procedures)
            text = str(((summary.plan or {}).get("args") or {}).get("string-representation") or "")
            planned = Explained(summary.query_type, operators, procedures, text, _plan_warnings(summary))
            check(planned)
            if plan_only:
                return GuardedRead(planned)
            if metered:
                metered[1].received = 0
            started = time.perf_counter()
            rows: list[dict[str, Any]] = []
            columns: list[str] = []
            truncated = byte_cut = False
            size = 0
            try:
                with _statement_errors(graph.settings, timeout=timeout):
                    result = tx.run(query, values)  # type: ignore[arg-type]
                    columns = list(result.keys())
                    for record in result:
                        if len(rows) >= cap:
                            truncated = True
                            break
                        row = {k: to_plain(v) for k, v in record.items()}
                        if not metered:
                            size += _approx_bytes(row)
                            if size > byte_cap:
                                truncated = byte_cut = True
                                break
                        rows.append(row)
            except DatabaseUnavailable:
                if not (metered and metered[1].over):
                    raise
                truncated = byte_cut = True  # the rows fetched before the cap are kept
            if time.monotonic() > deadline + GRACE_SECONDS:
                raise _timed_out(timeout)
            return GuardedRead(planned, CappedRows(columns, rows, truncated, (time.perf_counter() - started) * 1000),
                               byte_cut)
        finally:
            if metered:
                metered[0]._socket = metered[1]._sock
            with contextlib.suppress(Exception):  # a broken connection cannot roll back; the server does
                tx.close()
