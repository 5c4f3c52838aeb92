/**
 * The reader's settings: what they are, their defaults, and how stored data (which may be
 * from an older version, hand-edited or corrupt) is read back safely. Pure: the browser
 * storage glue is in src/shared/settings-store.ts.
 *
 * Stored form (version 2): one `storage.sync` item per field, so that the longer lists (sites,
 * hidden names) each get the browser's per-item quota (8 KB) instead of sharing one.
 * Version 1 kept every field in a single item named `settings`; `migrateStoredSettings`
 * turns that into the version 2 form.
 */

import { ENTITY_TYPES, type EntityType } from './glossary-types.js';
import { DEFAULT_COLOURS, HIGHLIGHT_STYLES, PALETTE_COLOURS, type HighlightStyle, type PaletteColour } from './highlight-styles.js';

export const SETTINGS_VERSION = 2;

export interface Settings {
  version: number;
  /** Backstory is paused everywhere (the popup's global switch). */
  paused: boolean;
  /** `except`: on everywhere but the listed sites; `only`: on nowhere but the listed sites. */
  siteMode: 'except' | 'only';
  /** Host names ("example.com" also covers "news.example.com"). */
  sites: string[];
  /** Where to look: the article's body, or the whole page. */
  scope: 'article' | 'page';
  /** Every mention of a name, or only its first on the page. */
  density: 'every' | 'first';
  /** Entity ids the reader chose not to see. */
  mutedEntities: string[];
  /** Entity types the reader chose not to see. */
  mutedTypes: EntityType[];
  /** Bundled glossary packs the reader switched off. */
  disabledPacks: string[];
  highlightStyle: HighlightStyle;
  colours: Record<EntityType, PaletteColour>;
  /** How long the pointer rests on a name before its card opens. */
  hoverDelayMs: number;
  /** The card's colours: matched to the page, or fixed. */
  theme: 'auto' | 'light' | 'dark';
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

/**
 * How long the pointer must rest on a name before its card opens. Long enough that a pointer
 * crossing the text on its way elsewhere opens nothing (Page Previews waits about 500 ms in
 * all, of which ~150 ms is dwell before it fetches; our entries are local, so no fetch time
 * has to be hidden and the whole wait can be shorter).
 */
export const DEFAULT_HOVER_DELAY_MS = 350;

export const HOVER_DELAY_RANGE = { min: 100, max: 2000 } as const;
/** Longest lists kept: each list must fit the browser's 8 KB per synced item. */
export const MAX_SITES = 250;
export const MAX_MUTED = 250;

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
  paused: false,
  siteMode: 'except',
  sites: [],
  scope: 'article',
  density: 'every',
  mutedEntities: [],
  mutedTypes: [],
  disabledPacks: [],
  highlightStyle: 'dotted',
  colours: DEFAULT_COLOURS,
  hoverDelayMs: DEFAULT_HOVER_DELAY_MS,
  theme: 'auto',
  stepKeys: DEFAULT_STEP_KEYS,
};

export interface ReadSettings {
  settings: Settings;
  /** What was wrong with the stored data and has been replaced by defaults. */
  repaired: string[];
}

/**
 * The stored items in the current version's form: version 1's single `settings` item is
 * spread into one item per field. Returns null when nothing needs migrating.
 */
export function migrateStoredSettings(area: Record<string, unknown>): { set: Record<string, unknown>; remove: string[] } | null {
  const old = area.settings;
  if (old === undefined) return null;
  const fields = typeof old === 'object' && old !== null && !Array.isArray(old) ? (old as Record<string, unknown>) : {};
  const set: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS)) if (key in fields && area[key] === undefined) set[key] = fields[key];
  set.version = SETTINGS_VERSION;
  return { set, remove: ['settings'] };
}

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (values as readonly string[]).includes(v);
const stringList = (max: number) => (v: unknown): v is string[] =>
  Array.isArray(v) && v.length <= max && v.every((s) => typeof s === 'string' && s.length <= 200);

/** Reads stored settings field by field: a bad field falls back to its default, the rest is kept. */
export function readSettings(stored: unknown): ReadSettings {
  if (stored === undefined || stored === null) return { settings: { ...DEFAULT_SETTINGS }, repaired: [] };
  if (typeof stored !== 'object' || Array.isArray(stored)) {
    return { settings: { ...DEFAULT_SETTINGS }, repaired: ['the stored settings were not readable'] };
  }
  const raw = stored as Record<string, unknown>;
  const repaired: string[] = [];
  const pick = <T>(key: keyof Settings, ok: (v: unknown) => v is T, fallback: T): T => {
    const value = Object.hasOwn(raw, key) ? raw[key] : undefined;
    if (value === undefined) return fallback;
    if (ok(value)) return value;
    repaired.push(`"${key}" was not valid`);
    return fallback;
  };
  const types = (v: unknown): v is EntityType[] => Array.isArray(v) && v.every(oneOf(ENTITY_TYPES));
  const sites = (v: unknown): v is string[] => stringList(MAX_SITES)(v) && v.every((s) => normaliseSite(s) === s);
  const colours = (v: unknown): v is Partial<Record<EntityType, PaletteColour>> =>
    typeof v === 'object' && v !== null && !Array.isArray(v) &&
    Object.entries(v).every(([type, colour]) => oneOf(ENTITY_TYPES)(type) && oneOf(PALETTE_COLOURS)(colour));
  const delay = (v: unknown): v is number =>
    typeof v === 'number' && Number.isInteger(v) && v >= HOVER_DELAY_RANGE.min && v <= HOVER_DELAY_RANGE.max;
  const flag = (v: unknown): v is boolean => typeof v === 'boolean';
  return {
    settings: {
      version: SETTINGS_VERSION,
      paused: pick('paused', flag, DEFAULT_SETTINGS.paused),
      siteMode: pick('siteMode', oneOf(['except', 'only'] as const), DEFAULT_SETTINGS.siteMode),
      sites: [...new Set(pick('sites', sites, DEFAULT_SETTINGS.sites))],
      scope: pick('scope', oneOf(['article', 'page'] as const), DEFAULT_SETTINGS.scope),
      density: pick('density', oneOf(['every', 'first'] as const), DEFAULT_SETTINGS.density),
      mutedEntities: [...new Set(pick('mutedEntities', stringList(MAX_MUTED), DEFAULT_SETTINGS.mutedEntities))],
      mutedTypes: [...new Set(pick('mutedTypes', types, DEFAULT_SETTINGS.mutedTypes))],
      disabledPacks: [...new Set(pick('disabledPacks', stringList(100), DEFAULT_SETTINGS.disabledPacks))],
      highlightStyle: pick('highlightStyle', oneOf(HIGHLIGHT_STYLES), DEFAULT_SETTINGS.highlightStyle),
      colours: { ...DEFAULT_COLOURS, ...pick('colours', colours, {}) },
      hoverDelayMs: pick('hoverDelayMs', delay, DEFAULT_SETTINGS.hoverDelayMs),
      theme: pick('theme', oneOf(['auto', 'light', 'dark'] as const), DEFAULT_SETTINGS.theme),
      stepKeys: pick(
        'stepKeys',
        (v: unknown): v is Settings['stepKeys'] => typeof v === 'object' && v !== null && isKeyCombo((v as Record<string, unknown>).next) && isKeyCombo((v as Record<string, unknown>).previous),
        DEFAULT_STEP_KEYS,
      ),
    },
    repaired,
  };
}

/**
 * A site as the reader typed it ("https://www.BBC.co.uk/news", "bbc.co.uk.") → the host name
 * the list keeps ("bbc.co.uk"), or null if it is not a host name. "www." is dropped: it never
 * names a different site.
 */
export function normaliseSite(input: string): string | null {
  const text = input.trim();
  if (!text || text.length > 200) return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`).hostname;
  } catch {
    return null;
  }
  host = host.replace(/\.$/, '').replace(/^www\./, '');
  return /^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host) ? host : null;
}

/** Whether `host` is one of `sites` or under one of them. */
export function siteListed(host: string, sites: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return sites.some((site) => h === site || h.endsWith(`.${site}`));
}

/** Whether Backstory reads pages of `host` under these settings. */
export function enabledOn(settings: Settings, host: string): boolean {
  if (settings.paused) return false;
  const listed = siteListed(host, settings.sites);
  return settings.siteMode === 'except' ? !listed : listed;
}

/** The settings with `host` switched on or off, whatever the list's mode. */
export function withSite(settings: Settings, host: string, on: boolean): Settings {
  const site = normaliseSite(host) ?? host;
  // In `except` mode the list holds the sites where it is off; in `only` mode where it is on.
  const listIt = settings.siteMode === 'except' ? !on : on;
  const others = settings.sites.filter((s) => !(site === s || site.endsWith(`.${s}`) || s.endsWith(`.${site}`)));
  return { ...settings, sites: listIt ? [...others, site] : others };
}

/**
 * What the popup or options page tells the reader about a repair of their stored settings.
 * Several contexts (the background, every open tab, the page itself) may read the same
 * corrupt data at once and each repair it; the fingerprint of the corrupt data lets them
 * agree that it is one repair, to be told once.
 */
export interface RepairNotice {
  fingerprint: string;
  repaired: string[];
}

/** A stable fingerprint of a stored area (key order does not count). */
export function fingerprintOf(area: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(area).sort().map((key) => [key, area[key]]));
}

/** Reads the stored notice; the first version stored a bare list of what was repaired. */
export function readRepairNotice(stored: unknown): RepairNotice | null {
  const lines = (v: unknown): string[] | null => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : null);
  if (Array.isArray(stored)) return { fingerprint: '', repaired: lines(stored) ?? [] };
  if (typeof stored !== 'object' || stored === null) return null;
  const { fingerprint, repaired } = stored as Record<string, unknown>;
  return { fingerprint: typeof fingerprint === 'string' ? fingerprint : '', repaired: lines(repaired) ?? ['the stored settings'] };
}

/** What to tell the reader, given the stored notice and the fingerprint last told. */
export function untoldRepair(notice: RepairNotice | null, toldFingerprint: unknown): string[] {
  if (!notice || notice.repaired.length === 0 || notice.fingerprint === toldFingerprint) return [];
  return notice.repaired;
}
