"""Synthetic geopolitical data for the benchmarks and the fault tests, deterministic for a seed.

A `Dataset` holds actors (every country and alliance of the shipped gazetteer, then armed groups,
companies, organisations, people and regions, real ones first and invented ones after), news articles,
and dated claims between actors with modalities, denials, items and an evidence sentence each. Actor
popularity follows a power law, so a few states and alliances carry most claims, as in real news.

The same data comes out in three shapes:
- `ExtractedArticle` batches for `loader.write.write_articles` (`Dataset.article_batches`);
- one-claim articles (`Dataset.row_article`), for row-by-row loading through the same writer;
- CSV files for `neo4j-admin database import` describing the same graph (`Dataset.write_import_csv`).
`Dataset.documents` renders articles as news-like text for the extraction benchmarks.
"""

from __future__ import annotations

import csv
import hashlib
import random
from bisect import bisect
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any

import yaml

from loader.models import SYMMETRIC_TYPES, Document, Entity, ExtractedArticle, Relation, content_id

GAZETTEER_DIR = Path(__file__).resolve().parent.parent / "loader" / "data" / "gazetteer"
NEWS_EXTRACTOR = "news:rules"
# Most definite first, as in loader/write.py.
MODALITY_ORDER = ["delivered", "asserted", "ordered", "planned", "offered", "alleged", "claimed", "former"]
HEDGED = frozenset({"claimed", "alleged", "offered", "planned"})


@dataclass(frozen=True)
class Size:
    """How big a generated dataset is."""

    actors: int
    claims: int


SIZES: dict[str, Size] = {
    "tiny": Size(actors=1_000, claims=5_000),
    "small": Size(actors=10_000, claims=100_000),
    "full": Size(actors=100_000, claims=1_000_000),
}

ALLIANCE_COUNT = 100
# Share of the non-country, non-alliance actors by kind.
KIND_SHARES: dict[str, float] = {
    "ArmedGroup": 0.12, "Company": 0.20, "Organization": 0.20, "Person": 0.43, "Region": 0.05,
}
KIND_PREFIX = {"Country": "country", "Alliance": "alliance", "ArmedGroup": "group", "Company": "company",
               "Organization": "org", "Person": "person", "Region": "region"}
# Popularity multiplier by kind: states and alliances are named far more often than a given person.
KIND_WEIGHT = {"Country": 10.0, "Alliance": 8.0, "ArmedGroup": 3.0, "Company": 1.5, "Organization": 1.5,
               "Person": 1.0, "Region": 2.0}
# States that dominate security news; they get a fixed boost so the hubs of the graph are plausible.
PROMINENT = {"USA", "RUS", "CHN", "UKR", "IRN", "ISR", "TUR", "IND", "PAK", "GBR", "FRA", "DEU", "SAU", "AFG",
             "SYR", "PRK", "KOR", "JPN", "EGY", "ARE", "QAT", "POL", "BLR", "KAZ", "TJK", "UZB", "KGZ", "ARM",
             "AZE", "IRQ", "YEM", "LBY", "SDN", "ETH", "MLI", "NGA", "VEN", "BRA", "TWN", "PHL"}
# Pareto draws are capped so one invented actor cannot take a tenth of all claims.
MAX_DRAW = 150.0
GAZETTEER_FILES = {"Country": "countries.yaml", "Alliance": "alliances.yaml", "ArmedGroup": "armed_groups.yaml",
                   "Company": "companies.yaml", "Organization": "organizations.yaml", "Region": "regions.yaml"}

OUTLETS = ["Reuters", "Associated Press", "Agence France-Presse", "BBC News", "Al Jazeera", "Deutsche Welle",
           "The Guardian", "Le Monde", "TASS", "RIA Novosti", "Interfax", "Xinhua", "Anadolu Agency",
           "Kyodo News", "Yonhap", "Press Trust of India", "Dawn", "The Hindu", "Eurasianet", "Radio Free Europe",
           "Defense News", "Jane's", "Breaking Defense", "Kyiv Independent", "Times of Israel", "Arab News",
           "Daily Maverick", "Premium Times", "Folha de S.Paulo", "El País"]
AGENCIES = ["Reuters", "TASS", "RIA Novosti", "Interfax", "Xinhua", "Associated Press", "Agence France-Presse"]
ITEMS = ["Mi-8 helicopters", "T-72 tanks", "Bayraktar TB2 drones", "S-400 air defence systems", "artillery shells",
         "small arms", "armoured personnel carriers", "patrol boats", "F-16 fighter jets", "anti-tank missiles",
         "Shahed drones", "howitzers", "ammunition", "radar systems", "Javelin missiles", "Su-30 fighters"]
ROLES = ["head", "president", "minister", "commander", "chief executive", "spokesperson"]
SYLLABLES = ["al", "an", "ar", "ba", "bel", "da", "dor", "el", "fa", "gor", "ha", "ka", "kar", "la", "lin", "ma",
             "mar", "na", "nor", "ol", "pa", "ra", "ros", "sa", "sha", "ta", "tor", "va", "vel", "za", "zan", "ur"]
GIVEN = ["Amir", "Anna", "Boris", "Chen", "Dmitri", "Elena", "Farid", "Grace", "Hassan", "Ines", "Ivan", "Jamal",
         "Karim", "Leila", "Maria", "Nikolai", "Olga", "Pedro", "Rahim", "Sergei", "Tariq", "Usman", "Viktor",
         "Wei", "Yusuf", "Zainab", "Alexander", "Fatima", "Omar", "Li"]
GROUP_WORDS = ["Front", "Brigade", "Army", "Movement", "Battalion", "Liberation Front", "Militia", "Guard"]
COMPANY_WORDS = ["Defence", "Arms", "Aerospace", "Dynamics", "Systems", "Industries", "Munitions", "Shipyards"]
ORG_WORDS = ["Ministry of Defence", "General Staff", "Border Guard", "Intelligence Service", "National Guard",
             "Security Council", "Air Force", "Navy"]
REGION_WORDS = ["Province", "Valley", "Region", "District", "Corridor", "Highlands", "Basin", "Coast"]


@dataclass(frozen=True)
class TypeSpec:
    """Which kinds a relation type connects, how common it is, and how news phrases it."""

    sources: tuple[str, ...]
    targets: tuple[str, ...]
    weight: float
    templates: tuple[tuple[str, str], ...]  # (modality, sentence with {s}, {t}, {items}, {role}, {year})
    denial: str


TYPES: dict[str, TypeSpec] = {
    "MEMBER_OF": TypeSpec(("Country",), ("Alliance",), 6, (
        ("asserted", "{s} is a member of the {t}."), ("asserted", "{s} joined the {t} in {year}."),
        ("planned", "{s} plans to join the {t}.")), "{s} is not a member of the {t}, officials said."),
    "PART_OF": TypeSpec(("Organization", "Company", "Person"), ("Country", "Organization"), 8, (
        ("asserted", "{s} is part of {t}."), ("asserted", "{s}, which belongs to {t}, issued a statement.")),
        "{s} is not part of {t}, a spokesman said."),
    "LEADS": TypeSpec(("Person",), ("Organization", "Country", "ArmedGroup", "Company"), 6, (
        ("asserted", "{s}, the {role} of {t}, spoke to reporters."), ("asserted", "{s} heads {t}.")),
        "{s} no longer leads {t}."),
    "ALLIED_WITH": TypeSpec(("Country", "ArmedGroup"), ("Country", "ArmedGroup"), 8, (
        ("asserted", "{s} and {t} reaffirmed their alliance."), ("asserted", "{s} is allied with {t}.")),
        "{s} said it is not allied with {t}."),
    "SUPPLIES_ARMS_TO": TypeSpec(("Country", "Company"), ("Country", "ArmedGroup"), 20, (
        ("delivered", "{s} delivered {items} to {t}, according to officials."),
        ("ordered", "{t} ordered {items} from {s}."),
        ("offered", "{s} offered to supply {items} to {t}."),
        ("planned", "{s} plans to deliver {items} to {t} next year."),
        ("asserted", "{s} supplies {items} to {t}.")), "{s} denied supplying weapons to {t}."),
    "MILITARY_SUPPORT_TO": TypeSpec(("Country", "ArmedGroup"), ("Country", "ArmedGroup"), 8, (
        ("asserted", "{s} sent troops to support {t}."), ("offered", "{s} offered military assistance to {t}.")),
        "{s} denied sending troops to help {t}."),
    "JOINT_EXERCISE_WITH": TypeSpec(("Country",), ("Country",), 6, (
        ("asserted", "{s} and {t} held joint military exercises."),
        ("planned", "{s} and {t} will hold joint drills next month.")), "{s} said it held no drills with {t}."),
    "HOSTS_BASE_OF": TypeSpec(("Country",), ("Country", "Alliance"), 3, (
        ("asserted", "{s} hosts a military base of {t}."),), "{s} denied hosting forces of {t}."),
    "ATTACKED": TypeSpec(("ArmedGroup", "Country"), ("Country", "ArmedGroup", "Region"), 15, (
        ("asserted", "{s} attacked positions of {t}."), ("alleged", "{s} allegedly shelled {t}.")),
        "{s} denied attacking {t}."),
    "THREATENS": TypeSpec(("Country", "ArmedGroup", "Person"), ("Country", "Alliance", "ArmedGroup"), 6, (
        ("asserted", "{s} threatened {t} with retaliation."),), "{s} said it is not a threat to {t}."),
    "CONTROLS": TypeSpec(("ArmedGroup", "Country"), ("Region",), 4, (
        ("asserted", "{s} controls {t}."), ("asserted", "{s} seized control of {t}.")),
        "{s} denied that it controls {t}."),
    "SANCTIONS": TypeSpec(("Country", "Alliance"), ("Country", "Company", "Person", "ArmedGroup"), 8, (
        ("asserted", "{s} imposed sanctions on {t}."), ("planned", "{s} is preparing new sanctions against {t}.")),
        "{s} ruled out sanctions against {t}."),
    "REFUGEES_FLEE_TO": TypeSpec(("Country", "Region"), ("Country",), 2, (
        ("asserted", "Refugees from {s} fled to {t}."),), "No refugees from {s} reached {t}, officials said."),
}
TYPE_NAMES = list(TYPES)
# Bump when the CSV layout for neo4j-admin changes: benchmark read graphs built from older CSV are rebuilt.
CSV_LAYOUT = 1

FILLERS = [
    "Officials did not comment further.",
    "The statement came after a week of talks in {capital}.",
    "Analysts said the move reflects a wider shift in regional security.",
    "The announcement was made at a press conference on {weekday}.",
    "Diplomats expect further talks before the end of the year.",
    "Neither side gave details of the timetable.",
    "The defence ministry published a short statement on its website.",
    "Observers described the situation on the border as tense but stable.",
    "The talks in {capital} were attended by senior military officials.",
    "Local media reported heavy traffic of military vehicles near the frontier.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass(frozen=True, slots=True)
class Actor:
    """One generated actor; `weight` is its popularity in the power law."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    iso2: str | None = None
    iso3: str | None = None
    capital: str | None = None
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement in one article, already oriented (symmetric types: smaller id first)."""

    id: str
    article: int
    source: int
    type: str
    target: int
    modality: str
    negated: bool
    confidence: float
    evidence: str
    items: tuple[str, ...] = ()
    role: str | None = None

    def key(self, actors: Sequence[Actor]) -> str:
        return f"{actors[self.source].id}|{self.type}|{actors[self.target].id}"


@dataclass(frozen=True, slots=True)
class Article:
    """One generated article; its claims are `Dataset.claims[first:first + count]`."""

    index: int
    id: str
    title: str
    published: date
    source: str
    cited: tuple[str, ...]
    first: int
    count: int


@dataclass
class Dataset:
    """A generated graph: actors, articles and their claims."""

    seed: int
    actors: list[Actor]
    articles: list[Article]
    claims: list[Claim]

    # -- the writer's input -------------------------------------------------------------------------------

    def entity(self, index: int, mentions: int = 0) -> Entity:
        actor = self.actors[index]
        return Entity(id=actor.id, name=actor.name, kind=actor.kind,  # type: ignore[arg-type]
                      aliases=list(actor.aliases), mentions=mentions, iso2=actor.iso2, iso3=actor.iso3)

    def article_claims(self, article: Article) -> list[Claim]:
        return self.claims[article.first:article.first + article.count]

    def extracted(self, article: Article) -> ExtractedArticle:
        """The article as the extractor would hand it to the writer."""
        return ExtractedArticle(
            id=article.id, title=article.title, path=f"synthetic/{article.index:07d}.txt",
            published=article.published, source=article.source,
            entities=[self.entity(i, n) for i, n in self._mentions(article).items()],
            relations=[self.relation(c) for c in self.article_claims(article)], cited_sources=list(article.cited),
        )

    def relation(self, claim: Claim) -> Relation:
        return Relation(source=self.actors[claim.source].id, type=claim.type,  # type: ignore[arg-type]
                        target=self.actors[claim.target].id, confidence=claim.confidence,
                        modality=claim.modality, negated=claim.negated,  # type: ignore[arg-type]
                        evidence=claim.evidence, items=list(claim.items), role=claim.role)

    def article_batches(self, batch_size: int, articles: Sequence[Article] | None = None
                        ) -> Iterator[list[ExtractedArticle]]:
        """`ExtractedArticle` batches of `batch_size` articles, in order."""
        chosen = self.articles if articles is None else articles
        for start in range(0, len(chosen), batch_size):
            yield [self.extracted(a) for a in chosen[start:start + batch_size]]

    def row_article(self, claim: Claim) -> ExtractedArticle:
        """One claim as its own one-claim article (a row for row-by-row loading through the same writer)."""
        art = self.articles[claim.article]
        return ExtractedArticle(
            id=content_id(art.id, claim.id), title=art.title, path=f"synthetic/{art.index:07d}.txt",
            published=art.published, source=art.source,
            entities=[self.entity(claim.source, 1), self.entity(claim.target, 1)],
            relations=[self.relation(claim)], cited_sources=list(art.cited),
        )

    def subset(self, articles: Sequence[Article]) -> Dataset:
        """These articles, their claims and only the actors they name (what the writer would create)."""
        used = sorted({i for a in articles for c in self.article_claims(a) for i in (c.source, c.target)})
        actor_index = {old: new for new, old in enumerate(used)}
        new_articles: list[Article] = []
        new_claims: list[Claim] = []
        for n, art in enumerate(articles):
            new_articles.append(replace(art, index=n, first=len(new_claims)))
            new_claims.extend(replace(c, article=n, source=actor_index[c.source], target=actor_index[c.target])
                              for c in self.article_claims(art))
        return Dataset(seed=self.seed, actors=[self.actors[i] for i in used], articles=new_articles,
                       claims=new_claims)

    # -- the same graph as CSV for neo4j-admin --------------------------------------------------------------

    def fingerprint(self) -> str:
        """A digest of the whole dataset: same digest, same graph."""
        digest = hashlib.sha256(f"{CSV_LAYOUT}:{len(self.actors)}:{len(self.articles)}".encode())
        for actor in self.actors:
            digest.update(actor.id.encode())
        for claim in self.claims:
            digest.update(claim.id.encode())
        return digest.hexdigest()[:16]

    def write_import_csv(self, folder: Path) -> dict[str, list[Path]]:
        """CSV files (headers included) for `neo4j-admin database import full`; returns
        {"nodes": [...], "relationships": [...]} with each file listed once."""
        folder.mkdir(parents=True, exist_ok=True)
        nodes: list[Path] = []
        rels: list[Path] = []

        def table(name: str, header: list[str], rows: Any, kind: list[Path]) -> None:
            path = folder / f"{name}.csv"
            with path.open("w", newline="", encoding="utf-8") as fh:
                out = csv.writer(fh)
                out.writerow(header)
                out.writerows(rows)
            kind.append(path)

        table("actors", ["id:ID(Actor)", "name", "kind", "aliases:string[]", "iso2", "iso3", "confidence:float",
                         ":LABEL"],
              ([a.id, a.name, a.kind, ";".join(a.aliases), a.iso2 or "", a.iso3 or "", 1.0, f"Actor;{a.kind}"]
               for a in self.actors), nodes)
        table("articles", ["id:ID(Article)", "title", "path", "published:date", "source", ":LABEL"],
              ([a.id, a.title, f"synthetic/{a.index:07d}.txt", a.published.isoformat(), a.source, "Article"]
               for a in self.articles), nodes)
        sources = sorted({a.source for a in self.articles} | {s for a in self.articles for s in a.cited})
        table("sources", ["name:ID(Source)", ":LABEL"], ([s, "Source"] for s in sources), nodes)
        table("claims", ["id:ID(Claim)", "key", "type", "modality", "negated:boolean", "confidence:float",
                         "sentence", "extractor", "items:string[]", "role", "reported:date", ":LABEL"],
              ([c.id, c.key(self.actors), c.type, c.modality, str(c.negated).lower(), c.confidence, c.evidence,
                NEWS_EXTRACTOR, ";".join(c.items), c.role or "", self.articles[c.article].published.isoformat(),
                "Claim"] for c in self.claims), nodes)
        actor_ids = [a.id for a in self.actors]
        article_ids = [a.id for a in self.articles]
        table("subject", [":START_ID(Claim)", ":END_ID(Actor)", ":TYPE"],
              ([c.id, actor_ids[c.source], "SUBJECT"] for c in self.claims), rels)
        table("object", [":START_ID(Claim)", ":END_ID(Actor)", ":TYPE"],
              ([c.id, actor_ids[c.target], "OBJECT"] for c in self.claims), rels)
        table("stated_in", [":START_ID(Claim)", ":END_ID(Article)", ":TYPE"],
              ([c.id, article_ids[c.article], "STATED_IN"] for c in self.claims), rels)
        table("published_by", [":START_ID(Article)", ":END_ID(Source)", ":TYPE"],
              ([a.id, a.source, "PUBLISHED_BY"] for a in self.articles), rels)
        table("cites", [":START_ID(Article)", ":END_ID(Source)", ":TYPE"],
              ([a.id, s, "CITES"] for a in self.articles for s in a.cited), rels)
        table("mentions", [":START_ID(Article)", ":END_ID(Actor)", ":TYPE", "count:int"],
              ([a.id, actor_ids[i], "MENTIONS", n] for a in self.articles for i, n in self._mentions(a).items()),
              rels)
        table("edges", [":START_ID(Actor)", ":END_ID(Actor)", ":TYPE", "claims:int", "news_claims:int",
                        "reference_claims:int", "sources:int", "confidence:float", "first_reported:date",
                        "last_reported:date", "modality", "modalities:string[]", "hedged:boolean",
                        "items:string[]", "role"],
              self._edge_rows(), rels)
        return {"nodes": nodes, "relationships": rels}

    def _mentions(self, article: Article) -> Counter[int]:
        """How often each actor is named in the article: once per claim it takes part in."""
        counts: Counter[int] = Counter()
        for c in self.article_claims(article):
            counts[c.source] += 1
            counts[c.target] += 1
        return counts

    def edges(self) -> dict[tuple[int, str, int], list[Claim]]:
        """Non-negated claims grouped by (source, type, target): one aggregated edge each."""
        groups: dict[tuple[int, str, int], list[Claim]] = defaultdict(list)
        for c in self.claims:
            if not c.negated:
                groups[(c.source, c.type, c.target)].append(c)
        return groups

    def _edge_rows(self) -> Iterator[list[Any]]:
        for (s, type_, t), claims in self.edges().items():
            dates = [self.articles[c.article].published for c in claims]
            outlets = {o for c in claims for o in (self.articles[c.article].source, *self.articles[c.article].cited)}
            modalities = sorted({c.modality for c in claims})
            items = sorted({i for c in claims for i in c.items})
            roles = [c.role for c in claims if c.role]
            yield [self.actors[s].id, self.actors[t].id, type_, len(claims), len(claims), 0, len(outlets),
                   max(c.confidence for c in claims), min(dates).isoformat(), max(dates).isoformat(),
                   next(m for m in MODALITY_ORDER if m in modalities), ";".join(modalities),
                   str(all(m in HEDGED for m in modalities)).lower(), ";".join(items), roles[0] if roles else ""]

    # -- article text for the extraction benchmarks -------------------------------------------------------

    def documents(self, count: int, *, sentences: int = 14) -> list[Document]:
        """`count` news-like articles: each generated article's evidence sentences, padded with filler
        and more claims of later articles up to about `sentences` sentences (≈ 250 words)."""
        rng = random.Random(self.seed + 7)
        docs = []
        pool = len(self.claims)
        for art in self.articles[:count]:
            lines = [c.evidence for c in self.article_claims(art)]
            while len(lines) < sentences - 4:
                lines.append(self.claims[rng.randrange(pool)].evidence)
            capital_of = [a for a in (self.actors[c.source] for c in self.article_claims(art)) if a.capital]
            capital = capital_of[0].capital if capital_of else "Geneva"
            for _ in range(sentences - len(lines)):
                lines.insert(rng.randrange(len(lines) + 1),
                             rng.choice(FILLERS).format(capital=capital, weekday=rng.choice(WEEKDAYS)))
            cited = f" {art.cited[0]} reported." if art.cited else ""
            paragraphs = [" ".join(lines[i:i + 4]) for i in range(0, len(lines), 4)]
            text = "\n\n".join(paragraphs) + cited
            docs.append(Document.build(path=f"synthetic/{art.index:07d}.txt", title=art.title, text=text,
                                       published=art.published, source=art.source))
        return docs

    def write_texts(self, folder: Path, count: int) -> list[Path]:
        """The first `count` documents as plain-text files: title line, date line, blank line, body."""
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for doc in self.documents(count):
            path = folder / Path(doc.path).name
            path.write_text(f"{doc.title}\n{doc.published.isoformat() if doc.published else ''}\n\n{doc.text}\n",
                            encoding="utf-8")
            paths.append(path)
        return paths


# -- generation -----------------------------------------------------------------------------------------------


def _gazetteer_entries(kind: str) -> list[dict[str, Any]]:
    name = GAZETTEER_FILES.get(kind)
    if not name or not (GAZETTEER_DIR / name).exists():
        return []
    data = yaml.safe_load((GAZETTEER_DIR / name).read_text(encoding="utf-8")) or {}
    return [e for e in data.get("entries", []) if isinstance(e, dict) and e.get("id") and e.get("name")]


def _invented_name(rng: random.Random, kind: str, n: int) -> str:
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    if kind == "Person":
        return f"{rng.choice(GIVEN)} {word}{rng.choice(['ov', 'ev', 'i', 'an', 'ez', 'o', 'son'])}"
    if kind == "ArmedGroup":
        return f"{word} {rng.choice(GROUP_WORDS)}"
    if kind == "Company":
        return f"{word} {rng.choice(COMPANY_WORDS)}"
    if kind == "Organization":
        return f"{word} {rng.choice(ORG_WORDS)}"
    if kind == "Region":
        return f"{word} {rng.choice(REGION_WORDS)}"
    return f"{word} Pact {n}"


def _actors(rng: random.Random, total: int) -> list[Actor]:
    actors: list[Actor] = []
    seen: set[str] = set()

    def add(id_: str, name: str, kind: str, **kw: Any) -> None:
        if id_ in seen:
            return
        seen.add(id_)
        boost = 6.0 if kw.get("iso3") in PROMINENT else 1.0
        weight = min(rng.paretovariate(1.2), MAX_DRAW) * KIND_WEIGHT[kind] * boost
        actors.append(Actor(id=id_, name=name, kind=kind, weight=weight, **kw))

    for entry in _gazetteer_entries("Country"):
        metonyms = entry.get("metonyms") or []
        add(entry["id"], entry["name"], "Country", aliases=tuple(entry.get("aliases") or ())[:3],
            iso2=entry.get("iso2"), iso3=entry.get("iso3"), capital=metonyms[0] if metonyms else None)
    for entry in _gazetteer_entries("Alliance")[:ALLIANCE_COUNT]:
        add(entry["id"], entry["name"], "Alliance", aliases=tuple(entry.get("aliases") or ())[:3])
    n = 0
    while sum(a.kind == "Alliance" for a in actors) < ALLIANCE_COUNT:
        n += 1
        add(f"alliance:pact-{n}", _invented_name(rng, "Alliance", n), "Alliance")
    rest = max(total - len(actors), 0)
    for kind, share in KIND_SHARES.items():
        quota = round(rest * share)
        real = _gazetteer_entries(kind)[:quota // 2]
        for entry in real:
            add(entry["id"], entry["name"], kind, aliases=tuple(entry.get("aliases") or ())[:3])
        for i in range(quota - len(real)):
            name = _invented_name(rng, kind, i)
            slug = name.lower().replace(" ", "-").replace("'", "")
            add(f"{KIND_PREFIX[kind]}:{slug}-{i}", name, kind)
    return actors


class _Pool:
    """Actors of some kinds, drawn with probability proportional to their weight."""

    def __init__(self, indices: list[int], actors: Sequence[Actor]) -> None:
        self.indices = indices
        self.cum = list(accumulate(actors[i].weight for i in indices))

    def draw(self, rng: random.Random) -> int:
        return self.indices[bisect(self.cum, rng.random() * self.cum[-1])]


def generate(size: Size | str = "small", seed: int = 7) -> Dataset:
    """A dataset of `size` (a Size or a name in SIZES), the same for the same seed on every machine."""
    spec = SIZES[size] if isinstance(size, str) else size
    rng = random.Random(seed)
    actors = _actors(rng, spec.actors)
    by_kind: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(actors):
        by_kind[a.kind].append(i)
    pools = {t: (_Pool([i for k in s.sources for i in by_kind[k]], actors),
                 _Pool([i for k in s.targets for i in by_kind[k]], actors)) for t, s in TYPES.items()}
    # A very small pool may lack some kinds; only types with actors at both ends are drawn.
    usable = [t for t in TYPE_NAMES if pools[t][0].indices and pools[t][1].indices]
    choice = (usable, list(accumulate(TYPES[t].weight for t in usable)))
    start = date(2015, 1, 1)
    span = (date(2026, 10, 31) - start).days
    articles: list[Article] = []
    claims: list[Claim] = []
    while len(claims) < spec.claims:
        index = len(articles)
        art_id = content_id("synthetic", str(seed), str(index))
        published = start + timedelta(days=rng.randrange(span))
        wanted = min(rng.randint(4, 12), spec.claims - len(claims))
        first = len(claims)
        keys: set[tuple[int, str, int, bool]] = set()
        for _ in range(wanted * 2):
            if len(claims) - first >= wanted:
                break
            claim = _claim(rng, actors, pools, choice, art_id, index)
            k = (claim.source, claim.type, claim.target, claim.negated)
            if claim.source == claim.target or k in keys:
                continue
            keys.add(k)
            claims.append(claim)
        if len(claims) == first:
            continue
        lead = claims[first]
        title = (f"{actors[lead.source].name} and {actors[lead.target].name}: "
                 f"{lead.type.replace('_', ' ').lower()} in focus")
        cited = (rng.choice(AGENCIES),) if rng.random() < 0.3 else ()
        articles.append(Article(index=index, id=art_id, title=title, published=published,
                                source=rng.choice(OUTLETS), cited=cited, first=first, count=len(claims) - first))
    return Dataset(seed=seed, actors=actors, articles=articles, claims=claims)


def _claim(rng: random.Random, actors: Sequence[Actor], pools: dict[str, tuple[_Pool, _Pool]],
           choice: tuple[list[str], list[float]], art_id: str, index: int) -> Claim:
    names, cum = choice
    type_ = names[bisect(cum, rng.random() * cum[-1])]
    spec = TYPES[type_]
    sources, targets = pools[type_]
    s, t = sources.draw(rng), targets.draw(rng)
    if type_ in SYMMETRIC_TYPES and actors[t].id < actors[s].id:
        s, t = t, s
    negated = rng.random() < 0.03
    modality, template = rng.choice(spec.templates)
    items = tuple(sorted(rng.sample(ITEMS, rng.randint(1, 2)))) if type_ == "SUPPLIES_ARMS_TO" else ()
    role = rng.choice(ROLES) if type_ == "LEADS" else None
    text = spec.denial if negated else template
    evidence = text.format(s=actors[s].name, t=actors[t].name, items=" and ".join(items) or "weapons",
                           role=role or "head", year=rng.randint(1992, 2025))
    evidence = evidence[0].upper() + evidence[1:]
    confidence = round(rng.uniform(0.5, 0.95), 2)
    src_id, tgt_id = actors[s].id, actors[t].id
    claim_id = content_id(art_id, src_id, type_, tgt_id, str(negated), evidence)
    return Claim(id=claim_id, article=index, source=s, type=type_, target=t, modality=modality,
                 negated=negated, confidence=confidence, evidence=evidence, items=items, role=role)
