"""Generates tests/data/unseen/gold/*.jsonl (hand-annotated; checks every quote and alias is verbatim in its raw file)."""
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
RAW, GOLD = HERE / "raw", HERE / "gold"
U = {i: f for i, f in enumerate(sorted(p.name for p in RAW.glob("*.txt")), 1)}

S = []  # structure
def st(i, title, published=None, subheadings=(), kicker=None, standfirst=None, credits=(), dateline=None):
    S.append({"source": U[i], "title": title, "published": published, "subheadings": list(subheadings), "kicker": kicker,
              "standfirst": standfirst, "agency_credits": list(credits), "dateline": dateline})

st(1, "Ukraine's Zelenskiy says West should not stoke 'panic' over Russian troop build-up", "2022-01-28T14:47:00+00:00",
   ["ECONOMIC TOLL"], credits=["Reuters"], dateline="KYIV")
st(2, "Biden says he'll send small number of troops to Eastern Europe", "2022-01-28T18:34:00-05:00", credits=["AP"], dateline="WASHINGTON")
st(3, "Ukraine crisis: Germany's Scholz defends refusal to send weapons", "2022-01-29T00:00:00", ["'An absolute joke'", "Pressure from allies"])
st(4, "Boris Johnson to offer Nato ‘major’ troop deployment as he prepares to call Putin", "2022-01-29T22:30:00+00:00",
   standfirst="UK could double the number of troops in eastern Europe, with the prime minister expected to travel to the region this week")
st(5, "Biden warns Zelensky of ‘distinct possibility’ Russia invades in February", "2022-01-27T15:45:00-05:00", ["Kyiv pushes back"], dateline="Washington")
st(6, "Lavrov, Blinken clash in phone call as UN Security Council spars over Ukraine", "2022-02-01T00:00:00",
   ["Heated exchange at the UN", "What happens next?"],
   standfirst="Russian FM tells US counterpart that Moscow will not accept attempts to ‘distort’ its security proposals.")
st(7, "Scholz and Biden vow united front on Russia, stay vague on Nord Stream 2", "2022-02-08T00:00:00", ["Criticism at home"], kicker="Conflicts",
   standfirst='German Chancellor Olaf Scholz and US President Joe Biden have promised a "united" response if Russia invades Ukraine. But the chancellor again declined to say the gas pipeline would be scrapped.',
   credits=["AFP", "dpa", "Reuters"])
st(8, "Reznikov: Russia has not formed strike group to attack Ukraine, no reason to panic", "2022-02-01T19:42:00", ["Kuleba: Diplomacy is working"])
st(9, "Spain sends frigate and fighter jets to bolster NATO’s eastern flank", "2022-01-26T13:12:00+01:00", kicker="UKRAINE CRISIS",
   standfirst="Prime Minister Pedro Sánchez says Madrid will “fulfil its commitments” to its allies, but the decision has opened a rift with junior coalition partner Unidas Podemos",
   dateline="Madrid")
st(10, "India calls for ‘quiet and constructive diplomacy’ on Ukraine, abstains on UNSC vote", "2022-01-31T22:15:00+05:30", kicker="World News",
   credits=["PTI"], dateline="New Delhi")
st(11, "EU Readies Gas Plan B as Gazprom Flows Slump, Von der Leyen Says", "2022-01-28T11:05:00", credits=["Bloomberg"])

B = []  # boilerplate: (article, kind, line)
def bp(i, kind, *lines):
    for l in lines:
        B.append({"source": U[i], "line": l, "kind": kind})

bp(1, "navigation", "3 minute read")
bp(1, "promo", "Register now for FREE unlimited access to Reuters.com")
bp(1, "footer", "Reporting by Pavel Polityuk and Natalia Zinets in Kyiv; Additional reporting by Dmitry Antonov in Moscow and Idrees Ali in Washington; Writing by Matthias Williams; Editing by Mark Heinrich",
   "Our Standards: The Thomson Reuters Trust Principles.")
bp(2, "navigation", "Share", "Copy Link copied", "___")
bp(2, "footer", "Associated Press writers Matthew Lee in Washington and Yuras Karmanau in Kyiv, Ukraine, contributed to this report.")
bp(2, "promo", "Follow AP’s coverage of the Ukraine crisis at https://apnews.com/hub/russia-ukraine")
bp(3, "navigation", "Share", "Published")
bp(3, "caption", "Image source, Getty Images", "Image caption, Chancellor Olaf Scholz took office in December after 16 years of Angela Merkel",
   "Media caption, Watch: Ukrainian civilians train with wooden rifles outside Kyiv")
bp(3, "navigation", "Related Topics", "Russia-Ukraine conflict", "More on this story", "Why is Germany not sending weapons to Ukraine?",
   "26 January 2022", "What does Putin want with Ukraine?", "25 January 2022")
bp(4, "caption", "Boris Johnson during a visit to a military base in Wiltshire. Photograph: Toby Melville/Reuters")
bp(4, "promo", "Sign up to First Edition, our free daily newsletter – every weekday morning at 7am GMT")
bp(4, "navigation", "Explore more on these topics", "Foreign policy", "Defence policy", "news", "Share", "Reuse this content")
bp(5, "navigation", "Read More")
bp(5, "footer", "CNN’s Matthew Chance in Kyiv and Nathan Hodge in Moscow contributed to this report.")
bp(6, "navigation", "Listen to this article | 4 mins")
bp(6, "caption", "Russian Foreign Minister Sergey Lavrov speaks during a news conference in Moscow [File: Yuri Kochetkov/Pool via Reuters]")
bp(6, "footer", "Source: Al Jazeera and news agencies")
bp(7, "caption", "Olaf Scholz (left) met Joe Biden for the first time at the White House since becoming chancellor")
bp(7, "navigation", "Skip next section Related content", "Related Subjects", "Olaf Scholz, Joe Biden, Nord Stream 2",
   "Print Print this page", "Permalink https://p.dw.com/p/46eU2")
bp(7, "promo", "Send us your feedback")
bp(8, "promo", "Read also: Zelensky: West's talk of imminent war has cost Ukraine billions",
   "Read also: Johnson, Morawiecki visit Kyiv as Russian threat persists",
   "We’ve been covering the war in Ukraine since day one. Support independent journalism in Ukraine by becoming a member of the Kyiv Independent.",
   "Become a member", "Subscribe to our newsletter")
bp(8, "navigation", "Most popular")
bp(9, "caption", "El presidente del Gobierno, Pedro Sánchez, durante una rueda de prensa en La Moncloa. EUROPA PRESS")
bp(9, "navigation", "Más información", "España envía una fragata al mar Negro en plena crisis de Ucrania", "Archivado En", "Ucrania", "Rusia", "OTAN", "Más información ›")
bp(9, "promo", "Suscríbete para seguir leyendo", "Lee sin límites")
bp(9, "footer", "Se adhiere a los criterios de The Trust Project")
bp(10, "promo", "ALSO READ: Russia-Ukraine crisis: What is the Minsk agreement?", "Follow more stories on Facebook and Twitter")
bp(10, "footer", "(This story has not been edited by HT staff and is auto-generated from a syndicated feed.)")
bp(10, "navigation", "Topics", "un security council")
bp(11, "promo", "Most Read from Bloomberg", "Putin Keeps West Guessing as Troop Build-Up Continues", "Oil Heads for Sixth Weekly Gain on Tight Supplies",
   "Read more: Europe’s Gas Crisis Explained: Why Prices Keep Soaring")
bp(11, "footer", "--With assistance from Alberto Nardelli and Jennifer Jacobs.", "©2022 Bloomberg L.P.")

# bylines: not article text (the seed gold keeps printed date lines in the text, but has no bylines)
bp(1, "byline", "By Pavel Polityuk and Natalia Zinets")
bp(2, "byline", "By AAMER MADHANI and LOLITA C. BALDOR")
bp(3, "byline", "By Jenny Hill", "BBC News, Berlin")
bp(4, "byline", "Peter Walker Political correspondent")
bp(5, "byline", "By Kevin Liptak and Jennifer Hansler, CNN")
bp(7, "byline", "Author Elliot Douglas")
bp(8, "byline", "by Illia Ponomarenko")
bp(9, "byline", "MIGUEL GONZÁLEZ")
bp(10, "byline", "By HT News Desk")
bp(11, "byline", "Ewa Krukowska and Jonathan Stearns")

Q = []
def q(i, kind, speaker, cue, text, note=None):
    speakers = speaker if isinstance(speaker, list) else [speaker]
    for s in speakers:
        d = {"source": U[i], "text": text, "kind": kind, "speaker": s, "cue": cue}
        if note:
            d["note"] = note
        Q.append(d)
D, P, I, SC = "direct", "partial", "indirect", "scare"
ZEL, PES, LAV, BID, KIR, AUS, BLI = "Volodymyr Zelensky", "Dmitry Peskov", "Sergey Lavrov", "Joe Biden", "John Kirby", "Lloyd Austin", "Antony Blinken"

# u01 Reuters
q(1, P, ZEL, "urged", "panic", "embedded in 'urged Western leaders not to create ...'; partial only")
q(1, I, ZEL, "saying", "constant talk of an imminent war was hurting Ukraine's fragile economy")
q(1, D, ZEL, "told", "We don't need this panic,")
q(1, D, ZEL, "told", "There are signals even from respected leaders of states, they just say that tomorrow there will be war. This is panic - how much does it cost for our state?")
q(1, I, ZEL, "said", "the threat of a full-scale attack remained real but that the situation was no more dangerous than during a similar Russian build-up last spring")
q(1, I, "Russia", "denies", "planning an invasion", "borderline; 'Moscow denies planning an invasion'")
q(1, P, "Russia", "calls", "aggressive", "'what it calls'")
q(1, I, PES, "said", "Russia's security concerns had not been taken into account in the written replies it received this week from Washington and NATO")
q(1, D, PES, "told", "There is little reason for optimism,")
q(1, I, PES, "adding", "President Vladimir Putin would take his time to study the documents")
q(1, P, PES, "said", "take some time", "'the spokesman' = Peskov")
q(1, I, LAV, "told", "the country did not want a conflict")
q(1, D, LAV, "said", "If it depends on Russia, there will be no war,")
q(1, D, LAV, "said", "We don't want wars. But we will not allow our interests to be rudely trampled on.")
q(1, I, "Ministry of Finance of Ukraine", "estimated", "the uncertainty has already pushed up borrowing costs sharply", "borderline")
q(1, I, "Kyrylo Shevchenko", "said", "the bank had sold more than $1 billion from its reserves in January to support the currency")
q(1, D, "National Bank of Ukraine", "said", "The situation on the foreign exchange market is fully under control,", "'the statement' of the central bank")
q(1, I, ZEL, "said", "he was ready to meet Putin directly")
q(1, D, ZEL, "said", "I'm not afraid of a meeting with the Russian president,")
q(1, I, ZEL, "adding", "such talks could take place in any format")
q(1, I, AUS, "said", "a Russian attack was not a foregone conclusion")
q(1, D, AUS, "told", "Conflict is not inevitable. There is still time and space for diplomacy,")

# u02 AP
q(2, I, BID, "said", "he will be moving a small number of U.S. troops to Eastern Europe and NATO countries")
q(2, P, BID, "said", "in the near term,")
q(2, D, BID, "told", "I’ll be moving troops to Eastern Europe and the NATO countries in the near term. Not too many,")
q(2, I, KIR, "said", "no final decisions had been made")
q(2, D, KIR, "said", "We’re going to continue to look at options and keep the president informed,")
q(2, I, [AUS, "Mark Milley"], "said", "Russia had assembled enough forces to threaten the whole of Ukraine", "joint attribution; one entry per speaker")
q(2, D, "Mark Milley", "said", "Given the type of forces that are deployed, the ground maneuver forces, the artillery, the ballistic missiles, the air forces, all of it packaged together, if that was unleashed on Ukraine, it would be significant,")
q(2, D, "Mark Milley", "said", "It would result in a significant amount of casualties.")
q(2, P, AUS, "said", "can choose to de-escalate")
q(2, D, AUS, "said", "He can do the right thing,", "'the defense secretary'")
q(2, I, "U.S. Mission to the United Nations", "said", "The U.N. Security Council will hold an open meeting Monday on the Russian buildup")
q(2, P, "Linda Thomas-Greenfield", "said", "must squarely examine the facts.")
q(2, D, "Dmitry Polyanskiy", "wrote", "We can’t recall another occasion when a Security Council member would propose to discuss its own baseless allegations,")
q(2, P, ZEL, "called", "panic", "'what he called'; Zelenskyy spelling")
q(2, I, ZEL, "said", "his government was not seeing a bigger threat now than during a similar buildup last spring", "'Ukraine’s leader'")
q(2, I, "Russia", "denies", "it is planning an attack")
q(2, I, "Russia", "demanded", "NATO will not admit Ukraine", "borderline; 'demanded guarantees that'")
q(2, P, "Russia", "said", "little ground for optimism", "'The Kremlin'")

# u03 BBC
SCH = "Olaf Scholz"
q(3, P, SCH, "insisting", "doing its part")
q(3, I, SCH, "said", "Germany had for decades avoided sending arms into conflict zones and would not change course now", "'the chancellor'")
q(3, D, SCH, "told", "We have always said that we will not deliver lethal weapons, and that remains correct,")
q(3, I, SCH, "said", "Germany was the biggest financial donor to Ukraine and was helping in other ways")
q(3, I, "Christine Lambrecht", "announced", "Germany would send 5,000 military helmets to Kyiv")
q(3, P, "Vitali Klitschko", "called", "an absolute joke")
q(3, D, "Vitali Klitschko", "asked", "What kind of support will Germany send next? Pillows?", "'the former boxing champion'")
q(3, P, "Andriy Melnyk", "told", "deeply frustrating")
q(3, I, "Andriy Melnyk", "accused", "German politicians of ignoring Ukraine's history")
q(3, I, "Estonia", "say", "Estonia has been waiting for weeks for Berlin to approve the transfer of German-made howitzers to Ukraine", "'officials in Tallinn say'")
q(3, P, "Annalena Baerbock", "said", "high price")
q(3, P, "Annalena Baerbock", "said", "everything")
q(3, P, SCH, "calling", "private sector project")
q(3, P, "Norbert Röttgen", "said", "a fatal signal")

# u04 Guardian
DS, JOH, TRU = "Downing Street", "Boris Johnson", "Liz Truss"
q(4, P, DS, "said", "major", "in body; the headline's ‘major’ is not counted")
q(4, P, JOH, "will tell", "painful, violent and bloody business", "borderline; reported future speech")
q(4, D, JOH, "said", "This package would send a clear message to the Kremlin – we will not tolerate their destabilising activity, and we will always stand with our Nato allies in the face of Russian hostility,")
q(4, I, DS, "said", "the defence secretary, Ben Wallace, and the foreign secretary, Liz Truss, would travel to Moscow separately in the coming weeks", "'A No 10 spokesperson'")
q(4, P, TRU, "said", "ready to act")
q(4, D, TRU, "told", "There will be nowhere to hide for Putin’s oligarchs,", "'the foreign secretary'")
q(4, P, "European Union", "said", "not always been matched by action in the City of London", "'A senior EU diplomat'")
q(4, I, "Labour Party", "said", "it would back the government on sanctions")
q(4, D, "David Lammy", "said", "We stand united in the face of Russian aggression. But the government must now close the loopholes that have made London a playground for kleptocrats.")
q(4, I, "Russia", "denied", "any plans to invade", "borderline")
q(4, P, PES, "accused", "hysteria")
q(4, P, "Russian Foreign Ministry", "said", "disinformation")
q(4, P, "Jens Stoltenberg", "saying", "stepping up")

# u05 CNN
q(5, P, BID, "warned", "distinct possibility", "in body; 'according to a person familiar with the call'")
q(5, P, BID, "told", "brace for impact,")
q(5, I, BID, "told", "the US believed Russian forces could move once the ground freezes later in the winter")
q(5, D, "Emily Horne", "said", "President Biden said that there is a distinct possibility that the Russians could invade Ukraine in February. He has said this publicly and we have been warning about this for months,")
q(5, D, "Emily Horne", "said", "Reports of anything more or different than that are completely false.")
q(5, P, "Ukraine", "told", "did not go well", "'A senior Ukrainian official'")
q(5, I, "Ukraine", "told", "the two leaders disagreed on how imminent the threat was")
q(5, P, "Sergii Nykyforov", "wrote", "not true")
q(5, I, "Sergii Nykyforov", "wrote", "Biden had not said an invasion was certain")
q(5, D, ZEL, "tweeted", "Had a long phone call with @POTUS. Discussed recent diplomatic efforts on de-escalation and agreed on joint actions for the future,")
q(5, P, BLI, "said", "a serious diplomatic path")
q(5, I, KIR, "said", "8,500 US troops remained on heightened alert")
q(5, P, KIR, "said", "not made any final decisions", "'The Pentagon has ... , Kirby said'")
q(5, I, "Russia", "said", "it would not rush to respond", "'the Kremlin'")
q(5, I, PES, "said", "Moscow would study the US document")
q(5, P, PES, "said", "no secret")

# u06 Al Jazeera
LTG, NEB, KUL = "Linda Thomas-Greenfield", "Vassily Nebenzia", "Dmytro Kuleba"
q(6, P, LAV, "told", "shelve", "reported via 'the Russian foreign ministry said'")
q(6, I, LAV, "said", "the US and its allies were violating a principle that no country should strengthen its security at the expense of others")
q(6, I, "US Department of State", "said", "Blinken had urged Russia to pull back its troops")
q(6, D, "Ned Price", "said", "The secretary reiterated the United States’ commitment to Ukraine’s sovereignty and territorial integrity,")
q(6, P, BLI, "called for", "immediate de-escalation", "borderline; relayed by Price")
q(6, P, BLI, "told", "swift and severe consequences", "borderline; relayed by Price")
q(6, P, LTG, "said", "intimidate")
q(6, D, LTG, "told", "This is the largest mobilisation of troops in Europe in decades,")
q(6, P, NEB, "accused", "whipping up tensions and rhetoric")
q(6, I, NEB, "said", "the US was provoking escalation")
q(6, D, NEB, "said", "Our Western colleagues are talking about de-escalation. However, first and foremost, they themselves are whipping up tensions,")
q(6, I, "Zhang Jun", "said", "the meeting was not conducive to diplomacy")
q(6, P, "Zhang Jun", "called on", "remain calm")
q(6, I, KUL, "said", "Kyiv welcomed the council’s attention")
q(6, P, KUL, "said", "not give in to provocations")
q(6, I, "Samuel Charap", "according to", "The exchange shows how little common ground remains")
q(6, D, "Samuel Charap", "said", "Both sides are talking past each other,")
q(6, I, ["United States", "Russia"], "according to", "Lavrov and Blinken agreed to stay in contact", "borderline; 'officials on both sides'; one entry per speaker")

# u07 DW
q(7, D, SCH, "told", "We are acting together, we are absolutely united, and we will not take different steps,")
q(7, D, SCH, "told", "We will take the same steps, and they will be very, very hard to Russia.")
q(7, D, BID, "said", "If Russia invades — that means tanks or troops crossing the border of Ukraine again — then there will be no longer a Nord Stream 2. We will bring an end to it,", "'the US president'")
q(7, D, BID, "replied", "I promise you, we will be able to do it.")
q(7, P, SCH, "said", "fully prepared")
q(7, P, SCH, "said", "everything")
q(7, SC, None, None, "hesitant", "'what his critics call'; unnamed critics")
q(7, I, "Friedrich Merz", "said", "the chancellor had waited too long to speak clearly")
q(7, I, "Annalena Baerbock", "said", "Berlin would help Ukraine financially")
q(7, D, KUL, "said", "We understand Germany's position, but we do not share it,")
q(7, P, PES, "said", "nothing new")

# u08 Kyiv Independent
REZ = "Oleksii Reznikov"
q(8, I, REZ, "told", "Russia had not yet formed a strike group capable of launching a full-scale offensive against Ukraine")
q(8, D, REZ, "said", "As of today, as of this moment, the Russian armed forces have not formed a single strike group that would indicate they are ready to launch an offensive tomorrow,")
q(8, I, REZ, "said", "Ukraine's military intelligence estimated the number of Russian troops near Ukraine's borders and in occupied territories at about 130,000", "'The minister'")
q(8, I, REZ, "said", "there were also around 5,000 Russian troops in Belarus for joint exercises scheduled to begin on Feb. 10")
q(8, I, REZ, "according to", "the most dangerous scenario would be a series of provocations inside Ukraine aimed at destabilizing the country")
q(8, D, REZ, "said", "Don't worry, sleep well. There's no need to have your bags packed,", "'the defense minister'")
q(8, I, KUL, "said", "Western unity had made a Russian offensive less likely")
q(8, D, KUL, "told", "The strategy of deterrence is working,", "'Ukraine's top diplomat'")
q(8, P, KUL, "said", "new strong signals")
q(8, P, ZEL, "called", "not because of war soon, but so that soon and in the future there would be peace in Ukraine.")
q(8, P, JOH, "warned", "a political disaster, a humanitarian disaster")
q(8, I, "Mateusz Morawiecki", "said", "Poland was ready to supply Ukraine with air defense systems and ammunition")

# u09 El Pais
SAN, ROB, BEL, ALB = "Pedro Sánchez", "Margarita Robles", "Ione Belarra", "José Manuel Albares"
q(9, D, SAN, "said", "Spain is a reliable ally and will fulfil its commitments with NATO,")
q(9, D, SAN, "said", "We are working for de-escalation, but also for deterrence.")
q(9, P, ROB, "said", "purely defensive")
q(9, I, ROB, "stressed", "no Spanish soldier would take part in combat operations")
q(9, I, ROB, "according to", "the minesweeper Meteoro will join a NATO naval group in the coming days")
q(9, P, BEL, "said", "escalation of war")
q(9, I, BEL, "called for", "Spain to lead diplomatic efforts instead")
q(9, D, BEL, "told", "The answer cannot be to send more warships,")
q(9, D, BEL, "told", "No to war.")
q(9, P, ALB, "said", "always", "'The head of Spanish diplomacy'")
q(9, P, ALB, "said", "the concerns of our eastern partners.")
q(9, I, "Popular Party", "accused", "Sánchez of allowing his partners to undermine Spain’s credibility abroad")
q(9, P, "Pablo Casado", "said", "choose between NATO and Podemos.")

# u10 Indian
TIR, BAG = "T S Tirumurti", "Arindam Bagchi"
q(10, P, "India", "calling for", "quiet and constructive diplomacy", "in body; headline not counted")
q(10, I, TIR, "said", "the legitimate security interests of all countries should be taken into account")
q(10, D, TIR, "said", "India’s interest is in finding a solution that can ensure immediate de-escalation of tensions, taking into account the legitimate security interests of all countries and aimed towards securing long-term peace and stability in the region and beyond,")
q(10, I, TIR, "said", "more than 20,000 Indian students and nationals lived in different parts of Ukraine, including in its border areas")
q(10, P, TIR, "said", "a priority")
q(10, I, "Ministry of External Affairs", "said", "it is closely following the developments")
q(10, D, BAG, "said", "We are closely following developments related to Ukraine, including ongoing discussions between Russia and the US,")
q(10, I, BAG, "added", "the Indian embassy in Kyiv was in touch with Indian nationals in the country")
q(10, I, "India", "according to", "External Affairs Minister S Jaishankar, who spoke with his French counterpart Jean-Yves Le Drian over the weekend, has also discussed the situation with US Secretary of State Antony Blinken", "borderline; 'officials familiar with the matter'")

# u11 Bloomberg
VDL = "Ursula von der Leyen"
q(11, I, VDL, "said", "The European Union is working with suppliers from the US to Qatar to secure additional natural gas shipments in case Russia disrupts flows amid the standoff over Ukraine")
q(11, D, VDL, "said", "We are in talks with major gas suppliers around the world to ensure that Europe’s energy supplies are secure this winter,")
q(11, D, VDL, "said", "Europe will not be blackmailed.")
q(11, P, VDL, "said", "prepared for the worst", "'The commission president'")
q(11, I, VDL, "said", "gas storage levels, while low, were sufficient for the coming weeks")
q(11, I, "Gas Transmission System Operator of Ukraine", "according to", "Flows through Ukraine, one of the main routes for Russian gas to Europe, have dropped to the lowest level in years")
q(11, P, "Gazprom", "said", "in full accordance", "'The Russian gas giant'")
q(11, I, PES, "said", "Russia had always been a reliable supplier")
q(11, P, PES, "accused", "politicize")
q(11, I, "Saad al-Kaabi", "cautioned", "no single supplier could replace Russian volumes")
q(11, D, "Saad al-Kaabi", "said", "The volume of gas needed by the EU cannot be replaced by anyone unilaterally without taking away from supplies to other regions,")
q(11, P, "Robert Habeck", "told", "taking precautions")
q(11, I, "Robert Habeck", "said", "the government would present a plan to fill storage sites before next winter")

A = []
def ac(name, typ, aliases, refs, roles, country, arts):
    A.append({"name": name, "type": typ, "aliases": aliases, "references": refs, "roles": roles, "country": country,
              "sources": [U[i] for i in arts]})
P_, O_, G_, N_ = "PERSON", "ORG", "GPE", "NORP"
ac("Volodymyr Zelensky", P_, ["Volodymyr Zelenskiy", "Volodymyr Zelenskyy", "Volodymyr Zelensky", "Zelenskiy", "Zelensky", "Zelenskyy"],
   ["Ukraine’s leader", "The Ukrainian president", "his Ukrainian counterpart"], ["President of Ukraine"], "UKR", [1, 2, 5, 8])
ac("Dmitry Peskov", P_, ["Dmitry Peskov", "Peskov"], ["the spokesman", "Kremlin spokesman", "Kremlin spokesperson"], ["Kremlin spokesman"], "RUS", [1, 4, 5, 7, 11])
ac("Vladimir Putin", P_, ["Vladimir Putin", "Putin"], ["the Russian president", "The president"], ["Russian President"], "RUS", [1, 2, 3, 4, 8, 11])
ac("Sergey Lavrov", P_, ["Sergey Lavrov", "Sergei Lavrov", "Lavrov"], [], ["Russian Foreign Minister"], "RUS", [1, 6])
ac("Kyrylo Shevchenko", P_, ["Kyrylo Shevchenko"], ["Central bank governor"], ["Governor of the National Bank of Ukraine"], "UKR", [1])
ac("Lloyd Austin", P_, ["Lloyd Austin", "Austin"], ["the defense secretary"], ["US Defense Secretary"], "USA", [1, 2])
ac("Joe Biden", P_, ["Joe Biden", "Biden", "President Biden"], ["The president", "the US president"], ["US President"], "USA", [2, 5, 7, 11])
ac("John Kirby", P_, ["John Kirby", "Kirby"], [], ["Pentagon press secretary"], "USA", [2, 5])
ac("Mark Milley", P_, ["Mark Milley", "Milley"], ["chairman of the Joint Chiefs of Staff"], ["Chairman of the Joint Chiefs of Staff"], "USA", [2])
ac("Linda Thomas-Greenfield", P_, ["Linda Thomas-Greenfield", "Thomas-Greenfield"], [], ["US Ambassador to the UN"], "USA", [2, 6])
ac("Dmitry Polyanskiy", P_, ["Dmitry Polyanskiy"], ["Russia’s deputy U.N. ambassador"], ["Russian Deputy Ambassador to the UN"], "RUS", [2])
ac("Olaf Scholz", P_, ["Olaf Scholz", "Scholz", "Mr Scholz"], ["the chancellor"], ["German Chancellor"], "DEU", [3, 7])
ac("Angela Merkel", P_, ["Angela Merkel"], [], ["former German Chancellor"], "DEU", [3])
ac("Christine Lambrecht", P_, ["Christine Lambrecht"], [], ["German Defence Minister"], "DEU", [3])
ac("Vitali Klitschko", P_, ["Vitali Klitschko"], ["The mayor of Kyiv", "the former boxing champion"], ["Mayor of Kyiv"], "UKR", [3])
ac("Andriy Melnyk", P_, ["Andriy Melnyk"], ["Ukraine's ambassador to Germany"], ["Ukrainian Ambassador to Germany"], "UKR", [3])
ac("Annalena Baerbock", P_, ["Annalena Baerbock", "Baerbock", "Ms Baerbock"], [], ["German Foreign Minister"], "DEU", [3, 7])
ac("Norbert Röttgen", P_, ["Norbert Röttgen"], [], ["CDU MP"], "DEU", [3])
ac("Boris Johnson", P_, ["Boris Johnson", "Johnson"], ["The prime minister"], ["UK Prime Minister"], "GBR", [4, 8])
ac("Ben Wallace", P_, ["Ben Wallace"], ["the defence secretary"], ["UK Defence Secretary"], "GBR", [4])
ac("Liz Truss", P_, ["Liz Truss", "Truss"], ["the foreign secretary"], ["UK Foreign Secretary"], "GBR", [4])
ac("David Lammy", P_, ["David Lammy"], ["The shadow foreign secretary"], ["Shadow Foreign Secretary"], "GBR", [4])
ac("Jens Stoltenberg", P_, ["Jens Stoltenberg"], ["Nato’s secretary general"], ["NATO Secretary General"], "NOR", [4])
ac("Emily Horne", P_, ["Emily Horne", "Horne"], [], ["National Security Council spokeswoman"], "USA", [5])
ac("Sergii Nykyforov", P_, ["Sergii Nykyforov"], ["Zelensky’s spokesman"], ["Ukrainian presidential spokesman"], "UKR", [5])
ac("Antony Blinken", P_, ["Antony Blinken", "Blinken"], ["The secretary"], ["US Secretary of State"], "USA", [5, 6, 9, 10])
ac("Ned Price", P_, ["Ned Price", "Price"], [], ["State Department spokesman"], "USA", [6])
ac("Vassily Nebenzia", P_, ["Vassily Nebenzia", "Nebenzia"], ["Russia’s UN envoy"], ["Russian Ambassador to the UN"], "RUS", [6])
ac("Zhang Jun", P_, ["Zhang Jun"], ["China’s ambassador"], ["Chinese Ambassador to the UN"], "CHN", [6])
ac("Dmytro Kuleba", P_, ["Dmytro Kuleba", "Kuleba"], ["Ukraine's top diplomat", "her Ukrainian counterpart"], ["Ukrainian Foreign Minister"], "UKR", [6, 7, 8])
ac("Samuel Charap", P_, ["Samuel Charap", "Charap"], [], ["RAND Corporation political scientist"], "USA", [6])
ac("Friedrich Merz", P_, ["Friedrich Merz"], ["the leader of the opposition Christian Democratic Union"], ["CDU leader"], "DEU", [7])
ac("Oleksii Reznikov", P_, ["Oleksii Reznikov", "Reznikov"], ["The minister", "the defense minister"], ["Ukrainian Defense Minister"], "UKR", [8])
ac("Mateusz Morawiecki", P_, ["Mateusz Morawiecki", "Morawiecki"], [], ["Polish Prime Minister"], "POL", [8])
ac("Pedro Sánchez", P_, ["Pedro Sánchez", "Sánchez"], ["the prime minister"], ["Spanish Prime Minister"], "ESP", [9])
ac("Margarita Robles", P_, ["Margarita Robles", "Robles"], [], ["Spanish Defense Minister"], "ESP", [9])
ac("Ione Belarra", P_, ["Ione Belarra", "Belarra"], [], ["Secretary general of Unidas Podemos", "Spanish Minister of Social Rights"], "ESP", [9])
ac("José Manuel Albares", P_, ["José Manuel Albares"], ["The head of Spanish diplomacy"], ["Spanish Foreign Minister"], "ESP", [9])
ac("Pablo Casado", P_, ["Pablo Casado"], ["PP leader"], ["Leader of the Popular Party"], "ESP", [9])
ac("T S Tirumurti", P_, ["T S Tirumurti", "Tirumurti"], ["India’s Permanent Representative to the UN"], ["Indian Ambassador to the UN"], "IND", [10])
ac("Arindam Bagchi", P_, ["Arindam Bagchi", "Bagchi"], ["MEA spokesperson"], ["MEA spokesperson"], "IND", [10])
ac("S Jaishankar", P_, ["S Jaishankar"], [], ["Indian External Affairs Minister"], "IND", [10])
ac("Jean-Yves Le Drian", P_, ["Jean-Yves Le Drian"], ["his French counterpart"], ["French Foreign Minister"], "FRA", [10])
ac("Ursula von der Leyen", P_, ["Ursula von der Leyen", "von der Leyen", "Von der Leyen"], ["The commission president"], ["European Commission President"], None, [11])
ac("Saad al-Kaabi", P_, ["Saad al-Kaabi", "al-Kaabi"], ["Qatar’s energy minister"], ["Qatari Energy Minister"], "QAT", [11])
ac("Robert Habeck", P_, ["Robert Habeck", "Habeck"], ["Germany’s economy minister"], ["German Economy Minister"], "DEU", [11])
# ORGs
ac("NATO", O_, ["NATO", "Nato"], ["the alliance"], [], None, [1, 2, 3, 4, 7, 9, 10])
ac("Reuters", O_, ["Reuters"], [], [], "GBR", [1, 4, 7])
ac("Ministry of Finance of Ukraine", O_, ["Ukraine's finance ministry"], [], [], "UKR", [1])
ac("National Bank of Ukraine", O_, ["National Bank of Ukraine"], ["the bank", "Central bank"], [], "UKR", [1])
ac("Pentagon", O_, ["Pentagon"], [], [], "USA", [1, 2, 5])
ac("AP", O_, ["AP", "Associated Press"], [], [], "USA", [2])
ac("United Nations Security Council", O_, ["U.N. Security Council", "UN Security Council", "United Nations Security Council", "Security Council", "UNSC"], ["the council", "the 15-nation council"], [], None, [2, 6, 10])
ac("U.S. Mission to the United Nations", O_, ["U.S. Mission to the United Nations"], [], [], "USA", [2])
ac("United Nations", O_, ["United Nations", "UN", "U.N."], [], [], None, [2, 6, 10])
ac("ZDF", O_, ["ZDF"], [], [], "DEU", [3])
ac("Bild", O_, ["Bild"], [], [], "DEU", [3])
ac("BBC", O_, ["BBC"], [], [], "GBR", [3])
ac("Green party", O_, ["Green party"], [], [], "DEU", [3])
ac("Christian Democratic Union", O_, ["Christian Democratic Union", "CDU", "Christian Democrats"], [], [], "DEU", [3, 7])
ac("Nord Stream 2", O_, ["Nord Stream 2"], ["the pipeline", "the gas pipeline"], [], None, [3, 7])
ac("Downing Street", O_, ["Downing Street", "No 10"], [], [], "GBR", [4])
ac("Sunday Telegraph", O_, ["Sunday Telegraph"], [], [], "GBR", [4])
ac("European Union", O_, ["EU", "European Union"], ["the bloc"], [], None, [4, 11])
ac("Labour Party", O_, ["Labour"], [], [], "GBR", [4])
ac("Russian Foreign Ministry", O_, ["Russian foreign ministry"], ["a ministry statement"], [], "RUS", [4, 6])
ac("CNN", O_, ["CNN"], [], [], "USA", [5])
ac("National Security Council", O_, ["National Security Council"], [], [], "USA", [5])
ac("Facebook", O_, ["Facebook"], [], [], "USA", [5])
ac("US Department of State", O_, ["US Department of State", "State Department"], [], [], "USA", [6])
ac("RAND Corporation", O_, ["RAND Corporation"], [], [], "USA", [6])
ac("AFP", O_, ["AFP"], [], [], "FRA", [7])
ac("dpa", O_, ["dpa"], [], [], "DEU", [7])
ac("Unidas Podemos", O_, ["Unidas Podemos", "Podemos"], [], [], "ESP", [9])
ac("Cadena SER", O_, ["Cadena SER"], [], [], "ESP", [9])
ac("Popular Party", O_, ["Popular Party", "PP"], ["the main opposition party"], [], "ESP", [9])
ac("Ministry of External Affairs", O_, ["Ministry of External Affairs", "MEA"], [], [], "IND", [10])
ac("PTI", O_, ["PTI"], [], [], "IND", [10])
ac("European Commission", O_, ["European Commission"], [], [], None, [11])
ac("Gazprom", O_, ["Gazprom PJSC", "Gazprom"], ["The Russian gas giant"], [], "RUS", [11])
ac("Gas Transmission System Operator of Ukraine", O_, ["Gas Transmission System Operator of Ukraine"], [], [], "UKR", [11])
ac("Bloomberg", O_, ["Bloomberg"], [], [], "USA", [11])
ac("Kyiv Independent", O_, ["Kyiv Independent"], [], [], "UKR", [8])
# GPEs
ac("Ukraine", G_, ["Ukraine"], ["Kyiv"], [], "UKR", list(range(1, 12)))
ac("Russia", G_, ["Russia"], ["Moscow", "the Kremlin", "Kremlin"], [], "RUS", list(range(1, 12)))
ac("United States", G_, ["United States", "U.S.", "US"], ["Washington", "the White House", "White House"], [], "USA", [1, 2, 5, 6, 7, 10, 11])
ac("Germany", G_, ["Germany"], ["Berlin"], [], "DEU", [3, 6, 7, 11])
ac("United Kingdom", G_, ["UK", "Britain"], [], [], "GBR", [4])
ac("Spain", G_, ["Spain"], ["Madrid"], [], "ESP", [9])
ac("India", G_, ["India"], ["New Delhi"], [], "IND", [10])
ac("China", G_, ["China"], [], [], "CHN", [6, 10])
ac("Estonia", G_, ["Estonia"], ["Tallinn"], [], "EST", [3])
ac("Poland", G_, ["Poland"], [], [], "POL", [8])
ac("Belarus", G_, ["Belarus"], [], [], "BLR", [8])
ac("Bulgaria", G_, ["Bulgaria"], [], [], "BGR", [9])
ac("Latvia", G_, ["Latvia"], [], [], "LVA", [9])
ac("Qatar", G_, ["Qatar"], [], [], "QAT", [11])
ac("Gabon", G_, ["Gabon"], [], [], "GAB", [10])
ac("Kenya", G_, ["Kenya"], [], [], "KEN", [10])
ac("Kyiv", G_, ["Kyiv", "KYIV"], [], [], "UKR", [1, 2, 3, 5, 6, 8, 10])
ac("Moscow", G_, ["Moscow"], [], [], "RUS", [1, 4, 5])
ac("Washington, D.C.", G_, ["Washington", "WASHINGTON"], [], [], "USA", [1, 2, 5, 7, 9])
ac("London", G_, ["London"], [], [], "GBR", [4])
ac("Pittsburgh", G_, ["Pittsburgh"], [], [], "USA", [2])
ac("New York", G_, ["New York"], [], [], "USA", [6])
ac("Madrid", G_, ["Madrid"], [], [], "ESP", [9])
ac("New Delhi", G_, ["New Delhi"], [], [], "IND", [10])
ac("Wiltshire", G_, ["Wiltshire"], [], [], "GBR", [4])
ac("Europe", G_, ["Europe"], [], [], None, [6, 11])
ac("Eastern Europe", G_, ["Eastern Europe", "eastern Europe"], [], [], None, [2, 4])
ac("the West", G_, ["the West", "the west"], [], [], None, [1, 2, 4, 10])
ac("Baltic Sea", G_, ["Baltic Sea"], [], [], None, [3, 7])
ac("Black Sea", G_, ["Black Sea"], [], [], None, [9])
ac("Russians", N_, ["Russian", "Russians"], [], [], "RUS", list(range(1, 12)))
ac("Ukrainians", N_, ["Ukrainian", "Ukrainians"], [], [], "UKR", [1, 3, 5, 6, 8])
ac("Germans", N_, ["German"], [], [], "DEU", [3, 7])
ac("Indians", N_, ["Indian"], [], [], "IND", [10])
ac("Spaniards", N_, ["Spanish"], [], [], "ESP", [9])
ac("British", N_, ["British"], [], [], "GBR", [4, 8])
ac("Europeans", N_, ["European"], [], [], None, [4, 11])

# checks
texts = {f: (RAW / f).read_text(encoding="utf-8") for f in U.values()}
for d in Q:
    assert d["text"] in texts[d["source"]], d
for d in B:
    assert d["line"] in texts[d["source"]].splitlines(), d
for s in S:
    lines = texts[s["source"]].splitlines()
    for k in ["title", "kicker", "standfirst"]:
        assert s[k] is None or s[k] in lines, (s["source"], k)
    for h in s["subheadings"]:
        assert h in lines, h
names = {a["name"] for a in A}
for d in Q:
    assert d["speaker"] is None or d["speaker"] in names, d["speaker"]
for a in A:
    for al in a["aliases"] + a["references"]:
        assert any(al in texts[src] for src in a["sources"]), (a["name"], al)
GOLD.mkdir(exist_ok=True)
for name, rows in [("structure", S), ("boilerplate", B), ("quotes", Q), ("actors", A)]:
    with open(GOLD / f"{name}.jsonl", "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(S), len(B), len(Q), len(A))
