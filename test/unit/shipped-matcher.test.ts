import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../src/core/glossary-types.js';
import { compileMatcher, deserializeMatcher, findMatches, loadShippedMatcherInSteps, serializeMatcher, shipMatcher } from '../../src/core/matcher.js';
import { entry } from './fixtures.js';

const glossary = [
  entry('eastern-ghouta', 'Eastern Ghouta', ['Ghouta', 'East Ghouta'], 'place'),
  entry('damascus', 'Damascus', [{ text: 'دمشق', lang: 'ar' }], 'place'),
  entry('un', 'United Nations', ['UN', 'U.N.']),
  entry('jordan-short', 'Jordan (short)', [{ text: 'Jordan', ambiguity: { topicGate: true, notAfter: ['Michael'] } }], 'country'),
  ...Array.from({ length: 300 }, (_, i) => entry(`e${i}`, `Name${i} Place`, [`Other${i}`])),
];
const TEXT = 'Michael Jordan, Jordan, the UN, Eastern Ghouta, Name17 Place, Other299 and دمشق';

describe('the matcher as the content script ships it', () => {
  const serialized = serializeMatcher(compileMatcher(glossary), ENTITY_TYPES);
  const reference = deserializeMatcher(serialized);

  it('is made only of strings: tables as JSON text, automaton arrays as base64 pieces', () => {
    const shipped = shipMatcher(serialized, 64, 50);
    for (const pieces of Object.values(shipped.tables)) for (const text of pieces) expect(typeof text).toBe('string');
    // Lists of rows come in pieces of at most 50 rows.
    expect(shipped.tables['patterns.entity'].length).toBeGreaterThan(1);
    for (const piece of shipped.tables['patterns.upper']) expect((JSON.parse(piece) as unknown[]).length).toBeLessThanOrEqual(50);
    for (const pieces of Object.values(shipped.automaton)) {
      for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(64);
      expect(pieces.slice(0, -1).every((p) => p.length % 4 === 0)).toBe(true);
    }
    expect(shipped.automaton.edgeChars.length).toBeGreaterThan(1);
  });

  it('loads in many small steps to the same matcher as a whole load', () => {
    // A piece size that is not a multiple of 4 is rounded down to one.
    const loading = loadShippedMatcherInSteps(JSON.parse(JSON.stringify(shipMatcher(serialized, 30, 7))));
    let steps = 0;
    while (!loading.step(0)) steps++;
    expect(steps).toBeGreaterThan(20);
    const loaded = loading.matcher();
    expect(findMatches(loaded, TEXT)).toEqual(findMatches(reference, TEXT));
    expect(findMatches(loaded, TEXT).length).toBeGreaterThanOrEqual(6);
    expect(loaded.automaton).toEqual(reference.automaton);
    expect(loaded.patterns).toEqual(reference.patterns);
  });

  it('refuses to give the matcher before it is loaded', () => {
    const loading = loadShippedMatcherInSteps(shipMatcher(serialized));
    expect(() => loading.matcher()).toThrow(/not loaded/);
    while (!loading.step(50));
    expect(findMatches(loading.matcher(), TEXT)).toEqual(findMatches(reference, TEXT));
  });
});
