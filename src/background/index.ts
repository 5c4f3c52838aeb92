/**
 * The background (Chrome's service worker, Firefox's event page): answers requests for
 * entries and matching, keeps the toolbar badge, offers "Look up in Backstory" on a
 * selection and opens the options page. It keeps no state that matters across restarts.
 */

import browser, { type Runtime } from 'webextension-polyfill';
import type { GlossaryEntry } from '../core/glossary-types.js';
import type { RegionMap } from '../core/locator-map.js';
import { deserializeMatcher, findIdMatches, type CompiledMatcher, type SerializedMatcher } from '../core/matcher.js';
import { isRequest, packMatches, type BriefsResponse, type EntryResponse, type IdsResponse, type MatchResponse, type Request, type TabMessage } from '../shared/messages.js';
import { onOwnGlossaryChanged } from '../shared/own-glossary-store.js';
import { EntryStore, type PackList } from './entries.js';
import { loadOwnEntries } from './own-entries.js';

/** Reads one of the extension's own packaged files: no network is involved. */
async function packaged<T>(path: string): Promise<T> {
  const response = await fetch(browser.runtime.getURL(path));
  return (await response.json()) as T;
}

const store = new EntryStore(
  () => packaged<GlossaryEntry[]>('glossary/entries.json'),
  () => packaged<RegionMap>('glossary/region-map.json'),
  loadOwnEntries,
  () => packaged<PackList>('glossary/packs.json'),
);
onOwnGlossaryChanged(() => store.ownChanged());

/**
 * Every tab's text is matched here, one matcher for all tabs (docs/architecture.md says why).
 * Loaded on first use; a failed load is tried again on the next request.
 */
let loadedMatcher: Promise<CompiledMatcher> | null = null;
function matcher(): Promise<CompiledMatcher> {
  loadedMatcher ??= packaged<SerializedMatcher>('glossary/matcher.json').then(deserializeMatcher);
  loadedMatcher.catch(() => (loadedMatcher = null));
  return loadedMatcher;
}

const failed = (error: unknown) => ({ ok: false as const, error: String(error) });

type Response = EntryResponse | MatchResponse | BriefsResponse | IdsResponse | { ok: true };

function answer(message: Request, sender: Runtime.MessageSender): Promise<Response> | undefined {
  switch (message.type) {
    case 'get-entry':
      return store.view(message.id).catch(failed);
    case 'get-briefs':
      return store.briefs(message.ids).then((briefs): BriefsResponse => ({ ok: true, briefs }), failed);
    case 'pack-members':
      return store.packMembers(message.packs).then((ids): IdsResponse => ({ ok: true, ids }), failed);
    case 'match':
      return matcher()
        .then((m): MatchResponse => {
          const started = performance.now();
          const matches = packMatches(message.texts.map((text) => findIdMatches(m, text)));
          return { ok: true, matches, ms: performance.now() - started };
        })
        .catch(failed);
    case 'page-count': {
      // Only a tab's own content script reports its count; the badge is per tab.
      const tabId = sender.tab?.id;
      if (tabId === undefined) return undefined;
      return setBadge(tabId, message.count).then(() => ({ ok: true as const }), failed);
    }
    case 'open-options':
      return openOptions(message.add).then(() => ({ ok: true as const }), failed);
  }
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender): Promise<Response> | undefined => {
  if (!isRequest(message)) return undefined;
  return answer(message, sender);
});

async function setBadge(tabId: number, count: number): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#17414f' });
  await browser.action.setBadgeText({ tabId, text: count > 0 ? String(Math.min(count, 999)) : '' });
}

/** The options page; on the form for a new entry, prefilled, when the reader chose "Add". */
async function openOptions(add?: string): Promise<void> {
  if (add === undefined) {
    await browser.runtime.openOptionsPage();
    return;
  }
  const url = browser.runtime.getURL(`options.html#add=${encodeURIComponent(add)}`);
  await browser.tabs.create({ url });
}

async function sendToTab(tabId: number, message: TabMessage): Promise<void> {
  // A tab without our content script (a browser page, a PDF) has nobody to answer.
  await browser.tabs.sendMessage(tabId, message).catch(() => undefined);
}

/** Browser shortcuts (manifest `commands`): step through the names of the active tab. */
browser.commands.onCommand.addListener(async (command: string) => {
  if (command !== 'next-name' && command !== 'previous-name') return;
  // A service worker has no window of its own: "the last focused window" is the reader's.
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) return;
  await sendToTab(tab.id, { type: 'step', direction: command === 'next-name' ? 'next' : 'previous' });
});

const LOOK_UP_MENU = 'backstory-look-up';

// Menus persist across background restarts; they are (re)created when the extension is
// installed or updated, and removed first so that a second creation never errors.
browser.runtime.onInstalled.addListener(() => {
  void browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({ id: LOOK_UP_MENU, title: browser.i18n.getMessage('menuLookUp'), contexts: ['selection'] }),
  );
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId !== LOOK_UP_MENU || tab?.id === undefined || !info.selectionText) return;
  const text = info.selectionText.trim().slice(0, 500);
  void browser.tabs
    .sendMessage(tab.id, { type: 'lookup', text } satisfies TabMessage)
    // No content script there (a browser page, a site's PDF viewer): offer to add the name.
    .catch(() => openOptions(text));
});
