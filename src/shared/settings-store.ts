/**
 * Settings in the browser's synced storage (small: a few hundred bytes), read through
 * src/core/settings.ts so that corrupt data never breaks a page: bad fields fall back to
 * defaults and the repaired settings are written back.
 */

import browser from 'webextension-polyfill';
import { readSettings, type Settings } from '../core/settings.js';

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  try {
    const stored = (await browser.storage.sync.get(KEY))[KEY];
    const { settings, repaired } = readSettings(stored);
    if (repaired.length) await browser.storage.sync.set({ [KEY]: settings });
    return settings;
  } catch {
    return readSettings(undefined).settings;
  }
}

export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = change(await loadSettings());
  await browser.storage.sync.set({ [KEY]: next });
  return next;
}

/** Calls `listener` with the new settings whenever they change (in any tab or page). */
export function onSettingsChanged(listener: (settings: Settings) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && changes[KEY]) listener(readSettings(changes[KEY].newValue).settings);
  });
}
