/**
 * The background (Chrome's service worker, Firefox's event page): answers the content
 * script's requests for full entries. It keeps no state that matters across restarts.
 */

import browser from 'webextension-polyfill';
import type { GlossaryEntry } from '../core/glossary-types.js';
import type { RegionMap } from '../core/locator-map.js';
import { deserializeMatcher, findIdMatches, type CompiledMatcher, type SerializedMatcher } from '../core/matcher.js';
import { isRequest, type EntryResponse, type MatchResponse, type TabCommand } from '../shared/messages.js';
import { EntryStore } from './entries.js';

/** Reads one of the extension's own packaged files: no network is involved. */
async function packaged<T>(path: string): Promise<T> {
  const response = await fetch(browser.runtime.getURL(path));
  return (await response.json()) as T;
}

const store = new EntryStore(
  () => packaged<GlossaryEntry[]>('glossary/entries.json'),
  () => packaged<RegionMap>('glossary/region-map.json'),
);

/**
 * Large glossaries are matched here, one automaton for all tabs (small ones are matched in
 * the tab itself). Loaded on first use; a failed load is tried again on the next request.
 */
let remoteMatcher: Promise<CompiledMatcher> | null = null;
function matcher(): Promise<CompiledMatcher> {
  remoteMatcher ??= packaged<SerializedMatcher>('glossary/matcher.json').then(deserializeMatcher);
  remoteMatcher.catch(() => (remoteMatcher = null));
  return remoteMatcher;
}

browser.runtime.onMessage.addListener((message: unknown): Promise<EntryResponse | MatchResponse> | undefined => {
  if (!isRequest(message)) return undefined;
  switch (message.type) {
    case 'get-entry':
      return store.view(message.id).catch((error: unknown) => ({ ok: false, error: String(error) }));
    case 'match':
      return matcher()
        .then((m): MatchResponse => {
          const started = performance.now();
          const matches = message.texts.map((text) => findIdMatches(m, text));
          return { ok: true, matches, ms: performance.now() - started };
        })
        .catch((error: unknown) => ({ ok: false, error: String(error) }));
  }
});

/** Browser shortcuts (manifest `commands`): step through the names of the active tab. */
browser.commands.onCommand.addListener(async (command: string) => {
  if (command !== 'next-name' && command !== 'previous-name') return;
  // A service worker has no window of its own: "the last focused window" is the reader's.
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) return;
  const message: TabCommand = { type: 'step', direction: command === 'next-name' ? 'next' : 'previous' };
  // A tab without our content script (a browser page, a PDF) has nobody to answer.
  await browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
});
