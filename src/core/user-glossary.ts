/**
 * The reader's own glossary: its stored form, the checks on an entry typed into the options
 * page, import (JSON or CSV) and export, and how it sits beside the bundled glossary. Pure:
 * storage and the page are the caller's; `today` (YYYY-MM-DD) is always a parameter.
 *
 * ## API
 * - `readUserGlossary(stored, today?)`: stored data (any shape, any version) → the glossary,
 *   the entries that could not be read (`quarantined`, kept aside, never silently dropped) and
 *   readable `problems`. Never throws. Older versions are migrated by `MIGRATIONS`.
 * - `validateUserEntry(input, existing, bundledIds, today)`: the options page's form →
 *   `{ok: true, entry}` or `{ok: false, problems: [{field, message}]}`. An `input.id` that is
 *   one of `existing`'s is an edit of that entry; no id makes a new entry with an id made
 *   from the name. Store the entry with `upsertUserEntry`, delete with `removeUserEntry`.
 * - `parseImport(text, format, existing, bundledIds, today)`: a file's text → errors naming
 *   line/entry/field, or a preview (added, replaced, unchanged) and the glossary to store.
 *   All or nothing. `formatImportError` words an error for people.
 * - `exportJson(glossary)`, `exportCsv(glossary)`: files that `parseImport` reads back to the
 *   same entries.
 * - `userAliasKeys(entries)`, `isClaimedSurface`, `withoutClaimedMatches`: the folded alias
 *   forms the reader's entries claim; a bundled match on one of them gives way to the reader's
 *   entry. `compileUserMatcher(entries)` compiles the reader's entries like the bundled ones.
 *
 * ## The reader's entries
 * They have the bundled schema (GlossaryEntry) and go through the same `validateEntries`,
 * with these differences:
 * - ids are `user:` + lower-case words joined by hyphens (`user:old-city`), so they never
 *   collide with bundled ids. An imported id without the prefix gets it (`syria` →
 *   `user:syria`): an imported entry is always the reader's own, never a bundled one.
 * - `sources` may be empty; a source given only as a URL takes its host as its title.
 * - `coordinates` are optional for places and countries too, and a place may lie outside the
 *   region box (REGION_BOUNDS) the bundled places must lie in: the reader's news may be
 *   anywhere. (Locator maps cover the region only; such a card has no map.)
 * - `lastReviewed` defaults to `today` (the day of the edit or import).
 * - `related` may name the reader's entries and bundled entries.
 * - `facts`, `timeline`, `related`, `aliases` default to empty lists; text is trimmed; an empty
 *   `subtype` is dropped; `global: false` is dropped; an alias object with nothing but its
 *   text becomes a plain string. (So an entry has one written form and round trips exactly.)
 * - No text may look like HTML or a script (`<tag`, `</`, `<!`, `javascript:`, `vbscript:`,
 *   `data:text/html`) or hold control characters other than tab and line breaks; source URLs
 *   must be http(s). Sizes are bounded (`LIMITS`); unknown fields are errors.
 * - Two of the reader's entries may not share an alias (the bundled rule, ambiguity rules
 *   included); sharing one with a bundled entry is the point: the reader's entry wins.
 * Stored entries are read with the per-entry checks only (no dates bound by today, no alias
 * collisions, `related` not resolved): what was valid when written stays readable.
 *
 * ## CSV format
 * A header row, then one entry per record (RFC 4180: comma-separated, fields holding a comma,
 * a quote or a line break are quoted, quotes doubled; CRLF or LF; a UTF-8 BOM is ignored).
 * Columns, in any order, names case-insensitive; unknown or repeated columns are errors:
 *   id, name*, type*, subtype, aliases, summary*, sources, related, facts, timeline, lat, lon,
 *   global, lastReviewed         (* required)
 * - Lists (aliases, sources, related, facts, timeline) put their items in one cell separated
 *   by `|` (written ` | `); empty items are skipped. Parts of an item are separated by `::`:
 *   a source is `URL`, `title :: URL` or `title :: URL :: publisher`; a fact is
 *   `label :: value`; a timeline event is `date :: text`.
 * - A backslash makes the next character literal: `\|` is a `|` inside an item, `\\` a
 *   backslash, `\:` a colon (export escapes the colons of text that contains `::`).
 * - An alias item that starts with `{` is a JSON alias object (`{"text": "Jordan",
 *   "ambiguity": {"topicGate": true}}`); an alias that really starts with `{` is written `\{`.
 * - lat and lon are decimal degrees, both or neither. global: true/yes/1 or false/no/0/empty.
 * - Spreadsheet formulas: on export a cell starting with = + - @ tab or CR is prefixed with
 *   `'` (so a spreadsheet shows it as text); import removes that one `'` again.
 */

import { parseCsv, writeCsv } from './csv.js';
import { ENTITY_TYPES, type Alias, type EntityType, type GlossaryEntry } from './glossary-types.js';
import { parseJsonLocated } from './json-locate.js';
import { aliasObjects, compileMatcher, patternForms, type CompiledMatcher } from './matcher.js';
import { foldString } from './normalize.js';
import { SUMMARY_MAX, validateEntries } from './validate.js';

export const USER_GLOSSARY_VERSION = 1;
export const USER_ID_PREFIX = 'user:';
/** Import files larger than this (UTF-8 bytes) are refused before they are parsed. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** The most entries an import file, and the reader's glossary, may hold. */
export const MAX_USER_ENTRIES = 20_000;
/** Import stops listing errors after this many (and says how many more there were). */
export const MAX_IMPORT_ERRORS = 100;

export const LIMITS = {
  id: 80,
  name: 120,
  subtype: 60,
  summary: SUMMARY_MAX,
  aliases: 50,
  alias: 120,
  lang: 35,
  phrases: 20,
  phrase: 120,
  facts: 30,
  factLabel: 60,
  factValue: 300,
  timeline: 100,
  timelineText: 300,
  related: 50,
  sources: 20,
  sourceTitle: 200,
  sourceUrl: 2000,
  publisher: 120,
} as const;

export interface UserGlossary {
  version: number;
  entries: GlossaryEntry[];
}

export const EMPTY_USER_GLOSSARY: UserGlossary = { version: USER_GLOSSARY_VERSION, entries: [] };

export type UserEntryField = keyof GlossaryEntry;

/** A problem with one field of an entry; `field` is '' when it concerns the entry as a whole. */
export interface FieldProblem {
  field: UserEntryField | '';
  message: string;
}

const USER_ID = /^user:[a-z0-9]+(?:-[a-z0-9]+)*$/;
const BARE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SPATIAL = new Set<string>(['place', 'country']);
const ENTRY_KEYS: readonly UserEntryField[] = [
  'id', 'name', 'type', 'subtype', 'aliases', 'summary', 'facts', 'timeline', 'related', 'coordinates', 'sources', 'global', 'lastReviewed',
];
/** Dates are not bounded when stored data is read back. */
const NO_DAY_LIMIT = '9999-12-31';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOwn(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

// ---------------------------------------------------------------------------------------------
// Text checks

const HTML_LIKE = /<[a-z!?/]|(?:java|vb)script\s*:|data\s*:\s*text\/html/i;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Why a text may not be stored, or null. */
export function unsafeText(text: string): string | null {
  const html = HTML_LIKE.exec(text);
  if (html) return `looks like HTML or a script ("${html[0]}…"): only plain text is allowed`;
  if (CONTROL.test(text)) return 'holds control characters';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Normalising one entry (shape errors are left to validateEntries)

interface Normalised {
  /** The entry in its one written form; its id may still be missing or without prefix. */
  entry: Json;
  problems: FieldProblem[];
}

function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : null;
  } catch {
    return null;
  }
}

/**
 * Copies a raw entry into its normal form, checking what validateEntries does not: unknown
 * fields, sizes, HTML-like text. Values of the wrong type are copied as they are, for
 * validateEntries to report. Only known keys are ever assigned, so `__proto__` and friends in
 * the input are reported, never followed.
 */
function normaliseEntry(raw: Json, today: string | undefined): Normalised {
  const problems: FieldProblem[] = [];
  const out: Json = {};
  const report = (field: UserEntryField | '', message: string): void => {
    problems.push({ field, message });
  };
  const unknown = (obj: Json, allowed: readonly string[], field: UserEntryField | '', where: string): void => {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) report(field, `${where}unknown field "${key}"`);
    }
  };
  /** Trims text and checks it; other values pass through. */
  const text = (value: unknown, field: UserEntryField, label: string, max: number): unknown => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    if (trimmed.length > max) report(field, `${label} is ${trimmed.length} characters (at most ${max})`);
    const unsafe = unsafeText(trimmed);
    if (unsafe) report(field, `${label} ${unsafe}`);
    return trimmed;
  };
  const list = (value: unknown, field: UserEntryField, label: string, max: number): unknown => {
    if (value === undefined || value === null) return [];
    if (Array.isArray(value) && value.length > max) report(field, `${value.length} ${label} (at most ${max})`);
    return value;
  };

  unknown(raw, ENTRY_KEYS, '', '');
  if (raw.id !== undefined) out.id = typeof raw.id === 'string' ? raw.id.trim() : raw.id;
  out.name = text(raw.name, 'name', 'name', LIMITS.name);
  out.type = typeof raw.type === 'string' ? raw.type.trim() : raw.type;
  const subtype = text(raw.subtype, 'subtype', 'subtype', LIMITS.subtype);
  if (subtype !== undefined && subtype !== null && subtype !== '') out.subtype = subtype;

  const aliases = list(raw.aliases, 'aliases', 'aliases', LIMITS.aliases);
  out.aliases = Array.isArray(aliases)
    ? aliases.map((alias: unknown, i): unknown => {
        const label = `alias ${i + 1}`;
        if (typeof alias === 'string') return text(alias, 'aliases', label, LIMITS.alias);
        if (!isObject(alias)) return alias;
        unknown(alias, ['text', 'case', 'lang', 'ambiguity'], 'aliases', `${label}: `);
        const a: Json = { text: text(alias.text, 'aliases', label, LIMITS.alias) };
        if (alias.case !== undefined) a.case = alias.case;
        if (alias.lang !== undefined) a.lang = text(alias.lang, 'aliases', `${label}: lang`, LIMITS.lang);
        if (alias.ambiguity !== undefined) {
          const amb = alias.ambiguity;
          if (!isObject(amb)) a.ambiguity = amb;
          else {
            unknown(amb, ['topicGate', 'notAfter', 'notBefore'], 'aliases', `${label}: ambiguity: `);
            const b: Json = {};
            if (amb.topicGate !== undefined) b.topicGate = amb.topicGate;
            for (const key of ['notAfter', 'notBefore'] as const) {
              const phrases = amb[key];
              if (phrases === undefined) continue;
              if (Array.isArray(phrases) && phrases.length > LIMITS.phrases) {
                report('aliases', `${label}: ${phrases.length} ${key} phrases (at most ${LIMITS.phrases})`);
              }
              b[key] = Array.isArray(phrases) ? phrases.map((p: unknown) => text(p, 'aliases', `${label}: ${key} phrase`, LIMITS.phrase)) : phrases;
            }
            a.ambiguity = b;
          }
        }
        return Object.keys(a).length === 1 && typeof a.text === 'string' ? a.text : a;
      })
    : aliases;

  const summary = text(raw.summary, 'summary', 'summary', Infinity);
  out.summary = summary;

  const facts = list(raw.facts, 'facts', 'facts', LIMITS.facts);
  out.facts = Array.isArray(facts)
    ? facts.map((fact: unknown, i) => {
        if (!isObject(fact)) return fact;
        unknown(fact, ['label', 'value'], 'facts', `fact ${i + 1}: `);
        return {
          label: text(fact.label, 'facts', `fact ${i + 1}: label`, LIMITS.factLabel),
          value: text(fact.value, 'facts', `fact ${i + 1}: value`, LIMITS.factValue),
        };
      })
    : facts;

  const timeline = list(raw.timeline, 'timeline', 'timeline events', LIMITS.timeline);
  out.timeline = Array.isArray(timeline)
    ? timeline.map((event: unknown, i) => {
        if (!isObject(event)) return event;
        unknown(event, ['date', 'text'], 'timeline', `timeline event ${i + 1}: `);
        return {
          date: typeof event.date === 'string' ? event.date.trim() : event.date,
          text: text(event.text, 'timeline', `timeline event ${i + 1}`, LIMITS.timelineText),
        };
      })
    : timeline;

  const related = list(raw.related, 'related', 'related ids', LIMITS.related);
  if (!Array.isArray(related) || !related.every((r) => typeof r === 'string')) report('related', 'related must be a list of ids');
  out.related = Array.isArray(related) ? related.map((r: unknown) => (typeof r === 'string' ? r.trim() : r)) : related;
  if (Array.isArray(out.related)) {
    for (const r of out.related as unknown[]) {
      if (typeof r === 'string' && !BARE_ID.test(r) && !USER_ID.test(r)) report('related', `related id "${r.slice(0, 40)}" is not an id`);
    }
  }

  if (raw.coordinates !== undefined && raw.coordinates !== null) {
    const c = raw.coordinates;
    if (isObject(c)) {
      unknown(c, ['lat', 'lon'], 'coordinates', 'coordinates: ');
      out.coordinates = { lat: c.lat, lon: c.lon };
    } else out.coordinates = c;
  }

  const sources = list(raw.sources, 'sources', 'sources', LIMITS.sources);
  out.sources = Array.isArray(sources)
    ? sources.map((source: unknown, i) => {
        if (!isObject(source)) return source;
        unknown(source, ['title', 'url', 'publisher'], 'sources', `source ${i + 1}: `);
        const url = text(source.url, 'sources', `source ${i + 1}: URL`, LIMITS.sourceUrl);
        let title = text(source.title, 'sources', `source ${i + 1}: title`, LIMITS.sourceTitle);
        if ((title === undefined || title === '') && typeof url === 'string') title = hostOf(url) ?? title;
        const s: Json = { title, url };
        const publisher = text(source.publisher, 'sources', `source ${i + 1}: publisher`, LIMITS.publisher);
        if (publisher !== undefined && publisher !== '') s.publisher = publisher;
        return s;
      })
    : sources;

  if (raw.global !== undefined && raw.global !== false) out.global = raw.global;
  const reviewed = typeof raw.lastReviewed === 'string' ? raw.lastReviewed.trim() : raw.lastReviewed;
  out.lastReviewed = (reviewed === undefined || reviewed === '') && today !== undefined ? today : reviewed;
  return { entry: out, problems };
}

// ---------------------------------------------------------------------------------------------
// The shared gate: validateEntries on stand-ins

const PLACEHOLDER_SOURCE = { title: 'placeholder', url: 'https://example.org/' };
const PLACEHOLDER_COORDINATES = { lat: 0, lon: 0 };
const STANDIN = (n: number): string => `userentry${n}`;
const STANDIN_REF = /is also an alias of "userentry(\d+)"/;

/** The validateEntries message → the form field it is about. */
function fieldOf(message: string): UserEntryField | '' {
  const rules: [RegExp, UserEntryField][] = [
    [/^id\b/, 'id'], [/^name\b/, 'name'], [/^type\b/, 'type'], [/^subtype\b/, 'subtype'], [/^summary\b/, 'summary'],
    [/^alias/, 'aliases'], [/^facts?\b/, 'facts'], [/^timeline\b/, 'timeline'], [/^related\b/, 'related'],
    [/^global\b/, 'global'], [/coordinates/, 'coordinates'], [/source/, 'sources'], [/^lastReviewed\b/, 'lastReviewed'],
  ];
  return rules.find(([re]) => re.test(message))?.[1] ?? '';
}

/**
 * Runs validateEntries over `context` (entries already accepted) then `candidates`, each under
 * a stand-in id (ids and related are checked here, not there) and with the reader's
 * relaxations filled in. Returns the problems of each candidate. With `collisions`, an alias
 * a candidate shares with an earlier entry is a problem of the candidate.
 */
function checkEntries(context: readonly GlossaryEntry[], candidates: readonly Json[], today: string, collisions: boolean): FieldProblem[][] {
  const all: Json[] = [...context, ...candidates] as Json[];
  const views = all.map((e, n) => ({
    ...e,
    id: STANDIN(n),
    // The region box is for the bundled places; the reader's news may be anywhere. (Places
    // and countries differ in validateEntries only in that box.)
    type: e.type === 'place' ? 'country' : e.type,
    related: [],
    sources: Array.isArray(e.sources) && e.sources.length === 0 ? [PLACEHOLDER_SOURCE] : e.sources,
    coordinates: e.coordinates === undefined && typeof e.type === 'string' && SPATIAL.has(e.type) ? PLACEHOLDER_COORDINATES : e.coordinates,
  }));
  const out: FieldProblem[][] = candidates.map(() => []);
  for (const problem of validateEntries(views, today).problems) {
    const n = Number(/^userentry(\d+)$/.exec(problem.entry)?.[1] ?? /^entry (\d+)$/.exec(problem.entry)?.[1] ?? -1);
    const k = n - context.length;
    if (k < 0 || k >= candidates.length) continue;
    const other = STANDIN_REF.exec(problem.message);
    if (other) {
      if (!collisions) continue;
      const owner = all[Number(other[1])]!;
      const message = problem.message.replace(STANDIN_REF, `is also an alias of "${String(owner.name)}" (${String(owner.id)})`);
      out[k]!.push({ field: 'aliases', message });
      continue;
    }
    out[k]!.push({ field: fieldOf(problem.message), message: problem.message });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Ids

/** An ASCII slug of a name: "Jabal al-Druze" → "jabal-al-druze"; "entry" when nothing is left. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'entry';
}

/** A `user:` id for a name, not in `taken` ("user:hama", then "user:hama-2", ...). */
export function newUserId(name: string, taken: ReadonlySet<string>): string {
  const base = USER_ID_PREFIX + slugify(name);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!taken.has(id)) return id;
  }
}

export function isUserId(id: string): boolean {
  return USER_ID.test(id) && id.length <= LIMITS.id;
}

/** A file's id in the reader's form: "syria" → "user:syria"; null when it is not an id. */
function asUserId(id: string): string | null {
  const candidate = id.startsWith(USER_ID_PREFIX) ? id : BARE_ID.test(id) ? USER_ID_PREFIX + id : id;
  return isUserId(candidate) ? candidate : null;
}

const ID_MESSAGE = `id must be lower-case words joined by hyphens, after "${USER_ID_PREFIX}" (${USER_ID_PREFIX}old-city)`;

// ---------------------------------------------------------------------------------------------
// Stored data

export interface QuarantinedEntry {
  /** 1-based position in the stored list; 0 when the stored value as a whole could not be read. */
  index: number;
  id?: string;
  /** The stored value, untouched: keep it aside so that nothing the reader wrote is lost. */
  raw: unknown;
  problems: string[];
}

export interface ReadUserGlossary {
  glossary: UserGlossary;
  /** Stored entries that are not valid, to be kept aside (not written back into the glossary). */
  quarantined: QuarantinedEntry[];
  /** Readable notes on what was wrong with the stored data. */
  problems: string[];
  /** True when the stored data was in an older version (the caller may write `glossary` back). */
  migrated: boolean;
}

/**
 * `MIGRATIONS[v]` turns version v into version v + 1. Version 0 was a bare list of entries
 * with bundled-style ids.
 */
export const MIGRATIONS: readonly ((data: unknown) => unknown)[] = [
  (data) => ({
    version: 1,
    entries: Array.isArray(data)
      ? data.map((e: unknown) =>
          isObject(e) && typeof e.id === 'string' && BARE_ID.test(e.id) ? { ...e, id: USER_ID_PREFIX + e.id } : e,
        )
      : data,
  }),
];

type Migrated = { ok: true; entries: unknown[]; migrated: boolean } | { ok: false; message: string };

function migrate(data: unknown): Migrated {
  let version: number;
  if (Array.isArray(data)) version = 0;
  else if (isObject(data) && typeof data.version === 'number' && Number.isInteger(data.version) && data.version >= 0) version = data.version;
  else return { ok: false, message: 'expected a list of entries or {"version": …, "entries": [...]}' };
  if (version > USER_GLOSSARY_VERSION) {
    return { ok: false, message: `written by a newer version of Backstory (format ${version}; this one reads up to ${USER_GLOSSARY_VERSION})` };
  }
  const migrated = version < USER_GLOSSARY_VERSION;
  let current: unknown = data;
  for (let v = version; v < USER_GLOSSARY_VERSION; v++) current = MIGRATIONS[v]!(current);
  const entries = isObject(current) ? current.entries : undefined;
  if (!Array.isArray(entries)) return { ok: false, message: '"entries" must be a list of entries' };
  return { ok: true, entries, migrated };
}

/**
 * Reads the stored glossary. Never throws. Entries that are valid on their own are kept;
 * the others are returned in `quarantined`, untouched, with their problems.
 */
export function readUserGlossary(stored: unknown, today: string = NO_DAY_LIMIT): ReadUserGlossary {
  const empty = (): UserGlossary => ({ version: USER_GLOSSARY_VERSION, entries: [] });
  if (stored === undefined || stored === null) return { glossary: empty(), quarantined: [], problems: [], migrated: false };
  const m = migrate(stored);
  if (!m.ok) {
    // Nothing can be read; keep whatever there is aside as one piece.
    return {
      glossary: empty(),
      quarantined: [{ index: 0, raw: stored, problems: [m.message] }],
      problems: [`The stored glossary could not be read: ${m.message}.`],
      migrated: false,
    };
  }
  const quarantined: QuarantinedEntry[] = [];
  const candidates: { index: number; entry: Json; problems: string[] }[] = [];
  const seen = new Map<string, number>();
  m.entries.forEach((raw, i) => {
    const index = i + 1;
    if (!isObject(raw)) {
      quarantined.push({ index, raw, problems: ['not an entry (an object)'] });
      return;
    }
    const { entry, problems } = normaliseEntry(raw, undefined);
    const messages = problems.map((p) => p.message);
    const id = typeof raw.id === 'string' ? raw.id : undefined;
    if (id === undefined || !isUserId(id)) messages.push(ID_MESSAGE);
    else if (seen.has(id)) messages.push(`duplicate id (entry ${seen.get(id)} has it too)`);
    else seen.set(id, index);
    candidates.push({ index, entry, problems: messages });
  });
  const checked = checkEntries([], candidates.map((c) => c.entry), today, false);
  const entries: GlossaryEntry[] = [];
  candidates.forEach((c, k) => {
    const problems = [...c.problems, ...checked[k]!.map((p) => p.message)];
    if (problems.length === 0) entries.push(c.entry as unknown as GlossaryEntry);
    else {
      const raw = m.entries[c.index - 1];
      const id = isObject(raw) && typeof raw.id === 'string' ? raw.id : undefined;
      quarantined.push(id === undefined ? { index: c.index, raw, problems } : { index: c.index, id, raw, problems });
    }
  });
  quarantined.sort((a, b) => a.index - b.index);
  const notes = quarantined.map((q) => `Entry ${q.index}${q.id ? ` (${q.id})` : ''} was set aside: ${q.problems.join('; ')}.`);
  return { glossary: { version: USER_GLOSSARY_VERSION, entries }, quarantined, problems: notes, migrated: m.migrated };
}

// ---------------------------------------------------------------------------------------------
// The form

export type UserEntryResult = { ok: true; entry: GlossaryEntry } | { ok: false; problems: FieldProblem[] };

/**
 * Checks an entry from the options page's form. `input.id` naming one of `existing`'s entries
 * edits it (its aliases may then repeat the old version's); without an id, a new id is made
 * from the name. `related` may name the reader's entries and `bundledIds`.
 */
export function validateUserEntry(input: unknown, existing: UserGlossary, bundledIds: ReadonlySet<string>, today: string): UserEntryResult {
  if (!isObject(input)) return { ok: false, problems: [{ field: '', message: 'an entry must be an object' }] };
  const { entry, problems } = normaliseEntry(input, today);
  const userIds = new Set(existing.entries.map((e) => e.id));
  const givenId = typeof entry.id === 'string' && entry.id !== '' ? entry.id : undefined;
  if (entry.id !== undefined && typeof entry.id !== 'string') problems.push({ field: 'id', message: ID_MESSAGE });
  else if (givenId === undefined) entry.id = newUserId(typeof entry.name === 'string' ? entry.name : '', userIds);
  else {
    const id = asUserId(givenId);
    if (id === null) problems.push({ field: 'id', message: ID_MESSAGE });
    else entry.id = id;
  }
  const id = typeof entry.id === 'string' ? entry.id : '';
  if (Array.isArray(entry.related)) {
    for (const r of entry.related) {
      if (typeof r !== 'string' || (!BARE_ID.test(r) && !USER_ID.test(r))) continue;
      if (r === id) problems.push({ field: 'related', message: 'an entry cannot be related to itself' });
      else if (!userIds.has(r) && !bundledIds.has(r)) {
        problems.push({ field: 'related', message: `related id "${r}" is neither one of your entries nor in the glossary` });
      }
    }
  }
  const others = existing.entries.filter((e) => e.id !== id);
  problems.push(...checkEntries(others, [entry], today, true)[0]!);
  // The order of the form: the fields top to bottom.
  problems.sort((a, b) => ENTRY_KEYS.indexOf(a.field as UserEntryField) - ENTRY_KEYS.indexOf(b.field as UserEntryField));
  return problems.length ? { ok: false, problems } : { ok: true, entry: entry as unknown as GlossaryEntry };
}

/** The glossary with `entry` in place of the entry with its id, or added at the end. */
export function upsertUserEntry(glossary: UserGlossary, entry: GlossaryEntry): UserGlossary {
  const at = glossary.entries.findIndex((e) => e.id === entry.id);
  const entries = [...glossary.entries];
  if (at >= 0) entries[at] = entry;
  else entries.push(entry);
  return { version: USER_GLOSSARY_VERSION, entries };
}

export function removeUserEntry(glossary: UserGlossary, id: string): UserGlossary {
  return { version: USER_GLOSSARY_VERSION, entries: glossary.entries.filter((e) => e.id !== id) };
}

// ---------------------------------------------------------------------------------------------
// Import

export interface ImportError {
  /** 1-based physical line in the file (CSV records; JSON syntax errors). */
  line?: number;
  /** 1-based column (JSON syntax errors, CSV quoting errors). */
  column?: number;
  /** 1-based position of the entry in the file. */
  entry?: number;
  /** The entry's id and name as the file writes them, when it has them. */
  id?: string;
  name?: string;
  /** The entry's field (for CSV, the column) the error is about. */
  field?: string;
  message: string;
}

export interface ImportPreview {
  added: GlossaryEntry[];
  replaced: { before: GlossaryEntry; after: GlossaryEntry }[];
  /** Entries of the file identical to the reader's. */
  unchanged: number;
}

export type ImportResult =
  | { ok: false; errors: ImportError[] }
  | { ok: true; preview: ImportPreview; result: UserGlossary };

export type ImportFormat = 'json' | 'csv' | 'auto';

/** "Line 12, entry 4 (user:foo, “Foo”), summary: summary is 320 characters (at most 300)". */
export function formatImportError(error: ImportError): string {
  const where: string[] = [];
  if (error.line !== undefined) where.push(error.column !== undefined ? `Line ${error.line}, column ${error.column}` : `Line ${error.line}`);
  if (error.entry !== undefined) {
    const names = [error.id, error.name !== undefined ? `“${error.name}”` : undefined].filter(Boolean).join(', ');
    where.push(`entry ${error.entry}${names ? ` (${names})` : ''}`);
  }
  if (error.field) where.push(error.field);
  return where.length ? `${where.join(', ')}: ${error.message}` : error.message;
}

/** UTF-8 length of a text, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

interface RawImport {
  raw: unknown;
  line?: number;
  /** Problems found while reading the entry's cells (CSV). */
  problems: FieldProblem[];
}

/**
 * Reads an import file against the reader's glossary. All or nothing: any error, and
 * nothing is imported. Entries whose id is one of the reader's replace them; others are
 * added; entries without an id get one made from their name (so they are always added).
 */
export function parseImport(
  text: string,
  format: ImportFormat,
  existing: UserGlossary,
  bundledIds: ReadonlySet<string>,
  today: string,
): ImportResult {
  // Size first: before anything looks at the content.
  if (text.length > MAX_IMPORT_BYTES || (text.length * 3 > MAX_IMPORT_BYTES && utf8Length(text) > MAX_IMPORT_BYTES)) {
    const bytes = utf8Length(text);
    return {
      ok: false,
      errors: [{ message: `the file is ${megabytes(bytes)} (${bytes} bytes); the largest file that can be imported is ${megabytes(MAX_IMPORT_BYTES)} (${MAX_IMPORT_BYTES} bytes)` }],
    };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const kind = format === 'auto' ? (/^\s*[[{]/.test(body) ? 'json' : 'csv') : format;
  if (body.trim() === '') return { ok: false, errors: [{ message: 'the file is empty' }] };
  const read = kind === 'json' ? readJsonImport(body) : readCsvImport(body);
  if (!read.ok) return read;
  if (read.entries.length > MAX_USER_ENTRIES) {
    return { ok: false, errors: [{ message: `the file has ${read.entries.length} entries; at most ${MAX_USER_ENTRIES} can be imported` }] };
  }
  return checkImport(read.entries, existing, bundledIds, today);
}

type ReadImport = { ok: true; entries: RawImport[] } | { ok: false; errors: ImportError[] };

function readJsonImport(body: string): ReadImport {
  const parsed = parseJsonLocated(body);
  if (!parsed.ok) {
    return { ok: false, errors: [{ line: parsed.line, column: parsed.column, message: `not valid JSON: ${parsed.message}` }] };
  }
  const value = parsed.value;
  if (isObject(value)) {
    const extra = Object.keys(value).filter((k) => k !== 'version' && k !== 'entries');
    if (extra.length) return { ok: false, errors: [{ message: `unknown field${extra.length > 1 ? 's' : ''} ${extra.map((k) => `"${k}"`).join(', ')} (a glossary file holds "version" and "entries")` }] };
  }
  // A bare list is taken as written (the stored-data migration would prefix its ids before
  // errors could name them as the file does; import prefixes them anyway).
  if (Array.isArray(value)) return { ok: true, entries: value.map((raw: unknown) => ({ raw, problems: [] })) };
  const m = migrate(value);
  if (!m.ok) return { ok: false, errors: [{ message: `not a glossary: ${m.message}` }] };
  return { ok: true, entries: m.entries.map((raw) => ({ raw, problems: [] })) };
}

// ---------------------------------------------------------------------------------------------
// CSV cells

const CSV_COLUMNS = ['id', 'name', 'type', 'subtype', 'aliases', 'summary', 'sources', 'related', 'facts', 'timeline', 'lat', 'lon', 'global', 'lastReviewed'] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly CsvColumn[] = ['name', 'type', 'summary'];

/** Cells a spreadsheet would run as a formula. */
function needsGuard(value: string): boolean {
  return /^[=+\-@\t\r]/.test(value) || (value.startsWith("'") && needsGuard(value.slice(1)));
}
const guard = (value: string): string => (needsGuard(value) ? `'${value}` : value);
const unguard = (value: string): string => (value.startsWith("'") && needsGuard(value.slice(1)) ? value.slice(1) : value);

const escapeItem = (s: string): string => s.replace(/[\\|]/g, '\\$&');
const escapePart = (s: string): string => (s.includes('::') ? escapeItem(s).replace(/:/g, '\\:') : escapeItem(s));
const unescape = (s: string): string => s.replace(/\\([\s\S])/g, '$1');

/** Splits on an unescaped separator ('|' or '::'); the pieces stay escaped, trimmed. */
function splitEscaped(s: string, sep: '|' | '::'): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (s.startsWith(sep, i)) {
      out.push(s.slice(from, i).trim());
      i += sep.length - 1;
      from = i + 1;
    }
  }
  out.push(s.slice(from).trim());
  return out;
}

const items = (cell: string): string[] => splitEscaped(cell, '|').filter((item) => item !== '');

function aliasCell(aliases: readonly Alias[]): string {
  return aliases
    .map((a) => (typeof a === 'string' ? escapeItem(a).replace(/^\{/, '\\{') : escapeItem(JSON.stringify(a))))
    .join(' | ');
}

function sourceItem(source: GlossaryEntry['sources'][number]): string {
  if (source.publisher === undefined && source.title === hostOf(source.url)) return escapePart(source.url);
  return [source.title, source.url, ...(source.publisher !== undefined ? [source.publisher] : [])].map(escapePart).join(' :: ');
}

function entryToRow(e: GlossaryEntry): string[] {
  const cell: Record<CsvColumn, string> = {
    id: e.id,
    name: e.name,
    type: e.type,
    subtype: e.subtype ?? '',
    aliases: aliasCell(e.aliases),
    summary: e.summary,
    sources: e.sources.map(sourceItem).join(' | '),
    related: e.related.map(escapeItem).join(' | '),
    facts: e.facts.map((f) => `${escapePart(f.label)} :: ${escapePart(f.value)}`).join(' | '),
    timeline: e.timeline.map((t) => `${escapePart(t.date)} :: ${escapePart(t.text)}`).join(' | '),
    lat: e.coordinates ? String(e.coordinates.lat) : '',
    lon: e.coordinates ? String(e.coordinates.lon) : '',
    global: e.global ? 'true' : '',
    lastReviewed: e.lastReviewed,
  };
  return CSV_COLUMNS.map((c) => guard(cell[c]));
}

/** Builds a raw entry from a record's cells; what cannot be read is reported by column. */
function rowToRaw(cells: ReadonlyMap<CsvColumn, string>): { raw: Json; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const raw: Json = {};
  const get = (c: CsvColumn): string | undefined => {
    const v = cells.get(c);
    return v === undefined ? undefined : unguard(v);
  };
  const plain = (c: CsvColumn & UserEntryField): void => {
    const v = get(c);
    if (v !== undefined && v.trim() !== '') raw[c] = v;
  };
  plain('id');
  raw.name = get('name') ?? '';
  raw.type = get('type') ?? '';
  plain('subtype');
  raw.summary = get('summary') ?? '';
  plain('lastReviewed');

  raw.aliases = items(get('aliases') ?? '').map((item, i): unknown => {
    if (!item.startsWith('{')) return unescape(item);
    try {
      return JSON.parse(unescape(item)) as unknown;
    } catch {
      problems.push({ field: 'aliases', message: `alias ${i + 1} starts with "{" but is not a JSON alias object (write \\{ for a plain "{")` });
      return unescape(item);
    }
  });
  raw.related = items(get('related') ?? '').map(unescape);
  const pairs = (c: 'facts' | 'timeline', what: string, shape: string, keys: [string, string]): Json[] =>
    items(get(c) ?? '').map((item, i) => {
      const parts = splitEscaped(item, '::').map(unescape);
      if (parts.length !== 2) problems.push({ field: c, message: `${what} ${i + 1} must be written "${shape}"` });
      return { [keys[0]]: parts[0] ?? '', [keys[1]]: parts.slice(1).join('::') };
    });
  raw.facts = pairs('facts', 'fact', 'label :: value', ['label', 'value']);
  raw.timeline = pairs('timeline', 'timeline event', 'date :: text', ['date', 'text']);
  raw.sources = items(get('sources') ?? '').map((item, i) => {
    const parts = splitEscaped(item, '::').map(unescape);
    if (parts.length === 1) return { url: parts[0] };
    if (parts.length > 3) problems.push({ field: 'sources', message: `source ${i + 1} must be written "URL", "title :: URL" or "title :: URL :: publisher"` });
    const s: Json = { title: parts[0], url: parts[1] };
    if (parts[2] !== undefined) s.publisher = parts[2];
    return s;
  });

  const lat = get('lat')?.trim() ?? '';
  const lon = get('lon')?.trim() ?? '';
  if (lat !== '' || lon !== '') {
    const number = (s: string): number => (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s) ? Number(s) : NaN);
    if (lat === '' || lon === '') problems.push({ field: 'coordinates', message: 'lat and lon go together: give both or neither' });
    else if (Number.isNaN(number(lat)) || Number.isNaN(number(lon))) problems.push({ field: 'coordinates', message: 'lat and lon must be numbers (decimal degrees)' });
    else raw.coordinates = { lat: number(lat), lon: number(lon) };
  }
  const global = get('global')?.trim().toLowerCase() ?? '';
  if (['true', 'yes', '1'].includes(global)) raw.global = true;
  else if (!['', 'false', 'no', '0'].includes(global)) problems.push({ field: 'global', message: 'global must be true or false' });
  return { raw, problems };
}

function readCsvImport(body: string): ReadImport {
  const parsed = parseCsv(body);
  if (!parsed.ok) return { ok: false, errors: [{ ...parsed.error, message: `not valid CSV: ${parsed.error.message}` }] };
  const [header, ...records] = parsed.records;
  if (!header) return { ok: false, errors: [{ message: 'the file is empty' }] };
  const byName = new Map(CSV_COLUMNS.map((c) => [c.toLowerCase(), c] as const));
  const columns: CsvColumn[] = [];
  const errors: ImportError[] = [];
  const unknownColumns: string[] = [];
  header.cells.forEach((name) => {
    const column = byName.get(name.trim().toLowerCase());
    if (column === undefined) unknownColumns.push(name);
    else if (columns.includes(column)) errors.push({ line: header.line, message: `the column "${name}" appears twice` });
    columns.push(column as CsvColumn);
  });
  if (unknownColumns.length) {
    const semicolons = header.cells.length === 1 && header.cells[0]!.includes(';');
    errors.push({
      line: header.line,
      message: semicolons
        ? 'the header row is one column separated by semicolons: the columns must be separated by commas'
        : `unknown column${unknownColumns.length > 1 ? 's' : ''} ${unknownColumns.map((c) => `"${c}"`).join(', ')} (the columns are ${CSV_COLUMNS.join(', ')})`,
    });
    return { ok: false, errors };
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) {
    errors.push({
      line: header.line,
      message: `the header row has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''} (is the first row a header? it needs at least ${REQUIRED_COLUMNS.join(', ')})`,
    });
  }
  if (errors.length) return { ok: false, errors };
  if (records.length > MAX_USER_ENTRIES) {
    return { ok: false, errors: [{ message: `the file has ${records.length} entries; at most ${MAX_USER_ENTRIES} can be imported` }] };
  }
  const entries: RawImport[] = [];
  records.forEach((record, i) => {
    if (record.cells.length !== columns.length) {
      errors.push({
        line: record.line,
        entry: i + 1,
        message: `${record.cells.length} ${record.cells.length === 1 ? 'cell' : 'cells'} where the header has ${columns.length} (a comma inside a value needs quotes around the value)`,
      });
      return;
    }
    const cells = new Map<CsvColumn, string>();
    columns.forEach((c, k) => cells.set(c, record.cells[k]!));
    const { raw, problems } = rowToRaw(cells);
    entries.push({ raw, line: record.line, problems });
  });
  if (errors.length) return { ok: false, errors: capErrors(errors) };
  return { ok: true, entries };
}

function capErrors(errors: ImportError[]): ImportError[] {
  if (errors.length <= MAX_IMPORT_ERRORS) return errors;
  return [...errors.slice(0, MAX_IMPORT_ERRORS), { message: `and ${errors.length - MAX_IMPORT_ERRORS} more errors` }];
}

/** Deep equality of JSON-like values (entries in normal form). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => hasOwn(b, k) && sameValue(a[k], b[k]));
  }
  return false;
}

function checkImport(rows: RawImport[], existing: UserGlossary, bundledIds: ReadonlySet<string>, today: string): ImportResult {
  const errors: ImportError[] = [];
  const candidates: Json[] = [];
  const origin: { entry: number; line?: number; id?: string; name?: string }[] = [];
  const at = (k: number, field?: string) => {
    const o = origin[k]!;
    const e: ImportError = { entry: o.entry, message: '' };
    if (o.line !== undefined) e.line = o.line;
    if (o.id !== undefined) e.id = o.id;
    if (o.name !== undefined) e.name = o.name;
    if (field) e.field = field;
    return e;
  };
  const fail = (k: number, field: string | undefined, message: string): void => {
    errors.push({ ...at(k, field), message });
  };

  // Shape of each entry; ids in the reader's form.
  const fileIds = new Map<string, number>();
  /** The file's own ids → the reader's form, to carry `related` along. */
  const renamed = new Map<string, string>();
  rows.forEach((row, k) => {
    const raw = row.raw;
    const o: (typeof origin)[number] = { entry: k + 1 };
    if (row.line !== undefined) o.line = row.line;
    if (isObject(raw)) {
      if (typeof raw.id === 'string' && raw.id !== '') o.id = raw.id;
      if (typeof raw.name === 'string') o.name = raw.name.length > 60 ? `${raw.name.slice(0, 60)}…` : raw.name;
    }
    origin.push(o);
    if (!isObject(raw)) {
      fail(k, undefined, 'an entry must be an object');
      candidates.push({});
      return;
    }
    const { entry, problems } = normaliseEntry(raw, today);
    for (const p of [...row.problems, ...problems]) fail(k, p.field || undefined, p.message);
    if (entry.id !== undefined) {
      const id = typeof entry.id === 'string' ? asUserId(entry.id) : null;
      if (id === null) fail(k, 'id', ID_MESSAGE);
      else {
        const first = fileIds.get(id);
        if (first !== undefined) {
          const f = origin[first]!;
          const names = [f.id, f.name !== undefined ? `“${f.name}”` : undefined].filter(Boolean).join(', ');
          fail(k, 'id', `the id "${id}" is also the id of entry ${f.entry}${names ? ` (${names})` : ''}${f.line !== undefined ? ` on line ${f.line}` : ''}`);
        } else fileIds.set(id, k);
        renamed.set(entry.id as string, id);
        entry.id = id;
      }
    }
    candidates.push(entry);
  });
  if (errors.length) return { ok: false, errors: capErrors(errors) };

  // New ids for entries without one; related ids resolved.
  const existingById = new Map(existing.entries.map((e) => [e.id, e]));
  const taken = new Set([...existingById.keys(), ...fileIds.keys()]);
  candidates.forEach((entry) => {
    if (entry.id === undefined) {
      entry.id = newUserId(typeof entry.name === 'string' ? entry.name : '', taken);
      taken.add(entry.id as string);
    }
  });
  candidates.forEach((entry, k) => {
    entry.related = (entry.related as string[]).map((r) => {
      const id = renamed.get(r) ?? r;
      if (id === entry.id) fail(k, 'related', 'an entry cannot be related to itself');
      else if (!taken.has(id) && !bundledIds.has(id)) fail(k, 'related', `related id "${r}" is neither in the file, nor one of your entries, nor in the glossary`);
      return id;
    });
  });

  const kept = existing.entries.filter((e) => !fileIds.has(e.id));
  if (kept.length + candidates.length > MAX_USER_ENTRIES) {
    errors.push({ message: `with this file your glossary would hold ${kept.length + candidates.length} entries; it can hold at most ${MAX_USER_ENTRIES}` });
  }
  checkEntries(kept, candidates, today, true).forEach((problems, k) => {
    for (const p of problems) fail(k, p.field || undefined, p.message);
  });
  if (errors.length) return { ok: false, errors: capErrors(errors.sort((a, b) => (a.entry ?? 0) - (b.entry ?? 0))) };

  const preview: ImportPreview = { added: [], replaced: [], unchanged: 0 };
  const replacements = new Map<string, GlossaryEntry>();
  for (const c of candidates) {
    const after = c as unknown as GlossaryEntry;
    const before = existingById.get(after.id);
    if (before === undefined) preview.added.push(after);
    else if (sameValue(before, after)) preview.unchanged++;
    else {
      preview.replaced.push({ before, after });
      replacements.set(after.id, after);
    }
  }
  const entries = [...existing.entries.map((e) => replacements.get(e.id) ?? e), ...preview.added];
  return { ok: true, preview, result: { version: USER_GLOSSARY_VERSION, entries } };
}

// ---------------------------------------------------------------------------------------------
// Export

/**
 * The glossary as a JSON file: `{version, entries}`, one entry per line. Not indented further:
 * indentation doubles the size (a 20,000-entry glossary would pass the import limit sooner),
 * and with one entry a line, a syntax error's line number is the entry's.
 */
export function exportJson(glossary: UserGlossary): string {
  const lines = glossary.entries.map((e) => JSON.stringify(e));
  return `{\n"version": ${USER_GLOSSARY_VERSION},\n"entries": [\n${lines.join(',\n')}${lines.length ? '\n' : ''}]\n}\n`;
}

/**
 * The glossary as a CSV file in the format described at the top of this module.
 * Both exports can outgrow MAX_IMPORT_BYTES for large glossaries (20,000 entries with full
 * summaries are ~8 MB): check `utf8Length(text) > MAX_IMPORT_BYTES` to warn the reader.
 */
export function exportCsv(glossary: UserGlossary): string {
  return writeCsv([[...CSV_COLUMNS], ...glossary.entries.map(entryToRow)]);
}

// ---------------------------------------------------------------------------------------------
// Beside the bundled glossary

/**
 * The folded forms (as the matcher folds them, article and spelling variants included) of the
 * names and aliases of the reader's entries. A bundled match whose text folds to one of them
 * gives way: the reader's entry with the same alias wins.
 */
export function userAliasKeys(entries: readonly GlossaryEntry[]): Set<string> {
  const keys = new Set<string>();
  for (const entry of entries) {
    for (const alias of aliasObjects(entry)) {
      for (const { folded } of patternForms(alias.text)) if (folded !== '') keys.add(folded);
    }
  }
  return keys;
}

/** Whether the text of a match (as on the page) is claimed by the reader's entries. */
export function isClaimedSurface(keys: ReadonlySet<string>, surface: string): boolean {
  return keys.size > 0 && keys.has(foldString(surface));
}

/** Bundled matches in `text`, less those on surfaces the reader's entries claim. */
export function withoutClaimedMatches<M extends { start: number; end: number }>(matches: readonly M[], text: string, keys: ReadonlySet<string>): M[] {
  if (keys.size === 0) return [...matches];
  return matches.filter((m) => !keys.has(foldString(text.slice(m.start, m.end))));
}

/** The reader's entries compiled like the bundled glossary (see build.mjs). */
export function compileUserMatcher(entries: readonly GlossaryEntry[]): CompiledMatcher {
  return compileMatcher(entries);
}

/** The entity types, for a form's select. */
export const USER_ENTRY_TYPES: readonly EntityType[] = ENTITY_TYPES;
