import { describe, expect, it } from 'vitest';
import { detectPublicationDate, parseHumanDate, parseUrlDate, periodEnd, splitTimeline, type DateEvidence } from '../../src/core/published.js';

const TODAY = '2026-11-25';
const none: DateEvidence = { jsonLd: [], meta: [], itemprop: [], times: [], bylines: [], url: 'https://example.org/news/story' };

describe('parseHumanDate', () => {
  it.each([
    ['January 10, 2018 at 2:18 pm', '2018-01-10'],
    ['Jan. 10, 2018', '2018-01-10'],
    ['Published Wed 10 January 2018 09.30 GMT', '2018-01-10'],
    ['10th January 2018', '2018-01-10'],
    ['5. Januar 2025, 14:03 Uhr', '2025-01-05'],
    ['2 novembre 2023', '2023-11-02'],
    ['le 10 janvier 2018', '2018-01-10'],
    ['10 de enero de 2018', '2018-01-10'],
    ['10 يناير 2018', '2018-01-10'],
    ['20 آب 2013', '2013-08-20'],
    ['2018-01-10T14:18:00Z', '2018-01-10'],
    ['10.01.2018', '2018-01-10'],
    ['01/25/2018', '2018-01-25'],
  ])('%s → %s', (text, expected) => {
    expect(parseHumanDate(text, TODAY)).toBe(expected);
  });

  it('rejects impossible and future dates, and text without a date', () => {
    expect(parseHumanDate('February 30, 2018', TODAY)).toBeNull();
    expect(parseHumanDate('January 1, 2031', TODAY)).toBeNull();
    expect(parseHumanDate('May the force be with you', TODAY)).toBeNull();
  });
});

describe('parseUrlDate', () => {
  it('reads the common address forms', () => {
    expect(parseUrlDate('https://x.org/2018/01/10/syria-talks/', TODAY)).toBe('2018-01-10');
    expect(parseUrlDate('https://x.org/world/2023-11-02-gaza', TODAY)).toBe('2023-11-02');
    expect(parseUrlDate('https://x.org/news/20180110/story', TODAY)).toBe('2018-01-10');
    expect(parseUrlDate('https://x.org/news/12345678/story', TODAY)).toBeNull();
  });
});

describe('detectPublicationDate', () => {
  it('trusts JSON-LD datePublished of an article first, through @graph', () => {
    const jsonLd = [JSON.stringify({ '@graph': [{ '@type': 'WebPage', datePublished: '2001-01-01' }, { '@type': 'NewsArticle', datePublished: '2018-01-10T14:18:00Z' }] })];
    const meta = [{ key: 'article:published_time', content: '2017-05-05' }];
    expect(detectPublicationDate({ ...none, jsonLd, meta }, TODAY)).toEqual({ date: '2018-01-10', source: 'json-ld' });
  });

  it('falls through broken JSON-LD to meta, itemprop, time, byline and URL in turn', () => {
    expect(detectPublicationDate({ ...none, jsonLd: ['{broken'], meta: [{ key: 'og:title', content: 'x' }, { key: 'article:published_time', content: '2018-01-10T09:00:00+01:00' }] }, TODAY)).toEqual({ date: '2018-01-10', source: 'meta' });
    expect(detectPublicationDate({ ...none, itemprop: ['2024-08-08'] }, TODAY)).toEqual({ date: '2024-08-08', source: 'itemprop' });
    expect(detectPublicationDate({ ...none, times: ['2023-11-02T10:00'] }, TODAY)).toEqual({ date: '2023-11-02', source: 'time' });
    expect(detectPublicationDate({ ...none, bylines: ['By A. Writer', 'January 10, 2018 at 2:18 pm'] }, TODAY)).toEqual({ date: '2018-01-10', source: 'byline' });
    expect(detectPublicationDate({ ...none, url: 'https://x.org/2015/03/18/us-israel' }, TODAY)).toEqual({ date: '2015-03-18', source: 'url' });
    expect(detectPublicationDate(none, TODAY)).toBeNull();
  });

  it("reads Parse.ly's page metadata, and uses other <time>s on the page only as a last resort", () => {
    const parsely = { key: 'parsely-page', content: '{"title":"x","pub_date":"2015-01-14T14:40:00Z"}' };
    expect(detectPublicationDate({ ...none, meta: [parsely] }, TODAY)).toEqual({ date: '2015-01-14', source: 'meta' });
    expect(detectPublicationDate({ ...none, otherTimes: ['2016-12-01T23:29:49Z'] }, TODAY)).toEqual({ date: '2016-12-01', source: 'time' });
    expect(detectPublicationDate({ ...none, otherTimes: ['2016-12-01'], url: 'https://x.org/2015/03/18/a' }, TODAY)).toEqual({ date: '2015-03-18', source: 'url' });
  });
});

describe('splitTimeline', () => {
  const timeline = [
    { date: '2013', text: 'siege begins' },
    { date: '2017-05-04', text: 'de-escalation zone' },
    { date: '2018-01', text: 'January, unknown day' },
    { date: '2018-01-10', text: 'the day of the article' },
    { date: '2018-02-18', text: 'offensive' },
    { date: '2018', text: 'year of the offensive' },
  ];

  it('puts what was known by the date before, and the rest after', () => {
    const { before, after } = splitTimeline(timeline, '2018-01-10');
    expect(before.map((e) => e.text)).toEqual(['siege begins', 'de-escalation zone', 'the day of the article']);
    expect(after.map((e) => e.text)).toEqual(['January, unknown day', 'offensive', 'year of the offensive']);
  });

  it('knows the last day of a month or year', () => {
    expect(periodEnd('2024-02')).toBe('2024-02-29');
    expect(periodEnd('2018')).toBe('2018-12-31');
    expect(periodEnd('2018-03-05')).toBe('2018-03-05');
  });
});
