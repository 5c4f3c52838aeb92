/**
 * Paints mentions through the CSS Custom Highlight API: one named Highlight per entity type
 * (styled by ::highlight(backstory-<type>) rules in content.css), and one for the mention
 * whose card is open. No element of the page is touched.
 *
 * The page shares the CSS.highlights registry with us and may clear it; `reassert` puts our
 * highlights back when they have gone.
 */

import type { EntityType } from '../core/glossary-types.js';

export const HIGHLIGHT_PREFIX = 'backstory-';
export const ACTIVE_HIGHLIGHT = `${HIGHLIGHT_PREFIX}active`;

export function highlightApiAvailable(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class HighlightLayer {
  private readonly byName = new Map<string, Highlight>();

  add(type: EntityType, range: AbstractRange): void {
    this.highlight(`${HIGHLIGHT_PREFIX}${type}`).add(range);
  }

  delete(type: EntityType, range: AbstractRange): void {
    this.byName.get(`${HIGHLIGHT_PREFIX}${type}`)?.delete(range);
  }

  /** Marks one mention as the current one (its card is open), or none. */
  setActive(range: AbstractRange | null): void {
    const active = this.highlight(ACTIVE_HIGHLIGHT);
    active.clear();
    if (range) active.add(range);
  }

  /** Puts back any of our highlights that a page script removed or replaced. */
  reassert(): void {
    for (const [name, highlight] of this.byName) {
      if (CSS.highlights.get(name) !== highlight) CSS.highlights.set(name, highlight);
    }
  }

  /** Number of highlighted ranges, all types together (the active one excluded). */
  get size(): number {
    let total = 0;
    for (const [name, h] of this.byName) if (name !== ACTIVE_HIGHLIGHT) total += h.size;
    return total;
  }

  private highlight(name: string): Highlight {
    let highlight = this.byName.get(name);
    if (!highlight) {
      highlight = new Highlight();
      // The active mention paints over the per-type underline.
      if (name === ACTIVE_HIGHLIGHT) highlight.priority = 1;
      this.byName.set(name, highlight);
      CSS.highlights.set(name, highlight);
    }
    return highlight;
  }
}
