import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The interface's translations (src/_locales/<lang>/messages.json, Chrome's format): every
 * language has every key, placeholders are declared and the same in every language, and every
 * key the code and the manifest ask for exists.
 */

const ROOT = join(import.meta.dirname, '../..');
const LOCALES = join(ROOT, 'src/_locales');

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
type Messages = Record<string, Message>;

function load(lang: string): Messages {
  return JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8')) as Messages;
}

const languages = readdirSync(LOCALES).filter((name) => statSync(join(LOCALES, name)).isDirectory());
const en = load('en');

/** The $NAME$ placeholders a message uses, lower-cased as Chrome matches them ("$$" is a dollar sign). */
function usedPlaceholders(message: string): string[] {
  return [...message.replace(/\$\$/g, '').matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();
}

function declaredPlaceholders(entry: Message): string[] {
  return Object.keys(entry.placeholders ?? {}).map((name) => name.toLowerCase()).sort();
}

/** Every .ts and .tsx file under src/. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('locale files', () => {
  it('include English, the default locale, and Arabic', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')).default_locale).toBe('en');
    expect(languages).toContain('en');
    expect(languages).toContain('ar');
  });

  it.each(languages)('%s: parses, with well-formed keys and no empty message', (lang) => {
    const messages = load(lang);
    expect(Object.keys(messages).length).toBeGreaterThan(0);
    for (const [key, entry] of Object.entries(messages)) {
      expect(key, `${lang}: key name`).toMatch(/^[A-Za-z0-9_@]+$/);
      expect(typeof entry.message, `${lang}: ${key}`).toBe('string');
      expect(entry.message.trim(), `${lang}: ${key} is empty`).not.toBe('');
      for (const [name, placeholder] of Object.entries(entry.placeholders ?? {})) {
        expect(name, `${lang}: ${key} placeholder name`).toMatch(/^[A-Za-z0-9_@]+$/);
        expect(placeholder.content, `${lang}: ${key} placeholder ${name}`).toMatch(/^\$[1-9]$/);
      }
    }
  });

  it.each(languages)('%s: has exactly the keys of English', (lang) => {
    const keys = Object.keys(load(lang)).sort();
    const english = Object.keys(en).sort();
    expect(english.filter((key) => !keys.includes(key)), `missing in ${lang}`).toEqual([]);
    expect(keys.filter((key) => !english.includes(key)), `unknown in ${lang}`).toEqual([]);
  });

  it.each(languages)('%s: every placeholder used is declared, and the same ones as in English', (lang) => {
    for (const [key, entry] of Object.entries(load(lang))) {
      const used = usedPlaceholders(entry.message);
      const declared = declaredPlaceholders(entry);
      for (const name of used) expect(declared, `${lang}: ${key} uses $${name}$ without declaring it`).toContain(name);
      for (const name of declared) expect(used, `${lang}: ${key} declares ${name} but never uses it`).toContain(name);
      const english = en[key];
      if (!english) continue;
      expect(declared, `${lang}: ${key} placeholders`).toEqual(declaredPlaceholders(english));
      for (const [name, { content }] of Object.entries(entry.placeholders ?? {})) {
        const englishName = Object.keys(english.placeholders ?? {}).find((n) => n.toLowerCase() === name.toLowerCase())!;
        expect(content, `${lang}: ${key} placeholder ${name} fills from the same argument`).toBe(english.placeholders![englishName]!.content);
      }
      // The browser's own substitution (%s in the context menu) is kept too.
      expect(entry.message.includes('%s'), `${lang}: ${key} %s`).toBe(english.message.includes('%s'));
    }
  });

  it.each(languages.filter((lang) => lang !== 'en'))('%s: keeps the product name "Backstory" in Latin script', (lang) => {
    const messages = load(lang);
    for (const [key, entry] of Object.entries(en)) {
      if (entry.message.includes('Backstory')) expect(messages[key]?.message, key).toContain('Backstory');
    }
  });
});

describe('keys used by the code and the manifest', () => {
  it('every t() key in src/ exists in the English messages', () => {
    const used = new Map<string, string>();
    for (const file of sourceFiles(join(ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?<![\w.$])t\(\s*(['"`])([^'"`$]+)\1/g)) used.set(match[2]!, relative(ROOT, file));
    }
    // The scan itself works: the card and the popup use t().
    expect(used.size).toBeGreaterThan(40);
    const missing = [...used].filter(([key]) => !(key in en)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it('every __MSG_x__ in manifest.json exists in the English messages', () => {
    const manifest = readFileSync(join(ROOT, 'manifest.json'), 'utf8');
    const keys = [...manifest.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((key) => !(key in en))).toEqual([]);
  });
});
