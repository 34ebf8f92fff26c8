"""Scoring extracted articles against gold annotations (the format of seed-gold.json).

A gold relation matches an extracted one when the types are equal and each gold end's name
or any of its gold aliases equals the extracted entity's name or any alias seen (case- and
punctuation-insensitive); symmetric types match in either direction. Required relations
count for recall; extracted relations that match only an optional one are neutral;
anything else is a false positive; a match with a forbidden pattern ("*" = any actor) is
counted and listed. Negated claims are denials, not edges: they are left out of scoring.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from geokg.errors import InputError
from loader.models import SYMMETRIC_TYPES, Document, ExtractedArticle

if TYPE_CHECKING:
    from loader.gazetteer import Gazetteer

Triple = tuple[str, str, str]  # (source id, type, target id)


def norm(name: str) -> str:
    """Comparable form of a name: case-folded, no dots, curly quotes or leading "the"."""
    text = name.replace("\u2019", "'").replace(".", "").casefold()
    text = re.sub(r"[\s\-]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


@dataclass(frozen=True)
class GoldRelation:
    source: str
    type: str
    target: str

    def label(self) -> str:
        return f"{self.source} -{self.type}-> {self.target}"


@dataclass
class Gold:
    """One gold file: the article it annotates, its entities and relation sets."""

    path: Path
    article: str
    names: dict[str, set[str]]  # normalised gold name → normalised names and aliases
    entities: list[set[str]]
    required: list[GoldRelation]
    optional: list[GoldRelation]
    forbidden: list[GoldRelation]

    def forms(self, name: str) -> set[str]:
        return {"*"} if name == "*" else self.names.get(norm(name), {norm(name)})


def _relations(data: object, path: Path, key: str) -> list[GoldRelation]:
    if data is None:
        return []
    if not isinstance(data, list):
        raise InputError(f"{path}: '{key}' must be a list")
    out = []
    for n, item in enumerate(data, start=1):
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("source", "type", "target")):
            raise InputError(f"{path}: {key}[{n}] needs string source, type and target")
        out.append(GoldRelation(item["source"], item["type"], item["target"]))
    return out


def load_gold(path: Path) -> Gold:
    """Parse a gold file; a malformed one raises `InputError` with a one-line message."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read gold file: {exc}") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: invalid JSON at line {exc.lineno}: {exc.msg}") from None
    if not isinstance(data, dict) or not isinstance(data.get("article"), str):
        raise InputError(f"{path}: a gold file is an object with 'article', 'entities' and 'relations'")
    names: dict[str, set[str]] = {}
    entities: list[set[str]] = []
    for item in data.get("entities") or []:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise InputError(f"{path}: every entity needs a 'name'")
        forms = {norm(item["name"])} | {norm(a) for a in item.get("aliases") or [] if isinstance(a, str)}
        entities.append(forms)
        for form in forms:
            names.setdefault(form, set()).update(forms)
    return Gold(
        path=Path(path),
        article=data["article"],
        names=names,
        entities=entities,
        required=_relations(data.get("relations"), path, "relations"),
        optional=_relations(data.get("optional_relations"), path, "optional_relations"),
        forbidden=_relations(data.get("forbidden_relations"), path, "forbidden_relations"),
    )


@dataclass
class Counts:
    """Relation counts of one relation type: precision counts extracted edges, recall counts gold ones."""

    tp: int = 0  # extracted relations matching a required one
    tp_gold: int = 0  # required relations found
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp_gold / (self.tp_gold + self.fn) if self.tp_gold + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.tp_gold += other.tp_gold
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, object]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "true_positives": self.tp,
            "false_positives": self.fp,
            "false_negatives": self.fn,
        }


@dataclass
class ArticleScore(Counts):
    """Scores of one article, with what was missed and what was wrong (its relation counts are `Counts`)."""

    article: str = ""
    entity_found: int = 0
    entity_total: int = 0
    neutral: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    forbidden_hits: list[str] = field(default_factory=list)
    by_type: dict[str, Counts] = field(default_factory=dict)  # relation type → its counts

    def of_type(self, rtype: str) -> Counts:
        return self.by_type.setdefault(rtype, Counts())

    @property
    def entity_recall(self) -> float:
        return self.entity_found / self.entity_total if self.entity_total else 1.0

    def as_dict(self) -> dict[str, object]:
        return {
            "article": self.article,
            "entity_recall": round(self.entity_recall, 4),
            **super().as_dict(),
            "neutral": self.neutral,
            "forbidden": len(self.forbidden_hits),
            "misses": self.misses,
            "false_positive_list": self.false_positives,
            "forbidden_list": self.forbidden_hits,
        }


def _matches(gold: Gold, rel: GoldRelation, triple: Triple, forms: dict[str, set[str]]) -> bool:
    source, rtype, target = triple
    if rel.type != rtype:
        return False

    def end(gold_name: str, actor_id: str) -> bool:
        wanted = gold.forms(gold_name)
        return "*" in wanted or bool(wanted & forms.get(actor_id, set()))

    if end(rel.source, source) and end(rel.target, target):
        return True
    return rtype in SYMMETRIC_TYPES and end(rel.source, target) and end(rel.target, source)


def score_article(article: ExtractedArticle, gold: Gold) -> ArticleScore:
    """Score one extracted article against its gold annotation."""
    forms = {e.id: {norm(e.name)} | {norm(a) for a in e.aliases} for e in article.entities}
    names = {e.id: e.name for e in article.entities}
    triples: list[Triple] = list(
        dict.fromkeys((r.source, r.type, r.target) for r in article.relations if not r.negated)
    )
    score = ArticleScore(article=gold.article, entity_total=len(gold.entities))
    seen_forms = set().union(*forms.values()) if forms else set()
    score.entity_found = sum(1 for entity in gold.entities if entity & seen_forms)
    for rel in gold.required:
        if any(_matches(gold, rel, t, forms) for t in triples):
            score.tp_gold += 1
            score.of_type(rel.type).tp_gold += 1
        else:
            score.fn += 1
            score.of_type(rel.type).fn += 1
            score.misses.append(rel.label())
    for triple in triples:
        label = f"{names.get(triple[0], triple[0])} -{triple[1]}-> {names.get(triple[2], triple[2])}"
        if any(_matches(gold, rel, triple, forms) for rel in gold.forbidden):
            score.forbidden_hits.append(label)
        if any(_matches(gold, rel, triple, forms) for rel in gold.required):
            score.tp += 1
            score.of_type(triple[1]).tp += 1
        elif any(_matches(gold, rel, triple, forms) for rel in gold.optional):
            score.neutral += 1
        else:
            score.fp += 1
            score.of_type(triple[1]).fp += 1
            score.false_positives.append(label)
    return score


@dataclass
class Report:
    """Per-article scores and their micro-average."""

    articles: list[ArticleScore]

    def total(self) -> ArticleScore:
        total = ArticleScore(article="(micro)")
        for s in self.articles:
            total.entity_found += s.entity_found
            total.entity_total += s.entity_total
            total.add(s)
            total.neutral += s.neutral
            total.forbidden_hits += s.forbidden_hits
            for rtype, counts in s.by_type.items():
                total.of_type(rtype).add(counts)
        return total

    def as_dict(self) -> dict[str, object]:
        return {
            "articles": [s.as_dict() for s in self.articles],
            "micro": self.total().as_dict(),
            "by_type": {rtype: c.as_dict() for rtype, c in by_type(self).items()},
        }


def by_type(report: Report) -> dict[str, Counts]:
    """Micro-averaged counts per relation type over all articles, types in name order.

    A type appears when the gold requires it or the extraction produced it outside the optional set.
    """
    total = report.total().by_type
    return {rtype: total[rtype] for rtype in sorted(total)}


def score(pairs: Iterable[tuple[ExtractedArticle, Gold]]) -> Report:
    return Report([score_article(article, gold) for article, gold in pairs])


def article_path(gold: Gold, articles_dir: Path | None = None) -> Path:
    """Where the article of a gold file is: in `articles_dir`, beside the gold, or ../articles."""
    candidates = []
    if articles_dir is not None:
        candidates.append(Path(articles_dir) / gold.article)
    candidates += [gold.path.parent / gold.article, gold.path.parent.parent / "articles" / gold.article]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise InputError(
        f"{gold.path}: article {gold.article!r} not found "
        f"(looked in {', '.join(str(c.parent) for c in candidates)}); pass --articles DIR"
    )


# --- named evaluation sets --------------------------------------------------------------------


@dataclass(frozen=True)
class EvalSet:
    """A named set of gold files (a file or a folder of them) and where their articles are."""

    name: str
    gold: Path
    articles: Path | None = None

    def present(self) -> bool:
        return self.gold.exists() and (self.articles is None or self.articles.is_dir())


def gold_files(paths: Iterable[Path]) -> list[Path]:
    """Gold files of each path: the path itself, or the JSON files of a folder in name order."""
    out: list[Path] = []
    for path in paths:
        out += sorted(path.glob("*.json")) if path.is_dir() else [path]
    return out


def load_sets(path: Path) -> list[EvalSet]:
    """Sets from a YAML list of {name, gold, articles?}; relative paths are taken from the file's folder."""
    import yaml

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: cannot read the sets file: {str(exc).splitlines()[0]}") from None
    if not isinstance(data, list):
        raise InputError(f"{path}: a sets file is a list of {{name, gold, articles}}")
    base = Path(path).parent
    sets = []
    for n, item in enumerate(data, start=1):
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("name", "gold")):
            raise InputError(f"{path}: set {n} needs a string 'name' and 'gold'")
        articles = item.get("articles")
        if articles is not None and not isinstance(articles, str):
            raise InputError(f"{path}: set {n}: 'articles' must be a path")
        sets.append(
            EvalSet(item["name"], _resolve(base, item["gold"]), _resolve(base, articles) if articles else None)
        )
    return sets


def _resolve(base: Path, value: str) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else Path(os.path.normpath(base / path))


def read_gold_set(paths: Iterable[Path], articles_dir: Path | None = None) -> list[tuple[Document, Gold]]:
    """Each gold file with its article read; a missing or unreadable one raises `InputError`."""
    from loader.read import read_paths

    pairs = []
    for path in gold_files(paths):
        gold = load_gold(path)
        found, errors = read_paths([article_path(gold, articles_dir)])
        if errors or not found:
            raise InputError(f"{path}: {errors[0].path}: {errors[0].error}" if errors else f"{path}: article is empty")
        pairs.append((found[0], gold))
    if not pairs:
        raise InputError(f"no gold files found in {', '.join(str(p) for p in paths)}")
    return pairs


def evaluate(pairs: list[tuple[Document, Gold]], gazetteer: Gazetteer) -> Report:
    """Extract the articles and score them against their gold files."""
    from loader.extract import extract_documents

    docs = [doc for doc, _ in pairs]
    return score(zip(extract_documents(docs, gazetteer), [gold for _, gold in pairs], strict=True))


def evaluate_set(eval_set: EvalSet, gazetteer: Gazetteer) -> Report:
    return evaluate(read_gold_set([eval_set.gold], eval_set.articles), gazetteer)
