import { describe, expect, it } from 'vitest';
import type { Alias } from '../../src/core/glossary-types.js';
import { aliasObjects, compileMatcher, deserializeMatcher, findIdMatches, findMatches, gateIsOpen, serializeMatcher, defaultCaseRule, patternForms } from '../../src/core/matcher.js';
import { ENTITY_TYPES } from '../../src/core/glossary-types.js';
import { entry } from './fixtures.js';

const glossary = [
  entry('eastern-ghouta', 'Eastern Ghouta', ['Ghouta', 'East Ghouta'], 'place'),
  entry('damascus', 'Damascus', [{ text: 'دمشق', lang: 'ar' }, { text: 'ريف دمشق', lang: 'ar' }], 'place'),
  entry('failaq-al-rahman', 'Failaq al-Rahman', ['Faylaq al-Rahman']),
  entry('fsa', 'Free Syrian Army', ['FSA']),
  entry('saa', 'Syrian Arab Army', ['Syrian army']),
  entry('un', 'United Nations', ['UN', 'U.N.']),
  entry('russia', 'Russia', [], 'country'),
  entry('hts', 'Hayat Tahrir al-Sham', ["Hay'at Tahrir al-Sham", 'HTS']),
  entry('jordan', 'Jordan', [], 'country', {
    aliases: [],
    name: 'Hashemite Kingdom of Jordan',
  }),
  entry('jordan-short', 'Jordan (short)', [{ text: 'Jordan', ambiguity: { topicGate: true, notAfter: ['Michael'] } }], 'country'),
  entry('emirates', 'United Arab Emirates', [{ text: 'Emirates', ambiguity: { notBefore: ['airline', 'Stadium'] } }], 'country'),
  entry('lebanon', 'Lebanon', [{ text: 'Lebanon', ambiguity: { notBefore: [', Indiana', ', Pennsylvania'] } }], 'country'),
  entry('gaza-city', 'Gaza City', [], 'place'),
  entry('islamic-state', 'Islamic State', ['ISIS']),
  entry('us', 'United States', ['US'], 'country', { global: true }),
  entry('camp-david', 'Camp David Accords', [], 'agreement'),
];
const matcher = compileMatcher(glossary);

function names(text: string): string[] {
  return findMatches(matcher, text).map((m) => `${matcher.entityIds[m.entity]}=${text.slice(m.start, m.end)}${m.gated ? '?' : ''}`);
}

describe('findMatches', () => {
  it('finds names and maps offsets back to the original text exactly', () => {
    const text = 'Strikes hit Eastern  Ghouta, near Damascus.';
    const [ghouta, damascus] = findMatches(matcher, text);
    expect(text.slice(ghouta!.start, ghouta!.end)).toBe('Eastern  Ghouta');
    expect(text.slice(damascus!.start, damascus!.end)).toBe('Damascus');
  });

  it('takes the leftmost-longest name', () => {
    expect(names('The Eastern Ghouta enclave')).toEqual(['eastern-ghouta=Eastern Ghouta']);
    expect(names('the Free Syrian Army and the Syrian army')).toEqual(['fsa=Free Syrian Army', 'saa=Syrian army']);
  });

  it('matches on word boundaries only', () => {
    expect(names('Russian officials; Russians; Prussia')).toEqual([]);
    expect(names('Russia')).toEqual(['russia=Russia']);
    expect(names('(Russia)')).toEqual(['russia=Russia']);
  });

  it('accepts possessives', () => {
    expect(names("Russia's role and Russia’s envoy")).toEqual(['russia=Russia', 'russia=Russia']);
  });

  it('folds case of the article, hyphens, spaces and diacritics', () => {
    expect(names('Failaq Al-Rahman, Faylaq al Rahman, FAILAQ AL‑RAHMAN, Fāilaq al-Raḥmān')).toHaveLength(4);
  });

  it('knows the other spellings of the Arabic article', () => {
    expect(names('Faylaq ar-Rahman, Failaq el-Rahman, Hayat Tahrir ash-Sham, Hay’at Tahrir as-Sham')).toEqual([
      'failaq-al-rahman=Faylaq ar-Rahman',
      'failaq-al-rahman=Failaq el-Rahman',
      'hts=Hayat Tahrir ash-Sham',
      'hts=Hay’at Tahrir as-Sham',
    ]);
    // The article assimilates only before sun letters: no "ab-" for "al-Baghdadi".
    expect(patternForms('Abu Bakr al-Baghdadi').map((f) => f.folded)).toEqual(['abu bakr al baghdadi', 'abu bakr el baghdadi']);
  });

  it('treats an inner apostrophe as optional', () => {
    expect(names('Hayat Tahrir al-Sham and Hayʼat Tahrir al-Sham')).toEqual([
      'hts=Hayat Tahrir al-Sham',
      'hts=Hayʼat Tahrir al-Sham',
    ]);
  });

  it('applies case rules: acronyms exactly, names with their capitals', () => {
    expect(defaultCaseRule('UN')).toBe('exact');
    expect(defaultCaseRule('U.N.')).toBe('exact');
    expect(defaultCaseRule('Eastern Ghouta')).toBe('initial');
    expect(names('the UN said; the U.N. said; un homme; Un film')).toEqual(['un=UN', 'un=U.N.']);
    expect(names('eastern ghouta')).toEqual([]);
    expect(names('EASTERN GHOUTA')).toEqual(['eastern-ghouta=EASTERN GHOUTA']);
    expect(names('fsa and Fsa, FSA')).toEqual(['fsa=FSA']);
  });

  it('lets generic nouns after a name be written in lower case, and only those', () => {
    expect(names('in Gaza city and Gaza City')).toEqual(['gaza-city=Gaza city', 'gaza-city=Gaza City']);
    expect(names('an Islamic state, the Islamic State')).toEqual(['islamic-state=Islamic State']);
    expect(names('at camp David accords')).toEqual([]);
    expect(names('the Camp David accords')).toEqual(['camp-david=Camp David accords']);
  });

  it('knows UN, U.N. and United Nations as one prefix', () => {
    const m = compileMatcher([entry('unga', 'UN General Assembly')]);
    const found = (t: string) => findMatches(m, t).map((x) => t.slice(x.start, x.end));
    expect(found('the United Nations General Assembly, the U.N. General Assembly, the UN general assembly')).toEqual([
      'United Nations General Assembly',
      'U.N. General Assembly',
      'UN general assembly',
    ]);
  });

  it('lets compass words be lower case, but not when nothing else is capitalised', () => {
    const m = compileMatcher([entry('ej', 'East Jerusalem', [], 'place'), entry('north', 'North', [], 'place')]);
    const found = (t: string) => findMatches(m, t).map((x) => t.slice(x.start, x.end));
    expect(found('in east Jerusalem and East Jerusalem, not east jerusalem')).toEqual(['east Jerusalem', 'East Jerusalem']);
    expect(found('heading north to the North')).toEqual(['North']);
  });

  it('reads acronyms written as words only on pages about the region', () => {
    const [isis] = findMatches(matcher, 'Isis fighters');
    expect(isis).toMatchObject({ gated: true, topicEvidence: false });
    const [caps] = findMatches(matcher, 'ISIS fighters');
    expect(caps).toMatchObject({ gated: false });
    expect(findMatches(matcher, 'isis fighters')).toEqual([]);
  });

  it('marks which matches are evidence that the page is about the region', () => {
    const evidence = (text: string) => findMatches(matcher, text).map((m) => m.topicEvidence);
    // A region-specific unambiguous name is evidence; a global one or a gated one is not.
    expect(evidence('Damascus')).toEqual([true]);
    expect(evidence('the US')).toEqual([false]);
    expect(evidence('Jordan')).toEqual([false]);
  });

  it('does not read a shouted word as an acronym', () => {
    expect(names('TRUMP TELLS UN TO LEAVE')).toEqual([]);
    expect(names('The UN Security Council')).toEqual(['un=UN']);
  });

  it('excludes other senses by context', () => {
    expect(names('Michael Jordan scored')).toEqual([]);
    expect(names('flew with the Emirates airline')).toEqual([]);
    expect(names('at Emirates Stadium')).toEqual([]);
    expect(names('the Emirates and Qatar')).toEqual(['emirates=Emirates']);
    expect(names('Lebanon, Indiana is a town')).toEqual([]);
    expect(names('Lebanon, Syria and Iraq')).toEqual(['lebanon=Lebanon']);
  });

  it('merges spellings that fold alike, losing no rule and keeping the wider case rule', () => {
    const merged = aliasObjects(
      entry('jericho', 'Jericho', [
        { text: 'Jericho', ambiguity: { notBefore: ['missile'] } },
        { text: 'Jéricho', lang: 'fr' },
        { text: 'ONU' },
        { text: 'Onu', lang: 'it', case: 'initial' },
      ]),
    );
    expect(merged).toEqual([
      { text: 'Jericho', ambiguity: { notBefore: ['missile'] } },
      { text: 'Onu', lang: 'it', case: 'initial' },
    ]);
  });

  it('reports topic-gated aliases as gated', () => {
    expect(names('Jordan closed the border')).toEqual(['jordan-short=Jordan?']);
  });

  it('matches Arabic names with attached proclitics', () => {
    expect(names('قصف بريف دمشق')).toEqual(['damascus=ريف دمشق']);
    expect(names('وصل إلى دمشق ودمشق والدمشقي')).toEqual(['damascus=دمشق', 'damascus=دمشق']);
    expect(names('قدمشق')).toEqual([]);
  });

  it('does the same after serialisation', () => {
    const restored = deserializeMatcher(JSON.parse(JSON.stringify(serializeMatcher(matcher, ENTITY_TYPES))));
    const text = 'Michael Jordan, Jordan, the UN, Eastern Ghouta and بريف دمشق';
    expect(findMatches(restored, text)).toEqual(findMatches(matcher, text));
  });

  it('costs time in proportion to the text, not to the number of aliases', () => {
    const many: Alias[] = Array.from({ length: 20000 }, (_, i) => `Name${i} Place`);
    const big = compileMatcher([entry('many', 'Many', many)]);
    const text = 'Eastern Ghouta and Damascus. '.repeat(4000);
    const time = (m: typeof matcher) => {
      const t0 = performance.now();
      for (let i = 0; i < 3; i++) findMatches(m, text);
      return performance.now() - t0;
    };
    time(matcher);
    time(big);
    // A 20,000-alias automaton scans this text within a small factor of a 20-alias one.
    expect(time(big)).toBeLessThan(time(matcher) * 3 + 20);
  });
});

describe('an alias that needs one of some entities beside it (onlyWith)', () => {
  const needy = compileMatcher([
    entry('west-bank', 'West Bank', [], 'place'),
    entry('egypt', 'Egypt', [], 'country'),
    entry('iraq', 'Iraq', [], 'country'),
    entry('israeli-settlers', 'Israeli settlers', [{ text: 'settlers', ambiguity: { onlyWith: ['west-bank', 'no-such-entry'] } }], 'community'),
  ]);
  const settlers = (m = needy) => findIdMatches(m, 'Settlers built farms, and these settlers stayed.');

  it('is gated, no evidence itself, and names the entities it needs (ids the glossary lacks left out)', () => {
    expect(settlers()).toHaveLength(2);
    for (const match of settlers()) expect(match).toMatchObject({ id: 'israeli-settlers', gated: true, topicEvidence: false, onlyWith: ['west-bank'] });
    // Other matches carry no list at all.
    expect(findIdMatches(needy, 'Egypt')[0]).not.toHaveProperty('onlyWith');
  });

  it('keeps the entities it needs through serialisation', () => {
    const restored = deserializeMatcher(JSON.parse(JSON.stringify(serializeMatcher(needy, ENTITY_TYPES))));
    expect(settlers(restored)).toEqual(settlers());
  });

  it('opens only on a page that is on topic and names one of them', () => {
    const [match] = settlers();
    expect(gateIsOpen(match!, new Set(['egypt', 'iraq']))).toBe(false);
    expect(gateIsOpen(match!, new Set(['west-bank']))).toBe(false);
    expect(gateIsOpen(match!, new Set(['egypt', 'west-bank']))).toBe(true);
    // A plain gate needs any two; an ungated match needs nothing.
    expect(gateIsOpen({ gated: true }, new Set(['egypt', 'iraq']))).toBe(true);
    expect(gateIsOpen({ gated: true }, new Set(['egypt']))).toBe(false);
    expect(gateIsOpen({ gated: false }, new Set())).toBe(true);
  });

  it('merges with a variant of the same alias that has no list, keeping the list', () => {
    const merged = aliasObjects(entry('x', 'Settlers', [{ text: 'settlers', ambiguity: { onlyWith: ['west-bank'] } }]));
    expect(merged).toEqual([{ text: 'Settlers', ambiguity: { onlyWith: ['west-bank'] } }]);
  });
});
