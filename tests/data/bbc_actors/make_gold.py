"""Generates tests/data/bbc_actors/gold/actors.jsonl (hand-annotated actors of 16 BBC articles, the seeds' gold format).

Checks that every alias occurs verbatim (whole words) in the body of at least one of its sources (the headline, the
first line, is not body: the pipeline extracts actors from the article text only), that every source exists, and
that no alias is listed for two gold actors unless deliberately (the scorer ignores shared aliases).
Conventions: see README.md in this folder.

    python tests/data/bbc_actors/make_gold.py          # write gold/actors.jsonl
    python tests/data/bbc_actors/make_gold.py --left   # also list capitalised words of each body that no alias covers
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RAW, GOLD = HERE / "raw", HERE / "gold"
FILES = sorted(p.name for p in RAW.glob("*.txt"))
BODY = {f: "\n".join((RAW / f).read_text(encoding="utf-8").splitlines()[1:]) for f in FILES}

A = {}
P_, O_, G_, N_ = "PERSON", "ORG", "GPE", "NORP"


def ac(name, typ, aliases, refs=(), roles=(), country=None, src=()):
    """One real-world actor; src are file stems ('politics_007')."""
    a = A.setdefault(name, {"name": name, "type": typ, "aliases": [], "references": [], "roles": list(roles),
                            "country": country, "sources": []})
    for x in aliases:
        if x not in a["aliases"]:
            a["aliases"].append(x)
    for x in refs:
        if x not in a["references"]:
            a["references"].append(x)
    for s in src:
        f = s + ".txt"
        if f not in FILES:
            sys.exit(f"no raw file {f}")
        if f not in a["sources"]:
            a["sources"].append(f)


# ---------------- PERSONS ----------------
ac("Tony Blair", P_, ["Tony Blair", "Mr Blair"], ["The prime minister", "the prime minister"], ["UK Prime Minister", "Labour leader"], "GBR",
   ["politics_007", "politics_135", "politics_024"])
ac("Liam Fox", P_, ["Liam Fox", "Dr Fox"], ["The Tory co-chairman"], ["Conservative Party co-chairman"], "GBR", ["politics_007"])
ac("Michael Ashcroft", P_, ["Lord Ashcroft"], ["former Tory Treasurer"], ["former Conservative Party treasurer"], "GBR", ["politics_007"])
ac("Michael Howard", P_, ["Michael Howard", "Mr Howard"], ["Tory leader", "Conservative leader", "the Tory leader"],
   ["Conservative Party leader"], "GBR", ["politics_007", "politics_135", "politics_416", "politics_024", "politics_120"])
ac("Charles Kennedy", P_, ["Charles Kennedy", "Mr Kennedy"], ["Lib Dem leader"], ["Liberal Democrat leader"], "GBR",
   ["politics_007", "politics_120"])
ac("Martin Mubanga", P_, ["Martin Mubanga", "Mr Mubanga"], [], ["former Guantanamo Bay detainee"], "GBR", ["politics_065"])
ac("Feroz Abbasi", P_, ["Feroz Abbasi", "Mr Abbasi"], [], ["former Guantanamo Bay detainee"], "GBR", ["politics_065"])
ac("Richard Belmar", P_, ["Richard Belmar"], [], ["former Guantanamo Bay detainee"], "GBR", ["politics_065"])
ac("Moazzam Begg", P_, ["Moazzam Begg"], [], ["former Guantanamo Bay detainee"], "GBR", ["politics_065"])
ac("Mark Oaten", P_, ["Mark Oaten"], ["Home Affairs spokesman"], ["Liberal Democrat home affairs spokesman"], "GBR", ["politics_065"])
ac("Kate Allen", P_, ["Kate Allen"], ["director"], ["Director of Amnesty International UK"], "GBR", ["politics_065"])
ac("Louise Christian", P_, ["Louise Christian"], ["The men's solicitor", "the men's solicitor"], ["solicitor"], "GBR", ["politics_065"])
ac("George W. Bush", P_, ["George Bush"], ["US President"], ["US President"], "USA", ["politics_135"])
ac("Gordon Brown", P_, ["Gordon Brown", "Mr Brown"], ["The chancellor", "the chancellor", "Chancellor"], ["Chancellor of the Exchequer"], "GBR",
   ["politics_135", "politics_024"])
ac("Jack Straw", P_, ["Jack Straw", "Mr Straw"], ["Foreign Secretary"], ["UK Foreign Secretary"], "GBR", ["politics_135", "politics_139"])
ac("Hilary Benn", P_, ["Hilary Benn"], ["International Development Secretary"], ["UK International Development Secretary"], "GBR", ["politics_135"])
ac("Oliver Letwin", P_, ["Oliver Letwin"], [], ["Conservative MP"], "GBR", ["politics_416"])
ac("David Davis", P_, ["David Davis"], [], ["Conservative MP"], "GBR", ["politics_416"])
ac("Theresa May", P_, ["Theresa May"], [], ["Conservative MP"], "GBR", ["politics_416"])
ac("Chris Rennard", P_, ["Lord Rennard"], ["Lib Dem's elections chief"], ["Liberal Democrat elections chief"], "GBR", ["politics_416"])
ac("Peter Carroll", P_, ["Peter Carroll"], ["the Liberal Democrat candidate"], ["Liberal Democrat candidate"], "GBR", ["politics_416"])
ac("John Prescott", P_, ["John Prescott", "Mr Prescott"], ["Deputy Prime Minister"], ["UK Deputy Prime Minister"], "GBR", ["politics_312"])
ac("Stephen Cape", P_, ["Stephen Cape"], ["BBC labour affairs correspondent", "our correspondent"], ["BBC labour affairs correspondent"], "GBR",
   ["politics_312"])
ac("Mark Serwotka", P_, ["Mark Serwotka"], ["PCS leader"], ["PCS general secretary"], "GBR", ["politics_312"])
ac("Prince Harry", P_, ["Prince Harry", "Harry"], ["the prince"], [], "GBR", ["politics_120"])
ac("Prince William", P_, ["Prince William"], [], [], "GBR", ["politics_120"])
ac("Charles Clarke", P_, ["Charles Clarke", "Mr Clarke"], ["Home Secretary"], ["UK Home Secretary"], "GBR", ["politics_120"])
ac("Greville Janner", P_, ["Lord Janner"], ["Former Labour MP"], ["Labour peer"], "GBR", ["politics_120"])
ac("Dicky Arbiter", P_, ["Dicky Arbiter"], ["former Buckingham Palace press spokesman"], ["former Buckingham Palace press spokesman"], "GBR",
   ["politics_120"])
ac("Alan Greenspan", P_, ["Alan Greenspan", "Mr Greenspan"], ["the Federal Reserve head", "Federal Reserve chairman", "the chairman"],
   ["Chairman of the Federal Reserve"], "USA", ["business_002"])
ac("Robert Sinche", P_, ["Robert Sinche"], ["head of currency strategy at Bank of America"], ["head of currency strategy at Bank of America"],
   "USA", ["business_002"])
ac("Bernie Ebbers", P_, ["Bernie Ebbers"], ["Former Worldcom boss"], ["former WorldCom chief executive"], "USA", ["business_162"])
ac("Yoshiaki Tsutsumi", P_, ["Yoshiaki Tsutsumi", "Mr Tsutsumi", "Tsutsumi"], ["One of Japan's best-known businessmen"],
   ["former chairman of Seibu Railways"], "JPN", ["business_037"])
ac("Ephraim Inoni", P_, ["Ephraim Inoni", "Mr Inoni"], ["The prime minister", "the prime minister"], ["Prime Minister of Cameroon"], "CMR",
   ["business_133"])
ac("Fidelis Nanga", P_, ["Fidelis Nanga"], ["a journalist based in the Cameroon capital Yaounde"], ["journalist"], "CMR", ["business_133"])
ac("Arash Sigarchi", P_, ["Arash Sigarchi", "Mr Sigarchi", "Sigarchi"], ["An Iranian weblogger"], ["blogger", "newspaper editor"], "IRN",
   ["tech_035"])
ac("Mojtaba Saminejad", P_, ["Motjaba Saminejad"], ["A second Iranian blogger"], ["blogger"], "IRN", ["tech_035"])
ac("Mohammad Khatami", P_, ["Mohammed Khatami"], ["Iranian President"], ["President of Iran"], "IRN", ["tech_035"])
ac("Ruhollah Khomeini", P_, ["Ayatollah Ruhollah Khomenei", "Ruhollah Khomenei"], ["the founder of Iran's Islamic Republic"],
   ["founder of the Islamic Republic of Iran"], "IRN", ["tech_035"])
ac("Ali Khamenei", P_, ["Ayatollah Ali Khamenei", "Ali Khamenei"], ["current Supreme Leader"], ["Supreme Leader of Iran"], "IRN", ["tech_035"])
ac("Curt Hopkins", P_, ["Curt Hopkins"], ["the campaign's director"], ["Director of the Committee to Protect Bloggers"], "USA", ["tech_035"])
ac("Nicholas Negroponte", P_, ["Nicholas Negroponte", "Mr Negroponte"], ["chairman and founder of MIT's Media Labs"],
   ["Chairman and founder of the MIT Media Lab"], "USA", ["tech_004"])
ac("Edward Leigh", P_, ["Edward Leigh"], ["the committee chairman"], ["Chairman of the Public Accounts Committee", "MP"], "GBR",
   ["entertainment_202"])
ac("Marion Jones", P_, ["Marion Jones", "Jones", "Marion"], ["The Sydney Olympic gold medallist", "the sprinter"], ["sprinter"], "USA",
   ["sport_049"])
ac("Victor Conte", P_, ["Victor Conte", "Conte", "Mr Conte"], ["Balco boss"], ["Balco founder"], "USA", ["sport_049"])
ac("Richard Nicholls", P_, ["Richard Nicholls"], ["Jones' lawyer"], ["lawyer"], "USA", ["sport_049"])
ac("Nick Davies", P_, ["Nick Davies", "Davies"], ["Communications director"], ["IAAF communications director"], "GBR", ["sport_049"])

# ---------------- ORGS ----------------
# parties
ac("Conservative Party", O_, ["Tories", "Tory", "Conservatives", "Conservative"], ["the party"], [], "GBR",
   ["politics_007", "politics_135", "politics_416", "politics_024", "politics_120"])
ac("Labour Party", O_, ["Labour"], ["the party"], [], "GBR", ["politics_007", "politics_416", "politics_312", "politics_120"])
ac("Liberal Democrats", O_, ["Liberal Democrats", "Lib Dems", "Lib Dem", "Liberal Democrat"], [], [], "GBR",
   ["politics_007", "politics_065", "politics_416", "politics_120"])
# UK institutions
ac("Downing Street", O_, ["10 Downing Street", "Downing Street", "Number 10"], [], [], "GBR", ["politics_007", "politics_135", "politics_120"])
ac("Home Office", O_, ["Home Office"], ["The letter"], [], "GBR", ["politics_065"])
ac("Foreign Office", O_, ["Foreign Office"], [], [], "GBR", ["politics_135"])
ac("Parliament of the United Kingdom", O_, ["Parliament", "parliament"], [], [], "GBR", ["politics_065", "entertainment_202"])
ac("Public Accounts Committee", O_, ["Public Accounts Committee"], ["The committee", "the committee"], [], "GBR", ["entertainment_202"])
ac("National Audit Office", O_, ["National Audit Office", "NAO"], ["the audit office"], [], "GBR", ["entertainment_202"])
ac("Royal Air Force", O_, ["RAF"], [], [], "GBR", ["politics_135"])
ac("Royal Fleet Auxiliary", O_, ["Royal Fleet Auxiliary"], [], [], "GBR", ["politics_135"])
ac("Clarence House", O_, ["Clarence House"], [], [], "GBR", ["politics_120"])
ac("Buckingham Palace", O_, ["Buckingham Palace"], ["the palace"], [], "GBR", ["politics_120"])
ac("Royal Military Academy Sandhurst", O_, ["Sandhurst"], [], [], "GBR", ["politics_120"])
ac("Commission for Africa", O_, ["Commission for Africa"], [], [], "GBR", ["politics_024"])
# UK unions and NGOs
ac("Unison", O_, ["Unison"], ["Britain's biggest union"], [], "GBR", ["politics_312"])
ac("Public and Commercial Services Union", O_, ["Public and Commercial Services Union", "PCS"], [], [], "GBR", ["politics_312"])
ac("Transport and General Workers' Union", O_, ["Transport and General Workers' Union"], [], [], "GBR", ["politics_312"])
ac("Amicus", O_, ["Amicus"], [], [], "GBR", ["politics_312"])
ac("Amnesty International UK", O_, ["Amnesty International UK"], [], [], "GBR", ["politics_065"])
# media
ac("BBC", O_, ["BBC", "BBC News", "BBC Radio"], ["The corporation", "the corporation"], [], "GBR",
   ["politics_007", "politics_065", "politics_135", "politics_312", "business_133", "tech_035", "entertainment_202"])
ac("BBC Radio 4", O_, ["BBC Radio 4"], [], [], "GBR", ["politics_135", "politics_120"])
ac("BBC One", O_, ["BBC One"], [], [], "GBR", ["politics_135"])
ac("BBC News 24", O_, ["BBC News 24", "News 24"], [], [], "GBR", ["politics_135", "entertainment_202"])
ac("BBC Three", O_, ["BBC Three"], [], [], "GBR", ["entertainment_202"])
ac("BBC World Service", O_, ["BBC World Service"], [], [], "GBR", ["tech_004"])
ac("BBC Persian Service", O_, ["BBC Persian Service"], [], [], "GBR", ["tech_035"])
ac("ITV", O_, ["ITV"], [], [], "GBR", ["politics_120"])
ac("The Sun", O_, ["Sun"], ["Thursday's Sun newspaper"], [], "GBR", ["politics_120"])
ac("ITV Digital", O_, ["ITV Digital"], [], [], "GBR", ["entertainment_202"])
ac("Freeview", O_, ["Freeview"], ["the service"], [], "GBR", ["entertainment_202"])
ac("Sky", O_, ["Sky"], [], [], "GBR", ["entertainment_202"])
ac("Radio Farda", O_, ["Radio Farda"], [], [], "USA", ["tech_035"])
ac("Associated Press", O_, ["Associated Press"], [], [], "USA", ["sport_049"])
ac("ABC", O_, ["ABC"], [], [], "USA", ["sport_049"])
# international
ac("G8", O_, ["G8"], [], [], None, ["politics_135", "politics_024"])
ac("G7", O_, ["G7"], [], [], None, ["business_002"])
ac("European Union", O_, ["EU"], [], [], None, ["politics_135"])
ac("Reporters Without Borders", O_, ["Reporters Without Borders"], ["the organisation", "human rights watchdog"], [], "FRA", ["tech_035"])
ac("Committee to Protect Bloggers", O_, ["Committee to Protect Bloggers"], ["the campaign"], [], "USA", ["tech_035"])
ac("Transparency International", O_, ["Transparency International"], ["anti-corruption body"], [], None, ["business_133"])
ac("IAAF", O_, ["IAAF"], ["The sport's ruling body", "the world governing body"], [], None, ["sport_049"])
# US
ac("White House", O_, ["White House"], [], [], "USA", ["business_002"])
ac("Pentagon", O_, ["Pentagon"], [], [], "USA", ["politics_065"])
ac("Federal Reserve", O_, ["Federal Reserve", "US Federal Reserve"], [], [], "USA", ["business_002"])
ac("Securities and Exchange Commission", O_, ["Securities and Exchange Commission"], [], [], "USA", ["business_162"])
ac("United States District Court for the Northern District of California", O_, ["US District Court"], [], [], "USA", ["sport_049"])
ac("US Anti-Doping Agency", O_, ["US Anti-Doping Agency"], [], [], "USA", ["sport_049"])
ac("USA Track and Field", O_, ["USA Track and Field"], ["its national governing body"], [], "USA", ["sport_049"])
ac("Massachusetts Institute of Technology", O_, ["MIT"], [], [], "USA", ["tech_004"])
ac("MIT Media Lab", O_, ["Media Labs"], [], [], "USA", ["tech_004"])
# companies
ac("Bank of America", O_, ["Bank of America"], [], [], "USA", ["business_002"])
ac("Verizon", O_, ["Verizon"], [], [], "USA", ["business_162"])
ac("MCI", O_, ["MCI", "WorldCom", "Worldcom"], ["US phone firm", "the company"], [], "USA", ["business_162"])
ac("Qwest", O_, ["Qwest"], [], [], "USA", ["business_162"])
ac("AT&T", O_, ["AT&T"], ["former long-distance giant"], [], "USA", ["business_162"])
ac("SBC Communications", O_, ["SBC", "SBC Communications"], [], [], "USA", ["business_162"])
ac("Seibu Railway", O_, ["Seibu Railways"], [], [], "JPN", ["business_037"])
ac("Mitsubishi Motors", O_, ["Mitsubishi Motors"], [], [], "JPN", ["business_037"])
ac("UFJ Bank", O_, ["UFJ"], ["Japan's troubled UFJ bank", "the bank"], [], "JPN", ["business_037"])
ac("Nokia", O_, ["Nokia"], [], [], "FIN", ["tech_004"])
ac("Balco", O_, ["Balco"], ["company"], [], "USA", ["sport_049"])
# other governments' bodies
ac("Ministry of Finance of Cameroon", O_, ["finance ministry"], ["the ministry"], [], "CMR", ["business_133"])
ac("Prime Minister's Office (Cameroon)", O_, ["prime minister's office"], [], [], "CMR", ["business_133"])
ac("Ministry of Education of China", O_, ["Chinese education ministry"], [], [], "CHN", ["tech_004"])
ac("Olympic Primary School", O_, ["Olympic Primary School"], ["The school"], [], "KEN", ["politics_024"])

# ---------------- GPEs ----------------
ac("United Kingdom", G_, ["UK", "Britain", "United Kingdom"], ["The government", "the government", "the British Government", "the British government"],
   [], "GBR", ["politics_007", "politics_065", "politics_135", "politics_139", "politics_312", "politics_024", "politics_120",
               "entertainment_202"])
ac("United States", G_, ["US", "United States", "America"], ["the US government"], [], "USA",
   ["politics_065", "politics_135", "politics_024", "business_002", "business_162", "tech_035", "tech_004", "sport_049"])
ac("Scotland", G_, ["Scotland"], [], [], "GBR", ["politics_007"])
ac("Wales", G_, ["Wales"], [], [], "GBR", ["politics_007"])
ac("South West England", G_, ["South West"], [], [], "GBR", ["politics_007"])
ac("Gateshead", G_, ["Gateshead"], [], [], "GBR", ["politics_007", "politics_312"])
ac("Manchester", G_, ["Manchester"], [], [], "GBR", ["politics_007"])
ac("Liverpool", G_, ["Liverpool"], [], [], "GBR", ["politics_007"])
ac("Leicester", G_, ["Leicester"], [], [], "GBR", ["politics_007"])
ac("Somerset", G_, ["Somerset"], [], [], "GBR", ["politics_007"])
ac("Basingstoke", G_, ["Basingstoke"], [], [], "GBR", ["politics_007"])
ac("Shrewsbury", G_, ["Shrewsbury"], [], [], "GBR", ["politics_007"])
ac("Dorset", G_, ["Dorset"], [], [], "GBR", ["politics_007"])
ac("Torbay", G_, ["Torbay"], [], [], "GBR", ["politics_007"])
ac("Folkestone and Hythe", G_, ["Folkestone & Hythe"], [], [], "GBR", ["politics_416"])
ac("London", G_, ["London"], [], [], "GBR", ["politics_065", "business_002"])
ac("Croydon", G_, ["Croydon"], [], [], "GBR", ["politics_065"])
ac("Europe", G_, ["Europe"], [], [], None, ["politics_416", "politics_024"])
ac("Guantanamo Bay", G_, ["Guantanamo Bay"], ["the Cuba detention camp"], [], "USA", ["politics_065"])
ac("Cuba", G_, ["Cuba"], [], [], "CUB", ["politics_065"])
ac("Afghanistan", G_, ["Afghanistan"], [], [], "AFG", ["politics_065"])
ac("Zambia", G_, ["Zambia"], [], [], "ZMB", ["politics_065"])
ac("Egypt", G_, ["Egypt"], [], [], "EGY", ["politics_135"])
ac("South Asia", G_, ["south Asia"], ["the region", "the disaster area"], [], None, ["politics_135"])
ac("Sri Lanka", G_, ["Sri Lanka"], [], [], "LKA", ["politics_135"])
ac("Indonesia", G_, ["Indonesia"], [], [], "IDN", ["politics_135"])
ac("Germany", G_, ["Germany"], [], [], "DEU", ["politics_135"])
ac("Canada", G_, ["Canada"], [], [], "CAN", ["politics_135"])
ac("Thailand", G_, ["Thailand"], [], [], "THA", ["politics_135"])
ac("Jakarta", G_, ["Jakarta"], [], [], "IDN", ["politics_135"])
ac("Phuket", G_, ["Phuket"], [], [], "THA", ["politics_135"])
ac("Aceh", G_, ["Aceh"], [], [], "IDN", ["politics_135"])
ac("India", G_, ["India"], ["the Indian government"], [], "IND", ["politics_139"])
ac("Pakistan", G_, ["Pakistan"], [], [], "PAK", ["politics_139"])
ac("Kashmir", G_, ["Kashmir"], ["the disputed region", "the region"], [], None, ["politics_139"])
ac("Line of Control", G_, ["Line of Control"], ["the ceasefire line"], [], None, ["politics_139"])
ac("Islamabad", G_, ["Islamabad"], [], [], "PAK", ["politics_139"])
ac("Srinagar", G_, ["Srinagar"], [], [], "IND", ["politics_139"])
ac("Muzaffarabad", G_, ["Muzaffarabad"], [], [], "PAK", ["politics_139"])
ac("Amritsar", G_, ["Amritsar"], [], [], "IND", ["politics_139"])
ac("Lahore", G_, ["Lahore"], [], [], "PAK", ["politics_139"])
ac("Rajasthan", G_, ["Rajasthan"], [], [], "IND", ["politics_139"])
ac("Sindh", G_, ["Sindh"], [], [], "PAK", ["politics_139"])
ac("Karachi", G_, ["Karachi"], [], [], "PAK", ["politics_139"])
ac("Mumbai", G_, ["Mumbai", "Bombay"], [], [], "IND", ["politics_139"])
ac("Kenya", G_, ["Kenya"], ["the Kenyan Government"], [], "KEN", ["politics_024"])
ac("Africa", G_, ["Africa"], [], [], None, ["politics_024"])
ac("Tanzania", G_, ["Tanzania"], [], [], "TZA", ["politics_024"])
ac("Mozambique", G_, ["Mozambique"], [], [], "MOZ", ["politics_024"])
ac("Cape Town", G_, ["Cape Town"], [], [], "ZAF", ["politics_024"])
ac("Nairobi", G_, ["Narobi"], [], [], "KEN", ["politics_024"])
ac("Kibera", G_, ["Kibera"], [], [], "KEN", ["politics_024"])
ac("Auschwitz", G_, ["Auschwitz"], [], [], "POL", ["politics_120"])
ac("New York", G_, ["New York"], [], [], "USA", ["business_002"])
ac("China", G_, ["China"], ["Beijing"], [], "CHN", ["business_002", "tech_004"])
ac("Beijing", G_, ["Beijing"], [], [], "CHN", ["business_002"])
ac("Wall Street", G_, ["Wall Street"], [], [], "USA", ["business_162"])
ac("Japan", G_, ["Japan"], ["the authorities"], [], "JPN", ["business_037"])
ac("Tokyo", G_, ["Tokyo"], [], [], "JPN", ["business_037"])
ac("Nagano", G_, ["Nagano"], [], [], "JPN", ["business_037"])
ac("Cameroon", G_, ["Cameroon"], ["the government"], [], "CMR", ["business_133"])
ac("Yaounde", G_, ["Yaounde"], ["the Cameroon capital"], [], "CMR", ["business_133"])
ac("Iran", G_, ["Iran"], ["Iranian authorities", "the authorities", "Iranian state", "Iran's Islamic Republic"], [], "IRN", ["tech_035"])
ac("Gilan", G_, ["Gilan"], [], [], "IRN", ["tech_035"])
ac("Maine", G_, ["Maine"], [], [], "USA", ["tech_004"])
ac("Cambodia", G_, ["Cambodia"], [], [], "KHM", ["tech_004"])
ac("Sydney", G_, ["Sydney"], [], [], "AUS", ["sport_049"])
ac("San Francisco", G_, ["San Francisco"], [], [], "USA", ["sport_049"])
ac("Athens", G_, ["Athens"], [], [], "GRC", ["sport_049"])

# ---------------- NORPs (not scored) ----------------
ac("British", N_, ["British", "Britons"], [], [], "GBR", ["politics_065", "politics_135", "politics_120"])
ac("Americans", N_, ["American"], [], [], "USA", ["sport_049"])
ac("Scandinavians", N_, ["Scandinavian"], [], [], None, ["politics_135"])
ac("Thais", N_, ["Thai"], [], [], "THA", ["politics_135"])
ac("Kashmiris", N_, ["Kashmiris", "Kashmiri"], [], [], None, ["politics_139"])
ac("Indians", N_, ["Indian"], [], [], "IND", ["politics_139"])
ac("Pakistanis", N_, ["Pakistani"], [], [], "PAK", ["politics_139"])
ac("Kenyans", N_, ["Kenyan"], [], [], "KEN", ["politics_024"])
ac("Nazis", N_, ["Nazis", "Nazi"], [], [], "DEU", ["politics_120"])
ac("Germans", N_, ["German"], [], [], "DEU", ["politics_120"])
ac("Jews", N_, ["Jewish"], [], [], None, ["politics_120"])
ac("Europeans", N_, ["European"], [], [], None, ["business_002"])
ac("Chinese", N_, ["Chinese"], [], [], "CHN", ["business_002", "tech_004"])
ac("Japanese", N_, ["Japanese"], [], [], "JPN", ["business_037"])
ac("Iranians", N_, ["Iranian"], [], [], "IRN", ["tech_035"])

# ---------------- checks ----------------
WORD = r"(?<![\w&])" + "{}" + r"(?![\w&])"
errs = []
NOT_ACTORS = {"business_133.txt": ["Network Africa"]}  # programme names holding an actor's name: not a mention of it


def inside_other_names_removed(f, a):
    """The body of f without the longer names of other actors ("BBC Radio 4" holds "BBC") and of non-actors."""
    body = BODY[f]
    longer = [al for b in A.values() if b is not a for al in b["aliases"]] + NOT_ACTORS.get(f, [])
    for al in sorted(longer, key=len, reverse=True):
        if any(x in al and x != al for x in a["aliases"]):
            body = re.sub(WORD.format(re.escape(al)), " ", body)
    return body


for a in A.values():
    for al in a["aliases"]:
        if not any(re.search(WORD.format(re.escape(al)), BODY[f]) for f in a["sources"]):
            errs.append(f"alias not in the body of its sources: {a['name']}: {al}")
    for f in FILES:
        hit = [al for al in a["aliases"] if re.search(WORD.format(re.escape(al)), inside_other_names_removed(f, a))]
        if f not in a["sources"] and hit:
            errs.append(f"{a['name']}: alias {hit[0]!r} in {f}, which is not among its sources")
seen = {}
for a in A.values():
    for al in {x.lower() for x in a["aliases"]}:
        if al in seen and seen[al] != a["name"]:
            errs.append(f"alias shared by {seen[al]} and {a['name']}: {al}")
        seen[al] = a["name"]
if errs:
    print("\n".join(errs))
    sys.exit(1)

if "--left" in sys.argv:
    # capitalised runs of each body that no alias of an actor sourced there covers: what to re-read for
    for f in FILES:
        body = BODY[f]
        covered = [False] * len(body)
        for a in A.values():
            if f in a["sources"]:
                for al in a["aliases"]:
                    for m in re.finditer(WORD.format(re.escape(al)), body):
                        covered[m.start():m.end()] = [True] * (m.end() - m.start())
        left = set()
        for m in re.finditer(r"\b[A-Z][\w&'-]*(?:\s+(?:of|and|the|for|&)?\s*[A-Z][\w&'-]*)*", body):
            if not all(covered[m.start():m.end()]):
                left.add(m.group())
        print(f"{f}: {sorted(left)}")

GOLD.mkdir(exist_ok=True)
with open(GOLD / "actors.jsonl", "w", encoding="utf-8") as out:
    for a in A.values():
        out.write(json.dumps(a, ensure_ascii=False) + "\n")
scored = [a for a in A.values() if a["type"] in {P_, O_, G_}]
print(f"ok: {len(FILES)} articles, {len(A)} actors ({len(scored)} scored: PERSON/ORG/GPE), "
      f"{sum(len(a['aliases']) for a in A.values())} aliases ({sum(len(a['aliases']) for a in scored)} on scored actors)")
