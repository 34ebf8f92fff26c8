"""The batched writer: idempotent, aggregated edges derived from claims, negations never become edges."""

from datetime import date

from geokg.graphdb import Graph
from loader.models import Entity, ExtractedArticle, ReferenceClaim, Relation
from loader.write import write_articles, write_reference

RUS = Entity(id="country:RUS", name="Russia", kind="Country", aliases=["Russian"], mentions=3, iso3="RUS")
TJK = Entity(id="country:TJK", name="Tajikistan", kind="Country", mentions=1, iso3="TJK")
UZB = Entity(id="country:UZB", name="Uzbekistan", kind="Country", mentions=1)
CSTO = Entity(id="alliance:csto", name="Collective Security Treaty Organization", kind="Alliance",
              aliases=["CSTO"], mentions=2)
TALIBAN = Entity(id="group:taliban", name="Taliban", kind="ArmedGroup", mentions=2)
RIA = Entity(id="media:ria-novosti", name="RIA Novosti", kind="Media", mentions=1)


def article(n: int, relations: list[Relation], published: date | None = date(2021, 8, 23)) -> ExtractedArticle:
    return ExtractedArticle(
        id=f"art{n}", title=f"Article {n}", path=f"/tmp/a{n}.txt", published=published,
        source="Example Wire", entities=[RUS, TJK, UZB, CSTO, TALIBAN, RIA], relations=relations,
        cited_sources=["RIA Novosti"],
    )


def rel(source: str, type_: str, target: str, evidence: str, **kw: object) -> Relation:
    return Relation(source=source, type=type_, target=target, confidence=0.8, evidence=evidence, **kw)  # type: ignore[arg-type]


def snapshot(graph: Graph) -> dict[str, int]:
    return graph.read(
        "MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels")[0]


def test_load_twice_changes_nothing(clean_graph: Graph) -> None:
    batch = [article(1, [rel("country:RUS", "SUPPLIES_ARMS_TO", "country:TJK", "Russia will arm Tajikistan.",
                             modality="offered", items=["helicopters"])]),
             article(2, [rel("country:TJK", "MEMBER_OF", "alliance:csto", "Tajikistan is a CSTO member.")])]
    first = write_articles(clean_graph, batch)
    assert first.articles_new == 2
    before = snapshot(clean_graph)
    second = write_articles(clean_graph, batch)
    assert second.articles_new == 0 and second.articles_unchanged == 2
    assert snapshot(clean_graph) == before


def test_edges_aggregate_claims_across_articles(clean_graph: Graph) -> None:
    write_articles(clean_graph, [
        article(1, [rel("country:RUS", "SUPPLIES_ARMS_TO", "country:TJK", "Russia offers arms.",
                        modality="offered", items=["helicopters"])], published=date(2021, 8, 1)),
        article(2, [rel("country:RUS", "SUPPLIES_ARMS_TO", "country:TJK", "Russia delivered arms.",
                        modality="delivered", items=["drones"])], published=date(2022, 3, 5)),
    ])
    row = clean_graph.read(
        "MATCH (:Actor {id:'country:RUS'})-[r:SUPPLIES_ARMS_TO]->(:Actor {id:'country:TJK'}) RETURN r")[0]["r"]
    props = row["properties"]
    assert props["claims"] == 2
    assert props["modality"] == "delivered"
    assert props["hedged"] is False
    assert sorted(props["items"]) == ["drones", "helicopters"]
    assert props["first_reported"] == "2021-08-01" and props["last_reported"] == "2022-03-05"


def test_negated_claim_is_stored_but_makes_no_edge(clean_graph: Graph) -> None:
    write_articles(clean_graph, [article(1, [rel("group:taliban", "THREATENS", "country:TJK",
                                                 "The Taliban denied being a threat.", negated=True)])])
    assert clean_graph.read("MATCH (c:Claim {negated: true}) RETURN count(c) AS n")[0]["n"] == 1
    assert clean_graph.read("MATCH ()-[r:THREATENS]->() RETURN count(r) AS n")[0]["n"] == 0


def test_symmetric_relation_stored_once(clean_graph: Graph) -> None:
    write_articles(clean_graph, [
        article(1, [rel("country:UZB", "JOINT_EXERCISE_WITH", "country:RUS", "Uzbekistan drilled with Russia.")]),
        article(2, [rel("country:RUS", "JOINT_EXERCISE_WITH", "country:UZB", "Russia drilled with Uzbekistan.")]),
    ])
    rows = clean_graph.read("MATCH (a)-[r:JOINT_EXERCISE_WITH]->(b) RETURN a.id AS a, b.id AS b, r.claims AS n")
    assert rows == [{"a": "country:RUS", "b": "country:UZB", "n": 2}]


def test_provenance_and_kind_labels(clean_graph: Graph) -> None:
    member = rel("country:TJK", "MEMBER_OF", "alliance:csto", "Tajikistan is in the CSTO.")
    write_articles(clean_graph, [article(1, [member])])
    row = clean_graph.read(
        "MATCH (c:Claim)-[:SUBJECT]->(s:Country), (c)-[:OBJECT]->(o:Alliance), (c)-[:STATED_IN]->(a:Article)"
        "-[:CITES]->(src:Source) RETURN s.id AS s, o.id AS o, a.title AS title, src.name AS src, c.sentence AS ev")
    assert row == [{"s": "country:TJK", "o": "alliance:csto", "title": "Article 1", "src": "RIA Novosti",
                    "ev": "Tajikistan is in the CSTO."}]
    assert clean_graph.read("MATCH (m:Actor {kind: 'Media'}) RETURN count(m) AS n")[0]["n"] == 0
    mentions = clean_graph.read("MATCH (:Article)-[m:MENTIONS]->(:Actor {id:'country:RUS'}) RETURN m.count AS n")
    assert mentions == [{"n": 3}]


def test_reference_rows_have_a_truth_axis(clean_graph: Graph) -> None:
    ref = [ReferenceClaim(relation=rel("country:UZB", "MEMBER_OF", "alliance:csto", "UZB,CSTO,former,2006,2012",
                                       since="2006-06-23", until="2012-12-19", modality="former"),
                          extractor="curated:memberships.csv", row=1, entities=[UZB, CSTO])]
    write_reference(clean_graph, ref)
    write_reference(clean_graph, ref)
    props = clean_graph.read("MATCH (:Actor {id:'country:UZB'})-[r:MEMBER_OF]->() RETURN r")[0]["r"]["properties"]
    assert props["claims"] == 1 and props["reference_claims"] == 1 and props["news_claims"] == 0
    assert props["since"] == "2006-06-23" and props["until"] == "2012-12-19"
