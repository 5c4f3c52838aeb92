/**
 * The messages between the extension's parts, as discriminated unions:
 * - `Request`: to the background (from content scripts, the popup and the options page);
 * - `TabMessage`: to one tab's content script (from the background and the popup).
 * Every receiver checks what it gets with `isRequest` / `isTabMessage`: messages cross a
 * trust boundary.
 */

import type { EntityType, GlossaryEntry } from '../core/glossary-types.js';
import type { LocatorMap } from '../core/locator-map.js';
import type { IdMatch } from '../core/matcher.js';

export type Request =
  | { type: 'get-entry'; id: string }
  | { type: 'match'; texts: string[] }
  /** Names and summaries of entries, for the popup's list. */
  | { type: 'get-briefs'; ids: string[] }
  /** The ids of the entries in these bundled packs (a switched-off pack is hidden). */
  | { type: 'pack-members'; packs: string[] }
  /** From a tab: how many distinct names it shows, for the toolbar badge. */
  | { type: 'page-count'; count: number }
  /** Opens the options page, on the form for a new entry when `add` is given. */
  | { type: 'open-options'; add?: string };

/** A mention found in one run of text (offsets in that run). */
export type RunMatch = IdMatch;

/**
 * Matches as they travel from the background: numbers rather than one object per match, and
 * each entity's id and type once. A page with hundreds of names otherwise sent hundreds of
 * objects with repeated strings, which the tab's main thread had to deserialise.
 */
export interface PackedMatches {
  /**
   * The entities referred to below (an entity is listed once more for each different
   * `onlyWith` its aliases carry).
   */
  ids: string[];
  types: EntityType[];
  /** For each entity listed: the entities the page must name beside it ([] for none). */
  onlyWith: string[][];
  /** For each text: start, end, entity (index into ids), flags (1 gated, 2 topic evidence), per match. */
  runs: number[][];
}

const GATED = 1;
const TOPIC_EVIDENCE = 2;

export function packMatches(matches: readonly (readonly RunMatch[])[]): PackedMatches {
  const index = new Map<string, number>();
  const packed: PackedMatches = { ids: [], types: [], onlyWith: [], runs: [] };
  for (const run of matches) {
    const numbers: number[] = [];
    for (const m of run) {
      const key = m.onlyWith ? `${m.id}\u0000${m.onlyWith.join('\u0000')}` : m.id;
      let entity = index.get(key);
      if (entity === undefined) {
        entity = packed.ids.length;
        index.set(key, entity);
        packed.ids.push(m.id);
        packed.types.push(m.type);
        packed.onlyWith.push(m.onlyWith ? [...m.onlyWith] : []);
      }
      numbers.push(m.start, m.end, entity, (m.gated ? GATED : 0) | (m.topicEvidence ? TOPIC_EVIDENCE : 0));
    }
    packed.runs.push(numbers);
  }
  return packed;
}

export function unpackMatches(packed: PackedMatches): RunMatch[][] {
  return packed.runs.map((numbers) => {
    const run: RunMatch[] = [];
    for (let k = 0; k + 3 < numbers.length; k += 4) {
      const entity = numbers[k + 2]!;
      const flags = numbers[k + 3]!;
      const match: RunMatch = {
        start: numbers[k]!,
        end: numbers[k + 1]!,
        id: packed.ids[entity]!,
        type: packed.types[entity]!,
        gated: (flags & GATED) !== 0,
        topicEvidence: (flags & TOPIC_EVIDENCE) !== 0,
      };
      const onlyWith = packed.onlyWith[entity];
      if (onlyWith?.length) match.onlyWith = onlyWith;
      run.push(match);
    }
    return run;
  });
}

/** `ms`: the background's matching time, for the benchmark's accounting. */
export type MatchResponse = { ok: true; matches: PackedMatches; ms: number } | { ok: false; error: string };

/** Most text one match request may carry (a very long page is sent in several). */
export const MAX_MATCH_CHARS = 2_000_000;
const MAX_IDS = 100_000;

/** A related entry as the card lists it: enough to show its name and open it. */
export interface RelatedName {
  id: string;
  name: string;
  type: EntityType;
}

export interface EntryView {
  entry: GlossaryEntry;
  related: RelatedName[];
  /** A locator map for places and countries of the region. */
  map: LocatorMap | null;
  /** The reader's own entry (from their glossary), not a bundled one. */
  own?: boolean;
}

export type EntryResponse = { ok: true; view: EntryView } | { ok: false; error: string };

export interface Brief {
  id: string;
  name: string;
  type: EntityType;
  summary: string;
  own: boolean;
}
export type BriefsResponse = { ok: true; briefs: Brief[] } | { ok: false; error: string };
export type IdsResponse = { ok: true; ids: string[] } | { ok: false; error: string };

/** To a tab's content script. */
export type TabMessage =
  /** A keyboard command the browser caught: step to the next / previous name. */
  | { type: 'step'; direction: 'next' | 'previous' }
  /** The popup asks what this page shows. */
  | { type: 'page-entities' }
  /** The popup asks to scroll to a name's first mention and open its card. */
  | { type: 'reveal'; id: string }
  /** The context menu: look the selected text up. */
  | { type: 'lookup'; text: string };

/** What a page shows, for the popup. */
export interface PageEntities {
  host: string;
  /** Whether Backstory reads this page under the current settings. */
  enabled: boolean;
  entities: { id: string; type: EntityType; mentions: number }[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 200;

export function isTabMessage(message: unknown): message is TabMessage {
  if (!isObject(message)) return false;
  switch (message.type) {
    case 'step':
      return message.direction === 'next' || message.direction === 'previous';
    case 'page-entities':
      return true;
    case 'reveal':
      return isId(message.id);
    case 'lookup':
      return typeof message.text === 'string' && message.text.length <= 500;
    default:
      return false;
  }
}

export function isRequest(message: unknown): message is Request {
  if (!isObject(message)) return false;
  const m = message;
  switch (m.type) {
    case 'get-entry':
      return isId(m.id);
    case 'match':
      if (!Array.isArray(m.texts) || !m.texts.every((t) => typeof t === 'string')) return false;
      return (m.texts as string[]).reduce((n, t) => n + t.length, 0) <= MAX_MATCH_CHARS;
    case 'get-briefs':
      return Array.isArray(m.ids) && m.ids.length <= MAX_IDS && m.ids.every(isId);
    case 'pack-members':
      return Array.isArray(m.packs) && m.packs.length <= 100 && m.packs.every(isId);
    case 'page-count':
      return typeof m.count === 'number' && Number.isInteger(m.count) && m.count >= 0;
    case 'open-options':
      return m.add === undefined || (typeof m.add === 'string' && m.add.length <= 500);
    default:
      return false;
  }
}
