"""All configuration, read from the environment and `.env` in one place (pydantic-settings).

Build one `Settings()` at an entry point and pass it down; nothing else reads env vars.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from geokg.errors import ConfigError


def _default_cache_dir() -> Path:
    import os

    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "geokg"


def _default_user_queries_dir() -> Path:
    """Saved queries of your own go under the user's data directory (XDG), so "save as query" works
    without any setting."""
    import os

    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "geokg" / "queries"


class Settings(BaseSettings):
    """GeoKG settings; every field maps to an environment variable of the same name."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    neo4j_uri: str = Field(default="bolt://127.0.0.1:7687", description="bolt://, neo4j://, neo4j+s://…")
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr | None = Field(default=None, description="required; no default")
    neo4j_database: str = "neo4j"

    # Local server (geokg neo4j start): where jars, data and logs live, and its sizes.
    geokg_cache_dir: Path = Field(default_factory=_default_cache_dir)
    geokg_neo4j_home: Path | None = Field(default=None, description="server home; default <cache>/neo4j-server")
    geokg_neo4j_http_port: int = 7474
    # sizes such as 2g or 512m; "auto" sizes each for the machine (geokg.server_memory)
    geokg_neo4j_heap: str = "auto"
    geokg_neo4j_pagecache: str = "auto"
    geokg_neo4j_tx_timeout: str = "120s"
    geokg_neo4j_start_timeout: float = 120.0

    # Loader
    geokg_gazetteer_files: Annotated[list[Path], NoDecode] = Field(
        default_factory=list, description="user gazetteer extensions (YAML/CSV), colon-separated"
    )
    geokg_batch_size: int = 50
    # Actors with at least this many relations keep a precomputed list of their strongest neighbours
    # (below it, reading the relations is as quick as reading the list).
    geokg_rank_min_degree: int = 200

    # Saved queries and console
    geokg_user_queries_dir: Path | None = Field(default_factory=_default_user_queries_dir)
    geokg_query_timeout: float = 10.0
    geokg_query_row_cap: int = 5000
    # Rows stop at this many bytes received as well: one row can be a list of ten million numbers.
    geokg_query_byte_cap: int = 20_000_000

    # Dashboard
    geokg_host: str = "127.0.0.1"
    geokg_port: int = 8050
    geokg_basic_auth: str | None = Field(default=None, description="user:password enables basic auth")
    geokg_max_elements: int = 1500

    @field_validator("geokg_gazetteer_files", mode="before")
    @classmethod
    def _split_paths(cls, value: object) -> object:
        if isinstance(value, str):
            return [Path(p) for p in value.replace(",", ":").split(":") if p.strip()]
        return value

    @property
    def neo4j_home(self) -> Path:
        return self.geokg_neo4j_home or self.geokg_cache_dir / "neo4j-server"

    @property
    def bolt_host_port(self) -> tuple[str, int]:
        parts = urlsplit(self.neo4j_uri)
        return parts.hostname or "127.0.0.1", parts.port or 7687

    @property
    def is_local_uri(self) -> bool:
        host, _ = self.bolt_host_port
        return host in {"127.0.0.1", "localhost", "::1"}

    def password(self) -> str:
        """The Neo4j password, or a one-line error telling how to set it."""
        if self.neo4j_password is None or not self.neo4j_password.get_secret_value():
            raise ConfigError("NEO4J_PASSWORD is not set — put it in .env or the environment (see .env.example)")
        return self.neo4j_password.get_secret_value()
