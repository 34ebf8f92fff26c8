"""docker-compose.yml parses (no Docker engine is needed for `config`) and stays loopback-only."""

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

COMPOSE = Path(__file__).resolve().parents[2] / "docker-compose.yml"


def _compose_command() -> list[str]:
    docker = shutil.which("docker")
    if docker and subprocess.run([docker, "compose", "version"], capture_output=True).returncode == 0:
        return [docker, "compose"]
    legacy = shutil.which("docker-compose")
    if legacy:
        return [legacy]
    pytest.fail("neither `docker compose` nor `docker-compose` is installed (make browser-deps installs it)")


def test_compose_config_parses(tmp_path: Path) -> None:
    env = {"NEO4J_PASSWORD": "compose-check", "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([*_compose_command(), "-f", str(COMPOSE), "config"], capture_output=True,
                          text=True, env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "neo4j:5.26-community" in proc.stdout


def test_ports_are_bound_to_loopback() -> None:
    spec = yaml.safe_load(COMPOSE.read_text())
    for name, service in spec["services"].items():
        for port in service.get("ports", []):
            assert str(port).startswith("127.0.0.1:"), f"{name} publishes {port} beyond loopback"
    assert "healthcheck" in spec["services"]["neo4j"]
    assert "NEO4J_AUTH" in spec["services"]["neo4j"]["environment"]
