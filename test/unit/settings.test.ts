import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, describeKeys, enabledOn, migrateStoredSettings, normaliseSite, readSettings, siteListed, withSite } from '../../src/core/settings.js';

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

describe('settings version 2', () => {
  it('migrates version 1 (one "settings" item) to one item per field', () => {
    const migration = migrateStoredSettings({ settings: { version: 1, scope: 'page', density: 'first', mutedTypes: ['person'] } });
    expect(migration).toEqual({ set: { scope: 'page', density: 'first', mutedTypes: ['person'], version: 2 }, remove: ['settings'] });
    expect(readSettings(migration!.set).settings).toEqual({ ...DEFAULT_SETTINGS, scope: 'page', density: 'first', mutedTypes: ['person'] });
    expect(migrateStoredSettings({ version: 2, scope: 'page' })).toBeNull();
    // A corrupt version 1 item migrates to nothing but the version: the defaults.
    expect(migrateStoredSettings({ settings: 'garbage' })).toEqual({ set: { version: 2 }, remove: ['settings'] });
  });

  it('repairs look, delay, theme and sites field by field', () => {
    const { settings, repaired } = readSettings({ colours: { place: 'red', person: 'chartreuse' }, hoverDelayMs: 5, theme: 'dark', sites: ['bbc.co.uk'], highlightStyle: 'wavy' });
    expect(settings.colours).toEqual(DEFAULT_SETTINGS.colours);
    expect(settings.hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    expect(settings.theme).toBe('dark');
    expect(settings.sites).toEqual(['bbc.co.uk']);
    expect(settings.highlightStyle).toBe('wavy');
    expect(repaired).toEqual(['"colours" was not valid', '"hoverDelayMs" was not valid']);
    expect(readSettings({ colours: { place: 'red' } }).settings.colours).toEqual({ ...DEFAULT_SETTINGS.colours, place: 'red' });
    expect(readSettings({ sites: ['https://www.bbc.co.uk/news'] }).repaired).toEqual(['"sites" was not valid']);
  });

  it('normalises what the reader types as a site', () => {
    expect(normaliseSite('https://www.BBC.co.uk/news/world')).toBe('bbc.co.uk');
    expect(normaliseSite(' Example.com. ')).toBe('example.com');
    expect(normaliseSite('münchen.de')).toBe('xn--mnchen-3ya.de');
    for (const bad of ['', 'not a site', 'http://', 'a'.repeat(300)]) expect(normaliseSite(bad)).toBeNull();
  });

  it('switches a site on and off in either list mode, subdomains included', () => {
    const base = { ...DEFAULT_SETTINGS };
    const off = withSite(base, 'www.example.com', false);
    expect(off.sites).toEqual(['example.com']);
    expect(enabledOn(off, 'example.com')).toBe(false);
    expect(enabledOn(off, 'news.example.com')).toBe(false);
    expect(enabledOn(off, 'example.org')).toBe(true);
    // Switching a subdomain back on takes the listed parent out, so the switch tells the truth.
    expect(enabledOn(withSite(off, 'news.example.com', true), 'news.example.com')).toBe(true);
    const only = { ...base, siteMode: 'only' as const };
    expect(enabledOn(only, 'example.com')).toBe(false);
    const on = withSite(only, 'example.com', true);
    expect(on.sites).toEqual(['example.com']);
    expect(enabledOn(on, 'example.com')).toBe(true);
    expect(enabledOn({ ...on, paused: true }, 'example.com')).toBe(false);
    expect(siteListed('EXAMPLE.com.', ['example.com'])).toBe(true);
    expect(siteListed('badexample.com', ['example.com'])).toBe(false);
  });
});
