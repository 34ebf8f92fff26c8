"""Reconciliation verdicts, judged without a database."""

from __future__ import annotations

from collections import Counter

import pytest

from loader.reference.reconcile import (
    Membership,
    NewsClaim,
    ReferenceIndex,
    Transfer,
    build_index,
    edge_verdicts,
)

TODAY = "2026-11-27"


@pytest.fixture
def index() -> ReferenceIndex:
    rows = [
        {"type": "MEMBER_OF", "source": "country:RUS", "target": "alliance:csto", "role": "member",
         "since": "1994-04-20", "until": None},
        {"type": "MEMBER_OF", "source": "country:UZB", "target": "alliance:csto", "role": "former",
         "since": "2006-06-23", "until": "2012-12-19"},
        {"type": "MEMBER_OF", "source": "country:SRB", "target": "alliance:csto", "role": "observer",
         "since": "2013", "until": None},
        {"type": "MEMBER_OF", "source": "country:FIN", "target": "alliance:nato", "role": "member",
         "since": "2023-04-04", "until": None},
        {"type": "SUPPLIES_ARMS_TO", "source": "country:RUS", "target": "country:KAZ", "since": "2014",
         "until": "2015", "items": ["Su-30SM (FGA aircraft)"]},
        {"type": "SUPPLIES_ARMS_TO", "source": "country:RUS", "target": "country:EGY", "since": "2018",
         "until": None, "items": ["Su-35 (FGA aircraft)"], "comments": "order reported cancelled"},
        {"type": "SUPPLIES_ARMS_TO", "source": "country:FRA", "target": "country:IND", "since": "2025",
         "until": None, "items": ["Rafale-M (FGA aircraft)"]},
        {"type": "PART_OF", "source": "company:rosoboronexport", "target": "country:RUS"},
    ]
    return build_index(rows, regions={"region:central-asia": {"country:KAZ", "country:UZB"}},
                       parents={"company:almaz-antey": "country:RUS"})


def judge(index: ReferenceIndex, source: str, type_: str, target: str, reported: str | None = "2021-08-23",
          modality: str = "asserted", target_kind: str = "Country") -> tuple[str, str]:
    verdict = index.judge(NewsClaim(id="c", type=type_, source=source, target=target, modality=modality,
                                    reported=reported, target_kind=target_kind), TODAY)
    return verdict.status, verdict.note


@pytest.mark.parametrize(("source", "reported", "status", "fragment"), [
    ("country:RUS", "2021-08-23", "confirmed", "since 1994-04-20"),
    ("country:UZB", "2008-05-01", "confirmed", "2006-06-23 to 2012-12-19"),
    ("country:UZB", "2021-05-10", "contradicted", "left"),
    ("country:UZB", "2012-12-19", "contradicted", "left"),
    ("country:SRB", "2021-01-01", "contradicted", "observer, not a member"),
    ("country:KAZ", "2021-01-01", "contradicted", "never a member"),
    ("country:RUS", None, "confirmed", TODAY),
])
def test_membership_verdicts(index: ReferenceIndex, source: str, reported: str | None, status: str,
                             fragment: str) -> None:
    got, note = judge(index, source, "MEMBER_OF", "alliance:csto", reported, target_kind="Alliance")
    assert got == status and fragment in note


def test_membership_before_accession_is_contradicted(index: ReferenceIndex) -> None:
    assert judge(index, "country:FIN", "MEMBER_OF", "alliance:nato", "2021-06-01")[0] == "contradicted"
    status, note = judge(index, "country:FIN", "MEMBER_OF", "alliance:nato", "2022-05-18", modality="planned")
    assert status == "confirmed" and note.endswith("joined alliance:nato on 2023-04-04")


def test_former_membership_claims(index: ReferenceIndex) -> None:
    assert judge(index, "country:UZB", "MEMBER_OF", "alliance:csto", "2021-01-01", modality="former")[0] == (
        "confirmed")
    assert judge(index, "country:RUS", "MEMBER_OF", "alliance:csto", "2021-01-01", modality="former")[0] == (
        "contradicted")


def test_an_organisation_without_reference_data_is_silent(index: ReferenceIndex) -> None:
    assert judge(index, "country:RUS", "MEMBER_OF", "alliance:osce")[0] == "silent"


def test_arms_to_a_region_are_confirmed_by_transfers_to_its_states(index: ReferenceIndex) -> None:
    status, note = judge(index, "country:RUS", "SUPPLIES_ARMS_TO", "region:central-asia", modality="offered",
                         target_kind="Region")
    assert status == "confirmed" and "Su-30SM" in note


def test_an_exporter_speaks_for_its_state(index: ReferenceIndex) -> None:
    assert judge(index, "company:rosoboronexport", "SUPPLIES_ARMS_TO", "country:KAZ")[0] == "confirmed"
    assert judge(index, "company:almaz-antey", "SUPPLIES_ARMS_TO", "country:KAZ")[0] == "confirmed"


def test_supply_verdicts_without_matching_transfers(index: ReferenceIndex) -> None:
    assert judge(index, "country:CHN", "SUPPLIES_ARMS_TO", "country:KAZ")[0] == "silent"
    # A stated delivery long before the only recorded order is not confirmed by it…
    assert judge(index, "country:FRA", "SUPPLIES_ARMS_TO", "country:IND", "2010-01-01")[0] == "silent"
    # …but an offer can be.
    assert judge(index, "country:FRA", "SUPPLIES_ARMS_TO", "country:IND", "2023-01-01",
                 modality="offered")[0] == "confirmed"


def test_a_delivery_of_a_cancelled_deal_is_contradicted(index: ReferenceIndex) -> None:
    status, note = judge(index, "country:RUS", "SUPPLIES_ARMS_TO", "country:EGY", "2019-06-01", modality="delivered")
    assert status == "contradicted" and "cancelled" in note
    assert judge(index, "country:RUS", "SUPPLIES_ARMS_TO", "country:EGY", "2019-06-01",
                 modality="ordered")[0] == "confirmed"


def test_an_edge_is_contradicted_when_any_claim_is() -> None:
    index = ReferenceIndex()
    index.add_membership(Membership("country:UZB", "alliance:csto", "former", "2006", "2012"))
    claims = [NewsClaim("a", "MEMBER_OF", "country:UZB", "alliance:csto", reported="2008-01-01"),
              NewsClaim("b", "MEMBER_OF", "country:UZB", "alliance:csto", reported="2021-01-01")]
    [edge] = edge_verdicts(claims, index, TODAY)
    assert edge.status == "contradicted" and edge.counts == Counter({"confirmed": 1, "contradicted": 1})


def test_transfer_descriptions() -> None:
    t = Transfer("country:RUS", "country:IND", "2018", "2023", ("S-400 (SAM system)",))
    assert t.describe({"country:IND": "India"}) == "S-400 (SAM system) to India, ordered 2018, delivered until 2023"
    assert t.order_year == 2018 and not t.cancelled
