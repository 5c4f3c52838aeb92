import { describe, expect, it } from 'vitest';
import { packMatches, unpackMatches, type RunMatch } from '../../src/shared/messages.js';

const m = (start: number, end: number, id: string, gated = false, topicEvidence = true): RunMatch => ({
  start,
  end,
  id,
  type: id === 'damascus' ? 'place' : 'organization',
  gated,
  topicEvidence,
});

describe('matches as they travel from the background', () => {
  const runs = [[m(0, 8, 'damascus'), m(12, 14, 'un', true, false)], [], [m(3, 11, 'damascus', false, false), m(20, 22, 'un', false, true)]];

  it('come back as they were sent, run by run, flags included', () => {
    expect(unpackMatches(JSON.parse(JSON.stringify(packMatches(runs))))).toEqual(runs);
  });

  it('carry each entity once, and numbers per match', () => {
    const packed = packMatches(runs);
    expect(packed.ids).toEqual(['damascus', 'un']);
    expect(packed.types).toEqual(['place', 'organization']);
    expect(packed.runs.map((r) => r.length)).toEqual([8, 0, 8]);
    expect(packed.runs.flat().every((x) => typeof x === 'number')).toBe(true);
  });

  it('carry the entities a gated match needs beside it, and an entity once for each such list', () => {
    const needy: RunMatch = { ...m(4, 12, 'israeli-settlers', true, false), type: 'community', onlyWith: ['west-bank', 'israel'] };
    const plain: RunMatch = { ...m(20, 28, 'israeli-settlers', false, true), type: 'community' };
    const sent = [[needy, plain]];
    const packed = packMatches(sent);
    expect(packed.ids).toEqual(['israeli-settlers', 'israeli-settlers']);
    expect(unpackMatches(JSON.parse(JSON.stringify(packed)))).toEqual(sent);
  });
});
