/**
 * The publication date of an article, from what a page offers, most reliable first:
 * JSON-LD `datePublished`; publication meta tags; `itemprop="datePublished"`; `<time>` in the
 * article's header; a visible byline ("January 10, 2018 at 2:18 pm", "10. Januar 2018",
 * "10 gennaio 2018"...); a date in the URL. The DOM is read by the content script; this
 * module only parses what it was given.
 */

export interface DateEvidence {
  /** Texts of `<script type="application/ld+json">` elements. */
  jsonLd: string[];
  /** `<meta>` tags as name-or-property → content. */
  meta: { key: string; content: string }[];
  /** Values of `itemprop="datePublished"` (content/datetime attribute or text). */
  itemprop: string[];
  /** `<time>` elements near the headline: their datetime attribute, or text. */
  times: string[];
  /** Short visible texts near the headline that may be a byline or dateline. */
  bylines: string[];
  url: string;
  /** `<time datetime>` anywhere else on the page: the last resort, as sidebars carry other dates. */
  otherTimes?: string[];
}

export type DateSource = 'json-ld' | 'meta' | 'itemprop' | 'time' | 'byline' | 'url';

export interface PublicationDate {
  /** YYYY-MM-DD */
  date: string;
  source: DateSource;
}

/** Meta names and properties that carry the publication date, in order of trust. */
const META_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'datepublished',
  'date.published',
  'publish-date',
  'publishdate',
  'pubdate',
  'publication_date',
  'sailthru.date',
  'parsely-pub-date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.created',
  'date',
];

const ARTICLE_TYPES = /Article|Posting|Report|News/i;

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  // English, German, French, Italian, Spanish, Arabic (Levantine and Egyptian/Gulf names)
  ['january', 'jan', 'januar', 'janvier', 'janv', 'gennaio', 'gen', 'enero', 'ene', 'كانون الثاني', 'يناير'],
  ['february', 'feb', 'februar', 'février', 'fevrier', 'févr', 'febbraio', 'febrero', 'شباط', 'فبراير'],
  ['march', 'mar', 'märz', 'maerz', 'mars', 'marzo', 'آذار', 'مارس'],
  ['april', 'apr', 'avril', 'avr', 'aprile', 'abril', 'abr', 'نيسان', 'أبريل', 'ابريل'],
  ['may', 'mai', 'maggio', 'mag', 'mayo', 'أيار', 'مايو'],
  ['june', 'jun', 'juni', 'juin', 'giugno', 'giu', 'junio', 'حزيران', 'يونيو'],
  ['july', 'jul', 'juli', 'juillet', 'juil', 'luglio', 'lug', 'julio', 'تموز', 'يوليو'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'آب', 'أغسطس', 'اغسطس'],
  ['september', 'sep', 'sept', 'septembre', 'settembre', 'set', 'septiembre', 'أيلول', 'سبتمبر'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'ottobre', 'ott', 'octubre', 'تشرين الأول', 'أكتوبر', 'اكتوبر'],
  ['november', 'nov', 'novembre', 'noviembre', 'تشرين الثاني', 'نوفمبر'],
  ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', 'dicembre', 'dic', 'diciembre', 'كانون الأول', 'ديسمبر'],
];
MONTH_NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));
const MONTH_PATTERN = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .map((n) => n.replace(/\./g, '\\.'))
  .join('|');

const pad = (n: number): string => String(n).padStart(2, '0');

function isoIfValid(year: number, month: number, day: number, today: string): string | null {
  if (year < 1990 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  return iso <= today ? iso : null;
}

/** An ISO 8601 timestamp or date ("2018-01-10T14:18:00+00:00", "2018-01-10"). */
function parseIso(value: string, today: string): string | null {
  const m = /(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return m ? isoIfValid(Number(m[1]), Number(m[2]), Number(m[3]), today) : null;
}

/**
 * A date written for people: "January 10, 2018", "Jan. 10, 2018", "10 January 2018",
 * "10. Januar 2018", "10 janvier 2018", "10 de enero de 2018", "10 يناير 2018", and
 * numeric "2018-01-10", "10.01.2018", "10/01/2018" (day first, as outside the US; a first
 * number over 12 settles it).
 */
export function parseHumanDate(text: string, today: string): string | null {
  const t = text.toLowerCase();
  const iso = parseIso(t, today);
  if (iso) return iso;
  const monthFirst = new RegExp(`(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, 'u').exec(t);
  if (monthFirst) return isoIfValid(Number(monthFirst[3]), MONTHS[monthFirst[1]!]!, Number(monthFirst[2]), today);
  const dayFirst = new RegExp(`(\\d{1,2})(?:st|nd|rd|th|er|\\.|º)?\\s+(?:de\\s+)?(${MONTH_PATTERN})\\.?,?\\s+(?:de\\s+)?(\\d{4})`, 'u').exec(t);
  if (dayFirst) return isoIfValid(Number(dayFirst[3]), MONTHS[dayFirst[2]!]!, Number(dayFirst[1]), today);
  const numeric = /\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/.exec(t);
  if (numeric) {
    const a = Number(numeric[1]);
    const b = Number(numeric[2]);
    const year = Number(numeric[3]);
    return b > 12 ? isoIfValid(year, a, b, today) : isoIfValid(year, b, a, today);
  }
  return null;
}

/** Dates in addresses: /2018/01/10/, /2018-01-10/, /20180110/. */
export function parseUrlDate(url: string, today: string): string | null {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '');
  const m =
    /\/(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\/|$)/.exec(path) ??
    /(?:^|[/_-])(\d{4})-(\d{2})-(\d{2})(?:[/_.-]|$)/.exec(path) ??
    /\/(\d{4})(\d{2})(\d{2})(?:[/_.-]|$)/.exec(path);
  return m ? isoIfValid(Number(m[1]), Number(m[2]), Number(m[3]), today) : null;
}

function* jsonLdDates(texts: string[]): Generator<string> {
  const visit = function* (node: unknown): Generator<string> {
    if (Array.isArray(node)) {
      for (const item of node) yield* visit(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    const type = record['@type'];
    const types = Array.isArray(type) ? type.join(' ') : String(type ?? '');
    if (ARTICLE_TYPES.test(types) && typeof record.datePublished === 'string') yield record.datePublished;
    if (record['@graph']) yield* visit(record['@graph']);
    if (record.mainEntity) yield* visit(record.mainEntity);
  };
  for (const text of texts) {
    try {
      yield* visit(JSON.parse(text));
    } catch {
      // Broken JSON-LD is common on real pages; the other evidence still counts.
    }
  }
}

/** The most trustworthy publication date in the evidence, or null. `today` is YYYY-MM-DD. */
export function detectPublicationDate(evidence: DateEvidence, today: string): PublicationDate | null {
  for (const value of jsonLdDates(evidence.jsonLd)) {
    const date = parseIso(value, today);
    if (date) return { date, source: 'json-ld' };
  }
  for (const meta of evidence.meta) {
    // Parse.ly's page metadata: JSON in a meta tag, used by many news sites.
    if (meta.key.toLowerCase() !== 'parsely-page') continue;
    try {
      const pubDate = (JSON.parse(meta.content) as { pub_date?: unknown }).pub_date;
      const date = typeof pubDate === 'string' ? parseIso(pubDate, today) : null;
      if (date) return { date, source: 'meta' };
    } catch {
      // Not JSON: ignore.
    }
  }
  for (const key of META_KEYS) {
    for (const meta of evidence.meta) {
      if (meta.key.toLowerCase() !== key) continue;
      const date = parseIso(meta.content, today) ?? parseHumanDate(meta.content, today);
      if (date) return { date, source: 'meta' };
    }
  }
  for (const value of evidence.itemprop) {
    const date = parseIso(value, today) ?? parseHumanDate(value, today);
    if (date) return { date, source: 'itemprop' };
  }
  for (const value of evidence.times) {
    const date = parseIso(value, today) ?? parseHumanDate(value, today);
    if (date) return { date, source: 'time' };
  }
  for (const text of evidence.bylines) {
    const date = parseHumanDate(text, today);
    if (date) return { date, source: 'byline' };
  }
  const fromUrl = parseUrlDate(evidence.url, today);
  if (fromUrl) return { date: fromUrl, source: 'url' };
  for (const value of evidence.otherTimes ?? []) {
    const date = parseIso(value, today);
    if (date) return { date, source: 'time' };
  }
  return null;
}

/** The last day an ISO date at any precision covers: "2018" → "2018-12-31". */
export function periodEnd(date: string): string {
  const [year, month, day] = date.split('-');
  if (day) return date;
  if (month) {
    const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    return `${year}-${month}-${pad(last)}`;
  }
  return `${year}-12-31`;
}

/**
 * Splits a timeline at a date: what a reader on that date could have known, and what came
 * after. An event dated only to a month or year that ends after the date counts as after:
 * nothing is presented as known before it could have been.
 */
export function splitTimeline<T extends { date: string }>(timeline: readonly T[], asOf: string): { before: T[]; after: T[] } {
  const before: T[] = [];
  const after: T[] = [];
  for (const event of timeline) (periodEnd(event.date) <= asOf ? before : after).push(event);
  return { before, after };
}
