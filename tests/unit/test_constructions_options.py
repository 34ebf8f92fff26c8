"""Generic options of the construction engine: negative attributes and anchors, unnamed triggers, weak
modifiers, ended relations, roles, the ellipsis side, and the possessor, list and counted role kinds.
Each is shown on sentences written for these tests; the MEMBER_OF and LEADS files use them."""

from __future__ import annotations

import pytest

from loader.constructions import _has_child, _subject_side
from loader.gazetteer import Gazetteer
from tests.extraction_support import run, triples


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def test_an_absent_anchor_names_known_attributes_only(gazetteer: Gazetteer) -> None:
    from loader.extract import get_pipeline

    doc = get_pipeline(gazetteer)("Sweden was admitted to the alliance.")
    verb = next(t for t in doc if t.lemma_ == "admit")
    assert _has_child(verb, {"dep": ["nsubjpass"]})
    assert not _has_child(verb, {"dep": ["dobj"]})
    with pytest.raises(ValueError, match="unknown token attribute"):
        _has_child(verb, {"deps": ["dobj"]})


def test_the_subject_side_is_stated_or_follows_the_subject_role() -> None:
    assert _subject_side({"subject_side": "none"}, "source") is None
    assert _subject_side({"subject_side": "source"}, None) == "source"
    assert _subject_side({}, "source") == "source"
    assert _subject_side({}, None) is None


def test_negative_anchor_a_verb_with_its_own_object_names_no_leaver(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Niger withdrew from ECOWAS.")
    assert ("country:NER", "MEMBER_OF", "alliance:ecowas") in triples(art, negated=True)  # ended: no longer
    art = run(gazetteer, "France withdrew its troops from the NATO mission in Kosovo.")
    assert not [t for t in triples(art) | triples(art, negated=True) if t[1] == "MEMBER_OF"]


def test_a_possessive_pronoun_stands_for_the_subject_list(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Mali, Niger and Burkina Faso announced their withdrawal from ECOWAS.")
    assert {("country:MLI", "MEMBER_OF", "alliance:ecowas"), ("country:NER", "MEMBER_OF", "alliance:ecowas"),
            ("country:BFA", "MEMBER_OF", "alliance:ecowas")} <= triples(art, negated=True)


def test_the_owner_of_a_bid_joins_not_the_one_who_blocks_it(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Hungary delayed Sweden's bid to join NATO.")
    assert ("country:SWE", "MEMBER_OF", "alliance:nato") in triples(art)
    assert ("country:HUN", "MEMBER_OF", "alliance:nato") not in triples(art)


def test_an_unnamed_grouping_noun_in_apposition_lists_members(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "AUKUS, a security pact between Australia, Britain and the United States, dates from 2021.")
    assert {("country:AUS", "MEMBER_OF", "alliance:aukus"), ("country:USA", "MEMBER_OF", "alliance:aukus")} <= (
        triples(art))


def test_a_phrase_head_role_leaves_out_a_misparsed_conjunct(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Japan is not part of AUKUS and the Quad holds no joint drills.")
    assert ("country:JPN", "MEMBER_OF", "alliance:aukus") in triples(art, negated=True)
    assert ("country:JPN", "MEMBER_OF", "alliance:quad") not in triples(art) | triples(art, negated=True)


def test_a_counted_subject_is_the_last_list_of_that_many_states(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Australia, India, Japan and the United States met in Tokyo. "
                         "The four nations make up the Quad.")
    assert {("country:AUS", "MEMBER_OF", "alliance:quad"), ("country:JPN", "MEMBER_OF", "alliance:quad")} <= (
        triples(art))


@pytest.mark.parametrize(
    "text",
    [
        "Mercosur groups four founding states \u2014 Argentina, Brazil, Paraguay and Uruguay.",  # appos list
        "Mercosur includes four states: Argentina, Brazil, Paraguay and Uruguay.",
    ],
)
def test_joined_roles_read_a_list_after_the_object(gazetteer: Gazetteer, text: str) -> None:
    art = run(gazetteer, text)
    assert {("country:ARG", "MEMBER_OF", "alliance:mercosur"), ("country:URY", "MEMBER_OF", "alliance:mercosur")} <= (
        triples(art))


def test_a_role_is_recorded_and_an_ellipsis_takes_the_subject_side(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Yevgeny Prigozhin founded the Wagner Group in 2014.")
    assert [r.role for r in art.relations if r.type == "LEADS"] == ["founder"]
    art = run(gazetteer, "Finland joined NATO in 2023, and Sweden did the same a year later.")
    assert ("country:SWE", "MEMBER_OF", "alliance:nato") in triples(art)


def test_a_trigger_lemma_list_can_be_excluded(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Armenia froze its participation in the CSTO.")
    assert ("country:ARM", "MEMBER_OF", "alliance:csto") in triples(art)  # frozen, not ended
    art = run(gazetteer, "Britain ended its participation in the European Union.")
    assert ("country:GBR", "MEMBER_OF", "alliance:eu") in triples(art, negated=True)


def test_a_bare_demonym_fills_no_role_when_weak_actors_are_refused(gazetteer: Gazetteer) -> None:
    from loader.constructions import _role
    from loader.extract import collect_mentions, get_pipeline
    from loader.patterns.syntax import Context
    from loader.resolve import resolve_mentions

    doc = get_pipeline(gazetteer)("The Finnish joined NATO in 2023.")
    resolution = resolve_mentions(collect_mentions(doc, gazetteer), gazetteer)
    ctx = Context(doc, resolution.resolved, resolution.parents)
    tokens = {"trigger": next(t for t in doc if t.lemma_ == "join")}
    assert [a.id for a in _role(ctx, tokens, "subject")] == ["country:FIN"]
    assert _role(ctx, tokens, "subject", allow_weak=False) == []
    assert ("country:FIN", "MEMBER_OF", "alliance:nato") not in triples(run(gazetteer, "The Finnish joined NATO."))
    assert ("country:FIN", "MEMBER_OF", "alliance:nato") in triples(run(gazetteer, "Finland joined NATO."))


def test_the_lone_bloc_of_a_sentence_about_members_and_a_minimum_of_sources(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Finland is the newest member of NATO. The other two are Sweden and Denmark.")
    assert {("country:SWE", "MEMBER_OF", "alliance:nato"), ("country:DNK", "MEMBER_OF", "alliance:nato")} <= (
        triples(art))
    # Two blocs, and no word of membership: no one bloc to read the list against.
    art = run(gazetteer, "NATO and the EU met in Brussels. The remaining two are Norway and Iceland.")
    assert not [t for t in triples(art) if t[1] == "MEMBER_OF"]
    # One state is not a list of "the other" members.
    art = run(gazetteer, "Finland is the newest member of NATO. The other one is Sweden.")
    assert ("country:SWE", "MEMBER_OF", "alliance:nato") not in triples(art)


def test_states_in_a_row_after_a_bloc_and_a_member_word(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "SCO member states China, India and Iran held talks.")
    assert {("country:CHN", "MEMBER_OF", "alliance:sco"), ("country:IRN", "MEMBER_OF", "alliance:sco")} <= (
        triples(art))
    art = run(gazetteer, "EU member states: France, Germany and Italy backed the plan.")
    assert ("country:ITA", "MEMBER_OF", "alliance:eu") in triples(art)
    # After a comma the names may be further parties, not a list of members.
    art = run(gazetteer, "NATO members, Russia and China were all invited.")
    assert not [t for t in triples(art) if t[1] == "MEMBER_OF"]


def test_states_joined_by_hyphens_in_the_name_of_a_bloc_with_its_acronym(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Leaders discussed the Australia-United Kingdom-United States Partnership (AUKUS) today.")
    assert {("country:AUS", "MEMBER_OF", "alliance:aukus"), ("country:GBR", "MEMBER_OF", "alliance:aukus"),
            ("country:USA", "MEMBER_OF", "alliance:aukus")} <= triples(art)
    # One state before a hyphen does not make a list of members.
    art = run(gazetteer, "Leaders discussed the Australia-led Partnership (AUKUS) today.")
    assert not [t for t in triples(art) if t[1] == "MEMBER_OF"]
