/**
 * Which mention is under a point of the viewport: the caret position at the point gives a
 * text node and offset, the mention index gives the candidates there, and the candidate's
 * line boxes confirm that the point is really on it (the caret snaps to the nearest
 * character even when the pointer is in a margin).
 */

import type { Mention, MentionIndex } from './mentions.js';

export interface Caret {
  node: Node;
  offset: number;
}

export function caretAt(x: number, y: number): Caret | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof document.caretRangeFromPoint === 'function') {
    const range = document.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/** A live Range over a mention, for measuring it. */
export function rangeOf(mention: Mention): Range {
  const r = mention.range;
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  return range;
}

/** Tolerance around line boxes, so the edges of a word do not flicker. */
const SLOP = 2;

function rectHolds(rect: DOMRect, x: number, y: number): boolean {
  return x >= rect.left - SLOP && x <= rect.right + SLOP && y >= rect.top - SLOP && y <= rect.bottom + SLOP;
}

export interface Hit {
  mention: Mention;
  /** The line box of the mention that holds the point (a name may wrap over two lines). */
  line: DOMRect;
}

export function mentionAt(index: MentionIndex, x: number, y: number): Hit | null {
  const caret = caretAt(x, y);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return null;
  for (const mention of index.at(caret.node as Text, caret.offset)) {
    for (const rect of rangeOf(mention).getClientRects()) {
      if (rectHolds(rect, x, y)) return { mention, line: rect };
    }
  }
  return null;
}

/** The line box of a mention nearest to where it was hovered, measured now (after scrolling). */
export function lineRect(mention: Mention, lineIndex: number): DOMRect {
  const rects = rangeOf(mention).getClientRects();
  return rects[Math.min(lineIndex, rects.length - 1)] ?? rangeOf(mention).getBoundingClientRect();
}

export function lineIndexOf(mention: Mention, line: DOMRect): number {
  const rects = [...rangeOf(mention).getClientRects()];
  const i = rects.findIndex((r) => r.top === line.top && r.left === line.left);
  return Math.max(0, i);
}
