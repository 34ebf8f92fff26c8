"""The local server's configuration and process bookkeeping, without starting a server."""

import os
import subprocess
from pathlib import Path

import pytest

from geokg import neo4j_server
from geokg.errors import ServerError
from geokg.settings import Settings


@pytest.fixture
def local(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Settings:
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:7999")
    monkeypatch.setenv("NEO4J_PASSWORD", "x-secret")
    monkeypatch.setenv("GEOKG_NEO4J_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("GEOKG_CACHE_DIR", str(tmp_path / "cache"))
    return Settings()


def test_config_is_loopback_and_locked_down(local: Settings) -> None:
    conf = neo4j_server.render_config(local, neo4j_server.ServerPaths.of(local))
    assert "server.default_listen_address=127.0.0.1" in conf
    assert "server.bolt.listen_address=127.0.0.1:7999" in conf
    assert "dbms.security.allow_csv_import_from_file_urls=false" in conf
    assert "db.transaction.timeout=" in conf
    assert "server.memory.heap.max_size=" in conf
    assert "server.directories.import=" in conf
    assert "x-secret" not in conf


def test_version_comes_from_the_pom() -> None:
    assert neo4j_server.neo4j_version().startswith("5.26.")


def test_stale_pid_file_is_cleaned(local: Settings) -> None:
    paths = neo4j_server.ServerPaths.of(local)
    paths.pid_file.parent.mkdir(parents=True)
    dead = subprocess.Popen(["true"])
    dead.wait()
    paths.pid_file.write_text(str(dead.pid))
    assert neo4j_server.running_pid(paths) is None
    assert not paths.pid_file.exists()


def test_pid_of_another_program_is_not_ours(local: Settings) -> None:
    paths = neo4j_server.ServerPaths.of(local)
    paths.pid_file.parent.mkdir(parents=True)
    paths.pid_file.write_text(str(os.getpid()))  # alive, but not a Neo4j of this home
    assert neo4j_server.running_pid(paths) is None


def test_missing_java_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(ServerError, match="install OpenJDK 17"):
        neo4j_server.require_tools()


def test_missing_maven_says_what_to_install(local: Settings) -> None:
    with pytest.raises(ServerError, match="install Apache Maven"):
        neo4j_server.resolve_jars(neo4j_server.ServerPaths.of(local), None)


def test_start_refuses_remote_uri(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "neo4j+s://example.databases.neo4j.io")
    monkeypatch.setenv("NEO4J_PASSWORD", "x")
    with pytest.raises(ServerError, match="not local"):
        neo4j_server.start(Settings())


def test_stop_when_not_running_is_a_no_op(local: Settings) -> None:
    assert neo4j_server.stop(local) is None
