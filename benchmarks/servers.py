"""The throw-away local Neo4j servers the benchmarks run against, apart from the demo and test servers.

Each benchmark server has its own home under `<bench home>/<name>` and the benchmark port; only one runs
at a time. `fresh()` wipes a home so every measured load starts from an empty database, and
`admin_import` runs `neo4j-admin database import full` into a stopped home (the ingest ceiling).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from geokg import neo4j_server
from geokg.errors import ServerError
from geokg.graphdb import Graph, init_schema
from geokg.settings import Settings


@dataclass
class BenchServer:
    """One benchmark server home; `settings` point the driver and the launcher at it."""

    settings: Settings

    @classmethod
    def of(cls, base: Settings, home: Path, bolt_port: int, http_port: int) -> BenchServer:
        return cls(base.model_copy(update={
            "neo4j_uri": f"bolt://127.0.0.1:{bolt_port}", "neo4j_database": "neo4j",
            "geokg_neo4j_home": home, "geokg_neo4j_http_port": http_port,
        }))

    @property
    def paths(self) -> neo4j_server.ServerPaths:
        return neo4j_server.ServerPaths.of(self.settings)

    def start(self) -> Graph:
        neo4j_server.start(self.settings)
        graph = Graph(self.settings)
        graph.verify()
        return graph

    def stop(self) -> None:
        neo4j_server.stop(self.settings)

    def wipe(self) -> None:
        self.stop()
        shutil.rmtree(self.paths.home, ignore_errors=True)

    def fresh(self) -> Graph:
        """An empty database with the schema applied."""
        self.wipe()
        graph = self.start()
        init_schema(graph)
        return graph

    def env(self) -> dict[str, str]:
        """Environment for a child process (gunicorn) that should talk to this server."""
        return {**os.environ, "NEO4J_URI": self.settings.neo4j_uri, "NEO4J_USER": self.settings.neo4j_user,
                "NEO4J_PASSWORD": self.settings.password(), "NEO4J_DATABASE": self.settings.neo4j_database}

    def _admin(self, *args: str, heap: str = "2g") -> subprocess.CompletedProcess[str]:
        java, _ = neo4j_server.require_tools()
        env = {**os.environ, "NEO4J_HOME": str(self.paths.home), "NEO4J_CONF": str(self.paths.conf_dir)}
        cmd = [java, f"-Xmx{heap}", "-cp", f"{self.paths.lib}/*", neo4j_server.ADMIN_TOOL, *args]
        # cwd: neo4j-admin drops an import.report file in its working directory.
        return subprocess.run(cmd, capture_output=True, text=True, env=env, check=False, cwd=self.paths.home)

    def admin_import(self, nodes: list[Path], relationships: list[Path]) -> tuple[float, dict[str, int]]:
        """Import CSV files into a wiped home with neo4j-admin; returns (seconds, counts it reported).

        The server stays stopped; `start()` then serves the imported database.
        """
        self.wipe()
        for folder in (self.paths.conf_dir, self.paths.data_dir, self.paths.logs_dir):
            folder.mkdir(parents=True, exist_ok=True)
        (self.paths.conf_dir / "neo4j.conf").write_text(neo4j_server.render_config(self.settings, self.paths),
                                                        encoding="utf-8")
        done = self._admin("dbms", "set-initial-password", self.settings.password())
        if done.returncode != 0:
            raise ServerError(f"set-initial-password failed: {(done.stderr or done.stdout).strip()[-300:]}")
        self.paths.password_marker.write_text("set\n", encoding="utf-8")
        # The database name goes first: the file options take several values and would swallow it.
        args = ["database", "import", "full", "neo4j", "--overwrite-destination=true", "--array-delimiter=;",
                f"--report-file={self.paths.home / 'import.report'}",
                *(f"--nodes={p}" for p in nodes), *(f"--relationships={p}" for p in relationships)]
        started = time.perf_counter()
        done = self._admin(*args)
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            raise ServerError(f"neo4j-admin import failed: {(done.stderr or done.stdout).strip()[-600:]}")
        return seconds, _import_counts(done.stdout + done.stderr)


def _import_counts(output: str) -> dict[str, int]:
    """'IMPORT DONE in 5s 672ms. Imported: 1000 nodes 5000 relationships …' → counts and the tool's own ms."""
    counts = {}
    for what in ("nodes", "relationships", "properties"):
        found = re.findall(rf"(\d[\d,]*) {what}", output)
        if found:
            counts[what] = int(found[-1].replace(",", ""))
    done = re.search(r"IMPORT DONE in ((?:\d+m )?(?:\d+s )?\d+ms)", output)
    if done:
        parts = dict((unit, int(n)) for n, unit in re.findall(r"(\d+)(ms|m|s)", done.group(1)))
        counts["tool_ms"] = parts.get("m", 0) * 60_000 + parts.get("s", 0) * 1000 + parts.get("ms", 0)
    return counts


def await_indexes(graph: Graph, seconds: int = 900) -> None:
    graph.run_autocommit(f"CALL db.awaitIndexes({int(seconds)})")
