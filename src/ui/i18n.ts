/**
 * Interface strings through the browser's i18n (src/_locales/<lang>/messages.json). The
 * English table is bundled as the fallback, so the same components render in unit tests
 * (no extension API there) and a missing translation shows English, never an empty label.
 */

import english from '../_locales/en/messages.json';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const EN = english as Messages;

export type MessageKey = keyof typeof english;

interface I18nApi {
  getMessage(name: string, substitutions?: string | string[]): string;
  getUILanguage(): string;
}

function api(): I18nApi | null {
  const g = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  return g.browser?.i18n ?? g.chrome?.i18n ?? null;
}

/** English, with $NAME$ placeholders filled as the browser would. */
function fallback(key: string, subs: string[]): string {
  const entry = EN[key];
  if (!entry) return key;
  let text = entry.message;
  for (const [name, { content }] of Object.entries(entry.placeholders ?? {})) {
    const index = Number(content.replace('$', '')) - 1;
    text = text.replace(new RegExp(`\\$${name}\\$`, 'gi'), subs[index] ?? '');
  }
  return text;
}

export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const strings = subs.map(String);
  try {
    const text = api()?.getMessage(key, strings);
    if (text) return text;
  } catch {
    // A context whose extension was reloaded: the English fallback below.
  }
  return fallback(key, strings);
}

export function uiLanguage(): string {
  try {
    return api()?.getMessage('@@ui_locale')?.replace('_', '-') || 'en';
  } catch {
    return 'en';
  }
}

export function uiDirection(): 'ltr' | 'rtl' {
  try {
    return api()?.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}
