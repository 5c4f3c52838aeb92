import { describe, expect, it, vi } from 'vitest';
import { EntryStore } from '../../src/background/entries.js';
import { isRequest } from '../../src/shared/messages.js';
import { entry } from './fixtures.js';

describe('EntryStore', () => {
  it('returns an entry with the names of its related entries, skipping unknown ids', async () => {
    const store = new EntryStore(async () => [entry('a', 'Alpha', [], 'place', { related: ['b', 'gone'] }), entry('b', 'Beta')]);
    const response = await store.view('a');
    expect(response.ok && response.view.related).toEqual([{ id: 'b', name: 'Beta', type: 'organization' }]);
    expect(await store.view('nope')).toEqual({ ok: false, error: 'no entry "nope"' });
  });

  it('loads once, and tries again after a failed load', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('read failed')).mockResolvedValue([entry('a', 'Alpha')]);
    const store = new EntryStore(load);
    await expect(store.view('a')).rejects.toThrow('read failed');
    expect((await store.view('a')).ok).toBe(true);
    await store.view('a');
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('isRequest', () => {
  it('accepts only well-formed requests', () => {
    expect(isRequest({ type: 'get-entry', id: 'douma' })).toBe(true);
    for (const bad of [null, 'get-entry', { type: 'get-entry' }, { type: 'other', id: 'x' }, { type: 'get-entry', id: 'x'.repeat(201) }]) {
      expect(isRequest(bad)).toBe(false);
    }
  });
});
