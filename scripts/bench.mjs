#!/usr/bin/env node
// npm run bench [-- --out FILE] [-- --runs N] [-- --quick] [-- --glossaries bundled,100k]
//               [-- --no-markjs] [-- --pages SUBSTRING]
//
// Measures, in real headless Chromium, side by side in one run, on the pages of
// ../shared/corpus (skipped with a message when absent) and the project's own fixtures:
// - Backstory's scan + highlight time (a bench build reports its own busy time: the walk and
//   the highlighting, plus the background's matching time), with the
//   bundled glossary and synthetic glossaries of 1,000, 10,000 and 100,000 entries;
// - the floor for any scanner on the same page: a TreeWalker pass over every text node
//   that lower-cases every character once, and the bare walk alone (in the page's own world;
//   for reference, the same pass in an isolated world, where a content script must run);
// - mark.js with the same alias list (accuracy "exactly", separateWordSearch false), on a
//   separate clean load of the page;
// - the JS heap of the tab with and without the extension;
// - long tasks over 50 ms caused by the extension, two ways: (1) one more load of each page
//   with the extension is traced (Chrome's devtools.timeline trace of the tab's main thread)
//   and a task counts as the extension's when the extension's script ran in it (content.js
//   evaluated, or one of its callbacks) -> summary.longTasksOver50ms; (2) the page's own
//   PerformanceObserver ('longtask') count with the extension minus without it, on the same
//   page over the same window of time (medians of the runs) ->
//   summary.longTasksOver50msWithMinusWithout, which also catches work the extension causes
//   outside its own script (style, paint).
// Times are medians of several runs, taken side by side (each page in every browser in turn,
// all browsers open for the whole run); ratios are of times summed over all pages. Times come
// from loads that are not traced, with and without the extension alike: tracing slows the
// many small DOM and JavaScript calls of a scanner far more than the floor's one native loop
// (measured side by side: the same build read 3.67x the floor traced, 3.04x untraced).
//
// Reduced runs (a full run takes ~40 min, most of it mark.js):
//   --glossaries LIST  only these glossaries (bundled, 1k, 10k, 100k; default all four)
//   --no-markjs        skip the mark.js comparison (markjsVsScan1k is then null)
//   --pages SUBSTRING  only the pages whose name contains SUBSTRING
//   --quick            only the first 6 pages
// e.g. the long-task check: node scripts/bench.mjs --glossaries bundled,100k --no-markjs --runs 2
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { readPacks } from './glossary-files.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const RUNS = Number(option('--runs', '3'));
const QUICK = argv.includes('--quick');
const OUT = option('--out', null);
const GLOSSARIES = option('--glossaries', 'bundled,1k,10k,100k').split(',');
const WITH_MARKJS = !argv.includes('--no-markjs');
const PAGE_FILTER = option('--pages', '');
/** Long tasks are observed for this long after the scan's report (or the load, without the extension). */
const SETTLE_MS = 1000;
const corpus = process.env.CORPUS_DIR ?? join(root, '..', 'shared', 'corpus');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MARKJS_TIMEOUT_MS = 20_000;
/** mark.js is compared at this many aliases (the first of the 1k glossary's list). */
const MARKJS_ALIASES = 1000;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

// ---------------------------------------------------------------- pages
const pages = [];
const fixtures = join(root, 'test', 'fixtures');
for (const f of ['demo-article.html', 'article.html']) pages.push({ name: `fixture/${f}`, dir: fixtures, file: f });
if (existsSync(join(corpus, 'pages'))) {
  for (const f of readdirSync(join(corpus, 'pages')).filter((f) => f.endsWith('.html')).sort()) {
    pages.push({ name: f.replace(/\.html$/, ''), dir: join(corpus, 'pages'), file: f });
  }
} else {
  console.log(`bench: no corpus at ${corpus} (set CORPUS_DIR); measuring the project's own fixtures only.`);
}
const benchPages = (QUICK ? pages.slice(0, 6) : pages).filter((p) => p.name.includes(PAGE_FILTER));

// ---------------------------------------------------------------- glossaries and builds
const SYLLABLES = ['ka', 'ro', 'vel', 'min', 'tash', 'qu', 'dor', 'zel', 'fa', 'nir', 'os', 'lum', 'ber', 'ti', 'gan', 'sho', 'pre', 'vak', 'ul', 'mez'];
function syntheticEntries(count, real, seed = 42) {
  // mulberry32: 32-bit integer arithmetic throughout (a float LCG loses precision and cycles).
  let x = seed >>> 0;
  const rand = () => {
    x = (x + 0x6d2b79f5) >>> 0;
    let t = Math.imul(x ^ (x >>> 15), 1 | x);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const word = () => {
    const n = 2 + Math.floor(rand() * 2);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    return w[0].toUpperCase() + w.slice(1);
  };
  const types = ['place', 'armed-group', 'organization', 'person', 'event'];
  const seen = new Set(real.map((e) => e.name.toLowerCase()));
  // The first real entries, their links to entries left out dropped (the build refuses dangling
  // ones): related entries, and the entities an alias needs beside it (an alias left needing
  // none keeps the plain gate).
  const kept = real.slice(0, Math.min(real.length, count));
  const keptIds = new Set(kept.map((e) => e.id));
  const keptAlias = (alias) => {
    const onlyWith = typeof alias === 'string' ? undefined : alias.ambiguity?.onlyWith;
    if (!onlyWith) return alias;
    const left = onlyWith.filter((id) => keptIds.has(id));
    const ambiguity = { ...alias.ambiguity, topicGate: true, onlyWith: left };
    if (!left.length) delete ambiguity.onlyWith;
    return { ...alias, ambiguity };
  };
  const out = kept.map((e) => ({ ...e, aliases: e.aliases.map(keptAlias), related: (e.related ?? []).filter((id) => keptIds.has(id)) }));
  while (out.length < count) {
    const name = `${word()} ${word()}`;
    if (seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    const type = types[Math.floor(rand() * types.length)];
    const id = `syn-${out.length}`;
    out.push({
      id,
      name,
      type,
      aliases: [`${name.split(' ')[0]} al-${name.split(' ')[1]}`],
      summary: `A generated entry for the benchmark (${name}).`,
      facts: [],
      timeline: [],
      related: [],
      ...(type === 'place' ? { coordinates: { lat: 33, lon: 36 } } : {}),
      sources: [{ title: 'Benchmark', url: 'https://example.org/bench' }],
      lastReviewed: '2026-01-01',
    });
  }
  return out;
}

const cacheDir = join(root, 'node_modules', '.cache', 'backstory-bench');
rmSync(cacheDir, { recursive: true, force: true });
mkdirSync(cacheDir, { recursive: true });
const { packs } = readPacks(join(root, 'src', 'glossary'));
const realEntries = packs.flatMap((p) => p.entries);
const aliasesOf = (entries) => [...new Set(entries.flatMap((e) => [e.name, ...e.aliases.map((a) => (typeof a === 'string' ? a : a.text))]))];

const variants = [
  { id: 'bundled', label: `bundled (${realEntries.length})`, entries: () => realEntries },
  { id: '1k', label: 'synthetic 1,000', entries: () => syntheticEntries(1000, realEntries) },
  { id: '10k', label: 'synthetic 10,000', entries: () => syntheticEntries(10_000, realEntries) },
  { id: '100k', label: 'synthetic 100,000', entries: () => syntheticEntries(100_000, realEntries) },
].filter((v) => GLOSSARIES.includes(v.id));
for (const v of variants) v.entries = v.entries();

for (const v of variants) {
  const gloss = join(cacheDir, `glossary-${v.id}`, 'bench');
  mkdirSync(gloss, { recursive: true });
  writeFileSync(join(gloss, 'pack.json'), JSON.stringify({ id: 'bench', name: v.label, description: 'benchmark' }));
  writeFileSync(join(gloss, 'entries.json'), JSON.stringify(v.entries));
  const out = join('node_modules', '.cache', 'backstory-bench', `build-${v.id}`);
  const log = execFileSync(process.execPath, [join(root, 'build.mjs'), '--bench', '--only', 'chrome', '--out', out], {
    env: { ...process.env, BACKSTORY_GLOSSARY: dirname(gloss) },
    encoding: 'utf8',
  });
  v.extension = join(root, out, 'chrome');
  v.stats = JSON.parse(readFileSync(join(root, out, 'glossary-stats.json'), 'utf8'));
  console.log(`bench: ${v.label}: ${log.trim().split('\n').pop()}`);
}

// ---------------------------------------------------------------- server and browsers
const TYPES = { '.html': 'text/html; charset=utf-8' };
const server = createServer((req, res) => {
  const [, dirKey, ...rest] = decodeURIComponent(new URL(req.url, 'http://x').pathname).split('/');
  const page = pages.find((p) => p.file === rest.join('/') && (dirKey === 'corpus') === (p.dir !== fixtures));
  if (!page) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[extname(page.file)] ?? 'text/html' }).end(readFileSync(join(page.dir, page.file)));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const urlOf = (p) => `${base}/${p.dir === fixtures ? 'fixture' : 'corpus'}/${p.file}`;

const FLAGS = ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--js-flags=--expose-gc'];
const LONG_TASKS = `window.__longTasks = []; try { new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true }); } catch {}`;
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'];

async function open(extension) {
  const profile = mkdtempSync(join(tmpdir(), 'backstory-bench-'));
  const args = extension ? [...FLAGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : FLAGS;
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 900 }, args });
  await context.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
  await context.addInitScript(LONG_TASKS);
  if (extension && !context.serviceWorkers().length) await context.waitForEvent('serviceworker');
  return { context, close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}

async function heapMB(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize').value / 1024 / 1024;
}

/** Starts a trace of the tab; `stop()` gives the tasks over 50 ms of the page's main thread. */
async function traceLongTasks(tab, url) {
  const cdp = await tab.context().newCDPSession(tab);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => { for (const e of d.value) events.push(e); });
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: TRACE_CATEGORIES } });
  return async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    // The page's renderer: the process that parsed it; its main thread is CrRendererMain.
    const pids = new Set(events.filter((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url).map((e) => e.pid));
    const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && pids.has(e.pid)).map((e) => `${e.pid}:${e.tid}`));
    const onMain = events.filter((e) => mains.has(`${e.pid}:${e.tid}`)).sort((x, y) => x.ts - y.ts);
    const ours = onMain.filter((e) => JSON.stringify(e.args ?? {}).includes('chrome-extension://'));
    const long = onMain.filter((e) => e.name === 'RunTask' && e.dur > 50_000);
    return long.map((task) => {
      const inside = (e) => e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts <= task.ts + task.dur;
      // What the task was busy with: its longest inner events, for the log.
      const what = onMain.filter((e) => inside(e) && e !== task && e.ph === 'X' && e.dur > 5_000).sort((x, y) => y.dur - x.dur).slice(0, 3)
        .map((e) => `${e.name}${e.args?.data?.url ? `(${e.args.data.url.replace(/^.*\//, '')})` : ''} ${(e.dur / 1000).toFixed(0)}`).join(', ');
      return { ms: task.dur / 1000, extension: ours.some(inside), what };
    });
  };
}

/**
 * Loads a page (with or without the extension) and observes it: with the bench build, until
 * its report of the first full reading, then SETTLE_MS more; without, until `windowMs` after
 * the navigation started (the same window as with the extension, to compare like with like).
 * `measure` runs in the tab at the end of the window; `traced` traces the load.
 */
async function observe(context, page, { extension, traced = false, windowMs = 0, measure = async () => null }) {
  const tab = await context.newPage();
  const url = urlOf(page);
  const stop = traced ? await traceLongTasks(tab, url) : async () => [];
  const report = extension && new Promise((resolve) => {
    // A reading reports within a few seconds; a page that sent itself elsewhere never does.
    const timer = setTimeout(() => resolve(null), 20_000);
    tab.on('console', (m) => {
      const t = m.text();
      if (t.startsWith('backstory-bench ')) {
        clearTimeout(timer);
        resolve(JSON.parse(t.slice('backstory-bench '.length)));
      }
    });
  });
  const started = Date.now();
  await tab.goto(url, { waitUntil: 'load', timeout: 60_000 });
  const r = extension ? await report : null;
  await tab.waitForTimeout(Math.max(extension ? SETTLE_MS : 100, windowMs - (Date.now() - started)));
  const window = Date.now() - started;
  const longTasks = await tab.evaluate(() => window.__longTasks.filter((d) => d > 50));
  const measured = await measure(tab);
  const tasks = await stop();
  return { tab, r, window, longTasks, measured, extensionTasks: tasks.filter((t) => t.extension) };
}

/** Loads a page with the bench build and waits for its report. */
async function measureBackstory(context, page) {
  const { tab, r, window, longTasks } = await observe(context, page, { extension: true });
  const heap = await heapMB(tab);
  await tab.close();
  return r && { scanMs: r.busyMs + r.messagingMs + r.matchingMs, report: r, highlights: r.highlights, longTasks, window, heap };
}

/** One more load with the bench build, traced: the long tasks in which the extension's script ran. */
async function traceBackstory(context, page) {
  const { tab, extensionTasks } = await observe(context, page, { extension: true, traced: true });
  await tab.close();
  return extensionTasks;
}

/** The floor's passes, as source: evaluated in the page's own world and in an isolated one. */
const FLOOR = `(() => {
  const walk = (touch) => {
    const t0 = performance.now();
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let n = 0;
    for (let node = w.nextNode(); node; node = w.nextNode()) n += touch ? node.data.toLowerCase().length : 1;
    return [performance.now() - t0, n];
  };
  // Cold, like the extension's own first pass on a freshly loaded page.
  const [touchMs, chars] = walk(true);
  return { walkMs: walk(false)[0], touchMs, chars };
})()`;

async function measureBaseline(context, page, windowMs) {
  const floorOf = async (tab) => {
    // The floor of the issue: in the page's own world, where a page script would run.
    const floor = await tab.evaluate(FLOOR);
    // For reference, the same pass in an isolated world (where every content script runs, and
    // where each node touched costs more: the world makes its own wrapper for it). Run after
    // the main-world pass, so that the page is as warm for it as it can be.
    const cdp = await tab.context().newCDPSession(tab);
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'backstory-bench-floor' });
    const { result } = await cdp.send('Runtime.evaluate', { expression: FLOOR, contextId: executionContextId, returnByValue: true });
    await cdp.detach();
    return { ...floor, isolatedTouchMs: result.value.touchMs };
  };
  const { tab, longTasks, measured: floor } = await observe(context, page, { extension: false, windowMs, measure: floorOf });
  const heap = await heapMB(tab);
  await tab.close();
  return { ...floor, longTasks, heap };
}

const MARKJS = readFileSync(require.resolve('mark.js/dist/mark.min.js'), 'utf8');
async function measureMarkjs(context, page, aliases) {
  const tab = await context.newPage();
  await tab.goto(urlOf(page), { waitUntil: 'load', timeout: 60_000 });
  // As a classic script, so that its UMD wrapper defines window.Mark.
  await tab.addScriptTag({ content: MARKJS });
  const result = await Promise.race([
    tab.evaluate((terms) => new Promise((resolve) => {
      const t0 = performance.now();
      try {
        new window.Mark(document.body).mark(terms, {
          accuracy: 'exactly', separateWordSearch: false,
          done: (n) => resolve({ ms: performance.now() - t0, marks: n }),
        });
      } catch (e) {
        resolve({ error: String(e && e.message || e) });
      }
    }), aliases).catch((e) => ({ error: String(e.message ?? e).slice(0, 120) })),
    new Promise((r) => setTimeout(() => r({ error: `timeout ${MARKJS_TIMEOUT_MS / 1000}s` }), MARKJS_TIMEOUT_MS)),
  ]);
  await tab.close().catch(() => {});
  return result;
}

// ---------------------------------------------------------------- run
const results = { pages: {} };
for (const p of benchPages) results.pages[p.name] = { chars: 0, floor: {}, backstory: {}, markjs: {} };

// Side by side: every browser (one per glossary, one without the extension) is open for the
// whole run, and each page is measured in all of them before the next page: a machine that is
// busier for a minute weighs on every figure of that page alike, not on one glossary's block of
// pages (measured one whole block after another, the same content script read ~10% slower with
// the bundled glossary, measured first, than with the 100,000-entry one, measured last). A
// browser's loads of a page follow one another, as a reader's page loads do in their browser:
// with every load in another browser than the last (tried: 4.47x and 4.67x bundled and 100k,
// against 4.10x and 4.05x for two glossaries), Wikipedia's walks and even the isolated-world
// floor read ~1.6x slower, and the idle browsers' service workers stopped between their turns.
// The first glossary is rotated from page to page.
console.log(`bench: ${benchPages.length} pages, ${RUNS} runs each, side by side: Backstory with ${variants.map((v) => `the ${v.label} glossary (${v.stats.states} states, matched in the ${v.stats.matching})`).join(', ')}, and no extension`);
const browsers = new Map();
for (const v of variants) {
  const b = await open(v.extension);
  // One warm-up load so that a background's first load of the matcher is not in the figures.
  await measureBackstory(b.context, benchPages[0]);
  browsers.set(v.id, b);
}
const baseline = await open(null);
/** A pause before each measured load, so that the last tab's teardown is not in its figures. */
const quiet = () => new Promise((resolve) => setTimeout(resolve, 300));
for (const [i, p] of benchPages.entries()) {
  const runs = new Map(variants.map((v) => [v.id, []]));
  for (const v of variants.map((_, k) => variants[(k + i) % variants.length])) {
    for (let run = 0; run < RUNS; run++) {
      await quiet();
      const r = await measureBackstory(browsers.get(v.id).context, p);
      if (r) runs.get(v.id).push(r);
    }
  }
  // Without the extension, over the same window as the longest of the readings (medians).
  const windowMs = Math.max(0, ...[...runs.values()].map((vr) => median(vr.map((x) => x.window))).filter(Number.isFinite));
  const baselineRuns = [];
  for (let run = 0; run < RUNS; run++) {
    await quiet();
    baselineRuns.push(await measureBaseline(baseline.context, p, windowMs));
  }
  const r = results.pages[p.name];
  for (const v of variants) {
    const vr = runs.get(v.id);
    const extensionTasks = [await traceBackstory(browsers.get(v.id).context, p)];
    const part = (key) => median(vr.map((x) => x.report[key] ?? 0));
    r.backstory[v.id] = {
      scanMs: median(vr.map((x) => x.scanMs)),
      // Where the scan's time went (medians, so they need not add up to scanMs).
      parts: { rootsMs: part('rootsMs'), walkMs: part('walkMs'), applyMs: part('applyMs'), messagingMs: part('messagingMs'), matchingMs: part('matchingMs') },
      highlights: vr[0]?.highlights ?? 0,
      heapMB: median(vr.map((x) => x.heap)),
      windowMs: median(vr.map((x) => x.window)),
      // Page-side count (PerformanceObserver), median of the runs, for the with-minus-without figure.
      pageLongTasks: median(vr.map((x) => x.longTasks.length)),
      maxPageTaskMs: Math.max(0, ...vr.flatMap((x) => x.longTasks)),
      // The reading's longest stretch of work in one task, as the bench build measures it itself.
      longestScanTaskMs: Math.max(0, ...vr.map((x) => x.report.longestTaskMs ?? 0)),
      // Tasks over 50 ms in which the extension's script ran (in the traced load).
      longTasks: Math.max(0, ...extensionTasks.map((t) => t.length)),
      maxTaskMs: Math.max(0, ...extensionTasks.flat().map((t) => t.ms)),
      extensionTasks: extensionTasks.flat(),
    };
  }
  r.chars = baselineRuns[0].chars;
  r.floor = { walkMs: median(baselineRuns.map((x) => x.walkMs)), touchMs: median(baselineRuns.map((x) => x.touchMs)), isolatedTouchMs: median(baselineRuns.map((x) => x.isolatedTouchMs)) };
  r.baselineHeapMB = median(baselineRuns.map((x) => x.heap));
  r.baselineLongTasks = median(baselineRuns.map((x) => x.longTasks.length));
  console.log(`bench: ${i + 1}/${benchPages.length} ${p.name}: floor ${r.floor.touchMs.toFixed(1)} ms, ${variants.map((v) => `${v.id} ${r.backstory[v.id].scanMs?.toFixed(1)}`).join(', ')}`);
}
for (const b of browsers.values()) await b.close();
if (WITH_MARKJS) {
  const aliases = aliasesOf(syntheticEntries(1000, realEntries)).slice(0, MARKJS_ALIASES);
  console.log(`bench: mark.js with ${aliases.length} aliases, one run per page (it takes seconds a page)`);
  for (const p of benchPages) {
    const r = await measureMarkjs(baseline.context, p, aliases);
    results.pages[p.name].markjs['1k'] = r.ms !== undefined ? { ms: r.ms, marks: r.marks } : { error: r.error };
  }
}
await baseline.close();
server.close();

// ---------------------------------------------------------------- summary
const names = Object.keys(results.pages);
// Pages where a measurement is missing (a report that never came) are left out of every sum.
const total = (f) => sum(names.map((n) => f(results.pages[n])).filter(Number.isFinite));
const floorTouch = total((r) => r.floor.touchMs);
const floorWalk = total((r) => r.floor.walkMs);
const floorIsolated = total((r) => r.floor.isolatedTouchMs);
const scan = Object.fromEntries(variants.map((v) => [v.id, total((r) => r.backstory[v.id]?.scanMs)]));
const markOk = names.filter((n) => results.pages[n].markjs['1k']?.ms !== undefined);
const markjs1k = sum(markOk.map((n) => results.pages[n].markjs['1k'].ms));
const scan1kSamePages = sum(markOk.map((n) => results.pages[n].backstory['1k']?.scanMs ?? 0));
const heapAdded = (id) => median(names.map((n) => (results.pages[n].backstory[id]?.heapMB ?? NaN) - results.pages[n].baselineHeapMB).filter((x) => !Number.isNaN(x)));
const longTasksOurs = sum(names.flatMap((n) => variants.map((v) => results.pages[n].backstory[v.id]?.longTasks ?? 0)));
// Pages without a baseline count (no report came) are left out, as in every other sum.
const longTasksDiff = sum(names.flatMap((n) => variants.map((v) => Math.max(0, (results.pages[n].backstory[v.id]?.pageLongTasks ?? 0) - results.pages[n].baselineLongTasks))).filter(Number.isFinite));
const longestOurs = Math.max(0, ...names.flatMap((n) => variants.map((v) => results.pages[n].backstory[v.id]?.maxTaskMs ?? 0)));
const longestScanTask = Math.max(0, ...names.flatMap((n) => variants.map((v) => results.pages[n].backstory[v.id]?.longestScanTaskMs ?? 0)));

const summary = {
  runsPerPage: RUNS,
  pages: names.length,
  scanVsFloor: scan.bundled / floorTouch,
  scanVsFloor1k: scan['1k'] / floorTouch,
  scanVsFloor10k: scan['10k'] / floorTouch,
  scanVsFloor100k: scan['100k'] / floorTouch,
  walkVsTouchFloor: floorWalk / floorTouch,
  // For reference: the same floor pass run in an isolated world, as a content script must be.
  scanVsIsolatedFloor: scan.bundled / floorIsolated,
  scanVsIsolatedFloor100k: scan['100k'] / floorIsolated,
  markjsVsScan1k: scan1kSamePages ? markjs1k / scan1kSamePages : null,
  markjsPagesMeasured: markOk.length,
  markjsFailures: names.filter((n) => results.pages[n].markjs['1k']?.error).map((n) => `${n}: ${results.pages[n].markjs['1k'].error}`),
  heapPerTabMB: heapAdded('bundled'),
  heapPerTabMB100k: heapAdded('100k'),
  longTasksOver50ms: longTasksOurs,
  longTasksOver50msWithMinusWithout: longTasksDiff,
  longestExtensionTaskMs: longestOurs,
  // From inside: the reading's longest stretch of work in one task, over every load.
  longestScanTaskMs: longestScanTask,
  glossaries: variants.map((v) => v.id),
  totals: { floorTouchMs: floorTouch, floorWalkMs: floorWalk, floorIsolatedTouchMs: floorIsolated, scanMs: scan, markjs1kMs: markjs1k },
};

const fmt = (x, d = 1) => (x === null || Number.isNaN(x) ? '—' : x.toFixed(d));
console.log('\npage'.padEnd(52) + 'chars'.padStart(9) + 'floor'.padStart(8) + variants.map((v) => v.id.padStart(v.id === 'bundled' ? 9 : 8)).join('') + 'mark.js1k'.padStart(11));
for (const n of names) {
  const r = results.pages[n];
  const m = r.markjs['1k'];
  console.log(
    n.slice(0, 50).padEnd(51) + String(r.chars).padStart(9) + fmt(r.floor.touchMs).padStart(8) +
      variants.map((v) => fmt(r.backstory[v.id]?.scanMs).padStart(v.id === 'bundled' ? 9 : 8)).join('') +
      (m?.ms !== undefined ? fmt(m.ms, 0) : m ? 'failed' : '—').padStart(11),
  );
}
console.log(`\nTimes in ms, medians of ${RUNS} runs; ratios of sums over ${names.length} pages.`);
console.log(`scan + highlight vs floor (touch every character): bundled ${fmt(summary.scanVsFloor, 2)}×, 1k ${fmt(summary.scanVsFloor1k, 2)}×, 10k ${fmt(summary.scanVsFloor10k, 2)}×, 100k ${fmt(summary.scanVsFloor100k, 2)}×`);
console.log(`bare walk / touch floor: ${fmt(summary.walkVsTouchFloor, 2)}`);
console.log(`for reference, vs the same floor pass in an isolated world (as a content script runs): bundled ${fmt(summary.scanVsIsolatedFloor, 2)}×, 100k ${fmt(summary.scanVsIsolatedFloor100k, 2)}× (isolated / page-world floor ${fmt(floorIsolated / floorTouch, 2)})`);
if (WITH_MARKJS) console.log(`mark.js (${MARKJS_ALIASES} aliases) vs Backstory with the 1,000-entry glossary (${variants.find((v) => v.id === '1k')?.stats.aliases ?? '—'} aliases): mark.js ${fmt(summary.markjsVsScan1k, 0)}× slower on the ${markOk.length} pages where it finished; it failed on ${summary.markjsFailures.length}`);
for (const f of summary.markjsFailures) console.log(`  mark.js: ${f}`);
console.log(`JS heap added per tab: bundled ${fmt(summary.heapPerTabMB, 2)} MB, 100k ${fmt(summary.heapPerTabMB100k, 2)} MB (median over pages)`);
console.log(`long tasks over 50 ms in which the extension's script ran (one traced load per page and glossary, summed): ${summary.longTasksOver50ms}, longest ${fmt(longestOurs, 0)} ms`);
console.log(`the reading's longest stretch of work in one task (measured by the bench build itself, every load): ${fmt(longestScanTask, 1)} ms`);
console.log(`long tasks over 50 ms seen by the page, with minus without the extension (same page, same window, medians of runs): ${summary.longTasksOver50msWithMinusWithout}`);
for (const n of names) {
  for (const v of variants) {
    const b = results.pages[n].backstory[v.id];
    if (!b) continue;
    for (const t of b.extensionTasks) console.log(`  ${n} (${v.id}): extension task ${fmt(t.ms, 0)} ms: ${t.what}`);
    if (b.pageLongTasks > results.pages[n].baselineLongTasks) console.log(`  ${n} (${v.id}): page saw ${b.pageLongTasks} long task(s) (longest ${fmt(b.maxPageTaskMs, 0)} ms), without the extension ${results.pages[n].baselineLongTasks}`);
  }
}

if (OUT) {
  writeFileSync(OUT, JSON.stringify({ summary, pages: results.pages }, null, 2));
  console.log(`wrote ${OUT}`);
}
