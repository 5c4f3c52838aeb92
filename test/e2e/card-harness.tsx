/**
 * Renders the real Card component with the real card stylesheet into OPEN shadow roots, so
 * that axe-core (which by design cannot enter the extension's closed root) can check it in a
 * real browser: light, dark and right-to-left, with a locator map and a dated timeline.
 */
import { render } from 'preact';
import { Card } from '../../src/ui/Card.js';
import cardCss from '../../src/ui/card.css';
import type { EntryView } from '../../src/shared/messages.js';

declare const HARNESS_MAP: EntryView['map'];

const view: EntryView = {
  entry: {
    id: 'douma',
    name: 'Douma',
    type: 'place',
    subtype: 'city',
    aliases: [],
    summary: 'Largest town of Eastern Ghouta, north-east of Damascus. Held by Jaish al-Islam until April 2018.',
    facts: [
      { label: 'Governorate', value: 'Rif Dimashq' },
      { label: 'Population (2004)', value: 'about 110,000' },
    ],
    timeline: [
      { date: '2013', text: 'Government forces tighten the siege of Eastern Ghouta.' },
      { date: '2018-04-07', text: 'A suspected chemical attack kills dozens.' },
      { date: '2018-04-12', text: 'The last fighters leave; the government retakes the town.' },
    ],
    related: ['eastern-ghouta'],
    coordinates: { lat: 33.57, lon: 36.4 },
    sources: [{ title: 'Douma', url: 'https://en.wikipedia.org/wiki/Douma,_Syria', publisher: 'Wikipedia' }],
    lastReviewed: '2026-11-25',
  },
  related: [
    { id: 'eastern-ghouta', name: 'Eastern Ghouta', type: 'place' },
    { id: 'jaish-al-islam', name: 'Jaish al-Islam', type: 'armed-group' },
  ],
  map: HARNESS_MAP,
};

const arabic: EntryView = {
  ...view,
  entry: { ...view.entry, id: 'douma-ar', name: 'دوما', summary: 'أكبر مدن الغوطة الشرقية، شمال شرق دمشق.' },
};

function mount(id: string, theme: string, data: EntryView, dir = 'ltr'): void {
  const host = document.createElement('section');
  host.id = id;
  host.dir = dir;
  host.setAttribute('aria-label', `${id} card`);
  document.body.appendChild(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = cardCss;
  shadow.appendChild(style);
  const root = document.createElement('div');
  root.className = `theme-${theme}`;
  shadow.appendChild(root);
  render(
    <Card view={data} asOf={{ date: '2018-04-08', source: 'meta' }} onSetDate={() => {}} today="2026-11-25" onOpenRelated={() => {}} onClose={() => {}} onBack={() => {}} />,
    root,
  );
}

mount('light', 'light', view);
mount('dark', 'dark', view);
mount('rtl', 'light', arabic, 'rtl');
document.body.dataset.ready = 'yes';
