/**
 * Settings in the browser's synced storage, one item per field (see src/core/settings.ts),
 * read through `readSettings` so that corrupt data never breaks a page: bad fields fall back
 * to their defaults, the repaired settings are written back, and what was repaired is kept
 * in `storage.local` until the popup or options page has told the reader once.
 */

import browser from 'webextension-polyfill';
import { migrateStoredSettings, readSettings, type Settings } from '../core/settings.js';

/** The local item that holds "what was repaired", until the reader has seen it. */
export const REPAIR_NOTICE_KEY = 'settingsRepairNotice';

async function readArea(): Promise<Record<string, unknown>> {
  const area = await browser.storage.sync.get(null);
  const migration = migrateStoredSettings(area);
  if (!migration) return area;
  await browser.storage.sync.set(migration.set);
  await browser.storage.sync.remove(migration.remove);
  return browser.storage.sync.get(null);
}

export async function loadSettings(): Promise<Settings> {
  try {
    const { settings, repaired } = readSettings(await readArea());
    if (repaired.length) {
      await browser.storage.sync.set({ ...settings });
      await browser.storage.local.set({ [REPAIR_NOTICE_KEY]: repaired });
    }
    return settings;
  } catch {
    return readSettings(undefined).settings;
  }
}

/** Saves the fields that differ from what is stored (each field is its own item). */
export async function saveSettings(next: Settings): Promise<void> {
  await browser.storage.sync.set({ ...next });
}

export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = change(await loadSettings());
  await saveSettings(next);
  return next;
}

/** What was repaired in the stored settings, once: reading it clears it. */
export async function takeRepairNotice(): Promise<string[]> {
  const stored = (await browser.storage.local.get(REPAIR_NOTICE_KEY))[REPAIR_NOTICE_KEY];
  if (stored === undefined) return [];
  await browser.storage.local.remove(REPAIR_NOTICE_KEY);
  return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string') : ['the stored settings'];
}

/** Calls `listener` with the new settings whenever they change (in any tab or page). */
export function onSettingsChanged(listener: (settings: Settings) => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area !== 'sync') return;
    // One save writes several items: read them once, after the burst.
    clearTimeout(timer);
    timer = setTimeout(() => void loadSettings().then(listener), 20);
  });
}
