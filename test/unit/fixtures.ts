import type { Alias, EntityType, GlossaryEntry } from '../../src/core/glossary-types.js';

/** A minimal valid entry; tests override what they exercise. */
export function entry(id: string, name: string, aliases: Alias[] = [], type: EntityType = 'organization', extra: Partial<GlossaryEntry> = {}): GlossaryEntry {
  return {
    id,
    name,
    type,
    aliases,
    summary: `${name}, for tests.`,
    facts: [],
    timeline: [],
    related: [],
    sources: [{ title: name, url: `https://example.org/${id}` }],
    lastReviewed: '2026-11-01',
    ...(type === 'place' || type === 'country' ? { coordinates: { lat: 33.5, lon: 36.3 } } : {}),
    ...extra,
  };
}
