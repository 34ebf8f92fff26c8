"""Consistency checks for the sample corpus in loader/samples.

Every gold file must parse, name only actors it declares, quote its evidence
verbatim from the article, and use the relation types and kinds of the design.
The seed article in ../shared/corpus is checked the same way by the eval suite (tests/eval).
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "loader" / "samples"
ARTICLES = SAMPLES / "articles"
GOLD = SAMPLES / "gold"
FORMATS = SAMPLES / "formats"

RELATION_TYPES = {
    "MEMBER_OF", "PART_OF", "LEADS", "ALLIED_WITH", "SUPPLIES_ARMS_TO",
    "MILITARY_SUPPORT_TO", "JOINT_EXERCISE_WITH", "HOSTS_BASE_OF", "ATTACKED",
    "THREATENS", "CONTROLS", "SANCTIONS", "REFUGEES_FLEE_TO",
}
SYMMETRIC = {"ALLIED_WITH", "JOINT_EXERCISE_WITH"}
KINDS = {"Country", "Alliance", "ArmedGroup", "Organization", "Company", "Person", "Region", "Media"}
STATUSES = {"offered", "ordered", "delivered", "planned"}
TOP_KEYS = {"article", "notes", "entities", "relations", "optional_relations", "forbidden_relations"}
DATELINE = re.compile(r"^(Published: \d{4}-\d{2}-\d{2}|[A-Z][A-Z .'-]+, [A-Z][a-z]+\.? \d{1,2}, \d{4} \([^)]+\) —)$")

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip()


def gold_files() -> list[Path]:
    return sorted(GOLD.glob("*.json"))


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def article_text(gold_path: Path, gold: dict) -> str:
    folder = ARTICLES if gold_path.parent == GOLD else gold_path.parent
    return (folder / gold["article"]).read_text(encoding="utf-8")


def check_gold(gold_path: Path) -> None:
    gold = load(gold_path)
    assert set(gold) <= TOP_KEYS and {"article", "entities", "relations"} <= set(gold), set(gold)
    raw = article_text(gold_path, gold)
    text = normalise(raw)
    lowered = text.lower()

    names: set[str] = set()
    surface_owner: dict[str, str] = {}
    kind_of: dict[str, str] = {}
    for ent in gold["entities"]:
        name, kind, aliases = ent["name"], ent["kind"], ent.get("aliases", [])
        assert kind in KINDS, f"{name}: unknown kind {kind}"
        assert name not in names, f"duplicate entity {name}"
        assert isinstance(aliases, list) and all(isinstance(a, str) and a for a in aliases), name
        names.add(name)
        kind_of[name] = kind
        for form in [name, *aliases]:
            owner = surface_owner.setdefault(form, name)
            assert owner == name, f"surface form {form!r} belongs to both {owner} and {name}"
        assert any(normalise(f).lower() in lowered for f in [name, *aliases]), \
            f"entity {name} is not named in the article"

    def check_rel(rel: dict, where: str, wildcard: bool) -> None:
        assert rel["type"] in RELATION_TYPES, f"{where}: unknown type {rel['type']}"
        for end in ("source", "target"):
            value = rel[end]
            if wildcard and value == "*":
                continue
            assert value in names, f"{where}: {end} {value!r} is not a declared entity name"
            assert kind_of[value] != "Media", f"{where}: media are provenance, not actors ({value})"
        if "evidence" in rel:
            assert normalise(rel["evidence"]) in text, f"{where}: evidence not verbatim: {rel['evidence']!r}"
        if "status" in rel:
            assert rel["status"] in STATUSES, f"{where}: status {rel['status']!r}"

    seen: set[tuple[str, str, str]] = set()
    asserted = []
    for section in ("relations", "optional_relations"):
        for i, rel in enumerate(gold.get(section, [])):
            where = f"{gold_path.name} {section}[{i}]"
            check_rel(rel, where, wildcard=False)
            assert rel.get("evidence"), f"{where}: evidence missing"
            key = (rel["source"], rel["type"], rel["target"])
            if rel["type"] in SYMMETRIC:
                key = (min(key[0], key[2]), key[1], max(key[0], key[2]))
            assert key not in seen, f"{where}: duplicate relation {key}"
            seen.add(key)
            asserted.append(rel)
            if section == "relations" and rel["type"] == "LEADS" and gold_path.parent == GOLD:
                assert rel.get("role"), f"{where}: LEADS needs a role"

    for i, forb in enumerate(gold.get("forbidden_relations", [])):
        where = f"{gold_path.name} forbidden_relations[{i}]"
        check_rel(forb, where, wildcard=True)
        assert forb.get("why"), f"{where}: why missing"
        for rel in asserted:
            pairs = [(rel["source"], rel["target"])]
            if rel["type"] in SYMMETRIC:
                pairs.append((rel["target"], rel["source"]))
            clash = rel["type"] == forb["type"] and any(
                forb["source"] in ("*", s) and forb["target"] in ("*", t) for s, t in pairs)
            assert not clash, f"{where} contradicts asserted relation {rel}"


def test_corpus_size_and_pairing():
    articles = sorted(p.stem for p in ARTICLES.glob("*.txt"))
    golds = sorted(p.stem for p in gold_files())
    assert len(articles) >= 24
    assert articles == golds
    for path in gold_files():
        assert load(path)["article"] == f"{path.stem}.txt"
    assert sum(len(load(p)["relations"]) for p in gold_files()) >= 200


@pytest.mark.parametrize("gold_path", gold_files(), ids=lambda p: p.stem)
def test_gold_is_consistent(gold_path):
    check_gold(gold_path)


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.stem)
def test_article_layout(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].strip() and not lines[0].startswith("Published"), "first line is the title"
    assert DATELINE.match(lines[1]), f"second line must be a dateline or 'Published: YYYY-MM-DD': {lines[1]!r}"
    words = len(" ".join(lines[2:]).split())
    assert 150 <= words <= 400, f"{words} words"


def test_format_samples_parse():
    html = (FORMATS / "article.html").read_text(encoding="utf-8")
    assert "<html" in html.lower() and "<article" in html.lower()
    obj = json.loads((FORMATS / "article.json").read_text(encoding="utf-8"))
    assert {"title", "text", "url", "published", "source"} <= set(obj)
    lines = (FORMATS / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    assert len(rows) == 3 and all({"title", "text", "url", "published", "source"} <= set(r) for r in rows)
    rss = ET.parse(FORMATS / "feed.xml").getroot()
    assert rss.tag == "rss" and len(rss.findall("./channel/item")) == 3
    atom = ET.parse(FORMATS / "feed.atom").getroot()
    assert atom.tag == "{http://www.w3.org/2005/Atom}feed"
    assert len(atom.findall("{http://www.w3.org/2005/Atom}entry")) == 2
