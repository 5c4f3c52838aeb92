/**
 * Glossary packs: a pack is a folder of JSON files under src/glossary, with a pack.json
 * naming it. This module holds the pure part (merging, statistics); reading the folders is
 * the build's job.
 */

import { ENTITY_TYPES, type EntityType, type GlossaryEntry } from './glossary-types.js';
import { aliasObjects } from './matcher.js';

export interface PackInfo {
  id: string;
  name: string;
  description: string;
}

export interface GlossaryStats {
  entries: number;
  aliases: number;
  byType: Record<EntityType, number>;
  byPack: Record<string, number>;
}

export function glossaryStats(packs: readonly { info: PackInfo; entries: readonly GlossaryEntry[] }[]): GlossaryStats {
  const byType = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<EntityType, number>;
  const byPack: Record<string, number> = {};
  let entries = 0;
  let aliases = 0;
  for (const pack of packs) {
    byPack[pack.info.id] = pack.entries.length;
    for (const entry of pack.entries) {
      entries++;
      byType[entry.type]++;
      aliases += aliasObjects(entry).length;
    }
  }
  return { entries, aliases, byType, byPack };
}
