/**
 * The background (Chrome's service worker, Firefox's event page): answers the content
 * script's requests for full entries. It keeps no state that matters across restarts.
 */

import browser from 'webextension-polyfill';
import type { GlossaryEntry } from '../core/glossary-types.js';
import { isRequest, type EntryResponse } from '../shared/messages.js';
import { EntryStore } from './entries.js';

const store = new EntryStore(async () => {
  // The extension's own packaged file: no network is involved.
  const response = await fetch(browser.runtime.getURL('glossary/entries.json'));
  return (await response.json()) as GlossaryEntry[];
});

browser.runtime.onMessage.addListener((message: unknown): Promise<EntryResponse> | undefined => {
  if (!isRequest(message)) return undefined;
  switch (message.type) {
    case 'get-entry':
      return store.view(message.id).catch((error: unknown) => ({ ok: false, error: String(error) }));
  }
});
