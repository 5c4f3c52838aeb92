/**
 * The background (Chrome's service worker, Firefox's event page): answers the content
 * script's requests for full entries. It keeps no state that matters across restarts.
 */

import browser from 'webextension-polyfill';
import type { GlossaryEntry } from '../core/glossary-types.js';
import type { RegionMap } from '../core/locator-map.js';
import { isRequest, type EntryResponse } from '../shared/messages.js';
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

browser.runtime.onMessage.addListener((message: unknown): Promise<EntryResponse> | undefined => {
  if (!isRequest(message)) return undefined;
  switch (message.type) {
    case 'get-entry':
      return store.view(message.id).catch((error: unknown) => ({ ok: false, error: String(error) }));
  }
});
