/**
 * The reader's own glossary over the bundled one. Both are matched separately (the bundled
 * matcher is compiled at build time; the reader's is small and compiled when they save), and
 * their matches are layered here: a reader's match always stands, and a bundled match that
 * overlaps any of the reader's is dropped. So a reader's entry with the same alias as a
 * bundled one wins, and so does a longer or shorter name of theirs over the same words.
 */

import type { IdMatch } from './matcher.js';

/** Both lists sorted by start (as the matchers return them); the result is sorted too. */
export function layerMatches(own: readonly IdMatch[], bundled: readonly IdMatch[]): IdMatch[] {
  if (own.length === 0) return [...bundled];
  if (bundled.length === 0) return [...own];
  const kept = bundled.filter((b) => !own.some((o) => o.start < b.end && b.start < o.end));
  return [...own, ...kept].sort((a, b) => a.start - b.start);
}
