/**
 * Whether the page is dark, light, or says nothing we can read: the card follows the page
 * where the page is clearly one or the other, and the reader's system setting otherwise.
 */

export type Theme = 'light' | 'dark' | 'auto';

/** Relative luminance (WCAG) of an `rgb()`/`rgba()` colour, or null if transparent. */
export function luminance(colour: string): number | null {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?\s*\)/.exec(colour);
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  if (alpha < 0.5) return null;
  const channel = (v: string): number => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(m[1]!) + 0.7152 * channel(m[2]!) + 0.0722 * channel(m[3]!);
}

export function themeOf(backgrounds: readonly string[]): Theme {
  for (const colour of backgrounds) {
    const l = luminance(colour);
    if (l === null) continue;
    if (l < 0.12) return 'dark';
    if (l > 0.45) return 'light';
    return 'auto';
  }
  return 'auto';
}

/** The page's theme from the backgrounds of the text's block, the body and the root. */
export function pageTheme(near: Element): Theme {
  const backgrounds: string[] = [];
  for (let el: Element | null = near; el; el = el.parentElement) backgrounds.push(getComputedStyle(el).backgroundColor);
  return themeOf(backgrounds);
}
