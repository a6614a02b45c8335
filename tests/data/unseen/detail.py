"""Full miss lists for a release vs this gold (same logic as /work/shared/hooks/score_gold.py, uncapped).
usage: detail.py RELEASE RAW GOLD"""
import importlib.util, sys, re
from collections import defaultdict
from pathlib import Path
spec = importlib.util.spec_from_file_location("sg", "/work/shared/hooks/score_gold.py"); sg = importlib.util.module_from_spec(spec); spec.loader.exec_module(sg)
rel, raw, gold = sys.argv[1:4]
arts = sg.articles_by_source(rel)
print("== STRUCTURE")
for s in sg.load_jsonl(Path(gold) / "structure.jsonl"):
    a = arts[s["source"]]
    print(s["source"], "| title:", repr(a["title"]), "| kicker:", repr(a["kicker"]), "| standfirst:", repr(str(a["standfirst"])[:50]),
          "| pub:", a["published"], a["published_tz"], repr(a["published_text"]), "| dl:", repr(a["dateline"]), "| cr:", list(a["credits"]), "| byline:", repr(a["byline"]),
          "| subh:", list(a["subheadings"]) if a["subheadings"] is not None else None)
    want_sub = set(s["subheadings"]); got_sub = set(a["subheadings"]) if a["subheadings"] is not None else set()
    if want_sub != got_sub: print("   subheadings want", want_sub - got_sub, "extra", got_sub - want_sub)
print("== BOILERPLATE")
bp = defaultdict(set)
for g in sg.load_jsonl(Path(gold) / "boilerplate.jsonl"): bp[g["source"]].add(sg.norm(g["line"]))
for s in sg.load_jsonl(Path(gold) / "structure.jsonl"):
    src = s["source"]; text = sg.norm(arts[src]["text"])
    skip = {sg.norm(x) for x in [s.get("title"), s.get("kicker"), s.get("standfirst")] + s.get("subheadings", []) if x}
    for line in (Path(raw) / src).read_text(encoding="utf-8").splitlines():
        n = sg.norm(line)
        if not n or n in skip: continue
        if n in bp[src]:
            if n in text: print("kept boilerplate ", src, n[:110])
        elif len(n.split()) >= 6:
            tail = re.split(r"\s[\u2013\u2014]\s", n, maxsplit=1)[-1]
            if not (n in text or (len(tail) > 20 and tail in text)): print("dropped body line", src, n[:110])
print("== QUOTES")
q = sg.table(rel, "quotes"); by_id = {a["article_id"]: src for src, a in arts.items()}
pred = defaultdict(list)
for r in q.to_dict("records"):
    if r.get("article_id") in by_id: pred[by_id[r["article_id"]]].append(r)
golds = defaultdict(dict)
for g in sg.load_jsonl(Path(gold) / "quotes.jsonl"):
    golds[g["source"]].setdefault((g["text"], g["kind"]), {**g, "speakers": set()})["speakers"].add(g["speaker"])
names = sg.speaker_names(gold)
for kinds, thr, label in [({"direct", "partial"}, 0.8, "marked"), ({"indirect"}, 0.5, "indirect")]:
    for src in sorted(golds):
        g = [x for x in golds[src].values() if x["kind"] in kinds]
        scare = [x for x in golds[src].values() if x["kind"] == "scare"]
        p = [x for x in pred.get(src, []) if x.get("kind") in kinds]
        m = sg.match(g, p, thr); mg = {id(a) for a, _ in m}; mp = {id(b) for _, b in m}
        for gg in g:
            if id(gg) not in mg: print(f"MISSED {label} {src}: [{gg['kind']}] {sorted(map(str,gg['speakers']))} «{gg['text'][:100]}»")
        for pp in p:
            if id(pp) not in mp and not sg.match(scare, [pp], thr):
                print(f"FALSE  {label} {src}: [{pp['kind']}] spk={pp.get('speaker')!r} «{str(pp['text'])[:100]}»")
        for gg, pp in m:
            got = sg.norm(pp.get("speaker")).lower()
            if not any(got in names.get(s, {sg.norm(s).lower()}) for s in gg["speakers"] if s):
                print(f"SPEAKER {label} {src}: want {sorted(map(str,gg['speakers']))} got {pp.get('speaker')!r} «{gg['text'][:70]}»")
        # kind mismatches across marked/indirect
        other = [x for x in pred.get(src, []) if x.get("kind") not in kinds and x.get("kind") in {"direct","partial","indirect"}]
print("== ACTORS")
act = sg.table(rel, "actors")
owner = defaultdict(set); rows = {}
for r in act.to_dict("records"):
    rows[r["actor_id"]] = r
    for al in list(r.get("aliases") if r.get("aliases") is not None else []) + [r.get("name")]:
        owner[sg.norm(al).lower()].add(r["actor_id"])
for a in sg.load_jsonl(Path(gold) / "actors.jsonl"):
    if a["type"] not in {"PERSON", "ORG", "GPE"}: continue
    als = [sg.norm(x).lower() for x in set(a["aliases"])]
    owners = {al: [(rows[i]["name"], rows[i].get("type")) for i in owner.get(al, ())] for al in als}
    if len({tuple(v) for v in owners.values()}) > 1 or any(not v for v in owners.values()):
        print(a["name"], "->", owners)
