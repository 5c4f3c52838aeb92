import { describe, expect, it } from 'vitest';
import { buildAutomaton, deserializeAutomaton, scanAutomaton, serializeAutomaton } from '../../src/core/automaton.js';

function all(patterns: string[], text: string): [number, number, string][] {
  const found: [number, number, string][] = [];
  scanAutomaton(buildAutomaton(patterns), text, (s, e, p) => found.push([s, e, patterns[p]!]));
  return found;
}

describe('Aho–Corasick automaton', () => {
  it('finds every occurrence of every pattern, overlapping ones included', () => {
    expect(all(['he', 'she', 'his', 'hers'], 'ushers')).toEqual([
      [1, 4, 'she'],
      [2, 4, 'he'],
      [2, 6, 'hers'],
    ]);
  });

  it('agrees with a naive search on random text', () => {
    const patterns = ['ab', 'abc', 'bca', 'c', 'aab', 'cab'];
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const text = Array.from({ length: 2000 }, () => 'abc'[Math.floor(rand() * 3)]).join('');
    const naive: string[] = [];
    for (let end = 1; end <= text.length; end++) {
      patterns.forEach((p) => {
        if (end >= p.length && text.slice(end - p.length, end) === p) naive.push(`${end - p.length}:${p}`);
      });
    }
    const fast = all(patterns, text).map(([s, , p]) => `${s}:${p}`);
    expect(fast.sort()).toEqual(naive.sort());
  });

  it('keeps patterns with the same text apart', () => {
    expect(all(['un', 'un'], 'un').map((m) => m[2])).toEqual(['un', 'un']);
  });

  it('round-trips through its serialised form', () => {
    const a = buildAutomaton(['damascus', 'douma', 'dara']);
    const b = deserializeAutomaton(JSON.parse(JSON.stringify(serializeAutomaton(a))));
    const found: number[] = [];
    scanAutomaton(b, 'in douma near damascus', (s) => found.push(s));
    expect(found).toEqual([3, 14]);
    expect(b.fail).toEqual(a.fail);
  });
});
