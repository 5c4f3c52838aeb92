import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../src/core/glossary-types.js';
import { compileMatcher, deserializeMatcher, findMatches, serializeMatcher } from '../../src/core/matcher.js';
import { entry } from './fixtures.js';

const glossary = [
  entry('eastern-ghouta', 'Eastern Ghouta', ['Ghouta', 'East Ghouta'], 'place'),
  entry('damascus', 'Damascus', [{ text: 'دمشق', lang: 'ar' }], 'place'),
  entry('un', 'United Nations', ['UN', 'U.N.']),
  entry('jordan-short', 'Jordan (short)', [{ text: 'Jordan', ambiguity: { topicGate: true, notAfter: ['Michael'] } }], 'country'),
  ...Array.from({ length: 300 }, (_, i) => entry(`e${i}`, `Name${i} Place`, [`Other${i}`])),
];
const TEXT = 'Michael Jordan, Jordan, the UN, Eastern Ghouta, Name17 Place, Other299 and بدمشق';

describe('the matcher as the background loads it (glossary/matcher.json)', () => {
  const compiled = compileMatcher(glossary);
  const loaded = deserializeMatcher(JSON.parse(JSON.stringify(serializeMatcher(compiled, ENTITY_TYPES))));

  it('is the compiled matcher: the same trie, rules and entities', () => {
    expect(loaded.automaton).toEqual(compiled.automaton);
    expect(loaded.patterns).toEqual(compiled.patterns);
    expect(loaded.entityIds).toEqual(compiled.entityIds);
    expect(loaded.entityTypes).toEqual(compiled.entityTypes);
  });

  it('finds what the compiled matcher finds', () => {
    const found = findMatches(loaded, TEXT);
    expect(found).toEqual(findMatches(compiled, TEXT));
    expect(found.map((m) => TEXT.slice(m.start, m.end))).toEqual(['Jordan', 'UN', 'Eastern Ghouta', 'Name17 Place', 'Other299', 'دمشق']);
  });
});
