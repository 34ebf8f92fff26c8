"""The loader reads only regular files inside the paths it is given: no links out, no FIFOs, no devices,
nothing from /proc; `--follow-links` allows links out and nothing else."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from loader.cli import extract_command
from loader.read import iter_documents
from loader.safe_files import Refused, read_regular

SECRET = "Top secret dossier contents 4c1f"
ARTICLE = "Drills near Dushanbe\n\nRussia and Tajikistan held joint exercises on Monday.\n"


@pytest.fixture
def news(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Secret\n\n" + SECRET + "\n")
    (outside / "more.txt").write_text("More\n\n" + SECRET + "\n")
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "article.txt").write_text(ARTICLE)
    (folder / "inside-link.txt").symlink_to(folder / "article.txt")
    (folder / "link-out.txt").symlink_to(outside / "secret.txt")
    (folder / "relative-out.txt").symlink_to(Path("..") / "outside" / "secret.txt")
    (folder / "hostname.txt").symlink_to("/etc/hostname")
    (folder / "status.txt").symlink_to("/proc/self/status")
    (folder / "null.txt").symlink_to("/dev/null")
    (folder / "zero.md").symlink_to("/dev/zero")
    (folder / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "folder-out").symlink_to(outside, target_is_directory=True)
    return folder


def _read(folder: Path, follow_links: bool = False) -> tuple[dict[str, str], dict[str, str]]:
    docs: dict[str, str] = {}
    errors: dict[str, str] = {}
    for item in iter_documents([folder], follow_links=follow_links):
        name = Path(item.path).name
        if hasattr(item, "text"):
            docs[name] = item.text  # type: ignore[union-attr]
        else:
            errors[name] = item.error  # type: ignore[union-attr]
    return docs, errors


def test_only_regular_files_inside_the_folder_are_read(news: Path) -> None:
    docs, errors = _read(news)
    assert sorted(docs) == ["article.txt", "inside-link.txt"]
    assert all(SECRET not in text for text in docs.values())
    assert "outside the folders given" in errors["link-out.txt"]
    assert "outside the folders given" in errors["relative-out.txt"]
    assert "outside the folders given" in errors["hostname.txt"]
    assert "system file" in errors["status.txt"] and "system file" in errors["null.txt"]
    assert "system file" in errors["zero.md"]
    assert "FIFO" in errors["pipe.txt"]
    assert "cannot read" in errors["dangling.txt"]
    assert "more.txt" not in docs and "more.txt" not in errors  # the linked folder is not walked
    assert all("\n" not in e for e in errors.values())


def test_follow_links_reads_links_out_but_never_system_files_or_fifos(news: Path) -> None:
    docs, errors = _read(news, follow_links=True)
    assert {"link-out.txt", "relative-out.txt", "more.txt"} <= set(docs)
    assert "system file" in errors["status.txt"] and "FIFO" in errors["pipe.txt"]


def test_named_files_are_checked_too(news: Path, tmp_path: Path) -> None:
    errors = [i for i in iter_documents([news / "pipe.txt", news / "status.txt", Path("/proc/self/status")])]
    assert [("FIFO" in e.error) or ("system file" in e.error) for e in errors] == [True, True, True]


def test_read_regular_refuses_what_changed_after_the_walk(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "later.txt")
    with pytest.raises(Refused, match="FIFO"):  # opened without blocking, refused on fstat
        read_regular(tmp_path / "later.txt", 1000)
    (tmp_path / "big.txt").write_text("x" * 2000)
    with pytest.raises(Refused, match="too large"):
        read_regular(tmp_path / "big.txt", 1000)


def test_extract_command_reads_none_of_them(news: Path) -> None:
    out = CliRunner().invoke(extract_command, [str(news), "--format", "json"])
    assert out.exit_code == 1
    assert SECRET not in out.stdout
    assert '"title": "Drills near Dushanbe"' in out.stdout
    assert "link-out.txt: refused" in out.stderr and "pipe.txt: refused" in out.stderr
