import { describe, expect, it } from 'vitest';
import { foldCodes, foldString, foldText } from '../../src/core/normalize.js';

/** The original text each folded character came from, to check the offset map. */
function sources(original: string): string[] {
  const f = foldText(original);
  return [...f.text].map((_, k) => original.slice(f.start[k], f.end[k]));
}

describe('foldText', () => {
  it('lower-cases and strips diacritics', () => {
    expect(foldText('Ḥayʼat Taḥrīr al-Shām').text).toBe("hay'at tahrir al sham");
    expect(foldText('ÉCOLE Müller').text).toBe('ecole muller');
  });

  it('folds hyphens, dashes and every kind of space to one space', () => {
    expect(foldText('al-Rahman al‑Rahman al – Rahman al\u00a0Rahman').text).toBe('al rahman al rahman al rahman al rahman');
    expect(foldText('Eastern\n      Ghouta').text).toBe('eastern ghouta');
  });

  it('unifies apostrophes and ayn/hamza marks', () => {
    expect(foldText('Russia’s Ma‘arrat Shiʿa').text).toBe("russia's ma'arrat shi'a");
  });

  it('drops soft hyphens and zero-width characters', () => {
    expect(foldText('Gh\u00adou\u200bta').text).toBe('ghouta');
  });

  it('unifies Arabic letter variants and drops tashkeel and tatweel', () => {
    expect(foldText('إدلِب').text).toBe(foldText('ادلب').text);
    expect(foldText('الرقّة').text).toBe('الرقه');
    expect(foldText('دمـــشق').text).toBe('دمشق');
  });

  it('drops a double quotation mark between two Arabic letters, and only there', () => {
    expect(foldText('و"حدات').text).toBe(foldText('وحدات').text);
    expect(foldText('و“حدات').text).toBe(foldText('وحدات').text);
    // Quotes around an Arabic word, and in Latin or Hebrew text, stay.
    expect(foldText('"وحدات"').text).toBe('"وحدات"');
    expect(foldText('a"b').text).toBe('a"b');
    expect(foldText('צה"ל').text).toBe('צה"ל');
    expect(sources('و"حد')).toEqual(['و', 'ح', 'د']);
  });

  it('maps every folded character back to its exact source', () => {
    expect(sources('Ḥa-b')).toEqual(['Ḥ', 'a', '-', 'b']);
    expect(sources('a \n  b')).toEqual(['a', ' \n  ', 'b']);
    expect(sources('Straße')).toEqual(['S', 't', 'r', 'a', 'ß', 'ß', 'e']);
    expect(sources('x\u00ady')).toEqual(['x', 'y']);
  });

  it('grows past the room it started with when letters fold to two (ß → ss), offsets intact', () => {
    const original = `Straße ${'ß'.repeat(9000)} Æ`;
    const f = foldText(original);
    expect(f.text).toBe(`strasse ${'ss'.repeat(9000)} ae`);
    expect(sources(original).slice(0, 8)).toEqual(['S', 't', 'r', 'a', 'ß', 'ß', 'e', ' ']);
    expect(original.slice(f.start[f.text.length - 1], f.end[f.text.length - 1])).toBe('Æ');
  });

  it('gives the same folding from its shared buffers, call after call, long text then short', () => {
    const long = 'Eastern Ghouta '.repeat(2000);
    expect(foldCodes(long).length).toBe(foldText(long).text.length);
    const short = foldCodes('Idlib\u00ad');
    expect(String.fromCharCode(...short.codes.subarray(0, short.length))).toBe('idlib');
    expect(Array.from(short.end.subarray(0, short.length))).toEqual([1, 2, 3, 4, 5]);
  });

  it('foldString trims', () => {
    expect(foldString('  Damascus ')).toBe('damascus');
  });
});
