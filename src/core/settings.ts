/**
 * The reader's settings: what they are, their defaults, and how stored data (which may be
 * from an older version, hand-edited or corrupt) is read back safely. Pure: the browser
 * storage glue is in src/shared/settings-store.ts.
 */

import { ENTITY_TYPES, type EntityType } from './glossary-types.js';

export const SETTINGS_VERSION = 1;

export interface Settings {
  version: number;
  /** Where to look: the article's body, or the whole page. */
  scope: 'article' | 'page';
  /** Every mention of a name, or only its first on the page. */
  density: 'every' | 'first';
  /** Entity ids the reader chose not to see. */
  mutedEntities: string[];
  /** Entity types the reader chose not to see. */
  mutedTypes: EntityType[];
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  scope: 'article',
  density: 'every',
  mutedEntities: [],
  mutedTypes: [],
};

export interface ReadSettings {
  settings: Settings;
  /** What was wrong with the stored data and has been replaced by defaults. */
  repaired: string[];
}

/** Reads stored settings field by field: a bad field falls back to its default, the rest is kept. */
export function readSettings(stored: unknown): ReadSettings {
  if (stored === undefined || stored === null) return { settings: { ...DEFAULT_SETTINGS }, repaired: [] };
  if (typeof stored !== 'object' || Array.isArray(stored)) {
    return { settings: { ...DEFAULT_SETTINGS }, repaired: ['the stored settings were not readable'] };
  }
  const raw = stored as Record<string, unknown>;
  const repaired: string[] = [];
  const pick = <T>(key: string, ok: (v: unknown) => v is T, fallback: T): T => {
    if (raw[key] === undefined) return fallback;
    if (ok(raw[key])) return raw[key];
    repaired.push(`"${key}" was not valid`);
    return fallback;
  };
  const oneOf =
    <T extends string>(values: readonly T[]) =>
    (v: unknown): v is T =>
      typeof v === 'string' && (values as readonly string[]).includes(v);
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.length <= 200);
  const types = (v: unknown): v is EntityType[] => Array.isArray(v) && v.every(oneOf(ENTITY_TYPES));
  return {
    settings: {
      version: SETTINGS_VERSION,
      scope: pick('scope', oneOf(['article', 'page'] as const), DEFAULT_SETTINGS.scope),
      density: pick('density', oneOf(['every', 'first'] as const), DEFAULT_SETTINGS.density),
      mutedEntities: [...new Set(pick('mutedEntities', strings, DEFAULT_SETTINGS.mutedEntities))],
      mutedTypes: [...new Set(pick('mutedTypes', types, DEFAULT_SETTINGS.mutedTypes))],
    },
    repaired,
  };
}
