"""The evaluation sets of tests/eval/sets.yaml, scored once per process, and the floors they must hold."""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

import yaml

from loader.evaluate import EvalSet, Report, evaluate_set, load_sets
from loader.gazetteer import Gazetteer

HERE = Path(__file__).resolve().parent
SETS_FILE = HERE / "sets.yaml"
FLOORS_FILE = HERE / "floors.yaml"
METRICS = ("f1", "entity_recall")
FLOORS_HEADER = """\
# Floors of `make eval`, per set of tests/eval/sets.yaml: measured F1 and entity recall rounded down to 2
# decimals. tests/eval fails when a score drops below its floor, when precision drops below the set's
# min_precision (a fixed bar, so recall may be bought with precision down to it, never below), or when
# more forbidden relations than max_forbidden are produced. Raise floors when scores rise
# (`make eval-floors` prints the raised figures, `make eval-floors WRITE=1` writes them); never lower them.
"""


def sets() -> dict[str, EvalSet]:
    return {s.name: s for s in load_sets(SETS_FILE)}


@cache
def _gazetteer() -> Gazetteer:
    return Gazetteer.load()


@cache
def report(name: str) -> Report:
    """Extraction of one set scored against its gold (the set must be present)."""
    return evaluate_set(sets()[name], _gazetteer())


def load_floors() -> dict[str, dict[str, float]]:
    data = yaml.safe_load(FLOORS_FILE.read_text(encoding="utf-8")) or {}
    assert isinstance(data, dict), f"{FLOORS_FILE}: a mapping of set name → floors"
    return data


def round_down(value: float) -> float:
    """Two decimals, rounded down (0.8799 → 0.87); the tiny offset absorbs float noise such as 0.95 * 100."""
    return math.floor(value * 100 + 1e-9) / 100


def measured(rep: Report) -> dict[str, float]:
    total = rep.total()
    figures: dict[str, float] = {m: round_down(getattr(total, m)) for m in METRICS}
    figures["max_forbidden"] = len(total.forbidden_hits)
    return figures


def raised(old: dict[str, float] | None, new: dict[str, float]) -> dict[str, float]:
    """Floors only go up, the forbidden ceiling only goes down."""
    if not old:
        return new
    out = {m: max(old.get(m, 0.0), new[m]) for m in METRICS}
    out["max_forbidden"] = min(old.get("max_forbidden", new["max_forbidden"]), new["max_forbidden"])
    if "min_precision" in old:
        out["min_precision"] = old["min_precision"]
    return out


def summary(rep: Report) -> str:
    """The micro scores and the per-type counts, for a failure message."""
    from loader.evaluate import by_type

    t = rep.total()
    lines = [f"micro P={t.precision:.3f} R={t.recall:.3f} F1={t.f1:.3f} entity R={t.entity_recall:.3f}"]
    lines += [
        f"  {rtype}: P={c.precision:.2f} R={c.recall:.2f} F1={c.f1:.2f} (TP {c.tp}, FP {c.fp}, FN {c.fn})"
        for rtype, c in by_type(rep).items()
    ]
    lines += [f"  FORBIDDEN {s.article}: {hit}" for s in rep.articles for hit in s.forbidden_hits]
    return "\n".join(lines)


def scored(name: str) -> Report:
    """The report of a set, or a skip when its files are not beside this checkout."""
    import pytest

    eval_set = sets()[name]
    if not eval_set.present():
        pytest.skip(f"{name}: {eval_set.gold} not found (../shared is not beside this checkout)")
    return report(name)
