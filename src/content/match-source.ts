/**
 * Where a tab's text is matched.
 *
 * - `LocalMatchSource`: the compiled matcher lives in the content script (bundled at build
 *   time). Right for the bundled glossary: matching is synchronous and highlights appear at
 *   once, for a few hundred KB per tab.
 * - `RemoteMatchSource`: the matcher lives once in the background and the tab sends the text
 *   of its runs. Right for very large glossaries (100,000 entries is tens of MB as an
 *   automaton: one copy in the background instead of one per tab), at the cost of a message
 *   round trip per batch.
 * build.mjs chooses by the size of the compiled glossary; docs/architecture.md has the figures.
 */

import browser from 'webextension-polyfill';
import { findIdMatches, type CompiledMatcher } from '../core/matcher.js';
import type { MatchResponse, Request, RunMatch } from '../shared/messages.js';

export type { RunMatch };

export interface MatchSource {
  /** Matches for each text, in order. */
  match(texts: string[]): Promise<RunMatch[][]>;
  /** How many characters to send in one batch: small where matching runs on this thread. */
  readonly batchChars: number;
}

export class LocalMatchSource implements MatchSource {
  // Small enough that one batch stays well inside a scanning slice.
  readonly batchChars = 8_000;
  constructor(private readonly matcher: CompiledMatcher) {}
  match(texts: string[]): Promise<RunMatch[][]> {
    return Promise.resolve(texts.map((text) => findIdMatches(this.matcher, text)));
  }
}

export class RemoteMatchSource implements MatchSource {
  // Matching happens off this thread: batches can be large, fewer round trips.
  readonly batchChars = 200_000;
  async match(texts: string[]): Promise<RunMatch[][]> {
    const request: Request = { type: 'match', texts };
    try {
      const response = (await browser.runtime.sendMessage(request)) as MatchResponse | undefined;
      return response && response.ok ? response.matches : texts.map(() => []);
    } catch {
      // The extension was reloaded under this page: nothing to match with.
      return texts.map(() => []);
    }
  }
}
