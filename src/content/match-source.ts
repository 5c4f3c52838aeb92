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
import { findIdMatches, loadShippedMatcherInSteps, type CompiledMatcher, type ShippedMatcher } from '../core/matcher.js';
import type { MatchResponse, Request, RunMatch } from '../shared/messages.js';

export type { RunMatch };

export interface MatchSource {
  /** Matches for each text, in order. */
  match(texts: string[]): Promise<RunMatch[][]>;
  /** How many characters to send in one batch: small where matching runs on this thread. */
  readonly batchChars: number;
  /**
   * Time spent matching, in this tab or in the background, for the benchmark: the scanner
   * counts its own walking and highlighting but not the wait for a batch, so the matching
   * itself is counted here.
   */
  readonly matchingMs: number;
}

/**
 * Loading work per idle slice (parsing a table, decoding base64, linking the automaton): the
 * matcher is made ready without a long task even on a slow, busy machine.
 */
const LOAD_SLICE_MS = 5;

export class LocalMatchSource implements MatchSource {
  // Small enough that one batch stays well inside a scanning slice.
  readonly batchChars = 8_000;
  matchingMs = 0;
  private matcher: CompiledMatcher | null = null;
  private readonly ready: Promise<void>;

  constructor(data: ShippedMatcher, whenIdle: (callback: () => void) => void) {
    // Nothing is decoded now: the content script's first task stays short.
    const loading = loadShippedMatcherInSteps(data);
    this.ready = new Promise((resolve) => {
      const work = (): void => {
        if (!loading.step(LOAD_SLICE_MS)) return whenIdle(work);
        this.matcher = loading.matcher();
        // Matching starts in a task of its own, not after the last loading step.
        whenIdle(resolve);
      };
      whenIdle(work);
    });
  }

  async match(texts: string[]): Promise<RunMatch[][]> {
    await this.ready;
    const matcher = this.matcher!;
    const started = performance.now();
    const matches = texts.map((text) => findIdMatches(matcher, text));
    this.matchingMs += performance.now() - started;
    return matches;
  }
}

export class RemoteMatchSource implements MatchSource {
  // Matching happens off this thread: batches can be large, fewer round trips.
  readonly batchChars = 200_000;
  matchingMs = 0;
  async match(texts: string[]): Promise<RunMatch[][]> {
    const request: Request = { type: 'match', texts };
    try {
      const response = (await browser.runtime.sendMessage(request)) as MatchResponse | undefined;
      if (!response || !response.ok) return texts.map(() => []);
      this.matchingMs += response.ms;
      return response.matches;
    } catch {
      // The extension was reloaded under this page: nothing to match with.
      return texts.map(() => []);
    }
  }
}
