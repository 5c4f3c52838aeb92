/**
 * Where the card goes: a pure function from measurements to a position, so that every
 * placement decision is unit-tested (Wikipedia's Page Previews lays out its cards the same
 * way). The card never covers the line being read: it goes below the line, or above it when
 * there is not room below and there is more above; it is kept inside the viewport sideways;
 * its height is capped to the room on its side, and it scrolls inside.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Placement {
  x: number;
  y: number;
  side: 'below' | 'above';
  /** The most the card may be tall on its side; it scrolls inside beyond that. */
  maxHeight: number;
}

export interface LayoutOptions {
  /** Space between the line and the card. */
  gap?: number;
  /** Space kept between the card and the viewport's edges. */
  margin?: number;
  /** Right-to-left text: the card aligns with the line's right edge. */
  rtl?: boolean;
  /** The card is never squeezed below this height; it then takes the roomier side. */
  minHeight?: number;
}

export function placeCard(line: Box, card: Size, viewport: Size, options: LayoutOptions = {}): Placement {
  const { gap = 6, margin = 8, rtl = false, minHeight = 160 } = options;
  const roomBelow = viewport.height - line.bottom - gap - margin;
  const roomAbove = line.top - gap - margin;
  const side = card.height <= roomBelow || roomBelow >= roomAbove ? 'below' : 'above';
  const room = side === 'below' ? roomBelow : roomAbove;
  const maxHeight = Math.max(Math.min(minHeight, Math.max(roomBelow, roomAbove)), Math.floor(room));
  const height = Math.min(card.height, maxHeight);
  const y = side === 'below' ? line.bottom + gap : line.top - gap - height;
  const preferred = rtl ? line.right - card.width : line.left;
  const maxX = viewport.width - card.width - margin;
  const x = maxX < margin ? margin : Math.min(Math.max(preferred, margin), maxX);
  return { x: Math.round(x), y: Math.round(y), side, maxHeight };
}
