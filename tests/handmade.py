"""Hand-made extraction results covering every label and relation type, with text that
would break naive quoting (quotes, backslashes, Cypher injection, HTML)."""
from __future__ import annotations

from graph.merge.knowledge import KnowledgeGraph
from graph.extract.records import DocResult, Entity, Relation

NASTY = "他说：\"好\" 'x'}) DETACH DELETE n // \\ 反斜杠 <b>粗体</b><script>alert(1)</script>; \n换行"

O, P, D, G, J, Z, M = "Official", "Person", "District", "Organization", "Project", "Policy", "Meeting"


def _doc(doc_id, date, entities, relations, authors=(), title=None):
    return DocResult(doc_id=doc_id, source=f"samples/{doc_id}.txt", title=title or f"标题{doc_id}",
                     date=date, publication="重庆日报", authors=list(authors), span=(0, 100),
                     entities=entities, relations=relations)


def handmade_docs() -> list[DocResult]:
    wang = Entity(O, "王市长", titles=["市长"], aliases=["王某"], sentence="王市长调研。")
    li = Entity(O, "李副市长", titles=["副市长"], sentence="李副市长陪同。")
    zhao = Entity(O, "赵书记", titles=["区委书记"], sentence=NASTY)
    cq = Entity(D, "重庆市", attrs={"adcode": "500000"})
    yb = Entity(D, "渝北区", aliases=["渝北"], attrs={"adcode": "500112"})
    town = Entity(D, "龙兴镇")
    gov = Entity(G, "重庆市人民政府", aliases=["市政府"])
    ndrc = Entity(G, "渝北区发展改革委")
    proj = Entity(J, "两江数字产业园")
    pol = Entity(Z, "成渝地区双城经济圈建设规划纲要")
    pol2 = Entity(Z, "优化营商环境条例")
    meet = Entity(M, "市政府常务会议")
    meet2 = Entity(M, "防汛工作会议")
    rep = Entity(P, "申晓佳", role="记者")
    rep2 = Entity(P, "张记者", role="记者")

    d1 = _doc("d1", "2020-04-21", [wang, li, cq, yb, town, gov, proj, pol, meet, rep], [
        Relation("HOLDS_POSITION", (O, "王市长"), (G, "重庆市人民政府"), "王市长是市政府市长。",
                 {"title": "市长", "title_norm": "市长"}),
        Relation("HOLDS_POSITION", (O, "李副市长"), (G, "重庆市人民政府"), "李副市长。",
                 {"title": "副市长", "title_norm": "副市长"}),
        Relation("VISITED", (O, "王市长"), (D, "龙兴镇"), "王市长到龙兴镇调研。"),
        Relation("ACCOMPANIED", (O, "李副市长"), (O, "王市长"), "李副市长陪同。"),
        Relation("ATTENDED", (O, "王市长"), (M, "市政府常务会议"), "王市长主持市政府常务会议。"),
        Relation("ATTENDED", (O, "李副市长"), (M, "市政府常务会议"), "李副市长出席。"),
        Relation("PART_OF", (D, "渝北区"), (D, "重庆市"), ""),
        Relation("PART_OF", (D, "龙兴镇"), (D, "渝北区"), ""),
        Relation("LOCATED_IN", (J, "两江数字产业园"), (D, "龙兴镇"), "产业园位于龙兴镇。"),
        Relation("ISSUED", (G, "重庆市人民政府"), (Z, "成渝地区双城经济圈建设规划纲要"), "市政府印发纲要。"),
        Relation("VISITED", (O, "王市长"), (J, "两江数字产业园"), "王市长察看两江数字产业园。"),
    ], authors=["申晓佳"])
    d2 = _doc("d2", "2020-05-02", [Entity(O, "王市长", titles=["市长"]), zhao, yb, ndrc, pol, pol2, meet, meet2,
                                   rep2, Entity(D, "重庆市")], [
        Relation("VISITED", (O, "王市长"), (D, "渝北区"), NASTY),
        Relation("VISITED", (O, "赵书记"), (D, "渝北区"), "赵书记在渝北区调研。"),
        Relation("HOLDS_POSITION", (O, "赵书记"), (D, "渝北区"), "渝北区委书记赵书记。",
                 {"title": "区委书记", "title_norm": "区委书记"}),
        Relation("ATTENDED", (O, "赵书记"), (M, "防汛工作会议"), "赵书记出席防汛工作会议。"),
        Relation("ATTENDED", (O, "王市长"), (M, "防汛工作会议"), "王市长出席防汛工作会议。"),
        Relation("ATTENDED", (O, "赵书记"), (M, "市政府常务会议"), "赵书记列席。"),
        Relation("LOCATED_IN", (G, "渝北区发展改革委"), (D, "渝北区"), ""),
        Relation("ISSUED", (G, "渝北区发展改革委"), (Z, "优化营商环境条例"), "发改委发布条例。"),
        Relation("PART_OF", (D, "渝北区"), (D, "重庆市"), ""),
        Relation("ACCOMPANIED", (O, "赵书记"), (O, "王市长"), "赵书记陪同。"),
    ], authors=["张记者"], title=NASTY)
    d3 = _doc("d3", None, [Entity(O, "王市长"), Entity(Z, "成渝地区双城经济圈建设规划纲要"),
                           Entity(D, "龙兴镇"), Entity(J, "两江数字产业园")], [
        Relation("VISITED", (O, "王市长"), (D, "龙兴镇"), "王市长再到龙兴镇。"),
    ])
    d4 = _doc("d4", "2020-06-10", [Entity(O, "李副市长", titles=["副市长"]), Entity(D, "渝北区"), Entity(J, "空港新城")], [
        Relation("VISITED", (O, "李副市长"), (D, "渝北区"), "李副市长到渝北区。"),
        Relation("LOCATED_IN", (J, "空港新城"), (D, "渝北区"), "空港新城在渝北区。"),
        Relation("HOLDS_POSITION", (O, "李副市长"), (D, "渝北区"), "原渝北区区长李副市长。",
                 {"title": "渝北区区长", "title_norm": "区长", "former": True}),
    ])
    return [d1, d2, d3, d4]


def handmade_kg(n: int | None = None) -> KnowledgeGraph:
    """The graph of the first ``n`` documents (all by default)."""
    kg = KnowledgeGraph()
    for doc in handmade_docs()[:n]:
        kg.add(doc)
    return kg
