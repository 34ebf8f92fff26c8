"""Names that are not actors: weapons systems, and words the NER takes for names.

The knowledge is data (``loader/data/weapons.yaml``, ``loader/data/not_actors.yaml``); this
module only reads it and answers questions about a span's text. Pure string functions, so the
extractor (mentions), the arms items and the checks over real news share one answer.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent / "data"
_MAX_NAME_WORDS = 4
# A model designation or variant: any word with a digit ("2A6", "M1A2", "PAC-3", "F-16s").
_DESIGNATION_RE = re.compile(r"\d")
_SPLIT_RE = re.compile(r"[\s/]+")
_EDGE_PUNCT = " \t\n,;:.!?\"'“”‘’()[]"


def _key(text: str) -> str:
    """Case, accents, hyphens and spaces ignored: "S-400" = "s400", "Su 35" = "su35"."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return re.sub(r"[\s\-\u2010-\u2015'’.]+", "", plain.casefold())


@functools.cache
def _read(name: str) -> dict[str, Any]:
    data = yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{name}: expected a mapping")
    return data


@functools.cache
def _weapons() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(unambiguous name keys, ambiguous name keys, arms words) of the weapons lexicon."""
    data = _read("weapons.yaml")
    names = frozenset(_key(str(n)) for family in (data.get("families") or {}).values() for n in family or [])
    ambiguous = frozenset(_key(str(n)) for n in data.get("ambiguous") or [])
    words = frozenset(str(w).casefold() for w in data.get("arms_words") or [])
    return names, ambiguous - names, words


def _not_actor_lists() -> dict[str, Any]:
    return _read("not_actors.yaml")


NOT_ACTOR_CLASSES: tuple[str, ...] = ("titles", "time_zones", "diseases", "religions", "commodities", "common_words")
NOT_ACTORS: frozenset[str] = frozenset(
    str(w).casefold() for cls in NOT_ACTOR_CLASSES for w in _not_actor_lists().get(cls) or []
)
COMMON_WORDS: frozenset[str] = frozenset(str(w).casefold() for w in _not_actor_lists().get("common_words") or [])
TITLES: frozenset[str] = frozenset(str(w).casefold() for w in _not_actor_lists().get("titles") or [])
STATE_BODY_WORDS: frozenset[str] = frozenset(
    str(w).casefold() for w in _not_actor_lists().get("state_body_words") or []
)
PLACE_NOUNS: frozenset[str] = frozenset(str(w).casefold() for w in _not_actor_lists().get("place_nouns") or [])
LEGAL_FORMS: frozenset[str] = frozenset(str(w).casefold() for w in _not_actor_lists().get("legal_forms") or [])
PLACE_HEAD_WORDS: frozenset[str] = frozenset(str(w) for w in _not_actor_lists().get("place_head_words") or [])
PLACE_PREFIX_WORDS: frozenset[str] = frozenset(str(w) for w in _not_actor_lists().get("place_prefix_words") or [])


def _name_key(words: list[str], start: int, names: frozenset[str]) -> int:
    """Length of the longest lexicon name starting at `words[start]` (plural "s" allowed), 0 if none."""
    for n in range(min(_MAX_NAME_WORDS, len(words) - start), 0, -1):
        key = _key(" ".join(words[start : start + n]))
        if key in names or (key.endswith("s") and key[:-1] in names):
            return n
    return 0


def is_weapon_name(text: str) -> bool:
    """Whether a span's text names a weapons system or platform.

    Every word must belong to a lexicon name, a designation ("2A6", "M1A2") or an arms word
    ("missile", "systems"): "M1A1/M1A2 Abrams" and "Leopard 2 tanks" are weapons, "Elliott
    Abrams" is not. A name that is also an ordinary word or a person's name ("Hawk", "Barak")
    needs a designation or an arms word beside it.
    """
    names, ambiguous, arms_words = _weapons()
    words = [w.strip(_EDGE_PUNCT) for w in _SPLIT_RE.split(text.strip(_EDGE_PUNCT))]
    words = [re.sub(r"['’]s$", "", w) for w in words if w]
    if words and words[0].casefold() in {"the", "a", "an"}:
        words = words[1:]
    named = context = sure = False
    i = 0
    while i < len(words):
        n = _name_key(words, i, names)
        if n:
            named = sure = True
            i += n
            continue
        n = _name_key(words, i, ambiguous)
        if n:
            named = True
            i += n
            continue
        if _DESIGNATION_RE.search(words[i]) or words[i].casefold() in arms_words:
            context = True
            i += 1
            continue
        return False
    return named and (sure or context)


def is_junk_word(text: str, *, common: bool = True) -> bool:
    """A one-word span that never names an actor alone: a title, time zone, disease, religion,
    a word of one letter ("X."), a word without letters ("1990", "2-1"), and unless `common` is
    False, a common word ("Date", "Council")."""
    word = text.strip(_EDGE_PUNCT)
    if sum(ch.isalpha() for ch in word) <= 1:
        return True
    return word.casefold() in (NOT_ACTORS if common else NOT_ACTORS - COMMON_WORDS)


def is_title(text: str) -> bool:
    """A title or rank written alone ("Brig.", "Gen", "Lt. Col.")."""
    words = [w.strip(_EDGE_PUNCT) for w in text.split()]
    return bool(words) and all(w.casefold() in TITLES for w in words if w)


def has_place_head(words: list[str]) -> bool:
    """A name ending in a place or base word ("Al Udeid Air Base") or opening with one ("Camp
    Lemonnier"); a one-word name is no place by this rule ("Base")."""
    words = [w for w in words if w.strip(_EDGE_PUNCT)]
    return len(words) > 1 and (words[-1] in PLACE_HEAD_WORDS or words[0] in PLACE_PREFIX_WORDS)
