/**
 * Text folding for matching, with a map back to the original offsets.
 *
 * Page text and glossary aliases go through the same `foldText`, so the matcher compares
 * like with like. Folding is per UTF-16 code unit of the original, which keeps the offset map
 * trivial to build and exact: every folded character knows the original span it came from.
 *
 * What folds:
 * - letter case (lower-cased; the case rules are checked separately on the original text);
 * - diacritics and Arabic short vowels / tatweel (removed);
 * - hyphens and dashes, and all kinds of white space, to one space; runs of spaces to one,
 *   so "al-Rahman", "al Rahman" and "al‑Rahman" (non-breaking hyphen) are the same;
 * - apostrophes and the ayn/hamza marks of transliteration (’ ' ʼ ʿ ‘ `) to "'";
 * - soft hyphens and zero-width characters (removed: they are invisible on the page), and a
 *   double quotation mark between two Arabic letters;
 * - Arabic letter variants (alef forms, alef maqsura, ta marbuta, hamza carriers).
 */

import { LETTER_BOUNDARIES, MARK_BOUNDARIES, WORD_BOUNDARIES } from './unicode-tables.js';

export interface FoldedText {
  /** The folded text. */
  text: string;
  /** For each folded code unit, the offset in the original where its source starts. */
  start: Uint32Array;
  /** For each folded code unit, the offset in the original just past its source. */
  end: Uint32Array;
}

const APOSTROPHE = "'";

/** Characters that vanish: soft hyphen, zero-width space/joiners, word joiner, BOM, tatweel. */
const INVISIBLE = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x0640]);

const APOSTROPHES = new Set([
  0x0027, 0x2019, 0x2018, 0x02bc, 0x02bf, 0x02be, 0x02bb, 0x0060, 0x00b4, 0x2032, 0xff07,
]);

/** Hyphens and dashes: "-", ‐ ‑ ‒ – — ―, minus, small and full-width hyphen-minus. */
const DASHES = new Set([0x002d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe63, 0xff0d]);

/** Arabic letters written in several ways that readers and search engines treat as one. */
const ARABIC_VARIANTS: Record<number, string> = {
  0x0623: 'ا', // أ alef with hamza above
  0x0625: 'ا', // إ alef with hamza below
  0x0622: 'ا', // آ alef with madda
  0x0671: 'ا', // ٱ alef wasla
  0x0649: 'ي', // ى alef maqsura
  0x0629: 'ه', // ة ta marbuta
  0x0624: 'و', // ؤ waw with hamza
  0x0626: 'ي', // ئ ya with hamza
  0x06cc: 'ي', // ی Farsi yeh
  0x06a9: 'ك', // ک keheh
};

/** Letters whose decomposition does not strip to ASCII but which writers interchange. */
const LATIN_SPECIAL: Record<number, string> = {
  0x00df: 'ss', // ß
  0x0131: 'i', // ı dotless i (Turkish)
  0x0130: 'i', // İ
  0x00f8: 'o', // ø
  0x00d8: 'o',
  0x0111: 'd', // đ
  0x0110: 'd',
  0x0142: 'l', // ł
  0x0141: 'l',
  0x00e6: 'ae', // æ
  0x00c6: 'ae',
  0x0153: 'oe', // œ
  0x0152: 'oe',
  0x0127: 'h', // ħ
  0x0126: 'h',
};

function isWhitespace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

function isArabicMark(code: number): boolean {
  // Tashkeel (fathatan .. sukun and the rarer marks), superscript alef, Quranic marks.
  return (code >= 0x064b && code <= 0x065f) || code === 0x0670 || (code >= 0x06d6 && code <= 0x06ed);
}

const SPACE = -1;
const DROP = -2;

/**
 * What one code unit folds to: a string, SPACE, or DROP. Cached, because pages repeat the
 * same few hundred characters and the per-character work (normalize) is not free.
 */
const foldCache = new Map<number, string | typeof SPACE | typeof DROP>();

function foldCodeUnit(code: number): string | typeof SPACE | typeof DROP {
  // ASCII fast path: the bulk of Latin-script news text.
  if (code < 0x80) {
    if (code >= 0x41 && code <= 0x5a) return String.fromCharCode(code + 32);
    if (code === 0x2d || code === 0x20 || (code >= 0x09 && code <= 0x0d)) return SPACE;
    if (code === 0x27 || code === 0x60) return APOSTROPHE;
    return String.fromCharCode(code);
  }
  const cached = foldCache.get(code);
  if (cached !== undefined) return cached;
  const folded = foldNonAscii(code);
  foldCache.set(code, folded);
  return folded;
}

/**
 * The fold of the code units below FOLD_TABLE_SIZE (Latin, Greek, Cyrillic, Arabic and the
 * general punctuation block), filled as they are first seen: one typed-array read per
 * character in the fold's loop, where a Map lookup per character cost several times more.
 * An entry is the folded code unit + 1, or one of the FOLD_* markers (0: not yet known).
 */
const FOLD_TABLE_SIZE = 0x2070;
const FOLD_UNKNOWN = 0;
const FOLD_SPACE = -1;
const FOLD_DROP = -2;
/** Folds to more than one code unit (ß → ss): foldCodeUnit says what. */
const FOLD_SEVERAL = -3;
/** A double quotation mark: dropped between two Arabic letters, else kept. */
const FOLD_QUOTE = -4;
const foldTable = new Int32Array(FOLD_TABLE_SIZE);

function tableEntry(code: number): number {
  if (isQuoteMark(code)) return FOLD_QUOTE;
  const folded = foldCodeUnit(code);
  if (folded === SPACE) return FOLD_SPACE;
  if (folded === DROP) return FOLD_DROP;
  return folded.length === 1 ? folded.charCodeAt(0) + 1 : FOLD_SEVERAL;
}

function foldNonAscii(code: number): string | typeof SPACE | typeof DROP {
  if (INVISIBLE.has(code) || isArabicMark(code)) return DROP;
  if (isWhitespace(code) || DASHES.has(code)) return SPACE;
  if (APOSTROPHES.has(code)) return APOSTROPHE;
  const arabic = ARABIC_VARIANTS[code];
  if (arabic !== undefined) return arabic;
  const special = LATIN_SPECIAL[code];
  if (special !== undefined) return special;
  // Lone surrogates stay as they are: folding works per code unit and astral letters
  // (rare in news text) then match only themselves.
  if (code >= 0xd800 && code <= 0xdfff) return String.fromCharCode(code);
  let decomposed = '';
  for (const unit of String.fromCharCode(code).normalize('NFD')) {
    if (!isMarkCode(unit.charCodeAt(0))) decomposed += unit;
  }
  if (decomposed === '') return DROP;
  return decomposed.toLowerCase();
}

/** Decodes UTF-16 code units from a typed buffer in one call (TextDecoder where available). */
const utf16 = typeof TextDecoder === 'function' ? new TextDecoder('utf-16le') : null;
function codesToString(codes: Uint16Array): string {
  if (utf16) return utf16.decode(codes);
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.subarray(i, i + 8192));
  return out;
}

/**
 * A folding held in buffers shared by every call: valid only until the next call of
 * `foldCodes`. The matcher folds every run of text on the page, so reusing the buffers
 * (instead of three new typed arrays per run) is most of what makes folding cheap.
 */
export interface FoldedCodes {
  /** Folded UTF-16 code units in [0, length). */
  codes: Uint16Array;
  /** For each folded code unit, the offset in the original where its source starts. */
  start: Uint32Array;
  /** For each folded code unit, the offset in the original just past its source. */
  end: Uint32Array;
  length: number;
}

const scratch: FoldedCodes = { codes: new Uint16Array(4096), start: new Uint32Array(4096), end: new Uint32Array(4096), length: 0 };

/** Makes room for `needed` folded code units (the contents are not kept). */
function reserve(needed: number): void {
  if (needed <= scratch.codes.length) return;
  const capacity = Math.max(scratch.codes.length * 2, needed);
  scratch.codes = new Uint16Array(capacity);
  scratch.start = new Uint32Array(capacity);
  scratch.end = new Uint32Array(capacity);
}

/**
 * Folds `original` into the shared buffers. Leading and trailing spaces are kept (as one
 * space each) so that offsets into a run of text keep their meaning when runs are folded
 * separately. Written for speed: it runs over every character the extension reads on every
 * page (no closures over the buffers, which would put every access behind a context load).
 */
export function foldCodes(original: string, room = original.length): FoldedCodes {
  const length = original.length;
  // Invariant: room for `count + (length - i)` code units. Every branch but one writes at most
  // one unit per character read; that one (rare: ß → ss) checks, and if the room is short
  // starts over with twice the room. (The buffers stay constants in this loop: reloading
  // them after a growth made the whole loop several times slower.)
  reserve(room);
  const { codes, start, end } = scratch;
  const table = foldTable;
  let count = 0;
  let lastWasSpace = false;

  for (let i = 0; i < length; i++) {
    const code = original.charCodeAt(i);
    // ASCII letters and digits, inline: the bulk of Latin-script text.
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a)) {
      codes[count] = code <= 0x5a && code >= 0x41 ? code + 32 : code;
      start[count] = i;
      end[count] = i + 1;
      count++;
      lastWasSpace = false;
      continue;
    }
    let entry = code < FOLD_TABLE_SIZE ? table[code]! : FOLD_SEVERAL;
    if (entry === FOLD_UNKNOWN) entry = table[code] = tableEntry(code);
    // (A function of its own: written inline here, this rare case made the whole loop ~2× slower.)
    if (entry === FOLD_QUOTE) entry = quoteEntry(original, i);
    if (entry === FOLD_DROP) continue;
    if (entry === FOLD_SEVERAL) {
      // Beyond the table, or more than one code unit.
      const folded = foldCodeUnit(code);
      if (folded === DROP) continue;
      if (folded === SPACE) entry = FOLD_SPACE;
      else if (folded.length === 1) entry = folded.charCodeAt(0) + 1;
      else {
        if (count + folded.length + (length - i - 1) > codes.length) return foldCodes(original, codes.length * 2);
        for (let k = 0; k < folded.length; k++) {
          codes[count] = folded.charCodeAt(k);
          start[count] = i;
          end[count] = i + 1;
          count++;
        }
        lastWasSpace = false;
        continue;
      }
    }
    if (entry === FOLD_SPACE) {
      if (lastWasSpace) {
        // Widen the space already written so that it covers the whole run.
        end[count - 1] = i + 1;
        continue;
      }
      codes[count] = 0x20;
      lastWasSpace = true;
    } else {
      codes[count] = entry - 1;
      lastWasSpace = false;
    }
    start[count] = i;
    end[count] = i + 1;
    count++;
  }
  scratch.length = count;
  return scratch;
}

/**
 * A quotation mark between two Arabic letters is not punctuation but an editing slip or a
 * quote opened after an attached proclitic (و"وحدات): it vanishes like an invisible mark.
 * Elsewhere it stays.
 */
function quoteEntry(original: string, i: number): number {
  const between = i > 0 && i + 1 < original.length && isArabicLetterCode(original.charCodeAt(i - 1)) && isArabicLetterCode(original.charCodeAt(i + 1));
  return between ? FOLD_DROP : original.charCodeAt(i) + 1;
}

/** The folded text of a folding in the shared buffers. */
function foldedString(folded: FoldedCodes): string {
  return codesToString(folded.codes.subarray(0, folded.length));
}

/** Folds `original` for matching, into buffers of its own (see foldCodes). */
export function foldText(original: string): FoldedText {
  const folded = foldCodes(original);
  return {
    text: foldedString(folded),
    start: folded.start.slice(0, folded.length),
    end: folded.end.slice(0, folded.length),
  };
}

/** Folds a short string (an alias, a context phrase) without the offset map. */
export function foldString(value: string): string {
  return foldText(value).text.trim();
}

/**
 * Whether a BMP code unit is in a table of range boundaries (src/core/unicode-tables.ts): an
 * odd number of boundaries at or below it. Lone surrogates are in none of the tables.
 */
function inTable(boundaries: string, code: number): boolean {
  let low = 0;
  let high = boundaries.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (boundaries.charCodeAt(mid) <= code) low = mid + 1;
    else high = mid;
  }
  return (low & 1) === 1;
}

/** True for characters that make up words: letters, digits and combining marks (\p{L}\p{N}\p{M}). */
export function isWordCode(code: number): boolean {
  if (code < 0x80) {
    return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  }
  return inTable(WORD_BOUNDARIES, code);
}

/** True for letters (\p{L}). */
export function isLetterCode(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  return inTable(LETTER_BOUNDARIES, code);
}

/** True for combining marks (\p{M}). */
export function isMarkCode(code: number): boolean {
  return code >= 0x300 && inTable(MARK_BOUNDARIES, code);
}

/** Straight and curly double quotation marks. */
function isQuoteMark(code: number): boolean {
  return code === 0x22 || code === 0x201c || code === 0x201d;
}

export function isArabicLetterCode(code: number): boolean {
  return code >= 0x0620 && code <= 0x064a;
}

/** True when the character has an upper-case form distinct from its lower-case form and is upper. */
export function isUpperChar(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
