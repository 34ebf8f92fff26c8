"""Extracted articles and reference rows → Neo4j, in batches of `UNWIND $rows` statements.

One managed transaction per batch: an article's actors, claims and edges land together or not at all,
and transient errors (deadlocks between concurrent loaders, leader switches) are retried by the driver.
Loading is idempotent: articles are recognised by content hash, claims by a content id, and aggregated
edges are recomputed from their claims rather than incremented.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from geokg import cypher
from geokg.graphdb import Graph
from loader.models import (
    ACTOR_KINDS,
    HEDGED_MODALITIES,
    RELATION_TYPES,
    ExtractedArticle,
    ReferenceClaim,
    Relation,
)

NEWS_EXTRACTOR = "news:rules"
# Most definite first: an edge shows the most definite modality among its claims.
MODALITY_ORDER = ["delivered", "asserted", "ordered", "planned", "offered", "alleged", "claimed", "former"]


@dataclass
class WriteSummary:
    """What one or more batches changed."""

    articles_new: int = 0
    articles_unchanged: int = 0
    actors: int = 0
    claims: int = 0
    negated_claims: int = 0
    edge_keys: set[str] = field(default_factory=set)

    @property
    def edges_by_type(self) -> Counter[str]:
        """Distinct actor→actor edges written or recomputed, by relation type."""
        return Counter(key.split("|")[1] for key in self.edge_keys)

    def add(self, other: WriteSummary) -> None:
        self.articles_new += other.articles_new
        self.articles_unchanged += other.articles_unchanged
        self.actors += other.actors
        self.claims += other.claims
        self.negated_claims += other.negated_claims
        self.edge_keys |= other.edge_keys


@dataclass
class _Rows:
    actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    articles: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    keys: dict[str, dict[str, str]] = field(default_factory=dict)

    def add_actor(self, entity_id: str, name: str, kind: str, aliases: Iterable[str],
                  confidence: float, iso2: str | None, iso3: str | None) -> None:
        if kind not in ACTOR_KINDS or kind == "Media":
            return
        row = self.actors.setdefault(entity_id, {
            "id": entity_id, "name": name, "kind": kind, "aliases": [], "confidence": confidence,
            "iso2": iso2, "iso3": iso3,
        })
        row["aliases"] = sorted({*row["aliases"], *aliases} - {name})
        row["confidence"] = max(row["confidence"], confidence)

    def add_claim(self, rel: Relation, claim_id: str, extractor: str, article: str | None,
                  reported: Any, details: Mapping[str, Any] | None = None) -> None:
        rel = rel.oriented()
        key = f"{rel.source}|{rel.type}|{rel.target}"
        props = {
            "key": key, "type": rel.type, "modality": rel.modality, "negated": rel.negated,
            "confidence": rel.confidence, "sentence": rel.evidence, "extractor": extractor,
            "items": rel.items, "role": rel.role, "since": rel.since, "until": rel.until,
            "attributed_to": rel.attributed_to, "reported": reported,
        }
        # Extra properties of a reference row (order year, counts, weapon…) never replace the core ones.
        props.update({k: v for k, v in (details or {}).items() if k not in props})
        self.claims.append({
            "id": claim_id, "source": rel.source, "target": rel.target, "article": article, "props": props,
        })
        if not rel.negated:
            self.keys[key] = {"key": key, "source": rel.source, "type": rel.type, "target": rel.target}


def _article_rows(articles: Sequence[ExtractedArticle]) -> _Rows:
    rows = _Rows()
    for art in articles:
        known = {e.id for e in art.entities if e.kind != "Media"}
        for ent in art.entities:
            rows.add_actor(ent.id, ent.name, ent.kind, ent.aliases, ent.confidence, ent.iso2, ent.iso3)
            if ent.kind != "Media" and ent.mentions:
                rows.mentions.append({"article": art.id, "actor": ent.id, "count": ent.mentions})
        rows.articles.append({
            "id": art.id, "title": art.title, "url": art.url, "path": art.path,
            "published": art.published, "source": art.source, "cited": sorted(set(art.cited_sources)),
            "words": None,
        })
        for rel in art.relations:
            if rel.source in known and rel.target in known:
                rows.add_claim(rel, rel.claim_id(art.id), NEWS_EXTRACTOR, art.id, art.published)
    return rows


def _write_rows(graph: Graph, rows: _Rows, claims_statement: str = "write/claims") -> list[dict[str, Any]]:
    """All statements of one batch in one managed transaction."""

    def work(tx: Any) -> list[dict[str, Any]]:
        for name, data in (("write/actors", list(rows.actors.values())),
                           ("write/articles", rows.articles),
                           ("write/mentions", rows.mentions),
                           (claims_statement, rows.claims)):
            if data:
                tx.run(cypher.load(name), rows=data).consume()
        return recompute_edges(tx, rows.keys.values())

    return graph.write_tx(work)


def recompute_edges(tx: Any, keys: Iterable[dict[str, str]]) -> list[dict[str, Any]]:
    """Recompute the aggregated edges of these (source, type, target) keys inside transaction `tx`, and
    remove their ends' precomputed strongest neighbours (ranked again after the load)."""
    by_type: dict[str, list[dict[str, str]]] = {}
    for key in keys:
        by_type.setdefault(key["type"], []).append(key)
    results: list[dict[str, Any]] = []
    for rel_type, group in sorted(by_type.items()):
        text = cypher.fill_slot(cypher.load("write/edges"), "rel_type", rel_type, RELATION_TYPES)
        result = tx.run(text, keys=group, modality_order=MODALITY_ORDER, hedged=sorted(HEDGED_MODALITIES))
        results.extend(dict(r) for r in result)
    ends = sorted({k[end] for group in by_type.values() for k in group for end in ("source", "target")})
    if ends:
        tx.run(cypher.load("write/unrank"), ids=ends).consume()
    return results


STRONGEST_KEPT = 250  # neighbours precomputed per busy actor: the explorer's expand shows at most this many


def rank_strongest(graph: Graph) -> None:
    """Precompute the strongest neighbours of every busy actor that has no such list (any write of its
    edges removes the list): after a load, so each hub is ranked once, not once per batch."""
    every_type = "|".join(RELATION_TYPES)
    text = cypher.fill_slot(cypher.load("write/rank_strongest"), "types", every_type, [every_type])
    graph.run_autocommit(text, {"min_degree": graph.settings.geokg_rank_min_degree, "limit": STRONGEST_KEPT})


def existing_article_ids(graph: Graph, ids: Sequence[str]) -> set[str]:
    if not ids:
        return set()
    return {r["id"] for r in graph.read(cypher.load("app/existing_articles"), {"ids": list(ids)})}


def write_articles(graph: Graph, articles: Sequence[ExtractedArticle]) -> WriteSummary:
    """Write one batch of extracted articles in one transaction; already-loaded articles are skipped."""
    unique = list({a.id: a for a in articles}.values())
    seen = existing_article_ids(graph, [a.id for a in unique])
    fresh = [a for a in unique if a.id not in seen]
    summary = WriteSummary(articles_unchanged=len(articles) - len(fresh))
    if not fresh:
        return summary
    rows = _article_rows(fresh)
    _write_rows(graph, rows)
    summary.articles_new = len(fresh)
    summary.actors = len(rows.actors)
    summary.claims = sum(1 for c in rows.claims if not c["props"]["negated"])
    summary.negated_claims = len(rows.claims) - summary.claims
    summary.edge_keys.update(rows.keys)
    return summary


def write_reference(graph: Graph, claims: Sequence[ReferenceClaim],
                    details: Sequence[Mapping[str, Any] | None] | None = None) -> WriteSummary:
    """Write curated/register rows as claims without an article; their time axis is since/until.

    `details`, parallel to `claims`, adds properties of each row to its claim (e.g. order_year,
    number_delivered, weapon); a claim already present takes the latest values.
    """
    if details is not None and len(details) != len(claims):
        raise ValueError("write_reference: details must be parallel to claims")
    rows = _Rows()
    for index, ref in enumerate(claims):
        for ent in ref.entities:
            rows.add_actor(ent.id, ent.name, ent.kind, ent.aliases, ent.confidence, ent.iso2, ent.iso3)
        rows.add_claim(ref.relation, ref.claim_id(), ref.extractor,
                       None, None, details[index] if details is not None else None)
    if rows.claims:
        # Reference claims are upserted: a newer file stating the same claim updates it.
        _write_rows(graph, rows, "write/reference_claims")
    summary = WriteSummary(actors=len(rows.actors), claims=len(rows.claims))
    summary.edge_keys.update(rows.keys)
    return summary
