/**
 * The glossary schema. Bundled packs (src/glossary/<pack>/*.json) and, later, the reader's
 * own entries share it; `validateEntries` in ./validate.ts is the single gate both go through.
 */

/**
 * What kind of thing an entry names; drives the underline style and the card's label.
 * `community`: an ethnic or religious community (Kurds, Druze, Alawites, Yazidis).
 */
export const ENTITY_TYPES = [
  'place',
  'country',
  'armed-group',
  'organization',
  'person',
  'event',
  'agreement',
  'community',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * How the letter case of the page's text must agree with the alias.
 * - `exact`: only as written ("UN", "SDF", "IS"): the default for aliases written in capitals.
 * - `initial`: words the alias capitalises must be capitalised on the page ("Eastern Ghouta"
 *   matches "EASTERN GHOUTA" but not "eastern ghouta"): the default for everything else.
 * - `any`: letter case is ignored.
 */
export type CaseRule = 'exact' | 'initial' | 'any';

/**
 * Rules for an alias that is often something else ("Turkey" the bird, "Jordan" the
 * basketball player, "Emirates" the airline). Context words are compared case-insensitively,
 * whole words, after the same folding as the page's text.
 */
export interface AmbiguityRule {
  /** Show only on pages that also mention enough unambiguous entities of the glossary. */
  topicGate?: boolean;
  /** Phrases that, directly before the alias, mean another sense ("Michael" before "Jordan"). */
  notAfter?: string[];
  /** Phrases that, directly after the alias, mean another sense ("airline" after "Emirates"). */
  notBefore?: string[];
  /**
   * Entry ids: the alias shows only on pages that are on topic and also name one of these
   * entities through an unambiguous alias. For a common word that has the region's sense only
   * beside them: "settlers" are Israeli settlers on a page that names the West Bank or Israel,
   * not in New Zealand's history (which names Egypt and Iraq, so it passes the plain gate).
   * Implies `topicGate`.
   */
  onlyWith?: string[];
}

export interface AliasObject {
  text: string;
  /** Defaults: `exact` for an alias written in capitals, `initial` otherwise. */
  case?: CaseRule;
  /** BCP 47 language of the alias when it is not English ("ar", "de", "fr"). */
  lang?: string;
  ambiguity?: AmbiguityRule;
}

/** A bare string is an alias with the default rules. */
export type Alias = string | AliasObject;

/** Dates are ISO 8601 at the precision known: "2018", "2018-02", "2018-02-18". */
export type IsoDate = string;

export interface Fact {
  label: string;
  value: string;
}

export interface TimelineEvent {
  date: IsoDate;
  text: string;
}

export interface Source {
  title: string;
  url: string;
  publisher?: string;
}

export interface Coordinates {
  lat: number;
  lon: number;
}

export interface GlossaryEntry {
  /** Stable, lower-case, hyphenated: "eastern-ghouta". */
  id: string;
  /** The name the card shows. It is also matched, with the default rules. */
  name: string;
  type: EntityType;
  /** Optional finer label shown beside the type: "news agency", "governorate", "UN agency". */
  subtype?: string;
  aliases: Alias[];
  /** Neutral, at most 300 characters: what it is and why it is in the news. */
  summary: string;
  facts: Fact[];
  /** Oldest first. */
  timeline: TimelineEvent[];
  /** Ids of other entries. */
  related: string[];
  /** Required for places and countries. */
  coordinates?: Coordinates;
  /** At least one public reference that supports the entry. */
  sources: Source[];
  /**
   * Named in news on any subject (the United States, China, Reuters, UNICEF): a mention is
   * no sign that a page is about the region, so it does not count toward the topic gate.
   */
  global?: boolean;
  lastReviewed: IsoDate;
}
