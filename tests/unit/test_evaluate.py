"""Scoring extracted articles against gold files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geokg.errors import InputError
from loader.evaluate import EvalSet, article_path, by_type, load_gold, load_sets, norm, score, score_article
from loader.models import Entity, ExtractedArticle, Relation

GOLD = {
    "article": "a.txt",
    "entities": [
        {"name": "Ruritania", "kind": "Country", "aliases": ["Ruritanian", "R.U."]},
        {"name": "Freedonia", "kind": "Country", "aliases": []},
        {"name": "Northern Pact", "kind": "Alliance", "aliases": ["NPA"]},
        {"name": "Sylvania", "kind": "Country", "aliases": []},
    ],
    "relations": [
        {"source": "Ruritania", "type": "MEMBER_OF", "target": "Northern Pact"},
        {"source": "Freedonia", "type": "JOINT_EXERCISE_WITH", "target": "Ruritania"},
        {"source": "Sylvania", "type": "ATTACKED", "target": "Freedonia"},
    ],
    "optional_relations": [{"source": "Ruritania", "type": "ALLIED_WITH", "target": "Freedonia"}],
    "forbidden_relations": [{"source": "*", "type": "MEMBER_OF", "target": "Freedonia"}],
}


def entity(actor_id: str, name: str, *aliases: str) -> Entity:
    return Entity(id=actor_id, name=name, kind="Country", aliases=list(aliases), mentions=1)


def rel(source: str, rtype: str, target: str, negated: bool = False) -> Relation:
    return Relation(source=source, type=rtype, target=target, confidence=0.8, evidence="e", negated=negated)  # type: ignore[arg-type]


@pytest.fixture()
def gold(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "gold" / "a.json"
    path.parent.mkdir()
    path.write_text(json.dumps(GOLD), encoding="utf-8")
    return load_gold(path)


def article(*relations: Relation) -> ExtractedArticle:
    return ExtractedArticle(
        id="x",
        title="t",
        path="a.txt",
        entities=[
            entity("c:r", "Ruritania"),
            entity("c:f", "Freedonia"),
            entity("a:n", "NPA alliance", "NPA"),
            entity("c:x", "Elbonia"),
        ],
        relations=list(relations),
    )


def test_perfect_with_aliases_and_symmetry(gold) -> None:  # type: ignore[no-untyped-def]
    s = score_article(
        article(
            rel("c:r", "MEMBER_OF", "a:n"), rel("c:r", "JOINT_EXERCISE_WITH", "c:f"), rel("c:r", "ALLIED_WITH", "c:f")
        ),
        gold,
    )
    assert (s.tp, s.fp, s.fn, s.neutral) == (2, 0, 1, 1)
    assert s.precision == 1.0 and s.recall == pytest.approx(2 / 3)
    assert s.misses == ["Sylvania -ATTACKED-> Freedonia"]
    assert s.entity_recall == pytest.approx(3 / 4)


def test_direction_matters_for_asymmetric_types(gold) -> None:  # type: ignore[no-untyped-def]
    s = score_article(article(rel("a:n", "MEMBER_OF", "c:r")), gold)
    assert (s.tp, s.fp) == (0, 1)


def test_forbidden_wildcard_is_counted_and_listed(gold) -> None:  # type: ignore[no-untyped-def]
    s = score_article(article(rel("c:x", "MEMBER_OF", "c:f")), gold)
    assert s.forbidden_hits == ["Elbonia -MEMBER_OF-> Freedonia"] and s.fp == 1


def test_negated_claims_are_not_scored(gold) -> None:  # type: ignore[no-untyped-def]
    s = score_article(article(rel("c:x", "MEMBER_OF", "c:f", negated=True)), gold)
    assert (s.tp, s.fp, s.forbidden_hits) == (0, 0, [])


def test_duplicate_claims_count_once(gold) -> None:  # type: ignore[no-untyped-def]
    s = score_article(article(rel("c:r", "MEMBER_OF", "a:n"), rel("c:r", "MEMBER_OF", "a:n")), gold)
    assert s.tp == 1


def test_micro_average(gold) -> None:  # type: ignore[no-untyped-def]
    report = score([(article(rel("c:r", "MEMBER_OF", "a:n")), gold), (article(rel("c:x", "ATTACKED", "c:r")), gold)])
    total = report.total()
    assert (total.tp, total.fp, total.fn) == (1, 1, 5)
    assert report.as_dict()["micro"]["f1"] == pytest.approx(round(2 * 0.5 * (1 / 6) / (0.5 + 1 / 6), 4))


def test_norm() -> None:
    assert norm("The U.S.") == norm("US") == "us"
    assert norm("al-Qaeda") == norm("Al Qaeda")


def test_bad_gold_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match="invalid JSON"):
        load_gold(path)
    path.write_text(json.dumps({"relations": []}), encoding="utf-8")
    with pytest.raises(InputError, match="article"):
        load_gold(path)


def test_article_is_found_in_sibling_articles_folder(gold, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match="not found"):
        article_path(gold)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("T\n\nx", encoding="utf-8")
    assert article_path(gold) == tmp_path / "articles" / "a.txt"


def test_by_type_splits_the_micro_counts_per_relation_type(gold) -> None:  # type: ignore[no-untyped-def]
    report = score([
        (article(rel("c:r", "MEMBER_OF", "a:n"), rel("c:f", "MEMBER_OF", "a:n")), gold),
        (article(rel("c:r", "JOINT_EXERCISE_WITH", "c:f"), rel("c:r", "ALLIED_WITH", "c:f")), gold),
    ])
    types = by_type(report)
    assert list(types) == ["ATTACKED", "JOINT_EXERCISE_WITH", "MEMBER_OF"]  # the optional ALLIED_WITH is neutral
    member = types["MEMBER_OF"]
    assert (member.tp, member.fp, member.tp_gold, member.fn) == (1, 1, 1, 1)
    assert member.precision == 0.5 and member.recall == 0.5 and member.f1 == 0.5
    assert (types["ATTACKED"].recall, types["ATTACKED"].precision, types["ATTACKED"].f1) == (0.0, 1.0, 0.0)
    assert types["JOINT_EXERCISE_WITH"].recall == 0.5  # found in one article of two
    total = report.total()
    assert sum(c.tp for c in types.values()) == total.tp and sum(c.fn for c in types.values()) == total.fn
    assert report.as_dict()["by_type"]["MEMBER_OF"]["f1"] == 0.5  # type: ignore[index]


def test_sets_file_paths_are_relative_to_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "eval"
    folder.mkdir()
    path = folder / "sets.yaml"
    path.write_text("- {name: ours, gold: ../gold, articles: ../articles}\n- {name: one, gold: /x/g.json}\n")
    ours, one = load_sets(path)
    assert ours == EvalSet("ours", tmp_path / "gold", tmp_path / "articles")
    assert one == EvalSet("one", Path("/x/g.json"), None)
    assert not ours.present()
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles").mkdir()
    assert ours.present()
    path.write_text("- {name: no gold}\n")
    with pytest.raises(InputError, match="'gold'"):
        load_sets(path)
