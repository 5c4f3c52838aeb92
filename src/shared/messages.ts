/**
 * The messages between the content script and the background, as one discriminated union.
 * Every receiver checks what it gets with `isRequest`: messages cross a trust boundary.
 */

import type { EntityType, GlossaryEntry } from '../core/glossary-types.js';
import type { LocatorMap } from '../core/locator-map.js';
import type { IdMatch } from '../core/matcher.js';

export type Request = { type: 'get-entry'; id: string } | { type: 'match'; texts: string[] };

/** A mention found in one run of text (offsets in that run). */
export type RunMatch = IdMatch;

/** `ms`: the background's matching time, for the benchmark's accounting. */
export type MatchResponse = { ok: true; matches: RunMatch[][]; ms: number } | { ok: false; error: string };

/** Most text one match request may carry (a very long page is sent in several). */
export const MAX_MATCH_CHARS = 2_000_000;

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
}

/** From the background to a tab's content script: a keyboard command the browser caught. */
export type TabCommand = { type: 'step'; direction: 'next' | 'previous' };

export function isTabCommand(message: unknown): message is TabCommand {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return m.type === 'step' && (m.direction === 'next' || m.direction === 'previous');
}

export type EntryResponse = { ok: true; view: EntryView } | { ok: false; error: string };

export function isRequest(message: unknown): message is Request {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  if (m.type === 'get-entry') return typeof m.id === 'string' && m.id.length <= 200;
  if (m.type === 'match') {
    if (!Array.isArray(m.texts) || !m.texts.every((t) => typeof t === 'string')) return false;
    return (m.texts as string[]).reduce((n, t) => n + t.length, 0) <= MAX_MATCH_CHARS;
  }
  return false;
}
