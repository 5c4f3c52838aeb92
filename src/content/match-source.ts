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
import { deserializeMatcherInSteps, findIdMatches, type CompiledMatcher, type SerializedMatcher } from '../core/matcher.js';
import type { MatchResponse, Request, RunMatch } from '../shared/messages.js';

export type { RunMatch };

export interface MatchSource {
  /** Matches for each text, in order. */
  match(texts: string[]): Promise<RunMatch[][]>;
  /** How many characters to send in one batch: small where matching runs on this thread. */
  readonly batchChars: number;
  /** Time spent matching outside this thread (the background), for the benchmark. */
  readonly elsewhereMs: number;
}

/** Linking work per idle slice: the automaton is made ready without a long task. */
const LINK_SLICE_MS = 6;

export class LocalMatchSource implements MatchSource {
  // Small enough that one batch stays well inside a scanning slice.
  readonly batchChars = 8_000;
  readonly elsewhereMs = 0;
  private readonly matcher: CompiledMatcher;
  private readonly ready: Promise<void>;

  constructor(data: SerializedMatcher, whenIdle: (callback: () => void) => void) {
    const { matcher, step } = deserializeMatcherInSteps(data);
    this.matcher = matcher;
    this.ready = new Promise((resolve) => {
      const work = (): void => (step(LINK_SLICE_MS) ? resolve() : whenIdle(work));
      whenIdle(work);
    });
  }

  async match(texts: string[]): Promise<RunMatch[][]> {
    await this.ready;
    return texts.map((text) => findIdMatches(this.matcher, text));
  }
}

export class RemoteMatchSource implements MatchSource {
  // Matching happens off this thread: batches can be large, fewer round trips.
  readonly batchChars = 200_000;
  elsewhereMs = 0;
  async match(texts: string[]): Promise<RunMatch[][]> {
    const request: Request = { type: 'match', texts };
    try {
      const response = (await browser.runtime.sendMessage(request)) as MatchResponse | undefined;
      if (!response || !response.ok) return texts.map(() => []);
      this.elsewhereMs += response.ms;
      return response.matches;
    } catch {
      // The extension was reloaded under this page: nothing to match with.
      return texts.map(() => []);
    }
  }
}
