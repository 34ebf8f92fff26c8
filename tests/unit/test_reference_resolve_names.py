"""Names in reference tables resolve through the gazetteer; unknown names are reported, never created."""

from __future__ import annotations

import pytest

from loader.gazetteer import Gazetteer
from loader.reference.resolve_names import NameResolver, UnknownParty, UnresolvedName, load_register_names


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture
def resolver(gazetteer: Gazetteer) -> NameResolver:
    return NameResolver(gazetteer, load_register_names())


@pytest.mark.parametrize("name", ["Russian Federation", "Russia", "RUS", "RU", " Russia ", "country:RUS"])
def test_one_actor_for_every_spelling_of_russia(resolver: NameResolver, name: str) -> None:
    assert resolver.resolve(name).id == "country:RUS"


@pytest.mark.parametrize(("name", "actor"), [
    ("Houthi rebels (Yemen)*", "group:houthis"),
    ("Hezbollah (Lebanon)*", "group:hezbollah"),
    ("NATO**", "alliance:nato"),
    ("Congo", "country:COG"),
    ("DR Congo", "country:COD"),
    ("Turkiye", "country:TUR"),
    ("Viet Nam", "country:VNM"),
    ("UAE", "country:ARE"),
    ("Korea, South", "country:KOR"),
    ("Libya GNA", "country:LBY"),
])
def test_register_spellings(resolver: NameResolver, name: str, actor: str) -> None:
    assert resolver.resolve(name).id == actor


def test_register_spellings_apply_only_to_registers(gazetteer: Gazetteer) -> None:
    assert NameResolver(gazetteer).resolve("Congo").id == "country:COD"


@pytest.mark.parametrize("name", ["unknown country", "Unknown recipient(s)", "unknown rebel group*", "?"])
def test_unknown_parties_are_recognised(resolver: NameResolver, name: str) -> None:
    with pytest.raises(UnknownParty):
        resolver.resolve(name, what="supplier")


def test_unknown_names_are_reported_not_created(resolver: NameResolver) -> None:
    for _ in range(2):
        with pytest.raises(UnresolvedName, match="not in the gazetteer"):
            resolver.resolve("Republic of Atlantis")
    assert resolver.unresolved == {"Republic of Atlantis": 2}


def test_wrong_kind_is_refused(resolver: NameResolver) -> None:
    with pytest.raises(UnresolvedName, match="a Region; expected a Country"):
        resolver.resolve("Central Asia", ("Country",))


def test_entity_keeps_the_table_spelling_as_alias(resolver: NameResolver) -> None:
    entity = resolver.resolve("Russian Federation").entity()
    assert entity.id == "country:RUS" and entity.name == "Russia" and entity.kind == "Country"
    assert "Russian Federation" in entity.aliases and "Russia" not in entity.aliases
    assert entity.iso3 == "RUS"
