"""More cooperation and refugee constructions, on sentences written for these tests.

Each test names one construction of JOINT_EXERCISE_WITH, ALLIED_WITH, MILITARY_SUPPORT_TO,
HOSTS_BASE_OF or REFUGEES_FLEE_TO, with the triples it must give and a sentence that must
give none of them.
"""

from __future__ import annotations

import pytest

from loader.gazetteer import Gazetteer
from tests.extraction_support import run, triples

FAMILY = frozenset({"JOINT_EXERCISE_WITH", "ALLIED_WITH", "MILITARY_SUPPORT_TO", "HOSTS_BASE_OF", "REFUGEES_FLEE_TO"})
SYMMETRIC = frozenset({"JOINT_EXERCISE_WITH", "ALLIED_WITH"})


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def family(gazetteer: Gazetteer, text: str, *, negated: bool = False) -> set[tuple[str, str, str]]:
    """The family's triples of one text, symmetric ones with their ends in sorted order."""
    out = set()
    for source, rtype, target in triples(run(gazetteer, text), negated=negated):
        if rtype in SYMMETRIC:
            source, target = sorted((source, target))
        if rtype in FAMILY:
            out.add((source, rtype, target))
    return out


# --- joint exercises ------------------------------------------------------------------------
def test_forces_that_train_together(gazetteer: Gazetteer) -> None:
    text = "Pakistani and Turkish special forces trained together in the mountains near Quetta."
    assert family(gazetteer, text) == {("country:PAK", "JOINT_EXERCISE_WITH", "country:TUR")}
    assert family(gazetteer, "Ukrainian and Polish students trained together in Krakow.") == set()


def test_forces_named_only_by_a_demonym(gazetteer: Gazetteer) -> None:
    text = "Russian paratroopers trained alongside Serbian troops near Belgrade."
    assert family(gazetteer, text) == {("country:RUS", "JOINT_EXERCISE_WITH", "country:SRB")}
    assert family(gazetteer, "Russian journalists trained alongside Ukrainian colleagues in Vienna.") == set()


def test_exercise_in_a_relative_clause_and_its_host(gazetteer: Gazetteer) -> None:
    text = "The exercise, which also involved Ukrainian troops, was hosted by Poland."
    assert family(gazetteer, text) == {("country:POL", "JOINT_EXERCISE_WITH", "country:UKR")}
    text = "The exercise, which also involved Ukrainian troops, was condemned by Russia."
    assert family(gazetteer, text) == set()


def test_exercise_noun_tagged_as_a_verb(gazetteer: Gazetteer) -> None:
    text = "India and the United States will hold their annual Yudh Abhyas exercise in Alaska in September."
    assert family(gazetteer, text) == {("country:IND", "JOINT_EXERCISE_WITH", "country:USA")}
    assert family(gazetteer, "The Taliban exercise tight control over Kabul.") == set()


def test_a_critic_of_the_drills_takes_no_part(gazetteer: Gazetteer) -> None:
    text = "North Korea condemned the joint exercises between Seoul and Washington as a rehearsal for invasion."
    assert family(gazetteer, text) == {("country:KOR", "JOINT_EXERCISE_WITH", "country:USA")}
    assert family(gazetteer, "China condemned the drills.") == set()


def test_took_part_with_a_misattached_exercise(gazetteer: Gazetteer) -> None:
    text = "In 2018 Pakistani and Indian troops took part for the first time in the same exercise."
    assert family(gazetteer, text) == {("country:IND", "JOINT_EXERCISE_WITH", "country:PAK")}
    assert family(gazetteer, "Pakistani troops took part in an exercise in Saudi Arabia.") == set()


def test_a_joint_patrol_is_an_exercise(gazetteer: Gazetteer) -> None:
    text = "Indian and French warships carried out a joint patrol in the Arabian Sea."
    assert family(gazetteer, text) == {("country:FRA", "JOINT_EXERCISE_WITH", "country:IND")}
    assert family(gazetteer, "Indian and French warships each began a patrol in the Arabian Sea.") == set()


# --- alliances ------------------------------------------------------------------------------
def test_allies_named_as_examples(gazetteer: Gazetteer) -> None:
    text = "Iran's allies, including Hezbollah and the Houthis, have threatened Israel."
    assert family(gazetteer, text) == {
        ("country:IRN", "ALLIED_WITH", "group:hezbollah"),
        ("country:IRN", "ALLIED_WITH", "group:houthis"),
    }
    text = "Russia's allies such as Belarus and Syria backed the plan."
    assert family(gazetteer, text) == {
        ("country:BLR", "ALLIED_WITH", "country:RUS"),
        ("country:RUS", "ALLIED_WITH", "country:SYR"),
    }
    assert family(gazetteer, "The ruling party's allies, including Fidesz, backed the motion.") == set()


def test_non_member_ally_and_common_noun_ally(gazetteer: Gazetteer) -> None:
    text = "Qatar is a major non-NATO ally of the United States."
    assert family(gazetteer, text) == {("country:QAT", "ALLIED_WITH", "country:USA")}
    assert family(gazetteer, "Time is an ally of Kyiv, the minister said.") == set()


def test_a_named_ally_is_not_the_place_it_is_in(gazetteer: Gazetteer) -> None:
    text = "The Houthis, Iran's allies in Yemen, fired missiles."
    assert family(gazetteer, text) == {("country:IRN", "ALLIED_WITH", "group:houthis")}
    text = "Moscow's allies in Central Asia have stayed neutral."
    assert family(gazetteer, text) == {("country:RUS", "ALLIED_WITH", "region:central-asia")}


def test_a_defence_alliance_formed(gazetteer: Gazetteer) -> None:
    text = "Mali, Niger and Burkina Faso formed a mutual defence alliance in 2023."
    assert family(gazetteer, text) == {
        ("country:BFA", "ALLIED_WITH", "country:MLI"),
        ("country:BFA", "ALLIED_WITH", "country:NER"),
        ("country:MLI", "ALLIED_WITH", "country:NER"),
    }
    assert family(gazetteer, "Mali, Niger and Burkina Faso formed a customs alliance.") == set()


def test_backing_named_in_a_modifier_is_an_affiliation(gazetteer: Gazetteer) -> None:
    found = family(gazetteer, "The Iranian-backed Houthi militia fired two drones at a tanker.")
    assert ("country:IRN", "ALLIED_WITH", "group:houthis") in found


def test_an_ally_named_by_a_copula(gazetteer: Gazetteer) -> None:
    found = family(gazetteer, "Moscow's most loyal ally has long been Belarus.")
    assert ("country:BLR", "ALLIED_WITH", "country:RUS") in found


def test_a_security_partner_is_an_ally(gazetteer: Gazetteer) -> None:
    assert ("country:PHL", "ALLIED_WITH", "country:USA") in family(gazetteer, "Manila is a key U.S. security partner.")
    # The apposition hung on the larger phrase still names the actor before its comma.
    text = "Washington approved the transfer of patrol boats to Vietnam, another U.S. partner in Asia."
    assert ("country:USA", "ALLIED_WITH", "country:VNM") in family(gazetteer, text)
    assert family(gazetteer, "China is Russia's largest trading partner.") == set()


# --- military support ----------------------------------------------------------------------
def test_support_given_to_a_recipient_on_the_verb(gazetteer: Gazetteer) -> None:
    text = "The UAE has provided military support to the RSF, according to UN experts."
    assert family(gazetteer, text) == {("country:ARE", "MILITARY_SUPPORT_TO", "group:rsf")}
    assert family(gazetteer, "The government provided financial support to Ukraine.") == set()
    assert family(gazetteer, "Washington has sent military aid to Kyiv.") == set()  # weapons, not forces


def test_sent_to_help_a_state_fight(gazetteer: Gazetteer) -> None:
    text = "Chad sent 1,000 soldiers to help Nigeria fight Boko Haram."
    assert family(gazetteer, text) == {("country:TCD", "MILITARY_SUPPORT_TO", "country:NGA")}
    assert family(gazetteer, "Chad sent soldiers to help fight Boko Haram.") == set()


def test_a_guessed_purpose_object_gives_way_to_the_place(gazetteer: Gazetteer) -> None:
    text = (
        "Western governments say fighters of Russia's Wagner Group have been deployed in Mali "
        "since December 2021 to help the army fight insurgents."
    )
    assert family(gazetteer, text) == {("group:wagner", "MILITARY_SUPPORT_TO", "country:MLI")}


def test_fought_on_the_side_of(gazetteer: Gazetteer) -> None:
    text = "Eritrean troops fought on the side of Ethiopian federal forces in Tigray."
    assert family(gazetteer, text) == {("country:ERI", "MILITARY_SUPPORT_TO", "country:ETH")}
    assert family(gazetteer, "Russian troops fought on the side of the road near Kharkiv.") == set()


# --- bases ----------------------------------------------------------------------------------
def test_hosted_bases_despite_their_lemma(gazetteer: Gazetteer) -> None:
    text = "Djibouti hosts military bases of the United States, France, China and Japan."
    assert family(gazetteer, text) == {
        ("country:DJI", "HOSTS_BASE_OF", "country:USA"),
        ("country:DJI", "HOSTS_BASE_OF", "country:FRA"),
        ("country:DJI", "HOSTS_BASE_OF", "country:CHN"),
        ("country:DJI", "HOSTS_BASE_OF", "country:JPN"),
    }
    text = "Pakistan denied hosting American drone bases."
    assert family(gazetteer, text) == set()
    assert family(gazetteer, text, negated=True) == {("country:PAK", "HOSTS_BASE_OF", "country:USA")}


def test_hosts_read_as_a_noun(gazetteer: Gazetteer) -> None:
    text = "Armenia hosts a Russian military base in Gyumri."
    assert family(gazetteer, text) == {("country:ARM", "HOSTS_BASE_OF", "country:RUS")}
    assert family(gazetteer, "Armenia hosts a summit in Yerevan.") == set()


def test_home_to_a_base_or_a_fleet(gazetteer: Gazetteer) -> None:
    text = "Qatar is home to Al Udeid, the largest U.S. air base in the Middle East."
    assert family(gazetteer, text) == {("country:QAT", "HOSTS_BASE_OF", "country:USA")}
    text = "Tajikistan, home to Russia's 201st military base, borders Afghanistan."
    assert family(gazetteer, text) == {("country:TJK", "HOSTS_BASE_OF", "country:RUS")}
    assert family(gazetteer, "Qatar, home to the Taliban's political office, mediated the deal.") == set()


def test_base_in_a_town_of_a_country(gazetteer: Gazetteer) -> None:
    text = "Washington keeps a naval base at Guantanamo Bay in Cuba."
    assert family(gazetteer, text) == {("country:CUB", "HOSTS_BASE_OF", "country:USA")}
    text = "Russia's naval base in Tartus, Syria, is its only Mediterranean port."
    assert family(gazetteer, text) == {("country:SYR", "HOSTS_BASE_OF", "country:RUS")}
    assert family(gazetteer, "The base in Kandahar, Afghanistan, was closed in 2021.") == set()


def test_forces_based_in_a_country(gazetteer: Gazetteer) -> None:
    text = "Turkish forces based in northern Iraq shelled PKK positions."
    assert family(gazetteer, text) == {("country:IRQ", "HOSTS_BASE_OF", "country:TUR")}
    assert family(gazetteer, "The firm is based in Ankara, Turkey.") == set()


def test_forces_stationed_by_their_keeper(gazetteer: Gazetteer) -> None:
    text = "France has around 1,500 soldiers stationed in Djibouti."
    assert family(gazetteer, text) == {("country:DJI", "HOSTS_BASE_OF", "country:FRA")}
    assert family(gazetteer, "France has nuclear submarines based in Brest.") == set()


# --- refugees -------------------------------------------------------------------------------
def test_fleeing_fighting_in_a_region_as_clausal_subject(gazetteer: Gazetteer) -> None:
    text = (
        "Tens of thousands of civilians fleeing fighting in Sudan's Darfur region have sought refuge in Chad."
    )
    assert family(gazetteer, text) == {("region:darfur", "REFUGEES_FLEE_TO", "country:TCD")}
    assert family(gazetteer, "Thousands fled the fighting in Khartoum.") == set()


def test_people_fleeing_who_arrive(gazetteer: Gazetteer) -> None:
    text = "Haitians fleeing gang violence have arrived in the Dominican Republic."
    assert family(gazetteer, text) == {("country:HTI", "REFUGEES_FLEE_TO", "country:DOM")}
    assert family(gazetteer, "Chinese tourists fleeing the heat arrived in Thailand.") == set()


def test_fled_a_place_for_another(gazetteer: Gazetteer) -> None:
    text = "Nearly 100,000 ethnic Armenians fled Nagorno-Karabakh for Armenia."
    assert family(gazetteer, text) == {("region:nagorno-karabakh", "REFUGEES_FLEE_TO", "country:ARM")}
    assert family(gazetteer, "The crowd fled the stadium for the streets.") == set()


def test_people_named_by_a_demonym_modifier(gazetteer: Gazetteer) -> None:
    assert family(gazetteer, "Sudanese civilians fled to Chad.") == {
        ("country:SDN", "REFUGEES_FLEE_TO", "country:TCD")
    }
    assert family(gazetteer, "Women fleeing abuse found shelter in Spain.") == set()


def test_refugees_living_or_registered_somewhere(gazetteer: Gazetteer) -> None:
    text = "Over a million Rohingya refugees from Myanmar live in camps in Bangladesh."
    assert family(gazetteer, text) == {("country:MMR", "REFUGEES_FLEE_TO", "country:BGD")}
    text = "About 1.6 million refugees from Ukraine are registered in Poland."
    assert family(gazetteer, text) == {("country:UKR", "REFUGEES_FLEE_TO", "country:POL")}
    assert family(gazetteer, "Refugees from Syria continue to return home from Turkey.") == set()


def test_home_to_refugees(gazetteer: Gazetteer) -> None:
    text = "Jordan is home to some 650,000 registered Syrian refugees."
    assert family(gazetteer, text) == {("country:SYR", "REFUGEES_FLEE_TO", "country:JOR")}
    assert family(gazetteer, "Ukraine is home to millions of Russian speakers.") == set()


def test_hosting_country_or_camp_read_as_a_noun(gazetteer: Gazetteer) -> None:
    text = "Bangladesh hosts more than a million Rohingya refugees from Myanmar."
    assert family(gazetteer, text) == {("country:MMR", "REFUGEES_FLEE_TO", "country:BGD")}
    text = "Kenya's Dadaab camp shelters more than 300,000 Somali refugees."
    assert family(gazetteer, text) == {("country:SOM", "REFUGEES_FLEE_TO", "country:KEN")}
    text = "Kenya's Kakuma camp hosts some 200,000 refugees from South Sudan."
    assert family(gazetteer, text) == {("country:SSD", "REFUGEES_FLEE_TO", "country:KEN")}


def test_counted_people_taken_in(gazetteer: Gazetteer) -> None:
    text = "Poland has taken in about 1 million Ukrainians."
    assert family(gazetteer, text) == {("country:UKR", "REFUGEES_FLEE_TO", "country:POL")}
    assert family(gazetteer, "Poland has taken in tonnes of Ukrainian grain.") == set()


def test_asylum_seekers_and_refugees_received_from(gazetteer: Gazetteer) -> None:
    text = "Germany took in more than a million asylum seekers from Syria in 2015 and 2016."
    assert family(gazetteer, text) == {("country:SYR", "REFUGEES_FLEE_TO", "country:DEU")}
    text = "Moldova has received more than 100,000 refugees from Ukraine."
    assert family(gazetteer, text) == {("country:UKR", "REFUGEES_FLEE_TO", "country:MDA")}
    assert family(gazetteer, "Germany rejected asylum claims from Syrians.") == set()
    assert family(gazetteer, "Moldova has received aid from Romania.") == set()


def test_refugees_who_continue_to_arrive(gazetteer: Gazetteer) -> None:
    text = "Sudanese refugees continue to arrive in eastern Chad every day."
    assert family(gazetteer, text) == {("country:SDN", "REFUGEES_FLEE_TO", "country:TCD")}


def test_counted_people_the_gazetteer_does_not_name(gazetteer: Gazetteer) -> None:
    text = "Thousands of Rohingya fled Myanmar for Bangladesh in 2017."
    assert family(gazetteer, text) == {("country:MMR", "REFUGEES_FLEE_TO", "country:BGD")}
    assert family(gazetteer, "Thousands of investors fled Russia for Dubai.") == set()


def test_a_state_of_a_country(gazetteer: Gazetteer) -> None:
    text = "Families from Tigray have found shelter in Sudan's Gedaref state."
    assert family(gazetteer, text) == {("region:tigray", "REFUGEES_FLEE_TO", "country:SDN")}


# --- troops and missions ---------------------------------------------------------------------
def _mst(gazetteer: Gazetteer, text: str) -> set[tuple[str, str, str]]:
    return {t for t in family(gazetteer, text) if t[1] == "MILITARY_SUPPORT_TO"}


def test_support_from_listed_partners_of_a_military_act(gazetteer: Gazetteer) -> None:
    text = "France and Britain, with support from Belgium and Norway, carried out airstrikes on Islamic State camps."
    assert _mst(gazetteer, text) == {
        ("country:BEL", "MILITARY_SUPPORT_TO", "country:FRA"),
        ("country:BEL", "MILITARY_SUPPORT_TO", "country:GBR"),
        ("country:NOR", "MILITARY_SUPPORT_TO", "country:FRA"),
        ("country:NOR", "MILITARY_SUPPORT_TO", "country:GBR"),
    }
    text = "France and Britain, with support from Belgium, organised a conference on Syrian refugees."
    assert _mst(gazetteer, text) == set()


def test_troops_contributed_to_a_mission(gazetteer: Gazetteer) -> None:
    text = "Ghana and Nepal have each contributed about 800 soldiers to MONUSCO."
    assert _mst(gazetteer, text) == {
        ("country:GHA", "MILITARY_SUPPORT_TO", "org:monusco"),
        ("country:NPL", "MILITARY_SUPPORT_TO", "org:monusco"),
    }
    assert _mst(gazetteer, "Ghana has contributed funds to the World Health Organization.") == set()


def test_troop_contributing_countries_listed(gazetteer: Gazetteer) -> None:
    text = "Troop-contributing countries to AMISOM included Burundi, Kenya and Uganda."
    assert _mst(gazetteer, text) == {
        ("country:BDI", "MILITARY_SUPPORT_TO", "org:amisom"),
        ("country:KEN", "MILITARY_SUPPORT_TO", "org:amisom"),
        ("country:UGA", "MILITARY_SUPPORT_TO", "org:amisom"),
    }
    text = "Countries contributing troops to MINUSCA include Rwanda and Zambia."
    assert _mst(gazetteer, text) == {
        ("country:RWA", "MILITARY_SUPPORT_TO", "org:minusca"),
        ("country:ZMB", "MILITARY_SUPPORT_TO", "org:minusca"),
    }


def test_intervening_on_a_side(gazetteer: Gazetteer) -> None:
    text = "Chadian troops intervened on the side of Mali in 2013."
    assert _mst(gazetteer, text) == {("country:TCD", "MILITARY_SUPPORT_TO", "country:MLI")}


def test_support_for_an_armed_group_from_a_backer(gazetteer: Gazetteer) -> None:
    text = "Observers pointed to support for Hezbollah from Iran over many years."
    assert _mst(gazetteer, text) == {("country:IRN", "MILITARY_SUPPORT_TO", "group:hezbollah")}
    # support for a state or a plan may be only political
    assert _mst(gazetteer, "Observers noted support for Ukraine from Ireland.") == set()


def test_involvement_in_another_states_war(gazetteer: Gazetteer) -> None:
    text = "The ministers discussed Iran's involvement in Russia's war against Ukraine."
    assert _mst(gazetteer, text) == {("country:IRN", "MILITARY_SUPPORT_TO", "country:RUS")}


def test_fled_to_safety_in(gazetteer: Gazetteer) -> None:
    text = "Sudanese families fled to safety in Chad."
    assert family(gazetteer, text) == {("country:SDN", "REFUGEES_FLEE_TO", "country:TCD")}


def test_new_force_replaced_an_old_one(gazetteer: Gazetteer) -> None:
    text = "In 2024 the Africa Corps replaced Wagner in Burkina Faso."
    assert family(gazetteer, text) == {
        ("group:africa-corps", "MILITARY_SUPPORT_TO", "country:BFA"),
        ("country:BFA", "HOSTS_BASE_OF", "group:africa-corps"),
    }
    assert family(gazetteer, "Mali replaced its defence minister in Bamako.") == set()


def test_troops_serving_with_a_mission(gazetteer: Gazetteer) -> None:
    text = "Ghanaian soldiers serving with UNIFIL were wounded on Monday."
    assert _mst(gazetteer, text) == {("country:GHA", "MILITARY_SUPPORT_TO", "org:unifil")}


def test_troops_that_make_up_a_mission(gazetteer: Gazetteer) -> None:
    text = "Soldiers from Burundi and Ethiopia made up most of the ATMIS force."
    assert _mst(gazetteer, text) >= {
        ("country:BDI", "MILITARY_SUPPORT_TO", "org:atmis"),
        ("country:ETH", "MILITARY_SUPPORT_TO", "org:atmis"),
    }
    text = "MINUSCA comprises troops from Rwanda and Zambia."
    assert _mst(gazetteer, text) == {
        ("country:RWA", "MILITARY_SUPPORT_TO", "org:minusca"),
        ("country:ZMB", "MILITARY_SUPPORT_TO", "org:minusca"),
    }


def test_mission_troops_present_in_a_country(gazetteer: Gazetteer) -> None:
    assert family(gazetteer, "UNDOF troops are present in Syria.") == {
        ("country:SYR", "HOSTS_BASE_OF", "org:undof")
    }
    # a state's troops present in another state may be an occupation
    assert family(gazetteer, "Russian troops are present in Georgia.") == set()


def test_troops_assigned_or_provided_to_a_mission(gazetteer: Gazetteer) -> None:
    text = "About 900 Bangladeshi troops assigned to MINUSCA left Dhaka on Friday."
    assert _mst(gazetteer, text) == {("country:BGD", "MILITARY_SUPPORT_TO", "org:minusca")}
    assert _mst(gazetteer, "Senegal provides troops to UNMISS.") == {
        ("country:SEN", "MILITARY_SUPPORT_TO", "org:unmiss")
    }
    assert _mst(gazetteer, "Peacekeepers from Fiji serving in UNDOF were evacuated.") == {
        ("country:FJI", "MILITARY_SUPPORT_TO", "org:undof")
    }


def test_deployed_in_support_of(gazetteer: Gazetteer) -> None:
    text = "Tanzania deployed troops in support of the government of Mozambique."
    assert _mst(gazetteer, text) == {("country:TZA", "MILITARY_SUPPORT_TO", "country:MOZ")}


def test_air_and_intelligence_support(gazetteer: Gazetteer) -> None:
    assert _mst(gazetteer, "France provided air support to Mali in 2013.") == {
        ("country:FRA", "MILITARY_SUPPORT_TO", "country:MLI")
    }
    assert _mst(gazetteer, "The senators voiced support to Taiwan.") == set()
