"""SANCTIONS constructions of news wording, on sentences written for these tests.

One test per construction: designation verbs near a sanctions cue, qualified nouns ("restrictive
measures"), "X-sanctioned" modifiers, counted lists of targets, the designating body and its
state or union, and sanctions on a state's companies that do not hit the state.
"""

from __future__ import annotations

import pytest

from loader.gazetteer import Gazetteer
from loader.models import ExtractedArticle
from tests.extraction_support import run, triples


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def sanctions(article: ExtractedArticle) -> set[tuple[str, str, str]]:
    return {t for t in triples(article) if t[1] == "SANCTIONS"}


def test_designation_in_a_sanctions_passage(gazetteer: Gazetteer) -> None:
    text = "The Office of Foreign Assets Control designated the Wagner Group under a new sanctions programme."
    assert ("org:ofac", "SANCTIONS", "group:wagner") in sanctions(run(gazetteer, text))
    text = "Washington announced sanctions over the coup on Monday. The State Department also listed Rosoboronexport."
    state_department = "org:usa-ministry-of-foreign-affairs"
    assert (state_department, "SANCTIONS", "company:rosoboronexport") in sanctions(run(gazetteer, text))


def test_designation_without_a_sanctions_cue_is_no_sanction(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Lockheed Martin is listed as the main contractor for the jets.")
    assert sanctions(art) == set()
    art = run(gazetteer, "NATO designated Poland as the host of the next summit.")
    assert sanctions(art) == set()


def test_designating_office_and_its_state(gazetteer: Gazetteer) -> None:
    text = "The Treasury's Office of Foreign Assets Control sanctioned Rosoboronexport on Tuesday."
    found = sanctions(run(gazetteer, text))
    assert ("org:ofac", "SANCTIONS", "company:rosoboronexport") in found
    assert ("country:USA", "SANCTIONS", "company:rosoboronexport") in found


def test_union_institution_acts_for_the_union(gazetteer: Gazetteer) -> None:
    found = sanctions(run(gazetteer, "The EU Council imposed new sanctions on Belarus over its role in the war."))
    assert found == {
        ("org:european-council", "SANCTIONS", "country:BLR"),
        ("alliance:eu", "SANCTIONS", "country:BLR"),
    }


def test_restrictive_measures_imposed_on(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "EU restrictive measures now also apply to Rosoboronexport.")
    assert sanctions(art) == set()  # no imposing verb or preposition of a target
    art = run(gazetteer, "EU restrictive measures were also imposed on Rosoboronexport last week.")
    assert sanctions(art) == {("alliance:eu", "SANCTIONS", "company:rosoboronexport")}
    art = run(gazetteer, "The EU adopted restrictive measures against Rosoboronexport.")
    assert sanctions(art) == {("alliance:eu", "SANCTIONS", "company:rosoboronexport")}


def test_sanctioned_modifier_names_its_sanctioners(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Kinshasa accused Kigali of arming the M23, a US and UN-sanctioned militia.")
    assert {("country:USA", "SANCTIONS", "group:m23"), ("alliance:un", "SANCTIONS", "group:m23")} <= sanctions(art)
    art = run(gazetteer, "The US-sanctioned Wagner Group recruited more fighters.")
    assert sanctions(art) == {("country:USA", "SANCTIONS", "group:wagner")}
    assert sanctions(run(gazetteer, "A Russian sanctioned tanker docked in the port.")) == set()


def test_listed_entities_named_by_a_copula(gazetteer: Gazetteer) -> None:
    text = "The bloc widened its sanctions on Tuesday. The EU listed firms are Rosoboronexport and Almaz-Antey."
    assert sanctions(run(gazetteer, text)) >= {
        ("alliance:eu", "SANCTIONS", "company:rosoboronexport"),
        ("alliance:eu", "SANCTIONS", "company:almaz-antey"),
    }


def test_counted_targets_followed_by_their_names(gazetteer: Gazetteer) -> None:
    text = "Britain imposed sanctions on three arms suppliers, Rosoboronexport, Almaz-Antey and the Wagner Group."
    assert sanctions(run(gazetteer, text)) == {
        ("country:GBR", "SANCTIONS", "company:rosoboronexport"),
        ("country:GBR", "SANCTIONS", "company:almaz-antey"),
        ("country:GBR", "SANCTIONS", "group:wagner"),
    }


def test_sanctions_on_a_states_companies_spare_the_state(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Beijing announced sanctions against 12 U.S. defence companies over arms sales.")
    assert ("country:CHN", "SANCTIONS", "country:USA") not in sanctions(art)
    art = run(gazetteer, "Japan imposed sanctions on Russian officials after the annexation.")
    assert ("country:JPN", "SANCTIONS", "country:RUS") in sanctions(art)


def test_targets_listed_after_the_announcement(gazetteer: Gazetteer) -> None:
    text = "Beijing announced sanctions on Tuesday. Sanctioned firms include Lockheed Martin and Raytheon."
    assert sanctions(run(gazetteer, text)) == {
        ("country:CHN", "SANCTIONS", "company:lockheed-martin"),
        ("country:CHN", "SANCTIONS", "company:rtx"),
    }
    text = "The Treasury imposed sanctions on Iran's oil sector. The designations of Rosoboronexport follow a probe."
    assert ("org:treasury", "SANCTIONS", "company:rosoboronexport") in sanctions(run(gazetteer, text))
    text = "The EU widened its sanctions against Moscow. Rosoboronexport was also designated."
    assert ("alliance:eu", "SANCTIONS", "company:rosoboronexport") in sanctions(run(gazetteer, text))
    # Without an announcement before it, a list of sanctioned firms names no sanctioner.
    assert sanctions(run(gazetteer, "Sanctioned firms include Lockheed Martin and Raytheon.")) == set()


def test_targeted_in_a_sanctions_passage(gazetteer: Gazetteer) -> None:
    text = (
        "The Office of Foreign Assets Control announced a new sanctions package on Monday. "
        "Rosoboronexport and Almaz-Antey were targeted in the latest move."
    )
    found = sanctions(run(gazetteer, text))
    assert ("org:ofac", "SANCTIONS", "company:rosoboronexport") in found
    assert ("org:ofac", "SANCTIONS", "company:almaz-antey") in found
    text = "The EU imposed sanctions on Russia. Civilians in Kharkiv were targeted in the shelling."
    assert sanctions(run(gazetteer, text)) == {("alliance:eu", "SANCTIONS", "country:RUS")}


def test_ranked_officers_listed_in_one_sentence(gazetteer: Gazetteer) -> None:
    # "Brig. Gen." does not end the sentence: the officer after it is in the list.
    text = "The US sanctioned two Sudanese officers on Monday. Ali Hamid and Brig. Gen. Musa Adam were targeted."
    art = run(gazetteer, text)
    assert not any(e.name == "Brig" for e in art.entities)
    assert {("country:USA", "SANCTIONS", "person:ali-hamid"), ("country:USA", "SANCTIONS", "person:musa-adam")} <= (
        sanctions(art)
    )


def test_a_list_parsed_as_a_chain_of_appositions() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from loader.patterns.syntax import Context
    from loader.resolve import Mention, Resolved

    # "Hamid, Atta, Saeed and Adam": each name hung on the one before as an apposition.
    words = ["Hamid", ",", "Atta", ",", "Saeed", "and", "Adam"]
    heads = [0, 0, 0, 2, 2, 4, 4]
    deps = ["ROOT", "punct", "appos", "punct", "appos", "cc", "conj"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=["PROPN", "PUNCT"] * 3 + ["PROPN"])
    resolved = [
        Resolved(Mention(i, i + 1, words[i], "PERSON", 0), f"person:{words[i].lower()}", "Person", words[i], 0.9)
        for i in (0, 2, 4, 6)
    ]
    names = [a.id for a in Context(doc, resolved).np_actors(doc[0])]
    assert names == ["person:hamid", "person:atta", "person:saeed", "person:adam"]


def test_firms_listed_in_an_annex_including_named_ones(gazetteer: Gazetteer) -> None:
    text = (
        "Beijing announced sanctions on Tuesday. The 12 companies listed in the attached annex, including "
        "Lockheed Martin, Raytheon and General Dynamics, are barred from business in China."
    )
    found = sanctions(run(gazetteer, text))
    assert {("country:CHN", "SANCTIONS", c) for c in ("company:lockheed-martin", "company:general-dynamics")} <= found


def test_a_cue_in_a_names_plural(gazetteer: Gazetteer) -> None:
    # "the Sanctions Act" is a cue as much as "sanctions"; the designation follows it.
    text = "Under the Global Magnitsky Sanctions Act, the State Department designated Rosoboronexport."
    state_department = "org:usa-ministry-of-foreign-affairs"
    assert (state_department, "SANCTIONS", "company:rosoboronexport") in sanctions(run(gazetteer, text))


def test_examples_run_on_past_a_parse_break() -> None:
    import spacy
    from spacy.tokens import Doc

    from loader.patterns.syntax import Context
    from loader.resolve import Mention, Resolved

    # "firms including Alpha , Beta and Gamma": the parser coordinated only the first name.
    words = ["firms", "including", "Alpha", ",", "Beta", "and", "Gamma"]
    heads = [0, 0, 1, 2, 0, 0, 0]
    deps = ["ROOT", "prep", "pobj", "punct", "dep", "cc", "dep"]
    pos = ["NOUN", "VERB", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN"]
    tags = ["NNS", "VBG", "NNP", ",", "NNP", "CC", "NNP"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    resolved = [
        Resolved(Mention(i, i + 1, words[i], "ORG", 0), f"company:{words[i].lower()}", "Company", words[i], 0.9)
        for i in (2, 4, 6)
    ]
    names = [a.id for a in Context(doc, resolved).np_actors(doc[0])]
    assert names == ["company:alpha", "company:beta", "company:gamma"]
