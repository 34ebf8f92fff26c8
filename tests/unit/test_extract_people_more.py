"""Leadership, parts and membership constructions, on sentences written for these tests.

Each test names one construction: hyphenated titles, "a senior commander", appointments,
offices held "until", founders, titles the parser hangs on the wrong noun, bodies owned by
bodies, state-owned firms, armed-group affiliates, and the ways a state enters, leaves or
belongs to a bloc without the word "member".
"""

from __future__ import annotations

import pytest

from loader.gazetteer import Gazetteer
from loader.models import ExtractedArticle
from tests.extraction_support import run, triples

FAMILY = frozenset({"LEADS", "PART_OF", "MEMBER_OF"})


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def family(article: ExtractedArticle, *, negated: bool = False) -> set[tuple[str, str, str]]:
    return {t for t in triples(article, negated=negated) if t[1] in FAMILY}


# --- people ------------------------------------------------------------------------------------
def test_hyphenated_title_leads(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "NATO Secretary-General Mark Rutte told reporters that allies must spend more.")
    assert family(art) == {("person:mark-rutte", "LEADS", "alliance:nato")}
    art = run(gazetteer, "Antonio Guterres, the United Nations secretary-general, called for a ceasefire.")
    assert family(art) == {("person:antonio-guterres", "LEADS", "alliance:un")}
    # The spokesman is named, not the secretary-general he speaks for.
    art = run(gazetteer, "The spokesman for the Secretary-General, Stephane Dujarric, said the UN was concerned.")
    assert not {t for t in family(art) if t[1] == "LEADS"}


def test_one_of_several_title_holders_is_part_of(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Fuad Shukr, a senior Hezbollah commander, was killed in an Israeli strike on Beirut.")
    assert family(art) == {("person:fuad-shukr", "PART_OF", "group:hezbollah")}
    art = run(gazetteer, "Yahya Sinwar, a Hamas leader in Gaza, was killed in October.")
    assert ("person:yahya-sinwar", "LEADS", "group:hamas") not in family(art)


def test_appointed_object_takes_the_title(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Putin appointed Andrei Belousov as Russia's defence minister in May 2024.")
    assert family(art) == {("person:andrei-belousov", "PART_OF", "country:RUS")}
    art = run(gazetteer, "Erdogan named Hakan Fidan as Turkey's foreign minister in June.")
    assert ("person:recep-tayyip-erdogan", "PART_OF", "country:TUR") not in family(art)
    assert ("person:hakan-fidan", "PART_OF", "country:TUR") in family(art)


def test_office_held_until_is_no_longer_held(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Shoigu, who was defence minister until May, now heads Russia's Security Council.")
    assert ("person:sergei-shoigu", "LEADS", "country:RUS") not in family(art)
    assert ("person:sergei-shoigu", "LEADS", "org:security-council") in family(art)
    art = run(gazetteer, "Netanyahu, who served as Israel's prime minister until 2021, returned to power.")
    assert family(art) == set()


def test_founder_leads_what_they_founded(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The Wagner Group, founded by Yevgeny Prigozhin, has fought in Ukraine, Syria and Libya.")
    assert family(art) == {("person:yevgeny-prigozhin", "LEADS", "group:wagner")}
    art = run(gazetteer, "Osama bin Laden founded al-Qaeda in 1988.")
    assert family(art) == {("person:osama-bin-laden", "LEADS", "group:al-qaeda")}
    # States founding a bloc are members, never leaders.
    art = run(gazetteer, "China and Russia founded the SCO in 2001.")
    assert {t for t in family(art) if t[1] == "LEADS"} == set()


def test_title_whose_name_hangs_on_the_organisation(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The head of the World Food Programme, Cindy McCain, visited Gaza.")
    assert family(art) == {("person:cindy-mccain", "LEADS", "org:wfp")}


# --- parts of states and organisations ------------------------------------------------------
def test_known_body_owned_by_a_known_body(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The IRGC's Quds Force runs Iran's network of allied militias.")
    assert ("org:quds-force", "PART_OF", "org:irgc") in family(art)
    art = run(gazetteer, "Rostec's Kalashnikov Concern will increase production.")
    assert family(art) == {("company:kalashnikov-concern", "PART_OF", "company:rostec")}
    # Units only named by NER are left alone.
    art = run(gazetteer, "The U.S. Army's V Corps moved its headquarters to Poznan.")
    assert {t for t in family(art) if t[1] == "PART_OF"} == set()


def test_state_owned_before_the_name(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "China's state-owned Norinco exports rifles to Africa.")
    assert family(art) == {("company:norinco", "PART_OF", "country:CHN")}
    art = run(gazetteer, "China's privately owned DJI sells drones worldwide.")
    assert family(art) == set()


def test_affiliate_place_is_not_its_owner(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "ISIS-K, the Islamic State's Afghan affiliate, claimed the attack.")
    assert family(art) == {("group:isis-k", "PART_OF", "group:isis")}
    art = run(gazetteer, "Al-Qaeda in the Arabian Peninsula, the network's Yemen branch, claimed the bombing.")
    assert family(art) == set()


def test_possessive_on_a_named_agency(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Pakistan's Inter-Services Intelligence agency denied the claim.")
    assert family(art) == {("org:isi", "PART_OF", "country:PAK")}
    art = run(gazetteer, "Yemen's Houthis fired missiles at a tanker.")
    assert family(art) == set()


# --- membership --------------------------------------------------------------------------------
def test_admitted_to_a_bloc(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Iran was admitted to the SCO as its ninth member in 2023.")
    assert family(art) == {("country:IRN", "MEMBER_OF", "alliance:sco")}
    art = run(gazetteer, "Sweden was welcomed into NATO on Thursday.")
    assert family(art) == {("country:SWE", "MEMBER_OF", "alliance:nato")}
    art = run(gazetteer, "Refugees were admitted to Germany.")
    assert family(art) == set()


def test_leaving_a_bloc(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Burkina Faso withdrew from ECOWAS in January 2024.")
    assert family(art, negated=True) == {("country:BFA", "MEMBER_OF", "alliance:ecowas")}
    assert family(art) == set()
    art = run(gazetteer, "Nicaragua pulled out of the Organization of American States in 2023.")
    assert family(art, negated=True) == {("country:NIC", "MEMBER_OF", "alliance:oas")}
    art = run(gazetteer, "Russia was expelled from the Council of Europe in March 2022.")
    assert family(art, negated=True) == {("country:RUS", "MEMBER_OF", "alliance:council-of-europe")}
    art = run(gazetteer, "Mali, Niger and Burkina Faso announced their withdrawal from ECOWAS in January.")
    assert family(art, negated=True) == {
        ("country:MLI", "MEMBER_OF", "alliance:ecowas"),
        ("country:NER", "MEMBER_OF", "alliance:ecowas"),
        ("country:BFA", "MEMBER_OF", "alliance:ecowas"),
    }
    # Troops leaving a bloc's mission, and a suspension, end no membership.
    art = run(gazetteer, "Russia withdrew its troops from the CSTO mission in Kazakhstan.")
    assert family(art) | family(art, negated=True) == set()
    art = run(gazetteer, "Venezuela was suspended from Mercosur in 2016.")
    assert family(art) | family(art, negated=True) == set()


def test_states_of_a_bloc(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "EU countries Hungary and Slovakia opposed the plan.")
    assert family(art) == {("country:HUN", "MEMBER_OF", "alliance:eu"), ("country:SVK", "MEMBER_OF", "alliance:eu")}
    art = run(gazetteer, "NATO ally Turkey has kept close ties with Moscow.")
    assert family(art) == {("country:TUR", "MEMBER_OF", "alliance:nato")}
    art = run(gazetteer, "Qatar and the other Gulf Cooperation Council states condemned the strike.")
    assert family(art) == {("country:QAT", "MEMBER_OF", "alliance:gcc")}
    art = run(gazetteer, "Kazakhstan and Kyrgyzstan are both CSTO states.")
    assert family(art) == {("country:KAZ", "MEMBER_OF", "alliance:csto"), ("country:KGZ", "MEMBER_OF", "alliance:csto")}
    art = run(gazetteer, "NATO partner Ukraine has asked for more air defence systems.")
    assert family(art) == set()


def test_part_of_a_bloc(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Norway, a founding member of NATO, is not part of the European Union.")
    assert family(art) == {("country:NOR", "MEMBER_OF", "alliance:nato")}
    assert family(art, negated=True) == {("country:NOR", "MEMBER_OF", "alliance:eu")}
    art = run(gazetteer, "Turkey remains part of NATO despite its purchase of the S-400.")
    assert family(art) == {("country:TUR", "MEMBER_OF", "alliance:nato")}
    art = run(gazetteer, "Greenland is part of Denmark.")
    assert family(art) == set()


def test_participation_and_membership_on_the_verb(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Armenia froze its participation in the CSTO last year.")
    assert family(art) == {("country:ARM", "MEMBER_OF", "alliance:csto")}
    art = run(gazetteer, "Armenia has frozen its membership in the CSTO.")
    assert family(art) == {("country:ARM", "MEMBER_OF", "alliance:csto")}
    art = run(gazetteer, "Britain ended its membership of the European Union in 2020.")
    assert family(art) == set()
    assert family(art, negated=True) == {("country:GBR", "MEMBER_OF", "alliance:eu")}
    art = run(gazetteer, "Armenia suspended its participation in CSTO exercises.")
    assert family(art) == set()


def test_completed_entry(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Since Finland's entry into NATO in 2023, the alliance's border with Russia has doubled.")
    assert family(art) == {("country:FIN", "MEMBER_OF", "alliance:nato")}
    art = run(gazetteer, "Sweden's entry into NATO was blocked by Turkey for months.")
    assert family(art) == set()


def test_coordinated_bloc_names(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Hungary, an EU and NATO member, has kept close ties with Moscow.")
    assert family(art) == {("country:HUN", "MEMBER_OF", "alliance:eu"), ("country:HUN", "MEMBER_OF", "alliance:nato")}
    art = run(gazetteer, "Hungary and Slovakia, both EU and NATO members, oppose arms deliveries to Ukraine.")
    assert family(art) == {
        (state, "MEMBER_OF", bloc)
        for state in ("country:HUN", "country:SVK")
        for bloc in ("alliance:eu", "alliance:nato")
    }
    art = run(gazetteer, "Analysts said a deal with EU and NATO members was unlikely.")
    assert family(art) == set()


def test_co_members_along_with(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Kazakhstan, Kyrgyzstan and Tajikistan are members of the CSTO along with Russia.")
    assert family(art) == {
        (state, "MEMBER_OF", "alliance:csto") for state in ("country:KAZ", "country:KGZ", "country:TJK", "country:RUS")
    }
    art = run(gazetteer, "Kazakhstan is a member of the CSTO, along with its neighbours.")
    assert family(art) == {("country:KAZ", "MEMBER_OF", "alliance:csto")}


def test_minister_leads_the_ministry_the_text_names(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Slovak Defence Minister Tomas Varga visited Kyiv. Slovakia's Defence Ministry said the trip "
                         "was planned.")
    triples = {(r.source, r.type, r.target) for r in art.relations}
    assert ("person:tomas-varga", "LEADS", "org:svk-ministry-of-defence") in triples
    assert ("org:svk-ministry-of-defence", "PART_OF", "country:SVK") in triples
    assert not any(s == "person:tomas-varga" and t == "country:SVK" for s, _, t in triples)


def test_head_of_state_leads_and_spokesperson_is_part(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Chilean President Rosa Lagos met the press with her spokesman, Pablo Ruiz.")
    triples = {(r.source, r.type, r.target) for r in art.relations}
    assert ("person:rosa-lagos", "LEADS", "country:CHL") in triples
    assert ("person:pablo-ruiz", "LEADS", "country:CHL") not in triples


def test_offices_no_longer_held_and_counterparts_say_nothing(gazetteer: Gazetteer) -> None:
    for text in (
        "Then-President Marco Ferri of Italy signed the order in 2019.",
        "Opposition leader Ana Duarte criticised the Portuguese government.",
    ):
        art = run(gazetteer, text)
        assert not [r for r in art.relations if r.type == "LEADS"], text
    art = run(gazetteer, "Japan's defence minister met his counterpart, Lee Joon, in Tokyo.")
    assert not any(r.source == "person:lee-joon" for r in art.relations)


def test_a_state_that_runs_an_organisation_leads_it(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Armenia froze its part in the Russian-led CSTO. Mali relies on the Moscow-run Africa Corps.")
    assert {("country:RUS", "LEADS", "alliance:csto"), ("country:RUS", "LEADS", "group:africa-corps")} <= family(art)
    art = run(gazetteer, "Iran-backed Houthi rebels fired at ships.")
    assert not [t for t in family(art) if t[1] == "LEADS"]


def test_a_counterpart_holds_the_same_office_in_the_state_named(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Defence Minister Aron Peled welcomed the deal. Peled and his Danish counterpart Mette Holm "
                         "met at the defence ministry in Copenhagen.")
    assert ("person:mette-holm", "LEADS", "org:dnk-ministry-of-defence") in family(art)
    assert ("org:dnk-ministry-of-defence", "PART_OF", "country:DNK") in family(art)


def test_a_relative_clause_about_another_actor_gives_no_title(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The deal was brokered by Chile's President Rosa Lagos and the Pacific Forum, of which Peru "
                         "is a member.")
    assert ("person:rosa-lagos", "PART_OF", "country:CHL") not in family(art)
    assert ("person:rosa-lagos", "LEADS", "country:CHL") in family(art)


def test_the_body_before_a_title_is_its_owner_and_under_secretaries_serve(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Israel killed an Iranian Revolutionary Guards deputy commander, Ali Rezaei, in Damascus.")
    assert ("person:ali-rezaei", "PART_OF", "org:irgc") in family(art)
    assert ("person:ali-rezaei", "PART_OF", "country:IRN") not in family(art)
    art = run(gazetteer, "Israel killed a Hezbollah deputy commander, Ali Rezaei, in Beirut.")
    assert family(art) >= {("person:ali-rezaei", "PART_OF", "group:hezbollah")}
    assert not any(s == "person:ali-rezaei" and t == "LEADS" for s, t, _ in family(art))
