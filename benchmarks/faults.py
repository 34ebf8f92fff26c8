"""Figures of the fault and abuse suite: each test records inputs tried, faults injected and losses.

The tests call `record`; it prints nothing itself and merges the figures into
`benchmarks/results/fault-suite.json`, which `python -m benchmarks.run` copies into the
"Fault suite" section of docs/benchmarks.md.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results" / "fault-suite.json"


def load(path: Path = RESULTS) -> dict[str, dict[str, Any]]:
    """Recorded figures by test name; empty when the suite has not run yet."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def record(name: str, *, inputs: int, faults: int, losses: int, path: Path = RESULTS,
           **details: Any) -> str:
    """Store one test's figures and return them as one printable line."""
    entry = {"inputs": inputs, "faults": faults, "losses": losses, **details,
             "recorded": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")}
    data = load(path)
    data[name] = entry
    path.parent.mkdir(parents=True, exist_ok=True)
    # Write-then-rename, so a reader never sees half a file.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".fault-suite", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2, sort_keys=True)
        fh.write("\n")
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)
    extra = ", ".join(f"{k}={v}" for k, v in details.items())
    return f"[fault suite] {name}: inputs={inputs} faults={faults} losses={losses}" + (f" ({extra})" if extra else "")
