/**
 * Content script entry: reads the page in idle time and sends its text to the background,
 * which holds the compiled matcher; paints highlights and wires the reading interaction.
 * It changes nothing in the page's DOM except the card's own host while a card is open.
 *
 * The reader's settings decide whether this page is read at all (the global pause and the
 * sites list), where to look, what to show and how it looks; a change applies at once.
 */

import browser from 'webextension-polyfill';
import { enabledOn, type Settings } from '../core/settings.js';
import { isTabMessage, type IdsResponse, type PageEntities, type Request } from '../shared/messages.js';
import { loadSettings, onSettingsChanged } from '../shared/settings-store.js';
import { ARTICLE_SCOPE, PAGE_SCOPE, type Scope } from './article-root.js';
import { HOST_TAG } from './card-host.js';
import { HighlightLayer, highlightApiAvailable, type Look } from './highlight.js';
import { BackgroundMatchSource } from './match-source.js';
import { LayeredMatchSource } from './own-matches.js';
import { PageScanner, type Presentation } from './page-scanner.js';
import { Reader } from './reader.js';
import { BADGE_DEBOUNCE_MS, REASSERT_INTERVAL_MS } from './timing.js';

function isOurs(node: Node): boolean {
  const el = node instanceof Element ? node : node.parentElement;
  return el?.closest(HOST_TAG) != null;
}

function presentationOf(settings: Settings, packMuted: readonly string[]): Presentation {
  return {
    density: settings.density,
    mutedEntities: new Set([...settings.mutedEntities, ...packMuted]),
    mutedTypes: new Set(settings.mutedTypes),
  };
}

function lookOf(settings: Settings): Look {
  return { style: settings.highlightStyle, colours: settings.colours };
}

/** Where to look: the article's body by default, or the whole page if the reader chose so. */
function scopeOf(settings: Settings): Scope {
  return settings.scope === 'page' ? PAGE_SCOPE : ARTICLE_SCOPE;
}

/** Entries of the packs the reader switched off (asked of the background, which has the lists). */
async function packMembers(packs: readonly string[]): Promise<string[]> {
  if (packs.length === 0) return [];
  const request: Request = { type: 'pack-members', packs: [...packs] };
  const response = (await browser.runtime.sendMessage(request).catch(() => undefined)) as IdsResponse | undefined;
  return response?.ok ? response.ids : [];
}

function reportCount(count: number): void {
  const request: Request = { type: 'page-count', count };
  void browser.runtime.sendMessage(request).catch(() => undefined);
}

async function start(): Promise<void> {
  // Pages that are not HTML documents (XML, images, plain text viewers) are left alone, as
  // are browsers without the Highlight API: without it we would have to change the DOM.
  if (!(document.documentElement instanceof HTMLElement) || !document.body || !highlightApiAvailable()) return;
  let settings = await loadSettings();
  let packMuted = await packMembers(settings.disabledPacks);
  const layer = new HighlightLayer();
  layer.setLook(lookOf(settings));
  const source = new LayeredMatchSource(new BackgroundMatchSource());
  const scanner = new PageScanner(source, layer, isOurs, scopeOf(settings), presentationOf(settings, packMuted));
  const reader = new Reader(scanner.index, layer, settings, (text) => source.match([text]).then((r) => r[0] ?? []));

  // The toolbar badge: distinct names shown, told to the background when a reading settles.
  let badgeTimer: ReturnType<typeof setTimeout> | undefined;
  let lastCount = -1;
  scanner.onSettled = () => {
    clearTimeout(badgeTimer);
    badgeTimer = setTimeout(() => {
      const count = scanner.running ? scanner.entityCounts().size : 0;
      if (count !== lastCount) reportCount(count);
      lastCount = count;
    }, BADGE_DEBOUNCE_MS);
  };

  const host = location.hostname;
  const reconfigure = (): void => {
    reader.settingsChanged(settings);
    layer.setLook(lookOf(settings));
    const on = enabledOn(settings, host);
    if (!on) scanner.stop();
    else if (scanner.running) scanner.reconfigure(scopeOf(settings), presentationOf(settings, packMuted));
    else {
      scanner.reconfigure(scopeOf(settings), presentationOf(settings, packMuted));
      scanner.start();
    }
  };

  await source.load(() => reconfigure());
  if (enabledOn(settings, host)) scanner.start();
  else scanner.stop();

  // A change in the options page, the popup or a card applies to every open tab at once.
  onSettingsChanged((next) => {
    const packsChanged = next.disabledPacks.join('\n') !== settings.disabledPacks.join('\n');
    settings = next;
    if (!packsChanged) return reconfigure();
    void packMembers(next.disabledPacks).then((ids) => {
      packMuted = ids;
      reconfigure();
    });
  });

  browser.runtime.onMessage.addListener((message: unknown): Promise<PageEntities> | undefined => {
    if (!isTabMessage(message)) return undefined;
    switch (message.type) {
      case 'page-entities': {
        const entities = [...scanner.entityCounts()].map(([id, { type, mentions }]) => ({ id, type, mentions }));
        return Promise.resolve({ host, enabled: enabledOn(settings, host), entities });
      }
      case 'step':
        void reader.step(message.direction);
        return undefined;
      case 'reveal':
        void reader.reveal(message.id);
        return undefined;
      case 'lookup':
        void reader.lookUp(message.text);
        return undefined;
    }
  });
  reader.listen();
  if (__BACKSTORY_BENCH__) {
    // Bench build only: report the first full reading of the page to the benchmark script.
    const started = performance.now();
    void scanner.idle().then(() => {
      const report = { busyMs: scanner.benchBusyMs, walkMs: scanner.benchWalkMs, applyMs: scanner.benchApplyMs, rootsMs: scanner.benchRootsMs, longestTaskMs: scanner.benchLongestTaskMs, messagingMs: source.messagingMs, matchingMs: source.matchingMs, wallMs: performance.now() - started, highlights: layer.size };
      console.debug(`backstory-bench ${JSON.stringify(report)}`);
    });
  }
  setInterval(() => layer.reassert(), REASSERT_INTERVAL_MS);
}

void start();
