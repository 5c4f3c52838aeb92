/**
 * The shipped glossary on text about something else: pages a reader of any news opens (sport,
 * food safety, local US news, technology, aviation) where a glossary name or acronym has
 * another sense. Nothing region-specific may show there; the agencies and powers that are
 * shown on any page (`global` entries) may. Each case has an on-topic twin, so a rule that
 * simply hid the name everywhere would fail.
 */

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMatcher, findIdMatches, pageIsOnTopic } from '../../src/core/matcher.js';
import { readPacks } from '../../scripts/glossary-files.mjs';

const entries = readPacks(join(__dirname, '..', '..', 'src', 'glossary')).packs.flatMap((p) => p.entries);
const matcher = compileMatcher(entries);
const global = new Set(entries.filter((e) => e.global).map((e) => e.id));

/** What a page made of `text` shows, as the scanner decides it (gated names need the page on topic). */
function shown(text: string): { text: string; id: string }[] {
  const found = findIdMatches(matcher, text);
  const evidence = new Set(found.filter((m) => m.topicEvidence).map((m) => m.id));
  return found.filter((m) => !m.gated || pageIsOnTopic(evidence)).map((m) => ({ text: text.slice(m.start, m.end), id: m.id }));
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
