"""More arms-transfer constructions, on wire-style sentences written for these tests.

Each test names one construction and pairs it with sentences that must not produce a
transfer: weapons named by the demonym of their maker's state, transfer nouns and their
demonyms, suppliers introduced with "as", military aid, contracts won by arms makers,
production for a customer or under licence, shares of a buyer's imports, and passives.
"""

from __future__ import annotations

import pytest

from loader.gazetteer import Gazetteer
from loader.models import ExtractedArticle
from tests.extraction_support import run

ARMS = "SUPPLIES_ARMS_TO"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def arms(article: ExtractedArticle) -> set[tuple[str, str]]:
    """Asserted (not negated) arms transfers as (supplier, recipient) pairs."""
    return {(r.source, r.target) for r in article.relations if r.type == ARMS and not r.negated}


def transfers(gazetteer: Gazetteer, text: str) -> set[tuple[str, str]]:
    return arms(run(gazetteer, text))


# --- weapons named by their maker's demonym ------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia launched dozens of Iranian drones at Kyiv overnight.", {("country:IRN", "country:RUS")}),
        ("The Houthis fired Iranian missiles at commercial shipping.", {("country:IRN", "group:houthis")}),
        ("Israel has used American bombs in Gaza, a U.S. report found.", {("country:USA", "country:ISR")}),
        ("Ukraine used captured Russian tanks in the offensive.", set()),
        ("Russia deployed Belarusian troops and tanks near the border.", set()),
        ("Israel shot down Iranian drones over Jordan.", set()),
    ],
)
def test_user_of_a_demonym_weapon_was_supplied_by_that_state(
    gazetteer: Gazetteer, text: str, expected: set[tuple[str, str]]
) -> None:
    assert transfers(gazetteer, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ukraine deployed German-supplied Leopard 2 tanks in the counteroffensive.", {("country:DEU", "country:UKR")}),
        # Arms for a state's own army are the state's purchase.
        ("Russian-made helicopters flown by the Malian army crashed near Timbuktu.", {("country:RUS", "country:MLI")}),
        ("Russian-made helicopters crashed near Timbuktu.", set()),
    ],
)
def test_made_by_modifier_on_a_model_name_or_with_a_user(
    gazetteer: Gazetteer, text: str, expected: set[tuple[str, str]]
) -> None:
    assert transfers(gazetteer, text) == expected


def test_maker_named_after_the_weapon(gazetteer: Gazetteer) -> None:
    # The making is a fact of the weapon; the clause's negation is about their use.
    text = "Officials said Egypt's F-16 jets, built by Lockheed Martin, were not flown in the raid."
    assert transfers(gazetteer, text) == {("company:lockheed-martin", "country:EGY")}
    assert transfers(gazetteer, "The shells made by Rosoboronexport were found in a depot.") == set()


# --- transfer nouns ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Iranian arms shipments to the Houthis have been intercepted by the U.S. Navy.",
            {("country:IRN", "group:houthis")},
        ),
        ("The shipment of Czech ammunition to Ukraine arrived in June.", {("country:CZE", "country:UKR")}),
        ("Moscow condemned the delivery of American tanks to Ukraine.", {("country:USA", "country:UKR")}),
        ("Moscow condemned the delivery of tanks to Ukraine.", set()),
        ("Russian gas deliveries to Europe fell sharply.", set()),
    ],
)
def test_demonym_of_a_transfer_noun_or_its_weapons_is_the_supplier(
    gazetteer: Gazetteer, text: str, expected: set[tuple[str, str]]
) -> None:
    assert transfers(gazetteer, text) == expected


def test_recipient_hanging_on_the_item_of_a_transfer_noun(gazetteer: Gazetteer) -> None:
    assert transfers(gazetteer, "Turkey's export of Bayraktar drones to Ethiopia drew criticism.") == {
        ("country:TUR", "country:ETH")
    }
    assert transfers(gazetteer, "Turkey's export of hazelnuts to Ethiopia drew criticism.") == set()


def test_destination_and_approval_of_a_transfer(gazetteer: Gazetteer) -> None:
    assert transfers(gazetteer, "The U.S. Navy seized a shipment of Iranian weapons bound for the Houthis.") == {
        ("country:IRN", "group:houthis")
    }
    assert transfers(gazetteer, "Denmark cleared the way for deliveries of F-16 jets to Ukraine.") == {
        ("country:DNK", "country:UKR")
    }
    assert transfers(gazetteer, "Denmark cleared the way for talks with Ukraine.") == set()


# --- acquisitions --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kazakhstan bought Turkish Anka drones in 2022.", {("country:TUR", "country:KAZ")}),
        ("Pakistan takes delivery of Chinese J-10C fighters.", {("country:CHN", "country:PAK")}),
        (
            "Taiwan received the first batch of M1A2T Abrams tanks from the United States in December.",
            {("country:USA", "country:TWN")},
        ),
        ("Serbia bought Chinese oil and Russian gas.", set()),
    ],
)
def test_supplier_inside_the_bought_noun_phrase(
    gazetteer: Gazetteer, text: str, expected: set[tuple[str, str]]
) -> None:
    assert transfers(gazetteer, text) == expected


def test_the_first_of_a_batch_received(gazetteer: Gazetteer) -> None:
    text = "Romania has received the first of 32 F-16 fighter jets from Norway."
    assert transfers(gazetteer, text) == {("country:NOR", "country:ROU")}
    assert transfers(gazetteer, "Romania received the first of its new ambassadors from Norway.") == set()


# --- suppliers ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("India has emerged as a key arms supplier to Armenia.", {("country:IND", "country:ARM")}),
        ("France has replaced Russia as the main supplier of weapons to India.", {("country:FRA", "country:IND")}),
        (
            "North Korea has become one of the main sources of ammunition for Russia.",
            {("country:PRK", "country:RUS")},
        ),
        ("Israel has long been a major arms supplier to Azerbaijan.", {("country:ISR", "country:AZE")}),
        ("China has emerged as Africa's largest arms supplier.", {("country:CHN", "region:africa")}),
        ("Qatar has emerged as a major supplier of gas to Europe.", set()),
    ],
)
def test_supplier_noun_after_as_or_one_of(gazetteer: Gazetteer, text: str, expected: set[tuple[str, str]]) -> None:
    assert transfers(gazetteer, text) == expected


# --- military aid --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Washington's military aid to Kyiv has topped $60 billion.", {("country:USA", "country:UKR")}),
        ("German military assistance to Ukraine reached 28 billion euros.", {("country:DEU", "country:UKR")}),
        (
            "Britain's military aid package to Ukraine includes Storm Shadow missiles.",
            {("country:GBR", "country:UKR")},
        ),
        ("U.S. humanitarian aid to Gaza has been delayed.", set()),
        ("Japan will provide non-lethal equipment to Ukraine.", set()),
    ],
)
def test_military_aid_noun_is_a_transfer(gazetteer: Gazetteer, text: str, expected: set[tuple[str, str]]) -> None:
    assert transfers(gazetteer, text) == expected


# --- contracts ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kongsberg signed a contract with Lithuania for NASAMS air defence systems.",
            {("company:kongsberg", "country:LTU")},
        ),
        ("Argentina signed a contract with Denmark for 24 used F-16 jets.", {("country:DNK", "country:ARG")}),
        ("Saab has won an order from Brazil for additional Gripen fighters.", {("company:saab", "country:BRA")}),
        (
            "Hyundai Rotem won a contract from Poland to deliver 180 K2 tanks.",
            {("company:hyundai-rotem", "country:POL")},
        ),
        ("Indonesia placed an order for 12 Mirage jets with Qatar.", {("country:QAT", "country:IDN")}),
        ("Boeing won a contract from Qatar to build a new airport terminal.", set()),
    ],
)
def test_contract_won_or_signed_by_an_arms_maker(
    gazetteer: Gazetteer, text: str, expected: set[tuple[str, str]]
) -> None:
    assert transfers(gazetteer, text) == expected


# --- production ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran is producing drones for Russia at a factory in Isfahan.", {("country:IRN", "country:RUS")}),
        (
            "North Korea manufactured artillery shells for Russia's war in Ukraine.",
            {("country:PRK", "country:RUS")},
        ),
        (
            "Lockheed Martin won a $7.8 billion contract to build F-35 jets for Poland.",
            {("company:lockheed-martin", "country:POL")},
        ),
        ("Russia is building a nuclear power plant for Egypt.", set()),
    ],
)
def test_weapons_made_for_a_customer(gazetteer: Gazetteer, text: str, expected: set[tuple[str, str]]) -> None:
    assert transfers(gazetteer, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "India will produce Kalashnikov rifles under licence from Russia at a plant in Amethi.",
            {("country:RUS", "country:IND")},
        ),
        (
            "Turkey builds F-16 fighters under license from Lockheed Martin.",
            {("company:lockheed-martin", "country:TUR")},
        ),
        ("Poland manufactures Piorun missiles under its own designs.", set()),
    ],
)
def test_licensed_production(gazetteer: Gazetteer, text: str, expected: set[tuple[str, str]]) -> None:
    assert transfers(gazetteer, text) == expected


# --- shares of imports ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russia accounted for 36 percent of India's arms imports between 2019 and 2023.",
            {("country:RUS", "country:IND")},
        ),
        ("Russia's share of India's arms imports fell to 36 percent.", {("country:RUS", "country:IND")}),
        (
            "Russia has supplied more than 60 percent of Myanmar's imported weapons since 2018.",
            {("country:RUS", "country:MMR")},
        ),
        ("China accounted for 20 percent of Kazakhstan's oil imports.", set()),
    ],
)
def test_share_of_a_buyers_imports(gazetteer: Gazetteer, text: str, expected: set[tuple[str, str]]) -> None:
    assert transfers(gazetteer, text) == expected


# --- subjects and passives -------------------------------------------------------------------------
def test_maker_named_in_apposition_to_its_description(gazetteer: Gazetteer) -> None:
    assert transfers(gazetteer, "Turkish drone maker Baykar delivered TB2 drones to Kenya.") == {
        ("company:baykar", "country:KEN")
    }
    assert transfers(gazetteer, "Turkish drone maker Baykar opened a plant in Kenya.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ukraine was given 31 Abrams tanks by the United States.", {("country:USA", "country:UKR")}),
        (
            "Hundreds of Iranian Shahed drones have been delivered to Russia since last autumn.",
            {("country:IRN", "country:RUS")},
        ),
        ("Arms supplied by Iran to the Houthis were seized off Yemen.", {("country:IRN", "group:houthis")}),
        (
            "The first 38 of 108 M1A2T tanks, built by General Dynamics, were delivered to Taiwan this week.",
            {("company:general-dynamics", "country:TWN")},
        ),
        ("Ukraine was given a warm welcome by the United States.", set()),
        ("Hundreds of tanks have been delivered to Russia since last autumn.", set()),
    ],
)
def test_passive_transfers(gazetteer: Gazetteer, text: str, expected: set[tuple[str, str]]) -> None:
    assert transfers(gazetteer, text) == expected
