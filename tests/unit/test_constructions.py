"""The data construction engine: files compile to DependencyMatcher patterns, and each construction
states its relation through the shared argument code (coordination, owners, negation)."""

from __future__ import annotations

import pytest

from loader.constructions import compile_patterns, construction_files
from loader.gazetteer import Gazetteer
from loader.models import RELATION_TYPES
from tests.extraction_support import run, triples


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def test_every_file_names_a_relation_type_and_compiles() -> None:
    files = construction_files()
    assert files
    for frame in files:
        assert frame["type"] in RELATION_TYPES, frame["file"]
        ids = [c["id"] for c in frame["constructions"]]
        assert len(ids) == len(set(ids)), frame["file"]
        for construction in frame["constructions"]:
            patterns = compile_patterns(construction)
            assert patterns and all(pattern[0]["RIGHT_ID"] == "trigger" for pattern in patterns)
            assert construction["source"] and construction["target"]


def test_unknown_attributes_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown token attribute"):
        compile_patterns({"id": "x", "trigger": {"lema": ["fire"]}, "source": ["subject"], "target": ["object"]})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Azerbaijan carried out air strikes on Armenian positions.", ("country:AZE", "ATTACKED", "country:ARM")),
        ("North Korea fired ballistic missiles at Japan on Friday.", ("country:PRK", "ATTACKED", "country:JPN")),
        ("Turkish forces shot down a Syrian warplane.", ("country:TUR", "ATTACKED", "country:SYR")),
        ("Canada is training Latvian soldiers near Riga.", ("country:CAN", "MILITARY_SUPPORT_TO", "country:LVA")),
        ("Nepal and Ghana contributed troops to UNIFIL.", ("country:GHA", "MILITARY_SUPPORT_TO", "org:unifil")),
        ("Turkish military instructors arrived in Somalia.", ("country:TUR", "MILITARY_SUPPORT_TO", "country:SOM")),
        ("Norway has sent to Ukraine two NASAMS batteries.", ("country:NOR", "SUPPLIES_ARMS_TO", "country:UKR")),
        ("Chile and Peru are founding members of Mercosur.", ("country:PER", "MEMBER_OF", "alliance:mercosur")),
        ("Moscow signed a partnership treaty with Pyongyang.", ("country:RUS", "ALLIED_WITH", "country:PRK")),
        ("Afghan pilots flew to safety in Tajikistan.", ("country:AFG", "REFUGEES_FLEE_TO", "country:TJK")),
        ("Civilians fled areas of Syria controlled by Hezbollah.", ("group:hezbollah", "CONTROLS", "country:SYR")),
        ("Civilians fled Russian-occupied territory within Georgia.", ("country:RUS", "CONTROLS", "country:GEO")),
        ("Greece flew four French-made Mirage jets, which were acquired by Athens in 1988.",
         ("country:FRA", "SUPPLIES_ARMS_TO", "country:GRC")),
        ("Malian families escaped into Niger.", ("country:MLI", "REFUGEES_FLEE_TO", "country:NER")),
        ("MINURSO is headquartered in Laayoune, Western Sahara.", ("country:ESH", "HOSTS_BASE_OF", "org:minurso")),
    ],
)
def test_constructions_state_their_relation(gazetteer: Gazetteer, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(run(gazetteer, text))


def test_negation_and_coordination_apply_to_constructions(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Nepal and Ghana contributed troops to UNIFIL.")
    assert ("country:NPL", "MILITARY_SUPPORT_TO", "org:unifil") in triples(art)
    art = run(gazetteer, "Egypt did not carry out air strikes on Libya.")
    assert ("country:EGY", "ATTACKED", "country:LBY") not in triples(art)
    assert ("country:EGY", "ATTACKED", "country:LBY") in triples(art, negated=True)



def test_a_capital_after_in_is_the_place_of_an_attack(gazetteer: Gazetteer) -> None:
    from loader.constructions import construction_candidates
    from loader.extract import collect_mentions, get_pipeline
    from loader.patterns.syntax import Context
    from loader.resolve import resolve_mentions

    def targets(text: str) -> set[str]:
        doc = get_pipeline(gazetteer)(text)
        resolution = resolve_mentions(collect_mentions(doc, gazetteer), gazetteer)
        ctx = Context(doc, resolution.resolved, resolution.parents)
        return {c.target.id for sent in doc.sents for c in construction_candidates(ctx, sent)}

    assert targets("Turkey carried out air strikes in Iraq on Monday.") == {"country:IRQ"}
    assert targets("Turkey carried out air strikes in Baghdad on Monday.") == set()


def test_lists_of_other_rules_files_can_be_named_in_a_construction() -> None:
    (pattern,) = compile_patterns(
        {"id": "x", "trigger": {"lemma": ["@lexicon:supply_verbs"]}, "source": ["subject"], "target": ["object"]}
    )
    assert "deliver" in pattern[0]["RIGHT_ATTRS"]["LEMMA"]["IN"]


def test_a_token_may_have_alternatives_each_compiled_to_a_pattern() -> None:
    patterns = compile_patterns({
        "id": "x", "trigger": {"lemma": ["flee"]},
        "anchors": {"people": {"dep": ["nsubj"], "any": [{"lemma": ["refugee"]}, {"tag": ["NNPS"]}]}},
        "source": ["owner@people"], "target": ["prep:to"],
    })
    assert [p[1]["RIGHT_ATTRS"] for p in patterns] == [
        {"DEP": {"IN": ["nsubj"]}, "LEMMA": {"IN": ["refugee"]}},
        {"DEP": {"IN": ["nsubj"]}, "TAG": {"IN": ["NNPS"]}},
    ]


def test_a_coalition_of_armed_groups_has_members_and_an_acronym_beats_an_outlets_initials(
    gazetteer: Gazetteer,
) -> None:
    art = run(gazetteer, "In Rakhine, Arakan Army (AA) fighters clashed with troops. The AA and the TNLA are members "
                         "of the Three Brotherhood Alliance.")
    assert {("group:arakan-army", "MEMBER_OF", "group:three-brotherhood-alliance"),
            ("group:tnla", "MEMBER_OF", "group:three-brotherhood-alliance")} <= triples(art)
    assert not any(e.kind == "Media" for e in art.entities)


def test_a_sentence_read_both_ways_keeps_its_negation(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Japan did not sign a defence pact with the Philippines.")
    assert ("country:JPN", "ALLIED_WITH", "country:PHL") in triples(art, negated=True)
    assert ("country:JPN", "ALLIED_WITH", "country:PHL") not in triples(art)
    trade = triples(run(gazetteer, "India signed a trade agreement with Chile."))
    assert not [t for t in trade if t[1] == "ALLIED_WITH"]


def test_a_construction_can_narrow_its_actor_kinds(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "OPEC is headquartered in Vienna, Austria.")
    assert not [t for t in triples(art) if t[1] == "HOSTS_BASE_OF"]  # a body's seat is no foreign base


def test_an_army_may_hold_land_of_its_own_state_but_not_attack_it(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Civilians fled areas of Sudan controlled by the Sudanese army.")
    assert ("org:sdn-armed-forces", "CONTROLS", "country:SDN") in triples(art)
    art = run(gazetteer, "The Sudanese army struck Sudan.")
    assert not [t for t in triples(art) if t[1] == "ATTACKED"]


def _construction_triples(gazetteer: Gazetteer, text: str) -> set[tuple[str, str, str]]:
    """What the data constructions alone state of `text` (before hedges and negation)."""
    from loader.constructions import construction_candidates
    from loader.extract import collect_mentions, get_pipeline
    from loader.patterns.syntax import Context
    from loader.resolve import resolve_mentions

    doc = get_pipeline(gazetteer)(text)
    resolution = resolve_mentions(collect_mentions(doc, gazetteer), gazetteer)
    ctx = Context(doc, resolution.resolved, resolution.parents)
    return {(c.source.id, c.type, c.target.id) for sent in doc.sents for c in construction_candidates(ctx, sent)}


def test_an_attribute_can_exclude_values() -> None:
    [pattern] = compile_patterns(
        {"id": "x", "trigger": {"lemma": ["target"], "dep": {"not": ["acl", "relcl"]}}, "source": ["subject"],
         "target": ["object"]}
    )
    assert pattern[0]["RIGHT_ATTRS"]["DEP"] == {"NOT_IN": ["acl", "relcl"]}


def test_voice_tells_the_doer_of_an_active_verb_from_a_passive_one(gazetteer: Gazetteer) -> None:
    found = _construction_triples(gazetteer, "Almaz-Antey was blacklisted by Australia in March.")
    assert ("country:AUS", "SANCTIONS", "company:almaz-antey") in found
    assert ("company:almaz-antey", "SANCTIONS", "country:AUS") not in found
    found = _construction_triples(gazetteer, "New Zealand froze the bank accounts of Belarusian officials.")
    assert ("country:NZL", "SANCTIONS", "country:BLR") in found


def test_the_doer_of_an_event_noun_fills_a_role(gazetteer: Gazetteer) -> None:
    found = _construction_triples(gazetteer, "Norway's penalties against Belarus took effect on Friday.")
    assert ("country:NOR", "SANCTIONS", "country:BLR") in found
    found = _construction_triples(gazetteer, "Switzerland slapped fresh sanctions in April on Belarus.")
    assert ("country:CHE", "SANCTIONS", "country:BLR") in found


def test_a_qualified_trigger_counts_only_with_its_qualifier(gazetteer: Gazetteer) -> None:
    found = _construction_triples(gazetteer, "Canada adopted punitive measures against Belarus.")
    assert ("country:CAN", "SANCTIONS", "country:BLR") in found
    found = _construction_triples(gazetteer, "Canada adopted customs measures against Belarus.")
    assert not [t for t in found if t[1] == "SANCTIONS"]


def test_a_target_named_only_as_a_firms_modifier_is_spared(gazetteer: Gazetteer) -> None:
    found = _construction_triples(gazetteer, "Ottawa imposed sanctions on two Iranian drone manufacturers.")
    assert ("country:CAN", "SANCTIONS", "country:IRN") not in found
    found = _construction_triples(gazetteer, "Ottawa imposed sanctions on two Iranian generals.")
    assert ("country:CAN", "SANCTIONS", "country:IRN") in found


def test_an_office_acts_for_its_state_and_an_institution_for_its_union(gazetteer: Gazetteer) -> None:
    found = _construction_triples(gazetteer, "The Office of Foreign Assets Control sanctioned Almaz-Antey.")
    assert {("org:ofac", "SANCTIONS", "company:almaz-antey"), ("country:USA", "SANCTIONS", "company:almaz-antey")} <= (
        found
    )
    found = _construction_triples(gazetteer, "The EU Council imposed sanctions on Belarus.")
    assert {("org:european-council", "SANCTIONS", "country:BLR"), ("alliance:eu", "SANCTIONS", "country:BLR")} <= found


def test_strict_roles_take_no_state_from_a_name_inside_the_phrase(gazetteer: Gazetteer) -> None:
    found = _construction_triples(gazetteer, "Canada imposed sanctions on the flag carrier Iran Air.")
    assert ("country:CAN", "SANCTIONS", "country:IRN") not in found
    found = _construction_triples(gazetteer, "Canada imposed sanctions on Iran over the drone sales.")
    assert ("country:CAN", "SANCTIONS", "country:IRN") in found


def test_a_cue_in_the_passage_is_required_where_a_construction_asks_for_one(gazetteer: Gazetteer) -> None:
    assert not _construction_triples(gazetteer, "The Treasury designated Almaz-Antey on Friday.")
    found = _construction_triples(gazetteer, "Under the new sanctions law, the Treasury designated Almaz-Antey.")
    assert ("org:treasury", "SANCTIONS", "company:almaz-antey") in found


def test_unless_skips_a_trigger_with_a_governed_word_or_a_word_in_its_sentence(gazetteer: Gazetteer) -> None:
    text = "Sanctions experts met in Oslo. Almaz-Antey is listed as a supplier of the radar."
    assert not [t for t in _construction_triples(gazetteer, text) if t[1] == "SANCTIONS"]
    text = "The EU imposed sanctions on Russia. Kharkiv was targeted in the missile strike."
    found = {t for t in _construction_triples(gazetteer, text) if t[1] == "SANCTIONS"}
    assert found == {("alliance:eu", "SANCTIONS", "country:RUS")}


def test_an_earlier_doer_fills_a_passage_that_names_only_the_parties(gazetteer: Gazetteer) -> None:
    text = "Norway announced new sanctions on Monday. Almaz-Antey was also designated."
    assert ("country:NOR", "SANCTIONS", "company:almaz-antey") in _construction_triples(gazetteer, text)
    text = "Norway held talks on Monday. Almaz-Antey was also designated."
    assert not _construction_triples(gazetteer, text)


def test_name_modifiers_and_what_the_modified_noun_names(gazetteer: Gazetteer) -> None:
    found = _construction_triples(gazetteer, "Kinshasa condemned the M23, an EU-sanctioned rebel group.")
    assert ("alliance:eu", "SANCTIONS", "group:m23") in found
    found = _construction_triples(gazetteer, "The Wagner Group is a US-sanctioned company.")
    assert ("country:USA", "SANCTIONS", "group:wagner") in found
    assert not _construction_triples(gazetteer, "A Belarusian sanctioned freighter left the port.")


def test_a_role_entry_may_join_roles_and_keep_some_kinds(gazetteer: Gazetteer) -> None:
    # "self|prep:from|owner#Country": the troops' state, wherever the phrase names it
    art = run(gazetteer, "Zambian peacekeepers serving in MINUSCA were praised.")
    assert ("country:ZMB", "MILITARY_SUPPORT_TO", "org:minusca") in triples(art)
    art = run(gazetteer, "Peacekeepers from Fiji serving in UNDOF were evacuated.")
    assert ("country:FJI", "MILITARY_SUPPORT_TO", "org:undof") in triples(art)
    # "prep:at#Country" names no state here, so the next entry (the "in" inside it) is tried
    art = run(gazetteer, "U.S. troops are stationed at Camp Lemonnier in Djibouti.")
    assert ("country:DJI", "HOSTS_BASE_OF", "country:USA") in triples(art)
    # "#Organization,Alliance": a state's troops present in another state are not hosted by it
    assert not {t for t in triples(run(gazetteer, "Russian troops are present in Georgia.")) if t[1] == "HOSTS_BASE_OF"}


def test_a_subject_filling_the_target_is_replaced_by_an_ellipsis(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Britain has 900 soldiers stationed in Estonia, and Canada plans to do the same.")
    hosted = {("country:EST", "HOSTS_BASE_OF", "country:GBR"), ("country:EST", "HOSTS_BASE_OF", "country:CAN")}
    assert hosted <= triples(art)


def test_a_symmetric_relation_between_the_subjects_is_stated_once(gazetteer: Gazetteer) -> None:
    art = run(gazetteer, "Egyptian and Jordanian troops trained together near Aqaba.")
    drills = [r for r in art.relations if r.type == "JOINT_EXERCISE_WITH"]
    assert [{r.source, r.target} for r in drills] == [{"country:EGY", "country:JOR"}]


def test_a_construction_may_require_a_role_to_name_an_actor(gazetteer: Gazetteer) -> None:
    # what was replaced must be a force ("requires: [self@old#ArmedGroup,…]" or troops)
    art = run(gazetteer, "The Africa Corps replaced French troops in Mali.")
    assert ("group:africa-corps", "MILITARY_SUPPORT_TO", "country:MLI") in triples(art)
    art = run(gazetteer, "The Africa Corps replaced the old commander in Mali.")
    assert not {t for t in triples(art) if t[1] in {"MILITARY_SUPPORT_TO", "HOSTS_BASE_OF"}}
