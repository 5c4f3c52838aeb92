/**
 * The end-to-end suite, run unchanged in Chromium and in Firefox ESR against the built
 * extension (dist/chrome, dist/firefox) and the project's own fixture pages.
 */

import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COLOURS, highlightName } from '../../src/core/highlight-styles.js';
import { launch, waitFor, type BrowserName, type Driver } from './drivers.js';
import { SEED_ENTITIES, seedAvailable, seedPageHtml, SEED_PATH } from './seed-page.js';
import { startServer, type FixtureServer } from './server.js';

export const ARTIFACTS = new URL('../../test-results/', import.meta.url).pathname;

export interface PaintedRange {
  name: string;
  text: string;
}

/** Our highlights as the page itself sees them in the shared CSS.highlights registry. */
export const READ_HIGHLIGHTS = `(() => {
  const out = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('backstory-')) continue;
    for (const r of highlight) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      out.push({ name, text: range.toString() });
    }
  }
  return out;
})()`;

/** Centre of the n-th occurrence of `phrase` inside the element `selector`, in viewport px. */
export function centreOf(selector: string, phrase: string, n = 0): string {
  return `(() => {
    const root = document.querySelector(${JSON.stringify(selector)});
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      let at = node.data.indexOf(${JSON.stringify(phrase)});
      while (at >= 0) {
        if (seen++ === ${n}) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + ${phrase.length});
          range.startContainer.parentElement.scrollIntoView({ block: 'center' });
          const r = range.getClientRects()[0];
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
        at = node.data.indexOf(${JSON.stringify(phrase)}, at + 1);
      }
    }
    throw new Error('phrase not found: ' + ${JSON.stringify(phrase)});
  })()`;
}

/** The entities the fixture article names, as hovered text → the card's title. */
const EXPECTED_CARDS: [string, string, string][] = [
  ['p1', 'Ghouta', 'Eastern Ghouta'],
  ['p1', 'Russia', 'Russia'],
  ['p1', 'Failaq Al-Rahman', 'Failaq al-Rahman'],
  ['p2', 'Jaish al-Islam', 'Jaish al-Islam'],
  ['p2', 'Syrian Observatory for Human Rights', 'Syrian Observatory for Human Rights'],
  ['p2', 'Damascus', 'Damascus'],
  ['p3', 'UN', 'United Nations'],
  ['p3', 'Syrian Arab Red Crescent', 'Syrian Arab Red Crescent'],
  ['p3', 'Amnesty International', 'Amnesty International'],
  ['p4', 'Bashar al-Assad', 'Bashar al-Assad'],
  ['p4', 'Iran', 'Iran'],
  ['p4', 'Turkey', 'Turkey'],
  ['p4', 'Reuters', 'Reuters'],
  ['p4', 'Anadolu Agency', 'Anadolu Agency'],
];

export function extensionSuite(browserName: BrowserName): void {
  describe(`Backstory in ${browserName}`, () => {
    let driver: Driver;
    let server: FixtureServer;

    beforeAll(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      server = await startServer(seedAvailable ? { 'seed-article.html': seedPageHtml() } : {});
      driver = await launch(browserName);
    });

    afterAll(async () => {
      await driver?.close();
      await server?.close();
    });

    const highlights = (): Promise<PaintedRange[]> => driver.evaluate<PaintedRange[]>(READ_HIGHLIGHTS);
    const waitForHighlights = (min: number) =>
      waitFor(async () => {
        const list = await highlights();
        return list.length >= min ? list : null;
      }, `at least ${min} highlights`);

    /** Closes any card a previous step left open, so that each test starts from a quiet page. */
    async function closeAnyCard(): Promise<void> {
      if ((await driver.readCard()) === null) return;
      await driver.press('Escape');
      await waitFor(async () => (await driver.readCard()) === null, 'the card to close');
    }

    async function hover(selector: string, phrase: string, n = 0): Promise<void> {
      const { x, y } = await driver.evaluate<{ x: number; y: number }>(centreOf(selector, phrase, n));
      // Arrive from a little to the left, as a real pointer would.
      await driver.mouseMove(x - 3, y);
      await driver.mouseMove(x, y);
    }

    const openCard = (title: string) =>
      waitFor(async () => {
        const card = await driver.readCard();
        return card && card.name === title ? card : null;
      }, `the card "${title}"`);

    it('highlights the glossary names, including one split over inline elements', async () => {
      await driver.goto(server.url('article.html'));
      const list = await waitFor(async () => {
        const now = await highlights();
        return EXPECTED_CARDS.every(([, phrase]) => now.some((h) => h.text.includes(phrase))) ? now : null;
      }, 'every expected name to be highlighted').catch(() => highlights());
      const texts = list.map((h) => h.text);
      for (const [, phrase] of EXPECTED_CARDS) {
        expect(texts.some((t) => t.includes(phrase)), `${phrase} is highlighted`).toBe(true);
      }
      // <b>Eastern</b> Ghouta is one mention, painted as one range.
      expect(texts.filter((t) => t === 'Eastern Ghouta')).toHaveLength(2);
      // Each type is painted in its own look (by default: dotted, in the type's colour).
      expect(list.find((h) => h.text === 'Damascus')?.name).toBe(highlightName('dotted', DEFAULT_COLOURS.place));
      expect(list.find((h) => h.text === 'Jaish al-Islam')?.name).toBe(highlightName('dotted', DEFAULT_COLOURS['armed-group']));
      expect(DEFAULT_COLOURS.place).not.toBe(DEFAULT_COLOURS['armed-group']);
      // The look's rule reaches text deep in the article (Chromium's content.css hangs it on
      // the root and relies on highlight inheritance; Firefox's on every element).
      const underline = await driver.evaluate<string>(
        `getComputedStyle(document.querySelector('#p1 b'), '::highlight(${highlightName('dotted', DEFAULT_COLOURS.place)})').textDecorationLine`,
      );
      expect(underline).toBe('underline');
    });

    it('leaves editable content, form fields, code, hidden text and lower-case lookalikes alone', async () => {
      const list = await highlights();
      // Damascus appears once in the article and five times in skipped places.
      expect(list.filter((h) => h.text === 'Damascus')).toHaveLength(1);
      expect(list.some((h) => h.text === 'Aleppo')).toBe(false);
      expect(list.some((h) => h.text === 'un')).toBe(false);
    });

    it('reads the article, not the teasers around it nor the boxes inside it', async () => {
      const texts = (await highlights()).map((h) => h.text);
      // Hama, Homs, Qatar: a "most read" box after the article; Raqqa: a "related" box in it.
      for (const outside of ['Hama', 'Homs', 'Qatar', 'Raqqa']) expect(texts).not.toContain(outside);
    });

    it('does not change the page: same DOM, same text, no errors', async () => {
      const same = await driver.evaluate<{ html: boolean; text: boolean }>(
        `({ html: document.documentElement.outerHTML === window.__htmlAtLoad, text: document.body.innerText === window.__textAtLoad })`,
      );
      expect(same).toEqual({ html: true, text: true });
      expect(driver.errors()).toEqual([]);
    });

    it('shows the right card for each name hovered, and closes it with Esc', async () => {
      for (const [id, phrase, title] of EXPECTED_CARDS) {
        await hover(`#${id}`, phrase);
        const card = await openCard(title);
        expect(card.role).toBe('dialog');
        expect(card.text).toContain('Sources');
        expect(card.text).toContain('Last reviewed');
        await driver.press('Escape');
        await waitFor(async () => (await driver.readCard()) === null, `the card "${title}" to close on Esc`);
      }
    });

    it('opens after the hover-intent delay and closes after the grace period once the pointer leaves', async () => {
      await driver.mouseMove(5, 790);
      await hover('#p2', 'Damascus');
      // Not at once: a pointer passing over a name opens nothing.
      await new Promise((r) => setTimeout(r, 120));
      expect(await driver.readCard()).toBeNull();
      const card = await openCard('Damascus');
      expect(card.text).toMatch(/capital/i);
      // While the card is open the page's body text is unchanged (the card lives outside it).
      const text = await driver.evaluate<[string, string]>('[document.body.innerText, window.__textAtLoad]');
      expect(text[0]).toBe(text[1]);
      await driver.screenshot(`${ARTIFACTS}/${browserName}-card.png`);
      await driver.mouseMove(5, 790);
      expect(await driver.readCard()).not.toBeNull();
      await waitFor(async () => (await driver.readCard()) === null, 'the card to close after the pointer left');
      // The host element is gone with the card: the DOM is as it was.
      const html = await driver.evaluate<[string, string]>('[document.documentElement.outerHTML, window.__htmlAtLoad]');
      expect(html[0]).toBe(html[1]);
    });

    it('keeps the card open while the pointer is on it', async () => {
      await hover('#p4', 'Reuters');
      await openCard('Reuters');
      const box = await driver.evaluate<{ x: number; y: number; w: number; h: number }>(
        `(() => { const r = document.querySelector('backstory-card').getBoundingClientRect(); return { x: r.left, y: r.top, w: r.width, h: r.height }; })()`,
      );
      // Travel from the name into the card and stay there past the grace period.
      await driver.mouseMove(box.x + 20, box.y + 10);
      await driver.mouseMove(box.x + box.w / 2, box.y + box.h / 2);
      await new Promise((r) => setTimeout(r, 900));
      expect((await driver.readCard())?.name).toBe('Reuters');
      await driver.press('Escape');
      await waitFor(async () => (await driver.readCard()) === null, 'the card to close');
    });

    it('follows a related name inside the card, and goes back', async () => {
      await closeAnyCard();
      await hover('#p2', 'Jaish al-Islam');
      await openCard('Jaish al-Islam');
      await driver.clickInCard('Douma');
      await openCard('Douma');
      await driver.clickInCard('Back to the previous card');
      await openCard('Jaish al-Islam');
      await driver.press('Escape');
      await waitFor(async () => (await driver.readCard()) === null, 'the card to close');
    });

    it('steps through the names with the keyboard, focus in the card, and Esc gives focus back', async () => {
      await closeAnyCard();
      await driver.mouseMove(5, 790);
      await driver.evaluate(`(() => { const b = document.createElement('button'); b.id = 'start'; b.textContent = 'start'; document.querySelector('nav').appendChild(b); b.focus(); })()`);
      await driver.press('Alt+Shift+Period');
      await openCard('Eastern Ghouta');
      expect(await driver.evaluate<string>('document.activeElement.tagName')).toBe('BACKSTORY-CARD');
      // A reader steps at reading pace, not within one key repeat.
      await new Promise((r) => setTimeout(r, 250));
      await driver.press('Alt+Shift+Period');
      await new Promise((r) => setTimeout(r, 250));
      await driver.press('Alt+Shift+Period');
      await openCard('Russia');
      await new Promise((r) => setTimeout(r, 250));
      await driver.press('Alt+Shift+Comma');
      await openCard('Eastern Ghouta');
      await driver.press('Escape');
      await waitFor(async () => (await driver.readCard()) === null, 'the card to close on Esc');
      expect(await driver.evaluate<string>('document.activeElement.id')).toBe('start');
      await driver.evaluate(`document.getElementById('start').remove()`);
    });

    it('opens a card with a tap, and a tap elsewhere closes it', async () => {
      await closeAnyCard();
      const { x, y } = await driver.evaluate<{ x: number; y: number }>(centreOf('#p4', 'Turkey'));
      await driver.tap(x, y);
      await openCard('Turkey');
      await driver.tap(5, 790);
      await waitFor(async () => (await driver.readCard()) === null, 'the card to close after a tap elsewhere');
    });

    it('keeps a pinned card open while the reader reads on', async () => {
      await closeAnyCard();
      await hover('#p4', 'Reuters');
      await openCard('Reuters');
      await driver.clickInCard('Pin card: keep it open while reading on');
      await driver.mouseMove(5, 790);
      await new Promise((r) => setTimeout(r, 900));
      expect((await driver.readCard())?.name).toBe('Reuters');
      // Hovering another name does not replace a pinned card.
      await hover('#p2', 'Damascus');
      await new Promise((r) => setTimeout(r, 700));
      expect((await driver.readCard())?.name).toBe('Reuters');
      await driver.press('Escape');
      await waitFor(async () => (await driver.readCard()) === null, 'the pinned card to close on Esc');
    });

    it('marks only first mentions when the reader asks, in this tab at once, and every mention again', async () => {
      await closeAnyCard();
      const ghoutas = async () => (await highlights()).filter((h) => h.text === 'Eastern Ghouta').length;
      expect(await ghoutas()).toBe(2);
      await hover('#p2', 'Damascus');
      await openCard('Damascus');
      await driver.clickInCard('Display options');
      await driver.clickInCard('First mention only');
      await waitFor(async () => (await ghoutas()) === 1, 'one Eastern Ghouta highlight');
      await hover('#p2', 'Damascus');
      await openCard('Damascus');
      await driver.clickInCard('Display options');
      await driver.clickInCard('Show every mention');
      await waitFor(async () => (await ghoutas()) === 2, 'both Eastern Ghouta highlights back');
      await closeAnyCard();
    });

    it('places the card beside the name without covering its line', async () => {
      await hover('#p3', 'Amnesty International');
      await openCard('Amnesty International');
      const geometry = await driver.evaluate<{ line: DOMRect; card: DOMRect }>(`(() => {
        const card = document.querySelector('backstory-card').getBoundingClientRect();
        const p = ${centreOf('#p3', 'Amnesty International')};
        const range = document.caretPositionFromPoint ? null : null;
        return { line: { top: p.y - 4, bottom: p.y + 4 }, card: { top: card.top, bottom: card.bottom } };
      })()`);
      const { line, card } = geometry;
      expect(card.top >= line.bottom || card.bottom <= line.top).toBe(true);
      await driver.press('Escape');
    });

    it('highlights content added after load', async () => {
      await driver.evaluate(`(() => {
        const p = document.createElement('p');
        p.id = 'added';
        p.textContent = 'Later, fighting was reported in Idlib and Aleppo.';
        document.getElementById('later').appendChild(p);
      })()`);
      await waitFor(async () => (await highlights()).some((h) => h.text === 'Idlib'), 'Idlib to be highlighted');
      await hover('#added', 'Idlib');
      await openCard('Idlib');
      await driver.press('Escape');
    });

    it('shows an ambiguous name ("Jordan") on a page about the region', async () => {
      await waitFor(async () => (await highlights()).some((h) => h.text === 'Jordan'), 'Jordan to be highlighted');
    });

    it('puts its highlights back when the page clears CSS.highlights', async () => {
      await driver.evaluate('CSS.highlights.clear()');
      await waitFor(async () => (await highlights()).some((h) => h.text === 'Damascus'), 'highlights to return');
      expect(driver.errors()).toEqual([]);
    });

    const seedTitle = seedAvailable
      ? 'on a page made of the seed article, highlights the names it gives and shows their cards'
      : `seed article: skipped, ${SEED_PATH} is absent`;
    it.skipIf(!seedAvailable)(seedTitle, async () => {
      await driver.goto(server.url('seed-article.html'));
      // Scanning runs in idle-time slices: wait for every expected name, then check each.
      const list = await waitFor(async () => {
        const now = await highlights();
        return SEED_ENTITIES.every(([written]) => now.some((h) => h.text === written)) ? now : null;
      }, 'every seed-article name to be highlighted').catch(() => highlights());
      for (const [written, title] of SEED_ENTITIES) {
        expect(list.some((h) => h.text === written), `${written} is highlighted`).toBe(true);
        await hover('article', written);
        await openCard(title);
        await driver.press('Escape');
        await waitFor(async () => (await driver.readCard()) === null, `the card "${title}" to close`);
      }
      expect(driver.errors()).toEqual([]);
    });

    it('tells the background as of the article date, keeps later events under "Since this article", and maps the place', async () => {
      await driver.goto(server.url('demo-article.html'));
      await waitFor(async () => (await highlights()).some((h) => h.text === 'Eastern Ghouta'), 'Eastern Ghouta to be highlighted');
      await hover('article h1', 'Ghouta');
      const card = await openCard('Eastern Ghouta');
      // The demo article is dated 12 January 2018 in its meta tags.
      expect(card.text).toContain('Background as of 12 Jan 2018');
      expect(card.text).toMatch(/Since this article \(\s*\d+\s*\)/);
      expect(card.images).toContain('Location of Eastern Ghouta in Syria');
      await driver.screenshot(`${ARTIFACTS}/${browserName}-card-dated-map.png`);
      await driver.press('Escape');
    });

    it('leaves other senses alone on a page that is not about the region', async () => {
      await driver.goto(server.url('other-senses.html'));
      // Germany and the USA are the same country in any news: they may be highlighted; they
      // are also what tells the page is not about the region.
      await waitFor(async () => (await highlights()).some((h) => h.text === 'Germany'), 'Germany to be highlighted');
      await new Promise((r) => setTimeout(r, 300));
      const texts = (await highlights()).map((h) => h.text);
      for (const other of ['Jordan', 'Emirates', 'Lebanon', 'turkey']) expect(texts).not.toContain(other);
    });

    it('hides a name the reader asks to hide, without a reload', async () => {
      await driver.goto(server.url('article.html'));
      await waitFor(async () => (await highlights()).some((h) => h.text === 'Reuters'), 'Reuters to be highlighted');
      await hover('#p4', 'Reuters');
      await openCard('Reuters');
      await driver.clickInCard('Display options');
      await driver.clickInCard('Hide “Reuters”');
      // The page is read again under the new settings: the other names come back, Reuters not.
      await waitFor(async () => {
        const texts = (await highlights()).map((h) => h.text);
        return texts.includes('Damascus') && !texts.includes('Reuters');
      }, 'Damascus back and Reuters hidden');
      expect(driver.errors()).toEqual([]);
    });

    it("works on a page that forbids everything with Content-Security-Policy default-src 'none'", async () => {
      await driver.goto(server.url('strict-csp.html'));
      await waitForHighlights(2);
      await hover('#p1', 'Damascus');
      const card = await openCard('Damascus');
      expect(card.text).toMatch(/timeline/i);
      expect(driver.errors()).toEqual([]);
    });

    it('reads the new article after a single-page app changes route with history.pushState', async () => {
      await driver.goto(server.url('spa.html'));
      await waitFor(async () => ((await highlights()).some((h) => h.text === 'Douma') ? true : null), 'Douma to be highlighted');
      await driver.evaluate(`showStory('/story/2', 'Talks in Damascus', 'Envoys met in Damascus to discuss Idlib.')`);
      const after = await waitFor(async () => {
        const texts = (await highlights()).map((h) => h.text);
        return texts.includes('Idlib') && !texts.includes('Douma') ? texts : null;
      }, 'Idlib highlighted and Douma gone');
      expect(after.filter((t) => t === 'Damascus')).toHaveLength(2);
      expect(await driver.evaluate<string>('location.pathname')).toBe('/story/2');
      await hover('#next', 'Idlib');
      await openCard('Idlib');
      await driver.press('Escape');
      expect(driver.errors()).toEqual([]);
    });

    it('reads a huge article (200,000 text nodes) to its end without blocking the page', async () => {
      await driver.goto(server.url('huge-page.html'));
      expect(await driver.evaluate<number>(`(() => { const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); let n = 0; while (w.nextNode()) n++; return n; })()`)).toBeGreaterThanOrEqual(200_000);
      // Reading the highlights back is itself page work: ask only whether the last name is there.
      const lastNamePainted = `(() => {
        for (const [name, highlight] of CSS.highlights) {
          if (!name.startsWith('backstory-')) continue;
          for (const r of highlight) if (r.startContainer.parentNode && r.startContainer.parentNode.id === 'last') return true;
        }
        return false;
      })()`;
      await waitFor(() => driver.evaluate<boolean>(lastNamePainted), 'the name in the last paragraph to be highlighted', 60_000);
      const heartbeat = await driver.evaluate<{ maxGapMs: number; ticks: number; gaps: number[] }>('window.__heartbeat');
      // The page's 10 ms timer kept ticking all through the reading: no gap a reader could
      // feel. Measured here: longest gaps ~55 ms (Chromium) and ~80 ms (Firefox), which include
      // the browser painting highlights over 20,000 paragraphs; the 50 ms long-task line for
      // the extension's own script is checked by the bench's trace. 150 ms leaves room for a
      // busy 2-core machine and still fails on any slice that runs away.
      expect(heartbeat.ticks).toBeGreaterThan(10);
      expect(heartbeat.maxGapMs, `gaps over 50 ms: ${heartbeat.gaps.join(', ')}`).toBeLessThan(150);
      const idlibs = await driver.evaluate<number>(`(() => { let n = 0; for (const [name, h] of CSS.highlights) if (name.startsWith('backstory-')) for (const r of h) if (r.startContainer.data.includes('Idlib')) n++; return n; })()`);
      expect(idlibs).toBe(10);
      expect(driver.errors()).toEqual([]);
    }, 120_000);
  });
}
