import { describe, expect, it } from 'vitest';
import { buildAutomaton, DENSE_STATES, deserializeAutomaton, scanAutomaton, serializeAutomaton } from '../../src/core/automaton.js';

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

  it('agrees with a naive search on either side of the root table (code units below and above U+0700)', () => {
    // The root's transitions come from a table below ROOT_TABLE_SIZE and from a search above it.
    const alphabet = ['a', 'b', 'د', 'ش', '\u0700', '\u4e2d', '\uffff'];
    const patterns = ['a\u4e2d', '\u4e2d', '\u4e2da', 'دش', 'ش\u0700', '\u0700\u0700', '\uffffa', 'b', 'ab\uffff'];
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const text = Array.from({ length: 3000 }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    const naive: string[] = [];
    for (let end = 1; end <= text.length; end++) {
      patterns.forEach((p) => {
        if (end >= p.length && text.slice(end - p.length, end) === p) naive.push(`${end - p.length}:${p}`);
      });
    }
    expect(naive.length).toBeGreaterThan(500);
    expect(all(patterns, text).map(([s, , p]) => `${s}:${p}`).sort()).toEqual(naive.sort());
  });

  it('agrees with a naive search when most states lie beyond the dense table', () => {
    // Shallow states step through a dense table, deeper ones through their edges and failure
    // links: a few thousand patterns make both kinds, and text must cross between them.
    let seed = 5;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const word = (n: number) => Array.from({ length: n }, () => 'abcde ؟'[Math.floor(rand() * 7)]).join('');
    const patterns = [...new Set(Array.from({ length: 3000 }, () => word(3 + Math.floor(rand() * 6))))];
    const automaton = buildAutomaton(patterns);
    expect(automaton.fail.length).toBeGreaterThan(4 * DENSE_STATES);
    const text = word(4000);
    const byText = new Map(patterns.map((p) => [p, p]));
    const naive: string[] = [];
    for (let end = 1; end <= text.length; end++) {
      for (let start = Math.max(0, end - 8); start <= end - 3; start++) {
        if (byText.has(text.slice(start, end))) naive.push(`${start}:${text.slice(start, end)}`);
      }
    }
    const fast: string[] = [];
    scanAutomaton(automaton, text, (s, e, p) => fast.push(`${s}:${patterns[p]}`));
    expect(naive.length).toBeGreaterThan(1000);
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
