"""A small graph for the dashboard tests, about the public facts of late August 2021 in Central Asia.

Written through the real loader writer (`loader.write.write_articles`), so the dashboard reads exactly what
a load produces: the CSTO and its six members, Russia's offer of arms to Central Asia (via Rosoboronexport,
led by Alexander Mikheev), joint exercises, the U.S. strike on the Islamic State, the Taliban's control of
Afghanistan and its denial of any threat; a second, later article with a delivery to Tajikistan. The sentences
are written for these tests.
"""

from __future__ import annotations

from datetime import date

from geokg.graphdb import Graph
from loader.models import Entity, ExtractedArticle, Relation
from loader.write import write_articles

SEED_TITLE = "Moscow Offers Cut-Price Arms To Central Asian Partners As The Taliban Return"
SUPPLY_SENTENCE = ("Russia stands ready to sell arms and military equipment cheaply to its partners in Central Asia "
                   "on Afghanistan's borders, the Russian prime minister told RIA Novosti on Monday, August 23.")
MEMBERS_SENTENCE = ("Founded in 2002, the Collective Security Treaty Organization groups six states: Armenia, "
                    "Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan.")
MIKHEEV_SENTENCE = ("Alexander Mikheev, who heads Rosoboronexport, Russia’s state arms exporter, told RIA that "
                    "several neighbours of Afghanistan had already ordered Russian helicopters, firearms and "
                    "border security equipment.")
EXERCISE_SENTENCE = ("Russia ran joint military drills with Uzbekistan and Tajikistan to seal their borders, and "
                     "Kyrgyzstan is due to hold similar drills, NDTV reported.")
STRIKE_SENTENCE = ("After suicide bombers killed 13 American troops and many Afghan civilians, the U.S. answered "
                   "with a drone strike on the Islamic State, AP News reported.")
CONTROL_SENTENCE = ("The Taliban, driven from power by the U.S. invasion of 2001, are back in control of "
                    "Afghanistan after a twenty-year war that killed more than 2,400 American soldiers.")
DENIAL_SENTENCE = "The Taliban insisted they posed no threat to the countries of Central Asia."
DELIVERY_SENTENCE = "Russia delivered two Mi-8 helicopters to Tajikistan's border guards, Interfax reported."
# An injection attempt: must be shown as text, never as markup.
HOSTILE_TITLE = "<img src=x onerror=alert(1)> Border guards get helicopters"


def country(code: str, iso2: str, name: str, aliases: list[str] | None = None) -> Entity:
    return Entity(id=f"country:{code}", name=name, kind="Country", aliases=aliases or [], iso2=iso2, iso3=code,
                  mentions=1)


RUS = country("RUS", "RU", "Russia", ["Russian Federation", "Russian"])
ARM = country("ARM", "AM", "Armenia")
BLR = country("BLR", "BY", "Belarus")
KAZ = country("KAZ", "KZ", "Kazakhstan")
KGZ = country("KGZ", "KG", "Kyrgyzstan")
TJK = country("TJK", "TJ", "Tajikistan")
UZB = country("UZB", "UZ", "Uzbekistan")
USA = country("USA", "US", "United States", ["U.S.", "US", "America"])
AFG = country("AFG", "AF", "Afghanistan")
CSTO = Entity(id="alliance:csto", name="Collective Security Treaty Organization", kind="Alliance",
              aliases=["CSTO", "ODKB"], mentions=3)
ROE = Entity(id="company:rosoboronexport", name="Rosoboronexport", kind="Company", mentions=1)
MIKHEEV = Entity(id="person:alexander-mikheev", name="Alexander Mikheev", kind="Person", mentions=1)
CENTRAL_ASIA = Entity(id="region:central-asia", name="Central Asia", kind="Region", aliases=["Central Asian"],
                      mentions=2)
TALIBAN = Entity(id="group:taliban", name="Taliban", kind="ArmedGroup", mentions=3)
ISIS = Entity(id="group:isis", name="Islamic State", kind="ArmedGroup", aliases=["ISIS", "IS"], mentions=1)
MEMBERS = [RUS, ARM, BLR, KAZ, KGZ, TJK]


def rel(source: Entity, type_: str, target: Entity, evidence: str, **kw: object) -> Relation:
    return Relation(source=source.id, type=type_, target=target.id, confidence=kw.pop("confidence", 0.85),  # type: ignore[arg-type]
                    evidence=evidence, **kw)  # type: ignore[arg-type]


def seed_article() -> ExtractedArticle:
    relations = [rel(m, "MEMBER_OF", CSTO, MEMBERS_SENTENCE, confidence=0.9) for m in MEMBERS]
    relations += [
        rel(RUS, "SUPPLIES_ARMS_TO", CENTRAL_ASIA, SUPPLY_SENTENCE, modality="offered",
            items=["helicopters", "firearms"], attributed_to="RIA Novosti", confidence=0.8),
        rel(ROE, "PART_OF", RUS, MIKHEEV_SENTENCE, confidence=0.8),
        rel(MIKHEEV, "LEADS", ROE, MIKHEEV_SENTENCE, role="head", confidence=0.85),
        rel(UZB, "JOINT_EXERCISE_WITH", RUS, EXERCISE_SENTENCE, attributed_to="NDTV"),
        rel(TJK, "JOINT_EXERCISE_WITH", RUS, EXERCISE_SENTENCE, attributed_to="NDTV"),
        rel(KGZ, "JOINT_EXERCISE_WITH", RUS, EXERCISE_SENTENCE, modality="planned", attributed_to="NDTV",
            confidence=0.6),
        rel(USA, "ATTACKED", ISIS, STRIKE_SENTENCE, attributed_to="AP News"),
        rel(TALIBAN, "CONTROLS", AFG, CONTROL_SENTENCE, confidence=0.75),
        rel(TALIBAN, "THREATENS", CENTRAL_ASIA, DENIAL_SENTENCE, negated=True, confidence=0.7),
    ]
    return ExtractedArticle(
        id="dash-seed", title=SEED_TITLE, path="seed-article.txt", url="https://example.org/seed",
        published=date(2021, 8, 23), source="Example World Desk",
        entities=[*MEMBERS, UZB, USA, AFG, CSTO, ROE, MIKHEEV, CENTRAL_ASIA, TALIBAN, ISIS],
        relations=relations, cited_sources=["RIA Novosti", "AP News", "NDTV", "Interfax"],
    )


def delivery_article() -> ExtractedArticle:
    return ExtractedArticle(
        id="dash-delivery", title=HOSTILE_TITLE, path="delivery.txt", url="javascript:alert(1)",
        published=date(2022, 3, 14), source="Example Wire", entities=[RUS, TJK, CSTO],
        relations=[
            rel(RUS, "SUPPLIES_ARMS_TO", TJK, DELIVERY_SENTENCE, modality="delivered", items=["Mi-8 helicopters"],
                attributed_to="Interfax", confidence=0.9),
            rel(TJK, "MEMBER_OF", CSTO, "Tajikistan, a CSTO member, received the helicopters.", confidence=0.7),
        ],
        cited_sources=["Interfax"],
    )


def load_dashboard_data(graph: Graph) -> None:
    """Write the two articles and mark the memberships as confirmed by reference data."""
    write_articles(graph, [seed_article(), delivery_article()])
    graph.write("MATCH (:Actor)-[r:MEMBER_OF]->(:Actor {id: 'alliance:csto'}) SET r.reconciliation = 'confirmed'")
    graph.write("MATCH (:Actor {id: 'country:RUS'})-[r:SUPPLIES_ARMS_TO]->(:Actor {id: 'region:central-asia'}) "
                "SET r.reconciliation = 'silent'")
