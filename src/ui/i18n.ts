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

/** First-strong isolate and pop directional isolate (Unicode bidi controls; invisible). */
const FSI = '\u2068';
const PDI = '\u2069';

/**
 * A message in the interface's language. In a right-to-left interface each substituted value
 * is isolated (FSI…PDI), so that a Latin name, a host or a key combination keeps its own
 * order inside the Arabic sentence and its punctuation stays with it.
 */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const rtl = subs.length > 0 && uiDirection() === 'rtl';
  const strings = subs.map((sub) => (rtl ? `${FSI}${sub}${PDI}` : String(sub)));
  try {
    const text = api()?.getMessage(key, strings);
    if (text) return text;
  } catch {
    // A context whose extension was reloaded: the English fallback below.
  }
  return fallback(key, strings);
}

/**
 * The language and direction of the messages in use, read from the messages themselves
 * (`uiLanguage`, `uiDirection` in each messages.json). Not the browser's `@@ui_locale` and
 * `@@bidi_dir`: those describe the browser's own language, which may have no translation
 * here (a Persian or Hebrew browser gets the English messages, which must stay left to
 * right) or, where the language is emulated, may disagree with the messages chosen.
 */
export function uiLanguage(): string {
  return t('uiLanguage').trim() || 'en';
}

export function uiDirection(): 'ltr' | 'rtl' {
  return t('uiDirection').trim() === 'rtl' ? 'rtl' : 'ltr';
}

/**
 * Start-up of an extension page (popup, options): the document takes the interface's
 * language and direction, so that its logical CSS lays it out right to left in Arabic.
 */
export function localiseDocument(title: string, doc: Document = document): void {
  doc.documentElement.lang = uiLanguage();
  doc.documentElement.dir = uiDirection();
  doc.title = title;
}
