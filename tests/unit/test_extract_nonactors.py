"""Names that are not actors: weapons, places, titles, time zones and common words never become
Person or Organization actors, and the variants of a person's name are one person.

Sentences are written for these tests about public facts (none is taken from a corpus article).
"""

from __future__ import annotations

import pytest

from loader import extract, nonactors
from loader.gazetteer import Gazetteer
from loader.models import ExtractedArticle
from loader.resolve import person_name, person_surname


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def run(gazetteer: Gazetteer, text: str) -> ExtractedArticle:
    return extract.extract_texts([text], gazetteer)[0]


def names(article: ExtractedArticle) -> dict[str, str]:
    return {e.name: e.kind for e in article.entities}


def actor_kinds(article: ExtractedArticle) -> set[str]:
    return {e.kind for e in article.entities}


# --- weapons --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    ["Patriot", "M1A1/M1A2 Abrams", "Leopard 2A6 tanks", "S-400", "Su-35s", "Storm Shadow", "HIMARS",
     "Bayraktar TB2", "Iron Dome", "Shahed-136", "the Patriot's", "Hawk missiles", "F-16s"],
)
def test_weapon_names(text: str) -> None:
    assert nonactors.is_weapon_name(text)


@pytest.mark.parametrize("text", ["Elliott Abrams", "Hawk", "Milan", "Ehud Barak", "Lloyd Austin", "NATO"])
def test_names_that_are_not_weapons(text: str) -> None:
    assert not nonactors.is_weapon_name(text)


def test_a_weapon_as_the_subject_is_no_actor(gazetteer: Gazetteer) -> None:
    article = run(gazetteer, "Patriot shot down three cruise missiles over Kyiv on Monday night.")
    assert not any(nonactors.is_weapon_name(name) for name in names(article))
    assert "Person" not in actor_kinds(article) and "Organization" not in actor_kinds(article)


def test_a_tank_with_its_variants_is_the_item_of_a_supply_not_an_actor(gazetteer: Gazetteer) -> None:
    article = run(gazetteer, "The United States delivered M1A1/M1A2 Abrams tanks to Ukraine last year.")
    assert "M1A1/M1A2 Abrams" not in names(article)
    supplies = [r for r in article.relations if r.type == "SUPPLIES_ARMS_TO"]
    assert supplies and any("abrams" in item for r in supplies for item in r.items)


def test_a_weapon_named_alone_is_a_supplied_item(gazetteer: Gazetteer) -> None:
    article = run(gazetteer, "The United States sent HIMARS to Ukraine in 2022.")
    supplies = [r for r in article.relations if r.type == "SUPPLIES_ARMS_TO"]
    assert supplies and "himars" in supplies[0].items


# --- places and bases -----------------------------------------------------------------------
def test_a_base_is_a_region(gazetteer: Gazetteer) -> None:
    article = run(gazetteer, "Drones were launched at Al Udeid Air Base in Qatar, officials said.")
    found = names(article)
    assert found.get("Al Udeid Air Base", "Region") == "Region"
    assert "Person" not in actor_kinds(article) and "Organization" not in actor_kinds(article)


def test_a_town_where_fighting_happens_is_no_person(gazetteer: Gazetteer) -> None:
    article = run(gazetteer, "Heavy fighting was reported in Tartus and near Latakia on Sunday.")
    assert not {k for n, k in names(article).items() if n in {"Tartus", "Latakia"}} & {"Person", "Organization"}


def test_a_list_of_sites_is_never_one_actor(gazetteer: Gazetteer) -> None:
    article = run(gazetteer, "Israel struck sites at Fordow, Natanz and Isfahan, officials said.")
    assert not any("," in name for name in names(article))
    assert not {k for n, k in names(article).items() if n != "Israel"} & {"Person", "Organization"}


# --- words that are not names ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Date: 12 March 2024. The talks in Geneva ended without a deal.", "Date"),
        ("Background: Iran and Israel have traded strikes since April.", "Background"),
        ("The meeting opened in Doha at 14:00 GMT on Tuesday.", "GMT"),
        ("Council members met in Brussels on Monday to discuss Ukraine.", "Council"),
        ("State media in Iran said the drill had ended.", "State"),
        ("Brig. said the brigade had left the town.", "Brig"),
        ("X. wrote that Judaism and COVID-19 were on the agenda.", "Judaism"),
        ("X. wrote that Judaism and COVID-19 were on the agenda.", "COVID-19"),
        ("X. wrote that Judaism and COVID-19 were on the agenda.", "X."),
    ],
)
def test_junk_spans_are_dropped(gazetteer: Gazetteer, text: str, word: str) -> None:
    article = run(gazetteer, text)
    assert word not in names(article) and word.rstrip(".") not in names(article)


@pytest.mark.parametrize("text", ["Brig.", "Gen", "Brig. Gen.", "Lt. Col."])
def test_titles_alone(text: str) -> None:
    assert nonactors.is_title(text)


@pytest.mark.parametrize("text", ["GMT", "COVID-19", "Judaism", "X.", "1990", "Background"])
def test_junk_words(text: str) -> None:
    assert nonactors.is_junk_word(text)


def test_a_lone_unknown_word_tagged_as_a_person_is_dropped(gazetteer: Gazetteer) -> None:
    article = run(gazetteer, "Kant argued that lasting peace needs republics, the professor said.")
    assert "Person" not in actor_kinds(article)


def test_a_full_name_is_still_a_person(gazetteer: Gazetteer) -> None:
    article = run(gazetteer, "Ukraine's envoy Olena Kovalenko met officials in Warsaw. Kovalenko said talks went well.")
    person = next(e for e in article.entities if e.kind == "Person")
    assert person.name == "Olena Kovalenko" and person.mentions == 2


# --- name variants of people ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Lloyd J. Austin III", "Lloyd Austin"),
        ("Secretary Lloyd Austin", "Lloyd Austin"),
        ("Joseph R. Biden Jr.", "Joseph Biden"),
        ("Martin Luther King Jr.", "Martin Luther King"),
    ],
)
def test_person_name(surface: str, name: str) -> None:
    assert person_name(surface) == name


def test_person_surname() -> None:
    assert person_surname("Lloyd J. Austin III") == "Austin"
    assert person_surname("Austin") == ""


def test_name_variants_of_one_person_merge(gazetteer: Gazetteer) -> None:
    text = (
        "Defense Secretary Lloyd J. Austin III arrived in Warsaw on Monday. "
        "Lloyd Austin then met Polish commanders. Austin said the alliance was united. "
        "Secretary Austin flew home on Tuesday."
    )
    people = [e for e in run(gazetteer, text).entities if e.kind == "Person"]
    assert [p.id for p in people] == ["person:lloyd-austin"]
    assert people[0].mentions >= 3


def test_a_transliteration_of_a_gazetteer_person_merges(gazetteer: Gazetteer) -> None:
    text = "Volodymyr Zelenskiy visited Berlin on Friday. Zelensky thanked Germany for its help."
    people = [e for e in run(gazetteer, text).entities if e.kind == "Person"]
    assert [p.id for p in people] == ["person:volodymyr-zelensky"]


def test_a_name_modifying_a_place_noun_is_a_place(gazetteer: Gazetteer) -> None:
    article = run(gazetteer, "Militants overran the Tessalit base in northern Mali on Sunday.")
    assert "Person" not in actor_kinds(article) and "Organization" not in actor_kinds(article)


def test_a_short_reference_to_a_named_organisation(gazetteer: Gazetteer) -> None:
    text = (
        "The European Commission proposed new sanctions on Iran on Monday. "
        "The Commission said the measures would target drone makers."
    )
    article = run(gazetteer, text)
    assert "Commission" not in names(article)
    assert any("Commission" in name for name in names(article))


def test_a_lone_common_word_organisation_is_dropped(gazetteer: Gazetteer) -> None:
    article = run(gazetteer, "The Barbecue was held in Ottawa, where Canada hosted the talks.")
    assert "Barbecue" not in names(article)


def test_a_company_legal_form_stays_with_its_name(gazetteer: Gazetteer) -> None:
    article = run(gazetteer, "China sanctioned Harbor Ridge Systems, Inc. over arms sales to Taiwan.")
    assert not any(name in {"Inc", "Inc."} for name in names(article))
