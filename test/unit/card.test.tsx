// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { Card, type CardProps } from '../../src/ui/Card.js';
import type { EntryView } from '../../src/shared/messages.js';
import { entry } from './fixtures.js';

const view: EntryView = {
  entry: entry('douma', 'Douma', [], 'place', {
    subtype: 'city',
    summary: 'Largest town of Eastern Ghouta. <img src=x onerror="window.pwned=1">',
    facts: [{ label: 'Governorate', value: 'Rif Dimashq' }],
    timeline: [{ date: '2018-04-07', text: 'Suspected chemical attack.' }],
    sources: [{ title: 'Douma', url: 'https://en.wikipedia.org/wiki/Douma,_Syria', publisher: 'Wikipedia' }],
    lastReviewed: '2026-11-25',
  }),
  related: [{ id: 'eastern-ghouta', name: 'Eastern Ghouta', type: 'place' }],
  map: {
    width: 320,
    height: 170,
    shapes: [
      { name: 'Lebanon', d: 'M0,0L10,0L10,10Z', home: false },
      { name: 'Syria', d: 'M10,0L20,0L20,10Z', home: true },
    ],
    marker: { x: 15, y: 5 },
    country: 'Syria',
  },
};

function mount(props: Partial<CardProps> = {}) {
  const root = document.createElement('div');
  document.body.appendChild(root);
  const handlers = { onOpenRelated: vi.fn(), onClose: vi.fn(), onBack: undefined, asOf: null, onSetDate: vi.fn(), today: '2026-11-25', ...props };
  render(<Card view={view} {...handlers} />, root);
  return { root, handlers };
}

describe('Card', () => {
  it('is a dialog named by the entry it shows', () => {
    const { root } = mount();
    const dialog = root.querySelector('[role="dialog"]')!;
    const title = root.querySelector(`#${dialog.getAttribute('aria-labelledby')}`)!;
    expect(title.textContent).toBe('Douma');
  });

  it('shows type, summary, facts, a dated timeline, related names, sources and the review date', () => {
    const text = mount().root.textContent!;
    for (const part of ['Place · city', 'Largest town', 'Governorate', 'Rif Dimashq', '7 Apr 2018', 'Suspected chemical attack.', 'Eastern Ghouta', 'Douma (Wikipedia)', 'Last reviewed 25 Nov 2026']) {
      expect(text).toContain(part);
    }
  });

  it('shows a locator map that names the place and its country for screen readers', () => {
    const { root } = mount();
    const map = root.querySelector('svg[role="img"]')!;
    expect(map.getAttribute('aria-label')).toBe('Location of Douma in Syria');
    expect(map.querySelectorAll('path')).toHaveLength(2);
    expect(map.querySelector('path.home')).not.toBeNull();
    expect(map.querySelector('circle')).not.toBeNull();
  });

  it('renders glossary text as text, never as markup', () => {
    const { root } = mount();
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror="window.pwned=1">');
  });

  it('opens related names, closes, and offers Back only when there is somewhere to go back to', () => {
    const { root, handlers } = mount();
    expect(root.querySelector('[aria-label="Back to the previous card"]')).toBeNull();
    (root.querySelector('.related button') as HTMLButtonElement).click();
    expect(handlers.onOpenRelated).toHaveBeenCalledWith(view.related[0]);
    (root.querySelector('[aria-label="Close card"]') as HTMLButtonElement).click();
    expect(handlers.onClose).toHaveBeenCalled();
    const onBack = vi.fn();
    const second = mount({ onBack });
    (second.root.querySelector('[aria-label="Back to the previous card"]') as HTMLButtonElement).click();
    expect(onBack).toHaveBeenCalled();
  });

  it('tells the timeline as of the article date, with what came after under "Since this article"', () => {
    const timeline = [
      { date: '2013', text: 'Siege begins.' },
      { date: '2018-02-18', text: 'Offensive begins.' },
      { date: '2018-04-12', text: 'Government retakes the area.' },
    ];
    const dated = { ...view, entry: { ...view.entry, timeline } };
    const root = document.createElement('div');
    document.body.appendChild(root);
    render(<Card view={dated} asOf={{ date: '2018-01-10', source: 'byline' }} onSetDate={vi.fn()} today="2026-11-25" onOpenRelated={vi.fn()} onClose={vi.fn()} />, root);
    expect(root.textContent).toContain('Background as of 10 Jan 2018');
    expect(root.textContent).toContain("the article's date, from its byline");
    const since = root.querySelector('details.since')!;
    expect(since.querySelector('summary')!.textContent).toBe('Since this article (2)');
    expect(since.textContent).toContain('Offensive begins.');
    expect(root.querySelector('ol.timeline')!.textContent).toContain('Siege begins.');
    expect(root.querySelector('ol.timeline')!.textContent).not.toContain('Offensive begins.');
  });

  it('lets the reader choose another date, or today', () => {
    const onSetDate = vi.fn();
    const { root } = mount({ onSetDate, view: { ...view, entry: { ...view.entry, timeline: [{ date: '2013', text: 'x' }] } } });
    expect(root.textContent).toContain('Background as of today');
    const change = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Change date')!;
    change.click();
    return Promise.resolve().then(async () => {
      await new Promise((r) => setTimeout(r, 0));
      const today = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Use today')!;
      today.click();
      expect(onSetDate).toHaveBeenCalledWith(null);
    });
  });

  it('opens sources in a new tab without giving the page a handle on the opener', () => {
    const link = mount().root.querySelector('.sources a')!;
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
  });
});
