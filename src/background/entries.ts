/**
 * The full glossary entries, read from the extension's own files on first use and kept in
 * memory while the background lives. Tabs hold only the compiled matcher and ask here for an
 * entry when a card opens.
 */

import type { GlossaryEntry } from '../core/glossary-types.js';
import type { EntryResponse } from '../shared/messages.js';

export type LoadEntries = () => Promise<GlossaryEntry[]>;

export class EntryStore {
  private byId: Promise<Map<string, GlossaryEntry>> | null = null;

  constructor(private readonly load: LoadEntries) {}

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
    return { ok: true, view: { entry, related } };
  }
}
