"""Reconciliation: does the reference data confirm, contradict, or say nothing about what the news says?

Every non-negated news claim of type MEMBER_OF or SUPPLIES_ARMS_TO is judged against the reference
claims (curated memberships, arms registers, agencies) on the date its article was published (today
when undated):

MEMBER_OF
  * silent when the organisation has no reference membership data at all;
  * confirmed when a reference membership (member, or former member in its years) covers the date;
  * contradicted when the reference says the state had left before the date, joined only later,
    was only an observer or partner, or was never a member.
  A "former" claim is confirmed by an exit before the date; a planned or alleged membership is
  confirmed by a membership on or after the date and otherwise left silent.

SUPPLIES_ARMS_TO
  The supplier is the claim's subject plus, for an exporter or agency, the state it belongs to
  (reference PART_OF claims, gazetteer parents). The recipient is the object; a Region stands for
  its member states (`regions.csv`) and an alliance for its members on the date.
  * confirmed when the reference records a transfer between them (for stated deliveries and
    orders, one ordered no later than the year after the article; offers and plans may be confirmed
    by later orders);
  * contradicted when the news reports a delivery and every matching reference deal is recorded as
    cancelled with nothing delivered;
  * silent otherwise: a register that omits a deal does not disprove it.

An edge is contradicted when any of its news claims is, confirmed when any is, silent otherwise. The
verdicts are written to claims and edges as `reconciliation` and `reconciliation_note`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from geokg import cypher
from geokg.graphdb import Graph
from loader.models import HEDGED_MODALITIES
from loader.reference.tables import date_ceiling, date_floor

TYPES = ("MEMBER_OF", "SUPPLIES_ARMS_TO")
STATUSES = ("confirmed", "contradicted", "silent")
MEMBERSHIP_ROLES = frozenset({"member", "former"})


@dataclass(frozen=True)
class Membership:
    """A reference membership: `member` belonged to `organisation` in [since, until)."""

    member: str
    organisation: str
    role: str = "member"
    since: str | None = None
    until: str | None = None

    def covers(self, day: str) -> bool:
        return ((self.since is None or date_floor(self.since) <= day)
                and (self.until is None or day < date_ceiling(self.until)))

    def ended_by(self, day: str) -> bool:
        return self.until is not None and date_ceiling(self.until) <= day

    def starts_after(self, day: str) -> bool:
        return self.since is not None and date_floor(self.since) > day


@dataclass(frozen=True)
class Transfer:
    """A reference arms transfer: ordered in `since`, last delivered in `until` (None: none yet)."""

    supplier: str
    recipient: str
    since: str | None = None
    until: str | None = None
    items: tuple[str, ...] = ()
    status: str | None = None
    comments: str | None = None

    @property
    def order_year(self) -> int | None:
        return int(self.since[:4]) if self.since and self.since[:4].isdigit() else None

    @property
    def cancelled(self) -> bool:
        text = f"{self.status or ''} {self.comments or ''}".casefold()
        return "cancel" in text and self.until is None

    def describe(self, names: Mapping[str, str]) -> str:
        what = ", ".join(self.items) or "arms"
        text = f"{what} to {names.get(self.recipient, self.recipient)}"
        if self.since:
            text += f", ordered {self.since}"
        if self.until:
            text += f", delivered until {self.until}"
        return text


@dataclass(frozen=True)
class NewsClaim:
    """A news claim to judge, with the date it was reported."""

    id: str
    type: str
    source: str
    target: str
    modality: str = "asserted"
    reported: str | None = None
    source_kind: str = ""
    target_kind: str = ""
    article: str | None = None
    sentence: str | None = None


@dataclass(frozen=True)
class Verdict:
    status: str
    note: str


@dataclass
class ReferenceIndex:
    """Reference facts arranged for judging news claims."""

    memberships: dict[str, list[Membership]] = field(default_factory=lambda: defaultdict(list))
    transfers: dict[str, list[Transfer]] = field(default_factory=lambda: defaultdict(list))
    part_of: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    regions: Mapping[str, set[str]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    # The state each exporter or agency belongs to, as the gazetteer records it.
    parents: Mapping[str, str | None] = field(default_factory=dict)

    def add_membership(self, m: Membership) -> None:
        self.memberships[m.organisation].append(m)

    def add_transfer(self, t: Transfer) -> None:
        self.transfers[t.supplier].append(t)

    def name(self, actor_id: str) -> str:
        return self.names.get(actor_id, actor_id)

    def members_on(self, organisation: str, day: str) -> set[str]:
        return {m.member for m in self.memberships.get(organisation, [])
                if m.role in MEMBERSHIP_ROLES and m.covers(day)}

    def judge(self, claim: NewsClaim, today: str) -> Verdict:
        day = date_floor(claim.reported) if claim.reported else today
        if claim.type == "MEMBER_OF":
            return self._judge_membership(claim, day)
        return self._judge_supply(claim, day)

    def _judge_membership(self, claim: NewsClaim, day: str) -> Verdict:
        org = self.name(claim.target)
        member = self.name(claim.source)
        rows = self.memberships.get(claim.target)
        if not rows:
            return Verdict("silent", f"no reference membership data for {org}")
        mine = [m for m in rows if m.member == claim.source]
        full = [m for m in mine if m.role in MEMBERSHIP_ROLES]
        covering = [m for m in full if m.covers(day)]
        ended = sorted((m for m in full if m.ended_by(day)), key=lambda m: date_ceiling(m.until or ""))
        later = sorted((m for m in full if m.starts_after(day)), key=lambda m: date_floor(m.since or ""))
        if claim.modality == "former":
            if ended and not covering:
                return Verdict("confirmed", f"{member} left {org} on {ended[-1].until}")
            if covering:
                return Verdict("contradicted", f"{member} was still a member of {org} on {day}"
                                               f"{_since(covering[0])}")
            return Verdict("contradicted", f"{member} was never a member of {org} according to the reference")
        if covering:
            return Verdict("confirmed", f"{member} was a member of {org} on {day}{_since(covering[0])}")
        if claim.modality in HEDGED_MODALITIES:
            if later:
                return Verdict("confirmed", f"{member} joined {org} on {later[0].since}")
            return Verdict("silent", f"a {claim.modality} membership; the reference has none for {member}")
        partial = [m for m in mine if m.role not in MEMBERSHIP_ROLES and m.covers(day)]
        if partial:
            return Verdict("contradicted", f"{member} was a {partial[0].role}, not a member, of {org} on {day}")
        if ended:
            return Verdict("contradicted", f"{member} left {org} on {ended[-1].until}, before {day}")
        if later:
            return Verdict("contradicted", f"{member} joined {org} only on {later[0].since}, after {day}")
        return Verdict("contradicted", f"{member} was never a member of {org} according to the reference")

    def suppliers(self, actor_id: str) -> set[str]:
        """The actor and the states it belongs to (reference PART_OF claims, gazetteer parent)."""
        found = {actor_id, *self.part_of.get(actor_id, set())}
        parent = self.parents.get(actor_id)
        if parent:
            found.add(parent)
        return found

    def recipients(self, claim: NewsClaim, day: str) -> tuple[set[str], str]:
        if claim.target_kind == "Region" or claim.target in self.regions:
            members = set(self.regions.get(claim.target, set()))
            return members | {claim.target}, f"states of {self.name(claim.target)}"
        if claim.target_kind == "Alliance":
            return self.members_on(claim.target, day) | {claim.target}, f"members of {self.name(claim.target)}"
        return {claim.target}, self.name(claim.target)

    def _judge_supply(self, claim: NewsClaim, day: str) -> Verdict:
        suppliers = self.suppliers(claim.source)
        recipients, described = self.recipients(claim, day)
        supplier_name = self.name(claim.source)
        matches = [t for s in sorted(suppliers) for t in self.transfers.get(s, []) if t.recipient in recipients]
        if not matches:
            return Verdict("silent", f"no reference transfer from {supplier_name} to {described}")
        if claim.modality in HEDGED_MODALITIES:
            relevant = matches
        else:
            year = int(day[:4])
            relevant = [t for t in matches if t.order_year is None or t.order_year <= year + 1]
            if not relevant:
                first = min(t.order_year or 0 for t in matches)
                return Verdict("silent", f"reference transfers from {supplier_name} to {described} "
                                         f"were ordered only from {first}")
        if claim.modality == "delivered" and all(t.cancelled for t in relevant):
            return Verdict("contradicted", f"the reference records the deal(s) as cancelled: "
                                           f"{relevant[0].describe(self.names)}")
        relevant.sort(key=lambda t: (abs((t.order_year or 0) - int(day[:4])), t.recipient))
        shown = "; ".join(t.describe(self.names) for t in relevant[:3])
        more = f" (+{len(relevant) - 3} more)" if len(relevant) > 3 else ""
        return Verdict("confirmed", f"{len(relevant)} reference transfer(s): {shown}{more}")


def _since(m: Membership) -> str:
    if m.since and m.until:
        return f" ({m.since} to {m.until})"
    return f" (since {m.since})" if m.since else ""


@dataclass
class EdgeVerdict:
    """The verdict of one aggregated edge and of the news claims behind it."""

    source: str
    type: str
    target: str
    status: str
    note: str
    counts: Counter[str]
    claims: list[tuple[NewsClaim, Verdict]]


def edge_verdicts(claims: Iterable[NewsClaim], index: ReferenceIndex, today: str) -> list[EdgeVerdict]:
    """Judge each claim, then each edge (contradicted if any claim is, confirmed if any is, else silent)."""
    grouped: dict[tuple[str, str, str], list[tuple[NewsClaim, Verdict]]] = defaultdict(list)
    for claim in claims:
        grouped[(claim.source, claim.type, claim.target)].append((claim, index.judge(claim, today)))
    out = []
    for (source, type_, target), judged in sorted(grouped.items()):
        counts = Counter(v.status for _, v in judged)
        status = next(s for s in ("contradicted", "confirmed", "silent") if counts[s])
        note = next(v.note for _, v in judged if v.status == status)
        out.append(EdgeVerdict(source, type_, target, status, note, counts, judged))
    return out


@dataclass
class ReconcileReport:
    """What `geokg reconcile` prints: edge counts by verdict, and every contradiction."""

    edges: Counter[str]
    claims: Counter[str]
    verdicts: list[EdgeVerdict]

    @property
    def contradictions(self) -> list[EdgeVerdict]:
        return [v for v in self.verdicts if v.status == "contradicted"]

    def as_dict(self, names: Mapping[str, str]) -> dict[str, Any]:
        return {
            "edges": {s: self.edges.get(s, 0) for s in STATUSES},
            "claims": {s: self.claims.get(s, 0) for s in STATUSES},
            "contradictions": [
                {"source": v.source, "source_name": names.get(v.source, v.source), "type": v.type,
                 "target": v.target, "target_name": names.get(v.target, v.target), "note": v.note,
                 "claims": [{"id": c.id, "reported": c.reported, "article": c.article, "sentence": c.sentence,
                             "note": verdict.note}
                            for c, verdict in v.claims if verdict.status == "contradicted"]}
                for v in self.contradictions
            ],
        }


def build_index(rows: Iterable[Mapping[str, Any]], regions: Mapping[str, set[str]],
                parents: Mapping[str, str | None]) -> ReferenceIndex:
    """A ReferenceIndex from rows of `cypher/app/reconcile_reference_claims.cypher`."""
    index = ReferenceIndex(regions=regions, parents=parents)
    for row in rows:
        index.names.setdefault(row["source"], row.get("source_name") or row["source"])
        index.names.setdefault(row["target"], row.get("target_name") or row["target"])
        if row["type"] == "MEMBER_OF":
            index.add_membership(Membership(row["source"], row["target"], row.get("role") or "member",
                                            row.get("since"), row.get("until")))
        elif row["type"] == "SUPPLIES_ARMS_TO":
            index.add_transfer(Transfer(row["source"], row["target"], row.get("since"), row.get("until"),
                                        tuple(row.get("items") or ()), row.get("status"), row.get("comments")))
        elif row["type"] == "PART_OF":
            index.part_of[row["source"]].add(row["target"])
    return index


def news_claims(rows: Iterable[Mapping[str, Any]]) -> list[NewsClaim]:
    return [NewsClaim(id=r["id"], type=r["type"], source=r["source"], target=r["target"],
                      modality=r.get("modality") or "asserted", reported=_iso(r.get("reported")),
                      source_kind=r.get("source_kind") or "", target_kind=r.get("target_kind") or "",
                      article=r.get("article"), sentence=r.get("sentence"))
            for r in rows]


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value)
    return text[:10] if text else None


def reconcile(graph: Graph, regions: Mapping[str, set[str]], parents: Mapping[str, str | None],
              today: date | None = None) -> tuple[ReconcileReport, dict[str, str]]:
    """Judge every news MEMBER_OF / SUPPLIES_ARMS_TO claim, write the verdicts, and report them.

    All verdicts are replaced in one transaction, so running it twice leaves the same graph.
    """
    reference = graph.read(cypher.load("app/reconcile_reference_claims"),
                           {"types": [*TYPES, "PART_OF"]})
    index = build_index(reference, regions, parents)
    news_rows = graph.read(cypher.load("app/reconcile_news_claims"), {"types": list(TYPES)})
    for row in news_rows:
        index.names.setdefault(row["source"], row.get("source_name") or row["source"])
        index.names.setdefault(row["target"], row.get("target_name") or row["target"])
    verdicts = edge_verdicts(news_claims(news_rows), index, (today or date.today()).isoformat())
    claim_rows = [{"id": c.id, "status": v.status, "note": v.note} for e in verdicts for c, v in e.claims]
    edge_rows = [{"source": e.source, "type": e.type, "target": e.target, "status": e.status, "note": e.note,
                  **{s: e.counts.get(s, 0) for s in STATUSES}} for e in verdicts]

    def work(tx: Any) -> None:
        tx.run(cypher.load("write/reconcile_clear"), types=list(TYPES)).consume()
        for start in range(0, len(claim_rows), 5000):
            tx.run(cypher.load("write/reconcile_claims"), rows=claim_rows[start:start + 5000]).consume()
        for start in range(0, len(edge_rows), 5000):
            tx.run(cypher.load("write/reconcile_edges"), rows=edge_rows[start:start + 5000]).consume()

    graph.write_tx(work)
    report = ReconcileReport(edges=Counter(e.status for e in verdicts),
                             claims=Counter(v.status for e in verdicts for _, v in e.claims),
                             verdicts=verdicts)
    return report, index.names


def members_on_date(graph: Graph, organisation: str, on: str,
                    roles: Sequence[str] = ("member",)) -> list[dict[str, Any]]:
    """Members of an organisation (id, name or alias) on a date (YYYY[-MM[-DD]]), from reference claims."""
    rows = graph.read(cypher.load("app/members_on_date"),
                      {"organisation": organisation, "date": on, "roles": list(roles)})
    return list({r["id"]: r for r in rows}.values())
