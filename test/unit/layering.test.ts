import { describe, expect, it } from 'vitest';
import { highlightCss, highlightName, HIGHLIGHT_STYLES, PALETTE_COLOURS } from '../../src/core/highlight-styles.js';
import { layerMatches } from '../../src/core/layering.js';
import type { IdMatch } from '../../src/core/matcher.js';

const m = (id: string, start: number, end: number): IdMatch => ({ id, type: 'place', start, end, gated: false, topicEvidence: true });

describe('layerMatches', () => {
  it("keeps every one of the reader's matches and drops bundled ones that overlap them", () => {
    const own = [m('user:damascus', 10, 18)];
    const bundled = [m('idlib', 0, 5), m('damascus', 10, 18), m('rif-dimashq', 6, 18), m('homs', 20, 24)];
    expect(layerMatches(own, bundled).map((x) => x.id)).toEqual(['idlib', 'user:damascus', 'homs']);
  });

  it('is the other list when one is empty', () => {
    expect(layerMatches([], [m('a', 0, 1)])).toEqual([m('a', 0, 1)]);
    expect(layerMatches([m('b', 2, 3)], [])).toEqual([m('b', 2, 3)]);
  });
});

describe('highlightCss', () => {
  it('has a rule for every painted look and none for "hover", which paints only the hovered name', () => {
    const css = highlightCss();
    for (const style of HIGHLIGHT_STYLES.filter((s) => s !== 'hover')) {
      for (const colour of PALETTE_COLOURS) expect(css).toContain(`::highlight(${highlightName(style, colour)})`);
    }
    expect(css).not.toContain('::highlight(backstory-hover-');
    expect(css).toContain('::highlight(backstory-hovered)');
    expect(css).toContain('::highlight(backstory-active)');
  });

  it('hangs every rule on the root for a browser that inherits highlight styles, else on every element', () => {
    const onRoot = highlightCss('root').trim().split('\n');
    const onEvery = highlightCss('every-element').trim().split('\n');
    expect(onRoot).toHaveLength(onEvery.length);
    expect(onRoot.every((rule) => rule.startsWith('html::highlight(backstory-'))).toBe(true);
    expect(onEvery.every((rule) => rule.startsWith('::highlight(backstory-'))).toBe(true);
  });
});
