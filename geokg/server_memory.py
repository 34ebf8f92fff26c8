"""Memory sizes for the local server: heap and page cache for the machine, and the query memory limits.

Neo4j tracks most of what a query holds (rows being sorted, grouped or collected) against two limits: one
per transaction and one for all transactions together. A query that passes them fails alone with a
memory error; the server goes on. What it does not track (a string or list grown inside one expression)
is bounded by the heap itself: the server is started without exit-on-out-of-memory, so such a query
fails with "Java heap space" and the server stays up.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from geokg.errors import ConfigError

MB = 1024 * 1024
GB = 1024 * MB
_SIZE = re.compile(r"^\s*(\d+)\s*([kmg]?)b?\s*$", re.I)
_UNITS = {"": 1, "k": 1024, "m": MB, "g": GB}


def parse_size(text: str) -> int:
    """'512m', '2g', '1048576' → bytes; a one-line error otherwise."""
    match = _SIZE.match(text)
    if not match:
        raise ConfigError(f"memory size {text!r} is not a size such as 512m or 2g (or 'auto')")
    return int(match.group(1)) * _UNITS[match.group(2).lower()]


def to_setting(size: int) -> str:
    """Bytes → a size Neo4j reads, in whole megabytes."""
    return f"{max(1, size // MB)}m"


def machine_memory() -> int:
    """Physical memory, or the container's memory limit when that is smaller."""
    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    for limit_file in (Path("/sys/fs/cgroup/memory.max"), Path("/sys/fs/cgroup/memory/memory.limit_in_bytes")):
        try:
            text = limit_file.read_text().strip()
        except OSError:
            continue
        if text.isdigit() and 0 < int(text) < total:
            total = int(text)
    return total


@dataclass(frozen=True)
class ServerMemory:
    """Heap, page cache, and the transaction memory limits derived from the heap."""

    heap: int
    pagecache: int

    @property
    def transaction_max(self) -> int:
        """One transaction may hold a quarter of the heap."""
        return self.heap // 4

    @property
    def transactions_total(self) -> int:
        """All transactions together half of it, leaving the rest for what Neo4j does not track."""
        return self.heap // 2


def size_for_machine(heap: str, pagecache: str, total: int | None = None) -> ServerMemory:
    """Sizes from the settings; 'auto' gives each a quarter of the machine, heap 512 MB–8 GB, cache 256 MB–8 GB."""
    total = machine_memory() if total is None else total
    heap_bytes = min(8 * GB, max(512 * MB, total // 4)) if heap.strip().lower() == "auto" else parse_size(heap)
    cache_bytes = (min(8 * GB, max(256 * MB, total // 4)) if pagecache.strip().lower() == "auto"
                   else parse_size(pagecache))
    if heap_bytes < 256 * MB:
        raise ConfigError(f"GEOKG_NEO4J_HEAP={heap} is too small for Neo4j; give at least 256m")
    return ServerMemory(heap_bytes, cache_bytes)
