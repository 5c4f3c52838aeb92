import { describe, expect, it } from 'vitest';
import { isLetterCode, isMarkCode, isWordCode } from '../../src/core/normalize.js';

/** Every BMP code unit where a table and the regular expression it replaces disagree. */
function disagreements(test: (code: number) => boolean, re: RegExp): string[] {
  const out: string[] = [];
  for (let code = 0; code < 0x10000; code++) {
    if (test(code) !== re.test(String.fromCharCode(code))) out.push(code.toString(16));
  }
  return out;
}

describe('Unicode tables (instead of property regexes, which are costly to compile on each page)', () => {
  it('letters are \\p{L}', () => {
    expect(disagreements(isLetterCode, /\p{L}/u)).toEqual([]);
  });

  it('word characters are letters, numbers and marks', () => {
    expect(disagreements(isWordCode, /[\p{L}\p{N}\p{M}]/u)).toEqual([]);
  });

  it('marks are \\p{M}', () => {
    expect(disagreements(isMarkCode, /\p{M}/u)).toEqual([]);
  });

  it('answers for the characters news text is made of', () => {
    expect(['A', 'z', 'é', 'Ş', 'د', 'ى', 'Ж', '中'].every((c) => isLetterCode(c.charCodeAt(0)))).toBe(true);
    expect(['1', ' ', '’', '-', '.', '\u00a0', '\u064e'].some((c) => isLetterCode(c.charCodeAt(0)))).toBe(false);
    expect(isWordCode('٣'.charCodeAt(0))).toBe(true);
    expect(isMarkCode('\u0301'.charCodeAt(0))).toBe(true);
    expect(isMarkCode('\u064e'.charCodeAt(0))).toBe(true);
  });
});
