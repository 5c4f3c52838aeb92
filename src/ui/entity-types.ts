/**
 * How each entity type looks: its label, a symbol that does not rely on colour alone, and
 * the colour of its underline and badge. content/highlights.css uses the same colours.
 */

import type { EntityType } from '../core/glossary-types.js';

export interface TypeStyle {
  label: string;
  symbol: string;
  colour: string;
}

export const TYPE_STYLES: Record<EntityType, TypeStyle> = {
  place: { label: 'Place', symbol: '◆', colour: '#0f766e' },
  country: { label: 'Country', symbol: '▰', colour: '#0e7490' },
  'armed-group': { label: 'Armed group', symbol: '▲', colour: '#b45309' },
  organization: { label: 'Organisation', symbol: '■', colour: '#4338ca' },
  person: { label: 'Person', symbol: '●', colour: '#7e22ce' },
  event: { label: 'Event', symbol: '✦', colour: '#be123c' },
  agreement: { label: 'Agreement', symbol: '§', colour: '#15803d' },
  community: { label: 'Community', symbol: '◎', colour: '#a16207' },
};
