"""Extraction knowledge kept as data: YAML files beside this module, read once per process."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load_rules(name: str) -> Any:
    """The parsed YAML file `loader/rules/<name>.yaml`."""
    text = resources.files(__package__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def lemmas(name: str, key: str) -> frozenset[str]:
    """One word list of a rules file, as a set of lower-case lemmas."""
    return frozenset(str(w).lower() for w in load_rules(name).get(key) or [])
