/**
 * The full glossary entries, read from the extension's own files on first use and kept in
 * memory while the background lives. Tabs hold only the compiled matcher and ask here for an
 * entry when a card opens.
 */

import type { GlossaryEntry } from '../core/glossary-types.js';
import { countrySpan, homeCountry, locatorMap, type LocatorMap, type RegionMap } from '../core/locator-map.js';
import type { Brief, EntryResponse } from '../shared/messages.js';

export type LoadEntries = () => Promise<GlossaryEntry[]>;
export type LoadMap = () => Promise<RegionMap>;
/** The bundled packs with the ids of their entries (glossary/packs.json). */
export type PackList = { id: string; name: string; description: string; ids: string[] }[];

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

  /** The reader's own entries, read again after they change. */
  private own: Promise<Map<string, GlossaryEntry>> | null = null;

  constructor(
    private readonly load: LoadEntries,
    private readonly loadMap: LoadMap = async () => ({ bbox: [0, 0, 0, 0], countries: [] }),
    private readonly loadOwn: LoadEntries = async () => [],
    private readonly loadPacks: () => Promise<PackList> = async () => [],
  ) {}

  /** The reader edited their glossary. */
  ownChanged(): void {
    this.own = null;
  }

  private ownEntries(): Promise<Map<string, GlossaryEntry>> {
    this.own ??= this.loadOwn()
      .then((list) => new Map(list.map((e) => [e.id, e])))
      .catch(() => new Map());
    return this.own;
  }

  /** An entry by id: the reader's own first (their ids never collide with bundled ones). */
  private async lookup(id: string): Promise<{ entry: GlossaryEntry; own: boolean } | null> {
    const own = (await this.ownEntries()).get(id);
    if (own) return { entry: own, own: true };
    const entry = (await this.entries()).get(id);
    return entry ? { entry, own: false } : null;
  }

  async briefs(ids: readonly string[]): Promise<Brief[]> {
    const found = await Promise.all(ids.map((id) => this.lookup(id)));
    return found.flatMap((f) => (f ? [{ id: f.entry.id, name: f.entry.name, type: f.entry.type, summary: f.entry.summary, own: f.own }] : []));
  }

  async packMembers(packIds: readonly string[]): Promise<string[]> {
    const packs = await this.loadPacks();
    return packs.filter((p) => packIds.includes(p.id)).flatMap((p) => p.ids);
  }

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
    const found = await this.lookup(id);
    if (!found) return { ok: false, error: `no entry "${id}"` };
    const { entry, own } = found;
    const related = (await Promise.all(entry.related.map((rid) => this.lookup(rid)))).flatMap((r) =>
      r ? [{ id: r.entry.id, name: r.entry.name, type: r.entry.type }] : [],
    );
    const region = await this.regionMap();
    return { ok: true, view: { entry, related, map: region ? mapFor(entry, region) : null, ...(own ? { own: true } : {}) } };
  }
}
