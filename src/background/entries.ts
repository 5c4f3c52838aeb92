/**
 * The full glossary entries, read from the extension's own files on first use and kept in
 * memory while the background lives. Tabs hold only the compiled matcher and ask here for an
 * entry when a card opens.
 */

import type { GlossaryEntry } from '../core/glossary-types.js';
import { countrySpan, homeCountry, locatorMap, type LocatorMap, type RegionMap } from '../core/locator-map.js';
import type { EntryResponse } from '../shared/messages.js';

export type LoadEntries = () => Promise<GlossaryEntry[]>;
export type LoadMap = () => Promise<RegionMap>;

/** A country is shown whole; a place with a few towns' worth of land around it. */
export function mapFor(entry: GlossaryEntry, region: RegionMap): LocatorMap | null {
  if (!entry.coordinates || (entry.type !== 'place' && entry.type !== 'country')) return null;
  const { lat, lon } = entry.coordinates;
  if (entry.type === 'country') {
    const home = homeCountry(region, lon, lat);
    const span = home ? countrySpan(region, home) : null;
    return locatorMap(region, lat, lon, span ?? undefined);
  }
  return locatorMap(region, lat, lon);
}

export class EntryStore {
  private byId: Promise<Map<string, GlossaryEntry>> | null = null;
  private region: Promise<RegionMap | null> | null = null;

  constructor(
    private readonly load: LoadEntries,
    private readonly loadMap: LoadMap = async () => ({ bbox: [0, 0, 0, 0], countries: [] }),
  ) {}

  /** The outlines; a failed read means cards without maps, not cards that fail. */
  private regionMap(): Promise<RegionMap | null> {
    this.region ??= this.loadMap().catch(() => {
      this.region = null;
      return null;
    });
    return this.region;
  }

  private entries(): Promise<Map<string, GlossaryEntry>> {
    this.byId ??= this.load().then((list) => new Map(list.map((e) => [e.id, e])));
    // A failed read is retried on the next request rather than cached.
    this.byId.catch(() => {
      this.byId = null;
    });
    return this.byId;
  }

  async view(id: string): Promise<EntryResponse> {
    const byId = await this.entries();
    const entry = byId.get(id);
    if (!entry) return { ok: false, error: `no entry "${id}"` };
    const related = entry.related.flatMap((rid) => {
      const r = byId.get(rid);
      return r ? [{ id: r.id, name: r.name, type: r.type }] : [];
    });
    const region = await this.regionMap();
    return { ok: true, view: { entry, related, map: region ? mapFor(entry, region) : null } };
  }
}
