/**
 * The reader's controls, end to end on the built extension, run unchanged in Chromium and
 * Firefox: the toolbar popup (names by type, jump to one, the site switch and the pause),
 * the options page reaching open tabs, the reader's own entries (add, edit, delete, import,
 * export) and every bad input the options page must survive, plus axe-core on both pages.
 *
 * The first extension page is opened the way a reader would: the card's "All settings…"
 * button (Firefox refuses to navigate a tab to an extension page from outside).
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseFileScript, launch, waitFor, type BrowserName, type Driver, type ExtensionPage } from './drivers.js';
import { centreOf, READ_HIGHLIGHTS, type PaintedRange } from './extension-suite.js';
import { startServer, type FixtureServer } from './server.js';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: unknown }[] }[];
}

/** The reader's glossary as stored (read from an extension page). */
const STORED_OWN = `browser.storage.local.get('ownGlossary').then((r) => r.ownGlossary ?? null)`;

export function controlsSuite(browserName: BrowserName): void {
  describe(`the reader's controls in ${browserName}`, () => {
    let driver: Driver;
    let server: FixtureServer;
    let options: ExtensionPage;

    const highlights = (): Promise<PaintedRange[]> => driver.evaluate<PaintedRange[]>(READ_HIGHLIGHTS);
    const highlighted = (phrase: string) =>
      waitFor(async () => ((await highlights()).some((h) => h.text === phrase) ? true : null), `"${phrase}" to be highlighted`, 8000);
    const notHighlighted = (phrase: string) =>
      waitFor(async () => ((await highlights()).some((h) => h.text === phrase) ? null : true), `"${phrase}" not to be highlighted`, 8000);

    async function hover(selector: string, phrase: string): Promise<void> {
      const { x, y } = await driver.evaluate<{ x: number; y: number }>(centreOf(selector, phrase));
      await driver.mouseMove(x - 3, y);
      await driver.mouseMove(x, y);
    }
    const cardTitled = (title: string) =>
      waitFor(async () => {
        const card = await driver.readCard();
        return card && card.name === title ? card : null;
      }, `the card "${title}"`, 8000);
    async function closeCard(): Promise<void> {
      if ((await driver.readCard()) === null) return;
      await driver.press('Escape');
      await waitFor(async () => (await driver.readCard()) === null, 'the card to close');
    }

    /**
     * The id of the tab showing the fixture page: the one tab whose content script answers
     * (the extension has no `tabs` permission, so it cannot read the tabs' addresses).
     */
    const tabOf = (page: ExtensionPage, file: string) =>
      waitFor(
        () =>
          page.evaluate<number | null>(`browser.tabs.query({}).then(async (tabs) => {
            for (const tab of tabs) {
              const answer = await browser.tabs.sendMessage(tab.id, { type: 'page-entities' }).catch(() => null);
              if (answer) return tab.id;
            }
            return null;
          })`),
        `the tab of ${file}`,
      );

    /** The options page, opened from a card as a reader would. */
    async function openOptionsFromCard(): Promise<ExtensionPage> {
      await driver.goto(server.url('article.html'));
      await highlighted('Damascus');
      await hover('#p2', 'Damascus');
      await cardTitled('Damascus');
      await driver.clickInCard('Display options');
      await driver.clickInCard('All settings…');
      const page = await driver.waitForExtensionPage('options.html');
      await waitFor(() => page.evaluate<boolean>(`!!document.querySelector('#own-title')`), 'the options page to render');
      return page;
    }

    /** Reloads an extension page (after the call returns, so the evaluation is not cut off). */
    async function reload(page: ExtensionPage): Promise<void> {
      await page.evaluate(`(() => { document.body.dataset.reloading = 'yes'; setTimeout(() => location.reload(), 0); })()`);
      await waitFor(() => page.evaluate<boolean>(`document.readyState === 'complete' && !document.body.dataset.reloading && !!document.querySelector('#own-title')`).catch(() => false), 'the page to reload');
    }

    const textOf = (page: ExtensionPage, selector = 'body') =>
      page.evaluate<string>(`(document.querySelector(${JSON.stringify(selector)})?.innerText ?? '').replace(/\\s+/g, ' ')`);
    const waitForText = (page: ExtensionPage, needle: string, selector = 'body') =>
      waitFor(async () => ((await textOf(page, selector)).includes(needle) ? true : null), `"${needle}" on ${page.url()}`, 8000);

    beforeAll(async () => {
      server = await startServer();
      driver = await launch(browserName, { viewport: { width: 1280, height: 900 } });
      options = await openOptionsFromCard();
    });

    afterAll(async () => {
      await driver?.close();
      await server?.close();
    });

    it('opens the options page from the card', async () => {
      expect(options.url()).toContain('options.html');
      expect(await textOf(options, 'h1')).toBe('Backstory');
    });

    it('popup: badge count, names grouped by type with summaries, and a click opens the name on the page', async () => {
      await closeCard();
      const tabId = await tabOf(options, 'article.html');
      const badge = await waitFor(
        () => options.evaluate<string>(`browser.action.getBadgeText({ tabId: ${tabId} })`).then((t) => (Number(t) > 5 ? t : null)),
        'a badge count',
      );
      const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
      await waitForText(popup, 'Eastern Ghouta');
      const groups = await popup.evaluate<{ heading: string; names: string[] }[]>(`[...document.querySelectorAll('section')].map((s) => ({
        heading: s.querySelector('h2').textContent, names: [...s.querySelectorAll('.name')].map((n) => n.innerText) }))`);
      const byHeading = Object.fromEntries(groups.map((g) => [g.heading.replace(/[^A-Za-z ]/g, '').trim(), g.names]));
      expect(byHeading['Places']).toEqual(expect.arrayContaining(['Damascus', 'Eastern Ghouta']));
      expect(byHeading['Armed groups']).toEqual(expect.arrayContaining(['Failaq al-Rahman', 'Jaish al-Islam']));
      expect(byHeading['People']).toEqual(['Bashar al-Assad']);
      // The badge counts the same distinct names the popup lists.
      expect(groups.reduce((n, g) => n + g.names.length, 0)).toBe(Number(badge));
      // Each name comes with its one-line summary.
      const summaries = await popup.evaluate<string[]>(`[...document.querySelectorAll('button.entity .summary')].map((s) => s.textContent)`);
      expect(summaries).toHaveLength(Number(badge));
      for (const summary of summaries) expect(summary.length).toBeGreaterThan(30);
      await popup.evaluate(`[...document.querySelectorAll('button.entity')].find((b) => b.querySelector('.name').innerText === 'Jaish al-Islam').click()`);
      await cardTitled('Jaish al-Islam');
      await popup.close();
      await closeCard();
    });

    it('popup: the site switch removes the highlights at once, and survives a browser restart', async () => {
      const tabId = await tabOf(options, 'article.html');
      let popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
      await waitForText(popup, 'On for 127.0.0.1');
      await popup.click('input[role="switch"]');
      await waitFor(async () => ((await highlights()).length === 0 ? true : null), 'every highlight to go without a reload');
      await popup.close();

      await driver.restart();
      await driver.goto(server.url('article.html'));
      await new Promise((r) => setTimeout(r, 1500));
      expect(await highlights()).toEqual([]);
      // Switched on again (from a fresh options page, opened through the extension's own tab).
      const page = await firstExtensionPageAfterRestart();
      const id = await tabOf(page, 'article.html');
      popup = await driver.openExtensionPage(`popup.html?tab=${id}`);
      await waitForText(popup, 'Backstory is off for this site.');
      expect(await popup.evaluate<boolean>(`document.querySelector('input[role="switch"]').checked`)).toBe(false);
      await popup.click('input[role="switch"]');
      await highlighted('Damascus');
      await popup.close();
      options = page;
    });

    /** After a restart no card can open on a switched-off site: the first page comes from the background. */
    async function firstExtensionPageAfterRestart(): Promise<ExtensionPage> {
      if (browserName === 'chromium') return driver.openExtensionPage('options.html');
      // Firefox: switch the site on from storage is not what a reader does; instead open the
      // options through a site that is still on: a second host name for the same server.
      await driver.goto(server.url('article.html').replace('127.0.0.1', 'localhost'));
      await highlighted('Damascus');
      await hover('#p2', 'Damascus');
      await cardTitled('Damascus');
      await driver.clickInCard('Display options');
      await driver.clickInCard('All settings…');
      const page = await driver.waitForExtensionPage('options.html');
      await driver.goto(server.url('article.html'));
      return page;
    }

    it('popup: the global pause clears every tab and resumes', async () => {
      await driver.goto(server.url('article.html'));
      await highlighted('Damascus');
      const tabId = await tabOf(options, 'article.html');
      const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
      await waitForText(popup, 'Pause everywhere');
      await popup.click('button.pause');
      await waitFor(async () => ((await highlights()).length === 0 ? true : null), 'highlights to go on pause');
      await waitForText(popup, 'Backstory is paused on every site.');
      await popup.click('button.pause');
      await highlighted('Damascus');
      await popup.close();
    });

    it('options: the highlight style, a colour and a type reach the open tab without a reload', async () => {
      await driver.goto(server.url('article.html'));
      await highlighted('Damascus');
      await reload(options);
      await waitFor(() => options.evaluate<boolean>(`!!document.querySelector('#own-title')`), 'the options page');
      await options.evaluate(`[...document.querySelectorAll('input[name="style"]')][3].click()`); // wavy
      await waitFor(async () => ((await highlights()).find((h) => h.text === 'Damascus')?.name === 'backstory-wavy-teal' ? true : null), 'wavy teal places');
      await options.evaluate(`(() => { const s = document.querySelector('#colour-place'); s.value = 'red'; s.dispatchEvent(new Event('change', { bubbles: true })); })()`);
      await waitFor(async () => ((await highlights()).find((h) => h.text === 'Damascus')?.name === 'backstory-wavy-red' ? true : null), 'wavy red places');
      // People off: Assad goes, places stay.
      await options.evaluate(`[...document.querySelectorAll('label')].find((l) => l.innerText.trim().endsWith('Person')).querySelector('input').click()`);
      await notHighlighted('Bashar al-Assad');
      await highlighted('Damascus');
      await options.evaluate(`[...document.querySelectorAll('label')].find((l) => l.innerText.trim().endsWith('Person')).querySelector('input').click()`);
      await options.evaluate(`[...document.querySelectorAll('input[name="style"]')][0].click()`);
      await highlighted('Bashar al-Assad');
    });

    it('own entries: add one (highlighted at once, card says it is yours), edit it, delete it', async () => {
      await driver.goto(server.url('own-entries.html'));
      await highlighted('Hama');
      expect((await highlights()).some((h) => h.text === 'Qasr Ibn Wardan')).toBe(false);
      await options.click('button.primary');
      await options.type('#entry-name', 'Qasr Ibn Wardan');
      await options.evaluate(`(() => { const s = document.querySelector('#entry-type'); s.value = 'place'; s.dispatchEvent(new Event('change', { bubbles: true })); })()`);
      await options.type('#entry-summary', 'Sixth-century Byzantine palace and church complex east of Hama.');
      await options.type('#entry-sources', 'https://whc.unesco.org/');
      await options.click('form.entry-form button[type="submit"]');
      await waitForText(options, 'Added “Qasr Ibn Wardan”');
      await highlighted('Qasr Ibn Wardan');
      await hover('#p1', 'Qasr Ibn Wardan');
      const card = await cardTitled('Qasr Ibn Wardan');
      expect(card.text).toContain('Your entry');
      expect(card.text).toContain('Sixth-century Byzantine palace');
      await closeCard();

      await options.evaluate(`document.querySelector('button[aria-label="Edit “Qasr Ibn Wardan”"]').click()`);
      await waitFor(() => options.evaluate<boolean>(`!!document.querySelector('#entry-summary')`), 'the form');
      await options.type('#entry-summary', 'Palace complex built in 564 east of Hama.');
      await options.click('form.entry-form button[type="submit"]');
      await waitForText(options, 'Saved “Qasr Ibn Wardan”');
      await new Promise((r) => setTimeout(r, 300));
      await hover('#p1', 'Qasr Ibn Wardan');
      expect((await cardTitled('Qasr Ibn Wardan')).text).toContain('built in 564');
      await closeCard();

      await options.evaluate(`document.querySelector('button[aria-label="Delete “Qasr Ibn Wardan”"]').click()`);
      await options.click('button.danger');
      await waitForText(options, 'Deleted “Qasr Ibn Wardan”');
      await notHighlighted('Qasr Ibn Wardan');
    });

    it('own entries: a reader entry with a bundled alias wins over the bundled entry', async () => {
      await options.click('button.primary');
      await options.type('#entry-name', 'Damascus');
      await options.evaluate(`(() => { const s = document.querySelector('#entry-type'); s.value = 'place'; s.dispatchEvent(new Event('change', { bubbles: true })); })()`);
      await options.type('#entry-summary', 'My own note on the capital.');
      await options.click('form.entry-form button[type="submit"]');
      await waitForText(options, 'Added “Damascus”');
      await new Promise((r) => setTimeout(r, 500));
      await hover('#p2', 'Damascus');
      await waitFor(async () => {
        const card = await driver.readCard();
        return card?.text.includes('My own note on the capital.') ? card : null;
      }, 'the reader\'s own Damascus card');
      await closeCard();
    });

    it('own entries: a form with problems names the field and saves nothing', async () => {
      const before = JSON.stringify(await options.evaluate(STORED_OWN));
      await options.click('button.primary');
      await options.type('#entry-name', 'Bad entry');
      await options.type('#entry-summary', 'Looks fine <img src=x onerror=alert(1)>');
      await options.click('form.entry-form button[type="submit"]');
      await waitFor(() => options.evaluate<boolean>(`document.querySelector('#entry-summary').getAttribute('aria-invalid') === 'true'`), 'the summary marked invalid');
      expect(await textOf(options, '#problem-summary')).toMatch(/HTML|script/i);
      expect(JSON.stringify(await options.evaluate(STORED_OWN))).toBe(before);
      await options.evaluate(`[...document.querySelectorAll('form.entry-form button')].find((b) => b.innerText === 'Cancel').click()`);
    });

    /** Chooses a file in the import field. */
    const importFile = (name: string, contentExpression: string, type = 'application/json') =>
      options.evaluate(chooseFileScript('#import-file', name, contentExpression, type));
    const captureDownloads = `(() => { window.__downloads = []; URL.createObjectURL = ((original) => (blob) => { blob.text().then((t) => window.__downloads.push(t)); return original(blob); })(URL.createObjectURL); })()`;

    it('import and export: JSON and CSV round trips, after a preview', async () => {
      const file = JSON.stringify([
        { name: 'Wardan Heritage Fund', type: 'organization', summary: 'A fund that pays for the restoration of late-antique sites in central Syria, "Hama, Homs"', aliases: ['WHF'] },
        { name: 'Qasr Ibn Wardan', type: 'place', summary: 'Palace, church and barracks of 561–564, east of Hama.', aliases: ['قصر ابن وردان'] },
      ]);
      await importFile('mine.json', JSON.stringify(file));
      await waitForText(options, 'mine.json: 2 new entries, 0 replacing yours');
      // Nothing is stored before the reader confirms.
      expect(JSON.stringify(await options.evaluate(STORED_OWN))).not.toContain('Wardan Heritage Fund');
      await options.evaluate(`[...document.querySelectorAll('.preview button')].find((b) => b.innerText === 'Import').click()`);
      await waitForText(options, 'Imported: 2 added, 0 replaced.');
      await highlighted('Wardan Heritage Fund');
      await highlighted('Qasr Ibn Wardan');

      await options.evaluate(captureDownloads);
      const stored = await options.evaluate<{ entries: unknown[] }>(STORED_OWN);
      await options.evaluate(`[...document.querySelectorAll('button')].find((b) => b.innerText === 'Export as JSON').click()`);
      await options.evaluate(`[...document.querySelectorAll('button')].find((b) => b.innerText === 'Export as CSV').click()`);
      const [json, csv] = await waitFor(() => options.evaluate<string[] | null>(`window.__downloads.length === 2 ? window.__downloads : null`), 'two exports');
      expect(JSON.parse(json!).entries).toEqual(stored.entries);
      expect(csv!.split(/\r?\n/)[0]).toMatch(/^id,name,type/);
      for (const [name, text, type] of [['back.json', json!, 'application/json'], ['back.csv', csv!, 'text/csv']] as const) {
        await importFile(name, JSON.stringify(text), type);
        await waitForText(options, `${name}: 0 new entries, 0 replacing yours, ${stored.entries.length} unchanged.`);
        await options.evaluate(`[...document.querySelectorAll('.preview button')].find((b) => b.innerText === 'Cancel').click()`);
      }
    });

    const BAD_FILES: [string, string, string, RegExp][] = [
      ['broken JSON', 'broken.json', JSON.stringify('[\n  {"name": "A",\n  "type": "place" "summary": "x"}\n]'), /Line 3, column \d+/],
      ['broken CSV', 'broken.csv', JSON.stringify('name,type,summary\nAlpha,place,"an unterminated quote\nBeta,place,ok\n'), /Line 2/],
      ['the wrong schema', 'wrong.json', JSON.stringify(JSON.stringify({ hello: 'world' })), /entries|array/i],
      ['HTML in an entry', 'html.json', JSON.stringify(JSON.stringify([{ name: 'X', type: 'place', summary: '<script>alert(1)</script>' }])), /entry 1.*summary/i],
      ['duplicate ids', 'dupes.json', JSON.stringify(JSON.stringify([{ id: 'user:x', name: 'X', type: 'place', summary: 'one' }, { id: 'user:x', name: 'Y', type: 'place', summary: 'two' }])), /entry 2.*entry 1|entry 1.*entry 2/i],
      ['50 MB of data', 'huge.json', `'[' + '"x",'.repeat(13_000_000) + '"x"]'`, /50(\.\d)? MB.*5 MB|largest/],
    ];

    for (const [what, name, content, message] of BAD_FILES) {
      it(`import of ${what}: a clear message, and the reader's glossary untouched`, async () => {
        const before = JSON.stringify(await options.evaluate(STORED_OWN));
        await importFile(name, content, name.endsWith('.csv') ? 'text/csv' : 'application/json');
        const shown = await waitFor(async () => {
          const text = await textOf(options, '.import-errors');
          return text ? text : null;
        }, 'the import error', 20_000);
        expect(shown).toContain('Nothing was imported');
        expect(shown).toMatch(message);
        expect(JSON.stringify(await options.evaluate(STORED_OWN))).toBe(before);
      });
    }

    it('corrupt stored settings: defaults restored, the reader told once, their glossary kept', async () => {
      const glossary = JSON.stringify(await options.evaluate(STORED_OWN));
      await options.evaluate(`browser.storage.sync.set({ density: 'sometimes', colours: 'purple', hoverDelayMs: -5 })`);
      await reload(options);
      await waitForText(options, 'Some stored settings could not be read');
      expect(await textOf(options, '.notice')).toContain('"density" was not valid');
      await reload(options);
      await waitFor(() => options.evaluate<boolean>(`!!document.querySelector('#own-title')`), 'the options page');
      expect(await textOf(options)).not.toContain('Some stored settings could not be read');
      expect(await options.evaluate<unknown>(`browser.storage.sync.get('density').then((r) => r.density)`)).toBe('every');
      expect(JSON.stringify(await options.evaluate(STORED_OWN))).toBe(glossary);
    });

    it('corrupt stored glossary: readable entries kept, the rest set aside and offered back', async () => {
      const good = await options.evaluate<{ entries: unknown[] }>(STORED_OWN);
      await options.evaluate(`browser.storage.local.set({ ownGlossary: { version: 1, entries: [...${JSON.stringify(good.entries)}, { id: 'user:broken', name: 42 }] } })`);
      await reload(options);
      await waitForText(options, '1 of your stored entries could not be read');
      const after = await options.evaluate<{ entries: unknown[] }>(STORED_OWN);
      expect(after.entries).toEqual(good.entries);
      expect(await options.evaluate<unknown[]>(`browser.storage.local.get('ownGlossaryQuarantine').then((r) => r.ownGlossaryQuarantine)`)).toEqual([{ id: 'user:broken', name: 42 }]);
    });

    it('"Look up in Backstory": a known name opens its card; an unknown one offers to add it', async () => {
      await driver.goto(server.url('article.html'));
      await highlighted('Damascus');
      const tabId = await tabOf(options, 'article.html');
      await options.evaluate(`browser.tabs.sendMessage(${tabId}, { type: 'lookup', text: 'Jaish al-Islam' })`);
      await cardTitled('Jaish al-Islam');
      await closeCard();
      await options.evaluate(`browser.tabs.sendMessage(${tabId}, { type: 'lookup', text: 'Zenobia Weaving Cooperative' })`);
      await cardTitled('“Zenobia Weaving Cooperative” is not in Backstory');
      await driver.clickInCard('Add to my glossary');
      const form = await driver.waitForExtensionPage('options.html#add=');
      await waitFor(() => form.evaluate<string>(`document.querySelector('#entry-name')?.value ?? ''`).then((v) => (v === 'Zenobia Weaving Cooperative' ? v : null)), 'the prefilled form');
      await form.close();
    });

    for (const page of ['options.html', 'popup.html']) {
      it(`${page} has no axe violations`, async () => {
        const tabId = await tabOf(options, 'article.html');
        const tab = await driver.openExtensionPage(page === 'popup.html' ? `popup.html?tab=${tabId}` : page);
        await waitFor(() => tab.evaluate<boolean>(`document.querySelectorAll('main button').length > 1`), `${page} to render`);
        await new Promise((r) => setTimeout(r, 300));
        await tab.evaluate(AXE);
        const result = await tab.evaluate<AxeResult>(`axe.run(document, { resultTypes: ['violations'] }).then((r) => ({ violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })) }))`);
        expect(result.violations, JSON.stringify(result.violations, null, 1)).toEqual([]);
        await tab.close();
      });
    }
  });
}
