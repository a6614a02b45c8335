"""Generates tests/data/heldout/gold/*.jsonl (hand-annotated second held-out corpus).
Checks every boilerplate line, title/kicker/standfirst/subheading, quote text and actor alias is verbatim in its raw file."""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RAW, GOLD = HERE / "raw", HERE / "gold"
U = {i: f for i, f in enumerate(sorted(p.name for p in RAW.glob("*.txt")), 1)}
TXT = {i: (RAW / f).read_text(encoding="utf-8") for i, f in U.items()}
LINES = {i: set(l.strip() for l in t.splitlines()) for i, t in TXT.items()}

S = []
def st(i, title, published=None, subheadings=(), kicker=None, standfirst=None, credits=(), dateline=None):
    S.append({"source": U[i], "title": title, "published": published, "subheadings": list(subheadings), "kicker": kicker,
              "standfirst": standfirst, "agency_credits": list(credits), "dateline": dateline})

st(1, "Appeals Court Pauses E.P.A. Limits on Power Plant Pollution", "2024-03-12T17:31:00-04:00",
   standfirst="A divided panel said the agency had likely overstepped its authority, handing a temporary victory to 19 states and the coal industry while the case proceeds.")
st(2, "EU leaders punt on gas price cap as Germany digs in", "2022-10-21T02:14:00+01:00", ["Corridor, not cap", "Calls for “solidarity”"],
   kicker="Energy and Climate",
   standfirst="Berlin fears a hard cap would send LNG tankers to Asia; southern capitals say time is running out before winter.",
   dateline="BRUSSELS")
st(3, "Russia's Central Bank Hikes Key Rate to 12% in Emergency Meeting as Ruble Slumps", "2023-08-15T00:00:00", kicker="Business",
   standfirst="The Bank of Russia raised rates by 350 basis points a day after the currency breached 100 to the U.S. dollar.", credits=["AFP"])
st(4, "Lavrov, Jaishankar agree to step up coordination ahead of BRICS summit in Kazan", "2023-12-27T17:40:00",
   kicker="Russian Politics & Diplomacy",
   standfirst='According to the Russian foreign minister, bilateral trade reached a record high and "will continue to grow in national currencies"',
   credits=["TASS"], dateline="MOSCOW")
st(5, "Assembly elections 2023: Polling in five States from November 7; counting on December 3", "2023-10-09T12:20:00+05:30",
   ["Schedule at a glance", "Opposition reacts"],
   standfirst="Mizoram, Chhattisgarh, Madhya Pradesh, Rajasthan and Telangana go to the polls; the model code of conduct comes into force with immediate effect",
   dateline="NEW DELHI")
st(6, "Israel signs deal to export natural gas to Europe via Egypt as continent seeks to wean itself off Russian energy", "2022-06-15T15:27:00",
   standfirst="Memorandum of understanding signed in Cairo by Energy Minister Karine Elharrar, EU's von der Leyen and Egyptian counterpart; Bennett hails 'historic' agreement")
st(7, "Ishiba wins LDP leadership race, set to become Japan's next prime minister", "2024-09-27T00:00:00",
   ["Runoff reversal", "Snap election looms"], kicker="POLITICS",
   standfirst="The former defense minister came from behind to beat economic security minister Sanae Takaichi in a runoff, capping a fifth bid for the top job.",
   credits=["Kyodo", "Jiji"])
st(8, "French far right tops first round of snap polls as Macron's camp trails in third", "2024-07-01T02:41:00", kicker="France",
   credits=["AFP", "Reuters"])
st(9, "Kyrgyz Court Hands Prison Terms To Four Journalists In 'Mass Unrest' Case", "2024-10-10T14:25:00+00:00", kicker="Kyrgyzstan",
   credits=["AFP"], dateline="BISHKEK")
st(10, "Pakistan, IMF reach staff-level agreement on $7bn loan programme", "2024-07-13T00:00:00", kicker="Business",
   standfirst="Deal subject to approval by Fund's executive board; govt commits to raising tax-to-GDP ratio by 3pc over three years",
   dateline="ISLAMABAD")

B = []
def bp(i, kind, *lines):
    for l in lines:
        B.append({"source": U[i], "line": l, "kind": kind})

# h01 NYT
bp(1, "navigation", "Supported by", "SKIP ADVERTISEMENT", "Share full article", "212", "Related Content",
   "Supreme Court Limits E.P.A.’s Power to Fight Climate Change", "See more on: U.S. Environmental Protection Agency, Michael S. Regan")
bp(1, "caption", "The Mitchell Power Station in Moundsville, W.Va., is among the plants that would have had to cut emissions under the rule.Credit...Maddie Vance for The New York Times")
bp(1, "byline", "By Lydia Marchetti and Owen Beckwith", "Reporting from Washington")
bp(1, "footer", "Correction: March 13, 2024",
   "An earlier version of this article misstated the number of states that challenged the rule. It was 19, not 21.",
   "Lydia Marchetti covers climate and energy policy for The Times from Washington. More about Lydia Marchetti",
   "Owen Beckwith reports on the federal courts and legal affairs for The Times. More about Owen Beckwith",
   "A version of this article appears in print on March 13, 2024, Section A, Page 14 of the New York edition with the headline: Court Pauses Rule on Plant Emissions. Order Reprints | Today’s Paper | Subscribe")
# h02 Politico Europe
bp(2, "navigation", "Skip to content", "Press play to listen to this article", "Voiced by artificial intelligence.", "Read this next",
   "EU energy ministers fail to agree on gas price cap — again", "Macron, Scholz cancel joint cabinet meeting amid energy row",
   "Related Tags", "Gas", "European Council")
bp(2, "caption", "German Chancellor Olaf Scholz arrives at the European Council summit in Brussels. | Kenzo Tribouillard/AFP via Getty Images")
bp(2, "byline", "BY VICTOR JACOBSEN AND CLARA MENDEZ-RUIZ")
bp(2, "footer", "This article has been updated.")
bp(2, "promo", "Want more analysis from POLITICO? POLITICO Pro is our premium intelligence service for professionals. From financial services to trade, technology, cybersecurity and more, Pro delivers real time intelligence, deep insight and breaking scoops you need to keep one step ahead. Email [email protected] to request a complimentary trial.",
   "Subscribe to Morning Energy & Climate")
# h03 Moscow Times
bp(3, "byline", "AFP")
bp(3, "caption", "Central Bank Governor Elvira Nabiullina. Sergei Karpukhin / TASS")
bp(3, "promo", "Read more: Ruble Slides Past 100 Per Dollar as Kremlin Blames 'Loose' Monetary Policy",
   "A Message from The Moscow Times:", "Dear readers,",
   "We are facing unprecedented challenges. Russia's Prosecutor General's Office has designated The Moscow Times as an \"undesirable\" organization, criminalizing our work and putting our staff at risk of prosecution.",
   "Your support is more important than ever. Support The Moscow Times!", "Contribute today", "Remind me later.")
bp(3, "navigation", "Read more about: Ruble , Central Bank , Economy", "Читайте также на русском языке")
# h04 TASS
bp(4, "navigation", "Read also", "Russia, India to hold 2+2 dialogue in 2024 - Foreign Ministry", "Putin receives Indian foreign minister in the Kremlin",
   "Tags", "Sergey Lavrov", "India", "Russia-India relations", "Show more")
bp(4, "footer", "© Information Telegraph Agency of Russia (TASS). All rights reserved.", "ТАСС — информационное агентство России")
# h05 The Hindu
bp(5, "navigation", "News / National", "ALSO READ", "Assembly elections 2023: Full schedule, key dates and constituencies", "COMMENTS", "SHARE",
   "Related Topics", "Assembly Elections", "Election Commission of India", "BACK TO TOP")
bp(5, "byline", "The Hindu Bureau")
bp(5, "caption", "Chief Election Commissioner Rajiv Kumar with Election Commissioners Anup Chandra Pandey and Arun Goel at a press conference in New Delhi on October 9, 2023. | Photo Credit: SHIV KUMAR PUSHPAKAR")
bp(5, "footer", "Copyright© 2023, THG PUBLISHING PVT LTD. or its affiliated companies. All rights reserved.")
# h06 Times of Israel
bp(6, "byline", "By TOI STAFF and AGENCIES")
bp(6, "navigation", "Edit", "Read more:", "Israel & the Region", "Israel-EU relations", "Natural gas", "Ursula von der Leyen", "Karine Elharrar")
bp(6, "caption", "Energy Minister Karine Elharrar (center) with European Commission President Ursula von der Leyen (left) and Egyptian Petroleum Minister Tarek El Molla in Cairo on June 15, 2022. (Energy Ministry)",
   "The Leviathan natural gas platform, seen from the beach at Dor, in northern Israel. (Marc Israel Sellem/Flash90)")
bp(6, "promo", "Get The Times of Israel's Daily Edition by email and never miss our top stories", "Newsletter email address", "GET IT",
   "By signing up, you agree to the terms", "You're a dedicated reader",
   "We're really pleased that you've read 5 Times of Israel articles in the past month.",
   "That's why we started the Times of Israel ten years ago - to provide discerning readers like you with must-read coverage of Israel and the Jewish world.",
   "Join Our Community", "Already a member? Sign in to stop seeing this")
bp(6, "footer", "Agencies contributed to this report.")
# h07 Japan Times
bp(7, "byline", "BY TOMOKO HAYASHI AND DANIEL LEUNG", "STAFF WRITERS")
bp(7, "navigation", "SHARE", "PHOTO GALLERY (CLICK TO ENLARGE)", "KEYWORDS",
   "LDP, Shigeru Ishiba, Sanae Takaichi, Fumio Kishida, LDP leadership race")
bp(7, "caption", "Shigeru Ishiba reacts after winning the Liberal Democratic Party presidential election in Tokyo on Friday. | POOL / VIA REUTERS")
bp(7, "promo", "In a time of both misinformation and too much information, quality journalism is more crucial than ever.",
   "By subscribing, you can help us get the story right.", "SUBSCRIBE NOW")
# h08 France 24
bp(8, "navigation", "4 min Reading time", "Advertising", "Read moreFrance's snap elections: What's at stake in the two-round vote",
   "Read next", "Macron's camp scrambles to build 'republican front' against far right", "Lire la version française")
bp(8, "byline", "Text by: FRANCE 24")
bp(8, "caption", "National Rally (RN) President Jordan Bardella delivers a speech after the first round results in Paris on June 30, 2024. © Julien De Rosa, AFP")
bp(8, "promo", "Daily newsletter", "Receive essential international news every morning", "Subscribe")
bp(8, "footer", "(FRANCE 24 with AFP and Reuters)")
# h09 RFE/RL
bp(9, "byline", "By RFE/RL's Kyrgyz Service")
bp(9, "caption", "Journalist Aizada Toktorova (center) is escorted into a courtroom in Bishkek on October 10.")
bp(9, "navigation", "Share", "Comments", "Print", "Читайте также: Кыргызстан: журналистов приговорили к срокам", "Related",
   "Kyrgyz Authorities Detain 11 Current, Former Journalists Of Anti-Corruption Outlet", "Азаттык")
bp(9, "footer", "With reporting by AFP and Current Time",
   "Copyright (c) 2024. RFE/RL, Inc. Used with the permission of Radio Free Europe/Radio Liberty, 1201 Connecticut Ave NW, Ste 400, Washington DC 20036.")
# h10 Dawn
bp(10, "byline", "Shahid Rizvi")
bp(10, "navigation", "Facebook Count", "X (formerly Twitter) Share", "0 Comments", "Comments (34)", "Closed", "اردو میں پڑھیں")
bp(10, "caption", "Finance Minister Muhammad Aurangzeb addresses a press conference in Islamabad. — APP/File")
bp(10, "promo", "Read more: Budget 2024-25: govt sets ambitious Rs13tr tax target")
bp(10, "footer", "Published in Dawn, July 13th, 2024")

Q = []
def q(i, kind, speaker, cue, text, note=None):
    for s in (speaker if isinstance(speaker, list) else [speaker]):
        d = {"source": U[i], "text": text, "kind": kind, "speaker": s, "cue": cue}
        if note:
            d["note"] = note
        Q.append(d)
D, P, I, SC = "direct", "partial", "indirect", "scare"

# h01 NYT
COURT = "United States Court of Appeals for the District of Columbia Circuit"
q(1, P, COURT, "said", "likely exceeded the bounds", "'a panel of the ... Circuit said'")
q(1, D, "Harold W. Brennan", "wrote", "The agency may well be right that the technology will mature,")
q(1, D, "Harold W. Brennan", "wrote", "But a rule that stakes the nation’s electricity supply on a wager about the future is the kind of major decision that Congress must make, not an agency.")
q(1, P, "Naomi Castellanos", "said", "substituted its own policy preferences for the judgment of the expert agency.")
q(1, I, "Naomi Castellanos", "wrote", "the states challenging the rule had failed to show that they would suffer irreparable harm before the case was decided", "'She'")
q(1, I, "Michael S. Regan", "said", "the agency was reviewing the decision and remained “confident” that the rule would ultimately be upheld", "'The E.P.A. administrator, Michael S. Regan'")
q(1, P, "Michael S. Regan", "said", "confident")
q(1, D, "Michael S. Regan", "said", "We followed the law and we followed the science,", "'Mr. Regan'")
q(1, D, "Michael S. Regan", "said", "Power plants remain the second-largest source of climate pollution in this country, and the American people deserve protection from it.")
q(1, P, "Daniel Kittredge", "called", "a big win for working families and for the rule of law.")
q(1, D, "Daniel Kittredge", "told", "Washington bureaucrats tried to shut down an entire industry with the stroke of a pen,")
q(1, D, "Daniel Kittredge", "told", "Today the court told them no.")
q(1, I, "National Mining Association", "said", "the rule would have “forced the premature closure of dozens of reliable power plants” and driven up electricity bills across the Midwest")
q(1, P, "National Mining Association", "said", "forced the premature closure of dozens of reliable power plants")
q(1, I, "Environmental Defense Fund", "said", "it was weighing its options, including asking the full appeals court to reconsider the panel’s order")
q(1, D, "Amara Lindqvist", "said", "This is a pause, not a defeat,")
q(1, D, "Amara Lindqvist", "said", "The court hasn’t ruled on the merits, and when it does, we expect to win.")
q(1, SC, None, None, "major questions", "name of a legal doctrine")
q(1, I, "Amara Lindqvist", "said", "the new rule had been written with that decision in mind", "'Ms. Lindqvist'")

# h02 Politico Europe
VDL, SCH, MAC = "Ursula von der Leyen", "Olaf Scholz", "Emmanuel Macron"
q(2, SC, None, None, "temporary dynamic price corridor", "borderline; term from the summit conclusions, no speech verb")
q(2, D, MAC, "told", "We have a clear mandate now,")
q(2, I, ["Italy", "Poland", "Belgium"], "say", "households and industry cannot wait any longer", "borderline; 'a group of 15 countries led by Italy, Poland and Belgium that say'; one entry per named country")
q(2, D, MAC, "told", "The Commission must come back with concrete proposals, and fast.")
q(2, I, SCH, "argued", "a hard ceiling on prices would simply divert liquefied natural gas cargoes to buyers in Asia willing to pay more")
q(2, D, SCH, "said", "We must make sure that gas still comes to Europe. Everything else is secondary,", "'the chancellor'")
q(2, I, SCH, "added", "Berlin was “ready to discuss” a mechanism as long as it did not endanger supply")
q(2, P, SCH, "added", "ready to discuss")
q(2, I, "Alexander De Croo", "says", "distorts the single market", "relative clause 'which ... De Croo says distorts ...'")
q(2, I, "Mario Draghi", "warned", "national schemes risked “fragmenting Europe” at the worst possible moment")
q(2, P, "Mario Draghi", "warned", "fragmenting Europe")
q(2, D, "Mario Draghi", "said", "We cannot have a situation in which the countries with the most fiscal space save their industries and the others watch,")
q(2, I, "Italy", "said", "Rome had wanted a firmer commitment", "'One Italian official'")
q(2, D, "Italy", "said", "It’s a step, but a small one,", "'the official' (Italian, anonymous)")
q(2, P, VDL, "saying", "a very good and strong roadmap")
q(2, I, VDL, "said", "the Commission would present its legal proposals before the next meeting of energy ministers on Tuesday", "'She'")
q(2, I, "Mark Rutte", "said", "he could live with the corridor because it would be “temporary and targeted.”")
q(2, P, "Mark Rutte", "said", "temporary and targeted.")
q(2, I, "Mark Rutte", "said", "the Netherlands would not accept any measure that triggered gas rationing")
q(2, I, "Kadri Simson", "told", "the so-called Iberian model — under which Spain and Portugal subsidize the gas used to generate electricity — could not simply be copied across the bloc")
q(2, D, "Kadri Simson", "said", "What works for a peninsula with limited interconnections will not work for 27 integrated markets,")
q(2, I, "Mateusz Morawiecki", "accused", "Berlin of putting its own industry first")
q(2, I, "Mateusz Morawiecki", "said", "Germany had shown “solidarity” with its neighbors only when it suited German companies")
q(2, P, "Mateusz Morawiecki", "said", "solidarity", "in body; the subheading's “solidarity” is not counted")
q(2, I, "European Commission", "says", "no longer reflects the reality of a market dominated by LNG")

# h03 Moscow Times
BOR, PES, NAB = "Bank of Russia", "Dmitry Peskov", "Elvira Nabiullina"
q(3, I, BOR, "said", 'the decision was aimed at "limiting price stability risks" as inflationary pressure in the economy continued to build', "'The regulator'")
q(3, P, BOR, "said", "limiting price stability risks")
q(3, D, BOR, "said", "The pass-through of the ruble's depreciation to prices is gaining momentum and inflation expectations are rising,")
q(3, P, "Maxim Oreshkin", "blaming", "soft monetary policy.", "column in TASS")
q(3, D, "Maxim Oreshkin", "wrote", "The main source of the ruble's weakening and the acceleration of inflation is loose monetary policy,")
q(3, D, "Maxim Oreshkin", "wrote", "The Central Bank has all the necessary tools to normalize the situation in the near future.")
q(3, I, PES, "told", "the rate decision was a matter for the regulator")
q(3, I, PES, "said", 'the Kremlin was "closely monitoring" the situation')
q(3, P, PES, "said", "closely monitoring")
q(3, I, PES, "denied", "the authorities had lost control of the currency market")
q(3, D, "Yevgeny Sukhov", "said", "Nabiullina has been given a very clear signal from the top, and she has answered it,")
q(3, D, "Yevgeny Sukhov", "said", "But rates alone will not fix the problem of falling export revenues and growing imports.")
q(3, I, "Yevgeny Sukhov", "said", "the ruble would likely stabilize in the 90-95 range in the coming weeks")
q(3, I, "Yevgeny Sukhov", "warned", "further sanctions on Russian oil could push it lower again")
q(3, I, "Ministry of Finance of Russia", "according to", "Russia's budget deficit, swollen by military spending on the war in Ukraine, reached 2.8 trillion rubles ($28 billion) in the first seven months of the year")
q(3, I, NAB, "said", "the regulator was prepared to tighten policy further if needed")
q(3, D, NAB, "told", "We do not rule out raising the rate at upcoming meetings,")

# h04 TASS
LAV, JAI = "Sergey Lavrov", "Subrahmanyam Jaishankar"
q(4, I, LAV, "said", "Russian Foreign Minister Sergey Lavrov and his Indian counterpart Subrahmanyam Jaishankar have agreed to intensify coordination within BRICS and the Shanghai Cooperation Organization (SCO) ahead of Russia's chairmanship of BRICS next year", "'the Russian top diplomat said'")
q(4, D, LAV, "said", "We discussed in detail our cooperation in multilateral formats, primarily in BRICS, the SCO and the G20. Our positions on the key issues of the global agenda coincide or are very close,")
q(4, I, LAV, "according to", "trade turnover between Russia and India in January-October exceeded $50 bln, and the two countries are increasingly using national currencies in mutual settlements", "'According to him'")
q(4, D, LAV, "noted", "This is a very good indicator, and we agreed to remove the remaining obstacles,", "'the minister'")
q(4, I, LAV, "said", "Moscow and New Delhi had discussed the North-South International Transport Corridor and the Chennai-Vladivostok sea route", "'The Russian foreign minister'")
q(4, I, LAV, "stressed", 'Russia was interested in "the most rapid implementation" of these projects')
q(4, P, LAV, "stressed", "the most rapid implementation")
q(4, P, JAI, "described", "very steady and very strong.", "'S. Jaishankar'")
q(4, D, JAI, "said", "The relationship between India and Russia has remained very steady, very strong. It is based on strategic convergence, on geopolitical interest and because it is mutually beneficial,", "'the Indian minister'")
q(4, I, JAI, "added", "Indian Prime Minister Narendra Modi was looking forward to meeting President Vladimir Putin next year")
q(4, I, LAV, "said", "the sides had also touched upon the situation in Ukraine and in the Middle East")
q(4, I, LAV, "accused", 'Western countries of trying to "drag" India into anti-Russian initiatives')
q(4, P, LAV, "accused", "drag")
q(4, P, LAV, "saying", "firmly defended its national interests.")
q(4, I, PES, "told", "Putin would receive Jaishankar in the Kremlin")
q(4, D, PES, "said", "The president highly values the special and privileged strategic partnership with India,")

# h05 The Hindu
RK, JR = "Rajiv Kumar", "Jairam Ramesh"
q(5, I, RK, "said", "over 16 crore electors, including around 60 lakh first-time voters, would be eligible to cast their votes in 679 constituencies")
q(5, D, RK, "said", "We have taken into account festivals, board examinations and the weather while drawing up the schedule. Our endeavour is to ensure inclusive, accessible and inducement-free elections,", "'Mr. Kumar'")
q(5, I, RK, "said", "the Commission had held consultations with political parties, enforcement agencies and State officials in all five States", "'The CEC'")
q(5, I, RK, "warned", 'the poll panel would take a "zero tolerance" approach towards the use of money and muscle power')
q(5, P, RK, "warned", "zero tolerance")
q(5, D, RK, "said", "Seizures in the States that went to polls in the last one year were almost 11 times higher than in the previous round. We will not allow inducements to vitiate the electoral process,")
q(5, I, "Election Commission of India", "according to", "more than 1.77 lakh polling stations will be set up across the five States, and webcasting will be done at over half of them")
q(5, I, JR, "said", 'the party was "fully prepared" and confident of retaining Rajasthan and Chhattisgarh')
q(5, P, JR, "said", "fully prepared")
q(5, D, JR, "said", "The people of these five States will give a decisive answer to the politics of hate and price rise,", "'Mr. Ramesh'")
q(5, I, "Bharatiya Janata Party", "said", 'it would seek votes on the record of the "double-engine" government')
q(5, SC, None, None, "double-engine", "slogan label")
q(5, I, "J.P. Nadda", "said", "Prime Minister Narendra Modi's welfare schemes had \"transformed the lives of crores of people\"")
q(5, P, "J.P. Nadda", "said", "transformed the lives of crores of people")
q(5, I, "Bharat Rashtra Samithi", "said", "it would announce its remaining candidates within a week")
q(5, I, "K.T. Rama Rao", "told", 'the party was aiming for a "hat-trick"')
q(5, P, "K.T. Rama Rao", "told", "hat-trick", "borderline; could be read as a scare quote")

# h06 Times of Israel
ELH, MOL, BEN = "Karine Elharrar", "Tarek El Molla", "Naftali Bennett"
q(6, D, ELH, "said", "This is a huge moment in which little Israel becomes a significant player in the global energy market,")
q(6, I, ELH, "said", 'the deal would also bring "billions" into state coffers')
q(6, P, ELH, "said", "billions")
q(6, I, ELH, "said", "some of the revenue would be invested in renewable energy")
q(6, D, ELH, "added", "We will not compromise on our climate goals,")
q(6, P, VDL, "called", "a big step forward")
q(6, D, VDL, "said", "The EU wants to reduce its dependency on Russian fossil fuels. We want to diversify, and we want to do it with reliable partners,", "'Von der Leyen'")
q(6, I, VDL, "said", "the EU would also provide €100 million to Egypt to help it cope with the global food crisis triggered by Russia's invasion of Ukraine")
q(6, I, MOL, "told", 'the agreement confirmed Egypt\'s position as "a regional hub for energy trading."', "'Tarek el-Molla'")
q(6, P, MOL, "told", "a regional hub for energy trading.")
q(6, I, MOL, "said", "Cairo was ready to expand its liquefaction capacity to meet European demand")
q(6, P, BEN, "called", "historic", "'what he called'; in body (the standfirst's 'historic' is not counted)")
q(6, I, BEN, "saying", "it would strengthen Israel's ties with both Egypt and Europe")
q(6, D, BEN, "said", "Israel has an opportunity to become a significant supplier of energy to the world, and we intend to seize it,")
q(6, I, "Adam Teva V'Din", "said", "the government was locking the country into decades of fossil fuel production")
q(6, D, "Adam Teva V'Din", "said", "The government is selling the public's gas at the expense of the climate,", "'the group'")
q(6, I, "Ronen Schwartz", "according to", "Egypt's two liquefaction plants are already running close to capacity")
q(6, D, "Ronen Schwartz", "told", "This is more of a political signal than an immediate solution for Europe,")

# h07 Japan Times
ISH, TAK = "Shigeru Ishiba", "Sanae Takaichi"
q(7, D, ISH, "told", "I will put all my energy into making Japan a country where every citizen can once again smile with confidence,")
q(7, D, ISH, "told", "We must regain the trust of the people.")
q(7, I, "Kyodo News", "according to", "many lawmakers swung behind Ishiba", "borderline; 'according to party sources quoted by Kyodo News'")
q(7, I, TAK, "said", "she accepted the result")
q(7, P, TAK, "said", "support the new leadership as one member of the party.")
q(7, I, "Shinjiro Koizumi", "said", 'his campaign had "fallen short" but that he would keep working for reform of the party')
q(7, P, "Shinjiro Koizumi", "said", "fallen short")
q(7, I, "Shinjiro Koizumi", "said", "he would keep working for reform of the party", "unquoted second half of a sentence whose first half embeds a partial quote")
q(7, D, "Fumio Kishida", "said", "Mr. Ishiba has the experience and the determination to lead this country,")
q(7, I, "Fumio Kishida", "announced", "he would not seek re-election amid public anger over a political funding scandal", "relative clause 'Kishida, who announced in August that ...'")
q(7, I, ISH, "said", "he would make a decision", "unquoted half of a sentence whose second half is a partial quote")
q(7, P, ISH, "said", "at the appropriate time.")
q(7, I, "Constitutional Democratic Party of Japan", "said", "the LDP had not changed")
q(7, D, "Yoshihiko Noda", "told", "A new face at the top does not wash away the slush fund scandal,")
q(7, P, TAK, "called", "stupid.", "'who had called rate hikes'")
q(7, I, "Komeito", "said", "it would continue to cooperate with the new leadership")

# h08 France 24
q(8, I, "French Interior Ministry", "according to", "Marine Le Pen's far-right National Rally (Rassemblement National) and its allies won the first round of France's snap legislative elections on Sunday with about 33 percent of the vote", "borderline; results 'according to official results released by the interior ministry'")
q(8, D, "Jordan Bardella", "told", "The French people have delivered a clear verdict,")
q(8, D, "Jordan Bardella", "told", "Next Sunday, I will be the prime minister of all the French people.")
q(8, I, "Jordan Bardella", "said", "he would only form a government if the RN won an absolute majority of 289 seats in the National Assembly")
q(8, I, "Marine Le Pen", "urged", "voters to give the party the majority it needed")
q(8, D, "Marine Le Pen", "warned", "Nothing has been won,")
q(8, D, "Marine Le Pen", "warned", "The second round is decisive.")
q(8, P, MAC, "called for", "broad, clearly democratic and republican alliance", "relayed by 'the Elysée said in a statement'")
q(8, D, "Gabriel Attal", "said", "Not a single vote must go to the National Rally,")
q(8, I, "Gabriel Attal", "said", "Ensemble candidates who came third would withdraw where it would help defeat an RN candidate")
q(8, I, "Jean-Luc Mélenchon", "said", "his camp would also pull out its third-placed candidates")
q(8, D, "Jean-Luc Mélenchon", "said", "Our instructions are simple, direct and clear: not one more vote for the National Rally,")
q(8, I, "French Interior Ministry", "according to", "Turnout surged to 66.7 percent, the highest in a first round of legislative elections since 1997")
q(8, I, "ING", "said", 'the outcome was "less bad than feared" for markets', "'Analysts at ING'")
q(8, P, "ING", "said", "less bad than feared")
q(8, P, "Édouard Philippe", "accused", "reckless")

# h09 RFE/RL
TOK, JAP, UKMK = "Aizada Toktorova", "Sadyr Japarov", "State Committee for National Security"
q(9, I, UKMK, "accused", 'them of publishing videos that "discredited" the authorities and "called for riots."')
q(9, P, UKMK, "accused", "discredited")
q(9, P, UKMK, "accused", "called for riots.")
q(9, I, "Akylbek Sadykov", "told", "the defense would appeal the verdict")
q(9, D, "Akylbek Sadykov", "said", "Not a single witness in this trial could name a single video in which my client called for anything. The verdict was written before the trial began,")
q(9, P, TOK, "said", "only done her job as a journalist.")
q(9, D, TOK, "said", "I am not guilty. I told the truth, and I will continue to tell it,")
q(9, I, "Kyrgyz Prosecutor-General's Office", "said", 'the court had "fully confirmed" the guilt of the defendants')
q(9, P, "Kyrgyz Prosecutor-General's Office", "said", "fully confirmed")
q(9, I, JAP, "said", "the case has nothing to do with freedom of speech")
q(9, I, JAP, "said", 'the journalists had been "working on the orders of foreign forces."', "'Zhaparov'")
q(9, P, JAP, "said", "working on the orders of foreign forces.")
q(9, D, "Dilnoza Rahimova", "said", "This sentence is a shameful attack on one of the last independent newsrooms in Kyrgyzstan,")
q(9, D, "Dilnoza Rahimova", "said", "The authorities must release the journalists immediately.")
q(9, I, "U.S. Department of State", "said", 'it was "deeply troubled" by the verdict')
q(9, P, "U.S. Department of State", "said", "deeply troubled")
q(9, I, "U.S. Department of State", "urged", "Bishkek to respect its commitments to media freedom")
q(9, SC, None, None, "false information", "name of a law")

# h10 Dawn
IMF = "International Monetary Fund"
q(10, I, IMF, "announced", "Pakistan and the International Monetary Fund (IMF) have reached a staff-level agreement on a 37-month, $7 billion Extended Fund Facility (EFF)")
q(10, I, IMF, "said", 'The agreement is subject to approval by the IMF\'s executive board and to Pakistan obtaining "the necessary financing assurances" from its development and bilateral partners', "'the lender said'")
q(10, P, IMF, "said", "the necessary financing assurances")
q(10, D, "Nathan Porter", "said", "The new programme will help Pakistan cement macroeconomic stability and create conditions for stronger, more inclusive and resilient growth,")
q(10, I, "Nathan Porter", "said", "the government had committed to raising tax revenue by 1.5 per cent of GDP in the current fiscal year and by 3pc of GDP over the course of the programme", "'Mr Porter'")
q(10, I, "Nathan Porter", "said", 'the authorities had also agreed to "timely" adjustments in electricity and gas tariffs so that energy prices reflect the cost of supply, and to gradually phase out subsidies')
q(10, P, "Nathan Porter", "said", "timely")
q(10, D, "Nathan Porter", "said", "Fair and efficient taxation, where net income from retail, export and agricultural sectors is brought into the tax system, is essential,", "'the IMF official'")
q(10, I, "Muhammad Aurangzeb", "saying", 'it would "anchor" the government\'s reform agenda')
q(10, P, "Muhammad Aurangzeb", "saying", "anchor")
q(10, D, "Muhammad Aurangzeb", "told", "This will be the last IMF programme if we implement the structural reforms we have committed to,")
q(10, P, "Shehbaz Sharif", "according to", "friendly countries", "borderline; 'according to a statement from the PM Office'")
q(10, I, "Irfan Hashmi", "said", 'the new taxes on salaried persons were "unfair and regressive,"')
q(10, P, "Irfan Hashmi", "said", "unfair and regressive,")
q(10, I, "Irfan Hashmi", "warned", "growth would remain below 3pc")
q(10, D, "Sana Qureshi", "said", "The IMF has given Pakistan a lifeline, but without broadening the tax base we will be back in the same position in three years,")
q(10, I, "State Bank of Pakistan", "said", "the agreement would support the country's foreign exchange reserves, currently around $9.4bn")
q(10, I, "Omar Ayub Khan", "saying", 'Shahbaz Sharif\'s government had "mortgaged" the country\'s future')
q(10, P, "Omar Ayub Khan", "saying", "mortgaged")
q(10, D, "Omar Ayub Khan", "said", "The people have not given this government the mandate to sign such agreements,")

# Convention of the seed/dev gold ("partial only"): a reported clause that embeds a partial quote of the same
# speaker is recorded as the partial quote alone, not also as an indirect quote. Clauses that only contain a
# scare-quoted label (not the speaker's words) stay indirect.
_scare = {(x["source"], x["text"]) for x in Q if x["kind"] == SC}
def _embeds_partial(x):
    spans = re.findall(r'["“]([^"”]+)["”]', x["text"])
    return bool(spans) and not all((x["source"], s) in _scare for s in spans)
Q = [x for x in Q if not (x["kind"] == I and _embeds_partial(x))]

A = {}
def ac(name, typ, aliases, refs=(), roles=(), country=None, src=()):
    a = A.setdefault(name, {"name": name, "type": typ, "aliases": [], "references": [], "roles": list(roles), "country": country, "sources": []})
    for x in aliases:
        if x not in a["aliases"]:
            a["aliases"].append(x)
    for x in refs:
        if x not in a["references"]:
            a["references"].append(x)
    for i in src:
        if U[i] not in a["sources"]:
            a["sources"].append(U[i])

# PERSONS
ac("Joe Biden", "PERSON", ["Biden"], roles=["US President"], country="USA", src=[1])
ac("Harold W. Brennan", "PERSON", ["Harold W. Brennan"], roles=["Judge, D.C. Circuit"], country="USA", src=[1])
ac("Naomi Castellanos", "PERSON", ["Naomi Castellanos"], roles=["Judge, D.C. Circuit"], country="USA", src=[1])
ac("Michael S. Regan", "PERSON", ["Michael S. Regan", "Regan"], ["The E.P.A. administrator"], ["EPA Administrator"], "USA", [1])
ac("Daniel Kittredge", "PERSON", ["Daniel Kittredge", "Kittredge"], ["West Virginia’s attorney general"], ["West Virginia Attorney General"], "USA", [1])
ac("Amara Lindqvist", "PERSON", ["Amara Lindqvist", "Lindqvist"], ["a senior lawyer at the Environmental Defense Fund"], country="USA", src=[1])
ac(MAC, "PERSON", ["Emmanuel Macron", "Macron"], ["French President"], ["President of France"], "FRA", [2, 8])
ac(SCH, "PERSON", ["Olaf Scholz", "Scholz"], ["the chancellor"], ["German Chancellor"], "DEU", [2])
ac("Alexander De Croo", "PERSON", ["Alexander De Croo"], roles=["Belgian Prime Minister"], country="BEL", src=[2])
ac("Mario Draghi", "PERSON", ["Mario Draghi", "Draghi"], roles=["Italian Prime Minister"], country="ITA", src=[2])
ac(VDL, "PERSON", ["Ursula von der Leyen", "von der Leyen"], ["Commission President"], ["President of the European Commission"], None, [2, 6])
ac("Mark Rutte", "PERSON", ["Mark Rutte", "Rutte"], roles=["Dutch Prime Minister"], country="NLD", src=[2])
ac("Kadri Simson", "PERSON", ["Kadri Simson", "Simson"], roles=["EU Energy Commissioner"], country=None, src=[2])
ac("Mateusz Morawiecki", "PERSON", ["Mateusz Morawiecki"], ["Poland’s prime minister"], ["Polish Prime Minister"], "POL", [2])
ac(NAB, "PERSON", ["Elvira Nabiullina", "Nabiullina"], roles=["Governor of the Bank of Russia"], country="RUS", src=[3])
ac("Maxim Oreshkin", "PERSON", ["Maxim Oreshkin", "Oreshkin"], ["President Vladimir Putin's economic adviser"], ["Kremlin economic adviser"], "RUS", [3])
ac("Vladimir Putin", "PERSON", ["Vladimir Putin", "Putin"], ["the president"], ["Russian President"], "RUS", [3, 4])
ac(PES, "PERSON", ["Dmitry Peskov", "Peskov"], ["Kremlin spokesman"], ["Kremlin spokesman"], "RUS", [3, 4])
ac("Yevgeny Sukhov", "PERSON", ["Yevgeny Sukhov", "Sukhov"], ["chief economist at the Moscow brokerage Tsifra Capital"], country="RUS", src=[3])
ac(LAV, "PERSON", ["Sergey Lavrov", "Lavrov"], ["the Russian top diplomat", "the minister", "The Russian foreign minister"], ["Russian Foreign Minister"], "RUS", [4])
ac(JAI, "PERSON", ["Subrahmanyam Jaishankar", "S. Jaishankar", "Jaishankar"], ["his Indian counterpart", "the Indian minister"], ["Indian External Affairs Minister"], "IND", [4])
ac("Narendra Modi", "PERSON", ["Narendra Modi"], ["Indian Prime Minister"], ["Prime Minister of India"], "IND", [4, 5])
ac("Denis Manturov", "PERSON", ["Denis Manturov"], roles=["Russian Deputy Prime Minister"], country="RUS", src=[4])
ac(RK, "PERSON", ["Rajiv Kumar", "Kumar"], ["The CEC", "Chief Election Commissioner"], ["Chief Election Commissioner of India"], "IND", [5])
ac(JR, "PERSON", ["Jairam Ramesh", "Ramesh"], ["Congress general secretary"], country="IND", src=[5])
ac("J.P. Nadda", "PERSON", ["J.P. Nadda"], ["BJP national president"], country="IND", src=[5])
ac("K. Chandrasekhar Rao", "PERSON", ["K. Chandrasekhar Rao"], ["Telangana Chief Minister"], country="IND", src=[5])
ac("K.T. Rama Rao", "PERSON", ["K.T. Rama Rao"], ["BRS working president"], country="IND", src=[5])
ac(ELH, "PERSON", ["Karine Elharrar", "Elharrar"], ["Energy Minister"], ["Israeli Energy Minister"], "ISR", [6])
ac(MOL, "PERSON", ["Tarek el-Molla", "El Molla"], ["Egyptian Petroleum Minister"], ["Egyptian Petroleum Minister"], "EGY", [6])
ac(BEN, "PERSON", ["Naftali Bennett", "Bennett"], ["Prime Minister"], ["Israeli Prime Minister"], "ISR", [6])
ac("Ronen Schwartz", "PERSON", ["Ronen Schwartz"], country="ISR", src=[6])
ac(ISH, "PERSON", ["Shigeru Ishiba", "Ishiba"], ["Former Defense Minister"], ["LDP President"], "JPN", [7])
ac(TAK, "PERSON", ["Sanae Takaichi", "Takaichi"], ["economic security minister"], country="JPN", src=[7])
ac("Fumio Kishida", "PERSON", ["Fumio Kishida", "Kishida"], ["Prime Minister"], ["Prime Minister of Japan"], "JPN", [7])
ac("Shinjiro Koizumi", "PERSON", ["Shinjiro Koizumi", "Koizumi"], ["former environment minister"], country="JPN", src=[7])
ac("Yoshihiko Noda", "PERSON", ["Yoshihiko Noda", "Noda"], ["former Prime Minister"], ["CDP leader"], "JPN", [7])
ac("Marine Le Pen", "PERSON", ["Marine Le Pen", "Le Pen"], country="FRA", src=[8])
ac("Jordan Bardella", "PERSON", ["Jordan Bardella", "Bardella"], ["RN President"], country="FRA", src=[8])
ac("Gabriel Attal", "PERSON", ["Gabriel Attal", "Attal"], ["Prime Minister"], ["French Prime Minister"], "FRA", [8])
ac("Jean-Luc Mélenchon", "PERSON", ["Jean-Luc Mélenchon"], ["Hard-left leader"], country="FRA", src=[8])
ac("Édouard Philippe", "PERSON", ["Édouard Philippe"], ["Former prime minister"], country="FRA", src=[8])
ac(TOK, "PERSON", ["Aizada Toktorova", "Toktorova"], ["the outlet's founder"], country="KGZ", src=[9])
ac("Akylbek Sadykov", "PERSON", ["Akylbek Sadykov", "Sadykov"], ["Toktorova's lawyer"], country="KGZ", src=[9])
ac(JAP, "PERSON", ["Sadyr Japarov", "Japarov", "Zhaparov"], ["President"], ["President of Kyrgyzstan"], "KGZ", [9])
ac("Dilnoza Rahimova", "PERSON", ["Dilnoza Rahimova"], ["the Central Asia representative of the Committee to Protect Journalists (CPJ)"], src=[9])
ac("Nathan Porter", "PERSON", ["Nathan Porter", "Porter"], ["the IMF official"], ["IMF mission chief"], None, [10])
ac("Muhammad Aurangzeb", "PERSON", ["Mohammad Aurangzeb", "Aurangzeb"], ["Finance Minister"], ["Pakistani Finance Minister"], "PAK", [10])
ac("Shehbaz Sharif", "PERSON", ["Shehbaz Sharif", "Shahbaz Sharif"], ["Prime Minister"], ["Prime Minister of Pakistan"], "PAK", [10])
ac("Irfan Hashmi", "PERSON", ["Irfan Hashmi"], ["Former finance secretary"], country="PAK", src=[10])
ac("Sana Qureshi", "PERSON", ["Sana Qureshi"], ["an economist at the Lahore School of Economics"], country="PAK", src=[10])
ac("Omar Ayub Khan", "PERSON", ["Omar Ayub Khan"], ["PTI leader"], country="PAK", src=[10])

# ORGS
ac(COURT, "ORG", [COURT], ["the court", "the majority"], country="USA", src=[1])
ac("Environmental Protection Agency", "ORG", ["Environmental Protection Agency", "E.P.A."], ["the agency"], country="USA", src=[1])
ac("Supreme Court of the United States", "ORG", ["Supreme Court"], country="USA", src=[1])
ac("United States Congress", "ORG", ["Congress"], country="USA", src=[1])
ac("National Mining Association", "ORG", ["National Mining Association"], country="USA", src=[1])
ac("Environmental Defense Fund", "ORG", ["Environmental Defense Fund"], country="USA", src=[1])
ac("Justice Department", "ORG", ["Justice Department"], country="USA", src=[1])
ac("European Union", "ORG", ["European Union", "EU"], ["the bloc", "Brussels"], src=[2, 6])
ac("European Commission", "ORG", ["European Commission", "Commission"], src=[2, 6])
ac("POLITICO", "ORG", ["POLITICO"], src=[2])
ac(BOR, "ORG", ["Bank of Russia", "Central Bank", "Russia's Central Bank"], ["the regulator", "the bank"], country="RUS", src=[3])
ac("TASS", "ORG", ["TASS"], ["the state-run TASS news agency"], country="RUS", src=[3, 4])
ac("Tsifra Capital", "ORG", ["Tsifra Capital"], country="RUS", src=[3])
ac("Ministry of Finance of Russia", "ORG", ["Finance Ministry"], country="RUS", src=[3])
ac("BRICS", "ORG", ["BRICS"], src=[4])
ac("Shanghai Cooperation Organization", "ORG", ["Shanghai Cooperation Organization", "SCO"], src=[4])
ac("G20", "ORG", ["G20"], src=[4])
ac("Election Commission of India", "ORG", ["Election Commission of India", "ECI", "Commission"], ["the poll panel"], country="IND", src=[5])
ac("Indian National Congress", "ORG", ["Congress"], ["the party"], country="IND", src=[5])
ac("Bharatiya Janata Party", "ORG", ["Bharatiya Janata Party", "BJP"], country="IND", src=[5])
ac("Bharat Rashtra Samithi", "ORG", ["Bharat Rashtra Samithi", "BRS"], country="IND", src=[5])
ac("Adam Teva V'Din", "ORG", ["Adam Teva V'Din"], ["the group"], country="ISR", src=[6])
ac("Israel Energy Forum", "ORG", ["Israel Energy Forum"], country="ISR", src=[6])
ac("East Mediterranean Gas Forum", "ORG", ["East Mediterranean Gas Forum"], src=[6])
ac("The Times of Israel", "ORG", ["The Times of Israel"], country="ISR", src=[6])
ac("Liberal Democratic Party", "ORG", ["Liberal Democratic Party", "LDP"], ["the party"], country="JPN", src=[7])
ac("Constitutional Democratic Party of Japan", "ORG", ["Constitutional Democratic Party of Japan", "CDP"], country="JPN", src=[7])
ac("Komeito", "ORG", ["Komeito"], country="JPN", src=[7])
ac("Kyodo News", "ORG", ["Kyodo News"], country="JPN", src=[7])
ac("Bank of Japan", "ORG", ["Bank of Japan"], country="JPN", src=[7])
ac("National Diet", "ORG", ["Diet"], country="JPN", src=[7])
ac("National Rally", "ORG", ["National Rally", "Rassemblement National", "RN"], country="FRA", src=[8])
ac("New Popular Front", "ORG", ["New Popular Front", "NFP"], country="FRA", src=[8])
ac("Ensemble", "ORG", ["Ensemble"], country="FRA", src=[8])
ac("France Unbowed", "ORG", ["France Unbowed", "LFI"], country="FRA", src=[8])
ac("National Assembly (France)", "ORG", ["National Assembly"], country="FRA", src=[8])
ac("European Parliament", "ORG", ["European Parliament"], src=[8])
ac("French Interior Ministry", "ORG", ["interior ministry"], country="FRA", src=[8])
ac("Elysee", "ORG", ["Elysée"], country="FRA", src=[8])
ac("ING", "ORG", ["ING"], country="NLD", src=[8])
ac("Ayan Media", "ORG", ["Ayan Media"], country="KGZ", src=[9])
ac(UKMK, "ORG", [UKMK, "UKMK"], country="KGZ", src=[9])
ac("Pervomaisky District Court", "ORG", ["Pervomaisky District Court"], ["the court"], country="KGZ", src=[9])
ac("Kyrgyz Prosecutor-General's Office", "ORG", ["Prosecutor-General's Office"], country="KGZ", src=[9])
ac("Kabar", "ORG", ["Kabar"], country="KGZ", src=[9])
ac("Committee to Protect Journalists", "ORG", ["Committee to Protect Journalists", "CPJ"], src=[9])
ac("U.S. Department of State", "ORG", ["U.S. State Department", "State Department"], country="USA", src=[9])
ac("RFE/RL", "ORG", ["RFE/RL"], src=[9])
ac(IMF, "ORG", [IMF, "IMF"], ["the Fund", "the lender"], src=[10])
ac("State Bank of Pakistan", "ORG", ["State Bank of Pakistan", "SBP"], country="PAK", src=[10])
ac("Pakistan Tehreek-i-Insaf", "ORG", ["Pakistan Tehreek-i-Insaf", "PTI"], country="PAK", src=[10])
ac("National Assembly of Pakistan", "ORG", ["National Assembly"], country="PAK", src=[10])
ac("Prime Minister's Office (Pakistan)", "ORG", ["PM Office"], country="PAK", src=[10])
ac("Lahore School of Economics", "ORG", ["Lahore School of Economics"], country="PAK", src=[10])
ac("Dawn", "ORG", ["Dawn"], country="PAK", src=[10])

# GPEs
ac("United States", "GPE", ["U.S."], ["Washington"], country="USA", src=[3, 9])
ac("West Virginia", "GPE", ["West Virginia"], country="USA", src=[1])
ac("Midwest", "GPE", ["Midwest"], country="USA", src=[1])
ac("Germany", "GPE", ["Germany"], ["Berlin"], country="DEU", src=[2])
ac("Italy", "GPE", ["Italy"], ["Rome"], country="ITA", src=[2])
ac("Poland", "GPE", ["Poland"], country="POL", src=[2])
ac("Belgium", "GPE", ["Belgium"], country="BEL", src=[2])
ac("Netherlands", "GPE", ["Netherlands"], country="NLD", src=[2])
ac("Spain", "GPE", ["Spain"], country="ESP", src=[2])
ac("Portugal", "GPE", ["Portugal"], country="PRT", src=[2])
ac("Luxembourg", "GPE", ["Luxembourg"], country="LUX", src=[2])
ac("Brussels", "GPE", ["BRUSSELS"], country="BEL", src=[2])
ac("Asia", "GPE", ["Asia"], src=[2])
ac("Europe", "GPE", ["Europe"], src=[2, 6])
ac("Russia", "GPE", ["Russia"], ["Moscow", "the Kremlin"], country="RUS", src=[3, 4, 6])
ac("Ukraine", "GPE", ["Ukraine"], country="UKR", src=[3, 4, 6])
ac("Moscow", "GPE", ["MOSCOW"], country="RUS", src=[3, 4])
ac("India", "GPE", ["India"], ["New Delhi"], country="IND", src=[4])
ac("Middle East", "GPE", ["Middle East"], src=[4])
ac("St. Petersburg", "GPE", ["St. Petersburg"], country="RUS", src=[4])
ac("Mizoram", "GPE", ["Mizoram"], country="IND", src=[5])
ac("Chhattisgarh", "GPE", ["Chhattisgarh"], country="IND", src=[5])
ac("Madhya Pradesh", "GPE", ["Madhya Pradesh"], country="IND", src=[5])
ac("Rajasthan", "GPE", ["Rajasthan"], country="IND", src=[5])
ac("Telangana", "GPE", ["Telangana"], country="IND", src=[5])
ac("Israel", "GPE", ["Israel"], country="ISR", src=[6])
ac("Egypt", "GPE", ["Egypt"], country="EGY", src=[6])
ac("Cairo", "GPE", ["Cairo"], country="EGY", src=[6])
ac("Jerusalem", "GPE", ["Jerusalem"], src=[6])
ac("Ramallah", "GPE", ["Ramallah"], src=[6])
ac("Jordan", "GPE", ["Jordan"], country="JOR", src=[6])
ac("Japan", "GPE", ["Japan"], country="JPN", src=[7])
ac("France", "GPE", ["France"], country="FRA", src=[8])
ac("Paris", "GPE", ["Paris"], country="FRA", src=[8])
ac("Hénin-Beaumont", "GPE", ["Hénin-Beaumont"], country="FRA", src=[8])
ac("Kyrgyzstan", "GPE", ["Kyrgyzstan"], country="KGZ", src=[9])
ac("Bishkek", "GPE", ["BISHKEK"], ["Bishkek"], country="KGZ", src=[9])
ac("Central Asia", "GPE", ["Central Asia"], src=[9])
ac("Pakistan", "GPE", ["Pakistan"], country="PAK", src=[10])
ac("Islamabad", "GPE", ["ISLAMABAD"], country="PAK", src=[10])
# NORPs (not scored)
ac("Russians", "NORP", ["Russian"], country="RUS", src=[3, 4, 6])
ac("Indians", "NORP", ["Indian"], country="IND", src=[4])
ac("Americans", "NORP", ["American"], country="USA", src=[1])
ac("Germans", "NORP", ["German"], country="DEU", src=[2])
ac("Italians", "NORP", ["Italian"], country="ITA", src=[2])
ac("Dutch", "NORP", ["Dutch"], country="NLD", src=[2])
ac("Europeans", "NORP", ["Europeans", "European"], src=[2, 6])
ac("French", "NORP", ["French"], country="FRA", src=[8])
ac("Egyptians", "NORP", ["Egyptian"], country="EGY", src=[6])
ac("Kyrgyz", "NORP", ["Kyrgyz"], country="KGZ", src=[9])

# Drop listed chrome lines that also occur inside the clean body (tag lines that are just a name, e.g. "India"):
# the scorer tests removal by substring, so such lines can never count as removed.
import unicodedata
def _norm(s):
    s = unicodedata.normalize("NFKC", s or "")
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s).strip()
_clean = {}
for _i, _f in U.items():
    _skip = {_norm(b["line"]) for b in B if b["source"] == _f}
    _clean[_f] = _norm(" ".join(l for l in TXT[_i].splitlines() if _norm(l) not in _skip))
_dropped = [b for b in B if _norm(b["line"]) in _clean[b["source"]]]
for b in _dropped:
    print(f"not scoreable, left out of boilerplate gold: {b['source']}: {b['line']}")
B = [b for b in B if b not in _dropped]

# ---------- checks ----------
errs = []
def body_lines(i):
    bl = {b["line"] for b in B if b["source"] == U[i]}
    return "\n".join(l for l in TXT[i].splitlines() if l.strip() not in bl)
for b in B:
    i = [k for k, v in U.items() if v == b["source"]][0]
    if b["line"] not in LINES[i]:
        errs.append(f"boilerplate not a line: {b['source']}: {b['line'][:60]}")
for s in S:
    i = [k for k, v in U.items() if v == s["source"]][0]
    for x in [s["title"], s["kicker"], s["standfirst"]] + s["subheadings"]:
        if x and x not in LINES[i]:
            errs.append(f"structure field not a line: {s['source']}: {x[:60]}")
    if s["dateline"] and s["dateline"] not in TXT[i]:
        errs.append(f"dateline missing {s['source']}")
seen = set()
for x in Q:
    i = [k for k, v in U.items() if v == x["source"]][0]
    if x["text"] not in body_lines(i):
        errs.append(f"quote not in body: {x['source']}: {x['text'][:60]}")
    if x["speaker"] and x["speaker"] not in A:
        errs.append(f"speaker not an actor: {x['speaker']}")
for a in A.values():
    for al in a["aliases"]:
        if not any(re.search(r"(?<!\w)" + re.escape(al) + r"(?!\w)", body_lines(k)) for k in U if U[k] in a["sources"]):
            errs.append(f"alias not in body of its sources: {a['name']}: {al}")
if errs:
    print("\n".join(errs))
    sys.exit(1)

GOLD.mkdir(exist_ok=True)
def dump(name, rows):
    with open(GOLD / name, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
dump("structure.jsonl", S)
dump("boilerplate.jsonl", B)
dump("quotes.jsonl", Q)
dump("actors.jsonl", list(A.values()))
print(f"ok: {len(S)} articles, {len(B)} boilerplate lines, {len(Q)} quotes, {len(A)} actors")
