"""Settings: one reader of the environment, no default password, local vs remote URIs."""

from pathlib import Path

import pytest

from geokg.errors import ConfigError
from geokg.settings import Settings


def test_password_has_no_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    monkeypatch.chdir(tmp_path)  # no .env here
    with pytest.raises(ConfigError, match="NEO4J_PASSWORD is not set"):
        Settings().password()


def test_remote_uri_is_kept_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "neo4j+s://abcd.databases.neo4j.io")
    settings = Settings()
    assert settings.neo4j_uri == "neo4j+s://abcd.databases.neo4j.io"
    assert not settings.is_local_uri
    assert settings.bolt_host_port == ("abcd.databases.neo4j.io", 7687)


def test_local_uri_and_port(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://localhost:7999")
    settings = Settings()
    assert settings.is_local_uri
    assert settings.bolt_host_port == ("localhost", 7999)


def test_env_file_is_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("NEO4J_PASSWORD=from-file\nNEO4J_DATABASE=news\n")
    settings = Settings()
    assert settings.password() == "from-file"
    assert settings.neo4j_database == "news"


def test_gazetteer_files_split(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEOKG_GAZETTEER_FILES", "a.yaml:b.csv")
    assert Settings().geokg_gazetteer_files == [Path("a.yaml"), Path("b.csv")]


def test_user_queries_default_to_the_user_data_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("GEOKG_USER_QUERIES_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert Settings(_env_file=None).geokg_user_queries_dir == tmp_path / "geokg" / "queries"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    expected = tmp_path / "home" / ".local" / "share" / "geokg" / "queries"
    assert Settings(_env_file=None).geokg_user_queries_dir == expected
