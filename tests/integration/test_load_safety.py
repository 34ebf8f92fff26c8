"""`geokg load` on a folder holding links out of it, a FIFO and links to device and /proc files loads
the one real article and none of them."""

from __future__ import annotations

import os
from pathlib import Path

from geokg.graphdb import Graph
from geokg.settings import Settings
from loader.pipeline import load_paths
from tests.conftest import clear

SECRET = "Classified ledger line 9b2e"


def test_load_reads_only_regular_files_inside(graph: Graph, settings: Settings, tmp_path: Path) -> None:
    clear(graph)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Ledger\n\n" + SECRET + "\n")
    news = tmp_path / "news"
    news.mkdir()
    (news / "article.txt").write_text("Drills near Dushanbe\n\nRussia and Tajikistan held joint exercises.\n")
    (news / "out.txt").symlink_to(outside / "secret.txt")
    (news / "host.txt").symlink_to("/etc/hostname")
    (news / "proc.txt").symlink_to("/proc/self/status")
    (news / "dev.txt").symlink_to("/dev/zero")
    os.mkfifo(news / "fifo.txt")
    report = load_paths(settings, graph, [news])
    assert report.documents == 1 and report.exit_code == 1
    assert sorted(Path(e.path).name for e in report.errors) == ["dev.txt", "fifo.txt", "host.txt", "out.txt",
                                                                "proc.txt"]
    titles = [r["t"] for r in graph.read("MATCH (a:Article) RETURN a.title AS t")]
    assert titles == ["Drills near Dushanbe"]
    leaked = graph.read("MATCH (n) WHERE any(k IN keys(n) WHERE n[k] IS :: STRING AND n[k] CONTAINS $s) "
                        "RETURN count(n) AS c", {"s": SECRET})
    assert leaked == [{"c": 0}]
