/**
 * The shipped glossary on text about something else: pages a reader of any news opens (sport,
 * food safety, local US news, technology, aviation) where a glossary name or acronym has
 * another sense. Nothing region-specific may show there; the agencies and powers that are
 * shown on any page (`global` entries) may. Each case has an on-topic twin, so a rule that
 * simply hid the name everywhere would fail.
 */

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMatcher, findIdMatches, gateIsOpen } from '../../src/core/matcher.js';
import { readPacks } from '../../scripts/glossary-files.mjs';

const entries = readPacks(join(__dirname, '..', '..', 'src', 'glossary')).packs.flatMap((p) => p.entries);
const matcher = compileMatcher(entries);
const global = new Set(entries.filter((e) => e.global).map((e) => e.id));

/** What a page made of `text` shows, as the scanner decides it (gated names need the page on topic). */
function shown(text: string): { text: string; id: string }[] {
  const found = findIdMatches(matcher, text);
  const evidence = new Set(found.filter((m) => m.topicEvidence).map((m) => m.id));
  return found.filter((m) => gateIsOpen(m, evidence)).map((m) => ({ text: text.slice(m.start, m.end), id: m.id }));
}

/** What shows that must not: anything region-specific, and the name's own entry even where it is global. */
const wrong = (text: string, id: string): string[] =>
  shown(text).filter((m) => m.id === id || !global.has(m.id)).map((m) => `${m.text} (${m.id})`);

const CASES: { sense: string; offTopic: string; onTopic: string; expected: string }[] = [
  {
    sense: 'FSA, the UK Food Standards Agency',
    offTopic: 'The Food Standards Agency (FSA) said the recall covers three batches of peanut butter sold in Leeds and York.',
    onTopic: 'In Idlib, FSA units fought the Syrian army near Aleppo and Hama.',
    expected: 'free-syrian-army',
  },
  {
    sense: 'SAA, South African Airways',
    offTopic: 'South African Airways (SAA) resumed flights between Johannesburg and Perth, the carrier said.',
    onTopic: 'The SAA shelled Douma in Eastern Ghouta as Damascus pressed its offensive.',
    expected: 'syrian-arab-army',
  },
  {
    sense: "SDF, Japan's Self-Defense Forces",
    offTopic: "Japan's Self-Defense Forces joined the rescue on the Noto peninsula; the SDF sent 1,000 personnel.",
    onTopic: 'The SDF held Raqqa after the battle, and the PKK denied any role in Hasakah.',
    expected: 'sdf',
  },
  {
    sense: 'AFP, the Australian Federal Police',
    offTopic: 'Australian Federal Police (AFP) officers arrested two men in Sydney over a drug importation.',
    onTopic: 'AFP reported from Idlib that shelling hit a market in Aleppo.',
    expected: 'afp',
  },
  {
    sense: 'GCC, the compiler',
    offTopic: 'Build the kernel with GCC 13 and link it against glibc before running the tests.',
    onTopic: 'The GCC met in Riyadh to discuss Syria and the return of refugees from Lebanon and Jordan.',
    expected: 'gulf-cooperation-council',
  },
  {
    sense: 'Qatar Airways, the airline',
    offTopic: 'Qatar Airways extended its sponsorship of the Champions League final in Munich.',
    onTopic: 'Qatar hosted talks between Hamas and Israel on a ceasefire in Gaza.',
    expected: 'qatar',
  },
  {
    sense: 'Israel as a first name',
    offTopic: 'Israel Adesanya lost his middleweight title in Sydney, and Israel Folau returned to rugby.',
    onTopic: 'Israel struck targets near Damascus, the Syrian Observatory for Human Rights said.',
    expected: 'israel',
  },
  {
    sense: 'Mount Sinai and Cedars-Sinai, the hospitals',
    offTopic: 'Doctors at Mount Sinai in New York and at Cedars-Sinai in Los Angeles led the trial.',
    onTopic: 'Egypt sent troops into north Sinai after attacks near El Arish.',
    expected: 'sinai',
  },
  {
    sense: 'Damascus, Maryland, and Damascus steel',
    offTopic: 'Damascus, Maryland, held its fair, where a smith sold Damascus steel knives.',
    onTopic: 'Protesters gathered in Damascus after the fall of Assad.',
    expected: 'damascus',
  },
  {
    sense: 'East Palestine, Ohio, and Palestine, Texas',
    offTopic: 'Residents of East Palestine sued the railway; in Palestine, Texas, the rodeo went ahead.',
    onTopic: 'The UN General Assembly voted to recognise Palestine as Gaza and the West Bank waited.',
    expected: 'palestine',
  },
  {
    sense: 'Moscow, Idaho, and Cairo, Illinois',
    offTopic: 'The trial over the killings in Moscow, Idaho, opened; flooding closed roads near Cairo, Illinois.',
    onTopic: 'Moscow sent jets to Hmeimim as the Syrian army pressed on Idlib.',
    expected: 'moscow',
  },
  {
    sense: 'Hebron, Kentucky',
    offTopic: "The airport's cargo hub in Hebron, Kentucky, added two flights.",
    onTopic: 'Settlers entered Hebron as the army closed roads across the West Bank and Jerusalem.',
    expected: 'hebron',
  },
  {
    sense: 'the US Open, the tournament',
    offTopic: 'Murray reached the second round of the US Open, and the U.S. Open golf starts next week.',
    onTopic: 'US forces struck targets in Syria, the Pentagon said.',
    expected: 'united-states',
  },
  // Found by running the glossary's one-word aliases against an English word list and lists of
  // first names, and by reading sport, food, craft, music and medical text (2026-12-03).
  {
    sense: 'tyre, the British spelling of tire',
    offTopic: 'Tyre degradation decided the race at Silverstone, and Pirelli will bring harder compounds to Monza.',
    onTopic: 'Israeli strikes hit Tyre and Nabatieh in southern Lebanon as Hezbollah fired rockets.',
    expected: 'tyre',
  },
  {
    sense: 'Hama beads, the craft',
    offTopic: 'Hama beads are a favourite craft for children: lay out the pattern, then melt it with an iron.',
    onTopic: 'Rebels entered Hama after taking Aleppo, and the Syrian army withdrew towards Homs.',
    expected: 'hama',
  },
  {
    sense: 'Simona Halep, the tennis player',
    offTopic: 'Simona Halep won Wimbledon in 2019, and Halep later retired from tennis.',
    onTopic: 'Rebels entered Halep as the Syrian army withdrew towards Homs and Damascus.',
    expected: 'aleppo',
  },
  {
    sense: 'Muscat, the grape',
    offTopic: 'Serve the Muscat de Beaumes-de-Venise chilled with the tart.',
    onTopic: 'Oman hosted talks in Muscat between Iran and the United States.',
    expected: 'muscat',
  },
  {
    sense: 'Jerusalem artichokes',
    offTopic: 'Roast the Jerusalem artichokes with thyme and serve them with the lamb.',
    onTopic: 'Israel and the Palestinians both claim Jerusalem as their capital.',
    expected: 'jerusalem',
  },
  {
    sense: 'Jerusalem, the hymn',
    offTopic: 'The crowd sang Jerusalem at the Last Night of the Proms.',
    onTopic: 'Israel and the Palestinians both claim Jerusalem as their capital.',
    expected: 'jerusalem',
  },
  {
    sense: 'Ankara, the printed cloth',
    offTopic: 'The bride wore an Ankara print dress sewn from fabric bought in Lagos.',
    onTopic: 'Ankara said Turkish troops would stay in northern Syria.',
    expected: 'ankara',
  },
  {
    sense: 'mezze, the dishes',
    offTopic: 'Mezze platters and dips are served at the new bar in Leeds.',
    onTopic: 'Shelling hit Mezze in western Damascus, near the airbase, as Israel struck Syria.',
    expected: 'mezzeh',
  },
  {
    sense: 'MDA, the Missile Defense Agency',
    offTopic: 'The Missile Defense Agency (MDA) tested an interceptor over the Pacific.',
    onTopic: 'After the Hamas attack, MDA paramedics treated the wounded in Sderot and Ashkelon.',
    expected: 'magen-david-adom',
  },
  {
    sense: 'PNA, the Philippine News Agency',
    offTopic: 'MANILA (PNA) -- The Philippine News Agency (PNA) reported that the typhoon weakened over Luzon.',
    onTopic: 'The PNA in Ramallah said Israel withheld tax revenue from the West Bank.',
    expected: 'palestinian-authority',
  },
  {
    sense: 'PMU, the French betting company',
    offTopic: "Le PMU a enregistré des paris records sur le Prix de l'Arc de Triomphe.",
    onTopic: 'The PMU fought Islamic State in Mosul alongside the Iraqi army.',
    expected: 'popular-mobilization-forces',
  },
  {
    sense: 'Evin, a first name',
    offTopic: 'Evin Ahmad starred in the Swedish series, and Evin Crowley won an award.',
    onTopic: 'Iran moved prisoners out of Evin after the Israeli strike on Tehran.',
    expected: 'evin-prison',
  },
  {
    sense: 'Aden, a first name',
    offTopic: 'Aden Flint headed the winner for Cardiff, and Aden was booked late on.',
    onTopic: "The Houthis fired drones at Aden as Yemen's government met in Riyadh.",
    expected: 'aden',
  },
  {
    sense: 'Sanaa Lathan, the actor',
    offTopic: 'Sanaa Lathan starred in Love & Basketball.',
    onTopic: "The Houthis have held Sanaa since 2014, and Saudi Arabia struck Yemen's capital.",
    expected: 'sanaa',
  },
  {
    sense: 'Jericho, Vermont',
    offTopic: 'Jericho, Vermont, got a foot of snow, and Jericho Turnpike was closed on Long Island.',
    onTopic: 'Israeli forces raided Jericho and Jenin in the West Bank.',
    expected: 'jericho',
  },
  {
    sense: 'tubas, the instruments',
    offTopic: 'Tubas and trombones led the marching band down Main Street.',
    onTopic: 'Israeli forces raided Tubas and Jenin in the northern West Bank.',
    expected: 'tubas',
  },
  {
    sense: 'gallant, the word and the racehorse',
    offTopic: 'Gallant Fox won the Triple Crown in 1930. Gallant defending kept the score level.',
    onTopic: 'Gallant said Israel would press on in Gaza against Hamas.',
    expected: 'yoav-gallant',
  },
  {
    sense: 'Derik Queen, the basketball player',
    offTopic: 'Derik Queen scored 20 points for Maryland.',
    onTopic: 'The SDF held Derik and Qamishli in Hasakah province.',
    expected: 'al-malikiyah',
  },
  {
    sense: 'FNA, fine needle aspiration',
    offTopic: 'A fine needle aspiration (FNA) of the thyroid nodule was benign.',
    onTopic: "Iran's FNA said Israel struck Tehran overnight and Hezbollah fired at Haifa.",
    expected: 'fars-news-agency',
  },
  {
    sense: 'drusen, the deposits in the eye',
    offTopic: 'Drusen are yellow deposits under the retina, linked to macular degeneration.',
    onTopic: 'Die Drusen in Suwaida wehrten sich gegen die Truppen aus Damaskus.',
    expected: 'druze',
  },
  {
    sense: 'meshed, the word',
    offTopic: 'Meshed gears turned smoothly in the gearbox.',
    onTopic: "Pilgrims crowded Meshed, Iran's holiest city, after Tehran declared mourning.",
    expected: 'mashhad',
  },
  {
    sense: 'Beirut, the band',
    offTopic: 'The band Beirut released a new album, and Beirut frontman Zach Condon toured Europe.',
    onTopic: 'Israel struck Beirut overnight as Hezbollah fired rockets.',
    expected: 'beirut',
  },
  {
    sense: 'TFSA, the Canadian tax-free savings account',
    offTopic: 'Canadians can put up to $7,000 into a TFSA this year, and TFSA withdrawals are not taxed.',
    onTopic: 'The TFSA attacked Manbij as the SDF held the Tishrin dam near Kobani.',
    expected: 'syrian-national-army',
  },
  {
    sense: 'HTS, the Harmonized Tariff Schedule',
    offTopic: 'Importers must classify each product under its HTS code before the new tariffs apply.',
    onTopic: 'HTS fighters took Aleppo and then Damascus, ending the rule of Bashar al-Assad.',
    expected: 'hayat-tahrir-al-sham',
  },
  {
    sense: 'KCK, Kansas City, Kansas',
    offTopic: 'Police in KCK said the shooting happened near the Legends Outlets on Saturday.',
    onTopic: 'Turkey says the KCK directs the PKK from the Qandil mountains in Iraq.',
    expected: 'kck',
  },
  {
    sense: 'OIC, an officer in charge',
    offTopic: 'The station OIC said the suspects were held overnight in Quezon City.',
    onTopic: 'The OIC met in Jeddah and condemned the Israeli strikes on Gaza and the West Bank.',
    expected: 'organisation-of-islamic-cooperation',
  },
  {
    sense: 'OCI, the Overseas Citizenship of India',
    offTopic: 'Holders of an OCI card can travel to India without a visa, the ministry said.',
    onTopic: "L'OCI s'est réunie à Djeddah et a condamné les frappes israéliennes à Gaza et en Cisjordanie.",
    expected: 'organisation-of-islamic-cooperation',
  },
  {
    sense: 'JFS, Jewish Family Service',
    offTopic: 'JFS volunteers delivered meals to older residents in San Diego.',
    onTopic: 'Jabhat al-Nusra renamed itself JFS in 2016 and fought in Idlib and Aleppo.',
    expected: 'jabhat-al-nusra',
  },
  {
    sense: 'PMF, the Presidential Management Fellows',
    offTopic: 'The Presidential Management Fellows (PMF) program was cancelled by the administration.',
    onTopic: 'The PMF fought Islamic State in Mosul alongside the Iraqi army.',
    expected: 'popular-mobilization-forces',
  },
  {
    sense: 'CMCC, the climate centre in Italy',
    offTopic: 'Scientists at the CMCC in Lecce said Mediterranean heatwaves are growing longer.',
    onTopic: 'The US-led CMCC in Kiryat Gat monitors the ceasefire between Israel and Hamas in Gaza.',
    expected: 'civil-military-coordination-center',
  },
  {
    sense: 'AAH, a shout',
    offTopic: 'AAH, I stepped on a Lego brick again, he wrote.',
    onTopic: 'AAH militiamen fired rockets at US forces in Iraq and threatened Israel.',
    expected: 'asaib-ahl-al-haq',
  },
  {
    sense: "the West Bank of New Orleans",
    offTopic: 'Traffic on the West Bank Expressway was slow after the West Bank of the Mississippi flooded in Gretna.',
    onTopic: 'Israeli settlers attacked a village near Ramallah in the West Bank.',
    expected: 'west-bank',
  },
  {
    sense: 'the Jordan River in Utah',
    offTopic: 'The Jordan River Parkway in Salt Lake County reopened after the Jordan River flooded.',
    onTopic: 'Israel and Jordan share the Jordan River, which feeds the Dead Sea below Jericho and the West Bank.',
    expected: 'jordan-river',
  },
  {
    sense: 'turkey, the bird, in a Thanksgiving recipe (title-case headings, sentence starts)',
    offTopic: 'How to Roast a Turkey. Turkey is the centerpiece of the table: Brine the Turkey overnight. Leftover Turkey Soup. Turkey Gravy From Scratch.',
    onTopic: 'Turkey said its troops would stay in northern Syria, and Erdogan warned the Kurds.',
    expected: 'turkey',
  },
  {
    sense: 'Lebanon, a town in Ohio, in its local news',
    offTopic: 'Lebanon City Council approved the budget. Lebanon police said the crash closed Main Street, and Lebanon High School won the final.',
    onTopic: 'Israel struck Lebanon again as Hezbollah fired rockets towards Haifa.',
    expected: 'lebanon',
  },
  {
    sense: 'towns named after the region in their local news (Hebron, Damascus, Palestine)',
    offTopic: 'Hebron Police Department reported a break-in; Damascus High School won the title; Palestine High School hosted the game.',
    onTopic: 'Israeli settlers attacked Palestinians in Hebron, in the West Bank, as Damascus condemned the raids.',
    expected: 'hebron',
  },
  {
    sense: 'Jordan the player on a page about US politics (world leaders are no evidence that a page is about the region)',
    offTopic: 'Donald Trump and Joe Biden traded barbs, Vladimir Putin watched, and Jordan scored 30 for the Bulls.',
    onTopic: 'Refugees from Syria crossed into Jordan near Daraa.',
    expected: 'jordan',
  },
  {
    sense: 'a road-to-Damascus conversion, the idiom',
    offTopic: "The chancellor's road-to-Damascus conversion on tax surprised MPs; it was his road to Damascus moment, a Damascus Road experience.",
    onTopic: 'Rebels advanced on the road to Damascus, and the Syrian government fell.',
    expected: 'damascus',
  },
  {
    sense: 'Aleppo pepper, the spice',
    offTopic: 'Season the lamb with Aleppo pepper and sumac; Aleppo peppers are milder than chili flakes.',
    onTopic: 'Rebels took Aleppo in a week, and the Syrian army withdrew towards Hama.',
    expected: 'aleppo',
  },
];

/**
 * Names behind the topic gate, on pages that do name the region elsewhere (a tabloid's
 * sidebar, Wikipedia's lists): the gate is open, so the name's own context must tell.
 */
const OPEN_GATE: { sense: string; text: string; name: string; id: string; onTopic: string }[] = [
  {
    sense: 'Jordan as a surname',
    text: 'Rep. Jim Jordan questioned the envoy about Syria and Iraq; Jaden Jordan, 3, is in hospital.',
    name: 'Jordan',
    id: 'jordan',
    onTopic: 'Refugees from Syria crossed into Jordan near Daraa.',
  },
  {
    sense: 'Shia LaBeouf',
    text: 'Shia LaBeouf posed at a party in Dubai; in Abu Dhabi, a water park opened.',
    name: 'Shia',
    id: 'shia-muslims',
    onTopic: 'Shia militias crossed into Syria from Iraq near Abu Kamal.',
  },
  {
    sense: '"IS" as a shouted verb',
    text: 'Critics are being silenced and there IS more space in Dubai, Abu Dhabi and Doha.',
    name: 'IS',
    id: 'islamic-state',
    onTopic: 'IS fighters attacked an SDF post near Deir ez-Zor and Raqqa.',
  },
  {
    sense: 'settlers elsewhere',
    text: 'Early British settlers reached New Zealand; its troops later served in Egypt and Iraq.',
    name: 'settlers',
    id: 'israeli-settlers',
    onTopic: 'Settlers attacked a village near Nablus, and the army stayed in Jenin and Hebron.',
  },
  {
    sense: "McFly's Tom Fletcher",
    text: "McFly's Tom Fletcher sang in Dubai, and a Syria appeal was read out in Abu Dhabi.",
    name: 'Tom Fletcher',
    id: 'tom-fletcher',
    onTopic: 'The UN aid chief Tom Fletcher visited Gaza and Rafah.',
  },
  {
    sense: 'a congress of scholars',
    text: 'Papers of the International Congress of Turkish Art were printed in Cairo and Tehran.',
    name: 'Congress',
    id: 'us-congress',
    onTopic: 'Congress voted on aid to Israel as the war in Gaza went on.',
  },
  {
    sense: 'German "Mehr" (more)',
    text: 'Die Drusen in Sweidah und Damaskus fordern Teilhabe. Mehr zum Thema: Wahlen in Syrien.',
    name: 'Mehr',
    id: 'mehr-news-agency',
    onTopic: 'Iran fired missiles at Israel, the Mehr news agency reported from Tehran.',
  },
  {
    sense: 'PA, the UK press agency, in a photo credit',
    text: 'Israel bombards Gaza. Photograph: Shin hyun Kyung/PA. Crowds marched in London; PA Media said thousands came.',
    name: 'PA',
    id: 'palestinian-authority',
    onTopic: 'The PA said Israel withheld its tax revenue from Ramallah as the West Bank waited.',
  },
  {
    sense: 'PA in an image credit',
    text: 'The teacher shared his thoughts on Gaza and Israel (Image: PA).',
    name: 'PA',
    id: 'palestinian-authority',
    onTopic: 'The PA said Israel withheld its tax revenue from Ramallah as the West Bank waited.',
  },
  {
    sense: 'an amnesty for migrants',
    text: "Republicans fear a 'Backdoor Amnesty' for illegal immigration as Iran and Israel trade strikes.",
    name: 'Amnesty',
    id: 'amnesty-international',
    onTopic: 'Amnesty said Israel and Hamas both committed war crimes in Gaza.',
  },
  {
    sense: 'Tyre Nichols',
    text: 'Protesters marched for Tyre Nichols in Memphis; others rallied over the war between Israel and Hamas in Gaza.',
    name: 'Tyre',
    id: 'tyre',
    onTopic: 'Israeli strikes hit Tyre and Nabatieh in southern Lebanon as Hezbollah fired rockets.',
  },
  {
    sense: 'tyre wear at a Gulf Grand Prix',
    text: 'Tyre wear decided the Bahrain Grand Prix, as it had in Saudi Arabia and Qatar.',
    name: 'Tyre',
    id: 'tyre',
    onTopic: 'Israeli strikes hit Tyre and Nabatieh in southern Lebanon as Hezbollah fired rockets.',
  },
  {
    sense: 'Jerusalem artichokes in a recipe from the region',
    text: "Ottolenghi roasts Jerusalem artichokes with za'atar, as cooks do in Lebanon and Syria.",
    name: 'Jerusalem',
    id: 'jerusalem',
    onTopic: 'Israel and the Palestinians both claim Jerusalem as their capital.',
  },
  {
    sense: 'Muscat grapes in Lebanon',
    text: "Château Ksara in Lebanon's Bekaa Valley grows Muscat grapes for a sweet wine sold in Syria.",
    name: 'Muscat',
    id: 'muscat',
    onTopic: 'Oman hosted talks in Muscat between Iran and the United States.',
  },
  {
    sense: 'Shlomi as a first name (Shlomi Ziv, a hostage)',
    text: 'Shlomi Ziv, held hostage in Gaza, was freed by Israeli forces in Nuseirat.',
    name: 'Shlomi',
    id: 'shlomi',
    onTopic: 'Hezbollah rockets hit Shlomi and Nahariya, near the border with Lebanon.',
  },
  {
    sense: "the prime minister's wife and son (Sara and Yair Netanyahu)",
    text: 'Sara Netanyahu and Yair Netanyahu flew to Miami as Hamas and Israel talked in Cairo about Gaza.',
    name: 'Netanyahu',
    id: 'benjamin-netanyahu',
    onTopic: 'Netanyahu said Israel would keep fighting Hamas in Gaza.',
  },
  {
    sense: "the president's wife and son (Emine and Bilal Erdogan)",
    text: 'Emine Erdogan opened a school in Ankara, and Bilal Erdogan spoke about Syria and Iraq.',
    name: 'Erdogan',
    id: 'recep-tayyip-erdogan',
    onTopic: 'Erdogan said Turkey would keep troops in Syria.',
  },
  {
    sense: 'a Thanksgiving turkey on a page about the region',
    text: 'Syrian refugees in Michigan carved their first Thanksgiving Turkey, and the Turkey Gravy came from Aleppo spices; Damascus felt far away.',
    name: 'Turkey',
    id: 'turkey',
    onTopic: 'Turkey said its troops would stay in northern Syria, and Erdogan warned the Kurds.',
  },
  {
    sense: "settlers in another country's history, on a page that names the region",
    text: 'The settlers who came from Britain built farms; later the army served in Egypt and Iraq.',
    name: 'settlers',
    id: 'israeli-settlers',
    onTopic: 'Israeli troops watched as settlers attacked the village near Hebron, in the West Bank.',
  },
  {
    sense: "another country's war cabinet",
    text: "Zelensky's war cabinet met in Kyiv; the drones came from Iran, and militias in Iraq cheered.",
    name: 'war cabinet',
    id: 'israeli-war-cabinet',
    onTopic: "Netanyahu's war cabinet met in Tel Aviv as Israel fought Hamas in Gaza.",
  },
  {
    sense: "another country's security cabinet",
    text: "Japan's security cabinet approved the budget as tankers sailed from Iran and Iraq.",
    name: 'security cabinet',
    id: 'israeli-security-cabinet',
    onTopic: "Israel's security cabinet approved the Gaza ceasefire with Hamas.",
  },
  {
    sense: 'a nuclear deal with another country',
    text: 'Trump sought a nuclear deal with North Korea while US troops stayed in Syria and Iraq.',
    name: 'nuclear deal',
    id: 'jcpoa',
    onTopic: 'Iran and the world powers signed the nuclear deal in Vienna, and Israel opposed it.',
  },
  {
    sense: 'snapback, the cap',
    text: 'Fans in snapback caps cheered as the team played in Qatar and Saudi Arabia.',
    name: 'snapback',
    id: 'un-sanctions-snapback-2025',
    onTopic: 'Britain, France and Germany triggered the snapback against Iran over its nuclear programme, and Israel welcomed it.',
  },
  {
    sense: 'coastal violence elsewhere',
    text: 'Coastal violence in Haiti grew as gangs fought, while aid also went to Syria and Yemen.',
    name: 'coastal violence',
    id: 'coastal-violence-2025',
    onTopic: 'The coastal violence in Latakia and Tartus killed hundreds of Alawites, and Damascus set up an inquiry.',
  },
  {
    sense: "Egypt's State Security",
    text: "Egypt's State Security detained the activist in Cairo, and Qatar protested.",
    name: 'State Security',
    id: 'general-intelligence-directorate',
    onTopic: 'State Security held him in Damascus for a year under Bashar al-Assad.',
  },
  {
    sense: "the US Army's 4th Division",
    text: 'The 4th Division landed at Utah Beach; decades later its soldiers fought in Iraq and Afghanistan.',
    name: '4th Division',
    id: 'fourth-division',
    onTopic: "Maher al-Assad's 4th Division besieged Daraa in Syria.",
  },
  {
    sense: 'the health ministry of another government',
    text: "Yemen's cholera outbreak grew, the Health Ministry in Aden said, as Saudi Arabia sent aid to the Houthis' areas.",
    name: 'Health Ministry',
    id: 'gaza-health-ministry',
    onTopic: 'The Health Ministry said Israeli strikes killed 40 people in Rafah and Khan Younis.',
  },
  {
    sense: "Turkey's War of Independence",
    text: "Turkey's War of Independence ended in 1923, and new borders cut Syria off from Iraq.",
    name: 'War of Independence',
    id: 'arab-israeli-war-1948',
    onTopic: "Israel's War of Independence in 1948 is the Nakba for Palestinians.",
  },
  {
    sense: "the president's family (Tiffany, Ivanka, Melania Trump)",
    text: "Tiffany Trump and Ivanka Trump attended the wedding with Melania Trump, far from Syria and Iran.",
    name: 'Trump',
    id: 'donald-trump',
    onTopic: 'Trump said he would lift the sanctions on Syria after meeting Sharaa in Riyadh.',
  },
  {
    sense: 'a shouted byline (by JIM SHELLEY)',
    text: 'Review by JIM SHELLEY, beside a story on a strike on grain silos in Syria and Iraq.',
    name: 'JIM',
    id: 'opcw-un-jim',
    onTopic: 'The JIM found that Syria used sarin in Khan Shaykhun, and Russia vetoed its renewal over Damascus.',
  },
  {
    sense: 'al-Baghdadi as the name of a medieval scholar',
    text: "The historian Ibn Sa'd al-Baghdadi wrote of the Prophet's life; pilgrims today come from Syria and Egypt.",
    name: 'Baghdadi',
    id: 'abu-bakr-al-baghdadi',
    onTopic: 'Baghdadi declared the caliphate of Islamic State from Mosul in 2014.',
  },
  {
    sense: "Ukraine's southern front",
    text: 'Russian troops pressed on the Southern Front near Zaporizhzhia with drones from Iran, as Iraq and Israel watched.',
    name: 'Southern Front',
    id: 'southern-front',
    onTopic: 'The Southern Front held Daraa until the army retook it for Damascus in 2018.',
  },
  {
    sense: 'Geneva talks on something else',
    text: 'The Geneva talks on Ukraine stalled, while Iran and Israel traded threats.',
    name: 'Geneva talks',
    id: 'geneva-process',
    onTopic: 'The Geneva talks between Damascus and the opposition ended without a deal in Syria.',
  },
  {
    sense: "another country's constitutional declaration",
    text: "Sudan's generals suspended the 2019 Constitutional Declaration as Egypt and Saudi Arabia urged talks.",
    name: 'Constitutional Declaration',
    id: 'constitutional-declaration-2025',
    onTopic: 'Sharaa signed the Constitutional Declaration in Damascus in March 2025, and Idlib celebrated.',
  },
  {
    sense: "Yemen's National Dialogue Conference",
    text: "Yemen's National Dialogue Conference ended in 2014, before the Houthis took Sanaa and Saudi Arabia intervened.",
    name: 'National Dialogue Conference',
    id: 'national-dialogue-conference-2025',
    onTopic: "Syria's National Dialogue Conference met in Damascus weeks after Assad fell.",
  },
  {
    sense: "England's High Court of Justice",
    text: "The High Court of Justice in London ruled on the sanctions case of a banker from Iran and Iraq.",
    name: 'High Court of Justice',
    id: 'supreme-court-of-israel',
    onTopic: "Israel's High Court of Justice heard petitions on the Gaza aid restrictions.",
  },
  {
    sense: "another country's national news agency",
    text: "Qatar's National News Agency? No: Iraq's National News Agency reported the strike on Iran's border.",
    name: 'National News Agency',
    id: 'national-news-agency-lebanon',
    onTopic: 'The National News Agency said Israeli drones struck a car near Beirut, killing a Hezbollah commander.',
  },
  {
    sense: 'Sarah Huckabee Sanders, the governor',
    text: 'Sarah Huckabee Sanders signed the bill in Arkansas as protests over Gaza and Israel spread.',
    name: 'Huckabee',
    id: 'mike-huckabee',
    onTopic: 'Huckabee, the US ambassador to Israel, visited settlements in the West Bank.',
  },
  {
    sense: 'a misspelt Barack Obama',
    text: 'Barrack Obama spoke about Iran and Syria in his memoir.',
    name: 'Barrack',
    id: 'tom-barrack',
    onTopic: 'Barrack, the US envoy, met Sharaa in Damascus about the SDF and Syria.',
  },
];

describe('the shipped glossary on text about something else', () => {
  for (const { sense, text, name, id, onTopic } of OPEN_GATE) {
    it(`tells ${sense} from the region's ${name} on a page that names the region`, () => {
      const found = shown(text);
      // The page is on topic (the gate is open), yet the name is not taken in this context.
      expect(found.some((m) => m.id !== id && !global.has(m.id))).toBe(true);
      expect(found.filter((m) => m.id === id)).toEqual([]);
      expect(shown(onTopic).map((m) => m.id)).toContain(id);
    });
  }

  for (const { sense, offTopic, onTopic, expected } of CASES) {
    it(`shows nothing region-specific for ${sense}, and the name where the article is about the region`, () => {
      expect(wrong(offTopic, expected)).toEqual([]);
      expect(shown(onTopic).map((m) => m.id)).toContain(expected);
    });
  }

  it('keeps the senses it already knew apart (the traps of the matcher issue)', () => {
    const page = [
      'Michael Jordan won six titles with Chicago, and Jordan still plays golf most weekends.',
      'The squad flew with the Emirates airline to a friendly, then on to Lebanon, Indiana.',
      'Back home the team carved a Thanksgiving turkey; Georgia beat Alabama on Saturday.',
    ].join(' ');
    expect(wrong(page, 'jordan')).toEqual([]);
  });
});
