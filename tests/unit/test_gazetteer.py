"""Tests of the gazetteer: shipped data coverage, lookup rules and user extensions."""

from __future__ import annotations

from pathlib import Path

import pycountry
import pytest

from geokg.errors import GeoKGError
from loader.gazetteer import (
    _CAPITALISED_ONLY,
    _THE_REQUIRED,
    FORM_TYPES,
    KIND_PREFIXES,
    Gazetteer,
    GazetteerEntry,
    GazetteerError,
    _key,
)
from loader.models import ACTOR_KINDS


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def _id(gaz: Gazetteer, surface: str) -> str | None:
    entry = gaz.lookup(surface)
    return entry.id if entry else None


def test_every_iso_country_is_present(gaz: Gazetteer) -> None:
    for country in pycountry.countries:
        entry = gaz.get(f"country:{country.alpha_3}")
        assert entry is not None, country.name
        assert entry.kind == "Country"
        assert entry.iso2 == country.alpha_2
        assert entry.iso3 == country.alpha_3


@pytest.mark.parametrize("iso3", ["XKX", "TWN", "PSE"])
def test_countries_in_the_news_beyond_iso(gaz: Gazetteer, iso3: str) -> None:
    entry = gaz.get(f"country:{iso3}")
    assert entry is not None and entry.kind == "Country"


@pytest.mark.parametrize(
    ("surface", "actor_id", "form_type"),
    [
        ("U.S.", "country:USA", "alias"),
        ("US", "country:USA", "alias"),
        ("USA", "country:USA", "alias"),
        ("the United States", "country:USA", "name"),
        ("United States", "country:USA", "name"),
        ("American", "country:USA", "demonym"),
        ("Americans", "country:USA", "demonym"),
        ("Washington", "country:USA", "metonym"),
        ("Washington, D.C.", "country:USA", "metonym"),
        ("Britons", "country:GBR", "demonym"),
        ("the White House", "country:USA", "metonym"),
        ("Pentagon", "country:USA", "metonym"),
        ("Russian Federation", "country:RUS", "alias"),
        ("Russia", "country:RUS", "name"),
        ("Russian", "country:RUS", "demonym"),
        ("the Kremlin", "country:RUS", "metonym"),
        ("Kremlin", "country:RUS", "metonym"),
        ("Moscow", "country:RUS", "metonym"),
        ("UK", "country:GBR", "alias"),
        ("Britain", "country:GBR", "alias"),
        ("Downing Street", "country:GBR", "metonym"),
        ("Kyiv", "country:UKR", "metonym"),
        ("Kiev", "country:UKR", "metonym"),
        ("Türkiye", "country:TUR", "alias"),
        ("Turkiye", "country:TUR", "alias"),
        ("Czechia", "country:CZE", "alias"),
        ("DPRK", "country:PRK", "alias"),
        ("ROK", "country:KOR", "alias"),
        ("PRC", "country:CHN", "alias"),
        ("UAE", "country:ARE", "alias"),
        ("Emirati", "country:ARE", "demonym"),
        ("Afghan", "country:AFG", "demonym"),
        ("Afghans", "country:AFG", "demonym"),
        ("Kyrgyz", "country:KGZ", "demonym"),
        ("Tajik", "country:TJK", "demonym"),
        ("Côte d’Ivoire", "country:CIV", "alias"),
        ("Cote d'Ivoire", "country:CIV", "alias"),
        ("Congo", "country:COD", "alias"),
        ("Republic of the Congo", "country:COG", "name"),
        ("Georgia", "country:GEO", "name"),
        ("Guinea", "country:GIN", "name"),
        ("Kosovo", "country:XKX", "name"),
    ],
)
def test_country_forms(gaz: Gazetteer, surface: str, actor_id: str, form_type: str) -> None:
    assert _id(gaz, surface) == actor_id
    assert gaz.form_type(surface) == form_type


@pytest.mark.parametrize(
    "surface",
    ["us", "is", "Us", "un", "eu", "Is", "let", "turkey", "china", "Korea", "Korean", "Hindu", "", "   "],
)
def test_ordinary_words_and_ambiguous_names_resolve_to_nothing(gaz: Gazetteer, surface: str) -> None:
    assert gaz.lookup(surface) is None
    assert gaz.form_type(surface) is None


@pytest.mark.parametrize(
    ("surface", "actor_id"),
    [
        ("the Collective Security Treaty Organization", "alliance:csto"),
        ("Collective Security Treaty Organisation", "alliance:csto"),
        ("CSTO", "alliance:csto"),
        ("NATO", "alliance:nato"),
        ("North Atlantic Treaty Organization", "alliance:nato"),
        ("SCO", "alliance:sco"),
        ("EU", "alliance:eu"),
        ("UN", "alliance:un"),
        ("U.N.", "alliance:un"),
        ("AU", "alliance:au"),
        ("the Quad", "alliance:quad"),
        ("League of Arab States", "alliance:arab-league"),
        ("Eurasian Economic Union", "alliance:eaeu"),
        ("ISIS-K", "group:isis-k"),
        ("IS-K", "group:isis-k"),
        ("ISKP", "group:isis-k"),
        ("Islamic State Khorasan Province", "group:isis-k"),
        ("Islamic State", "group:isis"),
        ("ISIS", "group:isis"),
        ("ISIL", "group:isis"),
        ("IS", "group:isis"),
        ("Daesh", "group:isis"),
        ("al-Qaida", "group:al-qaeda"),
        ("al-Qaeda", "group:al-qaeda"),
        ("Al Qaeda", "group:al-qaeda"),
        ("al Qaeda", "group:al-qaeda"),
        ("the Taliban", "group:taliban"),
        ("Ansar Allah", "group:houthis"),
        ("Wagner", "group:wagner"),
        ("Hizbollah", "group:hezbollah"),
        ("Kataib Hezbollah", "group:kataib-hezbollah"),
        ("RIA", "media:ria-novosti"),
        ("RIA Novosti", "media:ria-novosti"),
        ("AP", "media:ap"),
        ("AP News", "media:ap"),
        ("the Associated Press", "media:ap"),
        ("Interfax", "media:interfax"),
        ("NDTV", "media:ndtv"),
        ("EVN Report", "media:evn-report"),
        ("The Hindu", "media:the-hindu"),
        ("UNHCR", "org:unhcr"),
        ("United Nations High Commissioner for Refugees", "org:unhcr"),
        ("SIPRI", "org:sipri"),
        ("Rosoboronexport", "company:rosoboronexport"),
        ("Central Asia", "region:central-asia"),
        ("Central Asian", "region:central-asia"),
        ("Europe", "region:europe"),
        ("Middle Eastern", "region:middle-east"),
        ("Sea of Azov", "region:sea-of-azov"),
        ("Azov Regiment", "group:azov"),
    ],
)
def test_non_country_forms(gaz: Gazetteer, surface: str, actor_id: str) -> None:
    assert _id(gaz, surface) == actor_id


@pytest.mark.parametrize(
    ("surface", "actor_id"),
    [
        ("Russian Helicopters", "company:russian-helicopters"),
        ("Russian helicopters", None),  # aircraft, not the company
        ("Islamic state", None),
        ("Red cross", None),
        ("RUSSIAN HELICOPTERS", "company:russian-helicopters"),  # headlines carry no case signal
        ("islamic state", "group:isis"),  # nor does lowercase text
        ("Haqqani Network", "group:haqqani-network"),
        ("AL-QAEDA", "group:al-qaeda"),
    ],
)
def test_capitals_mark_proper_names_in_cased_text(
    gaz: Gazetteer, surface: str, actor_id: str | None
) -> None:
    assert _id(gaz, surface) == actor_id


def test_kinds_and_parents(gaz: Gazetteer) -> None:
    ria = gaz.lookup("RIA Novosti")
    assert ria is not None and ria.kind == "Media"
    roe = gaz.get("company:rosoboronexport")
    assert roe is not None and roe.kind == "Company" and roe.parent == "country:RUS"
    assert gaz.get("org:fsvts").parent == "country:RUS"  # type: ignore[union-attr]
    assert gaz.get("org:dsca").parent == "country:USA"  # type: ignore[union-attr]
    assert gaz.get("alliance:csto").kind == "Alliance"  # type: ignore[union-attr]
    assert gaz.get("group:isis-k").kind == "ArmedGroup"  # type: ignore[union-attr]
    assert gaz.get("region:central-asia").kind == "Region"  # type: ignore[union-attr]


def test_every_entry_is_well_formed(gaz: Gazetteer) -> None:
    ids = {entry.id for entry in gaz.entries()}
    for entry in gaz.entries():
        assert entry.kind in ACTOR_KINDS, entry.id
        assert entry.id.startswith(KIND_PREFIXES[entry.kind] + ":"), entry.id
        assert entry.name, entry.id
        if entry.parent is not None:
            assert entry.parent in ids, f"{entry.id}: unknown parent {entry.parent}"
        # Every written form resolves back to its own entry.
        for form, _ in entry.forms():
            assert _id(gaz, form) == entry.id, f"{form!r} of {entry.id} resolves elsewhere"


def test_expected_coverage(gaz: Gazetteer) -> None:
    counts: dict[str, int] = {}
    for entry in gaz.entries():
        counts[entry.kind] = counts.get(entry.kind, 0) + 1
    assert counts["Country"] >= 250
    assert counts["Alliance"] >= 40
    assert counts["ArmedGroup"] >= 30
    assert counts["Media"] >= 30
    assert counts["Company"] >= 40
    assert counts["Region"] >= 30
    sovereign = [e for e in gaz.entries() if e.kind == "Country" and e.demonyms]
    assert len(sovereign) >= 195


def test_no_surface_form_names_two_entries(gaz: Gazetteer) -> None:
    assert gaz.ambiguous_forms() == {}
    owner: dict[str, str] = {}
    for entry in gaz.entries():
        for form, _ in entry.forms():
            key = _key(form)
            assert owner.setdefault(key, entry.id) == entry.id, (
                f"{form!r} names both {owner[key]} and {entry.id}"
            )


def test_word_lists_name_shipped_forms(gaz: Gazetteer) -> None:
    # The special-case lists of the module stay in step with the data.
    keys = {_key(form) for entry in gaz.entries() for form, _ in entry.forms()}
    keys |= {_key(form) for entry in gaz.entries() for form, _ in entry.generated_forms()}
    assert _CAPITALISED_ONLY - keys - {k.removeprefix("the ") for k in keys} == set()
    assert {"the " + word for word in _THE_REQUIRED} - keys == set()


def test_phrase_patterns_cover_variants_and_resolve_consistently(gaz: Gazetteer) -> None:
    patterns = gaz.phrase_patterns()
    by_surface = {surface: (entry.id, form_type) for surface, entry, form_type in patterns}
    assert len(by_surface) == len(patterns), "a surface appears twice"
    for surface, (actor_id, form_type) in by_surface.items():
        assert form_type in FORM_TYPES
        assert _id(gaz, surface) == actor_id, surface
    for surface, actor_id in [
        ("U.S.", "country:USA"), ("US", "country:USA"), ("U.N.", "alliance:un"),
        ("the Kremlin", "country:RUS"), ("Kremlin", "country:RUS"), ("The Kremlin", "country:RUS"),
        ("al Qaeda", "group:al-qaeda"), ("Al-Qaeda", "group:al-qaeda"), ("ISIS K", "group:isis-k"),
        ("Côte d’Ivoire", "country:CIV"), ("Cote d'Ivoire", "country:CIV"),
        ("Afghans", "country:AFG"), ("Nato", "alliance:nato"),
    ]:
        assert by_surface.get(surface, (None,))[0] == actor_id, surface
    assert "Hindu" not in by_surface


def test_shipped_load_is_cached() -> None:
    assert Gazetteer.load() is Gazetteer.load()


def test_user_yaml_extends_and_overrides(tmp_path: Path) -> None:
    path = tmp_path / "extra.yaml"
    path.write_text(
        "- id: group:foo-brigade\n"
        "  name: Foo Brigade\n"
        "  kind: ArmedGroup\n"
        "  aliases: [FB Militia]\n"
        "- id: country:RUS\n"
        "  aliases: [Rossiya]\n"
        "- id: company:bar-arms\n"
        "  name: Bar Arms\n"
        "  kind: Company\n"
        "  parent: country:SRB\n"
        "  aliases: [Wagner]\n",
        encoding="utf-8",
    )
    gaz = Gazetteer.load([path])
    assert _id(gaz, "Foo Brigade") == "group:foo-brigade"
    assert _id(gaz, "fb militia") == "group:foo-brigade"
    assert _id(gaz, "Rossiya") == "country:RUS"
    assert _id(gaz, "Russia") == "country:RUS"  # extended, not replaced
    assert gaz.get("company:bar-arms").parent == "country:SRB"  # type: ignore[union-attr]
    assert _id(gaz, "Wagner") == "company:bar-arms"  # a user form wins over shipped data
    # The shipped gazetteer is not changed by an extension.
    assert _id(Gazetteer.load(), "Rossiya") is None
    assert _id(Gazetteer.load(), "Wagner") == "group:wagner"


def test_user_csv_extends(tmp_path: Path) -> None:
    path = tmp_path / "extra.csv"
    path.write_text(
        "id,name,kind,aliases,demonyms,metonyms,iso2,iso3,parent\n"
        "org:baz-agency,Baz Agency,Organization,BAZA;Baz Office,,,,,country:KAZ\n"
        "country:KAZ,,,,,Ak Orda,,,\n",
        encoding="utf-8",
    )
    gaz = Gazetteer.load([path])
    baz = gaz.lookup("Baz Office")
    assert isinstance(baz, GazetteerEntry) and baz.id == "org:baz-agency"
    assert baz.kind == "Organization" and baz.parent == "country:KAZ"
    assert _id(gaz, "Ak Orda") == "country:KAZ"
    assert gaz.form_type("Ak Orda") == "metonym"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.yaml", "- id: group:x\n  name: [unclosed\n", "invalid YAML"),
        ("kind.yaml", "- id: group:x\n  name: X\n  kind: Militia\n", "unknown kind"),
        ("prefix.yaml", "- id: country:XYZ\n  name: X\n  kind: ArmedGroup\n", "does not match kind"),
        ("noname.yaml", "- id: group:new\n  kind: ArmedGroup\n", "no 'name'"),
        ("field.yaml", "- id: group:x\n  name: X\n  kind: ArmedGroup\n  colour: red\n", "unknown field"),
        ("shape.yaml", "just a string\n", "expected a list"),
        ("badid.yaml", "- id: not a slug\n  name: X\n  kind: ArmedGroup\n", "bad id"),
        ("nohead.csv", "name,kind\nX,ArmedGroup\n", "must include 'id'"),
        ("wide.csv", "id,name,kind\ngroup:x,X,ArmedGroup,extra\n", "more cells"),
        ("binary.yaml", b"\xff\xfe\x00bad", "not UTF-8"),
        ("notes.txt", "id,name\n", "unsupported"),
    ],
)
def test_broken_extension_gives_one_line_error(
    tmp_path: Path, name: str, content: str | bytes, message: str
) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as info:
        Gazetteer.load([path])
    assert isinstance(info.value, GazetteerError)
    assert isinstance(info.value, GeoKGError)
    text = str(info.value)
    assert "\n" not in text
    assert str(path) in text


def test_missing_extension_file(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="not found"):
        Gazetteer.load([tmp_path / "nope.yaml"])
