"""State bodies are one actor per state, named after it, PART_OF it; acronyms name the actor before them."""

from __future__ import annotations

import pytest

from loader.gazetteer import Gazetteer
from tests.extraction_support import run, triples


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def entity(art, actor_id):  # type: ignore[no-untyped-def]
    return next(e for e in art.entities if e.id == actor_id)


def test_two_states_ministries_are_two_actors(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Russia's Defence Ministry and the French Defence Ministry both issued statements on Monday.")
    ids = {e.id for e in art.entities}
    assert {"org:rus-ministry-of-defence", "org:fra-ministry-of-defence"} <= ids
    assert {("org:rus-ministry-of-defence", "PART_OF", "country:RUS"),
            ("org:fra-ministry-of-defence", "PART_OF", "country:FRA")} <= triples(art)
    # The surface as written, with its state, is kept as an alias for matching and search.
    assert "Russia's Defence Ministry" in entity(art, "org:rus-ministry-of-defence").aliases


def test_owner_after_the_body_and_a_later_bare_mention(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The armed forces of Kenya patrolled the border. The armed forces later withdrew.")
    body = entity(art, "org:ken-armed-forces")
    assert body.mentions == 2 and body.name == "Kenyan Armed Forces"
    assert ("org:ken-armed-forces", "PART_OF", "country:KEN") in triples(art)


def test_no_body_inside_a_longer_name_or_for_a_private_force(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Chile's National Intelligence Agency met a private military contractor in Peru.")
    assert not any(e.id.endswith("-intelligence") or e.id.endswith("-armed-forces") for e in art.entities)


def test_a_known_body_keeps_its_entry_and_gains_the_owned_surface(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The U.S. State Department approved the sale on Friday.")
    assert "U.S. State Department" in entity(art, "org:usa-ministry-of-foreign-affairs").aliases


def test_an_acronym_in_parentheses_names_the_actor_before_it(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The Zambia Defence Force (ZDF) sent engineers to Malawi. Officials said the ZDF would stay.")
    body = entity(art, "org:zmb-armed-forces")
    assert "ZDF" in body.aliases and body.mentions >= 3
    assert not any(e.name == "ZDF" for e in art.entities)


def test_a_known_body_named_after_its_state_belongs_to_it(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "The Chief of Staff of the Serbian Armed Forces met the mission's commander.")
    assert ("org:serbian-armed-forces", "PART_OF", "country:SRB") in triples(art)


def test_an_office_owned_by_a_department_belongs_to_the_department_not_the_state(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "WASHINGTON - The Treasury Department's Office of Foreign Assets Control (OFAC) designated "
                         "two firms on Monday.")
    assert ("org:ofac", "PART_OF", "org:usa-ministry-of-finance") in triples(art)
    assert ("org:ofac", "PART_OF", "country:USA") not in triples(art)


def test_the_outlet_of_a_dateline_is_listed_as_a_source(gazetteer: Gazetteer) -> None:
    from loader.extract import extract_documents
    from loader.models import Document

    doc = Document.build(path="<t>", title="t", text="Norway opened a new base.", source="AP")
    art = next(extract_documents([doc], gazetteer))
    assert any(e.kind == "Media" and e.name == "Associated Press" for e in art.entities)
    assert "Associated Press" in art.cited_sources
