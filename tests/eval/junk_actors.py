"""Actors that are not actors, found by extracting the real news inputs beside the repository.

Reads ``../shared/real-inputs/`` (news feeds, the JSON and JSONL article datasets, the HTML
pages) when it exists, runs ``geokg extract`` on them (no database) and lists every extracted
actor that is a weapons system, a place typed Person or Organization, or a common word, with
the counts per class. Skips cleanly (exit 0) when the folder is absent.

    .venv/bin/python -m tests.eval.junk_actors [--inputs DIR] [--verbose]

Each class is judged independently of the extractor's own filters where it can be:
- weapon: the name is a weapons system of ``loader/data/weapons.yaml``;
- place: a Person or Organization whose name spaCy tags as a place (GPE, LOC, FAC) in most of
  its occurrences across the inputs, or that carries a place head word ("Air Base", "Camp");
- common word: a one-word Person or Organization that is an English dictionary word (the
  model's lemmatizer word lists) also written in lower case in the same inputs ("Council",
  "state"), or a title, time zone, disease or religion of ``loader/data/not_actors.yaml``, or
  that has no letter, or one letter only;
- bare state body: "Army", "Treasury" kept as organisations without their state (listed apart:
  the text means its state's body, which the state-body rules name);
- short name in a relation: "the Council" or "the House", never named in full, kept because a
  relation stands on it (listed apart: the text gives it a role).

The real dev articles (``../shared/corpus/real/articles``) are checked the same way when present.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_INPUTS = ROOT.parent / "shared" / "real-inputs"
DEV_ARTICLES = ROOT.parent / "shared" / "corpus" / "real" / "articles"
ACTOR_KINDS_JUDGED = frozenset({"Person", "Organization"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
JUNK_CLASSES = ("weapon", "place", "common word")


def news_inputs(folder: Path) -> list[Path]:
    """The news items of the real inputs: feeds, article datasets and HTML pages."""
    paths = sorted(folder.glob("rss_*.xml")) + sorted(folder.glob("*.jsonl")) + sorted(folder.glob("*.json"))
    if (folder / "html_articles").is_dir():
        paths.append(folder / "html_articles")
    return paths


def extract(paths: list[Path]) -> dict[str, Any]:
    geokg = Path(sys.executable).parent / "geokg"
    out = subprocess.run(
        [str(geokg), "extract", "--format", "json", *map(str, paths)], capture_output=True, text=True, check=False
    )
    if out.returncode not in (0, 1):
        raise SystemExit(f"geokg extract failed ({out.returncode}): {out.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def place_votes(texts: list[str]) -> tuple[Counter[str], Counter[str]]:
    """How often each entity text is tagged a place, and tagged at all, by the bare model."""
    import spacy

    from loader.extract import MODEL_NAMES

    nlp = None
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, disable=["lemmatizer"])
            break
        except OSError:
            continue
    places: Counter[str] = Counter()
    tagged: Counter[str] = Counter()
    if nlp is None:
        return places, tagged
    for doc in nlp.pipe(texts, batch_size=32):
        for ent in doc.ents:
            text = ent.text.removeprefix("the ").removesuffix("'s").removesuffix("’s")
            tagged[text] += 1
            if ent.label_ in PLACE_LABELS:
                places[text] += 1
    return places, tagged


def dictionary_words() -> frozenset[str]:
    import spacy

    from loader.extract import MODEL_NAMES

    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, disable=["parser", "ner", "tagger"])
        except OSError:
            continue
        if "lemmatizer" in nlp.pipe_names:
            index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
            return frozenset(w for pos in ("noun", "adj", "verb", "adv") for w in index[pos])
    return frozenset()


def classify(result: dict[str, Any], texts: list[str]) -> dict[str, list[tuple[str, str, int]]]:
    from loader.nonactors import NOT_ACTORS, STATE_BODY_WORDS, has_place_head, is_weapon_name

    places, tagged = place_votes(texts)
    words = dictionary_words()
    # A dictionary word the same texts also write in lower case is used as a common word.
    lower_words = {w for text in texts for w in re.findall(r"\b[a-z]+\b", text)}
    counts: dict[tuple[str, str], int] = defaultdict(int)
    in_relation: set[tuple[str, str]] = set()
    for article in result.get("articles", []):
        ends = {end for r in article.get("relations", []) for end in (r["source"], r["target"])}
        for entity in article["entities"]:
            counts[(entity["name"], entity["kind"])] += 1
            if entity["id"] in ends:
                in_relation.add((entity["name"], entity["kind"]))
    found: dict[str, list[tuple[str, str, int]]] = {
        "weapon": [], "place": [], "common word": [], "bare state body": [], "short name in a relation": []
    }
    for (name, kind), n in sorted(counts.items()):
        row = (name, kind, n)
        if is_weapon_name(name):
            found["weapon"].append(row)
            continue
        if kind not in ACTOR_KINDS_JUDGED:
            continue
        tokens = name.split()
        if (tagged[name] and places[name] * 2 > tagged[name]) or has_place_head(tokens):
            found["place"].append(row)
        elif len(tokens) == 1 and name.lower() in STATE_BODY_WORDS:
            found["bare state body"].append(row)
        elif len(tokens) == 1 and kind == "Organization" and (name, kind) in in_relation and name.lower() in words:
            found["short name in a relation"].append(row)
        elif len(tokens) == 1 and (
            (name.lower() in words and name.lower() in lower_words)
            or name.lower().strip(".") in NOT_ACTORS
            or sum(c.isalpha() for c in name) <= 1
        ):
            found["common word"].append(row)
    return found


def junk(paths: list[Path]) -> tuple[dict[str, Any], dict[str, list[tuple[str, str, int]]]]:
    """The extraction of `paths` and its junk actors by class."""
    from loader.read import read_paths

    result = extract(paths)
    docs, _errors = read_paths(paths)
    return result, classify(result, [d.text for d in docs])


def report(group: str, paths: list[Path], *, verbose: bool) -> None:
    result, found = junk(paths)
    articles = result.get("articles", [])
    n_actors = len({(e["name"], e["kind"]) for a in articles for e in a["entities"]})
    total = sum(len(rows) for label, rows in found.items() if label in JUNK_CLASSES)
    print(f"{group}: {len(articles)} articles, {n_actors} distinct actors, {total} junk")
    for label, rows in found.items():
        print(f"  {label}: {len(rows)}")
        if verbose:
            for name, kind, n in rows:
                print(f"    {name} ({kind}) x{n}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=Path, default=DEFAULT_INPUTS)
    parser.add_argument("--dev", type=Path, default=DEV_ARTICLES, help="the real dev articles, checked too")
    parser.add_argument("--verbose", action="store_true", help="list every junk actor, not only the counts")
    args = parser.parse_args(argv)
    if not args.inputs.is_dir():
        print(f"skipped: {args.inputs} is absent")
        return 0
    groups = {"real-inputs news": news_inputs(args.inputs)}
    if args.dev.is_dir():
        groups["real dev articles"] = [args.dev]
    for group, paths in groups.items():
        report(group, paths, verbose=args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
