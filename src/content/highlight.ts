/**
 * Paints mentions through the CSS Custom Highlight API: one named Highlight per look (an
 * underline style and a colour from src/core/highlight-styles.ts, styled by the rules the
 * build writes into content.css), one for the mention whose card is open, and one for the
 * mention under the pointer when the reader chose "nothing until hover". No element of the
 * page is touched.
 *
 * The page shares the CSS.highlights registry with us and may clear it; `reassert` puts our
 * highlights back when they have gone.
 */

import type { EntityType } from '../core/glossary-types.js';
import { ACTIVE_HIGHLIGHT, DEFAULT_COLOURS, HOVERED_HIGHLIGHT, highlightName, type HighlightStyle, type PaletteColour } from '../core/highlight-styles.js';

export { HIGHLIGHT_PREFIX, ACTIVE_HIGHLIGHT } from '../core/highlight-styles.js';

export function highlightApiAvailable(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** The reader's choice of look: one style for all, a colour per type. */
export interface Look {
  style: HighlightStyle;
  colours: Record<EntityType, PaletteColour>;
}

export const DEFAULT_LOOK: Look = { style: 'dotted', colours: DEFAULT_COLOURS };

export class HighlightLayer {
  private readonly byName = new Map<string, Highlight>();
  private look: Look = DEFAULT_LOOK;

  /** A new look: every mention must be added again (the caller rescans). */
  setLook(look: Look): void {
    this.look = look;
    this.clear();
  }

  get style(): HighlightStyle {
    return this.look.style;
  }

  private nameFor(type: EntityType): string {
    return highlightName(this.look.style, this.look.colours[type]);
  }

  add(type: EntityType, range: AbstractRange): void {
    this.highlight(this.nameFor(type)).add(range);
  }

  delete(type: EntityType, range: AbstractRange): void {
    this.byName.get(this.nameFor(type))?.delete(range);
  }

  /** Removes every highlight of ours from the page. */
  clear(): void {
    for (const [name, highlight] of this.byName) {
      highlight.clear();
      if (CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
    }
    this.byName.clear();
  }

  /** Marks one mention as the current one (its card is open), or none. */
  setActive(range: AbstractRange | null): void {
    this.setSingle(ACTIVE_HIGHLIGHT, range);
  }

  /** The mention under the pointer, painted only when names are otherwise unpainted. */
  setHovered(range: AbstractRange | null): void {
    if (this.look.style !== 'hover' && !this.byName.has(HOVERED_HIGHLIGHT)) return;
    this.setSingle(HOVERED_HIGHLIGHT, this.look.style === 'hover' ? range : null);
  }

  private setSingle(name: string, range: AbstractRange | null): void {
    if (!range && !this.byName.has(name)) return;
    const highlight = this.highlight(name);
    highlight.clear();
    if (range) highlight.add(range);
  }

  /** Puts back any of our highlights that a page script removed or replaced. */
  reassert(): void {
    for (const [name, highlight] of this.byName) {
      if (CSS.highlights.get(name) !== highlight) CSS.highlights.set(name, highlight);
    }
  }

  /** Number of highlighted ranges, all types together (the active and hovered ones excluded). */
  get size(): number {
    let total = 0;
    for (const [name, h] of this.byName) if (name !== ACTIVE_HIGHLIGHT && name !== HOVERED_HIGHLIGHT) total += h.size;
    return total;
  }

  private highlight(name: string): Highlight {
    let highlight = this.byName.get(name);
    if (!highlight) {
      highlight = new Highlight();
      // The open and hovered mentions paint over the per-type look.
      if (name === ACTIVE_HIGHLIGHT || name === HOVERED_HIGHLIGHT) highlight.priority = 1;
      this.byName.set(name, highlight);
      CSS.highlights.set(name, highlight);
    }
    return highlight;
  }
}
