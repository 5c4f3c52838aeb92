/**
 * The reader's own entries as the background serves them to cards and the popup: read from
 * storage.local through the same safe reader as the options page, so a corrupt store gives
 * no entries here (the options page tells the reader and keeps what it could not read).
 */

import type { GlossaryEntry } from '../core/glossary-types.js';
import { readUserGlossary } from '../core/user-glossary.js';
import { loadOwnGlossaryRaw } from '../shared/own-glossary-store.js';

export async function loadOwnEntries(): Promise<GlossaryEntry[]> {
  return readUserGlossary(await loadOwnGlossaryRaw()).glossary.entries;
}
