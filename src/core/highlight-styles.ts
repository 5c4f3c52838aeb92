/**
 * How highlighted names look: an underline style and a colour per entity type, chosen by the
 * reader from a fixed palette.
 *
 * Why a palette and not any colour: the highlight rules ship as the manifest's content-script
 * CSS, which a page can neither remove nor override (an adopted stylesheet could be removed
 * by the page). Static CSS can only know a finite set of looks, so the build writes one
 * `::highlight()` rule per (style, colour) pair and the content script puts each type's
 * ranges in the highlight named for the reader's choice. Every palette colour keeps at least
 * 3:1 contrast against white and is legible on dark pages.
 */

import type { EntityType } from './glossary-types.js';

export const HIGHLIGHT_STYLES = ['dotted', 'solid', 'dashed', 'wavy', 'tint', 'hover'] as const;
/** `hover`: nothing is painted until the pointer rests on a name. */
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

export const PALETTE = {
  teal: '#0f766e',
  cyan: '#0e7490',
  blue: '#1d4ed8',
  indigo: '#4338ca',
  purple: '#7e22ce',
  rose: '#be123c',
  red: '#b91c1c',
  amber: '#b45309',
  ochre: '#a16207',
  green: '#15803d',
  slate: '#475569',
} as const;
export type PaletteColour = keyof typeof PALETTE;
export const PALETTE_COLOURS = Object.keys(PALETTE) as PaletteColour[];

export const DEFAULT_COLOURS: Record<EntityType, PaletteColour> = {
  place: 'teal',
  country: 'cyan',
  'armed-group': 'amber',
  organization: 'indigo',
  person: 'purple',
  event: 'rose',
  agreement: 'green',
  community: 'ochre',
};

export const HIGHLIGHT_PREFIX = 'backstory-';
/** The mention whose card is open. */
export const ACTIVE_HIGHLIGHT = `${HIGHLIGHT_PREFIX}active`;
/** The mention under the pointer, painted only in the `hover` style. */
export const HOVERED_HIGHLIGHT = `${HIGHLIGHT_PREFIX}hovered`;

/** The name of the CSS highlight that paints a type in the reader's chosen look. */
export function highlightName(style: HighlightStyle, colour: PaletteColour): string {
  return `${HIGHLIGHT_PREFIX}${style}-${colour}`;
}

function declarations(style: HighlightStyle, hex: string): string | null {
  switch (style) {
    case 'dotted':
    case 'solid':
    case 'dashed':
    case 'wavy':
      return `text-decoration: underline ${style} 1.5px ${hex}; text-underline-offset: 3px;`;
    case 'tint':
      // 8-digit hex: the colour at ~16% opacity, readable under any text colour.
      return `background-color: ${hex}29;`;
    case 'hover':
      return null;
  }
}

/**
 * Where the rules hang: on every element (`::highlight(...)`, a rule the browser checks for
 * every element at every style recalculation), or on the root only (`html::highlight(...)`),
 * for a browser whose highlight styles are inherited by the descendants' highlights (CSS
 * Pseudo 4's highlight inheritance).
 *
 * Chromium inherits them, and there the 57 rules on every element cost the page: on
 * Wikipedia's New Zealand article the style recalculations of a load took ~120–150 ms with
 * them against ~65 ms without the extension, and ~60 ms with the rules on the root (traced,
 * 4–5 loads each). Firefox ESR 153 does not inherit them (a root rule paints nothing under
 * it), so it keeps the rules on every element.
 */
export type HighlightRuleScope = 'every-element' | 'root';

/** Every rule content.css needs, generated at build time from the palette. */
export function highlightCss(scope: HighlightRuleScope = 'every-element'): string {
  const on = scope === 'root' ? 'html' : '';
  const rules: string[] = [];
  for (const style of HIGHLIGHT_STYLES) {
    for (const colour of PALETTE_COLOURS) {
      const body = declarations(style, PALETTE[colour]);
      if (body) rules.push(`${on}::highlight(${highlightName(style, colour)}) { ${body} }`);
    }
  }
  rules.push(`${on}::highlight(${HOVERED_HIGHLIGHT}) { text-decoration: underline solid 1.5px currentColor; text-underline-offset: 3px; }`);
  rules.push(`${on}::highlight(${ACTIVE_HIGHLIGHT}) { background-color: rgba(250, 204, 21, 0.35); }`);
  return rules.join('\n') + '\n';
}
