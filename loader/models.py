"""Data shapes passed between the loader stages: read → extract → resolve → write.

Everything here is plain pydantic; no I/O. The JSON produced by `geokg extract` is
`ExtractionResult.model_dump(mode="json")` and is the stable extraction contract.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

ActorKind = Literal[
    "Country", "Alliance", "ArmedGroup", "Organization", "Company", "Person", "Region", "Media"
]
ACTOR_KINDS: tuple[str, ...] = ActorKind.__args__  # type: ignore[attr-defined]

RelationType = Literal[
    "MEMBER_OF",
    "PART_OF",
    "LEADS",
    "ALLIED_WITH",
    "SUPPLIES_ARMS_TO",
    "MILITARY_SUPPORT_TO",
    "JOINT_EXERCISE_WITH",
    "HOSTS_BASE_OF",
    "ATTACKED",
    "THREATENS",
    "CONTROLS",
    "SANCTIONS",
    "REFUGEES_FLEE_TO",
]
RELATION_TYPES: tuple[str, ...] = RelationType.__args__  # type: ignore[attr-defined]
# Stored once, with the smaller actor id as source.
SYMMETRIC_TYPES = frozenset({"ALLIED_WITH", "JOINT_EXERCISE_WITH"})

# How definite a statement is; ordered from least to most definite. Offers, plans and claims are
# drawn dashed. "asserted" is a plain statement of fact with no hedge; "claimed" is a party's
# accusation or a report the article cites ("X accuses Y of shipping arms", "according to a UN report").
Modality = Literal[
    "claimed", "alleged", "offered", "planned", "ordered", "asserted", "delivered", "former"
]
MODALITIES: tuple[str, ...] = Modality.__args__  # type: ignore[attr-defined]
HEDGED_MODALITIES = frozenset({"claimed", "alleged", "offered", "planned"})


def normalise_text(text: str) -> str:
    """Whitespace-collapsed, case-folded text: the basis of an article's identity."""
    return re.sub(r"\s+", " ", text).strip().casefold()


def content_id(*parts: str, length: int = 24) -> str:
    """A stable hex id from text parts (same input, same id, on every machine)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


class Document(BaseModel):
    """One article as read from a file, before extraction."""

    id: str = Field(description="content hash of the normalised title + text")
    path: str
    title: str
    text: str
    url: str | None = None
    published: date | None = None
    source: str | None = Field(default=None, description="outlet that published it")

    @classmethod
    def build(cls, *, path: str, title: str, text: str, **fields: object) -> Document:
        doc_id = content_id(normalise_text(title), normalise_text(text))
        return cls(id=doc_id, path=path, title=title, text=text, **fields)  # type: ignore[arg-type]


class Entity(BaseModel):
    """A canonical actor (or media outlet) found in an article or a reference table."""

    id: str = Field(description="stable slug, e.g. country:RUS, alliance:csto, person:alexander-mikheev")
    name: str
    kind: ActorKind
    aliases: list[str] = Field(default_factory=list, description="surface forms seen")
    mentions: int = 0
    confidence: float = 1.0
    iso2: str | None = None
    iso3: str | None = None


class Relation(BaseModel):
    """One claim: a typed statement between two actors, with its evidence."""

    source: str
    type: RelationType
    target: str
    confidence: float = Field(ge=0.0, le=1.0)
    modality: Modality = "asserted"
    negated: bool = False
    evidence: str = Field(description="the sentence (or table row) that states it")
    items: list[str] = Field(default_factory=list, description="arms items, for SUPPLIES_ARMS_TO")
    role: str | None = Field(default=None, description="for LEADS: head, president, minister…")
    since: str | None = Field(default=None, description="when it became true (ISO date or year)")
    until: str | None = Field(default=None, description="when it stopped being true")
    attributed_to: str | None = Field(default=None, description="media/agency the article cites for it")

    def oriented(self) -> Relation:
        """Symmetric relations are stored once, smaller id first."""
        if self.type in SYMMETRIC_TYPES and self.target < self.source:
            return self.model_copy(update={"source": self.target, "target": self.source})
        return self

    def claim_id(self, origin: str) -> str:
        """Stable id of this claim within its origin (an article id or a reference file)."""
        rel = self.oriented()
        return content_id(origin, rel.source, rel.type, rel.target, str(rel.negated), rel.evidence)


class ExtractedArticle(BaseModel):
    """An article with what was extracted from it; one element of the extraction contract."""

    id: str
    title: str
    path: str
    url: str | None = None
    published: date | None = None
    source: str | None = None
    entities: list[Entity] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    cited_sources: list[str] = Field(default_factory=list, description="media named as sources")


class ReadError(BaseModel):
    path: str
    error: str = Field(description="one line")


class ExtractionResult(BaseModel):
    articles: list[ExtractedArticle] = Field(default_factory=list)
    errors: list[ReadError] = Field(default_factory=list)


class ReferenceClaim(BaseModel):
    """A row of curated/structured data (membership table, arms-transfer register)."""

    relation: Relation
    extractor: str = Field(description='"curated:<file>" or "sipri:<file>"')
    row: int = Field(description="1-based data row number in its file")
    entities: list[Entity] = Field(default_factory=list)
    identity: str | None = Field(
        default=None,
        description="what the row is about across files (a register's deal); set, it alone keys the claim, "
                    "so a newer export of the same deal updates the claim instead of adding one")

    def claim_id(self) -> str:
        """The claim's id: the deal for register rows with an identity, else the row's content in its file."""
        if self.identity:
            return content_id(self.extractor.split(":", 1)[0], "deal", self.identity)
        return self.relation.claim_id(self.extractor)
