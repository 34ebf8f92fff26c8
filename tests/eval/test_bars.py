"""The quality bars of extraction and the floors of tests/eval/floors.yaml.

Bars: seed P >= 0.95, R >= 0.9 and no forbidden relation; our samples F1 >= 0.85. Floors: every set's
F1 and entity recall stay at or above the figures stored in floors.yaml, precision at or above its bar.
"""

from __future__ import annotations

import pytest

from tests.eval.support import METRICS, SETS_FILE, load_floors, scored, sets, summary
from tests.unit.test_sample_corpus import check_gold

pytestmark = pytest.mark.eval


def test_seed_meets_the_bars() -> None:
    rep = scored("seed")
    total = rep.total()
    assert total.precision >= 0.95, summary(rep)
    assert total.recall >= 0.9, summary(rep)
    assert total.forbidden_hits == [], summary(rep)


def test_seed_gold_is_consistent() -> None:
    eval_set = sets()["seed"]
    if not eval_set.present():
        pytest.skip(f"seed: {eval_set.gold} not found (../shared is not beside this checkout)")
    check_gold(eval_set.gold)


def test_samples_meet_the_bar() -> None:
    rep = scored("samples")
    assert rep.total().f1 >= 0.85, summary(rep)
    assert rep.total().forbidden_hits == [], summary(rep)


def test_every_set_has_floors() -> None:
    assert set(sets()) == set(load_floors()), f"{SETS_FILE} and floors.yaml name different sets"


@pytest.mark.parametrize("name", list(load_floors()))
def test_scores_hold_their_floors(name: str) -> None:
    floors = load_floors()[name]
    rep = scored(name)
    total = rep.total()
    below = [f"{m} {getattr(total, m):.3f} < floor {floors[m]}" for m in METRICS if getattr(total, m) < floors[m]]
    if total.precision < floors.get("min_precision", 0.0):
        below.append(f"precision {total.precision:.3f} < bar {floors['min_precision']}")
    if len(total.forbidden_hits) > floors["max_forbidden"]:
        below.append(f"{len(total.forbidden_hits)} forbidden relations > {floors['max_forbidden']}")
    assert not below, f"{name}: " + "; ".join(below) + "\n" + summary(rep)
