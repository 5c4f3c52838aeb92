/**
 * The reader's own glossary in `storage.local` (room for far more than `storage.sync`), with
 * its compiled matcher beside it so that tabs never compile anything. Both are written in one
 * `set`, so a tab never sees a glossary without its matching matcher.
 */

import browser from 'webextension-polyfill';
import type { GlossaryEntry } from '../core/glossary-types.js';
import { ENTITY_TYPES } from '../core/glossary-types.js';
import { compileMatcher, serializeMatcher, type SerializedMatcher } from '../core/matcher.js';

export const OWN_GLOSSARY_KEY = 'ownGlossary';
export const OWN_MATCHER_KEY = 'ownMatcher';

export async function loadOwnMatcher(): Promise<SerializedMatcher | null> {
  const stored = (await browser.storage.local.get(OWN_MATCHER_KEY))[OWN_MATCHER_KEY] as SerializedMatcher | undefined;
  return stored ?? null;
}

export function onOwnMatcherChanged(listener: (data: SerializedMatcher | null) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[OWN_MATCHER_KEY]) listener((changes[OWN_MATCHER_KEY].newValue as SerializedMatcher | undefined) ?? null);
  });
}

/** The stored glossary exactly as stored (the caller reads it safely with src/core). */
export async function loadOwnGlossaryRaw(): Promise<unknown> {
  return (await browser.storage.local.get(OWN_GLOSSARY_KEY))[OWN_GLOSSARY_KEY];
}

/** Saves the reader's glossary and its compiled matcher together. */
export async function saveOwnGlossary(glossary: { version: number; entries: GlossaryEntry[] }, extra: Record<string, unknown> = {}): Promise<void> {
  const matcher = glossary.entries.length ? serializeMatcher(compileMatcher(glossary.entries), ENTITY_TYPES) : null;
  await browser.storage.local.set({ [OWN_GLOSSARY_KEY]: glossary, [OWN_MATCHER_KEY]: matcher, ...extra });
}

export function onOwnGlossaryChanged(listener: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[OWN_GLOSSARY_KEY]) listener();
  });
}
