// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { Card } from '../../src/ui/Card.js';
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
};

function mount(props: Partial<Parameters<typeof Card>[0]> = {}) {
  const root = document.createElement('div');
  document.body.appendChild(root);
  const handlers = { onOpenRelated: vi.fn(), onClose: vi.fn(), onBack: undefined, ...props };
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

  it('opens sources in a new tab without giving the page a handle on the opener', () => {
    const link = mount().root.querySelector('.sources a')!;
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
  });
});
