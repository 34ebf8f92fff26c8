"""More hostile-act and territory constructions, on wire-style sentences written for these tests.

One test per construction: volleys and "opened fire", attacks on unnamed sites in a named place,
claimed attacks, "under fire", sanctions aimed at what an actor owns, "under sanctions", sanctioned
participles, threats with an infinitive or "poses a threat", hyphenated rulers of a "city of X", and
compass parts of a place.
"""

from __future__ import annotations

import pytest

from loader.gazetteer import Gazetteer
from loader.models import ExtractedArticle
from tests.extraction_support import run, triples


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def of_type(article: ExtractedArticle, rtype: str) -> set[tuple[str, str, str]]:
    return {t for t in triples(article) if t[1] == rtype}


# --- attacks -------------------------------------------------------------------------------
def test_volley_carries_the_target(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Russian forces launched a massive missile barrage on Kyiv overnight, officials said.")
    assert of_type(art, "ATTACKED") == {("country:RUS", "ATTACKED", "country:UKR")}
    art = run(gazetteer, "Russia fired a salvo of cruise missiles at Ukraine's power grid on Friday.")
    assert of_type(art, "ATTACKED") == {("country:RUS", "ATTACKED", "country:UKR")}


def test_volley_of_something_else_is_no_attack(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Lawmakers launched a barrage of criticism at the European Commission on Tuesday.")
    assert of_type(art, "ATTACKED") == set()
    art = run(gazetteer, "Boeing launched a wave of layoffs at its plants in the United States.")
    assert of_type(art, "ATTACKED") == set()


def test_opened_fire_on_a_site_or_its_place(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Hezbollah fighters opened fire on an Israeli army patrol near the border.")
    assert of_type(art, "ATTACKED") == {("group:hezbollah", "ATTACKED", "country:ISR")}
    art = run(gazetteer, "Taliban fighters opened fire on worshippers at a mosque in Pakistan.")
    assert of_type(art, "ATTACKED") == {("group:taliban", "ATTACKED", "country:PAK")}


def test_figurative_or_domestic_fire_is_no_attack(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Critics opened fire on NATO's spending targets.")
    assert of_type(art, "ATTACKED") == set()
    art = run(gazetteer, "Police opened fire on protesters in Tehran, witnesses said.")
    assert of_type(art, "ATTACKED") == set()


def test_claimed_attack_on_a_site_in_a_place(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The TTP claimed responsibility for the attack on a police station in Khyber Pakhtunkhwa.")
    assert of_type(art, "ATTACKED") == {("group:ttp", "ATTACKED", "region:khyber-pakhtunkhwa")}
    art = run(gazetteer, "Al-Shabaab claimed responsibility for a suicide bombing at a hotel in Mogadishu.")
    assert of_type(art, "ATTACKED") == {("group:al-shabaab", "ATTACKED", "country:SOM")}
    art = run(gazetteer, "The Houthis claimed responsibility for the attack.")
    assert of_type(art, "ATTACKED") == set()


def test_attack_as_the_setting_of_a_killing(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Boko Haram militants killed 37 people in a raid on a village in northeastern Nigeria.")
    assert of_type(art, "ATTACKED") == {("group:boko-haram", "ATTACKED", "country:NGA")}
    art = run(gazetteer, "Militants killed 12 soldiers in an attack on an army post in Burkina Faso.")
    assert of_type(art, "ATTACKED") == set()


def test_places_of_worship_are_struck_sites(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "ADF rebels attacked a church in eastern Congo on Sunday, killing 43 people.")
    assert of_type(art, "ATTACKED") == {("group:adf", "ATTACKED", "country:COD")}
    art = run(gazetteer, "ADF rebels attacked a church on Sunday.")
    assert of_type(art, "ATTACKED") == set()


def test_owner_of_a_market_is_an_economy(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Al-Shabaab attacked a crowded market in Mogadishu on Saturday.")
    assert of_type(art, "ATTACKED") == {("group:al-shabaab", "ATTACKED", "country:SOM")}
    art = run(gazetteer, "Apple hit the Chinese market with cheaper phones.")
    assert of_type(art, "ATTACKED") == set()


def test_place_of_a_war_only_without_a_direct_target(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Israel's war against Hamas in Gaza has killed tens of thousands of Palestinians.")
    assert of_type(art, "ATTACKED") == {("country:ISR", "ATTACKED", "group:hamas")}
    art = run(gazetteer, "Russia's war in Ukraine has entered its fourth year.")
    assert ("country:RUS", "ATTACKED", "country:UKR") in triples(art)


def test_under_fire_named_by_a_demonym(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The Houthi-held port city of Hodeidah came under Israeli fire.")
    assert of_type(art, "ATTACKED") == {("country:ISR", "ATTACKED", "group:houthis")}
    art = run(gazetteer, "Israel came under American fire over its settlements.")
    assert of_type(art, "ATTACKED") == set()


# --- sanctions -----------------------------------------------------------------------------
def test_sanctions_that_target_are_no_attack(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Canada announced new sanctions targeting Iran's Revolutionary Guards.")
    assert of_type(art, "ATTACKED") == set()
    assert ("country:CAN", "SANCTIONS", "org:irgc") in triples(art)
    art = run(gazetteer, "The EU targeted Belarusian potash exports with sanctions.")
    assert of_type(art, "ATTACKED") == set()
    assert of_type(art, "SANCTIONS") == {("alliance:eu", "SANCTIONS", "country:BLR")}


def test_targeted_with_something_else_is_nothing(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Samsung targeted the Indian market with new phones.")
    assert of_type(art, "SANCTIONS") | of_type(art, "ATTACKED") == set()


def test_sanctions_on_what_an_actor_owns(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The United States imposed sanctions on Iran's oil sector on Thursday.")
    assert of_type(art, "SANCTIONS") == {("country:USA", "SANCTIONS", "country:IRN")}
    art = run(gazetteer, "Washington sanctioned Iranian drone makers on Tuesday.")
    assert of_type(art, "SANCTIONS") == {("country:USA", "SANCTIONS", "country:IRN")}
    art = run(gazetteer, "Sanctions on Russian oil have cut Moscow's revenue.")
    assert of_type(art, "SANCTIONS") == set()


def test_under_sanctions(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Iran has been under U.S. sanctions since the 1979 revolution.")
    assert of_type(art, "SANCTIONS") == {("country:USA", "SANCTIONS", "country:IRN")}
    art = run(gazetteer, "Syria has been under EU sanctions since 2011.")
    assert of_type(art, "SANCTIONS") == {("alliance:eu", "SANCTIONS", "country:SYR")}
    art = run(gazetteer, "North Korea is not under U.S. sanctions, the official claimed.")
    assert of_type(art, "SANCTIONS") == set()


def test_sanctioned_participle_names_the_main_subject(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Sanctioned by Washington in 2019, Venezuela's state oil company has struggled to export.")
    assert of_type(art, "SANCTIONS") == {("country:USA", "SANCTIONS", "country:VEN")}
    art = run(gazetteer, "Sanctioned by Washington in 2019, the company has struggled to export.")
    assert of_type(art, "SANCTIONS") == set()


# --- threats -------------------------------------------------------------------------------
def test_threat_to_attack(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Pyongyang's threat to attack Seoul drew condemnation from Washington.")
    assert of_type(art, "THREATENS") == {("country:PRK", "THREATENS", "country:KOR")}
    art = run(gazetteer, "Iran's threat to close the Strait of Hormuz sent oil prices higher.")
    assert of_type(art, "THREATENS") == set()


def test_owner_of_what_poses_a_threat(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Iran's nuclear programme poses a serious threat to Israel, Netanyahu said.")
    assert of_type(art, "THREATENS") == {("country:IRN", "THREATENS", "country:ISR")}
    art = run(gazetteer, "The new policy poses a threat to Nigeria's economy, analysts said.")
    assert of_type(art, "THREATENS") == set()


# --- control -------------------------------------------------------------------------------
def test_hyphenated_ruler_and_city_of_a_place(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Taliban-ruled Afghanistan has banned girls from secondary schools.")
    assert of_type(art, "CONTROLS") == {("group:taliban", "CONTROLS", "country:AFG")}
    art = run(gazetteer, "The Russian-occupied city of Mariupol was largely destroyed.")
    assert of_type(art, "CONTROLS") == {("country:RUS", "CONTROLS", "region:mariupol")}
    art = run(gazetteer, "The Taliban-ruled country has barred women from universities.")
    assert of_type(art, "CONTROLS") == set()


def test_compass_part_of_a_place(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "JNIM holds much of the north of Mali.")
    assert of_type(art, "CONTROLS") == {("group:jnim", "CONTROLS", "country:MLI")}
    art = run(gazetteer, "Houthi rebels now control Yemen's north.")
    assert of_type(art, "CONTROLS") == {("group:houthis", "CONTROLS", "country:YEM")}
    art = run(gazetteer, "Russia now occupies about a fifth of Ukraine's territory.")
    assert of_type(art, "CONTROLS") == set()


# --- fighting in news wording ------------------------------------------------------------------
def test_clashes_between_two_sides(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Clashes between Hamas and Fatah left twelve people dead in the camp.")
    assert of_type(art, "ATTACKED") == {
        ("group:hamas", "ATTACKED", "org:fatah"),
        ("org:fatah", "ATTACKED", "group:hamas"),
    }
    art = run(gazetteer, "Houthi fighters clashed with Saudi troops near the border on Monday.")
    assert of_type(art, "ATTACKED") == {
        ("group:houthis", "ATTACKED", "country:SAU"),
        ("country:SAU", "ATTACKED", "group:houthis"),
    }


def test_fighting_verbs_and_nouns_of_news(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Al-Shabaab fighters battled Kenyan troops for hours near the border.")
    assert ("group:al-shabaab", "ATTACKED", "country:KEN") in of_type(art, "ATTACKED")
    art = run(gazetteer, "Lithuania protested against the Belarusian aggression against Ukraine.")
    assert of_type(art, "ATTACKED") == {("country:BLR", "ATTACKED", "country:UKR")}


def test_advance_into_a_country(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Armenian units advanced into Azerbaijani territory overnight.")
    assert of_type(art, "ATTACKED") == {("country:ARM", "ATTACKED", "country:AZE")}
    art = run(gazetteer, "Prices advanced on Monday in Germany.")
    assert of_type(art, "ATTACKED") == set()


def test_strikes_inside_a_country(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Iran said it carried out missile strikes inside Iraq on Tuesday.")
    assert of_type(art, "ATTACKED") == {("country:IRN", "ATTACKED", "country:IRQ")}


def test_strike_that_killed_a_group_leader(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "A U.S. drone strike in Baghdad killed a senior commander of Kataib Hezbollah.")
    assert ("country:USA", "ATTACKED", "group:kataib-hezbollah") in of_type(art, "ATTACKED")
    assert ("country:USA", "ATTACKED", "country:IRQ") not in of_type(art, "ATTACKED")


def test_forces_defeated(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Drones helped Ukraine defeat Russian forces near Kharkiv.")
    assert of_type(art, "ATTACKED") == {("country:UKR", "ATTACKED", "country:RUS")}
    art = run(gazetteer, "Brazil defeated Argentina in the final.")
    assert of_type(art, "ATTACKED") == set()


def test_aircraft_shot_down_by_an_operator(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "A fighter jet operated by the Turkish Air Force shot down a Russian bomber in 2015.")
    assert of_type(art, "ATTACKED") == {("org:tur-air-force", "ATTACKED", "country:RUS")}


def test_resisting_a_named_invasion(gazetteer: Gazetteer) -> None:
    # a named attack inside another clause is taken for granted, whatever that clause's mood
    art = run(gazetteer, "Hungary refused to send shells for Ukraine's defence against Russia's invasion.")
    assert of_type(art, "ATTACKED") == {("country:RUS", "ATTACKED", "country:UKR")}


def test_who_condemns_an_attack_did_not_attack(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Jordan condemned the attack on Israel.")
    assert of_type(art, "ATTACKED") == set()
    art = run(gazetteer, "Jordan condemned Hamas' Oct. 7 attack on Israel.")
    assert of_type(art, "ATTACKED") == {("group:hamas", "ATTACKED", "country:ISR")}


# --- control ----------------------------------------------------------------------------------
def test_held_areas_in_a_country(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Fuel shortages are worst in Houthi-controlled areas in Yemen.")
    assert of_type(art, "CONTROLS") == {("group:houthis", "CONTROLS", "country:YEM")}


def test_seized_territory_including_places(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The backing enabled M23 to seize territory including the towns of Goma and Bukavu.")
    assert of_type(art, "CONTROLS") == {
        ("group:m23", "CONTROLS", "region:goma"),
        ("group:m23", "CONTROLS", "region:bukavu"),
    }


def test_forcing_troops_back(gazetteer: Gazetteer) -> None:
    text = "Al-Shabaab fighters overran the army base near Baidoa on Sunday, forcing Somali troops to pull back."
    assert ("group:al-shabaab", "ATTACKED", "country:SOM") in of_type(run(gazetteer, text), "ATTACKED")


def test_overran_a_site_in_a_town(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Al-Shabaab overran a garrison in Baidoa last year.")
    assert of_type(art, "CONTROLS") == {("group:al-shabaab", "CONTROLS", "region:baidoa")}


def test_site_in_a_town_of_a_named_country(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Boko Haram killed nine soldiers in a raid on a base in Maiduguri, northeastern Nigeria.")
    assert of_type(art, "ATTACKED") == {("group:boko-haram", "ATTACKED", "country:NGA")}


def test_participle_in_a_weapon_name_is_no_attack(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Romania received more F-16 Fighting Falcon jets from Norway.")
    assert of_type(art, "ATTACKED") == set()


def test_at_war_with(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Ethiopia was at war with Eritrea from 1998 to 2000.")
    assert of_type(art, "ATTACKED") == {("country:ETH", "ATTACKED", "country:ERI")}


def test_fighting_erupted_between_two_sides(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Fighting erupted between Hamas and Fatah in Gaza in 2007.")
    assert of_type(art, "ATTACKED") == {
        ("group:hamas", "ATTACKED", "org:fatah"),
        ("org:fatah", "ATTACKED", "group:hamas"),
    }


def test_site_retaken_from_a_side(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Iraqi forces retook the airport from Islamic State in 2017.")
    assert ("country:IRQ", "ATTACKED", "group:isis") in of_type(art, "ATTACKED")
    art = run(gazetteer, "Canada seized assets from Russia last year.")
    assert of_type(art, "ATTACKED") == set()


# --- threats of reprisal -----------------------------------------------------------------------
def test_warned_of_consequences(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "China warned the Philippines of severe consequences over the shoal.")
    assert of_type(art, "THREATENS") == {("country:CHN", "THREATENS", "country:PHL")}


def test_vowed_revenge_against(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The Houthis vowed revenge against the United States after the strikes.")
    assert of_type(art, "THREATENS") == {("group:houthis", "THREATENS", "country:USA")}


def test_would_pay_a_heavy_price(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "North Korea said South Korea would pay a heavy price for the drills.")
    assert of_type(art, "THREATENS") == {("country:PRK", "THREATENS", "country:KOR")}
    art = run(gazetteer, "The World Bank said Egypt would pay a price for its subsidies.")
    assert of_type(art, "THREATENS") == set()


def test_place_under_an_actors_control(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Idlib has been under HTS control for years.")
    assert of_type(art, "CONTROLS") == {("group:hts", "CONTROLS", "region:idlib")}
    art = run(gazetteer, "Kherson is no longer under Russian control.")
    assert of_type(art, "CONTROLS") == set()
    assert run(gazetteer, "The fire is under control.").relations == []


def test_claimed_attack_that_killed_people_in_a_country(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "A bombing claimed by Boko Haram killed 20 villagers in Cameroon.")
    assert of_type(art, "ATTACKED") == {("group:boko-haram", "ATTACKED", "country:CMR")}
    assert of_type(run(gazetteer, "The flood killed 40 people in Chad."), "ATTACKED") == set()


def test_forces_pushed_out_of_a_place(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Kurdish and Iraqi forces drove the Islamic State from Mosul in 2017.")
    assert ("country:IRQ", "ATTACKED", "group:isis") in of_type(art, "ATTACKED")
    art = run(gazetteer, "Azerbaijani troops pushed Armenian forces out of Shusha.")
    assert of_type(art, "ATTACKED") == {("country:AZE", "ATTACKED", "country:ARM")}
    art = run(gazetteer, "Samsung drove Nokia out of the market.")
    assert of_type(art, "ATTACKED") == set()


def test_aircraft_downed(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Hezbollah downed an Israeli Hermes drone over Lebanon.")
    assert of_type(art, "ATTACKED") == {("group:hezbollah", "ATTACKED", "country:ISR")}


def test_clash_with_irregulars_named_by_a_demonym(gazetteer: Gazetteer) -> None:
    # "Syrian rebels" are not the Syrian state
    art = run(gazetteer, "Clashes between Turkish troops and Syrian rebels continued near Afrin.")
    assert of_type(art, "ATTACKED") == set()


def test_foreseen_attacks_are_no_attacks(gazetteer: Gazetteer) -> None:
    for text in (
        "Taipei rehearsed its response to a possible invasion of Taiwan by China.",
        "Estonia is preparing for a Russian attack on the Baltic states.",
        "Britain warned of an imminent Russian offensive against Kharkiv.",
        "Tehran promised a crushing response to any Israeli strike on Iran.",
    ):
        assert of_type(run(gazetteer, text), "ATTACKED") == set(), text
    art = run(gazetteer, "Russia launched a full-scale invasion of Ukraine in 2022.")
    assert of_type(art, "ATTACKED") == {("country:RUS", "ATTACKED", "country:UKR")}
