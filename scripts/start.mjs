#!/usr/bin/env node
// npm start: builds the extension and opens Chromium with it on the demo article.
//
// With a display, the browser window stays open for you to read and hover (close it to
// stop). Without one (or with --headless), it runs headless, hovers a name, and writes a
// screenshot of the open card; --out FILE chooses where (default dist/demo-screenshot.png).
//   npm start
//   npm start -- --headless --out docs/screenshot.png
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const headless = args.includes('--headless') || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const out = resolve(option('--out') ?? join(root, 'dist/demo-screenshot.png'));
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

execFileSync(process.execPath, [join(root, 'build.mjs')], { stdio: 'inherit' });

const demo = readFileSync(join(root, 'test/fixtures/demo-article.html'));
const server = createServer((req, res) => {
  if (req.url === '/' || req.url === '/demo-article.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(demo);
  else res.writeHead(404).end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/demo-article.html`;

const extension = join(root, 'dist/chrome');
const profile = mkdtempSync(join(tmpdir(), 'backstory-demo-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless,
  viewport: { width: 1100, height: 760 },
  args: [
    '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync',
    `--disable-extensions-except=${extension}`, `--load-extension=${extension}`,
  ],
});
const cleanUp = async () => {
  await context.close().catch(() => {});
  server.close();
  rmSync(profile, { recursive: true, force: true });
};
if (!context.serviceWorkers().length) await context.waitForEvent('serviceworker');
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(url);
await page.waitForFunction(() => (CSS.highlights.get('backstory-place')?.size ?? 0) > 0, null, { timeout: 10_000 });

if (!headless) {
  console.log(`Chromium is open on ${url} with Backstory loaded: rest the pointer on an underlined name. Close the window to stop.`);
  await new Promise((r) => context.on('close', r));
  await cleanUp();
  process.exit(0);
}

// Headless: hover "Ghouta" in the first paragraph that names it, wait for the card, and
// take a picture of it.
const point = await page.evaluate(() => {
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf('Ghouta');
    if (at < 0 || node.parentElement.tagName !== 'P') continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 6);
    const r = range.getClientRects()[0];
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }
  throw new Error('no "Ghouta" in the demo article');
});
await page.mouse.move(point.x - 4, point.y);
await page.mouse.move(point.x, point.y);
await page.waitForFunction(() => document.querySelector('backstory-card') !== null, null, { timeout: 10_000 });
await page.waitForTimeout(400); // let the card's entrance settle
mkdirSync(dirname(out), { recursive: true });
await page.screenshot({ path: out, caret: 'initial' });
console.log(`No display here, so Chromium ran headless. Screenshot with a card open: ${out}`);
await cleanUp();
