/**
 * The glossary matcher: every alias of every entry, compiled into one trie (automaton.ts), with the
 * rules that decide whether an occurrence in the text really names the entity.
 *
 * Rules applied to each occurrence:
 * - word boundaries at both ends (an apostrophe is a boundary, so "Russia's" matches Russia;
 *   Arabic names may carry the attached proclitics و ف ب ل ك and the article ال);
 * - the alias's case rule, checked against the original (unfolded) text;
 * - context phrases that mean another sense ("Michael Jordan", "Emirates airline");
 * - leftmost-longest: of overlapping occurrences, the one starting first wins, and of those
 *   the longest ("Free Syrian Army" over "Syrian Army").
 * Topic-gated occurrences are reported with `gated: true` (and the entities one of which the
 * page must name, if the alias says so): whether the gate is open is the caller's decision,
 * because it depends on the whole page (`gateIsOpen`).
 */

import {
  buildAutomaton,
  deserializeAutomaton,
  ROOT_TABLE_SIZE,
  serializeAutomaton,
  transition,
  type Automaton,
  type SerializedAutomaton,
} from './automaton.js';
import type { AliasObject, AmbiguityRule, CaseRule, EntityType, GlossaryEntry } from './glossary-types.js';
import { foldCodes, foldString, foldText, isArabicLetterCode, isUpperChar, isWordCode, type FoldedCodes } from './normalize.js';

const CASE_RULES: readonly CaseRule[] = ['exact', 'initial', 'any'];

/** What the matcher knows of one pattern (one folded alias of one entity). */
export interface PatternRule {
  entity: number;
  caseRule: CaseRule;
  /** Offsets (in the folded pattern) of the letters the alias writes in capitals. */
  upper: number[];
  /** Offsets of letters written in lower case; only needed for `exact`. */
  lower: number[];
  topicGate: boolean;
  notAfter: string[];
  notBefore: string[];
  /** Entities one of which the page must name for the gate to open (none: any two do). */
  onlyWith: number[];
}

export interface CompiledMatcher {
  entityIds: string[];
  entityTypes: EntityType[];
  /** Entities named in news on any subject: they are no evidence that a page is on topic. */
  entityGlobal: boolean[];
  patterns: PatternRule[];
  automaton: Automaton;
}

export interface Match {
  /** Offsets in the original text, end exclusive. */
  start: number;
  end: number;
  entity: number;
  pattern: number;
  /** Shown only if the page is on topic (the alias is ambiguous). */
  gated: boolean;
  /** And only if the page names one of these entities (set only when the alias asks for it). */
  onlyWith?: readonly number[];
  /** Counts toward the page being on topic: unambiguous, and not a name found in all news. */
  topicEvidence: boolean;
}

/** The default case rule: aliases written wholly in capitals (acronyms) match only so. */
export function defaultCaseRule(alias: string): CaseRule {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()
    ? 'exact'
    : 'initial';
}

/** Case rules from the most to the least permissive. */
const PERMISSIVENESS: Record<CaseRule, number> = { any: 2, initial: 1, exact: 0 };

function caseOf(alias: AliasObject): CaseRule {
  return alias.case ?? defaultCaseRule(alias.text);
}

/**
 * Two spellings of one alias that fold to the same text ("Jericho" and "Jéricho", "ONU" and
 * "Onu") are one pattern. They merge so that nothing is lost: every ambiguity rule written on
 * either applies (a rule is never switched off by a variant written without it), and the
 * more permissive case rule wins (so "Onu" written for Italian still lets "ONU" match).
 */
function mergeAliases(a: AliasObject, b: AliasObject): AliasObject {
  const base = PERMISSIVENESS[caseOf(b)] > PERMISSIVENESS[caseOf(a)] ? b : a;
  const rules = [a.ambiguity, b.ambiguity].filter((r) => r !== undefined);
  if (rules.length === 0) return base;
  const union = (key: 'notAfter' | 'notBefore' | 'onlyWith'): string[] | undefined => {
    const all = rules.flatMap((r) => r[key] ?? []);
    return all.length ? [...new Set(all)] : undefined;
  };
  const ambiguity: AmbiguityRule = {};
  if (rules.some((r) => r.topicGate)) ambiguity.topicGate = true;
  const notAfter = union('notAfter');
  const notBefore = union('notBefore');
  const onlyWith = union('onlyWith');
  if (notAfter) ambiguity.notAfter = notAfter;
  if (notBefore) ambiguity.notBefore = notBefore;
  if (onlyWith) ambiguity.onlyWith = onlyWith;
  return { ...base, ambiguity };
}

/**
 * The name and the aliases of an entry, once per folded text, variants merged (see
 * mergeAliases): a rule written on an alias "Lebanon" also governs the name "Lebanon".
 */
export function aliasObjects(entry: GlossaryEntry): AliasObject[] {
  const byFolded = new Map<string, AliasObject>();
  const all: AliasObject[] = [{ text: entry.name }, ...entry.aliases.map((a) => (typeof a === 'string' ? { text: a } : a))];
  for (const alias of all) {
    const key = foldString(alias.text);
    const seen = byFolded.get(key);
    byFolded.set(key, seen ? mergeAliases(seen, alias) : alias);
  }
  return [...byFolded.values()];
}

/** Latin spellings of the Arabic "sun letters", to which the article's l assimilates. */
const SUN_LETTERS = /^(?:th|dh|sh|[tdrzsn])/i;
/** At most this many spellings of the article are generated per alias (names with several articles). */
const MAX_ARTICLE_VARIANTS = 8;

/**
 * Spellings of the Arabic article in an alias: "al-Assad" is also "el-Assad", and before a
 * sun letter the l assimilates, so "al-Rahman" is also "ar-Rahman", "al-Sham" "ash-Sham".
 * (Hyphen, space and case variants need nothing: folding covers them.)
 */
function articleVariants(alias: string): string[] {
  const parts = alias.split(/\b([Aa]l)(?=[- ]\p{L})/u);
  if (parts.length === 1) return [alias];
  let variants = [parts[0]!];
  for (let i = 1; i < parts.length; i += 2) {
    const article = parts[i]!;
    const rest = parts[i + 1]!;
    const capital = article[0] === 'A';
    const sun = SUN_LETTERS.exec(rest.slice(1))?.[0];
    const spellings = [article, capital ? 'El' : 'el'];
    if (sun) {
      const a = capital ? 'A' : 'a';
      spellings.push(`${a}${sun.toLowerCase()}`);
      // "ash-Sham" is also written "as-Sham": digraphs often keep only their first letter.
      if (sun.length === 2) spellings.push(`${a}${sun[0]!.toLowerCase()}`);
    }
    variants = variants.flatMap((v) => spellings.map((a) => v + a + rest)).slice(0, MAX_ARTICLE_VARIANTS);
  }
  return variants;
}

/** "UN Security Council" is also "United Nations Security Council" and "U.N. Security Council". */
function unVariants(alias: string): string[] {
  const m = /^(UN|U\.N\.|United Nations)\s+(.+)$/u.exec(alias);
  if (!m) return [];
  return ['UN', 'U.N.', 'United Nations'].filter((prefix) => prefix !== m[1]).map((prefix) => `${prefix} ${m[2]}`);
}

/**
 * The forms an alias is matched under: as written, without inner apostrophes ("Hay'at" is
 * also written "Hayat"), and with the other spellings of the Arabic article.
 */
export function patternForms(alias: string): { folded: string; caseSource: string }[] {
  const written = [alias, ...unVariants(alias)];
  const withoutInner = alias.replace(/(?<=\p{L})['’ʼʿ‘`´](?=\p{L})/gu, '');
  if (withoutInner !== alias) written.push(withoutInner);
  const seen = new Set<string>();
  const forms: { folded: string; caseSource: string }[] = [];
  for (const form of written.flatMap(articleVariants)) {
    const folded = foldString(form);
    if (seen.has(folded)) continue;
    seen.add(folded);
    forms.push({ folded, caseSource: form });
  }
  return forms;
}

/**
 * Generic nouns that house styles write in lower case after a name ("Gaza city", "Jabalia
 * camp", "Idlib province", "the Syrian army"): under the `initial` rule their capitals are
 * not required. The first word of an alias always keeps its capitals.
 */
const GENERIC_WORDS = new Set([
  'city', 'town', 'village', 'strip', 'camp', 'province', 'governorate', 'district', 'region',
  'countryside', 'river', 'mountain', 'mountains', 'valley', 'heights', 'desert', 'sea', 'gulf',
  'crossing', 'hospital', 'square', 'prison', 'airport', 'base', 'army', 'forces', 'ministry',
  'council', 'committee', 'agency', 'office', 'party', 'movement', 'brigade', 'brigades',
  'division', 'corps', 'front', 'war', 'offensive', 'siege', 'attack', 'attacks', 'massacre',
  'agreement', 'accords', 'accord', 'process', 'talks', 'zone', 'zones', 'resolution',
  // The words of institutions' names that styles such as the Guardian's write in lower case
  // ("UN general assembly", "UN security council", "UN human rights council").
  'general', 'assembly', 'security', 'human', 'rights', 'high', 'commissioner', 'humanitarian',
  'affairs', 'relief', 'works', 'refugees', 'programme', 'fund', 'health', 'court', 'justice',
]);

/**
 * Compass words that house styles write in lower case even at the start of a name ("east
 * Jerusalem", "eastern Ghouta", "northern Syria" is not a name, but "northern Gaza" in
 * "North Gaza" is). Their capitals are optional wherever they stand, as long as the alias
 * keeps at least one required capital.
 */
const DIRECTION_WORDS = new Set([
  'east', 'west', 'north', 'south', 'eastern', 'western', 'northern', 'southern', 'central', 'upper', 'lower',
]);

/** Upper/lower letter offsets of an alias, in the coordinates of its folded form. */
function caseMasks(caseSource: string, rule: CaseRule): { upper: number[]; lower: number[] } {
  const folded = foldText(caseSource);
  // foldString trims one leading space; mirror that so offsets agree.
  const offset = folded.text.startsWith(' ') ? 1 : 0;
  const text = folded.text.slice(offset);
  const optional = new Set<number>();
  if (rule === 'initial') {
    for (const word of text.matchAll(/[^ ]+/g)) {
      if ((word.index > 0 && GENERIC_WORDS.has(word[0])) || DIRECTION_WORDS.has(word[0])) {
        for (let k = word.index; k < word.index + word[0].length; k++) optional.add(k);
      }
    }
  }
  const masks = (skip: Set<number>) => {
    const upper: number[] = [];
    const lower: number[] = [];
    for (let k = offset; k < folded.text.length; k++) {
      const ch = caseSource[folded.start[k]!]!;
      if (isUpperChar(ch)) {
        if (!skip.has(k - offset)) upper.push(k - offset);
      } else if (ch !== ch.toUpperCase()) lower.push(k - offset);
    }
    return { upper, lower };
  };
  const relaxed = masks(optional);
  // "North" alone, or "Central Command": relaxing every capital would make it a common word.
  return relaxed.upper.length > 0 || optional.size === 0 ? relaxed : masks(new Set());
}

export function compileMatcher(entries: readonly GlossaryEntry[]): CompiledMatcher {
  const strings: string[] = [];
  const patterns: PatternRule[] = [];
  const seen = new Set<string>();
  const entityOf = new Map(entries.map((e, i) => [e.id, i]));
  // An id the glossary does not have is left out (the glossary check reports it).
  const entitiesOf = (ids: readonly string[] = []): number[] => ids.flatMap((id) => entityOf.get(id) ?? []);
  entries.forEach((entry, entity) => {
    for (const alias of withTitleCaseAcronyms(aliasObjects(entry))) {
      const caseRule = alias.case ?? defaultCaseRule(alias.text);
      for (const { folded, caseSource } of patternForms(alias.text)) {
        if (folded === '') continue;
        const key = `${entity}\u0000${folded}\u0000${caseRule}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const masks = caseMasks(caseSource, caseRule);
        const onlyWith = entitiesOf(alias.ambiguity?.onlyWith);
        strings.push(folded);
        patterns.push({
          entity,
          caseRule,
          upper: caseRule === 'any' ? [] : masks.upper,
          lower: caseRule === 'exact' ? masks.lower : [],
          // Gated whenever the alias asks for entities beside it, even if none of them is in this glossary.
          topicGate: (alias.ambiguity?.topicGate ?? false) || (alias.ambiguity?.onlyWith?.length ?? 0) > 0,
          notAfter: (alias.ambiguity?.notAfter ?? []).map(foldString),
          notBefore: (alias.ambiguity?.notBefore ?? []).map(foldString),
          onlyWith,
        });
      }
    }
  });
  return {
    entityIds: entries.map((e) => e.id),
    entityTypes: entries.map((e) => e.type),
    entityGlobal: entries.map((e) => e.global === true),
    patterns,
    automaton: buildAutomaton(strings),
  };
}

/**
 * Acronyms written as words: "Isis", "Nato", "Unrwa" (British house styles), "Onu", "Wafa"
 * (Italian, Spanish). Accepted only on pages about the region, because some are also words
 * or names elsewhere. Only for plain acronyms of 3+ letters that carry no rule of their own.
 */
function withTitleCaseAcronyms(aliases: AliasObject[]): AliasObject[] {
  const extra: AliasObject[] = [];
  for (const alias of aliases) {
    if (alias.ambiguity || caseOf(alias) !== 'exact' || !/^\p{Lu}{3,}$/u.test(alias.text)) continue;
    if (!pronounceable(alias.text)) continue;
    const titled = alias.text[0] + alias.text.slice(1).toLowerCase();
    extra.push({ text: titled, case: 'initial', ambiguity: { topicGate: true } });
  }
  return extra.length ? [...aliases, ...extra] : aliases;
}

/** Onsets of two consonants that start words in English and the Romance languages. */
const ONSETS = /^(?:bl|br|cl|cr|dr|fl|fr|gl|gr|pl|pr|sc|sk|sl|sm|sn|sp|st|sw|tr|tw|wr|ch|sh|th|ph)/;

/**
 * Whether an acronym is said as a word (ISIS, NATO, UNRWA), the kind that styles write in
 * title case, rather than letter by letter (FSA, SDF, HTS), which they keep in capitals.
 */
function pronounceable(acronym: string): boolean {
  const lower = acronym.toLowerCase();
  if (!/[aeiou]/.test(lower) || /[^aeiou]{3}/.test(lower)) return false;
  return /^[aeiou]/.test(lower) || /^[^aeiou][aeiou]/.test(lower) || ONSETS.test(lower);
}

/**
 * Arabic proclitics that attach to a name: conjunction, preposition, article, and their
 * combinations, i.e. [وف]?(?:[بلك]?ال|[بك]|ل|لل)? without the empty one.
 */
const ARABIC_PROCLITICS: ReadonlySet<string> = new Set(
  ['', 'و', 'ف'].flatMap((conjunction) => ['', 'ال', 'بال', 'لال', 'كال', 'ب', 'ك', 'ل', 'لل'].map((rest) => conjunction + rest)).filter((p) => p !== ''),
);
const LONGEST_PROCLITIC = 4;

/** A word character (letter, digit, mark): inline for ASCII, a table lookup beyond. */
function isWordAt(codes: Uint16Array, i: number): boolean {
  const code = codes[i]!;
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);
  return isWordCode(code);
}

function endsOnBoundary(folded: FoldedCodes, end: number): boolean {
  if (end >= folded.length) return true;
  return !isWordAt(folded.codes, end) || !isWordAt(folded.codes, end - 1);
}

function caseAgrees(original: string, folded: FoldedCodes, start: number, end: number, rule: PatternRule): boolean {
  for (const k of rule.upper) {
    if (!isUpperChar(original[folded.start[start + k]!]!)) return false;
  }
  for (const k of rule.lower) {
    if (isUpperChar(original[folded.start[start + k]!]!)) return false;
  }
  if (rule.caseRule === 'exact' && rule.lower.length === 0 && rule.upper.length <= 3) {
    return !inCapitalisedRun(original, folded, start, end);
  }
  return true;
}

/**
 * A short acronym inside a run of capitals ("TRUMP TELLS US TO LEAVE") is a shouted word,
 * not the acronym: reject it when the words on both sides that exist are all capitals.
 */
function inCapitalisedRun(original: string, folded: FoldedCodes, start: number, end: number): boolean {
  const before = neighbourWord(folded, start, -1);
  const after = neighbourWord(folded, end, 1);
  if (!before && !after) return false;
  const shouted = (span: [number, number] | null): boolean => {
    if (!span) return true;
    const text = original.slice(folded.start[span[0]]!, folded.end[span[1] - 1]!);
    return text.length >= 2 && text === text.toUpperCase() && text !== text.toLowerCase();
  };
  return shouted(before) && shouted(after);
}

/** The word directly before (direction -1) or after (+1) an offset, across one space. */
function neighbourWord(folded: FoldedCodes, at: number, direction: -1 | 1): [number, number] | null {
  const { codes, length } = folded;
  let i = direction < 0 ? at - 1 : at;
  if (i >= 0 && i < length && codes[i] === 0x20) i += direction;
  if (i < 0 || i >= length || !isWordAt(codes, i)) return null;
  let from = i;
  let to = i + 1;
  if (direction < 0) while (from > 0 && isWordAt(codes, from - 1)) from--;
  else while (to < length && isWordAt(codes, to)) to++;
  return [from, to];
}

/** Whether the folded text has `phrase` at `from`. */
function hasAt(folded: FoldedCodes, from: number, phrase: string): boolean {
  if (from < 0 || from + phrase.length > folded.length) return false;
  for (let k = 0; k < phrase.length; k++) if (folded.codes[from + k] !== phrase.charCodeAt(k)) return false;
  return true;
}

/** A phrase found at `from` that starts a word (the context "Michael" before "Jordan"). */
function startsWordAt(folded: FoldedCodes, from: number): boolean {
  if (from === 0) return true;
  return !isWordAt(folded.codes, from - 1) || !isWordAt(folded.codes, from);
}

function contextExcludes(folded: FoldedCodes, start: number, end: number, rule: PatternRule): boolean {
  for (const phrase of rule.notAfter) {
    const gap = start > 0 && folded.codes[start - 1] === 0x20 ? 1 : 0;
    const from = start - gap - phrase.length;
    if (hasAt(folded, from, phrase) && startsWordAt(folded, from)) return true;
  }
  for (const phrase of rule.notBefore) {
    const from = end < folded.length && folded.codes[end] === 0x20 && isWordCode(phrase.charCodeAt(0)) ? end + 1 : end;
    if (hasAt(folded, from, phrase) && endsOnBoundary(folded, from + phrase.length)) return true;
  }
  return false;
}

interface Candidate {
  start: number;
  end: number;
  pattern: number;
}

/**
 * Walks the trie from `start`, already at `state` after the first character, and keeps every
 * pattern that ends there on a word boundary, in the right case and not in an excluding
 * context.
 */
function walkFrom(matcher: CompiledMatcher, original: string, folded: FoldedCodes, start: number, state: number, out: Candidate[]): void {
  const { output, patternNext } = matcher.automaton;
  const { codes, length } = folded;
  let end = start + 1;
  for (;;) {
    for (let p = output[state]!; p >= 0; p = patternNext[p]!) {
      if (!endsOnBoundary(folded, end)) break;
      const rule = matcher.patterns[p]!;
      if (caseAgrees(original, folded, start, end, rule) && !contextExcludes(folded, start, end, rule)) out.push({ start, end, pattern: p });
    }
    if (end >= length) return;
    state = transition(matcher.automaton, state, codes[end]!);
    if (state < 0) return;
    end++;
  }
}

/** The state after the root's edge for `code`, or 0 if there is none. */
function fromRoot(automaton: Automaton, code: number): number {
  if (code < ROOT_TABLE_SIZE) return automaton.rootNext[code]!;
  const next = transition(automaton, 0, code);
  return next < 0 ? 0 : next;
}

/**
 * Finds the mentions in one run of text. `original` is the text as on the page; offsets in
 * the result are in it.
 *
 * A name starts on a word boundary, so instead of running an automaton over every character
 * (and discarding most of what it finds, inside words), the trie is walked only from where a
 * word starts, or from a character that is not part of a word, or after an Arabic proclitic
 * at the start of an Arabic word; most walks end after a character or two. On a page's first
 * reading this code is still cold (interpreted), where the work per character is what counts.
 */
export function findMatches(matcher: CompiledMatcher, original: string): Match[] {
  // The offset maps stay in the fold's shared buffers: nothing below folds again before the
  // matches are mapped back.
  const folded = foldCodes(original);
  const { codes, length } = folded;
  const automaton = matcher.automaton;
  const candidates: Candidate[] = [];
  let previousIsWord = false;
  for (let i = 0; i < length; i++) {
    const isWord = isWordAt(codes, i);
    if (!(isWord && previousIsWord)) {
      const state = fromRoot(automaton, codes[i]!);
      if (state > 0) walkFrom(matcher, original, folded, i, state, candidates);
      if (isWord && isArabicLetterCode(codes[i]!)) walkAfterProclitics(matcher, original, folded, i, candidates);
    }
    previousIsWord = isWord;
  }
  // Leftmost, then longest, then (for the same span) an unambiguous pattern over a gated one.
  const gatedRank = (c: Candidate): number => (matcher.patterns[c.pattern]!.topicGate ? 1 : 0);
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || gatedRank(a) - gatedRank(b));
  const matches: Match[] = [];
  let taken = 0;
  for (const c of candidates) {
    if (c.start < taken) continue;
    const rule = matcher.patterns[c.pattern]!;
    const match: Match = {
      start: folded.start[c.start]!,
      end: folded.end[c.end - 1]!,
      entity: rule.entity,
      pattern: c.pattern,
      gated: rule.topicGate,
      topicEvidence: !rule.topicGate && !matcher.entityGlobal[rule.entity],
    };
    if (rule.onlyWith.length) match.onlyWith = rule.onlyWith;
    matches.push(match);
    taken = c.end;
  }
  return matches;
}

/** Names written after an attached proclitic: بريف دمشق holds ريف دمشق after ب. */
function walkAfterProclitics(matcher: CompiledMatcher, original: string, folded: FoldedCodes, wordStart: number, out: Candidate[]): void {
  const { codes, length } = folded;
  let prefix = '';
  for (let k = 1; k <= LONGEST_PROCLITIC && wordStart + k < length; k++) {
    const code = codes[wordStart + k - 1]!;
    if (!isArabicLetterCode(code)) return;
    prefix += String.fromCharCode(code);
    const next = codes[wordStart + k]!;
    if (!ARABIC_PROCLITICS.has(prefix) || !isArabicLetterCode(next)) continue;
    const state = fromRoot(matcher.automaton, next);
    if (state > 0) walkFrom(matcher, original, folded, wordStart + k, state, out);
  }
}

/** A match with its entity named by id and type: what a tab receives, wherever matching ran. */
export interface IdMatch {
  start: number;
  end: number;
  id: string;
  type: EntityType;
  gated: boolean;
  /** Entity ids one of which the page must name for a gated match to show (see `gateIsOpen`). */
  onlyWith?: readonly string[];
  topicEvidence: boolean;
}

export function findIdMatches(matcher: CompiledMatcher, text: string): IdMatch[] {
  return findMatches(matcher, text).map((m) => {
    const match: IdMatch = {
      start: m.start,
      end: m.end,
      id: matcher.entityIds[m.entity]!,
      type: matcher.entityTypes[m.entity]!,
      gated: m.gated,
      topicEvidence: m.topicEvidence,
    };
    if (m.onlyWith) match.onlyWith = m.onlyWith.map((entity) => matcher.entityIds[entity]!);
    return match;
  });
}

/**
 * How many distinct entities a page must name through unambiguous, region-specific aliases
 * (matches with `topicEvidence`) before gated aliases show.
 */
export const TOPIC_GATE_MIN_ENTITIES = 2;

/** True when the distinct evidence entities seen make the page on topic. */
export function pageIsOnTopic(evidenceEntities: ReadonlySet<unknown>): boolean {
  return evidenceEntities.size >= TOPIC_GATE_MIN_ENTITIES;
}

/** What decides whether a match may show: by entity id (`IdMatch`) or index (`Match`). */
export interface Gate<Entity> {
  gated: boolean;
  onlyWith?: readonly Entity[];
}

/**
 * Whether a match may show, given the entities the page has named so far through unambiguous
 * aliases (their ids): an ungated one always; a gated one once the page is on topic and, if
 * its alias names entities it needs beside it, names one of them. Entities are ids or indices,
 * as long as the match and the evidence agree.
 */
export function gateIsOpen<Entity>(match: Gate<Entity>, evidenceEntities: ReadonlySet<Entity>): boolean {
  if (!match.gated) return true;
  if (!pageIsOnTopic(evidenceEntities)) return false;
  return !match.onlyWith || match.onlyWith.some((id) => evidenceEntities.has(id));
}

export interface SerializedMatcher {
  entityIds: string[];
  /** Index into the type list for each entity. */
  entityTypes: number[];
  types: EntityType[];
  /** Indices of global entities. */
  globalEntities: number[];
  /** Pattern rules in columns, to keep the bundle small. */
  patterns: {
    entity: number[];
    caseRule: number[];
    upper: number[][];
    lower: number[][];
    topicGate: number[];
    notAfter: Record<number, string[]>;
    notBefore: Record<number, string[]>;
    /** Absent in matchers built before the rule existed. */
    onlyWith?: Record<number, number[]>;
  };
  automaton: SerializedAutomaton;
}

export function serializeMatcher(matcher: CompiledMatcher, types: readonly EntityType[]): SerializedMatcher {
  const notAfter: Record<number, string[]> = {};
  const notBefore: Record<number, string[]> = {};
  const onlyWith: Record<number, number[]> = {};
  matcher.patterns.forEach((p, i) => {
    if (p.notAfter.length) notAfter[i] = p.notAfter;
    if (p.notBefore.length) notBefore[i] = p.notBefore;
    if (p.onlyWith.length) onlyWith[i] = p.onlyWith;
  });
  return {
    entityIds: matcher.entityIds,
    entityTypes: matcher.entityTypes.map((t) => types.indexOf(t)),
    types: [...types],
    globalEntities: matcher.entityGlobal.flatMap((global, i) => (global ? [i] : [])),
    patterns: {
      entity: matcher.patterns.map((p) => p.entity),
      caseRule: matcher.patterns.map((p) => CASE_RULES.indexOf(p.caseRule)),
      upper: matcher.patterns.map((p) => p.upper),
      lower: matcher.patterns.map((p) => p.lower),
      topicGate: matcher.patterns.map((p) => (p.topicGate ? 1 : 0)),
      notAfter,
      notBefore,
      onlyWith,
    },
    automaton: serializeAutomaton(matcher.automaton),
  };
}

export function deserializeMatcher(data: SerializedMatcher): CompiledMatcher {
  return decodeMatcher(data, deserializeAutomaton(data.automaton));
}

function decodeMatcher(data: SerializedMatcher, automaton: Automaton): CompiledMatcher {
  const entityGlobal = data.entityIds.map(() => false);
  for (const i of data.globalEntities) entityGlobal[i] = true;
  return {
    entityIds: data.entityIds,
    entityTypes: data.entityTypes.map((i) => data.types[i]!),
    entityGlobal,
    patterns: data.patterns.entity.map((_, i) => patternRule(data.patterns, i)),
    automaton,
  };
}

function patternRule(p: SerializedMatcher['patterns'], i: number): PatternRule {
  return {
    entity: p.entity[i]!,
    caseRule: CASE_RULES[p.caseRule[i]!]!,
    upper: p.upper[i]!,
    lower: p.lower[i]!,
    topicGate: p.topicGate[i] === 1,
    notAfter: p.notAfter[i] ?? [],
    notBefore: p.notBefore[i] ?? [],
    onlyWith: p.onlyWith?.[i] ?? [],
  };
}
