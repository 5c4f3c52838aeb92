import { describe, expect, it } from 'vitest';
import { placeCard } from '../../src/core/layout.js';

const viewport = { width: 1280, height: 800 };
const card = { width: 380, height: 420 };
const line = (top: number, left = 200, width = 120) => ({ left, right: left + width, top, bottom: top + 20 });
const overlapsLine = (p: { y: number }, h: number, l: { top: number; bottom: number }) => p.y < l.bottom && p.y + h > l.top;

describe('placeCard', () => {
  it('goes below the line when it fits, aligned with the name', () => {
    expect(placeCard(line(100), card, viewport)).toEqual({ x: 200, y: 126, side: 'below', maxHeight: 666 });
  });

  it('goes above when there is not room below and more room above', () => {
    const p = placeCard(line(600), card, viewport);
    expect(p.side).toBe('above');
    expect(p.y + Math.min(card.height, p.maxHeight)).toBe(600 - 6);
  });

  it('never covers the line, wherever the line is', () => {
    for (let top = 0; top <= 780; top += 20) {
      const l = line(top);
      const p = placeCard(l, card, viewport);
      expect(overlapsLine(p, Math.min(card.height, p.maxHeight), l), `line at ${top}`).toBe(false);
    }
  });

  it('caps its height to the room on its side, so it scrolls inside instead of leaving the screen', () => {
    const p = placeCard(line(380), { width: 380, height: 900 }, viewport);
    expect(p.maxHeight).toBeLessThanOrEqual(Math.max(380 - 6 - 8, 800 - 400 - 6 - 8));
    expect(p.y).toBeGreaterThanOrEqual(8);
  });

  it('stays inside the viewport sideways', () => {
    expect(placeCard(line(100, 1200), card, viewport).x).toBe(1280 - 380 - 8);
    expect(placeCard(line(100, -50), card, viewport).x).toBe(8);
    expect(placeCard(line(100, 10), card, { width: 300, height: 800 }).x).toBe(8);
  });

  it('aligns with the right edge of the name on right-to-left pages', () => {
    expect(placeCard(line(100, 700, 100), card, viewport, { rtl: true }).x).toBe(800 - 380);
  });
});
