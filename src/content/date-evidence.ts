/**
 * Collects what a page says about its publication date, for src/core/published.ts to weigh.
 * Reads only: JSON-LD scripts' text, meta tags, datePublished microdata, <time> elements and
 * short texts around the headline, and the address.
 */

import type { DateEvidence } from '../core/published.js';

/** Bylines are short; anything longer near the headline is body text. */
const MAX_BYLINE = 200;
/** How many elements after the headline may hold the byline. */
const BYLINE_REACH = 12;
/** Class names publishers give bylines and datelines. */
const BYLINE_SELECTOR = [
  'byline', 'dateline', 'timestamp', 'publish', 'pubdate', 'post-date', 'article-date', 'entry-date', 'story-date',
].map((name) => `[class*="${name}" i]`).join(', ');

export function collectDateEvidence(doc: Document, roots: readonly Element[]): DateEvidence {
  const jsonLd = [...doc.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? '');
  const meta = [...doc.querySelectorAll('meta[content]')].flatMap((m) => {
    const key = m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop');
    return key ? [{ key, content: m.getAttribute('content') ?? '' }] : [];
  });
  const itemprop = [...doc.querySelectorAll('[itemprop="datePublished"]')].map(
    (el) => el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent ?? '',
  );
  const headline = doc.querySelector('h1');
  const scope = [headline?.parentElement, ...roots].filter((el): el is Element => el != null);
  const times = scope.flatMap((el) => [...el.querySelectorAll('time')]).map((t) => t.getAttribute('datetime') ?? t.textContent ?? '');
  const bylines: string[] = [];
  const addByline = (el: Element): void => {
    const text = (el.textContent ?? '').trim();
    if (text && text.length <= MAX_BYLINE) bylines.push(text);
  };
  for (let el = headline?.nextElementSibling ?? null, n = 0; el && n < BYLINE_REACH; el = el.nextElementSibling, n++) addByline(el);
  // Bylines and datelines that publishers mark by class, in the article or around its headline.
  for (const el of scope.flatMap((s) => [...s.querySelectorAll(BYLINE_SELECTOR)]).slice(0, BYLINE_REACH)) addByline(el);
  const otherTimes = [...doc.querySelectorAll('time[datetime]')].map((t) => t.getAttribute('datetime') ?? '');
  return { jsonLd, meta, itemprop, times, bylines, url: doc.location?.href ?? '', otherTimes };
}
