/**
 * Content script entry: compiles nothing (the matcher comes precompiled in this bundle),
 * scans the page in idle time, paints highlights and wires the reading interaction.
 * It changes nothing in the page's DOM except the card's own host while a card is open.
 */

import matcherData from 'virtual:backstory-matcher';
import type { Settings } from '../core/settings.js';
import { loadSettings, onSettingsChanged } from '../shared/settings-store.js';
import { findArticleRoots } from './article-root.js';
import { HOST_TAG } from './card-host.js';
import { HighlightLayer, highlightApiAvailable } from './highlight.js';
import { LocalMatchSource, RemoteMatchSource, type MatchSource } from './match-source.js';
import { PageScanner, whenIdle, type Presentation } from './page-scanner.js';
import { Reader } from './reader.js';
import { REASSERT_INTERVAL_MS } from './timing.js';

function isOurs(node: Node): boolean {
  const el = node instanceof Element ? node : node.parentElement;
  return el?.closest(HOST_TAG) != null;
}

function presentationOf(settings: Settings): Presentation {
  return { density: settings.density, mutedEntities: new Set(settings.mutedEntities), mutedTypes: new Set(settings.mutedTypes) };
}

function matchSource(): MatchSource {
  return matcherData.mode === 'local' ? new LocalMatchSource(matcherData.matcher, whenIdle) : new RemoteMatchSource();
}

/** Where to look: the article's body by default, or the whole page if the reader chose so. */
function rootsFinder(settings: Settings): () => Element[] {
  return settings.scope === 'page' ? () => [document.body] : () => findArticleRoots(document);
}

async function start(): Promise<void> {
  // Pages that are not HTML documents (XML, images, plain text viewers) are left alone, as
  // are browsers without the Highlight API: without it we would have to change the DOM.
  if (!(document.documentElement instanceof HTMLElement) || !document.body || !highlightApiAvailable()) return;
  const layer = new HighlightLayer();
  const settings = await loadSettings();
  const source = matchSource();
  const scanner = new PageScanner(source, layer, isOurs, rootsFinder(settings), presentationOf(settings));
  const reader = new Reader(scanner.index, layer, settings);
  scanner.start();
  // A change in the options page or from a card applies to every open tab at once.
  onSettingsChanged((next) => {
    reader.settingsChanged(next);
    scanner.reconfigure(rootsFinder(next), presentationOf(next));
  });
  reader.listen();
  if (__BACKSTORY_BENCH__) {
    // Bench build only: report the first full reading of the page to the benchmark script.
    const started = performance.now();
    void scanner.idle().then(() => {
      const report = { busyMs: scanner.benchBusyMs, elsewhereMs: source.elsewhereMs, wallMs: performance.now() - started, highlights: layer.size };
      console.debug(`backstory-bench ${JSON.stringify(report)}`);
    });
  }
  setInterval(() => layer.reassert(), REASSERT_INTERVAL_MS);
}

void start();
