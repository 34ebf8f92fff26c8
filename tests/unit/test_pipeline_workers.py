"""How many extraction processes a load starts."""

from __future__ import annotations

import os

from loader.pipeline import AUTO_WORKERS_FROM, extraction_workers


def test_a_requested_number_of_workers_is_kept() -> None:
    assert extraction_workers(3, 10) == 3


def test_auto_uses_every_core_only_for_large_loads() -> None:
    assert extraction_workers(0, AUTO_WORKERS_FROM - 1) == 1
    assert extraction_workers(0, AUTO_WORKERS_FROM) == (os.cpu_count() or 1)
