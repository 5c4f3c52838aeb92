/**
 * Where a tab's text is matched: in the background, which holds the compiled matcher once for
 * all tabs. The tab sends the text of its runs in batches and applies what comes back.
 *
 * Why not in the tab (as until the matcher issue's third session): a content script starts
 * cold on every page, so matching in the tab ran in V8's interpreter, about 4.6 ms a page on
 * the corpus against 1 ms in the warm background, measured side by side; the tab also had to
 * parse and hold the matcher (~2 MB of heap per tab with the bundled glossary). A message
 * round trip costs latency, not main-thread time. docs/architecture.md has the figures.
 */

import browser from 'webextension-polyfill';
import { unpackMatches, type MatchResponse, type Request, type RunMatch } from '../shared/messages.js';

export type { RunMatch };

export interface MatchSource {
  /** Matches for each text, in order. */
  match(texts: string[]): Promise<RunMatch[][]>;
  /** How many characters to send in one batch. */
  readonly batchChars: number;
  /**
   * Time spent matching, in the background or in this tab, for the benchmark: the scanner
   * counts its own walking and highlighting but not the wait for a batch, so the matching
   * itself is counted here.
   */
  readonly matchingMs: number;
  /**
   * Time this tab's thread spent sending batches and reading the answers, for the benchmark
   * (it counts as scan time: the reader's thread does it). The answer's deserialisation, in
   * the browser's message task before any of our code runs, cannot be timed from here.
   */
  readonly messagingMs: number;
}

export class BackgroundMatchSource implements MatchSource {
  // Matching happens off this thread: batches can be large, fewer round trips. The scanner
  // still cuts the walk that fills a batch into short idle slices.
  readonly batchChars = 200_000;
  matchingMs = 0;
  messagingMs = 0;
  async match(texts: string[]): Promise<RunMatch[][]> {
    const request: Request = { type: 'match', texts };
    try {
      // The message is serialised in the call to sendMessage, before it returns. (Sent as one
      // joined string with lengths it cost more, side by side: 46 ms against 32 ms summed
      // over the corpus, probably as one non-Latin-1 character makes the whole string
      // two-byte.)
      const sending = performance.now();
      const answer = browser.runtime.sendMessage(request) as Promise<MatchResponse | undefined>;
      this.messagingMs += performance.now() - sending;
      const response = await answer;
      if (!response || !response.ok) return texts.map(() => []);
      this.matchingMs += response.ms;
      const reading = performance.now();
      const matches = unpackMatches(response.matches);
      this.messagingMs += performance.now() - reading;
      return matches;
    } catch {
      // The extension was reloaded under this page: nothing to match with.
      return texts.map(() => []);
    }
  }
}
