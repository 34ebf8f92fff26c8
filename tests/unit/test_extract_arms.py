"""Arms transfers, company ownership and leaders' titles on constructions written for these tests.

Sentences use real states from the shipped gazetteer and a made-up state arms maker added
through a user gazetteer file (with its owning state), as users extend it.
"""

from __future__ import annotations

import pytest

from loader.gazetteer import Gazetteer
from loader.models import ExtractedArticle, Relation
from tests.extraction_support import gazetteer_with, run, triples

EXTENSION = """
- id: company:nordvik-defence
  name: Nordvik Defence
  kind: Company
  aliases: [Nordvik]
  parent: country:NOR
"""


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return gazetteer_with(tmp_path_factory, EXTENSION)


def find(article: ExtractedArticle, source: str, rtype: str, target: str) -> Relation:
    for r in article.relations:
        if (r.source, r.type, r.target) == (source, rtype, target) and not r.negated:
            return r
    raise AssertionError(f"{source} {rtype} {target} not in {triples(article)}")


# --- SUPPLIES_ARMS_TO ---------------------------------------------------------------------
def test_participle_bought_by_buyer_from_supplier(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The 18 howitzers bought by Chile from Spain arrived in Valparaiso last week.")
    rel = find(art, "country:ESP", "SUPPLIES_ARMS_TO", "country:CHL")
    assert rel.modality == "ordered"
    assert "howitzers" in rel.items


def test_passive_purchase_of_a_makers_system(gazetteer: Gazetteer) -> None:
    art = run(
        gazetteer,
        "Nordvik Defence unveiled a new radar on Monday. "
        "The firm's coastal missile system was bought by Estonia in 2019.",
    )
    find(art, "company:nordvik-defence", "SUPPLIES_ARMS_TO", "country:EST")


def test_share_of_a_recipients_imports(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Germany supplied about 40 percent of Greece's imports of major arms last decade.")
    find(art, "country:DEU", "SUPPLIES_ARMS_TO", "country:GRC")


def test_counts_with_their_own_suppliers(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Bolivia received twelve helicopters as a gift, eight from Brazil and four from Argentina.")
    assert {("country:BRA", "SUPPLIES_ARMS_TO", "country:BOL"), ("country:ARG", "SUPPLIES_ARMS_TO", "country:BOL")} <= (
        triples(art)
    )


def test_reported_would_is_a_plan_not_a_hypothesis(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Spain said on Monday that it would send 20 battle tanks to Morocco.")
    assert find(art, "country:ESP", "SUPPLIES_ARMS_TO", "country:MAR").modality == "planned"


def test_hypothetical_would_still_drops(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Spain would send battle tanks to Morocco if the parliament agreed.")
    assert ("country:ESP", "SUPPLIES_ARMS_TO", "country:MAR") not in triples(art)


def test_arms_maker_selling_it(gazetteer: Gazetteer) -> None:
    art = run(
        gazetteer,
        "Norway's Nordvik Defence designed the Skarv loitering munition. The company sold it to Chile in 2021.",
    )
    find(art, "company:nordvik-defence", "SUPPLIES_ARMS_TO", "country:CHL")
    # The maker's home state is a PART_OF fact, not a second supplier.
    assert ("country:NOR", "SUPPLIES_ARMS_TO", "country:CHL") not in triples(art)


def test_order_from_an_arms_maker_without_a_weapon_noun(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Peru has ordered a total of 24 from Nordvik Defence, officials said.")
    find(art, "company:nordvik-defence", "SUPPLIES_ARMS_TO", "country:PER")


def test_supplies_to_an_armed_force_count_for_its_state(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Serbia held a parade. The Army of Serbia received new combat drones from China last year.")
    find(art, "country:CHN", "SUPPLIES_ARMS_TO", "country:SRB")


def test_place_name_modifier_is_not_a_supplier(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Qatar will receive 200 missiles, and Kuwait 50 interceptors, the ministry said.")
    assert not any(r.type == "SUPPLIES_ARMS_TO" for r in art.relations)


def test_pronoun_after_a_subordinate_subject_refers_to_the_main_subject(gazetteer: Gazetteer) -> None:
    art = run(
        gazetteer,
        "Finland has sent 30 tanks to Ukraine since Russia invaded its neighbour. "
        "It has also ordered 40 rocket launchers from South Korea.",
    )
    find(art, "country:KOR", "SUPPLIES_ARMS_TO", "country:FIN")
    assert ("country:KOR", "SUPPLIES_ARMS_TO", "country:RUS") not in triples(art)


def test_deal_for_weapons_with_a_seller(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Portugal signed a $1bn deal for 12 frigates with Spain on Tuesday.")
    assert find(art, "country:ESP", "SUPPLIES_ARMS_TO", "country:PRT").modality == "ordered"


def test_order_for_weapons_from_a_seller(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Chile's order for eight patrol helicopters from Brazil was confirmed.")
    find(art, "country:BRA", "SUPPLIES_ARMS_TO", "country:CHL")


def test_approved_sale_with_recipient_on_the_verb_and_agency_as_its_state(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The U.S. State Department approved the possible sale of 40 F-16 fighters to Peru.")
    rel = find(art, "country:USA", "SUPPLIES_ARMS_TO", "country:PER")
    assert rel.modality == "planned"
    assert "f-16 fighters" in rel.items


def test_bare_model_designation_is_an_item(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Qatar, which bought the J-10 from China in 2019, plans more purchases.")
    find(art, "country:CHN", "SUPPLIES_ARMS_TO", "country:QAT")


def test_in_talks_to_buy_is_planned(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Peru is in talks to buy 24 fighter jets from Sweden.")
    assert find(art, "country:SWE", "SUPPLIES_ARMS_TO", "country:PER").modality == "planned"


@pytest.mark.parametrize(
    ("text", "supplier", "recipient"),
    [
        ("Georgia deployed its French-built air defence systems near the border.", "country:FRA", "country:GEO"),
        ("Kenya fields Turkish-made drones against the militants.", "country:TUR", "country:KEN"),
    ],
)
def test_made_by_modifier_with_a_user(gazetteer: Gazetteer, text: str, supplier: str, recipient: str) -> None:
    rel = find(run(gazetteer, text), supplier, "SUPPLIES_ARMS_TO", recipient)
    assert rel.modality == "delivered"
    assert not any("made" in i or "built" in i for i in rel.items)


def test_designed_by_is_not_supplied_by(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Poland fields Soviet-designed tanks and German-designed howitzers.")
    assert not any(r.type == "SUPPLIES_ARMS_TO" for r in art.relations)


# --- PART_OF ------------------------------------------------------------------------------
def test_state_owned_description_uses_the_gazetteer_owner(gazetteer: Gazetteer) -> None:
    art = run(
        gazetteer,
        "Norway expects more export orders. Nordvik Defence sold rifles to Peru, "
        "and the state-owned company plans further sales.",
    )
    find(art, "company:nordvik-defence", "PART_OF", "country:NOR")


def test_possessive_covers_coordinated_companies(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The plant was built with Russia's Rostec and Almaz-Antey in 2019.")
    find(art, "company:rostec", "PART_OF", "country:RUS")
    find(art, "company:almaz-antey", "PART_OF", "country:RUS")


def test_demonym_description_agreeing_with_the_gazetteer(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Thales, the French electronics maker, opened a plant in Chile.")
    find(art, "company:thales", "PART_OF", "country:FRA")


def test_demonym_description_alone_is_not_ownership(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Thales, the Chilean distributor's supplier, opened a plant in Chile.")
    assert ("company:thales", "PART_OF", "country:CHL") not in triples(art)


# --- LEADS --------------------------------------------------------------------------------
def test_bare_title_uses_the_known_state_of_the_person(gazetteer: Gazetteer) -> None:
    art = run(
        gazetteer,
        "France sent an envoy to the talks. Germany hosted them, and President Emmanuel Macron praised the outcome.",
    )
    find(art, "person:emmanuel-macron", "LEADS", "country:FRA")
    assert ("person:emmanuel-macron", "LEADS", "country:DEU") not in triples(art)


def test_gapped_led_by_pairs(gazetteer: Gazetteer) -> None:
    art = run(
        gazetteer,
        "Chile is led by President Gabriel Boric, Peru by President Dina Boluarte and Bolivia by President Luis Arce.",
    )
    leads = {(s, o) for s, t, o in triples(art) if t == "LEADS"}
    assert {
        ("person:gabriel-boric", "country:CHL"),
        ("person:dina-boluarte", "country:PER"),
        ("person:luis-arce", "country:BOL"),
    } <= leads


def test_crown_prince_title(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Saudi Arabia's Crown Prince Mohammed bin Salman met investors in Riyadh.")
    find(art, "person:mohammed-bin-salman", "PART_OF", "country:SAU")  # heir, not head of state


def test_state_a_person_addresses_is_not_their_state(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Defence Secretary John Harlow warned Egypt about the purchase.")
    assert ("person:john-harlow", "LEADS", "country:EGY") not in triples(art)


def test_ruled_by_a_junta_led_by_a_person(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Guinea has been ruled since 2021 by a junta led by Colonel Mamadi Doumbouya.")
    find(art, "person:mamadi-doumbouya", "LEADS", "country:GIN")


def test_coordinated_titles_share_their_owner(gazetteer: Gazetteer) -> None:
    art = run(
        gazetteer,
        "British Foreign Secretary Alan Hartley and Defence Secretary Ruth Cole warned Egypt in a letter.",
    )
    # Ministers whose ministry the text does not name are part of their state.
    find(art, "person:ruth-cole", "PART_OF", "country:GBR")
    assert not any(s == "person:ruth-cole" and t == "country:EGY" for s, _, t in triples(art))


def test_minister_of_a_portfolio_is_a_state_title(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The parade was attended by the Minister of Defence Jonas Petraitis, Lithuania's army said.")
    find(art, "person:jonas-petraitis", "PART_OF", "country:LTU")


def test_possessive_state_of_an_armed_group_is_not_ownership(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Somalia's al-Shabab fighters attacked a base near Mogadishu.")
    assert not any(r.type == "PART_OF" for r in art.relations)


def test_negated_main_clause_does_not_negate_a_subordinate_transfer(gazetteer: Gazetteer) -> None:
    art = run(
        gazetteer,
        "Officials said the jets were not a threat, although the order came after Peru began "
        "receiving tanks from Spain.",
    )
    rel = find(art, "country:ESP", "SUPPLIES_ARMS_TO", "country:PER")
    assert not rel.negated


def test_user_of_a_makers_weapon_received_it(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Estonia operates Nordvik Defence's coastal missile launchers.")
    find(art, "company:nordvik-defence", "SUPPLIES_ARMS_TO", "country:EST")


def test_recipient_attached_to_an_item_modifier(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Nordvik Defence said it would give a reconnaissance drone free of charge to Moldova.")
    find(art, "company:nordvik-defence", "SUPPLIES_ARMS_TO", "country:MDA")


def test_large_quantities_of_weapons(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Belarus has supplied Russia with millions of artillery shells, officials said.")
    find(art, "country:BLR", "SUPPLIES_ARMS_TO", "country:RUS")


def test_recipients_largest_source_of_weapons(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "France remains Morocco's largest source of weapons, analysts say.")
    find(art, "country:FRA", "SUPPLIES_ARMS_TO", "country:MAR")


def test_possessive_of_a_state_exporter_is_its_owner_not_a_recipient(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Nordvik Defence, Norway's state arms exporter, handled the talks.")
    assert ("company:nordvik-defence", "SUPPLIES_ARMS_TO", "country:NOR") not in triples(art)
    find(art, "company:nordvik-defence", "PART_OF", "country:NOR")


def test_source_of_something_else_is_no_transfer(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Qatar is Egypt's largest source of gas.")
    assert not any(r.type == "SUPPLIES_ARMS_TO" for r in art.relations)


def test_the_countrys_minister_in_apposition(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Poland bought tanks. Marek Lis, the country's defence minister, visited Seoul.")
    find(art, "person:marek-lis", "PART_OF", "country:POL")


def test_company_chief_executive_title(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Nordvik Defence chief executive Maria Jensen signed the contract in Oslo.")
    assert find(art, "person:maria-jensen", "LEADS", "company:nordvik-defence").role == "chief executive"


@pytest.mark.parametrize(
    ("text", "supplier", "buyer"),
    [
        ("Croatia ordered 12 French-built fighter jets last year.", "country:FRA", "country:HRV"),
        ("Latvia ordered 40 armoured vehicles made by Nordvik Defence.", "company:nordvik-defence", "country:LVA"),
    ],
)
def test_maker_of_the_ordered_items_supplies(gazetteer: Gazetteer, text: str, supplier: str, buyer: str) -> None:
    assert find(run(gazetteer, text), supplier, "SUPPLIES_ARMS_TO", buyer).modality == "ordered"


def test_body_named_after_its_state(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Serbia held a parade on Friday. The Army of Serbia showed its new drones.")
    find(art, "org:serbian-armed-forces", "PART_OF", "country:SRB")


def test_body_of_another_state_is_not_claimed(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Hungary praised the Army of Serbia for its parade.")
    assert ("org:serbian-armed-forces", "PART_OF", "country:HUN") not in triples(art)


def test_reportedly_keeps_the_claim_at_lower_confidence(gazetteer: Gazetteer) -> None:
    plain_text = "Algeria bought 14 fighter jets from Russia."
    plain = find(run(gazetteer, plain_text), "country:RUS", "SUPPLIES_ARMS_TO", "country:DZA")
    hedged = find(
        run(gazetteer, "Algeria reportedly bought 14 fighter jets from Russia."),
        "country:RUS",
        "SUPPLIES_ARMS_TO",
        "country:DZA",
    )
    assert hedged.modality == "alleged"
    assert hedged.confidence < plain.confidence


# --- amounts and packages of weapons or military aid -------------------------------------------
def test_an_amount_of_military_aid_is_an_arms_transfer(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Germany pledged 2 billion euros in military aid to Ukraine.")
    assert find(art, "country:DEU", "SUPPLIES_ARMS_TO", "country:UKR").items == ["military aid"]
    art = run(gazetteer, "The United States has provided Ukraine with more than $60 billion in weapons.")
    find(art, "country:USA", "SUPPLIES_ARMS_TO", "country:UKR")
    # Received aid comes from the aid's owner.
    art = run(gazetteer, "Egypt receives about $1.3 billion a year in U.S. military aid.")
    find(art, "country:USA", "SUPPLIES_ARMS_TO", "country:EGY")


def test_a_weapons_package_for_a_state(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Washington approved a $1 billion arms package for Taiwan.")
    find(art, "country:USA", "SUPPLIES_ARMS_TO", "country:TWN")


def test_money_that_is_not_for_weapons_is_no_transfer(gazetteer: Gazetteer) -> None:
    for text in ("The EU approved 50 billion euros in economic aid for Ukraine.",
                 "The IMF approved a $15.6 billion loan for Ukraine.",
                 "Japan will spend $300 billion on defence."):
        assert not any(t == "SUPPLIES_ARMS_TO" for _, t, _ in triples(run(gazetteer, text))), text


def test_a_buyer_of_a_states_weapons(gazetteer: Gazetteer) -> None:
    find(run(gazetteer, "Algeria is one of the biggest buyers of Russian weapons."),
         "country:RUS", "SUPPLIES_ARMS_TO", "country:DZA")
    find(run(gazetteer, "India is Russia's largest arms customer."), "country:RUS", "SUPPLIES_ARMS_TO", "country:IND")
    find(run(gazetteer, "India, the biggest buyer of Russian weapons, signed a deal."),
         "country:RUS", "SUPPLIES_ARMS_TO", "country:IND")
    # Not weapons, or no seller: nothing.
    assert not triples(run(gazetteer, "China is the biggest buyer of Russian oil."))
    assert not triples(run(gazetteer, "Saudi Arabia is the world's largest arms importer."))
