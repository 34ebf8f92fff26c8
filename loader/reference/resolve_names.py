"""Names in reference tables → canonical actor ids, through the same gazetteer as the news.

"Russian Federation", "Russia" and "RUS" all name `country:RUS`. A name is tried as written, then
through the register's own spellings (`loader/data/reference/names.csv`: SIPRI's "Congo" is the
Republic of the Congo, not the DR Congo), then without register decorations ("Houthi rebels
(Yemen)*" → "Houthi rebels"), then as an ISO 3166 alpha-3 or alpha-2 code, then as an actor id.
A starred name ("SNA (Somalia)*") is a non-state actor: it never resolves to a state, and an acronym
in it resolves only with its qualifier ("SNA (Somalia)" in `names.csv`), never alone, since SNA or
PRC alone name other actors.
A name that resolves to nothing is reported by the importer and its row skipped: reference data
never creates actors the gazetteer does not know. Cells such as "unknown country" or "unknown
recipient(s)" are recognised as the register saying it does not know.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from loader.models import Entity

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "data" / "reference"
REGISTER_NAMES_FILE = REFERENCE_DIR / "names.csv"

_DECORATION_RE = re.compile(r"\s*(?:\([^)]*\)|\*+)\s*$")
# SIPRI marks a non-state party with one star after its country ("Houthi rebels (Yemen)*"), an
# international organisation with two ("NATO**").
_NON_STATE_RE = re.compile(r"(?<!\*)\*\s*$")
_ACRONYM_RE = re.compile(r"[A-Z][A-Z0-9&.\-]{1,7}")
_UNKNOWN_RE = re.compile(r"^(?:unknown|unidentified|\?)(?:\b|$)", re.IGNORECASE)


class EntryLike(Protocol):
    """What resolution needs from a gazetteer entry (see loader.gazetteer.GazetteerEntry)."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def iso2(self) -> str | None: ...
    @property
    def iso3(self) -> str | None: ...
    @property
    def parent(self) -> str | None: ...


class GazetteerLike(Protocol):
    """What resolution needs from the gazetteer (see loader.gazetteer.Gazetteer)."""

    def lookup(self, surface: str) -> EntryLike | None: ...
    def get(self, actor_id: str) -> EntryLike | None: ...
    def entries(self) -> Iterable[EntryLike]: ...


class UnresolvedName(ValueError):
    """A name the gazetteer does not know, or one naming the wrong kind of actor."""


class UnknownParty(ValueError):
    """The table itself says the party is unknown ("unknown country")."""


@dataclass(frozen=True)
class Resolved:
    """A name resolved to its actor: the entry and the surface form it was found under."""

    entry: EntryLike
    surface: str

    @property
    def id(self) -> str:
        return self.entry.id

    def entity(self) -> Entity:
        """The actor as the writer upserts it, with its gazetteer aliases and the table's spelling."""
        known = tuple(getattr(self.entry, "aliases", ()) or ())
        aliases = [a for a in dict.fromkeys((*known, self.surface)) if a != self.entry.name]
        return Entity(id=self.entry.id, name=self.entry.name, kind=self.entry.kind,  # type: ignore[arg-type]
                      aliases=aliases, iso2=self.entry.iso2, iso3=self.entry.iso3)


def is_non_state(name: str) -> bool:
    """Whether a register writes `name` as a non-state actor: one star, never a state."""
    return bool(_NON_STATE_RE.search(name))


def load_register_names(path: Path = REGISTER_NAMES_FILE) -> dict[str, str]:
    """Register spellings → actor ids, from a `name,id,note` CSV."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["name"].strip().casefold(): row["id"].strip()
                for row in csv.DictReader(handle) if row.get("name") and row.get("id")}


class NameResolver:
    """Resolves table cells to gazetteer entries; remembers every name it could not resolve."""

    def __init__(self, gazetteer: GazetteerLike, register_names: Mapping[str, str] | None = None) -> None:
        self.gazetteer = gazetteer
        self.register_names = {k.casefold(): v for k, v in (register_names or {}).items()}
        self._codes: dict[str, EntryLike] | None = None
        self.unresolved: dict[str, int] = {}

    def _code_index(self) -> dict[str, EntryLike]:
        if self._codes is None:
            codes: dict[str, EntryLike] = {}
            for entry in self.gazetteer.entries():
                if entry.kind != "Country":
                    continue
                for code in (entry.iso3, entry.iso2):
                    if code:
                        codes.setdefault(code.upper(), entry)
            self._codes = codes
        return self._codes

    def _find(self, name: str) -> EntryLike | None:
        candidates = [name]
        bare = name
        while True:
            stripped = _DECORATION_RE.sub("", bare)
            if stripped == bare or not stripped:
                break
            bare = stripped
            candidates.append(bare)
        if is_non_state(name) and _ACRONYM_RE.fullmatch(bare):
            # "PRC (Israel/Palestine)*" is not China, "SNA (Somalia)*" not the Syrian National Army: a
            # starred acronym names its actor only together with its qualifier.
            candidates = candidates[:-1]
        for candidate in candidates:
            mapped = self.register_names.get(candidate.casefold())
            if mapped:
                return self.gazetteer.get(mapped)
            entry = self.gazetteer.lookup(candidate)
            if entry is not None:
                return entry
        if is_non_state(name):
            return None
        if re.fullmatch(r"[A-Z]{2,3}", bare):
            return self._code_index().get(bare)
        if ":" in bare:
            return self.gazetteer.get(bare)
        return None

    def resolve(self, name: str, kinds: Iterable[str] | None = None, *, what: str = "name") -> Resolved:
        """The actor `name` names; raises UnknownParty or UnresolvedName (one-line messages)."""
        text = " ".join(name.split())
        if not text:
            raise UnresolvedName(f"{what} is empty")
        if _UNKNOWN_RE.match(text):
            raise UnknownParty(f"{what} is recorded as unknown ({text!r})")
        entry = self._find(text)
        if entry is None:
            self.unresolved[text] = self.unresolved.get(text, 0) + 1
            raise UnresolvedName(f"{text!r} is not in the gazetteer — add it to a gazetteer file "
                                 f"(GEOKG_GAZETTEER_FILES) or correct the spelling")
        allowed = tuple(kinds or ())
        if is_non_state(text) and entry.kind == "Country":
            self.unresolved[text] = self.unresolved.get(text, 0) + 1
            raise UnresolvedName(f"{text!r} is a non-state actor (starred) but its name resolves to the state "
                                 f"{entry.id} — add it to a gazetteer file with its qualifier")
        if allowed and entry.kind not in allowed:
            raise UnresolvedName(f"{text!r} names {entry.id}, a {entry.kind}; expected a "
                                 f"{' or '.join(allowed)}")
        return Resolved(entry, text)

    def state_of(self, actor_id: str) -> str | None:
        """The state an agency or company belongs to, as the gazetteer records it."""
        entry = self.gazetteer.get(actor_id)
        return entry.parent if entry is not None else None
