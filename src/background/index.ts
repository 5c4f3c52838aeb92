/**
 * The background (Chrome's service worker, Firefox's event page): answers the content
 * script's requests for full entries. It keeps no state that matters across restarts.
 */

import browser from 'webextension-polyfill';
import type { GlossaryEntry } from '../core/glossary-types.js';
import type { RegionMap } from '../core/locator-map.js';
import { isRequest, type EntryResponse, type TabCommand } from '../shared/messages.js';
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

/** Browser shortcuts (manifest `commands`): step through the names of the active tab. */
browser.commands.onCommand.addListener(async (command: string) => {
  if (command !== 'next-name' && command !== 'previous-name') return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  const message: TabCommand = { type: 'step', direction: command === 'next-name' ? 'next' : 'previous' };
  // A tab without our content script (a browser page, a PDF) has nobody to answer.
  await browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
});
