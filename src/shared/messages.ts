/**
 * The messages between the content script and the background, as one discriminated union.
 * Every receiver checks what it gets with `isRequest`: messages cross a trust boundary.
 */

import type { EntityType, GlossaryEntry } from '../core/glossary-types.js';
import type { LocatorMap } from '../core/locator-map.js';

export type Request = { type: 'get-entry'; id: string };

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
  return m.type === 'get-entry' && typeof m.id === 'string' && m.id.length <= 200;
}
