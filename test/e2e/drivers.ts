/**
 * One small interface over the two browsers the extension ships for, so that every
 * end-to-end test runs unchanged in both:
 * - Chromium (Debian's) through playwright-core, the card read through the accessibility tree
 *   (which is also what a screen reader gets);
 * - Firefox ESR (Debian's) through puppeteer-core over WebDriver BiDi, the card read through
 *   BiDi's shadow-tree serialisation (BiDi's accessibility locators do not enter shadow roots).
 * Recipes: ../shared/BROWSER-TESTING.md.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from 'puppeteer-core';

/** The built extension: dist/, or another build's folder (a bench build, for the probe's task figures). */
export const DIST = process.env.BACKSTORY_DIST ? resolve(process.env.BACKSTORY_DIST) : fileURLToPath(new URL('../../dist/', import.meta.url));
const GECKO_ID = 'backstory@backstory-extension.org';
const FIREFOX_UUID = '5b7c1f7e-6a52-4c8e-9d2a-3f4b1e0c9a11';

export type BrowserName = 'chromium' | 'firefox';

export interface CardReading {
  role: string;
  /** The accessible name: what a screen reader announces. */
  name: string;
  /** All text in the card, in order, joined with single spaces. */
  text: string;
  /** Accessible names of the images in the card (the locator map). */
  images: string[];
}

export interface Driver {
  name: BrowserName;
  goto(url: string): Promise<void>;
  /** Evaluates a JavaScript expression in the page's own world. */
  evaluate<T>(expression: string): Promise<T>;
  mouseMove(x: number, y: number): Promise<void>;
  /** A key or combination: "Escape", "Alt+Shift+Period". */
  press(key: string): Promise<void>;
  /** A finger tap at a point of the viewport. */
  tap(x: number, y: number): Promise<void>;
  /** Clicks the button or link in the open card whose accessible text is `label`. */
  clickInCard(label: string): Promise<void>;
  /** The open card, or null when none is open. */
  readCard(): Promise<CardReading | null>;
  /** Uncaught page errors and console errors seen since the last `goto`. */
  errors(): string[];
  /** Every console message (the page's and the content script's) since the last `goto`. */
  messages(): string[];
  screenshot(path: string): Promise<void>;
  /** Opens one of the extension's own pages ("options.html", "popup.html?tab=3") in a new tab. */
  openExtensionPage(path: string): Promise<ExtensionPage>;
  /** Waits for a tab that the extension itself opened on one of its pages. */
  waitForExtensionPage(path: string): Promise<ExtensionPage>;
  /** Quits the browser and starts it again on the same profile: a new browser session. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** A tab on one of the extension's pages (options, popup): privileged, with `browser.*`. */
export interface ExtensionPage {
  url(): string;
  evaluate<T>(expression: string): Promise<T>;
  /** A real click at the centre of the first element matching `selector`. */
  click(selector: string): Promise<void>;
  /** Focuses the field and types into it, as a person would. */
  type(selector: string, text: string): Promise<void>;
  close(): Promise<void>;
}

/** Puts a file into a file input and fires `change`, as choosing it in the dialog would. */
export function chooseFileScript(selector: string, name: string, content: string, type = 'application/octet-stream'): string {
  return `(() => {
    const input = document.querySelector(${JSON.stringify(selector)});
    const transfer = new DataTransfer();
    transfer.items.add(new File([${content}], ${JSON.stringify(name)}, { type: ${JSON.stringify(type)} }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  })()`;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

const isLocal = (url: string): boolean => {
  const { protocol, hostname } = new URL(url);
  return !protocol.startsWith('http') || hostname === '127.0.0.1' || hostname === 'localhost';
};

/** " (at URL)" for a script's address, so that an error can be told to be ours (an extension URL) or the page's. */
const at = (url: string | undefined): string => (url ? ` (at ${url})` : '');

/** Where an error was thrown: the first script address in its stack. */
function whereFrom(error: Error): string {
  return at(/(?:chrome|moz)-extension:\/\/[^\s)]+|https?:\/\/[^\s)]+/.exec(error.stack ?? '')?.[0]);
}

export async function launch(name: BrowserName, options: { viewport?: { width: number; height: number } } = {}): Promise<Driver> {
  const viewport = options.viewport ?? { width: 1280, height: 800 };
  return name === 'chromium' ? launchChromium(viewport) : launchFirefox(viewport);
}

async function launchChromium(viewport: { width: number; height: number }): Promise<Driver> {
  const extension = join(DIST, 'chrome');
  const profile = mkdtempSync(join(tmpdir(), 'backstory-chromium-'));
  let context!: BrowserContext;
  let page!: Page;
  let extensionId = '';
  let errors: string[] = [];
  let messages: string[] = [];
  const start = async (): Promise<void> => {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport,
      hasTouch: true,
      args: [
        '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync',
        `--disable-extensions-except=${extension}`, `--load-extension=${extension}`,
      ],
    });
    // Offline and repeatable: only the local fixture server is reachable.
    await context.route('**/*', (route) => (isLocal(route.request().url()) ? route.continue() : route.abort()));
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}${whereFrom(error)}`));
    page.on('console', (message) => {
      messages.push(message.text());
      if (message.type() === 'error') errors.push(`console: ${message.text()}${at(message.location().url)}`);
    });
  };
  await start();
  const wrap = (tab: Page): ExtensionPage => ({
    url: () => tab.url(),
    evaluate: (expression) => tab.evaluate(expression),
    click: (selector) => tab.click(selector),
    async type(selector, text) {
      await tab.fill(selector, '');
      await tab.locator(selector).pressSequentially(text);
    },
    close: () => tab.close(),
  });

  return {
    name: 'chromium',
    async goto(url) {
      errors = [];
      messages = [];
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (expression) => page.evaluate(expression),
    mouseMove: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key),
    tap: (x, y) => page.touchscreen.tap(x, y),
    async clickInCard(label) {
      const session = await context.newCDPSession(page);
      try {
        const { nodes } = (await session.send('Accessibility.getFullAXTree')) as { nodes: (AxNode & { backendDOMNodeId?: number })[] };
        const clickable = new Set(['button', 'link', 'DisclosureTriangle']);
        const target = nodes.find((n) => clickable.has(n.role?.value ?? '') && n.name?.value?.trim() === label);
        if (!target?.backendDOMNodeId) throw new Error(`no button "${label}" in the card`);
        // The card's body scrolls: bring the button into its visible part first.
        await session.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: target.backendDOMNodeId });
        const { model } = (await session.send('DOM.getBoxModel', { backendNodeId: target.backendDOMNodeId })) as { model: { content: number[] } };
        const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
        await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
      } finally {
        await session.detach();
      }
    },
    async readCard() {
      const session = await context.newCDPSession(page);
      try {
        const { nodes } = (await session.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
        return readAxDialog(nodes);
      } finally {
        await session.detach();
      }
    },
    errors: () => [...errors],
    messages: () => [...messages],
    screenshot: async (path) => {
      // caret: 'initial' — by default Playwright hides the caret by writing inline styles on
      // editable elements, which would be a DOM change the tests then blame on the extension.
      await page.screenshot({ path, caret: 'initial' });
    },
    async openExtensionPage(path) {
      const tab = await context.newPage();
      await tab.goto(`chrome-extension://${extensionId}/${path}`);
      return wrap(tab);
    },
    async waitForExtensionPage(path) {
      const prefix = `chrome-extension://${extensionId}/${path}`;
      const found = context.pages().find((p) => p.url().startsWith(prefix));
      const tab = found ?? (await context.waitForEvent('page', { predicate: (p) => p.url().startsWith(prefix), timeout: 10_000 }));
      await tab.waitForLoadState('load');
      return wrap(tab);
    },
    async restart() {
      await context.close();
      await start();
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

interface AxNode {
  nodeId: string;
  ignored?: boolean;
  role?: { value?: string };
  name?: { value?: string };
  childIds?: string[];
}

function readAxDialog(nodes: AxNode[]): CardReading | null {
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const dialog = nodes.find((n) => n.role?.value === 'dialog' && !n.ignored);
  if (!dialog) return null;
  const texts: string[] = [];
  const images: string[] = [];
  const walk = (node: AxNode): void => {
    if (node.role?.value === 'StaticText' && node.name?.value) texts.push(node.name.value);
    if ((node.role?.value === 'image' || node.role?.value === 'img') && node.name?.value) images.push(node.name.value);
    for (const id of node.childIds ?? []) {
      const child = byId.get(id);
      if (child) walk(child);
    }
  };
  walk(dialog);
  return { role: 'dialog', name: dialog.name?.value ?? '', text: texts.join(' ').replace(/\s+/g, ' ').trim(), images };
}

async function launchFirefox(viewport: { width: number; height: number }): Promise<Driver> {
  const profile = mkdtempSync(join(tmpdir(), 'backstory-firefox-'));
  let browser!: PuppeteerBrowser;
  let page!: PuppeteerPage;
  let errors: string[] = [];
  let messages: string[] = [];
  const start = async (): Promise<void> => {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      userDataDir: profile,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
        // A temporary add-on is removed when the browser quits: keep its storage and address,
        // so that a restart on the same profile is a new session of the same installation.
        'extensions.webextensions.keepStorageOnUninstall': true,
        'extensions.webextensions.keepUuidOnUninstall': true,
        // Offline and repeatable: no update checks, telemetry or captive-portal probes.
        'network.captive-portal-service.enabled': false,
        'app.update.enabled': false,
      },
    });
    await browser.installExtension(join(DIST, 'firefox'));
    page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.setViewport(viewport);
    page.on('pageerror', (error) => {
      const message = (error as Error).message ?? String(error);
      // Firefox's own request for /favicon.ico, refused by a strict page policy: the browser's
      // doing, on any page with that policy, with or without an extension.
      if (/Content-Security-Policy.*\/favicon\.ico/.test(message)) return;
      errors.push(`pageerror: ${message}${whereFrom(error as Error)}`);
    });
    page.on('console', (message) => {
      messages.push(message.text());
      if (message.type() === 'error') errors.push(`console: ${message.text()}${at(message.location().url)}`);
    });
  };
  await start();
  const connection = () =>
    (browser as unknown as { connection: { send: (method: string, params: unknown) => Promise<{ result: BidiResult }> } }).connection;
  /** The card's host with its closed shadow tree, as BiDi serialises it. */
  const serialiseCard = async (): Promise<BidiNode> => {
    const context = (page.mainFrame() as unknown as { _id: string })._id;
    const { result } = await connection().send('script.evaluate', {
      expression: `document.querySelector('backstory-card')`,
      target: { context },
      awaitPromise: false,
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 100 },
    });
    return result.result;
  };
  const extensionBase = `moz-extension://${FIREFOX_UUID}/`;
  type Bidi = { result: Record<string, unknown> };
  const send = (method: string, params: unknown) => connection().send(method, params) as unknown as Promise<Bidi>;
  const topContexts = async (): Promise<{ context: string; url: string }[]> =>
    ((await send('browsingContext.getTree', { maxDepth: 0 })).result.contexts as { context: string; url: string }[]);
  /**
   * Extension pages through raw BiDi: puppeteer keeps the address a tab had when it opened
   * (about:blank) for tabs the extension opens, so it cannot find them; BiDi's tree can.
   */
  const bidiPage = (context: string): ExtensionPage => {
    const evaluate = async <T,>(expression: string): Promise<T> => {
      const { result } = await send('script.evaluate', {
        expression,
        target: { context },
        awaitPromise: true,
        resultOwnership: 'none',
        serializationOptions: { maxObjectDepth: 20 },
      });
      if (result.type === 'exception') {
        const details = result.exceptionDetails as { text?: string } | undefined;
        throw new Error(`in ${context}: ${details?.text ?? 'an exception'}`);
      }
      return fromRemoteValue(result.result as RemoteValue) as T;
    };
    /** Input goes to the active tab only: bring this one forward, and the page's back before page input. */
    const activate = async (): Promise<void> => {
      await send('browsingContext.activate', { context });
      pageBehind = true;
    };
    return {
      url: () => '',
      evaluate,
      // A DOM click: pointer actions at coordinates raced the page's layout after each Preact render.
      async click(selector) {
        await activate();
        await evaluate(`(() => { const el = document.querySelector(${JSON.stringify(selector)}); if (!el) throw new Error('no ' + ${JSON.stringify(selector)}); el.scrollIntoView({ block: 'center' }); el.click(); })()`);
      },
      async type(selector, text) {
        await activate();
        await evaluate(`(() => { const el = document.querySelector(${JSON.stringify(selector)}); el.value = ''; el.dispatchEvent(new Event('input', { bubbles: true })); el.focus(); })()`);
        const keys = [...text].flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }]);
        await send('input.performActions', { context, actions: [{ type: 'key', id: 'keyboard', actions: keys }] });
      },
      close: async () => void (await send('browsingContext.close', { context })),
    };
  };
  /** An extension tab opened over the page: the page's tab is brought back before input (background tabs get no frames). */
  let pageBehind = false;
  const front = async (): Promise<void> => {
    if (!pageBehind) return;
    pageBehind = false;
    await page.bringToFront();
  };
  const waitForExtensionPage = async (path: string, known: ReadonlySet<string> = new Set()): Promise<ExtensionPage> => {
    pageBehind = true;
    const found = await waitFor(async () => {
      const tab = (await topContexts()).find((c) => c.url.startsWith(extensionBase + path) && !known.has(c.context));
      return tab ?? null;
    }, `a tab on ${path}`, 10_000);
    const page = bidiPage(found.context);
    const url = found.url;
    await waitFor(() => page.evaluate<boolean>(`document.readyState === 'complete'`).catch(() => false), `${path} to load`);
    return { ...page, url: () => url };
  };

  return {
    name: 'firefox',
    async goto(url) {
      errors = [];
      messages = [];
      await front();
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (expression) => page.evaluate(expression) as Promise<never>,
    mouseMove: async (x, y) => {
      await front();
      await page.mouse.move(x, y);
    },
    async press(key) {
      await front();
      const keys = key.split('+');
      for (const k of keys.slice(0, -1)) await page.keyboard.down(k as never);
      await page.keyboard.press(keys[keys.length - 1] as never);
      for (const k of keys.slice(0, -1).reverse()) await page.keyboard.up(k as never);
    },
    tap: (x, y) => page.touchscreen.tap(x, y),
    async clickInCard(label) {
      const context = (page.mainFrame() as unknown as { _id: string })._id;
      const target = findSerialised(await serialiseCard(), (node) => {
        const name = node.value?.localName;
        const accessibleName = node.value?.attributes?.['aria-label'] ?? serialisedText(node).trim();
        return (name === 'button' || name === 'a' || name === 'summary') && accessibleName === label;
      });
      const sharedId = (target as { sharedId?: string } | null)?.sharedId;
      if (!sharedId) throw new Error(`no button "${label}" in the card`);
      const rect = (await connection().send('script.callFunction', {
        functionDeclaration: "(el) => { el.scrollIntoView({ block: 'nearest' }); const r = el.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }",
        arguments: [{ sharedId }],
        target: { context },
        awaitPromise: false,
      })) as unknown as { result: { result: { value: { value: number }[] } } };
      const [x, y] = rect.result.result.value.map((v) => v.value) as [number, number];
      await page.mouse.click(x, y);
    },
    readCard: async () => readSerialisedCard(await serialiseCard()),
    errors: () => [...errors],
    messages: () => [...messages],
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    waitForExtensionPage: (path) => waitForExtensionPage(path),
    /**
     * Firefox refuses to navigate a tab to moz-extension:// from outside; an extension page
     * already open (found through `waitForExtensionPage`) opens the next one itself.
     */
    async openExtensionPage(path) {
      const contexts = await topContexts();
      const opener = contexts.find((c) => c.url.startsWith(extensionBase));
      if (!opener) throw new Error('Firefox: open a first extension page through the extension (e.g. the card\'s settings button)');
      await bidiPage(opener.context).evaluate(`browser.tabs.create({ url: ${JSON.stringify(extensionBase + path)} }).then(() => true)`);
      return waitForExtensionPage(path, new Set(contexts.map((c) => c.context)));
    },
    async restart() {
      await browser.close();
      await start();
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

interface BidiNode {
  type: string;
  value?: {
    nodeType?: number;
    localName?: string;
    nodeValue?: string;
    attributes?: Record<string, string>;
    children?: BidiNode[];
    shadowRoot?: BidiNode | null;
  };
}
interface BidiResult {
  result: BidiNode;
}

/** Text as a screen reader gets it: aria-hidden parts (the type symbols) left out. */
function serialisedText(node: BidiNode): string {
  const v = node.value;
  if (!v) return '';
  if (v.nodeType === 3) return v.nodeValue ?? '';
  if (v.attributes?.['aria-hidden'] === 'true') return '';
  return (v.children ?? []).map(serialisedText).join('');
}

function findSerialised(node: BidiNode, test: (node: BidiNode) => boolean): BidiNode | null {
  if (test(node)) return node;
  for (const child of [...(node.value?.children ?? []), ...(node.value?.shadowRoot ? [node.value.shadowRoot] : [])]) {
    const found = findSerialised(child, test);
    if (found) return found;
  }
  return null;
}

function readSerialisedCard(host: BidiNode): CardReading | null {
  if (host.type !== 'node' || !host.value?.shadowRoot) return null;
  let dialog: BidiNode | null = null;
  const byId = new Map<string, BidiNode>();
  const find = (node: BidiNode): void => {
    const attrs = node.value?.attributes ?? {};
    if (attrs.id) byId.set(attrs.id, node);
    if (!dialog && attrs.role === 'dialog') dialog = node;
    for (const child of node.value?.children ?? []) find(child);
  };
  find(host.value.shadowRoot);
  if (!dialog) return null;
  const textOf = (node: BidiNode): string => {
    const v = node.value;
    if (!v) return '';
    if (v.nodeType === 3) return v.nodeValue ?? '';
    if (v.localName === 'style') return '';
    return (v.children ?? []).map(textOf).join(' ');
  };
  const found = dialog as BidiNode;
  const images: string[] = [];
  const collectImages = (node: BidiNode): void => {
    const attrs = node.value?.attributes ?? {};
    if (attrs.role === 'img' && attrs['aria-label']) images.push(attrs['aria-label']);
    for (const child of node.value?.children ?? []) collectImages(child);
  };
  collectImages(found);
  const labelId = found.value?.attributes?.['aria-labelledby'] ?? '';
  const label = byId.get(labelId);
  return {
    role: found.value?.attributes?.role ?? '',
    name: label ? textOf(label).replace(/\s+/g, ' ').trim() : found.value?.attributes?.['aria-label'] ?? '',
    text: textOf(found).replace(/\s+/g, ' ').trim(),
    images,
  };
}

/** A BiDi RemoteValue (the JSON-like part of it) as a plain value. */
type RemoteValue = { type: string; value?: unknown };
function fromRemoteValue(remote: RemoteValue): unknown {
  switch (remote.type) {
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'string':
    case 'boolean':
      return remote.value;
    case 'number':
      return typeof remote.value === 'number' ? remote.value : Number(remote.value);
    case 'array':
      return ((remote.value as RemoteValue[] | undefined) ?? []).map(fromRemoteValue);
    case 'object':
      return Object.fromEntries(((remote.value as [string | RemoteValue, RemoteValue][] | undefined) ?? []).map(([k, v]) => [typeof k === 'string' ? k : String(fromRemoteValue(k)), fromRemoteValue(v)]));
    default:
      return null;
  }
}

/** Polls `check` until it returns a truthy value, or fails with the last value seen. */
export async function waitFor<T>(
  check: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | null | undefined | false;
  do {
    last = await check();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 50));
  } while (Date.now() < deadline);
  throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
}
