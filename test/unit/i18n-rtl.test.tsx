// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The interface in Arabic: the popup and the options page take the language and direction
 * of the messages in use (`<html lang="ar" dir="rtl">`), their text comes from the Arabic
 * messages, substituted values are isolated so that Latin names keep their order, and the
 * pages' CSS is direction-neutral (logical properties only). A right-to-left browser with no
 * translation here gets English, laid out left to right.
 */

const ROOT = join(import.meta.dirname, '../..');

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
const load = (lang: string) => JSON.parse(readFileSync(join(ROOT, 'src/_locales', lang, 'messages.json'), 'utf8')) as Record<string, Message>;

/**
 * chrome.i18n as a browser whose own language is `browserLocale` gives it, with `messages`
 * the translation it picked (Chrome's substitution rules).
 */
function fakeI18n(messages: Record<string, Message>, browserLocale: string, browserDir: 'ltr' | 'rtl') {
  return {
    getMessage(name: string, substitutions?: string | string[]): string {
      if (name === '@@ui_locale') return browserLocale;
      if (name === '@@bidi_dir') return browserDir;
      const entry = messages[name];
      if (!entry) return '';
      const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
      const placeholders = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([key, value]) => [key.toLowerCase(), value.content]));
      return entry.message
        .replace(/\$([A-Za-z0-9_@]+)\$/g, (_, key: string) => placeholders[key.toLowerCase()] ?? '')
        .replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
    },
    getUILanguage: () => browserLocale.replace('_', '-'),
  };
}

const FSI = '\u2068';
const PDI = '\u2069';

/** Just enough of the extension API for the popup and the options page to start. */
const fakeBrowser = {
  storage: {
    sync: { get: async () => ({}), set: async () => {}, remove: async () => {} },
    local: { get: async () => ({}), set: async () => {}, remove: async () => {} },
    onChanged: { addListener: () => {} },
  },
  tabs: {
    query: async () => [{ id: 7 }],
    sendMessage: async () => ({ host: 'example.com', enabled: true, entities: [{ id: 'douma', type: 'place', mentions: 2 }] }),
  },
  runtime: {
    sendMessage: async () => ({ ok: true, briefs: [{ id: 'douma', name: 'Douma', type: 'place', summary: 'Largest town of Eastern Ghouta.', own: true }] }),
    getURL: (path: string) => `chrome-extension://test/${path}`,
    openOptionsPage: async () => {},
  },
  commands: { getAll: async () => [{ name: 'next-name', description: 'الانتقال إلى الاسم المميَّز التالي وفتح بطاقته', shortcut: 'Alt+Shift+.' }] },
};
vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

function resetDocument(): void {
  document.documentElement.removeAttribute('lang');
  document.documentElement.removeAttribute('dir');
  document.title = '';
  document.body.replaceChildren();
  const app = document.createElement('div');
  app.id = 'app';
  document.body.appendChild(app);
}

describe('with the browser in English (no i18n API: the English fallback)', () => {
  it('t() substitutes values as they are, without bidi marks', async () => {
    const { t, uiDirection } = await import('../../src/ui/i18n.js');
    expect(uiDirection()).toBe('ltr');
    expect(t('sitesRemoveNamed', 'example.com')).toBe('Remove example.com');
  });
});

describe('with the browser in Arabic', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.stubGlobal('chrome', { i18n: fakeI18n(load('ar'), 'ar', 'rtl') });
    vi.stubGlobal('fetch', async (url: string) => ({
      json: async () =>
        url.endsWith('packs.json') ? [{ id: 'syria', name: 'Syria', description: 'The war in Syria.', ids: ['douma'] }] : [{ id: 'douma', name: 'Douma' }],
    }));
    resetDocument();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('t() reads the Arabic messages and isolates each substituted value', async () => {
    const { t, uiDirection, uiLanguage } = await import('../../src/ui/i18n.js');
    expect(uiLanguage()).toBe('ar');
    expect(uiDirection()).toBe('rtl');
    expect(t('cancel')).toBe('إلغاء');
    expect(t('sitesRemoveNamed', 'example.com')).toBe(`إزالة ${FSI}example.com${PDI}`);
    expect(t('formSummaryCount', 12, 600)).toBe(`عدد الأحرف: ${FSI}12${PDI} من ${FSI}600${PDI} كحد أقصى`);
  });

  it('the popup lays itself out right to left, in Arabic', async () => {
    await import('../../src/popup/popup.js');
    await settle();
    expect(document.documentElement.getAttribute('lang')).toBe('ar');
    expect(document.documentElement.getAttribute('dir')).toBe('rtl');
    const text = document.body.textContent!;
    for (const part of ['الإعدادات ومسردك', 'إيقاف مؤقت في كل المواقع', 'أماكن', 'من إضافتك']) expect(text).toContain(part);
    // The glossary's name keeps its own language and direction; the badge is the interface's.
    const name = document.querySelector('.entity .name [lang="en"]')!;
    expect(name.textContent).toBe('Douma');
    expect(name.getAttribute('dir')).toBe('auto');
    expect(name.contains(document.querySelector('.entity .own'))).toBe(false);
  });

  it('the options page lays itself out right to left, in Arabic', async () => {
    await import('../../src/options/options.js');
    await settle();
    expect(document.documentElement.getAttribute('lang')).toBe('ar');
    expect(document.documentElement.getAttribute('dir')).toBe('rtl');
    expect(document.title).toBe('إعدادات Backstory');
    const text = document.body.textContent!;
    for (const part of ['القراءة', 'مظهر الأسماء', 'لوحة المفاتيح', 'المواقع', 'المسارد', 'مدخلاتك الخاصة', 'جماعة مسلحة', 'إدلب']) expect(text).toContain(part);
    // A browser shortcut ends in punctuation: it is set left to right, or the period would jump.
    expect(document.querySelector('kbd')!.getAttribute('dir')).toBe('ltr');
  });
});

describe('a right-to-left browser without a translation here (Persian: English messages)', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.stubGlobal('chrome', { i18n: fakeI18n(load('en'), 'fa', 'rtl') });
    resetDocument();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lays the English interface out left to right, in English', async () => {
    const { localiseDocument, t, uiDirection, uiLanguage } = await import('../../src/ui/i18n.js');
    expect([uiLanguage(), uiDirection()]).toEqual(['en', 'ltr']);
    localiseDocument(t('optionsTitle'));
    expect(document.documentElement.getAttribute('lang')).toBe('en');
    expect(document.documentElement.getAttribute('dir')).toBe('ltr');
    expect(t('sitesRemoveNamed', 'example.com')).toBe('Remove example.com');
  });
});

describe('each translation names its own language and direction', () => {
  it.each(readdirSync(join(ROOT, 'src/_locales')))('%s', (lang) => {
    const messages = load(lang);
    expect(messages.uiLanguage?.message).toBe(lang.replace('_', '-'));
    expect(messages.uiDirection?.message).toBe(['ar', 'fa', 'he', 'ur'].includes(lang.split('_')[0]!) ? 'rtl' : 'ltr');
  });
});

describe('the pages\u2019 CSS is direction-neutral', () => {
  it.each(['src/popup/popup.css', 'src/options/options.css', 'src/ui/card.css'])('%s uses logical properties, never left or right', (file) => {
    const css = readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const physical = css.match(/[^{};]*\b(?:left|right)\b[^{};]*/g) ?? [];
    expect(physical.map((s) => s.trim())).toEqual([]);
  });
});
