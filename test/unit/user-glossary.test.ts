import { describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '../../src/core/glossary-types.js';
import { compileMatcher, findIdMatches } from '../../src/core/matcher.js';
import {
  EMPTY_USER_GLOSSARY,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ERRORS,
  MAX_USER_ENTRIES,
  compileUserMatcher,
  exportCsv,
  exportJson,
  formatImportError,
  isClaimedSurface,
  newUserId,
  parseImport,
  readUserGlossary,
  removeUserEntry,
  slugify,
  upsertUserEntry,
  userAliasKeys,
  validateUserEntry,
  withoutClaimedMatches,
  type ImportError,
  type ImportResult,
  type UserGlossary,
} from '../../src/core/user-glossary.js';
import { entry } from './fixtures.js';

const TODAY = '2026-11-25';
const BUNDLED = new Set(['syria', 'damascus', 'hama']);

/** A reader's entry in normal form. */
function own(slug: string, name: string, extra: Partial<GlossaryEntry> = {}): GlossaryEntry {
  const e = entry(`user:${slug}`, name, [], 'organization', extra);
  return e;
}
const glossary = (...entries: GlossaryEntry[]): UserGlossary => ({ version: 1, entries });

function imported(text: string, format: 'json' | 'csv' | 'auto' = 'auto', existing: UserGlossary = EMPTY_USER_GLOSSARY) {
  const result = parseImport(text, format, existing, BUNDLED, TODAY);
  if (!result.ok) throw new Error(result.errors.map(formatImportError).join('\n'));
  return result;
}
function importErrors(text: string, format: 'json' | 'csv' | 'auto' = 'auto', existing: UserGlossary = EMPTY_USER_GLOSSARY): ImportError[] {
  const result: ImportResult = parseImport(text, format, existing, BUNDLED, TODAY);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}
const described = (text: string, format: 'json' | 'csv' | 'auto' = 'auto', existing?: UserGlossary) =>
  importErrors(text, format, existing).map(formatImportError);

const CSV_HEADER = 'name,type,summary';

describe('ids', () => {
  it('slugs names to ASCII and makes them unique with the user: prefix', () => {
    expect(slugify('Jabal al-Druze')).toBe('jabal-al-druze');
    expect(slugify('Ḥamāh  (city)')).toBe('hamah-city');
    expect(slugify('حماة')).toBe('entry');
    expect(newUserId('Hama', new Set())).toBe('user:hama');
    expect(newUserId('Hama', new Set(['user:hama', 'user:hama-2']))).toBe('user:hama-3');
  });
});

describe('readUserGlossary', () => {
  it('reads nothing as an empty glossary', () => {
    expect(readUserGlossary(undefined)).toEqual({ glossary: { version: 1, entries: [] }, quarantined: [], problems: [], migrated: false });
  });

  it('keeps valid entries and quarantines broken ones with their problems, untouched', () => {
    const good = own('a', 'Alpha');
    const broken = { ...own('b', 'Beta'), summary: 7 };
    const stored = { version: 1, entries: [good, broken, 'junk', { ...own('a', 'Alpha again') }] };
    const read = readUserGlossary(stored);
    expect(read.glossary.entries).toEqual([good]);
    expect(read.quarantined).toEqual([
      { index: 2, id: 'user:b', raw: broken, problems: ['summary is missing'] },
      { index: 3, raw: 'junk', problems: ['not an entry (an object)'] },
      { index: 4, id: 'user:a', raw: stored.entries[3], problems: ['duplicate id (entry 1 has it too)'] },
    ]);
    expect(read.problems[0]).toBe('Entry 2 (user:b) was set aside: summary is missing.');
  });

  it('never throws on corrupt data, and keeps it aside', () => {
    for (const stored of ['x', 42, true, { entries: 'x' }, { version: 'one', entries: [] }, { version: 1 }, [null, [], 1]]) {
      const read = readUserGlossary(stored);
      expect(read.glossary.entries).toEqual([]);
      expect(read.quarantined.length).toBeGreaterThan(0);
    }
    const newer = readUserGlossary({ version: 99, entries: [own('a', 'A')] });
    expect(newer.problems[0]).toContain('newer version');
    expect(newer.quarantined[0]!.raw).toEqual({ version: 99, entries: [own('a', 'A')] });
  });

  it('migrates version 0 (a bare list) and prefixes its ids', () => {
    const v0 = [entry('old-city', 'Old City', [], 'organization')];
    const read = readUserGlossary(v0);
    expect(read.migrated).toBe(true);
    expect(read.glossary.entries.map((e) => e.id)).toEqual(['user:old-city']);
    expect(read.quarantined).toEqual([]);
  });

  it('applies the reader relaxations: no sources, places without coordinates, related to bundled ids', () => {
    const place = { ...own('p', 'Somewhere', { sources: [], related: ['syria'] }), type: 'place' as const };
    expect(readUserGlossary({ version: 1, entries: [place] }).glossary.entries).toEqual([place]);
  });

  it('does not quarantine for dates or alias collisions (checked when written)', () => {
    const future = own('f', 'Future', { lastReviewed: '2099-01-01' });
    const twin = own('g', 'Future');
    expect(readUserGlossary({ version: 1, entries: [future, twin] }).glossary.entries).toHaveLength(2);
    // Given a day, dates are bounded by it.
    expect(readUserGlossary({ version: 1, entries: [future] }, TODAY).quarantined[0]!.problems).toEqual(['lastReviewed is in the future']);
  });

  it('quarantines hostile stored text and ids without the prefix', () => {
    const read = readUserGlossary({ version: 1, entries: [own('x', '<img src=x onerror=alert(1)>'), entry('bare', 'Bare')] });
    expect(read.glossary.entries).toEqual([]);
    expect(read.quarantined[0]!.problems[0]).toContain('name looks like HTML');
    expect(read.quarantined[1]!.problems[0]).toContain('id must be');
  });
});

describe('validateUserEntry', () => {
  const form = (input: unknown, existing: UserGlossary = EMPTY_USER_GLOSSARY) => validateUserEntry(input, existing, BUNDLED, TODAY);
  const problems = (input: unknown, existing?: UserGlossary) => {
    const r = form(input, existing);
    if (r.ok) throw new Error('expected problems');
    return r.problems;
  };

  it('completes a minimal entry: id from the name, empty lists, lastReviewed today', () => {
    const r = form({ name: '  Jabal al-Druze ', type: 'place', summary: 'A mountain.' });
    expect(r).toEqual({
      ok: true,
      entry: {
        id: 'user:jabal-al-druze',
        name: 'Jabal al-Druze',
        type: 'place',
        aliases: [],
        summary: 'A mountain.',
        facts: [],
        timeline: [],
        related: [],
        sources: [],
        lastReviewed: TODAY,
      },
    });
  });

  it('makes new ids unique against the reader\'s, and edits an entry given its id', () => {
    const existing = glossary(own('hama-city', 'Old name'));
    const fresh = form({ name: 'Hama City', type: 'organization', summary: 'x', aliases: ['HC'] }, existing);
    expect(fresh.ok && fresh.entry.id).toBe('user:hama-city-2');
    const edit = form({ id: 'user:hama-city', name: 'Hama City', type: 'organization', summary: 'edited' }, existing);
    expect(edit.ok && edit.entry.summary).toBe('edited');
    expect(upsertUserEntry(existing, edit.ok ? edit.entry : own('x', 'x')).entries).toHaveLength(1);
    expect(removeUserEntry(existing, 'user:hama-city').entries).toEqual([]);
  });

  it('names the field of every problem', () => {
    const p = problems({
      name: 'x'.repeat(121),
      type: 'planet',
      summary: 'y'.repeat(301),
      aliases: Array.from({ length: 51 }, (_, i) => `a${i}`),
      sources: [{ url: 'ftp://example.org/x' }],
      lastReviewed: '2030-01-01',
    });
    expect(p).toEqual([
      { field: 'name', message: 'name is 121 characters (at most 120)' },
      { field: 'type', message: expect.stringContaining('type must be one of place, country') },
      { field: 'aliases', message: '51 aliases (at most 50)' },
      { field: 'summary', message: 'summary is 301 characters (at most 300)' },
      { field: 'sources', message: 'source 1 needs a title and an http(s) URL' },
      { field: 'lastReviewed', message: 'lastReviewed is in the future' },
    ]);
    expect(problems({ name: 'N', type: 'person', summary: 's', aliases: ['z'.repeat(121)] })).toEqual([
      { field: 'aliases', message: 'alias 1 is 121 characters (at most 120)' },
    ]);
  });

  it.each([
    ['name', { name: '<img src=x onerror=alert(1)>' }, '<i'],
    ['summary', { summary: 'hello <script>alert(1)</script>' }, '<s'],
    ['aliases', { aliases: ['ok', { text: '<b>x</b>' }] }, '<b'],
    ['subtype', { subtype: 'javascript:alert(1)' }, 'javascript:'],
    ['facts', { facts: [{ label: 'Leader', value: '</p>' }] }, '</'],
    ['sources', { sources: [{ title: 'T', url: 'javascript:alert(1)' }] }, 'javascript:'],
    ['timeline', { timeline: [{ date: '2020', text: '<!-- x -->' }] }, '<!'],
  ])('rejects HTML or script in %s, naming the field', (field, extra, shown) => {
    const p = problems({ name: 'N', type: 'person', summary: 's', ...extra });
    expect(p.some((x) => x.field === field && x.message.includes('looks like HTML or a script') && x.message.includes(shown))).toBe(true);
  });

  it('lets harmless angle brackets and colons through', () => {
    expect(form({ name: 'A < B', type: 'event', summary: 'Ratio 3<4 was not; note: fine.' }).ok).toBe(true);
  });

  it('requires http(s) source URLs and gives a bare URL its host as title', () => {
    const r = form({ name: 'N', type: 'person', summary: 's', sources: [{ url: 'https://www.example.org/a' }] });
    expect(r.ok && r.entry.sources).toEqual([{ title: 'www.example.org', url: 'https://www.example.org/a' }]);
    expect(problems({ name: 'N', type: 'person', summary: 's', sources: [{ title: 'x', url: 'data:text/html,hi' }] })[0]!.field).toBe('sources');
  });

  it('resolves related ids against the reader\'s and bundled entries', () => {
    const existing = glossary(own('a', 'Alpha'));
    expect(form({ name: 'N', type: 'person', summary: 's', related: ['user:a', 'syria'] }, existing).ok).toBe(true);
    expect(problems({ name: 'N', type: 'person', summary: 's', related: ['nowhere'] }, existing)).toEqual([
      { field: 'related', message: 'related id "nowhere" is neither one of your entries nor in the glossary' },
    ]);
  });

  it('rejects an alias another of the reader\'s entries has, but not one a bundled entry has', () => {
    const existing = glossary(own('a', 'Alpha', { aliases: ['The Alpha'] }));
    expect(problems({ name: 'The Alpha', type: 'person', summary: 's' }, existing)).toEqual([
      { field: 'aliases', message: 'alias "The Alpha" is also an alias of "Alpha" (user:a) ("the alpha"): give one of them an ambiguity rule or remove it' },
    ]);
    // Editing the entry itself is no collision; a bundled name is no collision either.
    expect(form({ id: 'user:a', name: 'Alpha', type: 'person', summary: 's', aliases: ['The Alpha'] }, existing).ok).toBe(true);
    expect(form({ name: 'Syria', type: 'country', summary: 's' }, existing).ok).toBe(true);
  });

  it('rejects bad ids, unknown fields and polluting keys without being polluted', () => {
    const input = JSON.parse('{"name":"N","type":"person","summary":"s","__proto__":{"polluted":true},"extra":1}') as unknown;
    const p = problems(input);
    expect(p).toEqual([
      { field: '', message: 'unknown field "__proto__"' },
      { field: '', message: 'unknown field "extra"' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(problems({ id: 'User:Bad Id', name: 'N', type: 'person', summary: 's' })[0]!.field).toBe('id');
    expect(form({ id: 'fresh', name: 'N', type: 'person', summary: 's' }).ok && 'ok').toBe('ok');
    expect(problems(null)).toEqual([{ field: '', message: 'an entry must be an object' }]);
    expect(problems({ name: 'N', type: 'person', summary: 's', related: ['<b>x</b>'] })).toEqual([
      { field: 'related', message: 'related id "<b>x</b>" is not an id' },
    ]);
  });

  it('normalises to one written form', () => {
    const r = form({
      name: 'N',
      type: 'person',
      summary: 's',
      subtype: ' ',
      global: false,
      aliases: [{ text: ' Plain ' }, { text: 'Jordan', ambiguity: { topicGate: true } }],
    });
    expect(r.ok && r.entry).toMatchObject({ aliases: ['Plain', { text: 'Jordan', ambiguity: { topicGate: true } }] });
    expect(r.ok && 'subtype' in r.entry).toBe(false);
    expect(r.ok && 'global' in r.entry).toBe(false);
  });
});

const HOSTILE = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', 'javascript:alert(1)'];

describe('parseImport: JSON', () => {
  it('accepts a bare list and {version, entries}, and prefixes ids (bundled ids included)', () => {
    const bare = imported(JSON.stringify([entry('syria', 'My Syria', [], 'organization'), { name: 'No Id', type: 'person', summary: 's' }]));
    expect(bare.preview.added.map((e) => e.id)).toEqual(['user:syria', 'user:no-id']);
    const wrapped = imported(JSON.stringify({ version: 1, entries: [own('a', 'Alpha')] }));
    expect(wrapped.result.entries).toEqual([own('a', 'Alpha')]);
  });

  it('previews added, replaced and unchanged entries and merges into the reader\'s glossary', () => {
    const existing = glossary(own('a', 'Alpha'), own('b', 'Beta'), own('c', 'Gamma'));
    const file = [own('a', 'Alpha'), { ...own('b', 'Beta'), summary: 'New summary.' }, own('d', 'Delta')];
    const r = imported(JSON.stringify(file), 'json', existing);
    expect(r.preview.unchanged).toBe(1);
    expect(r.preview.replaced).toEqual([{ before: own('b', 'Beta'), after: file[1] }]);
    expect(r.preview.added).toEqual([own('d', 'Delta')]);
    expect(r.result.entries.map((e) => [e.id, e.summary])).toEqual([
      ['user:a', 'Alpha, for tests.'],
      ['user:b', 'New summary.'],
      ['user:c', 'Gamma, for tests.'],
      ['user:d', 'Delta, for tests.'],
    ]);
  });

  it('names the line and column of a JSON syntax error', () => {
    const text = '[\n  {"name": "A", "type": "person", "summary": "s"},\n  {"name": "B" "type": "person"}\n]';
    expect(importErrors(text)).toEqual([{ line: 3, column: 16, message: expect.stringMatching(/^not valid JSON: /) }]);
    expect(described('[1,\r\n2,\r\n]')[0]).toMatch(/^Line 3, column 1: not valid JSON/);
    expect(described('{"version": 1, "entries": [')[0]).toMatch(/^Line 1, column 28: not valid JSON/);
  });

  it('rejects the wrong schema', () => {
    expect(described('"a string"', 'json')).toEqual(['not a glossary: expected a list of entries or {"version": …, "entries": [...]}']);
    expect(described('{"entries": []}')).toEqual(['not a glossary: expected a list of entries or {"version": …, "entries": [...]}']);
    expect(described('{"version": 1, "entries": {}}')).toEqual(['not a glossary: "entries" must be a list of entries']);
    expect(described('{"version": 2, "entries": []}')[0]).toContain('newer version');
    expect(described('{"version": 1, "entries": [], "extra": 1}')[0]).toContain('unknown field "extra"');
    expect(described('[1, {"name": "A", "type": "person", "summary": "s"}]')).toEqual(['entry 1: an entry must be an object']);
  });

  it('names the entry (index, id, name) and the field of each error', () => {
    const file = [own('ok', 'Fine'), { ...own('bad', 'Broken'), summary: 'y'.repeat(301), type: 'planet' }];
    expect(importErrors(JSON.stringify(file))).toEqual([
      { entry: 2, id: 'user:bad', name: 'Broken', field: 'type', message: expect.stringContaining('type must be one of') },
      { entry: 2, id: 'user:bad', name: 'Broken', field: 'summary', message: 'summary is 301 characters (at most 300)' },
    ]);
    expect(described(JSON.stringify(file))[1]).toBe('entry 2 (user:bad, “Broken”), summary: summary is 301 characters (at most 300)');
  });

  it('is all or nothing: one bad entry, nothing imported', () => {
    const existing = glossary(own('keep', 'Keep'));
    const r = parseImport(JSON.stringify([own('new', 'New'), { ...own('bad', 'Bad'), name: '' }]), 'json', existing, BUNDLED, TODAY);
    expect(r.ok).toBe(false);
  });

  it('names both entries of a duplicate id (with or without the prefix)', () => {
    expect(described(JSON.stringify([own('x', 'First'), own('y', 'Other'), entry('x', 'Second')]))).toEqual([
      'entry 3 (x, “Second”), id: the id "user:x" is also the id of entry 1 (user:x, “First”)',
    ]);
  });

  it.each(HOSTILE)('rejects hostile text %s wherever it is', (hostile) => {
    for (const where of [{ name: hostile }, { summary: hostile }, { aliases: [hostile] }, { facts: [{ label: 'L', value: hostile }] }]) {
      const errors = importErrors(JSON.stringify([{ ...own('h', 'H'), ...where }]));
      expect(errors.some((e) => e.message.includes('looks like HTML or a script'))).toBe(true);
    }
  });

  it('does not let __proto__ pollute, and reports it', () => {
    const text = '[{"name":"N","type":"person","summary":"s","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}]';
    expect(described(text)).toEqual(['entry 1 (“N”): unknown field "__proto__"', 'entry 1 (“N”): unknown field "constructor"']);
    const nested = '[{"name":"N","type":"person","summary":"s","aliases":[{"text":"A","__proto__":{"polluted":1}}]}]';
    expect(described(nested)).toEqual(['entry 1 (“N”), aliases: alias 1: unknown field "__proto__"']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses files over the size limit before parsing, stating size and limit', () => {
    const big = `[${'x'.repeat(MAX_IMPORT_BYTES)}`; // also broken JSON: the size comes first
    expect(described(big)).toEqual([`the file is 5 MB (${MAX_IMPORT_BYTES + 1} bytes); the largest file that can be imported is 5 MB (${MAX_IMPORT_BYTES} bytes)`]);
    // Counted in UTF-8 bytes: 2 million Arabic letters are 4 MB of bytes... and 3 million are 6 MB.
    expect(described('ب'.repeat(3_000_000))[0]).toMatch(/^the file is 5\.7 MB \(6000000 bytes\)/);
  });

  it('caps the number of entries', () => {
    const many = `[${Array.from({ length: MAX_USER_ENTRIES + 1 }, () => '{}').join(',')}]`;
    expect(described(many)).toEqual([`the file has ${MAX_USER_ENTRIES + 1} entries; at most ${MAX_USER_ENTRIES} can be imported`]);
    const existing = glossary(...Array.from({ length: 3 }, (_, i) => own(`e${i}`, `E${i}`)));
    const file = Array.from({ length: MAX_USER_ENTRIES - 1 }, (_, i) => own(`f${i}`, `F${i}`));
    expect(described(JSON.stringify(file), 'json', existing)[0]).toContain(`would hold ${MAX_USER_ENTRIES + 2} entries`);
  });

  it('stops listing errors after MAX_IMPORT_ERRORS', () => {
    const errors = importErrors(JSON.stringify(Array.from({ length: 150 }, () => ({ name: '', type: 'person', summary: 's' }))));
    expect(errors).toHaveLength(MAX_IMPORT_ERRORS + 1);
    expect(errors[MAX_IMPORT_ERRORS]).toEqual({ message: `and ${150 - MAX_IMPORT_ERRORS} more errors` });
  });

  it('ignores a BOM and rejects an empty file', () => {
    expect(imported(`\uFEFF${JSON.stringify([own('a', 'A')])}`).preview.added).toHaveLength(1);
    expect(described('  \n')).toEqual(['the file is empty']);
  });

  it('resolves related ids: the file first (renamed), then the reader\'s, then bundled', () => {
    const file = [entry('a', 'Alpha', [], 'organization', { related: ['b', 'syria', 'user:old'] }), entry('b', 'Beta')];
    const r = imported(JSON.stringify(file), 'json', glossary(own('old', 'Old')));
    expect(r.result.entries.find((e) => e.id === 'user:a')!.related).toEqual(['user:b', 'syria', 'user:old']);
    expect(described(JSON.stringify([entry('a', 'Alpha', [], 'organization', { related: ['ghost'] })]))).toEqual([
      'entry 1 (a, “Alpha”), related: related id "ghost" is neither in the file, nor one of your entries, nor in the glossary',
    ]);
  });

  it('rejects an alias shared with another of the reader\'s entries, naming both', () => {
    const existing = glossary(own('a', 'Alpha'));
    expect(described(JSON.stringify([own('b', 'Alpha')]), 'json', existing)).toEqual([
      'entry 1 (user:b, “Alpha”), aliases: alias "Alpha" is also an alias of "Alpha" (user:a) ("alpha"): give one of them an ambiguity rule or remove it',
    ]);
  });

  it('imports 20,000 entries in about a second at most', () => {
    const file = Array.from({ length: 20_000 }, (_, i) => own(`entry-${i}`, `Entry number ${i}`, { aliases: [`E${i}`, `Number ${i}`], sources: [] }));
    const text = exportJson(glossary(...file));
    expect(text.length).toBeLessThan(MAX_IMPORT_BYTES);
    const start = performance.now();
    const r = imported(text, 'json');
    const jsonMs = performance.now() - start;
    expect(r.preview.added).toHaveLength(20_000);
    const csv = exportCsv(r.result);
    const csvStart = performance.now();
    expect(imported(csv, 'csv').preview.added).toHaveLength(20_000);
    const csvMs = performance.now() - csvStart;
    // Typically 0.3-0.9 s each, most of it validateEntries' folding of every alias (shared
    // with the build); the bound is loose because test machines are shared.
    expect(jsonMs).toBeLessThan(3000);
    expect(csvMs).toBeLessThan(3000);
  });
});

describe('parseImport: CSV', () => {
  it('reads the minimal columns and completes the entries', () => {
    const r = imported(`${CSV_HEADER}\nAlpha,organization,First.\r\nBeta,person,Second.\r\n`, 'csv');
    expect(r.preview.added.map((e) => [e.id, e.name, e.lastReviewed])).toEqual([
      ['user:alpha', 'Alpha', TODAY],
      ['user:beta', 'Beta', TODAY],
    ]);
  });

  it('takes columns in any order and any case, and reads list cells', () => {
    const text = [
      'Summary,NAME,type,aliases,sources,facts,timeline,lat,lon,global,lastreviewed,subtype',
      '"Says ""hi"", twice.",Alpha,place,A1 | A2 \\| with pipe,https://example.org/a | Title :: https://example.org/b :: Pub,Leader :: Someone,2020-01 :: Began,33.5,-36.25,yes,2026-01-02,city',
    ].join('\n');
    const [e] = imported(text).preview.added;
    expect(e).toEqual({
      id: 'user:alpha',
      name: 'Alpha',
      type: 'place',
      subtype: 'city',
      aliases: ['A1', 'A2 | with pipe'],
      summary: 'Says "hi", twice.',
      facts: [{ label: 'Leader', value: 'Someone' }],
      timeline: [{ date: '2020-01', text: 'Began' }],
      related: [],
      coordinates: { lat: 33.5, lon: -36.25 },
      sources: [
        { title: 'example.org', url: 'https://example.org/a' },
        { title: 'Title', url: 'https://example.org/b', publisher: 'Pub' },
      ],
      global: true,
      lastReviewed: '2026-01-02',
    });
  });

  it('rejects unknown and missing columns, naming them', () => {
    expect(described('name,type,summary,colour,size\nA,person,s,red,1')).toEqual([
      'Line 1: unknown columns "colour", "size" (the columns are id, name, type, subtype, aliases, summary, sources, related, facts, timeline, lat, lon, global, lastReviewed)',
    ]);
    expect(described('name,aliases\nA,B', 'csv')).toEqual([
      'Line 1: the header row has no type, summary columns (is the first row a header? it needs at least name, type, summary)',
    ]);
    expect(described('name,type,summary,name\nA,person,s,B')).toEqual(['Line 1: the column "name" appears twice']);
    expect(described('name;type;summary\nA;person;s', 'csv')).toEqual([
      'Line 1: the header row is one column separated by semicolons: the columns must be separated by commas',
    ]);
  });

  it('names the physical line of a row with the wrong number of cells, counting quoted line breaks', () => {
    const text = `${CSV_HEADER}\n"Multi\nline name",person,ok\nBeta,person,has, a comma\n`;
    expect(described(text)).toEqual([
      'Line 4, entry 2: 4 cells where the header has 3 (a comma inside a value needs quotes around the value)',
    ]);
  });

  it('names the line of an unterminated quote', () => {
    expect(described(`${CSV_HEADER}\r\nA,person,ok\r\nB,person,"never closed\r\nstill open\r\n`)).toEqual([
      'Line 3, column 10: not valid CSV: a quoted field opened here is never closed (a closing " is missing)',
    ]);
  });

  it('names the line, entry and field of an entry error', () => {
    const text = `${CSV_HEADER},aliases\nA,person,ok,\n"B\nB",person,<script>x</script>,\nC,person,ok,"{""text"": 1"\n`;
    expect(described(text)).toEqual([
      'Line 3, entry 2 (“B\nB”), summary: summary looks like HTML or a script ("<s…"): only plain text is allowed',
      'Line 5, entry 3 (“C”), aliases: alias 1 starts with "{" but is not a JSON alias object (write \\{ for a plain "{")',
    ]);
  });

  it('names both rows of a duplicate id', () => {
    expect(described(`id,${CSV_HEADER}\nx,A,person,s\ny,B,person,s\n"user:x",C,person,s\n`)).toEqual([
      'Line 4, entry 3 (user:x, “C”), id: the id "user:x" is also the id of entry 1 (x, “A”) on line 2',
    ]);
  });

  it('reads lat/lon and global strictly', () => {
    expect(described(`${CSV_HEADER},lat,lon\nA,place,s,33,\n`)[0]).toContain('lat and lon go together');
    expect(described(`${CSV_HEADER},lat,lon\nA,place,s,north,1\n`)[0]).toContain('must be numbers');
    expect(described(`${CSV_HEADER},global\nA,person,s,maybe\n`)[0]).toContain('global must be true or false');
  });

  it.each(HOSTILE)('rejects hostile text %s in a CSV cell', (hostile) => {
    const errors = importErrors(`${CSV_HEADER},aliases\nA,person,s,"${hostile}"\n`);
    expect(errors[0]).toMatchObject({ line: 2, entry: 1, field: 'aliases' });
  });

  it('does not let a __proto__ column pollute', () => {
    expect(described(`${CSV_HEADER},__proto__\nA,person,s,x\n`)[0]).toContain('unknown column "__proto__"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('auto-detects CSV and JSON', () => {
    expect(imported(`\uFEFF${CSV_HEADER}\nA,person,s`, 'auto').preview.added).toHaveLength(1);
    expect(imported(`  \n[{"name":"A","type":"person","summary":"s"}]`, 'auto').preview.added).toHaveLength(1);
  });
});

describe('export and round trips', () => {
  const tricky: GlossaryEntry[] = [
    own('commas', 'Smith, John "Jack"', { aliases: ['Jack, the "Boss"', 'A | B', 'back\\slash', '{braces}', 'x::y'], subtype: 'a, b' }),
    own('newline', 'Two\nlines', { summary: 'Line one,\r\nline two: "quoted" | piped.' }),
    own('arabic', 'حماة', { type: 'place', aliases: ['حماه', { text: 'Hama', lang: 'en', case: 'any', ambiguity: { notBefore: ['airline'], topicGate: true } }] }),
    own('full', 'Full', {
      type: 'country',
      coordinates: { lat: -33.123456, lon: 151.5 },
      global: true,
      facts: [{ label: 'Ratio :: x', value: 'a | b' }, { label: 'Note:', value: ':start' }],
      timeline: [{ date: '2019-03', text: 'It began; then | it ended.' }, { date: '2020-01-02', text: 'Later::' }],
      sources: [
        { title: 'example.org', url: 'https://example.org/a' },
        { title: 'Title, with | pipe', url: 'https://example.org/b?x=1&y=2', publisher: 'The Publisher' },
        { title: 'Bare', url: 'https://[::1]/ipv6' },
      ],
      related: ['user:commas', 'syria'],
    }),
    own('formula', '=SUM(A1)', { summary: '-starts with minus', aliases: ['@handle', "'=quoted"] }),
  ];
  const g = glossary(...tricky);

  it('JSON: export then import gives the same entries', () => {
    const text = exportJson(g);
    expect(JSON.parse(text)).toEqual({ version: 1, entries: tricky });
    expect(imported(text, 'json').result.entries).toEqual(tricky);
  });

  it('CSV: export then import gives the same entries, with the separator, quotes, newlines and Arabic', () => {
    const text = exportCsv(g);
    expect(text.split('\r\n')[0]).toBe('id,name,type,subtype,aliases,summary,sources,related,facts,timeline,lat,lon,global,lastReviewed');
    expect(imported(text, 'csv').result.entries).toEqual(tricky);
    expect(imported(`\uFEFF${text}`, 'auto').result.entries).toEqual(tricky);
  });

  it('CSV: guards cells a spreadsheet would run as formulas', () => {
    const row = exportCsv(glossary(tricky[4]!)).split('\r\n')[1]!;
    expect(row.startsWith(`user:formula,'=SUM(A1),`)).toBe(true);
    expect(row).toContain(`'-starts with minus`);
  });

  it('re-importing an export changes nothing', () => {
    const r = imported(exportCsv(g), 'csv', g);
    expect(r.preview).toEqual({ added: [], replaced: [], unchanged: tricky.length });
    expect(r.result).toEqual(g);
  });

  it('what a form accepted, export and import keep', () => {
    const accepted = validateUserEntry(
      { name: 'Idlib, "the city"', type: 'place', summary: 'ok', aliases: ['إدلب'], sources: [{ url: 'https://example.org/idlib' }] },
      EMPTY_USER_GLOSSARY,
      BUNDLED,
      TODAY,
    );
    if (!accepted.ok) throw new Error('not accepted');
    const g1 = glossary(accepted.entry);
    expect(imported(exportCsv(g1), 'csv').result).toEqual(g1);
    expect(imported(exportJson(g1), 'json').result).toEqual(g1);
    expect(readUserGlossary(JSON.parse(exportJson(g1))).glossary).toEqual(g1);
  });
});

describe('beside the bundled glossary', () => {
  it('gives the folded forms the reader\'s entries claim, article variants included', () => {
    const keys = userAliasKeys([own('assad', 'Bashar al-Assad', { aliases: ['Assad', 'SYRIA'] })]);
    expect(keys.has('assad')).toBe(true);
    expect(keys.has('bashar al assad')).toBe(true);
    expect(keys.has('bashar el assad')).toBe(true);
    expect(isClaimedSurface(keys, 'ASSAD')).toBe(true);
    expect(isClaimedSurface(keys, 'Bashar el‑Assad')).toBe(true);
    expect(isClaimedSurface(keys, 'Damascus')).toBe(false);
  });

  it('suppresses the bundled matches on claimed surfaces and compiles the reader\'s matcher', () => {
    const bundled = compileMatcher([entry('syria', 'Syria', [], 'country'), entry('damascus', 'Damascus', [], 'place')]);
    const mine = [own('my-syria', 'My Syria', { aliases: ['Syria'] })];
    const text = 'Syria and Damascus.';
    const bundledMatches = findIdMatches(bundled, text);
    expect(bundledMatches.map((m) => m.id)).toEqual(['syria', 'damascus']);
    expect(withoutClaimedMatches(bundledMatches, text, userAliasKeys(mine)).map((m) => m.id)).toEqual(['damascus']);
    expect(findIdMatches(compileUserMatcher(mine), text).map((m) => m.id)).toEqual(['user:my-syria']);
  });
});
