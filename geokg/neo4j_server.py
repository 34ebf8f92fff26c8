"""The local Neo4j server, without Docker: resolve jars from Maven Central, configure, start, stop.

Jars are resolved once into `<cache>/neo4j-<version>/lib` by Maven (`neo4j-server.pom.xml`), so a warm
start only launches the JVM. The server home (conf, data, logs, pid) is separate from the jar cache so
several homes (demo, tests) can share one download.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from geokg.errors import ServerError
from geokg.server_memory import ServerMemory, size_for_machine, to_setting
from geokg.settings import Settings

POM = Path(__file__).with_name("neo4j-server.pom.xml")
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
# No -XX:+ExitOnOutOfMemoryError: a query that exhausts the heap in one expression (which Neo4j's memory
# tracking does not see) then fails alone with "Java heap space" instead of taking the server down.
JVM_FLAGS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
]


def neo4j_version() -> str:
    match = re.search(r"<neo4j.version>([^<]+)</neo4j.version>", POM.read_text(encoding="utf-8"))
    if not match:
        raise ServerError(f"{POM} names no <neo4j.version>")
    return match.group(1)


@dataclass(frozen=True)
class ServerPaths:
    """Where one local server keeps its jars, config, data, logs and pid."""

    lib: Path
    home: Path

    @classmethod
    def of(cls, settings: Settings) -> ServerPaths:
        return cls(lib=settings.geokg_cache_dir / f"neo4j-{neo4j_version()}" / "lib",
                   home=settings.neo4j_home)

    @property
    def conf_dir(self) -> Path:
        return self.home / "conf"

    @property
    def data_dir(self) -> Path:
        return self.home / "data"

    @property
    def logs_dir(self) -> Path:
        return self.home / "logs"

    @property
    def import_dir(self) -> Path:
        return self.home / "import"

    @property
    def pid_file(self) -> Path:
        return self.home / "run" / "neo4j.pid"

    @property
    def console_log(self) -> Path:
        return self.logs_dir / "console.log"

    @property
    def password_marker(self) -> Path:
        return self.data_dir / ".geokg-initial-password-set"


def require_tools() -> tuple[str, str | None]:
    """Paths of java (17+) and mvn; a one-line error saying what to install when missing."""
    java = shutil.which("java")
    if not java:
        raise ServerError("java not found — install OpenJDK 17 or newer (e.g. apt-get install openjdk-17-jre-headless)")
    out = subprocess.run([java, "-version"], capture_output=True, text=True, check=False).stderr
    match = re.search(r'version "(\d+)', out)
    if match and int(match.group(1)) < 17:
        raise ServerError(f"java {match.group(1)} found, Neo4j 5 needs 17 or newer — install OpenJDK 17+")
    return java, shutil.which("mvn")


def resolve_jars(paths: ServerPaths, mvn: str | None) -> Path:
    """Copy the Neo4j jars from Maven Central into the cache, once."""
    marker = paths.lib / ".complete"
    if marker.exists():
        return paths.lib
    if not mvn:
        raise ServerError("mvn not found — install Apache Maven (e.g. apt-get install maven) to fetch Neo4j")
    staging = paths.lib.with_name("lib.partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.parent.mkdir(parents=True, exist_ok=True)
    cmd = [mvn, "-q", "-B", "-f", str(POM), "dependency:copy-dependencies",
           f"-DoutputDirectory={staging}", "-DincludeScope=runtime"]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0 or not any(staging.glob("neo4j-*.jar")):
        tail = (proc.stdout + proc.stderr).strip().splitlines()[-1:] or ["no output"]
        raise ServerError(f"Maven could not resolve Neo4j {neo4j_version()}: {tail[0]}")
    shutil.rmtree(paths.lib, ignore_errors=True)
    staging.rename(paths.lib)
    marker.write_text(neo4j_version(), encoding="utf-8")
    return paths.lib


def memory_of(settings: Settings) -> ServerMemory:
    return size_for_machine(settings.geokg_neo4j_heap, settings.geokg_neo4j_pagecache)


def render_config(settings: Settings, paths: ServerPaths) -> str:
    host, bolt_port = settings.bolt_host_port
    memory = memory_of(settings)
    listen = "127.0.0.1" if host in {"localhost", "::1"} else host
    return "\n".join([
        "# Written by `geokg neo4j start`; edits are overwritten on the next start.",
        f"server.default_listen_address={listen}",
        f"server.bolt.listen_address={listen}:{bolt_port}",
        f"server.http.listen_address={listen}:{settings.geokg_neo4j_http_port}",
        "server.https.enabled=false",
        f"server.directories.data={paths.data_dir}",
        f"server.directories.logs={paths.logs_dir}",
        f"server.directories.run={paths.home / 'run'}",
        f"server.directories.import={paths.import_dir}",
        f"server.directories.plugins={paths.home / 'plugins'}",
        "dbms.security.allow_csv_import_from_file_urls=false",
        "dbms.usage_report.enabled=false",
        f"db.transaction.timeout={settings.geokg_neo4j_tx_timeout}",
        f"server.memory.heap.initial_size={to_setting(memory.heap)}",
        f"server.memory.heap.max_size={to_setting(memory.heap)}",
        f"server.memory.pagecache.size={to_setting(memory.pagecache)}",
        # what a query holds is tracked and capped, per transaction and in total (see server_memory)
        f"db.memory.transaction.max={to_setting(memory.transaction_max)}",
        f"dbms.memory.transaction.total.max={to_setting(memory.transactions_total)}",
        # the driver's read timeout is keep_alive × probes; a dead connection is noticed in 20 s, not 120 s
        "server.bolt.connection_keep_alive=10s",
        "server.bolt.connection_keep_alive_for_requests=ALL",
        "server.bolt.connection_keep_alive_probes=2",
        "db.tx_log.rotation.retention_policy=1 files",
        "",
    ])


def _pid_alive(pid: int, paths: ServerPaths) -> bool:
    """True when `pid` is a live Neo4j of this home (not a recycled pid of another program)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        try:
            os.kill(pid, 0)
        except OSError:
            return False
        return True
    return ENTRY_POINT in cmdline and str(paths.home) in cmdline


def running_pid(paths: ServerPaths) -> int | None:
    """Pid of the running server of this home; a stale pid file is removed."""
    try:
        pid = int(paths.pid_file.read_text().strip())
    except (OSError, ValueError):
        paths.pid_file.unlink(missing_ok=True)
        return None
    if _pid_alive(pid, paths):
        return pid
    paths.pid_file.unlink(missing_ok=True)
    return None


def _port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def log_tail(paths: ServerPaths, lines: int = 20) -> str:
    chunks = []
    for log in (paths.console_log, paths.logs_dir / "neo4j.log"):
        if log.exists():
            chunks.extend(log.read_text(errors="replace").splitlines()[-lines:])
    return "\n".join(chunks[-lines:])


def argfile_quote(value: str) -> str:
    """One argument as the java launcher reads it from an @argfile: quoted, backslashes escaped."""
    if "\n" in value or "\r" in value:
        raise ServerError("NEO4J_PASSWORD may not contain a line break")
    quote = "'" if "'" not in value else '"'
    if quote in value:
        raise ServerError("NEO4J_PASSWORD may not contain both ' and \" — choose another password")
    return quote + value.replace("\\", "\\\\") + quote


@contextlib.contextmanager
def owner_only_argfile(folder: Path, args: list[str]) -> Iterator[Path]:
    """A java @argfile readable by its owner only, removed afterwards: arguments that are secrets stay off the
    command line, where every local user could read them (`ps`, /proc/<pid>/cmdline)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f".geokg-args-{os.getpid()}-{time.monotonic_ns()}"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write("\n".join(argfile_quote(a) for a in args) + "\n")
        yield path
    finally:
        path.unlink(missing_ok=True)


def _set_initial_password(java: str, settings: Settings, paths: ServerPaths) -> None:
    if paths.password_marker.exists() or (paths.data_dir / "databases").exists():
        return
    env = {**os.environ, "NEO4J_HOME": str(paths.home), "NEO4J_CONF": str(paths.conf_dir)}
    # The main class and its arguments come from the argfile, so the password is never on the command line.
    with owner_only_argfile(paths.home / "run", [ADMIN_TOOL, "dbms", "set-initial-password",
                                                 settings.password()]) as argfile:
        proc = subprocess.run([java, "-cp", f"{paths.lib}/*", f"@{argfile}"],
                              capture_output=True, text=True, env=env, check=False)
    if proc.returncode != 0:
        raise ServerError(f"could not set the initial password: {(proc.stderr or proc.stdout).strip()[-200:]}")
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    paths.password_marker.write_text("set\n", encoding="utf-8")


def start(settings: Settings, *, wait: bool = True) -> tuple[int, bool]:
    """Start the local server; returns (pid, started_now). Already running → (pid, False)."""
    if not settings.is_local_uri:
        raise ServerError(f"NEO4J_URI {settings.neo4j_uri} is not local; nothing to start here")
    settings.password()  # fail early, before any download, when no password is set
    paths = ServerPaths.of(settings)
    pid = running_pid(paths)
    if pid is not None:
        return pid, False
    host, bolt_port = settings.bolt_host_port
    if _port_open(host, bolt_port):
        raise ServerError(f"port {bolt_port} on {host} is taken by another process — stop it or change NEO4J_URI")
    java, mvn = require_tools()
    resolve_jars(paths, mvn)
    for folder in (paths.conf_dir, paths.data_dir, paths.logs_dir, paths.import_dir,
                   paths.home / "run", paths.home / "plugins"):
        folder.mkdir(parents=True, exist_ok=True)
    (paths.conf_dir / "neo4j.conf").write_text(render_config(settings, paths), encoding="utf-8")
    _set_initial_password(java, settings, paths)
    heap = to_setting(memory_of(settings).heap)
    cmd = [java, f"-Xms{heap}", f"-Xmx{heap}", *JVM_FLAGS, "-cp", f"{paths.lib}/*", ENTRY_POINT,
           f"--home-dir={paths.home}", f"--config-dir={paths.conf_dir}"]
    with paths.console_log.open("ab") as console:
        proc = subprocess.Popen(cmd, stdout=console, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                cwd=paths.home, start_new_session=True)
    paths.pid_file.write_text(str(proc.pid), encoding="utf-8")
    if wait:
        _wait_for_bolt(settings, paths, proc)
    return proc.pid, True


def _wait_for_bolt(settings: Settings, paths: ServerPaths, proc: subprocess.Popen[bytes]) -> None:
    host, port = settings.bolt_host_port
    deadline = time.monotonic() + settings.geokg_neo4j_start_timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            paths.pid_file.unlink(missing_ok=True)
            raise ServerError(f"Neo4j exited with code {proc.returncode} during start; log tail:\n"
                              f"{log_tail(paths)}")
        if _port_open(host, port) and "Started." in _neo4j_log(paths):
            return
        time.sleep(0.25)
    stop(settings)
    raise ServerError(f"Neo4j did not answer on {host}:{port} within {settings.geokg_neo4j_start_timeout:.0f} s;"
                      f" log tail:\n{log_tail(paths)}")


def _neo4j_log(paths: ServerPaths) -> str:
    log = paths.logs_dir / "neo4j.log"
    if not log.exists():
        return ""
    text = log.read_text(errors="replace")
    # Only the part written since the last start line counts.
    return text[text.rfind("Starting..."):]


def stop(settings: Settings, *, timeout: float = 60.0) -> int | None:
    """Stop the local server (SIGTERM, then SIGKILL after `timeout`); returns the pid stopped."""
    paths = ServerPaths.of(settings)
    pid = running_pid(paths)
    if pid is None:
        return None
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _pid_alive(pid, paths):
        _reap(pid)
        time.sleep(0.2)
    if _pid_alive(pid, paths):
        os.kill(pid, signal.SIGKILL)
        time.sleep(0.5)
        _reap(pid)
    paths.pid_file.unlink(missing_ok=True)
    return pid


def kill(settings: Settings) -> int | None:
    """Kill the server abruptly (SIGKILL), as a crash would; used by the fault tests."""
    paths = ServerPaths.of(settings)
    pid = running_pid(paths)
    if pid is None:
        return None
    os.kill(pid, signal.SIGKILL)
    for _ in range(50):
        _reap(pid)
        if not _pid_alive(pid, paths):
            break
        time.sleep(0.1)
    paths.pid_file.unlink(missing_ok=True)
    # The kernel frees the Bolt port a moment after the process dies; a start right after must find it free.
    host, port = settings.bolt_host_port
    deadline = time.monotonic() + 10.0
    while _port_open(host, port) and time.monotonic() < deadline:
        time.sleep(0.1)
    return pid


def _reap(pid: int) -> None:
    """Collect our own child's exit status so it does not linger as a zombie."""
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def status(settings: Settings) -> dict[str, object]:
    paths = ServerPaths.of(settings)
    pid = running_pid(paths)
    host, port = settings.bolt_host_port
    return {
        "running": pid is not None,
        "pid": pid,
        "bolt": f"{host}:{port}",
        "home": str(paths.home),
        "jars": str(paths.lib),
        "jars_cached": (paths.lib / ".complete").exists(),
        "version": neo4j_version(),
    }
