"""Resolution of mentions to canonical actors: gazetteer forms, people, NER gaps, coreference."""

from __future__ import annotations

from dataclasses import dataclass

from loader.resolve import Mention, clean_surface, resolve_mentions, slugify, strip_title


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    kind: str
    iso2: str | None = None
    iso3: str | None = None


class FakeGazetteer:
    """A two-country, one-alliance, one-group gazetteer with the lookup API."""

    def __init__(self) -> None:
        self.entries = {
            e.id: e
            for e in [
                Entry("country:RUR", "Ruritania", "Country", "RR", "RUR"),
                Entry("country:FRE", "Freedonia", "Country", "FR", "FRE"),
                Entry("alliance:npa", "Northern Pact Alliance", "Alliance"),
                Entry("group:red-hand", "Red Hand", "ArmedGroup"),
            ]
        }
        self.forms = {
            "ruritania": ("country:RUR", "name"),
            "ruritanian": ("country:RUR", "demonym"),
            "strelsau": ("country:RUR", "metonym"),
            "freedonia": ("country:FRE", "name"),
            "npa": ("alliance:npa", "alias"),
            "red hand": ("group:red-hand", "name"),
        }

    def lookup(self, surface: str) -> Entry | None:
        hit = self.forms.get(clean_surface(surface).casefold())
        return self.entries[hit[0]] if hit else None

    def get(self, actor_id: str) -> Entry | None:
        return self.entries.get(actor_id)

    def form_type(self, surface: str) -> str | None:
        hit = self.forms.get(clean_surface(surface).casefold())
        return hit[1] if hit else None


GAZ = FakeGazetteer()


def gaz(
    start: int, text: str, actor_id: str, kind: str, form: str = "name", sent: int = 0, subject: bool = False
) -> Mention:
    return Mention(start, start + len(text.split()), text, kind, sent, gaz_id=actor_id, form=form, is_subject=subject)


def ner(start: int, text: str, label: str, sent: int = 0, **kw: object) -> Mention:
    return Mention(start, start + len(text.split()), text, label, sent, form="ner", **kw)  # type: ignore[arg-type]


def test_gazetteer_forms_share_one_id_and_collect_aliases() -> None:
    res = resolve_mentions(
        [
            gaz(0, "Ruritania", "country:RUR", "Country"),
            gaz(5, "Ruritanian", "country:RUR", "Country", form="demonym"),
            gaz(9, "Strelsau", "country:RUR", "Country", form="metonym"),
        ],
        GAZ,
    )
    entity = res.entities["country:RUR"]
    assert entity.mentions == 3 and set(entity.aliases) == {"Ruritanian", "Strelsau"}
    assert [r.weak for r in res.resolved] == [False, True, False]


def test_possessive_is_stripped_before_lookup() -> None:
    res = resolve_mentions([ner(0, "Freedonia\u2019s", "GPE")], GAZ)
    assert res.resolved[0].actor_id == "country:FRE"


def test_person_full_name_then_surname() -> None:
    res = resolve_mentions(
        [
            ner(0, "Marta Kovalenko", "PERSON"),
            ner(10, "Kovalenko", "PERSON", sent=1),
            ner(20, "Kovalenko", "ORG", sent=2),
        ],
        GAZ,
    )
    assert {r.actor_id for r in res.resolved} == {"person:marta-kovalenko"}
    assert res.entities["person:marta-kovalenko"].aliases == ["Kovalenko"]


def test_titles_are_not_part_of_a_person() -> None:
    res = resolve_mentions([ner(0, "President Ivo Brandt", "PERSON")], GAZ)
    assert res.resolved[0].actor_id == "person:ivo-brandt"
    assert strip_title("Prime Minister Ada Lenz") == "Ada Lenz"


def test_unknown_org_and_place_get_slug_ids_at_lower_confidence() -> None:
    res = resolve_mentions([ner(0, "Northwind Arms", "ORG"), ner(5, "Port Vell", "GPE", place_context=True)], GAZ)
    ids = {r.actor_id: r for r in res.resolved}
    assert ids["org:northwind-arms"].confidence < 1.0 and ids["org:northwind-arms"].kind == "Organization"
    assert ids["region:port-vell"].kind == "Region"


def test_norp_outside_gazetteer_is_not_an_actor() -> None:
    assert resolve_mentions([ner(0, "Zorgonian", "NORP")], GAZ).resolved == []


def test_pronoun_prefers_recent_subject() -> None:
    mentions = [
        gaz(0, "Red Hand", "group:red-hand", "ArmedGroup", subject=True),
        gaz(4, "Ruritania", "country:RUR", "Country"),
        Mention(6, 7, "it", "PRON", 0, form="pronoun", compatible=("ArmedGroup", "Country")),
    ]
    res = resolve_mentions(mentions, GAZ)
    assert res.resolved[-1].actor_id == "group:red-hand" and res.resolved[-1].via == "coref"


def test_description_refers_to_last_compatible_actor() -> None:
    mentions = [
        gaz(0, "NPA", "alliance:npa", "Alliance"),
        gaz(3, "Freedonia", "country:FRE", "Country"),
        Mention(12, 13, "alliance", "DESC", 2, form="description", compatible=("Alliance",)),
    ]
    res = resolve_mentions(mentions, GAZ)
    assert res.resolved[-1].actor_id == "alliance:npa"
    # Coreference does not count as a mention or add an alias.
    assert res.entities["alliance:npa"].mentions == 1


def test_pronoun_without_antecedent_is_dropped() -> None:
    res = resolve_mentions([Mention(0, 1, "it", "PRON", 0, form="pronoun", compatible=("Country",))], GAZ)
    assert res.resolved == []


def test_weak_demonyms_are_not_antecedents() -> None:
    mentions = [
        gaz(0, "Ruritanian", "country:RUR", "Country", form="demonym"),
        Mention(3, 4, "country", "DESC", 0, form="description", compatible=("Country",)),
    ]
    assert len(resolve_mentions(mentions, GAZ).resolved) == 1


def test_slugify() -> None:
    assert slugify("Jos\u00e9 Mar\u00eda O'Neil") == "jose-maria-o-neil"
    assert clean_surface("the Red Hand's") == "Red Hand"
