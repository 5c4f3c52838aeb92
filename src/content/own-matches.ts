/**
 * The reader's own entries in this tab: their compiled matcher (kept in `storage.local` by the
 * options page whenever they save) layered over the bundled source, so their entries are
 * highlighted like bundled ones and win where both know a name.
 */

import { layerMatches } from '../core/layering.js';
import { deserializeMatcher, findIdMatches, type CompiledMatcher } from '../core/matcher.js';
import { loadOwnMatcher, onOwnMatcherChanged } from '../shared/own-glossary-store.js';
import type { MatchSource, RunMatch } from './match-source.js';

export class LayeredMatchSource implements MatchSource {
  private own: CompiledMatcher | null = null;

  constructor(private readonly bundled: MatchSource) {}

  get batchChars(): number {
    return this.bundled.batchChars;
  }

  private ownMatchingMs = 0;

  get matchingMs(): number {
    return this.bundled.matchingMs + this.ownMatchingMs;
  }

  get messagingMs(): number {
    return this.bundled.messagingMs;
  }

  /** Reads the reader's matcher; `changed` is called when they edit their glossary. */
  async load(changed: () => void): Promise<void> {
    this.own = await loadOwnMatcher().then((data) => (data ? deserializeMatcher(data) : null)).catch(() => null);
    onOwnMatcherChanged((data) => {
      this.own = data ? deserializeMatcher(data) : null;
      changed();
    });
  }

  async match(texts: string[]): Promise<RunMatch[][]> {
    const bundled = await this.bundled.match(texts);
    const own = this.own;
    if (!own) return bundled;
    const started = performance.now();
    const layered = texts.map((text, i) => layerMatches(findIdMatches(own, text), bundled[i] ?? []));
    this.ownMatchingMs += performance.now() - started;
    return layered;
  }
}
