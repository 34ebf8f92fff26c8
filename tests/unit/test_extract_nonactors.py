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
        ("The European Union banned LNG shipments from Russia in its new package.", "LNG"),
    ],
)
def test_junk_spans_are_dropped(gazetteer: Gazetteer, text: str, word: str) -> None:
    article = run(gazetteer, text)
    assert word not in names(article) and word.rstrip(".") not in names(article)


@pytest.mark.parametrize("text", ["Brig.", "Gen", "Brig. Gen.", "Lt. Col."])
def test_titles_alone(text: str) -> None:
    assert nonactors.is_title(text)


@pytest.mark.parametrize("text", ["GMT", "COVID-19", "Judaism", "X.", "1990", "Background", "LNG"])
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


def test_a_name_modifying_a_place_noun_is_no_person(gazetteer: Gazetteer) -> None:
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


# --- each junk class with the NER label forced, so the test does not hang on the model's guess --
def forced(gazetteer: Gazetteer, text: str, span_text: str, label: str) -> dict[str, str]:
    """Entities of `text` when the NER tags the last `span_text` as `label` (other spans kept)."""
    from spacy.tokens import Span

    from loader.resolve import resolve_mentions

    doc = extract.get_pipeline(gazetteer)(text)
    start = text.rindex(span_text)
    span = doc.char_span(start, start + len(span_text), label=label)
    assert span is not None
    kept = [e for e in doc.ents if e.end <= span.start or e.start >= span.end]
    doc.ents = [*kept, Span(doc, span.start, span.end, label=label)]
    resolution = resolve_mentions(extract.collect_mentions(doc, gazetteer), gazetteer)
    provisional = resolution.provisional()  # actors only as a relation's end; none is looked for here
    return {e.name: e.kind for e in resolution.entity_list() if e.id not in provisional}


@pytest.mark.parametrize(
    ("text", "span_text", "label"),
    [
        ("Patriot shot down three cruise missiles over Kyiv.", "Patriot", "PERSON"),
        ("Ukraine fielded M1A1/M1A2 Abrams near Avdiivka.", "M1A1/M1A2 Abrams", "ORG"),
        ("The talks opened in Doha at 14:00 GMT on Tuesday.", "GMT", "ORG"),
        ("Background: Iran and Israel have traded strikes since April.", "Background", "PERSON"),
        ("Council members met in Brussels to discuss Ukraine.", "Council", "ORG"),
        ("Brig. said the brigade had left the town.", "Brig.", "PERSON"),
        ("X. wrote that the agenda was long.", "X.", "ORG"),
        ("Judaism and Islam were discussed in Vienna.", "Judaism", "ORG"),
        ("COVID-19 closed the border with Ukraine.", "COVID-19", "ORG"),
        ("The plan for 2024 was approved in Kyiv.", "2024", "ORG"),
        ("Kenya's Dadaab camp shelters many refugees.", "Dadaab", "PERSON"),
    ],
)
def test_forced_junk_spans_name_no_actor(gazetteer: Gazetteer, text: str, span_text: str, label: str) -> None:
    assert span_text not in forced(gazetteer, text, span_text, label)
    assert span_text.rstrip(".") not in forced(gazetteer, text, span_text, label)


@pytest.mark.parametrize(
    ("text", "span_text", "label"),
    [
        ("Drones struck Al Udeid Air Base in Qatar.", "Al Udeid Air Base", "ORG"),
        ("US troops at Camp Lemonnier in Djibouti were on alert.", "Camp Lemonnier", "PERSON"),
        ("Heavy fighting was reported in Tartus on Sunday.", "Tartus", "ORG"),
        ("Militants overran the Tessalit base in Mali.", "Tessalit", "PERSON"),
    ],
)
def test_forced_places_are_regions(gazetteer: Gazetteer, text: str, span_text: str, label: str) -> None:
    assert forced(gazetteer, text, span_text, label).get(span_text) == "Region"


def test_forced_list_is_not_one_node(gazetteer: Gazetteer) -> None:
    found = forced(gazetteer, "Israel struck Fordow, Natanz and Isfahan overnight.", "Fordow, Natanz", "ORG")
    assert not any("," in name for name in found)


def test_forced_list_of_companies_is_split(gazetteer: Gazetteer) -> None:
    text = "China sanctioned Harbor Ridge Systems, Kestrel Marine Works over Taiwan."
    found = forced(gazetteer, text, "Harbor Ridge Systems, Kestrel Marine Works", "ORG")
    assert found.get("Harbor Ridge Systems") == "Organization" and found.get("Kestrel Marine Works") == "Organization"


def test_forced_surname_tagged_as_place_is_the_person(gazetteer: Gazetteer) -> None:
    text = "Lloyd J. Austin III visited Kyiv. Austin said the aid would continue."
    found = forced(gazetteer, text, "Austin", "GPE")
    assert "Austin" not in found and found.get("Lloyd Austin") == "Person"


def test_a_full_name_with_a_listed_surname_spelling_is_the_gazetteer_person(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    from tests.extraction_support import gazetteer_with

    extended = gazetteer_with(
        tmp_path_factory,
        "- {id: person:taras-hrytsenko, name: Taras Hrytsenko, kind: Person, aliases: [Hrytsenko, Grytsenko],"
        " parent: country:UKR}\n",
    )
    found = forced(extended, "Taras Grytsenko met Polish officers in Lviv on Monday.", "Taras Grytsenko", "PERSON")
    assert found.get("Taras Hrytsenko") == "Person" and "Taras Grytsenko" not in found


def test_a_gazetteer_form_tagged_by_the_ner_is_never_filtered(gazetteer: Gazetteer) -> None:
    found = forced(gazetteer, "The U.S. approved the sale of jets to Poland.", "U.S.", "ORG")
    assert found.get("United States") == "Country"


@pytest.mark.parametrize(
    ("text", "span_text"),
    [
        ("The rifles will be made at Korwa under the deal.", "Korwa"),
        ("Rebels took Aleppo, Hama and Homs within days.", "Hama"),
    ],
)
def test_forced_people_that_are_places(gazetteer: Gazetteer, text: str, span_text: str) -> None:
    assert forced(gazetteer, text, span_text, "PERSON").get(span_text) == "Region"


def test_a_titled_single_name_is_a_person(gazetteer: Gazetteer) -> None:
    found = forced(gazetteer, "Defence Minister Peled welcomed the deal on Monday.", "Peled", "PERSON")
    assert found.get("Peled") == "Person"


def test_an_unresolved_short_reference_is_kept_only_in_a_relation(gazetteer: Gazetteer) -> None:
    from loader.resolve import Mention, resolve_mentions

    mention = Mention(1, 2, "Council", "ORG_HEAD", 0, form="ner", definite=True)
    resolution = resolve_mentions([mention], gazetteer)
    assert resolution.provisional() == {"org:council"}
    article = run(gazetteer, "Council members met in Brussels on Monday to discuss Ukraine.")
    assert "Council" not in names(article)
