"""Which files a load may read: regular files inside the folders and files it was given, nothing else.

A folder of news can hold links. A link to `../outside/secret.txt`, `/etc/hostname` or `/proc/self/status`
would otherwise be read as an article and its contents shown as a title in the graph. So:
- a file link inside a given folder is read only when its target lies inside one of the given paths
  (`follow_links` lifts this, for folders built of links on purpose);
- links to folders are not descended (unless `follow_links`), so a walk never leaves its root or loops;
- only regular files are read: FIFOs, sockets and devices are refused (opening a FIFO would block),
  and nothing under /proc, /sys or /dev, whose "files" are the kernel's and the machine's state;
- the check is made again on the open file (fstat), so swapping a file for a link between the walk and
  the read changes nothing.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from loader.models import ReadError

SYSTEM_TREES = (Path("/proc"), Path("/sys"), Path("/dev"))
_KINDS = {stat.S_IFIFO: "a FIFO", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a character device",
          stat.S_IFBLK: "a block device", stat.S_IFDIR: "a folder"}


class Refused(Exception):
    """A path the loader will not read, with the reason as one line."""


def _within(path: Path, roots: Iterable[Path]) -> bool:
    return any(path == root or path.is_relative_to(root) for root in roots)


def _kind(mode: int) -> str:
    return _KINDS.get(stat.S_IFMT(mode), "not a regular file")


def check_target(path: Path, roots: list[Path], *, follow_links: bool) -> Path:
    """The real path of `path` when the loader may read it; Refused otherwise."""
    try:
        real = path.resolve(strict=True)
        info = real.stat()
    except (OSError, RuntimeError) as exc:  # a dangling or looping link
        raise Refused(f"cannot read: {getattr(exc, 'strerror', None) or exc}") from exc
    if _within(real, SYSTEM_TREES):
        raise Refused(f"refused: {real} is a system file, not an article")
    if path.is_symlink() and not follow_links and not _within(real, roots):
        raise Refused(f"refused: a link to {real}, outside the folders given (--follow-links reads it)")
    if not stat.S_ISREG(info.st_mode):
        raise Refused(f"refused: {_kind(info.st_mode)}, not a regular file")
    return real


def read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file, opened without blocking and checked again once open; OSError or
    Refused otherwise. A file larger than `max_bytes` is refused before it is read."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise Refused(f"refused: {_kind(info.st_mode)}, not a regular file")
        if info.st_size > max_bytes:
            raise Refused(f"file too large ({info.st_size} bytes)")
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise Refused(f"file too large (more than {max_bytes} bytes)")
    return data


def files_to_read(paths: Iterable[str | Path], suffixes: Iterable[str], *,
                  follow_links: bool = False) -> Iterator[Path | ReadError]:
    """The files of `paths` (folders walked, sorted, hidden entries skipped) the loader may read, and
    a ReadError for each one it may not. Files of other types inside a folder are skipped silently;
    a file named explicitly is passed on whatever its type (the reader reports an unknown type)."""
    wanted = {s.lower() for s in suffixes}
    given = [Path(p) for p in paths]
    roots = [p.resolve() for p in given if p.exists()]
    for path in given:
        if path.is_dir():
            yield from _walk(path, roots, wanted, follow_links)
        elif path.exists() or path.is_symlink():
            try:
                check_target(path, roots, follow_links=True)  # named explicitly: the user chose it
                yield path
            except Refused as exc:
                yield ReadError(path=str(path), error=str(exc))
        else:
            yield ReadError(path=str(path), error="no such file or folder")


def _walk(folder: Path, roots: list[Path], wanted: set[str], follow_links: bool) -> Iterator[Path | ReadError]:
    found: list[Path] = []
    seen: set[Path] = set()
    for top, dirs, files in os.walk(folder, followlinks=follow_links):
        real = Path(top).resolve()
        if real in seen:  # a followed link back to a folder already walked
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = [d for d in dirs if not d.startswith(".")]  # hidden folders (.git, caches)
        found.extend(Path(top) / name for name in files if not name.startswith("."))
        # links to folders show up in `dirs`; unfollowed, they are skipped like hidden ones
    for child in sorted(found):
        if child.suffix.lower() not in wanted:
            continue
        try:
            check_target(child, roots, follow_links=follow_links)
        except Refused as exc:
            yield ReadError(path=str(child), error=str(exc))
            continue
        yield child
