import { describe, expect, it } from 'vitest';
import {
  buildAutomaton,
  deserializeAutomaton,
  ROOT_TABLE_SIZE,
  serializeAutomaton,
  stateCount,
  transition,
  type Automaton,
} from '../../src/core/automaton.js';

/** Every pattern occurrence, found by walking the trie from every position (root table first). */
function occurrences(trie: Automaton, patterns: string[], text: string): string[] {
  const found: string[] = [];
  for (let start = 0; start < text.length; start++) {
    const first = text.charCodeAt(start);
    let state = first < ROOT_TABLE_SIZE ? trie.rootNext[first]! || -1 : transition(trie, 0, first);
    for (let end = start + 1; state > 0; end++) {
      for (let p = trie.output[state]!; p >= 0; p = trie.patternNext[p]!) found.push(`${start}:${patterns[p]}`);
      if (end >= text.length) break;
      state = transition(trie, state, text.charCodeAt(end));
    }
  }
  return found.sort();
}

function naive(patterns: string[], text: string): string[] {
  const found: string[] = [];
  for (let start = 0; start < text.length; start++) {
    patterns.forEach((p) => {
      if (text.startsWith(p, start)) found.push(`${start}:${p}`);
    });
  }
  return found.sort();
}

function randomText(alphabet: string[], length: number, seed: number): string {
  let x = seed;
  const rand = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
}

describe('the pattern trie', () => {
  it('finds every occurrence of every pattern, overlapping ones included', () => {
    const patterns = ['he', 'she', 'his', 'hers'];
    expect(occurrences(buildAutomaton(patterns), patterns, 'ushers')).toEqual(['1:she', '2:he', '2:hers']);
  });

  it('agrees with a naive search on random text', () => {
    const patterns = ['ab', 'abc', 'bca', 'c', 'aab', 'cab'];
    const text = randomText(['a', 'b', 'c'], 2000, 7);
    expect(occurrences(buildAutomaton(patterns), patterns, text)).toEqual(naive(patterns, text));
  });

  it('agrees with a naive search on either side of the root table (code units below and above U+0700)', () => {
    const patterns = ['a\u4e2d', '\u4e2d', '\u4e2da', 'دش', 'ش\u0700', '\u0700\u0700', '\uffffa', 'b', 'ab\uffff'];
    const text = randomText(['a', 'b', 'د', 'ش', '\u0700', '\u4e2d', '\uffff'], 3000, 11);
    const expected = naive(patterns, text);
    expect(expected.length).toBeGreaterThan(500);
    expect(occurrences(buildAutomaton(patterns), patterns, text)).toEqual(expected);
  });

  it('holds thousands of patterns sharing prefixes', () => {
    const words = randomText(['a', 'b', 'c', 'd', 'e', ' ', '؟'], 30000, 5);
    const patterns = [...new Set(Array.from({ length: 3000 }, (_, i) => words.slice(i * 9, i * 9 + 3 + (i % 6))))];
    const trie = buildAutomaton(patterns);
    expect(stateCount(trie)).toBeGreaterThan(4000);
    const text = randomText(['a', 'b', 'c', 'd', 'e', ' ', '؟'], 4000, 9);
    const expected = naive(patterns, text);
    expect(expected.length).toBeGreaterThan(1000);
    expect(occurrences(trie, patterns, text)).toEqual(expected);
  });

  it('keeps patterns with the same text apart', () => {
    expect(occurrences(buildAutomaton(['un', 'un']), ['un', 'un'], 'un')).toEqual(['0:un', '0:un']);
  });

  it('round-trips through its serialised form', () => {
    const patterns = ['damascus', 'douma', 'dara'];
    const a = buildAutomaton(patterns);
    const b = deserializeAutomaton(JSON.parse(JSON.stringify(serializeAutomaton(a))));
    expect(occurrences(b, patterns, 'in douma near damascus')).toEqual(['14:damascus', '3:douma']);
    expect(b).toEqual(a);
  });
});
