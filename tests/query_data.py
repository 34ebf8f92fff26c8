"""A small graph for the saved-query tests, written through the real loader (write_articles, write_reference).

About the public facts of late August 2021, in sentences written for the tests (CSTO and six members,
Rosoboronexport and its head, Russia's arms offer to Central Asia, joint exercises, the U.S. strike on Islamic
State, the Taliban holding Afghanistan, bases in Tajikistan and Kyrgyzstan, refugees) plus three later articles
and two reference tables, so that every shipped query has rows to return. The verdicts `geokg reconcile` would
reach are written with its own Cypher files (Uzbekistan's CSTO membership is contradicted: it left in 2012).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from geokg import cypher
from geokg.graphdb import Graph
from loader.models import Entity, ExtractedArticle, ReferenceClaim, Relation
from loader.write import write_articles, write_reference


def _country(iso3: str, name: str, mentions: int = 1, aliases: list[str] | None = None) -> Entity:
    return Entity(id=f"country:{iso3}", name=name, kind="Country", iso3=iso3, mentions=mentions,
                  aliases=aliases or [])


RUS = _country("RUS", "Russia", 7, ["Russian", "Russian Federation"])
ARM = _country("ARM", "Armenia")
BLR = _country("BLR", "Belarus")
KAZ = _country("KAZ", "Kazakhstan")
KGZ = _country("KGZ", "Kyrgyzstan", 2)
TJK = _country("TJK", "Tajikistan", 3)
UZB = _country("UZB", "Uzbekistan", 2)
AFG = _country("AFG", "Afghanistan", 6, ["Afghan"])
USA = _country("USA", "United States", 5, ["U.S.", "US", "American"])
PAK = _country("PAK", "Pakistan")
IRN = _country("IRN", "Iran", 3, ["Islamic Republic of Iran"])
ISR = _country("ISR", "Israel", 2)
CSTO = Entity(id="alliance:csto", name="Collective Security Treaty Organization", kind="Alliance",
              aliases=["CSTO"], mentions=3)
ROE = Entity(id="company:rosoboronexport", name="Rosoboronexport", kind="Company", mentions=1)
MIKHEEV = Entity(id="person:alexander-mikheev", name="Alexander Mikheev", kind="Person", mentions=1)
TALIBAN = Entity(id="group:taliban", name="Taliban", kind="ArmedGroup", mentions=4)
ISIS = Entity(id="group:islamic-state", name="Islamic State", kind="ArmedGroup", aliases=["ISIS-K", "ISIS"],
              mentions=1)
HEZBOLLAH = Entity(id="group:hezbollah", name="Hezbollah", kind="ArmedGroup", mentions=2)
CENTRAL_ASIA = Entity(id="region:central-asia", name="Central Asia", kind="Region", mentions=2)

SEED_ENTITIES = [RUS, ARM, BLR, KAZ, KGZ, TJK, UZB, AFG, USA, PAK, IRN, CSTO, ROE, MIKHEEV, TALIBAN, ISIS,
                 CENTRAL_ASIA]


def rel(source: Entity, type_: str, target: Entity, evidence: str, **kw: Any) -> Relation:
    return Relation(source=source.id, type=type_, target=target.id, confidence=kw.pop("confidence", 0.8),  # type: ignore[arg-type]
                    evidence=evidence, **kw)


CSTO_SENTENCE = ("Founded in 2002, the Collective Security Treaty Organization groups six states: Armenia, "
                 "Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan.")
UZB_NEWS = rel(UZB, "MEMBER_OF", CSTO, "Uzbekistan, a CSTO member, joined the drills.")
TJK_NEWS = rel(TJK, "MEMBER_OF", CSTO, CSTO_SENTENCE)
MIKHEEV_CLAUSE = "Alexander Mikheev, who heads Rosoboronexport, Russia's state arms exporter"
EXERCISE_CLAUSE = "Russia ran joint military drills with Uzbekistan and Tajikistan"
BASES_CLAUSE = "Russia keeps military bases in former Soviet republics such as Tajikistan and Kyrgyzstan"
REFUGEES_CLAUSE = "Afghans fleeing the Taliban are crossing into neighbouring Pakistan and Iran"

SEED = ExtractedArticle(
    id="qa-seed", title="Moscow offers cut-price arms to Central Asian partners", path="/corpus/seed.txt",
    url="https://example.org/seed", published=date(2021, 8, 23), source="Example News",
    cited_sources=["RIA Novosti", "AP News", "NDTV", "Interfax"], entities=SEED_ENTITIES,
    relations=[
        *(rel(x, "MEMBER_OF", CSTO, CSTO_SENTENCE) for x in (RUS, ARM, BLR, KAZ, KGZ)),
        TJK_NEWS,
        rel(ROE, "PART_OF", RUS, MIKHEEV_CLAUSE),
        rel(MIKHEEV, "LEADS", ROE, MIKHEEV_CLAUSE, role="head"),
        rel(RUS, "SUPPLIES_ARMS_TO", CENTRAL_ASIA, "Russia stands ready to sell arms and military equipment "
            "cheaply to its partners in Central Asia", modality="offered", items=["weapons", "military hardware"]),
        rel(ROE, "SUPPLIES_ARMS_TO", CENTRAL_ASIA, "several neighbours of Afghanistan had already ordered Russian "
            "helicopters, firearms and border security equipment",
            modality="ordered", items=["helicopters", "firearms", "border security equipment"]),
        rel(UZB, "JOINT_EXERCISE_WITH", RUS, EXERCISE_CLAUSE),
        rel(TJK, "JOINT_EXERCISE_WITH", RUS, EXERCISE_CLAUSE),
        rel(USA, "ATTACKED", ISIS, "the U.S. answered with a drone strike on the Islamic State"),
        rel(ISIS, "ATTACKED", USA, "suicide bombers killed 13 American troops and many Afghan civilians"),
        rel(TALIBAN, "CONTROLS", AFG, "the Taliban are back in control of Afghanistan"),
        rel(TALIBAN, "THREATENS", CENTRAL_ASIA, "The Taliban insisted they posed no threat to the countries of "
            "Central Asia", negated=True),
        rel(TJK, "HOSTS_BASE_OF", RUS, BASES_CLAUSE),
        rel(KGZ, "HOSTS_BASE_OF", RUS, BASES_CLAUSE),
        rel(AFG, "REFUGEES_FLEE_TO", PAK, REFUGEES_CLAUSE),
        rel(AFG, "REFUGEES_FLEE_TO", IRN, REFUGEES_CLAUSE),
    ],
)

RUS_TJK_SUPPLY = rel(RUS, "SUPPLIES_ARMS_TO", TJK, "Russia delivered two Mi-8 helicopters to Tajikistan.",
                     modality="delivered", items=["Mi-8 helicopters"], confidence=0.9)
DELIVERY = ExtractedArticle(
    id="qa-delivery", title="Russia delivers helicopters to Tajikistan", path="/corpus/delivery.txt",
    published=date(2022, 3, 10), source="Asia Desk", cited_sources=["TASS"],
    entities=[RUS, TJK, UZB, CSTO],
    relations=[
        RUS_TJK_SUPPLY,
        rel(RUS, "MILITARY_SUPPORT_TO", TJK, "Russian troops will help guard the Tajik-Afghan border."),
        rel(TJK, "JOINT_EXERCISE_WITH", RUS, "Tajik and Russian troops drilled near the Afghan border."),
        UZB_NEWS,
    ],
)

DRONES = ExtractedArticle(
    id="qa-drones", title="Iranian drones reach Russia", path="/corpus/drones.txt",
    published=date(2022, 10, 20), source="Gulf Monitor", cited_sources=[],
    entities=[RUS, IRN, USA, HEZBOLLAH],
    relations=[
        rel(IRN, "SUPPLIES_ARMS_TO", RUS, "Iran has delivered Shahed-136 drones to Russia.", modality="delivered",
            items=["Shahed-136 drones"], confidence=0.7),
        rel(USA, "SANCTIONS", IRN, "Washington imposed sanctions on Iranian drone makers.", confidence=0.6),
        rel(IRN, "SUPPLIES_ARMS_TO", HEZBOLLAH, "Iran keeps arming Hezbollah with rockets.", items=["rockets"]),
    ],
)

ROCKETS = ExtractedArticle(
    id="qa-rockets", title="Hezbollah fires rockets at northern Israel", path="/corpus/rockets.txt",
    published=date(2023, 10, 9), source="Levant Report", cited_sources=["AP News"],
    entities=[ISR, IRN, HEZBOLLAH],
    relations=[
        rel(HEZBOLLAH, "ATTACKED", ISR, "Hezbollah fired rockets and shells at Israeli positions."),
        rel(IRN, "SUPPLIES_ARMS_TO", HEZBOLLAH, "The rockets were supplied by Iran, officials said.",
            items=["rockets"]),
    ],
)

ARTICLES = [SEED, DELIVERY, DRONES, ROCKETS]


def _member(country: Entity, since: str, until: str | None = None, row: int = 1) -> ReferenceClaim:
    modality = "former" if until else "asserted"
    evidence = f"{country.iso3},CSTO,{modality},{since},{until or ''}"
    return ReferenceClaim(relation=rel(country, "MEMBER_OF", CSTO, evidence, since=since, until=until,
                                       modality=modality, confidence=1.0),
                          extractor="curated:memberships.csv", row=row, entities=[country, CSTO])


REFERENCE = [
    _member(RUS, "1992-05-15", row=1), _member(ARM, "1992-05-15", row=2), _member(KAZ, "1992-05-15", row=3),
    _member(KGZ, "1992-05-15", row=4), _member(TJK, "1992-05-15", row=5), _member(BLR, "1993-12-31", row=6),
    _member(UZB, "2006-06-23", "2012-12-19", row=7),
    ReferenceClaim(relation=rel(RUS, "SUPPLIES_ARMS_TO", KAZ, "Russia,Kazakhstan,Su-30SM,2015,delivered",
                                modality="delivered", items=["Su-30SM"], since="2015", confidence=1.0),
                   extractor="sipri:transfers.csv", row=1, entities=[RUS, KAZ]),
]


def _reconcile(graph: Graph) -> None:
    """The verdicts `geokg reconcile` reaches on this data, written with its own Cypher files."""
    note = "reference: Uzbekistan left the CSTO on 2012-12-19"
    claims = [
        {"id": UZB_NEWS.claim_id(DELIVERY.id), "status": "contradicted", "note": note},
        {"id": TJK_NEWS.claim_id(SEED.id), "status": "confirmed", "note": "curated:memberships.csv row 5"},
        {"id": RUS_TJK_SUPPLY.claim_id(DELIVERY.id), "status": "silent", "note": "no register row"},
    ]
    edges = [
        {"source": UZB.id, "type": "MEMBER_OF", "target": CSTO.id, "status": "contradicted", "note": note,
         "confirmed": 0, "contradicted": 1, "silent": 0},
        {"source": TJK.id, "type": "MEMBER_OF", "target": CSTO.id, "status": "confirmed",
         "note": "curated:memberships.csv row 5", "confirmed": 1, "contradicted": 0, "silent": 0},
        {"source": RUS.id, "type": "SUPPLIES_ARMS_TO", "target": TJK.id, "status": "silent",
         "note": "no register row", "confirmed": 0, "contradicted": 0, "silent": 1},
    ]
    graph.write(cypher.load("write/reconcile_claims"), {"rows": claims})
    graph.write(cypher.load("write/reconcile_edges"), {"rows": edges})


def build(graph: Graph) -> None:
    """Write the whole test graph into an empty database."""
    write_articles(graph, ARTICLES)
    write_reference(graph, REFERENCE)
    _reconcile(graph)
