"""Conflict and cooperation constructions, on sentences written for these tests.

Each test names one construction: partitives, coordinated demonyms, "respectively" lists,
stationed forces, deployments with a purpose, named targets, refugee flows, sanctions
widened or imposed with a detached target.
"""

from __future__ import annotations

import pytest

from loader.gazetteer import Gazetteer
from loader.models import ExtractedArticle
from tests.extraction_support import gazetteer_with, run, triples

# A company whose name is also used for a drill, as users' own gazetteers may hold.
EXTENSION = """
- id: company:sentinel-systems
  name: Sentinel Systems
  kind: Company
  aliases: [Sentinel]
"""


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return gazetteer_with(tmp_path_factory, EXTENSION)


def of_type(article: ExtractedArticle, rtype: str) -> set[tuple[str, str, str]]:
    return {t for t in triples(article) if t[1] == rtype}


# --- control -------------------------------------------------------------------------------
def test_partitive_of_a_place_is_the_place(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Tigrayan forces aside, the Houthis still control most of Hodeidah and parts of Marib.")
    assert of_type(art, "CONTROLS") == {
        ("group:houthis", "CONTROLS", "region:hodeidah"),
        ("group:houthis", "CONTROLS", "region:marib"),
    }


def test_hold_a_capital_named_in_apposition(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Al-Shabab, which has held the port town, Kismayo, for years, lost ground in 2012.")
    assert ("group:al-shabab", "CONTROLS", "country:SOM") not in triples(art)
    art = run(gazetteer, "The Taliban have held the Afghan capital, Kabul, since August.")
    assert ("group:taliban", "CONTROLS", "country:AFG") in triples(art)


def test_bare_take_needs_a_town_or_region(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "M23 fighters took Bukavu after a short battle.")
    assert ("group:m23", "CONTROLS", "region:bukavu") in triples(art)
    art = run(gazetteer, "Rwanda took Congo to an international court.")
    assert of_type(art, "CONTROLS") == set()


# --- attacks -------------------------------------------------------------------------------
def test_coordinated_demonyms_both_attack(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "French and British jets bombed Islamic State positions in Syria.")
    assert {
        ("country:FRA", "ATTACKED", "group:isis"),
        ("country:GBR", "ATTACKED", "group:isis"),
    } <= triples(art)


def test_incursion_into_demonym_territory(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Tajikistan's incursion into Kyrgyz territory left dozens dead.")
    assert ("country:TJK", "ATTACKED", "country:KGZ") in triples(art)


def test_strikes_on_sites_owned_by_a_demonym(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Israel carried out strikes on Syrian military sites near the coast.")
    assert ("country:ISR", "ATTACKED", "country:SYR") in triples(art)


def test_city_of_a_named_place(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Russian troops encircled and shelled the eastern city of Avdiivka for months.")
    assert ("country:RUS", "ATTACKED", "region:avdiivka") in triples(art)


# --- military support ----------------------------------------------------------------------
def test_passive_deployment_counts_the_troops_own_state(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Some 2,000 Rwandan soldiers were sent to Mozambique last year.")
    assert ("country:RWA", "MILITARY_SUPPORT_TO", "country:MOZ") in triples(art)


def test_deployment_with_a_purpose_clause(gazetteer: Gazetteer) -> None:
    art = run(
        gazetteer,
        "Soldiers from Burundi and Uganda, deployed by the African Union to back the Somali army, guarded the airport.",
    )
    assert {
        ("alliance:au", "MILITARY_SUPPORT_TO", "org:som-armed-forces"),
        ("country:BDI", "MILITARY_SUPPORT_TO", "org:som-armed-forces"),
        ("country:UGA", "MILITARY_SUPPORT_TO", "org:som-armed-forces"),
        ("org:som-armed-forces", "PART_OF", "country:SOM"),
    } <= triples(art)


def test_deployment_without_purpose_or_destination_is_nothing(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Turkish troops were deployed in Qatar.")
    assert of_type(art, "MILITARY_SUPPORT_TO") == set()


# --- bases -----------------------------------------------------------------------------------
def test_keeping_forces_in_a_country_is_hosting(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "France maintains about 1,500 soldiers in Djibouti.")
    assert ("country:DJI", "HOSTS_BASE_OF", "country:FRA") in triples(art)


def test_respectively_pairs_lists_item_by_item(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Italy and Spain keep contingents in Lebanon and Latvia respectively.")
    assert of_type(art, "HOSTS_BASE_OF") == {
        ("country:LBN", "HOSTS_BASE_OF", "country:ITA"),
        ("country:LVA", "HOSTS_BASE_OF", "country:ESP"),
    }


def test_forces_led_respectively_by(gazetteer: Gazetteer) -> None:
    art = run(
        gazetteer,
        "The alliance keeps brigades in Slovakia and Hungary, led respectively by the Czech Republic and Croatia.",
    )
    assert of_type(art, "HOSTS_BASE_OF") == {
        ("country:SVK", "HOSTS_BASE_OF", "country:CZE"),
        ("country:HUN", "HOSTS_BASE_OF", "country:HRV"),
    }


def test_host_allows_forces_to_stay(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Syria allowed Iranian forces to remain after the war.")
    assert ("country:SYR", "HOSTS_BASE_OF", "country:IRN") in triples(art)


def test_one_of_the_states_that_host(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Bahrain is one of several Gulf states that host American forces.")
    assert ("country:BHR", "HOSTS_BASE_OF", "country:USA") in triples(art)


# --- threats ---------------------------------------------------------------------------------
def test_warning_that_a_state_would_become_a_target(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "China warned that Japan would become a legitimate target if it intervened.")
    assert ("country:CHN", "THREATENS", "country:JPN") in triples(art)


def test_naming_a_priority_target(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Iran called the British bases legitimate targets.")
    assert ("country:IRN", "THREATENS", "country:GBR") in triples(art)


def test_being_a_target_of_attacks_is_no_threat(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Officials in Egypt said the port was a target of drone attacks.")
    assert of_type(art, "THREATENS") == set()


def test_embassy_belongs_to_its_owner(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Russia's embassy in Helsinki warned that Finland would become a legitimate target.")
    assert {("org:rus-embassy", "THREATENS", "country:FIN"), ("org:rus-embassy", "PART_OF", "country:RUS")} <= triples(
        art
    )


# --- sanctions -------------------------------------------------------------------------------
def test_sanctions_target_attached_to_the_verb(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Canada imposed sanctions last week on Myanmar over the coup.")
    assert ("country:CAN", "SANCTIONS", "country:MMR") in triples(art)


def test_sanctions_extended_to_a_new_target(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The EU later widened its sanctions to Belarus.")
    assert ("alliance:eu", "SANCTIONS", "country:BLR") in triples(art)


def test_sanctioned_entities_of_coordinated_demonyms(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Britain sanctioned Chinese and Turkish entities for shipping parts to Russia.")
    assert {("country:GBR", "SANCTIONS", "country:CHN"), ("country:GBR", "SANCTIONS", "country:TUR")} <= triples(art)
    # Companies are private parties: sanctions on them do not hit the state they are based in.
    art = run(gazetteer, "Britain sanctioned Chinese and Turkish firms for shipping parts to Russia.")
    assert not {t for t in triples(art) if t[1] == "SANCTIONS"} & {
        ("country:GBR", "SANCTIONS", "country:CHN"),
        ("country:GBR", "SANCTIONS", "country:TUR"),
    }


def test_his_country_is_not_the_person(gazetteer: Gazetteer) -> None:
    art = run(
        gazetteer,
        "Venezuelan President Nicolas Maduro said his country would withstand sanctions imposed by the United States.",
    )
    assert not any(t[1] == "SANCTIONS" and t[2].startswith("person:") for t in triples(art))


# --- membership and alliances ------------------------------------------------------------------
def test_members_listed_under_a_quantifier(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The SCO met in Astana. Three of its members, including India and Pakistan, sent ministers.")
    assert {("country:IND", "MEMBER_OF", "alliance:sco"), ("country:PAK", "MEMBER_OF", "alliance:sco")} <= triples(art)


def test_members_of_the_one_bloc_in_the_sentence(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "At the ASEAN summit, the founding members, Thailand and Malaysia, pressed for a deal.")
    assert {("country:THA", "MEMBER_OF", "alliance:asean"), ("country:MYS", "MEMBER_OF", "alliance:asean")} <= triples(
        art
    )


def test_signed_a_declaration_on_allied_relations(gazetteer: Gazetteer) -> None:
    art = run(
        gazetteer, "Uzbekistan, which signed a declaration on allied relations with Kazakhstan, hosted the talks."
    )
    assert ("country:KAZ", "ALLIED_WITH", "country:UZB") in triples(art) or (
        "country:UZB",
        "ALLIED_WITH",
        "country:KAZ",
    ) in triples(art)


def test_coordinated_demonym_troops_exercise_together(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Chinese and Pakistani troops held the Warrior joint exercise near Lahore.")
    assert of_type(art, "JOINT_EXERCISE_WITH") & {
        ("country:CHN", "JOINT_EXERCISE_WITH", "country:PAK"),
        ("country:PAK", "JOINT_EXERCISE_WITH", "country:CHN"),
    }


# --- refugees --------------------------------------------------------------------------------
def test_flee_from_to_with_nested_destination(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The fighting forced 30,000 ethnic Tajiks to flee from Afghanistan to Tajikistan.")
    assert ("country:AFG", "REFUGEES_FLEE_TO", "country:TJK") in triples(art)


def test_part_of_them_crossed_into(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Some 800,000 people have fled Sudan, and 500,000 of them have crossed into Chad.")
    assert ("country:SDN", "REFUGEES_FLEE_TO", "country:TCD") in triples(art)


def test_tanks_crossing_a_border_are_no_refugees(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Russian tanks crossed into Georgia in August.")
    assert of_type(art, "REFUGEES_FLEE_TO") == set()


def test_fled_across_the_border_into(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Thousands of villagers fled from Myanmar across the river into Bangladesh.")
    assert ("country:MMR", "REFUGEES_FLEE_TO", "country:BGD") in triples(art)


# --- added: ongoing fighting, hyphenated backers, asset freezes, absolute "with X in control" ---
def test_ongoing_fighting_goes_both_ways(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Nigeria has been fighting Boko Haram in the north-east for years.")
    assert {
        ("country:NGA", "ATTACKED", "group:boko-haram"),
        ("group:boko-haram", "ATTACKED", "country:NGA"),
    } <= triples(art)


def test_single_fight_stays_one_way(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Wagner fought Ukraine near Soledar.")
    assert of_type(art, "ATTACKED") == {("group:wagner", "ATTACKED", "country:UKR")}


def test_demonym_backed_named_group(gazetteer: Gazetteer) -> None:
    # "X-backed" states an affiliation (ALLIED_WITH), not what the backing consists of.
    art = run(gazetteer, "The Ugandan-backed M23 rebels advanced on the town.")
    assert ("country:UGA", "ALLIED_WITH", "group:m23") in triples(art)
    assert ("country:UGA", "MILITARY_SUPPORT_TO", "group:m23") not in triples(art)


def test_backed_militias_in_a_country_do_not_back_the_country(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Iran-backed militias in Syria shelled the outpost.")
    assert ("country:IRN", "MILITARY_SUPPORT_TO", "country:SYR") not in triples(art)


def test_led_mission_deployed_to_a_country(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "A Rwandan-led regional force deployed to Mozambique in July.")
    assert ("country:RWA", "MILITARY_SUPPORT_TO", "country:MOZ") in triples(art)


def test_freezing_the_assets_of_an_actor(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Australia froze the assets of Iran's Revolutionary Guards and blocked Russian reserves.")
    assert ("country:AUS", "SANCTIONS", "country:RUS") in triples(art)
    art = run(gazetteer, "Georgia froze its talks with the EU.")
    assert of_type(art, "SANCTIONS") == set()


def test_absolute_with_actor_in_control(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The talks collapsed with the Taliban in control of most of Panjshir.")
    assert ("group:taliban", "CONTROLS", "region:panjshir") in triples(art)


def test_drill_named_like_a_company_still_pairs_its_troops(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Greek and Egyptian troops held the Sentinel joint exercise near Alexandria.")
    assert of_type(art, "JOINT_EXERCISE_WITH") & {
        ("country:GRC", "JOINT_EXERCISE_WITH", "country:EGY"),
        ("country:EGY", "JOINT_EXERCISE_WITH", "country:GRC"),
    }


def test_held_airfields_in_listed_towns_are_the_holders(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Ukrainian drones hit Russian-held airfields in Kherson and Melitopol.")
    assert not any(t[1] == "ATTACKED" and t[2].startswith("region:") for t in triples(art))


# --- added: passives with weapons, "under fire", accession, deployments, refuge, bases ------------
def test_passive_hit_by_a_groups_rockets(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Syrian army positions were hit by Hezbollah rockets overnight.")
    assert ("group:hezbollah", "ATTACKED", "country:SYR") in triples(art)


def test_came_under_fire_from(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Lebanese soldiers came under fire from Israel near the border.")
    assert ("country:ISR", "ATTACKED", "country:LBN") in triples(art)


def test_completed_accession_is_membership(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Since Montenegro's accession to NATO in 2017, its navy has grown.")
    assert ("country:MNE", "MEMBER_OF", "alliance:nato") in triples(art)


def test_pending_accession_is_not_membership(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Georgia's accession to the EU is still years away.")
    assert of_type(art, "MEMBER_OF") == set()


def test_deployment_of_demonym_troops_to(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The deployment of Chadian troops to Niger was announced on Monday.")
    assert ("country:TCD", "MILITARY_SUPPORT_TO", "country:NER") in triples(art)


def test_sought_refuge_in(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Tens of thousands of people from Myanmar have sought refuge in Thailand.")
    assert ("country:MMR", "REFUGEES_FLEE_TO", "country:THA") in triples(art)


def test_country_based_foreign_troops(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The Kuwait-based American troops were put on alert.")
    assert ("country:KWT", "HOSTS_BASE_OF", "country:USA") in triples(art)


def test_troops_stationed_in(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "British troops stationed in Cyprus were put on alert.")
    assert ("country:CYP", "HOSTS_BASE_OF", "country:GBR") in triples(art)


# --- added: definite descriptions --------------------------------------------------------------
def test_the_coalition_refers_back(gazetteer: Gazetteer) -> None:
    art = run(
        gazetteer, "The Saudi-led coalition entered the war in 2015. In 2019 the coalition bombed Houthi positions."
    )
    assert ("alliance:saudi-led-coalition", "ATTACKED", "group:houthis") in triples(art)


def test_plural_group_description_refers_back(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Boko Haram raided a village. Weeks later the insurgents attacked Cameroon.")
    assert ("group:boko-haram", "ATTACKED", "country:CMR") in triples(art)


def test_description_named_on_the_spot(gazetteer: Gazetteer) -> None:
    art = run(
        gazetteer,
        "The African Union met on Friday. The mission, known as MONUSCO, deployed peacekeepers in Congo "
        "to protect the population.",
    )
    assert ("org:monusco", "MILITARY_SUPPORT_TO", "country:COD") in triples(art)
    assert ("alliance:au", "MILITARY_SUPPORT_TO", "country:COD") not in triples(art)


# --- added: an object description does not refer to its own clause's subject -------------------
def test_object_description_is_not_its_own_subject(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Armenia and Azerbaijan clashed in 2020. In 2023 Azerbaijan attacked the country again.")
    assert ("country:AZE", "ATTACKED", "country:ARM") in triples(art)


def test_subject_description_still_continues_the_subject(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Estonia bought howitzers in May. The country also held drills with Finland in June.")
    assert ("country:EST", "JOINT_EXERCISE_WITH", "country:FIN") in triples(art) or (
        "country:FIN",
        "JOINT_EXERCISE_WITH",
        "country:EST",
    ) in triples(art)


def test_a_units_own_name_is_not_a_hosted_state(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Oman hosts the British Navy's Gulf squadron.")
    hosted = {t[2] for t in triples(art) if t[1] == "HOSTS_BASE_OF"}
    assert hosted <= {"org:gbr-navy", "country:GBR"}  # the navy (a state body), never "Gulf squadron"


def test_negated_hosting_verbs_are_denials(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Chad never allowed French troops to remain. Italy does not keep soldiers in Niger.")
    assert of_type(art, "HOSTS_BASE_OF") == set()
    assert {
        ("country:TCD", "HOSTS_BASE_OF", "country:FRA"),
        ("country:NER", "HOSTS_BASE_OF", "country:ITA"),
    } <= triples(art, negated=True)


def test_hedged_asset_freeze_is_dropped(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Officials said Kenya might freeze the assets of al-Shabab.")
    assert of_type(art, "SANCTIONS") == set()


def test_possessive_ally_followed_by_its_name(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "China's ally Pakistan received the frigates.")
    assert ("country:CHN", "ALLIED_WITH", "country:PAK") in triples(art) or (
        "country:PAK",
        "ALLIED_WITH",
        "country:CHN",
    ) in triples(art)


def test_aligned_with_read_as_passive(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Hezbollah is closely aligned with Iran.")
    assert ("group:hezbollah", "ALLIED_WITH", "country:IRN") in triples(art)


def test_troops_trained_alongside(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Mongolian troops trained alongside Japanese soldiers near Ulaanbaatar.")
    assert of_type(art, "JOINT_EXERCISE_WITH") & {
        ("country:MNG", "JOINT_EXERCISE_WITH", "country:JPN"),
        ("country:JPN", "JOINT_EXERCISE_WITH", "country:MNG"),
    }


# --- names inside longer names -------------------------------------------------------------
def test_capital_inside_a_longer_place_name_is_not_the_capital(gazetteer: Gazetteer) -> None:
    for text in (
        "Gunmen attacked a market in Mocimboa da Praia on Sunday.",
        "The ferry from Porto da Praia was delayed by a storm.",
    ):
        assert "country:CPV" not in {e.id for e in run(gazetteer, text).entities}, text
    assert "country:CPV" in {e.id for e in run(gazetteer, "The minister flew to Praia on Sunday.").entities}


def test_titles_before_a_name_do_not_hide_it(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "President Putin met Foreign Minister Lavrov in Moscow.")
    assert {"person:vladimir-putin", "person:sergei-lavrov", "country:RUS"} <= {e.id for e in art.entities}


# --- backing, fighting for, training -------------------------------------------------------
def test_backed_by_in_passive_relative_and_participle(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The Houthis are backed by Iran.")
    assert ("country:IRN", "MILITARY_SUPPORT_TO", "group:houthis") in triples(art)
    art = run(gazetteer, "Hezbollah, which is backed by Iran, fired rockets into northern Israel.")
    assert ("country:IRN", "MILITARY_SUPPORT_TO", "group:hezbollah") in triples(art)
    art = run(gazetteer, "The Syrian National Army, a coalition of factions backed by Turkey, seized Manbij.")
    assert ("country:TUR", "MILITARY_SUPPORT_TO", "group:sna") in triples(art)
    art = run(gazetteer, "Iran backs Hamas and Hezbollah.")
    assert of_type(art, "MILITARY_SUPPORT_TO") == {
        ("country:IRN", "MILITARY_SUPPORT_TO", "group:hamas"),
        ("country:IRN", "MILITARY_SUPPORT_TO", "group:hezbollah"),
    }


def test_backing_a_state_or_a_text_is_not_military(gazetteer: Gazetteer) -> None:
    assert not of_type(run(gazetteer, "The resolution was backed by France."), "MILITARY_SUPPORT_TO")
    assert not of_type(run(gazetteer, "France is Ukraine's main political backer."), "MILITARY_SUPPORT_TO")


def test_military_backer_as_predicate_and_apposition(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Since 2015 Moscow has been Assad's main military backer.")
    assert ("country:RUS", "MILITARY_SUPPORT_TO", "person:bashar-al-assad") in triples(art)
    # The main clause's denial is not the apposition's: Iran still backs the Houthis.
    art = run(gazetteer, "Iran, the Houthis' chief backer, denied the report.")
    assert ("country:IRN", "MILITARY_SUPPORT_TO", "group:houthis") in triples(art)


def test_fought_for_in_a_relative_clause_on_an_apposition(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Hezbollah, the Lebanese militia that fought for Assad for a decade, was weakened.")
    assert of_type(art, "MILITARY_SUPPORT_TO") == {("group:hezbollah", "MILITARY_SUPPORT_TO", "person:bashar-al-assad")}
    art = run(gazetteer, "Wagner, the mercenary group that fought for Khalifa Haftar, left Libya.")
    assert ("group:wagner", "MILITARY_SUPPORT_TO", "person:khalifa-haftar") in triples(art)


def test_training_a_states_forces(gazetteer: Gazetteer) -> None:
    for text, pair in (
        ("The European Union trained Mozambican units through a training mission.", ("alliance:eu", "country:MOZ")),
        ("Turkey trains Somali soldiers at a base in Mogadishu.", ("country:TUR", "country:SOM")),
        ("Britain has trained Ukrainian troops since 2015.", ("country:GBR", "country:UKR")),
    ):
        assert (pair[0], "MILITARY_SUPPORT_TO", pair[1]) in triples(run(gazetteer, text)), text


def test_a_blocs_military_mission_in_a_country(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The Southern African Development Community wound up its military mission in Mozambique.")
    assert ("alliance:sadc", "MILITARY_SUPPORT_TO", "country:MOZ") in triples(art)
    art = run(gazetteer, "France's military mission in Niger ended in December.")
    assert ("country:FRA", "MILITARY_SUPPORT_TO", "country:NER") in triples(art)


# --- attacks on sites, operations against ---------------------------------------------------
def test_attacks_on_a_states_bases_and_facilities(gazetteer: Gazetteer) -> None:
    for text, pair in (
        ("Israel has carried out hundreds of strikes on Syrian army bases and weapons depots.", ("ISR", "SYR")),
        ("Ukraine's drone attacks on Russian air bases continued.", ("UKR", "RUS")),
        ("Iran launched an attack on Israeli military facilities.", ("IRN", "ISR")),
    ):
        assert (f"country:{pair[0]}", "ATTACKED", f"country:{pair[1]}") in triples(run(gazetteer, text)), text


def test_operations_and_raids_against_a_group(gazetteer: Gazetteer) -> None:
    for text, pair in (
        (
            "Israel has been conducting ground operations in southern Lebanon against Hezbollah.",
            ("country:ISR", "group:hezbollah"),
        ),
        ("Turkey launched military operations against the PKK in northern Iraq.", ("country:TUR", "group:pkk")),
        ("Kenya carried out raids in Somalia against al-Shabab.", ("country:KEN", "group:al-shabaab")),
    ):
        art = run(gazetteer, text)
        assert (pair[0], "ATTACKED", pair[1]) in triples(art), text
    # A place named on the way is not the target.
    assert ("country:TUR", "ATTACKED", "country:IRQ") not in triples(art)


def test_areas_held_by_someone_else_are_not_the_place_attacked(gazetteer: Gazetteer) -> None:
    for text in (
        "Russian jets struck rebel-held areas of Idlib and Aleppo.",
        "Syrian jets bombed rebel-held districts of Aleppo.",
    ):
        assert not {t for t in of_type(run(gazetteer, text), "ATTACKED") if t[2].startswith("region:")}, text


# --- examples of a plural, campaigns that take places, strongholds -------------------------
def test_sanctions_on_companies_including_named_ones(gazetteer: Gazetteer) -> None:
    art = run(
        gazetteer, "Beijing has imposed sanctions on U.S. defence companies, including Lockheed Martin and Raytheon."
    )
    assert of_type(art, "SANCTIONS") == {
        ("country:CHN", "SANCTIONS", "company:lockheed-martin"),
        ("country:CHN", "SANCTIONS", "company:rtx"),
    }
    art = run(gazetteer, "The EU imposed sanctions on Russian banks such as Sberbank and VTB.")
    assert of_type(art, "SANCTIONS") == {
        ("alliance:eu", "SANCTIONS", "org:sberbank"),
        ("alliance:eu", "SANCTIONS", "org:vtb"),
    }


def test_an_offensive_that_takes_a_town(gazetteer: Gazetteer) -> None:
    art = run(
        gazetteer, "The offensive that Hayat Tahrir al-Sham launched on November 27 took Aleppo within three days."
    )
    assert ("group:hts", "CONTROLS", "region:aleppo") in triples(art)
    art = run(gazetteer, "The M23's offensive took Goma in January.")
    assert ("group:m23", "CONTROLS", "region:goma") in triples(art)


def test_a_stronghold_is_held(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Hayat Tahrir al-Sham advanced from its stronghold in Idlib.")
    assert ("group:hts", "CONTROLS", "region:idlib") in triples(art)
    art = run(gazetteer, "Al-Shabab withdrew to its stronghold in Jilib.")
    assert ("group:al-shabaab", "CONTROLS", "region:jilib") in triples(art)


def test_exercise_between_the_armed_forces_of_a_state_and_another(gazetteer: Gazetteer) -> None:
    art = run(
        gazetteer,
        "The annual exercise between the Armed Forces of the Philippines and United States forces opens on Monday.",
    )
    # "the Armed Forces of A and B" (as parsed here) are both states' forces, not one body.
    assert {frozenset((s, t)) for s, _, t in of_type(art, "JOINT_EXERCISE_WITH")} == {
        frozenset(("country:PHL", "country:USA"))
    }
    assert all(r.modality == "asserted" for r in art.relations)  # "opens" is no offer
    art = run(gazetteer, "Troops of the Armed Forces of the Philippines trained with Japanese forces.")
    assert ("org:phl-armed-forces", "JOINT_EXERCISE_WITH", "country:JPN") in triples(art)


def test_taking_a_place_from_someone_is_fighting_them(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Ukrainian forces retook Kherson from Russia in November.")
    assert {("country:UKR", "ATTACKED", "country:RUS"), ("country:UKR", "CONTROLS", "region:kherson")} <= triples(art)
    art = run(gazetteer, "M23 rebels captured Goma from the Congolese army.")
    assert ("group:m23", "ATTACKED", "org:cod-armed-forces") in triples(art)  # the army, a body of Congo
    # Refugees "from" a place are no conquest.
    art = run(gazetteer, "Rwanda received Goma refugees from Congo.")
    assert not of_type(art, "ATTACKED")


def test_firing_at_a_states_boat_or_patrol(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Chinese Coast Guard vessels fired water cannon at a Philippine supply boat near the shoal.")
    assert ("org:china-coast-guard", "ATTACKED", "country:PHL") in triples(art)
    art = run(gazetteer, "Chinese vessels fired water cannon at a Philippine supply boat.")
    assert ("country:CHN", "ATTACKED", "country:PHL") in triples(art)
    art = run(gazetteer, "The Houthis fired missiles at an American patrol near the port.")
    assert ("group:houthis", "ATTACKED", "country:USA") in triples(art)


# --- hyphenated holders, stationing, offices ------------------------------------------------
def test_a_hyphenated_holder_controls_the_place(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Aid trucks entered Hamas-run Gaza on Sunday.")
    assert of_type(art, "CONTROLS") == {("group:hamas", "CONTROLS", "region:gaza-strip")}
    # The noun phrase takes the control for granted: the clause's negation is not its own.
    art = run(gazetteer, "Women in Taliban-controlled Afghanistan cannot attend university.")
    assert ("group:taliban", "CONTROLS", "country:AFG") in triples(art)
    assert triples(art, negated=True) == set()
    art = run(gazetteer, "The Taliban delegation held talks in Doha.")
    assert of_type(art, "CONTROLS") == set()


def test_the_state_that_stations_forces_is_the_guest(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Germany will permanently station a brigade in Lithuania.")
    assert of_type(art, "HOSTS_BASE_OF") == {("country:LTU", "HOSTS_BASE_OF", "country:DEU")}
    art = run(gazetteer, "Poland hosts thousands of American troops.")
    assert of_type(art, "HOSTS_BASE_OF") == {("country:POL", "HOSTS_BASE_OF", "country:USA")}


def test_a_government_office_sells_and_sanctions_for_its_state(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The U.S. State Department approved the possible sale of Patriot missiles to Saudi Arabia.")
    assert of_type(art, "SUPPLIES_ARMS_TO") == {("country:USA", "SUPPLIES_ARMS_TO", "country:SAU")}
    art = run(gazetteer, "The Office of Foreign Assets Control sanctioned two Iranian entities, Washington said.")
    assert ("country:USA", "SANCTIONS", "country:IRN") in triples(art)
    # Only offices: an armed force that sanctions nobody keeps its own name in what it does.
    art = run(gazetteer, "The Israel Defense Forces struck Hezbollah positions, Israel said.")
    assert ("org:idf", "ATTACKED", "group:hezbollah") in triples(art)


def test_a_description_followed_by_the_name_it_describes(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The Iranian-backed militia Kataib Hezbollah claimed the attack.")
    assert ("country:IRN", "ALLIED_WITH", "group:kataib-hezbollah") in triples(art)


def test_strikes_named_by_their_state_and_what_they_hit(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "A Russian missile strike hit Kyiv on Monday.")
    assert of_type(art, "ATTACKED") == {("country:RUS", "ATTACKED", "country:UKR")}
    art = run(gazetteer, "Ukrainian drones attacked an oil refinery in Russia.")
    assert of_type(art, "ATTACKED") == {("country:UKR", "ATTACKED", "country:RUS")}
    art = run(gazetteer, "Israeli airstrikes killed 20 people in Gaza.")
    assert of_type(art, "ATTACKED") == {("country:ISR", "ATTACKED", "region:gaza-strip")}
    art = run(gazetteer, "The United States condemned Russian strikes on Ukraine's energy grid.")
    assert of_type(art, "ATTACKED") == {("country:RUS", "ATTACKED", "country:UKR")}


def test_an_unnamed_object_without_a_place_or_a_site_name_is_no_target(gazetteer: Gazetteer) -> None:
    assert of_type(run(gazetteer, "Police killed two suspects in Paris."), "ATTACKED") == set()
    assert of_type(run(gazetteer, "The strike hit a hospital."), "ATTACKED") == set()
    art = run(gazetteer, "American bombers struck the Fordow and Natanz nuclear facilities.")
    assert {t for _, _, t in of_type(art, "ATTACKED")} <= {"country:IRN"}


def test_a_package_or_round_of_sanctions(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The EU adopted its 14th sanctions package against Russia.")
    assert of_type(art, "SANCTIONS") == {("alliance:eu", "SANCTIONS", "country:RUS")}
    art = run(gazetteer, "Brussels agreed a new round of sanctions against Belarus.")
    assert of_type(art, "SANCTIONS") == {("alliance:eu", "SANCTIONS", "country:BLR")}


def test_the_state_that_leads_a_mission_supports_its_host(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Kenya will lead a multinational security mission to Haiti.")
    assert of_type(art, "MILITARY_SUPPORT_TO") == {("country:KEN", "MILITARY_SUPPORT_TO", "country:HTI")}
    art = run(gazetteer, "Kenya leads the peace talks in Sudan.")
    assert of_type(art, "MILITARY_SUPPORT_TO") == set()


def test_a_bid_to_join_belongs_to_its_owner_not_to_whoever_blocks_it(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Hungary blocked Sweden's bid to join NATO.")
    assert not any(s == "country:HUN" for s, t, _ in triples(art) | triples(art, negated=True) if t == "MEMBER_OF")
    assert ("country:SWE", "MEMBER_OF", "alliance:nato") in triples(art, negated=True)


# --- shared lexicon and list reading -----------------------------------------------------------
def test_a_vow_to_retaliate_is_a_threat(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Iran vowed to retaliate against Israel.")
    assert triples(art) == {("country:IRN", "THREATENS", "country:ISR")}


def test_a_reported_source_is_not_another_list_item(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "China exported armed drones to Saudi Arabia and the UAE, SIPRI said.")
    assert {t for _, r, t in triples(art) if r == "SUPPLIES_ARMS_TO"} == {"country:SAU", "country:ARE"}


def test_hopes_to_join_is_a_plan(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Georgia hopes to join the European Union.")
    (rel,) = [r for r in art.relations if r.type == "MEMBER_OF"]
    assert (rel.source, rel.target, rel.modality) == ("country:GEO", "alliance:eu", "planned")


def test_a_maker_and_a_junta_stand_for_what_they_name(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "German arms maker Rheinmetall will supply shells to Ukraine.")
    assert ("company:rheinmetall", "SUPPLIES_ARMS_TO", "country:UKR") in triples(art)
    art = run(gazetteer, "Myanmar's junta launched airstrikes on Rakhine.")
    assert ("country:MMR", "ATTACKED", "region:rakhine") in triples(art)


def test_a_state_body_belongs_to_its_state_wherever_it_is(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The Arakan Army launched an offensive against the Myanmar military in Rakhine state.")
    assert of_type(art, "ATTACKED") == {("group:arakan-army", "ATTACKED", "org:mmr-armed-forces")}
    assert ("org:mmr-armed-forces", "PART_OF", "country:MMR") in triples(art)
    art = run(gazetteer, "Russia's army in Ukraine shelled Kharkiv.")
    assert of_type(art, "ATTACKED") == {("org:rus-armed-forces", "ATTACKED", "region:kharkiv")}
    assert ("org:rus-armed-forces", "PART_OF", "country:RUS") in triples(art)


def test_the_country_named_again_as_a_place_is_the_last_place(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Djibouti hosts several foreign bases. Japan opened its first overseas base in Djibouti "
                         "in 2011. Italy also has a base in the country.")
    assert of_type(art, "HOSTS_BASE_OF") == {("country:DJI", "HOSTS_BASE_OF", "country:JPN"),
                                             ("country:DJI", "HOSTS_BASE_OF", "country:ITA")}
    # "the country" in the object's own phrase is never its clause's subject
    art = run(gazetteer, "Italy has a base in the country.")
    assert of_type(art, "HOSTS_BASE_OF") == set()


def test_a_title_or_an_office_stands_for_its_state_even_unnamed(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "It also follows President Joe Biden's visit to Jeddah last month.")
    assert ("person:joe-biden", "LEADS", "country:USA") in triples(art)
    usa = next(e for e in art.entities if e.id == "country:USA")
    assert usa.mentions == 0, "listed so the relation has both ends, but not mentioned"
    art = run(gazetteer, "The State Department approved the possible sale of Patriot missiles to Saudi Arabia.")
    assert of_type(art, "SUPPLIES_ARMS_TO") == {("country:USA", "SUPPLIES_ARMS_TO", "country:SAU")}
    # A bare mention states nothing about whose it is.
    art = run(gazetteer, "Rosoboronexport signed the contract on Monday.")
    assert triples(art) == set() and all(e.id != "country:RUS" for e in art.entities)


def test_the_two_countries_are_the_last_two_named_together(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Turkey and Azerbaijan signed a defence pact in 2021. "
                         "The two governments hold regular joint exercises.")
    assert of_type(art, "JOINT_EXERCISE_WITH") in ({("country:AZE", "JOINT_EXERCISE_WITH", "country:TUR")},
                                                   {("country:TUR", "JOINT_EXERCISE_WITH", "country:AZE")})
    art = run(gazetteer, "Egypt bought jets from France. Both countries also held joint exercises.")
    assert len(of_type(art, "JOINT_EXERCISE_WITH")) == 1
    # Three candidates: which two is not guessed.
    art = run(gazetteer, "India, Pakistan and China met. The two countries held joint drills.")
    assert of_type(art, "JOINT_EXERCISE_WITH") == set()
