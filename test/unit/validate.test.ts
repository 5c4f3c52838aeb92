import { describe, expect, it } from 'vitest';
import { insideRegion, isIsoDate, REGION_BOUNDS, validateEntries } from '../../src/core/validate.js';
import { entry } from './fixtures.js';

const TODAY = '2026-11-25';
const messages = (input: unknown) => validateEntries(input, TODAY).problems.map((p) => `${p.entry}: ${p.message}`);

describe('validateEntries', () => {
  it('accepts well-formed entries', () => {
    const result = validateEntries([entry('a', 'Alpha', [], 'place', { related: ['b'] }), entry('b', 'Beta')], TODAY);
    expect(result.problems).toEqual([]);
    expect(result.entries.map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('rejects what is not a list', () => {
    expect(messages({})).toEqual(['(file): a glossary must be a list of entries']);
  });

  it('names each problem and the entry it is in', () => {
    const bad = { ...entry('x', 'X'), summary: 'y'.repeat(301), sources: [], lastReviewed: '2026-13-01' };
    expect(messages([bad])).toEqual([
      'x: summary is 301 characters (at most 300)',
      'x: at least one source is needed',
      'x: lastReviewed must be a full date (YYYY-MM-DD)',
    ]);
  });

  it('finds duplicate ids and dangling related ids', () => {
    expect(messages([entry('a', 'A1', [], 'organization', { related: ['zzz'] }), entry('a', 'A2')])).toEqual([
      'a: duplicate id',
      'a: related id "zzz" does not exist',
    ]);
  });

  it('requires coordinates for places and ordered, dated timelines', () => {
    const place = { ...entry('p', 'P', [], 'place'), coordinates: undefined };
    const unordered = entry('t', 'T', [], 'event', {
      timeline: [
        { date: '2018-03', text: 'later' },
        { date: '2017-05-04', text: 'earlier' },
        { date: '2018-02-30', text: 'no such day' },
      ],
    });
    expect(messages([place, unordered])).toEqual([
      'p: a place needs coordinates',
      't: timeline event 2 (2017-05-04) is out of order',
      't: timeline event 3 needs an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) and a text',
    ]);
  });

  it('rejects an alias shared by two entries unless a rule disambiguates it', () => {
    expect(messages([entry('a', 'Assad'), entry('b', 'Bashar al-Assad', ['Assad'])])).toEqual([
      'b: alias "Assad" is also an alias of "a" ("assad"): give one of them an ambiguity rule or remove it',
    ]);
    expect(messages([entry('a', 'Assad'), entry('b', 'Bashar', [{ text: 'Assad', ambiguity: { topicGate: true } }])])).toEqual([]);
    expect(messages([entry('a', 'IS'), entry('b', 'Is thing', ['Is'])])).toHaveLength(1);
  });

  it('checks that the entities an alias needs beside it exist', () => {
    expect(messages([entry('a', 'West Bank'), entry('b', 'Settlers', [{ text: 'settlers', ambiguity: { onlyWith: ['a', 'zzz'] } }])])).toEqual([
      'b: alias "settlers": onlyWith id "zzz" does not exist',
    ]);
    expect(messages([entry('un', 'United Nations', [], 'organization', { global: true }), entry('b', 'General Assembly', [{ text: 'General Assembly', ambiguity: { onlyWith: ['un'] } }])])).toEqual([
      'b: alias "General Assembly": onlyWith id "un" is a global entry, which never opens a gate',
    ]);
    expect(messages([entry('b', 'Settlers', [{ text: 'settlers', ambiguity: { onlyWith: 'a' as never } }])])).toEqual([
      'b: alias 1: ambiguity must hold topicGate (true/false), notAfter/notBefore phrase lists and an onlyWith list of ids',
    ]);
  });

  it('reports malformed aliases without throwing', () => {
    expect(messages([entry('a', 'A', [{ text: '' }, 5 as never, { text: 'x', case: 'upper' as never }])])).toEqual([
      'a: alias 1 has no text',
      'a: alias 2 must be text or an object with text',
      'a: alias 3: case must be exact, initial or any',
    ]);
  });
});

describe('the region check', () => {
  const at = (lat: number, lon: number) => ({ coordinates: { lat, lon } });

  it('accepts places inside the region, from Morocco to Iran and the Caucasus to Yemen', () => {
    const places = [
      entry('damascus', 'Damascus', [], 'place', at(33.51, 36.29)),
      entry('rabat', 'Rabat', [], 'place', at(34.02, -6.84)),
      entry('tbilisi', 'Tbilisi', [], 'place', at(41.72, 44.79)),
      entry('mashhad', 'Mashhad', [], 'place', at(36.3, 59.6)),
      entry('aden', 'Aden', [], 'place', at(12.8, 45.03)),
    ];
    expect(messages(places)).toEqual([]);
  });

  it('rejects a place outside the region with a message naming the entry and the values', () => {
    // A lost digit or a stray minus sign puts Damascus in the Atlantic.
    const slipped = entry('damascus', 'Damascus', [], 'place', at(33.51, -36.29));
    const far = entry('prague-castle', 'Prague Castle', [], 'place', at(50.09, 14.4));
    expect(messages([slipped, far])).toEqual([
      'damascus: coordinates 33.51, -36.29 lie outside the region the glossary covers (latitude 8 to 46, longitude -18 to 66): check for swapped or mistyped values',
      'prague-castle: coordinates 50.09, 14.4 lie outside the region the glossary covers (latitude 8 to 46, longitude -18 to 66): check for swapped or mistyped values',
    ]);
  });

  it('lets countries, and places named in news on any subject, lie anywhere', () => {
    const russia = entry('russia', 'Russia', [], 'country', at(61.5, 105.3));
    const moscow = entry('moscow', 'Moscow', [], 'place', { ...at(55.76, 37.62), global: true });
    expect(messages([russia, moscow])).toEqual([]);
    // The same far place without the flag is a problem.
    expect(messages([entry('moscow', 'Moscow', [], 'place', at(55.76, 37.62))])).toHaveLength(1);
  });

  it('checks only places and countries: other types may carry any coordinates', () => {
    expect(messages([entry('o', 'O', [], 'organization', at(51.5, -0.1))])).toEqual([]);
  });

  it('includes its edges', () => {
    const [west, south, east, north] = REGION_BOUNDS;
    expect(insideRegion(south, west) && insideRegion(north, east)).toBe(true);
    expect(insideRegion(south - 0.01, west) || insideRegion(north, east + 0.01)).toBe(false);
  });
});

describe('isIsoDate', () => {
  it('accepts ISO dates at any precision and only real days', () => {
    expect(['2018', '2018-02', '2018-02-28', '2024-02-29'].every(isIsoDate)).toBe(true);
    expect(['18', '2018-2', '2018-02-29', '2018/02/01', ''].some(isIsoDate)).toBe(false);
  });
});
