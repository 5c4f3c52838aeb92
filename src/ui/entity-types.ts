/**
 * How each entity type looks: its label, a symbol that does not rely on colour alone, and
 * the colour of its underline and badge. content/highlights.css uses the same colours.
 */

import type { EntityType } from '../core/glossary-types.js';
import { t, type MessageKey } from './i18n.js';

export interface TypeStyle {
  /** The type's name in the interface's language, read when rendered. */
  readonly label: string;
  symbol: string;
  colour: string;
}

function style(key: MessageKey, symbol: string, colour: string): TypeStyle {
  return {
    get label() {
      return t(key);
    },
    symbol,
    colour,
  };
}

export const TYPE_STYLES: Record<EntityType, TypeStyle> = {
  place: style('typePlace', '◆', '#0f766e'),
  country: style('typeCountry', '▰', '#0e7490'),
  'armed-group': style('typeArmedGroup', '▲', '#b45309'),
  organization: style('typeOrganization', '■', '#4338ca'),
  person: style('typePerson', '●', '#7e22ce'),
  event: style('typeEvent', '✦', '#be123c'),
  agreement: style('typeAgreement', '§', '#15803d'),
  community: style('typeCommunity', '◎', '#a16207'),
};
