import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, describeKeys, readSettings } from '../../src/core/settings.js';

describe('readSettings', () => {
  it('gives the defaults when nothing is stored', () => {
    expect(readSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, repaired: [] });
  });

  it('keeps valid fields and repairs the rest, saying what was wrong', () => {
    const { settings, repaired } = readSettings({ scope: 'page', density: 'sometimes', mutedEntities: ['douma', 'douma'], mutedTypes: ['person', 'dragon'] });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, scope: 'page', mutedEntities: ['douma'] });
    expect(repaired).toEqual(['"density" was not valid', '"mutedTypes" was not valid']);
  });

  it('accepts step keys with a modifier only, so they never fire while the reader types', () => {
    const good = { next: { code: 'KeyJ', alt: true, shift: false, ctrl: false }, previous: { code: 'KeyK', alt: true, shift: false, ctrl: false } };
    expect(readSettings({ stepKeys: good }).settings.stepKeys).toEqual(good);
    const bare = { ...good, next: { code: 'KeyJ', alt: false, shift: false, ctrl: false } };
    expect(readSettings({ stepKeys: bare }).repaired).toEqual(['"stepKeys" was not valid']);
    expect(describeKeys(DEFAULT_SETTINGS.stepKeys.next)).toBe('Alt+Shift+Period');
  });

  it('survives data that is not settings at all', () => {
    for (const junk of ['x', 42, [1, 2], true]) {
      expect(readSettings(junk).settings).toEqual(DEFAULT_SETTINGS);
      expect(readSettings(junk).repaired).toEqual(['the stored settings were not readable']);
    }
  });
});
