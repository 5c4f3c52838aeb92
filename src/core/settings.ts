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
  /** The in-page keys that step to the next / previous name (the browser's own shortcut is set in the browser). */
  stepKeys: { next: KeyCombo; previous: KeyCombo };
}

/** A key combination by physical key (`KeyboardEvent.code`), so it works on any layout. */
export interface KeyCombo {
  code: string;
  alt: boolean;
  shift: boolean;
  ctrl: boolean;
}

/** Alt+Shift+. and Alt+Shift+, : free in Chrome, Firefox and the common screen readers. */
export const DEFAULT_STEP_KEYS: Settings['stepKeys'] = {
  next: { code: 'Period', alt: true, shift: true, ctrl: false },
  previous: { code: 'Comma', alt: true, shift: true, ctrl: false },
};

export function isKeyCombo(value: unknown): value is KeyCombo {
  if (typeof value !== 'object' || value === null) return false;
  const k = value as Record<string, unknown>;
  return (
    typeof k.code === 'string' && /^[A-Za-z0-9]{1,20}$/.test(k.code) &&
    typeof k.alt === 'boolean' && typeof k.shift === 'boolean' && typeof k.ctrl === 'boolean' &&
    // A bare key would fire while the reader types elsewhere or uses the page's own shortcuts.
    (k.alt || k.ctrl)
  );
}

/** "Alt+Shift+Period" for people. */
export function describeKeys(combo: KeyCombo): string {
  return [combo.ctrl && 'Ctrl', combo.alt && 'Alt', combo.shift && 'Shift', combo.code.replace(/^Key|^Digit/, '')].filter(Boolean).join('+');
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  scope: 'article',
  density: 'every',
  mutedEntities: [],
  mutedTypes: [],
  stepKeys: DEFAULT_STEP_KEYS,
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
      stepKeys: pick(
        'stepKeys',
        (v: unknown): v is Settings['stepKeys'] => typeof v === 'object' && v !== null && isKeyCombo((v as Record<string, unknown>).next) && isKeyCombo((v as Record<string, unknown>).previous),
        DEFAULT_STEP_KEYS,
      ),
    },
    repaired,
  };
}
