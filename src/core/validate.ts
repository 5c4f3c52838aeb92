/**
 * Validation of glossary entries: the one gate for bundled packs (at build time) and for
 * the reader's own entries (on import). It never throws on bad input; it reports every
 * problem with the entry it concerns, so a message can name what to fix.
 */

import {
  ENTITY_TYPES,
  type Alias,
  type EntityType,
  type GlossaryEntry,
} from './glossary-types.js';
import { aliasObjects, defaultCaseRule, patternForms } from './matcher.js';

export const SUMMARY_MAX = 300;

export interface Problem {
  /** The entry's id, or its position when it has no usable id. */
  entry: string;
  message: string;
}

export interface ValidationResult {
  entries: GlossaryEntry[];
  problems: Problem[];
}

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const TYPES = new Set<string>(ENTITY_TYPES);
const SPATIAL_TYPES = new Set<EntityType>(['place', 'country']);

/**
 * The region the glossary covers, as a generous box [west, south, east, north] in degrees:
 * North Africa from the Atlantic coast of Morocco, the Levant, Turkey and the Caucasus, Iran,
 * Iraq, the Gulf and Yemen (Socotra included). A place outside it is almost always a typing
 * slip (latitude and longitude swapped, a lost minus sign, a wrong decimal), which would put
 * the locator map's marker somewhere else or leave the card without a map.
 */
export const REGION_BOUNDS: readonly [number, number, number, number] = [-18, 8, 66, 46];

/**
 * Where the box does not apply, and why:
 * - a `country` is in the glossary for its role in the region, wherever it lies; its point
 *   is a centroid or capital that may be far away (Russia, the United States, China);
 * - a `global` place (named in news on any subject) is a far capital standing for its
 *   government ("Moscow", "Washington", "the Kremlin"), in the glossary for that role.
 * Every other place must lie in the box.
 */
function regionBoxApplies(raw: Json): boolean {
  return raw.type === 'place' && raw.global !== true;
}

export function insideRegion(lat: number, lon: number): boolean {
  const [west, south, east, north] = REGION_BOUNDS;
  return lon >= west && lon <= east && lat >= south && lat <= north;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** A real calendar date at the precision given ("2018", "2018-02", "2018-02-30" is not). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12) return false;
  const date = new Date(Date.UTC(Number(m[1]), month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Checks one entry's shape; returns its problems (empty when it is well formed). */
function checkEntryShape(raw: Json, today: string): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, message: string): void => {
    if (!ok) problems.push(message);
  };
  need(typeof raw.id === 'string' && ID_PATTERN.test(raw.id), 'id must be lower-case words joined by hyphens');
  need(isNonEmptyString(raw.name), 'name is missing');
  need(typeof raw.type === 'string' && TYPES.has(raw.type), `type must be one of ${ENTITY_TYPES.join(', ')}`);
  need(raw.subtype === undefined || isNonEmptyString(raw.subtype), 'subtype must be text');
  need(isNonEmptyString(raw.summary), 'summary is missing');
  if (typeof raw.summary === 'string') {
    need(raw.summary.length <= SUMMARY_MAX, `summary is ${raw.summary.length} characters (at most ${SUMMARY_MAX})`);
  }

  if (!Array.isArray(raw.aliases)) problems.push('aliases must be a list');
  else {
    raw.aliases.forEach((alias: unknown, i) => {
      if (typeof alias === 'string') need(alias.trim() !== '', `alias ${i + 1} is empty`);
      else if (isObject(alias)) {
        need(isNonEmptyString(alias.text), `alias ${i + 1} has no text`);
        need(
          alias.case === undefined || ['exact', 'initial', 'any'].includes(alias.case as string),
          `alias ${i + 1}: case must be exact, initial or any`,
        );
        need(alias.lang === undefined || isNonEmptyString(alias.lang), `alias ${i + 1}: lang must be text`);
        if (alias.ambiguity !== undefined) {
          const a = alias.ambiguity;
          const phrases = (v: unknown): boolean => v === undefined || (Array.isArray(v) && v.every(isNonEmptyString));
          need(
            isObject(a) &&
              (a.topicGate === undefined || typeof a.topicGate === 'boolean') &&
              phrases(a.notAfter) &&
              phrases(a.notBefore) &&
              phrases(a.onlyWith),
            `alias ${i + 1}: ambiguity must hold topicGate (true/false), notAfter/notBefore phrase lists and an onlyWith list of ids`,
          );
        }
      } else problems.push(`alias ${i + 1} must be text or an object with text`);
    });
  }

  if (!Array.isArray(raw.facts)) problems.push('facts must be a list');
  else {
    raw.facts.forEach((fact: unknown, i) => {
      need(
        isObject(fact) && isNonEmptyString(fact.label) && isNonEmptyString(fact.value),
        `fact ${i + 1} needs a label and a value`,
      );
    });
  }

  if (!Array.isArray(raw.timeline)) problems.push('timeline must be a list');
  else {
    let previous = '';
    raw.timeline.forEach((event: unknown, i) => {
      if (!isObject(event) || !isIsoDate(event.date) || !isNonEmptyString(event.text)) {
        problems.push(`timeline event ${i + 1} needs an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) and a text`);
        return;
      }
      const date = event.date as string;
      need(date.localeCompare(previous) >= 0, `timeline event ${i + 1} (${date}) is out of order`);
      need(date.slice(0, 10) <= today, `timeline event ${i + 1} (${date}) is in the future`);
      previous = date;
    });
  }

  need(Array.isArray(raw.related) && raw.related.every((r) => typeof r === 'string'), 'related must be a list of ids');
  need(raw.global === undefined || typeof raw.global === 'boolean', 'global must be true or false');

  if (raw.coordinates !== undefined) {
    const c = raw.coordinates;
    need(
      isObject(c) &&
        typeof c.lat === 'number' &&
        typeof c.lon === 'number' &&
        Math.abs(c.lat) <= 90 &&
        Math.abs(c.lon) <= 180,
      'coordinates must be {lat, lon} in decimal degrees',
    );
    if (isObject(c) && typeof c.lat === 'number' && typeof c.lon === 'number' && regionBoxApplies(raw)) {
      const [west, south, east, north] = REGION_BOUNDS;
      need(
        insideRegion(c.lat, c.lon),
        `coordinates ${c.lat}, ${c.lon} lie outside the region the glossary covers ` +
          `(latitude ${south} to ${north}, longitude ${west} to ${east}): check for swapped or mistyped values`,
      );
    }
  } else if (typeof raw.type === 'string' && SPATIAL_TYPES.has(raw.type as EntityType)) {
    problems.push(`a ${raw.type} needs coordinates`);
  }

  if (!Array.isArray(raw.sources) || raw.sources.length === 0) problems.push('at least one source is needed');
  else {
    raw.sources.forEach((source: unknown, i) => {
      need(
        isObject(source) && isNonEmptyString(source.title) && isHttpUrl(source.url),
        `source ${i + 1} needs a title and an http(s) URL`,
      );
    });
  }

  need(isIsoDate(raw.lastReviewed) && (raw.lastReviewed as string).length === 10, 'lastReviewed must be a full date (YYYY-MM-DD)');
  if (isIsoDate(raw.lastReviewed)) need(raw.lastReviewed <= today, 'lastReviewed is in the future');
  return problems;
}

function hasRule(alias: Alias): boolean {
  return typeof alias !== 'string' && alias.ambiguity !== undefined;
}

/**
 * Validates a list of entries as one glossary. `today` (YYYY-MM-DD) bounds dates; it is a
 * parameter so that the check is deterministic in tests.
 */
export function validateEntries(input: unknown, today: string): ValidationResult {
  const problems: Problem[] = [];
  if (!Array.isArray(input)) {
    return { entries: [], problems: [{ entry: '(file)', message: 'a glossary must be a list of entries' }] };
  }
  const entries: GlossaryEntry[] = [];
  const ids = new Set<string>();
  input.forEach((raw: unknown, index) => {
    const fallback = `entry ${index + 1}`;
    if (!isObject(raw)) {
      problems.push({ entry: fallback, message: 'must be an object' });
      return;
    }
    const label = typeof raw.id === 'string' && raw.id ? raw.id : fallback;
    const shape = checkEntryShape(raw, today);
    for (const message of shape) problems.push({ entry: label, message });
    if (shape.length) return;
    const entry = raw as unknown as GlossaryEntry;
    if (ids.has(entry.id)) {
      problems.push({ entry: entry.id, message: 'duplicate id' });
      return;
    }
    ids.add(entry.id);
    entries.push(entry);
  });

  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const entry of entries) {
    for (const related of entry.related) {
      if (!ids.has(related)) problems.push({ entry: entry.id, message: `related id "${related}" does not exist` });
      if (related === entry.id) problems.push({ entry: entry.id, message: 'an entry cannot be related to itself' });
    }
    for (const alias of entry.aliases) {
      if (typeof alias === 'string') continue;
      for (const id of alias.ambiguity?.onlyWith ?? []) {
        const needed = byId.get(id);
        if (!needed) problems.push({ entry: entry.id, message: `alias "${alias.text}": onlyWith id "${id}" does not exist` });
        // A global entry (named in news on any subject) is no evidence: the gate would never open through it.
        else if (needed.global) problems.push({ entry: entry.id, message: `alias "${alias.text}": onlyWith id "${id}" is a global entry, which never opens a gate` });
      }
    }
  }
  problems.push(...aliasCollisions(entries));
  return { entries, problems };
}

/**
 * Two entries that share an alias (after folding) are a collision unless one of the aliases
 * carries an ambiguity rule, or their case rules cannot both accept the same text.
 */
function aliasCollisions(entries: readonly GlossaryEntry[]): Problem[] {
  const owners = new Map<string, { id: string; alias: Alias; written: string }[]>();
  for (const entry of entries) {
    const seenHere = new Set<string>();
    for (const alias of aliasObjects(entry)) {
      for (const { folded } of patternForms(alias.text)) {
        if (seenHere.has(folded)) continue;
        seenHere.add(folded);
        const list = owners.get(folded) ?? [];
        list.push({ id: entry.id, alias, written: alias.text });
        owners.set(folded, list);
      }
    }
  }
  const problems: Problem[] = [];
  for (const [folded, list] of owners) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (hasRule(a.alias) || hasRule(b.alias)) continue;
        if (caseRulesDisjoint(a.alias, b.alias)) continue;
        problems.push({
          entry: b.id,
          message: `alias "${b.written}" is also an alias of "${a.id}" ("${folded}"): give one of them an ambiguity rule or remove it`,
        });
      }
    }
  }
  return problems;
}

function caseRulesDisjoint(a: Alias, b: Alias): boolean {
  const text = (x: Alias): string => (typeof x === 'string' ? x : x.text);
  const rule = (x: Alias): string => (typeof x === 'string' ? defaultCaseRule(x) : x.case ?? defaultCaseRule(x.text));
  return rule(a) === 'exact' && rule(b) === 'exact' && text(a) !== text(b);
}
