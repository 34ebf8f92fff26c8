"""Peak memory and time to extract one very long article (`geokg extract` in its own process).

Long texts are extracted in pieces (loader.chunks), so the peak should not grow with the article's size;
the target is under 1 GB for a 5 MB article.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from loader.models import Document

TARGET_MB = 1024


def write_long_article(docs: Sequence[Document], path: Path, chars: int = 5_000_000) -> int:
    """One article of about `chars` characters, made of the generated articles' paragraphs."""
    body = "\n\n".join(d.text for d in docs)
    parts = ["A very long report"]
    size = 0
    while size < chars:
        parts.append(body)
        size += len(body) + 2
    text = "\n\n".join(parts)[: chars + 20]
    path.write_text(text, encoding="utf-8")
    return len(text)


def measure(path: Path) -> dict[str, float]:
    """Seconds and peak resident memory (MB) of `geokg extract PATH` in a child process."""
    geokg = str(Path(sys.executable).with_name("geokg"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    proc = subprocess.run([geokg, "extract", str(path), "--format", "json"], capture_output=True, text=True,
                          check=False)
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode != 0:
        raise RuntimeError(f"geokg extract failed: {proc.stderr.strip()[-300:]}")
    # ru_maxrss of children is the largest child so far: this one, unless an earlier child was larger
    return {"seconds": seconds, "peak_mb": max(peak_kb, before) / 1024, "output_chars": len(proc.stdout)}
