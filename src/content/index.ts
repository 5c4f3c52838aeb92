/**
 * Content script entry: compiles nothing (the matcher comes precompiled in this bundle),
 * scans the page in idle time, paints highlights and wires the reading interaction.
 * It changes nothing in the page's DOM except the card's own host while a card is open.
 */

import matcherData from 'virtual:backstory-matcher';
import { deserializeMatcher } from '../core/matcher.js';
import { findArticleRoots } from './article-root.js';
import { HOST_TAG } from './card-host.js';
import { HighlightLayer, highlightApiAvailable } from './highlight.js';
import { PageScanner } from './page-scanner.js';
import { Reader } from './reader.js';
import { REASSERT_INTERVAL_MS } from './timing.js';

function isOurs(node: Node): boolean {
  const el = node instanceof Element ? node : node.parentElement;
  return el?.closest(HOST_TAG) != null;
}

function start(): void {
  // Pages that are not HTML documents (XML, images, plain text viewers) are left alone, as
  // are browsers without the Highlight API: without it we would have to change the DOM.
  if (!(document.documentElement instanceof HTMLElement) || !document.body || !highlightApiAvailable()) return;
  const matcher = deserializeMatcher(matcherData);
  const layer = new HighlightLayer();
  // Where to look: the article body (a setting to widen this to the whole page comes with
  // the options page).
  const scanner = new PageScanner(matcher, layer, isOurs, () => findArticleRoots(document));
  const reader = new Reader(scanner.index, layer, matcher.entityIds);
  scanner.start();
  reader.listen();
  setInterval(() => layer.reassert(), REASSERT_INTERVAL_MS);
}

start();
