// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import type { EntityType } from '../../src/core/glossary-types.js';
import type { Scope } from '../../src/content/article-root.js';
import type { HighlightLayer } from '../../src/content/highlight.js';
import type { MatchSource, RunMatch } from '../../src/content/match-source.js';

/**
 * The page scanner's reading cycle, with a stand-in matcher and highlight layer: what the
 * reader ends up seeing after the page or their settings change while a reading is under way.
 */

beforeAll(() => {
  const g = globalThis as Record<string, unknown>;
  // Defined by build.mjs in real builds; happy-dom has no StaticRange.
  g.__BACKSTORY_BENCH__ = false;
  g.StaticRange ??= class {
    constructor(init: object) {
      Object.assign(this, init);
    }
  };
});

/** Finds the given names by plain search, answering after a turn of the event loop as a real source may. */
class NameSource implements MatchSource {
  readonly batchChars = 8_000;
  readonly matchingMs = 0;
  readonly messagingMs = 0;
  constructor(private readonly names: Record<string, EntityType>) {}
  async match(texts: string[]): Promise<RunMatch[][]> {
    await new Promise((resolve) => setTimeout(resolve, 1));
    return texts.map((text) =>
      Object.entries(this.names).flatMap(([name, type]) => {
        const start = text.indexOf(name);
        return start < 0 ? [] : [{ start, end: start + name.length, id: name.toLowerCase(), type, gated: false, topicEvidence: true }];
      }),
    );
  }
}

/** Counts what would be painted. */
class CountingLayer {
  readonly ranges = new Set<AbstractRange>();
  add(_type: EntityType, range: AbstractRange): void {
    this.ranges.add(range);
  }
  delete(_type: EntityType, range: AbstractRange): void {
    this.ranges.delete(range);
  }
  get size(): number {
    return this.ranges.size;
  }
}

/** happy-dom has no layout: a block counts as hidden when it has the class "hidden". */
const visibleUnlessClassed = (block: Element): boolean => !block.closest('.hidden');

const WHOLE_BODY: Scope = { roots: () => [document.body], skipWithin: null };

async function scannerOn(html: string, scope: Scope = WHOLE_BODY) {
  const { PageScanner, SHOW_EVERYTHING } = await import('../../src/content/page-scanner.js');
  document.body.innerHTML = html;
  const layer = new CountingLayer();
  const source = new NameSource({ Damascus: 'place', Idlib: 'place' });
  const scanner = new PageScanner(source, layer as unknown as HighlightLayer, () => false, scope, SHOW_EVERYTHING, visibleUnlessClassed);
  return { scanner, layer, reconfigure: () => scanner.reconfigure(scope, SHOW_EVERYTHING) };
}

type Scanner = Awaited<ReturnType<typeof scannerOn>>['scanner'];

/** Waits until the reading is done, and a little longer for any outdated slice still queued. */
async function settled(scanner: Scanner): Promise<void> {
  await scanner.idle();
  await new Promise((resolve) => setTimeout(resolve, 20));
}

/** The entities shown, sorted. */
const shown = (scanner: Scanner): string[] => [...scanner.entityCounts().keys()].sort();

describe('PageScanner', () => {
  it('shows no name in a hidden block, and asks only of blocks that have a match', async () => {
    const asked: string[] = [];
    const { PageScanner, SHOW_EVERYTHING } = await import('../../src/content/page-scanner.js');
    document.body.innerHTML = '<p id="a">Shelling in Damascus.</p><div class="hidden"><p id="b">Idlib</p></div><p id="c">Nothing here.</p>';
    const layer = new CountingLayer();
    const isVisible = (block: Element): boolean => (asked.push(block.id), visibleUnlessClassed(block));
    const scanner = new PageScanner(new NameSource({ Damascus: 'place', Idlib: 'place' }), layer as unknown as HighlightLayer, () => false, WHOLE_BODY, SHOW_EVERYTHING, isVisible);
    scanner.start();
    await scanner.idle();
    expect(shown(scanner)).toEqual(['damascus']);
    expect(asked.sort()).toEqual(['a', 'b']);
    scanner.stop();
  });

  it("leaves out the scope's furniture inside a root, also when it changes later", async () => {
    const article: Scope = { roots: () => [document.getElementById('story')!], skipWithin: 'nav, aside' };
    const { scanner } = await scannerOn(
      '<article id="story"><p>Shelling in Damascus.</p><aside><p>Related: Idlib</p></aside><nav id="menu"><a>Home</a></nav></article>',
      article,
    );
    scanner.start();
    await scanner.idle();
    expect(shown(scanner)).toEqual(['damascus']);
    document.getElementById('menu')!.append(' Idlib');
    await new Promise((resolve) => setTimeout(resolve, 400));
    await scanner.idle();
    expect(shown(scanner)).toEqual(['damascus']);
    document.getElementById('story')!.insertAdjacentHTML('beforeend', '<p>Displaced from Idlib.</p>');
    await new Promise((resolve) => setTimeout(resolve, 400));
    await scanner.idle();
    expect(shown(scanner)).toEqual(['damascus', 'idlib']);
    scanner.stop();
  });

  it('reads the furniture when the scope leaves nothing out', async () => {
    const { scanner } = await scannerOn('<article><p>Shelling in Damascus.</p><aside><p>Related: Idlib</p></aside></article>');
    scanner.start();
    await scanner.idle();
    expect(shown(scanner)).toEqual(['damascus', 'idlib']);
    scanner.stop();
  });

  it('reads the page and shows every name it finds', async () => {
    const { scanner, layer } = await scannerOn('<p>Shelling in Damascus.</p><p>Displaced from Idlib.</p>');
    scanner.start();
    await scanner.idle();
    expect(shown(scanner)).toEqual(['damascus', 'idlib']);
    expect(layer.size).toBe(2);
    scanner.stop();
  });

  it('reads the page in full after several changes of settings in quick succession', async () => {
    // A reader's save writes the glossary and the settings: two restarts before the first
    // slice has run. An older reading's slice must not take the new reading's text.
    const { scanner, layer, reconfigure } = await scannerOn('<p>Shelling in Damascus.</p><p>Displaced from Idlib.</p>');
    scanner.start();
    reconfigure();
    reconfigure();
    await settled(scanner);
    expect(shown(scanner)).toEqual(['damascus', 'idlib']);
    expect(layer.size).toBe(2);
    scanner.stop();
  });

  it('reads the page again when settings change while a batch is being matched', async () => {
    const { scanner, layer, reconfigure } = await scannerOn('<p>Shelling in Damascus.</p>');
    scanner.start();
    await new Promise((resolve) => setTimeout(resolve, 2));
    reconfigure();
    await settled(scanner);
    expect(shown(scanner)).toEqual(['damascus']);
    expect(layer.size).toBe(1);
    scanner.stop();
  });

  it('clears everything when stopped', async () => {
    const { scanner, layer } = await scannerOn('<p>Shelling in Damascus.</p>');
    scanner.start();
    await scanner.idle();
    scanner.stop();
    expect(scanner.entityCounts().size).toBe(0);
    expect(layer.size).toBe(0);
  });

  it('holds a mention that needs an entity beside it until the page names that entity', async () => {
    const { PageScanner, SHOW_EVERYTHING } = await import('../../src/content/page-scanner.js');
    /** "settlers" needs the West Bank beside it; Egypt, Iraq and the West Bank are evidence. */
    const source: MatchSource = {
      batchChars: 40, // a few runs per batch: the evidence comes in a later batch than the mention
      matchingMs: 0,
      messagingMs: 0,
      async match(texts: string[]): Promise<RunMatch[][]> {
        await new Promise((resolve) => setTimeout(resolve, 1));
        return texts.map((text) =>
          (['settlers', 'Egypt', 'Iraq', 'West Bank'] as const).flatMap((name) => {
            const start = text.indexOf(name);
            if (start < 0) return [];
            const id = name.toLowerCase().replace(' ', '-');
            const needy = name === 'settlers';
            return [{ start, end: start + name.length, id, type: 'place' as const, gated: needy, topicEvidence: !needy, ...(needy ? { onlyWith: ['west-bank'] } : {}) }];
          }),
        );
      },
    };
    const read = async (html: string): Promise<string[]> => {
      document.body.innerHTML = html;
      const scanner = new PageScanner(source, new CountingLayer() as unknown as HighlightLayer, () => false, WHOLE_BODY, SHOW_EVERYTHING, visibleUnlessClassed);
      scanner.start();
      await settled(scanner);
      const found = shown(scanner);
      scanner.stop();
      return found;
    };
    // On topic (two entities), but not the one the mention needs: it stays hidden.
    expect(await read('<p>Early settlers farmed here.</p><p>Troops served in Egypt.</p><p>And in Iraq.</p>')).toEqual(['egypt', 'iraq']);
    // The needed entity comes last, after the page was already on topic: the mention shows then.
    expect(await read('<p>Early settlers farmed here.</p><p>Troops served in Egypt.</p><p>And in Iraq.</p><p>Then the West Bank.</p>')).toEqual([
      'egypt',
      'iraq',
      'settlers',
      'west-bank',
    ]);
  });
});
