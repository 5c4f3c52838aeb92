/**
 * The settings store against storage shared by several contexts that repair the same
 * corrupt settings at once (the background, open tabs, the options page): whatever the
 * interleaving, the reader is told of the repair exactly once.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Area = Map<string, unknown>;
const areas: { sync: Area; local: Area } = { sync: new Map(), local: new Map() };
let random = (): number => 0;

/** Every storage call resolves after a random number of macrotasks, as across processes. */
async function someTime(): Promise<void> {
  const turns = Math.floor(random() * 4);
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

function storageArea(area: Area) {
  return {
    async get(keys: null | string | string[]): Promise<Record<string, unknown>> {
      await someTime();
      const wanted = keys === null ? [...area.keys()] : typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(wanted.filter((k) => area.has(k)).map((k) => [k, structuredClone(area.get(k))]));
    },
    async set(items: Record<string, unknown>): Promise<void> {
      await someTime();
      for (const [k, v] of Object.entries(items)) area.set(k, structuredClone(v));
    },
    async remove(keys: string | string[]): Promise<void> {
      await someTime();
      for (const k of typeof keys === 'string' ? [keys] : keys) area.delete(k);
    },
  };
}

vi.mock('webextension-polyfill', () => ({
  default: { storage: { sync: storageArea(areas.sync), local: storageArea(areas.local), onChanged: { addListener() {} } } },
}));

const { loadSettings, loadSettingsAndNotice } = await import('../../src/shared/settings-store.js');

/** A small deterministic generator, so a failing interleaving can be replayed by its seed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function corrupt(): void {
  areas.sync.set('density', 'sometimes');
  areas.sync.set('hoverDelayMs', -5);
}

describe('settings store', () => {
  beforeEach(() => {
    areas.sync.clear();
    areas.local.clear();
    random = () => 0;
  });

  it('repairs corrupt settings and tells the page that loads them', async () => {
    corrupt();
    const { settings, notice } = await loadSettingsAndNotice();
    expect(settings.density).toBe('every');
    expect(notice).toEqual(['"density" was not valid', '"hoverDelayMs" was not valid']);
    expect(areas.sync.get('density')).toBe('every');
    expect((await loadSettingsAndNotice()).notice).toEqual([]);
  });

  it('tells a page of a repair another context made before it loaded', async () => {
    corrupt();
    await loadSettings();
    expect((await loadSettingsAndNotice()).notice).toEqual(['"density" was not valid', '"hoverDelayMs" was not valid']);
    expect((await loadSettingsAndNotice()).notice).toEqual([]);
  });

  it('tells the page that loads while others repair, and only that page, however they interleave', async () => {
    for (let seed = 1; seed <= 300; seed++) {
      areas.sync.clear();
      areas.local.clear();
      corrupt();
      random = seeded(seed);
      const results = await Promise.all([loadSettings(), loadSettings(), loadSettingsAndNotice(), loadSettings()]);
      const later = await loadSettingsAndNotice();
      expect(results[2].notice, `seed ${seed}`).toEqual(['"density" was not valid', '"hoverDelayMs" was not valid']);
      expect(later.notice, `seed ${seed}`).toEqual([]);
      expect(areas.sync.get('density'), `seed ${seed}`).toBe('every');
    }
  });

  it('tells a new corruption after an old one was told', async () => {
    corrupt();
    await loadSettingsAndNotice();
    areas.sync.set('theme', 'neon');
    expect((await loadSettingsAndNotice()).notice).toEqual(['"theme" was not valid']);
  });

  it('reads the notice stored by the first version, a bare list', async () => {
    areas.local.set('settingsRepairNotice', ['"density" was not valid']);
    expect((await loadSettingsAndNotice()).notice).toEqual(['"density" was not valid']);
    expect((await loadSettingsAndNotice()).notice).toEqual([]);
  });
});
