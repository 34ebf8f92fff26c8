"""The eval suite (`make eval`): scores on the seed, our samples, our held-out set and the real dev set.

Left out of the default pytest run (marker `eval`, deselected in pyproject.toml): the seed and the real dev set
live in ../shared beside the checkout, which a user's clone does not have; a set that is absent is skipped.
"""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.eval)
