/**
 * Settings in the browser's synced storage, one item per field (see src/core/settings.ts),
 * read through `readSettings` so that corrupt data never breaks a page: bad fields fall back
 * to their defaults, the repaired settings are written back, and what was repaired is kept
 * in `storage.local` until the popup or options page has told the reader once.
 *
 * Any context may be the one that repairs (the background, an open tab, the page itself,
 * often several at once), so the notice is written before the repaired settings: a page
 * that reads settings already repaired by another context then finds the notice too.
 */

import browser from 'webextension-polyfill';
import { fingerprintOf, migrateStoredSettings, readRepairNotice, readSettings, untoldRepair, type RepairNotice, type Settings } from '../core/settings.js';

/** The local item that holds what was last repaired (a `RepairNotice`). */
export const REPAIR_NOTICE_KEY = 'settingsRepairNotice';
/**
 * The local item that holds the fingerprint of the repair last told. It is apart from the
 * notice so that a late repairer rewriting the same notice cannot make it untold again.
 */
export const REPAIR_TOLD_KEY = 'settingsRepairTold';

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
    const area = await readArea();
    const { settings, repaired } = readSettings(area);
    if (repaired.length) {
      const notice: RepairNotice = { fingerprint: fingerprintOf(area), repaired };
      await browser.storage.local.set({ [REPAIR_NOTICE_KEY]: notice });
      await browser.storage.sync.set({ ...settings });
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

/**
 * The settings, and what was repaired in them if the reader has not been told yet (then
 * marked told). Loading first means a repair made by this very call is told as well.
 */
export async function loadSettingsAndNotice(): Promise<{ settings: Settings; notice: string[] }> {
  const settings = await loadSettings();
  const stored = await browser.storage.local.get([REPAIR_NOTICE_KEY, REPAIR_TOLD_KEY]);
  const notice = readRepairNotice(stored[REPAIR_NOTICE_KEY]);
  const untold = untoldRepair(notice, stored[REPAIR_TOLD_KEY]);
  if (notice && untold.length) await browser.storage.local.set({ [REPAIR_TOLD_KEY]: notice.fingerprint });
  return { settings, notice: untold };
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
