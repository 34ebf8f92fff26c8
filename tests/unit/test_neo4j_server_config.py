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


def test_config_bounds_query_memory_and_keeps_the_server_up_on_oom(local: Settings) -> None:
    conf = neo4j_server.render_config(local, neo4j_server.ServerPaths.of(local))
    settings = dict(line.split("=", 1) for line in conf.splitlines() if "=" in line and not line.startswith("#"))
    heap = int(settings["server.memory.heap.max_size"].rstrip("m"))
    assert int(settings["db.memory.transaction.max"].rstrip("m")) == heap // 4
    assert int(settings["dbms.memory.transaction.total.max"].rstrip("m")) == heap // 2
    assert settings["server.bolt.connection_keep_alive_for_requests"] == "ALL"
    assert "-XX:+ExitOnOutOfMemoryError" not in neo4j_server.JVM_FLAGS


def test_memory_is_sized_for_the_machine() -> None:
    from geokg.server_memory import GB, MB, parse_size, size_for_machine

    small = size_for_machine("auto", "auto", total=2 * GB)
    assert (small.heap, small.pagecache) == (512 * MB, 512 * MB)
    big = size_for_machine("auto", "auto", total=64 * GB)
    assert (big.heap, big.pagecache) == (8 * GB, 8 * GB)
    assert size_for_machine("1g", "300m", total=64 * GB).heap == GB
    assert parse_size("512M") == 512 * MB
    with pytest.raises(Exception, match="not a size"):
        parse_size("lots")


@pytest.mark.parametrize("secret", ["plain-Secret-1", "with space and 'quote'", 'dq"x', "back\\slash\\"])
def test_argfile_carries_a_password_exactly(tmp_path: Path, secret: str) -> None:
    """The java launcher reads the value back unchanged (a system property shows what it read)."""
    import shutil

    java = shutil.which("java")
    assert java, "java is required (Neo4j needs it)"
    with neo4j_server.owner_only_argfile(tmp_path, [f"-Dgeokg.probe={secret}", "-XshowSettings:properties",
                                                    "-version"]) as argfile:
        assert argfile.stat().st_mode & 0o777 == 0o600
        out = subprocess.run([java, f"@{argfile}"], capture_output=True, text=True, check=True).stderr
    assert f"geokg.probe = {secret}\n" in out
    assert list(tmp_path.iterdir()) == []


def test_initial_password_never_on_a_command_line(local: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = neo4j_server.ServerPaths.of(local)
    seen: dict[str, object] = {}

    def fake_run(cmd: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        argfile = Path(cmd[-1].removeprefix("@"))
        seen.update(cmd=cmd, mode=argfile.stat().st_mode & 0o777, text=argfile.read_text())
        return subprocess.CompletedProcess(cmd, 0, "", "")

    monkeypatch.setattr(neo4j_server.subprocess, "run", fake_run)
    neo4j_server._set_initial_password("java", local, paths)
    assert all("x-secret" not in part for part in seen["cmd"])  # type: ignore[attr-defined]
    assert seen["mode"] == 0o600 and "'x-secret'" in str(seen["text"])
    assert not any(p.name.startswith(".geokg-args") for p in (paths.home / "run").iterdir())
