#!/usr/bin/env node
// Builds the installable extension for Chrome and Firefox from one source.
//
//   node build.mjs            dist/chrome, dist/firefox, their zips, dist/glossary-stats.json
//   node build.mjs --watch    rebuilds on every change under src/, manifest.json, icons/
//
// Steps: validate every glossary pack (the build fails on a broken one) → compile the
// matcher (bundled into the content script) and the entries file (read by the background)
// → bundle the scripts with esbuild → write each browser's manifest → copy static files →
// zip each browser's folder for the stores.

import * as esbuild from 'esbuild';
import { zipSync } from 'fflate';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, watch as watchFiles } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readdirSync, statSync } from 'node:fs';
import { loadCore } from './scripts/load-core.mjs';
import { readPacks } from './scripts/glossary-files.mjs';
import { buildRegionMap } from './scripts/region-map.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const args = new Set(argv);
/** --out DIR builds elsewhere (the benchmark builds one extension per glossary size). */
const dist = argv.includes('--out') ? join(root, argv[argv.indexOf('--out') + 1]) : join(root, 'dist');
/** --only chrome builds one browser (the benchmark runs in Chromium). */
const BROWSERS = argv.includes('--only') ? [argv[argv.indexOf('--only') + 1]] : ['chrome', 'firefox'];

/** Firefox add-on id: stable, so storage and the add-on's URL survive reinstalls. */
export const GECKO_ID = 'backstory@backstory-extension.org';

/** Derives one browser's manifest from the single source manifest.json. */
export function manifestFor(browser, source) {
  const manifest = structuredClone(source);
  const worker = source.background.service_worker;
  if (browser === 'chrome') {
    manifest.background = { service_worker: worker };
  } else {
    // Firefox runs MV3 backgrounds as event pages and refuses service_worker alone.
    manifest.background = { scripts: [worker] };
    delete manifest.minimum_chrome_version;
    manifest.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        // The CSS Custom Highlight API arrived in Firefox 140.
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    };
  }
  return manifest;
}

async function compileGlossary(core) {
  // BACKSTORY_GLOSSARY points the build at another folder of packs (while drafting a pack).
  const { packs, fileErrors } = readPacks(process.env.BACKSTORY_GLOSSARY || join(root, 'src/glossary'));
  const today = new Date().toISOString().slice(0, 10);
  const all = packs.flatMap((p) => p.entries);
  const { entries, problems } = core.validateEntries(all, today);
  if (fileErrors.length || problems.length) {
    for (const e of fileErrors) console.error(`glossary: ${e}`);
    for (const p of problems) console.error(`glossary: ${p.entry}: ${p.message}`);
    throw new Error(`the glossary has ${fileErrors.length + problems.length} problems (see above); nothing was built`);
  }
  const compiled = core.compileMatcher(entries);
  const matcher = core.serializeMatcher(compiled, core.ENTITY_TYPES);
  // Small automata travel inside the content script; large ones stay in the background.
  const mode = compiled.automaton.fail.length <= core.LOCAL_STATE_LIMIT ? 'local' : 'remote';
  const stats = core.glossaryStats(packs);
  return { entries, matcher, mode, states: compiled.automaton.fail.length, stats, regionMap: buildRegionMap(core) };
}

/** esbuild plugin: `import matcher from 'virtual:backstory-matcher'` yields the compiled matcher. */
function matcherPlugin(getMatcher) {
  return {
    name: 'backstory-matcher',
    setup(build) {
      build.onResolve({ filter: /^virtual:backstory-matcher$/ }, () => ({ path: 'matcher', namespace: 'backstory' }));
      build.onLoad({ filter: /.*/, namespace: 'backstory' }, () => ({
        contents: JSON.stringify(getMatcher()),
        loader: 'json',
      }));
    },
  };
}

/**
 * Preact supports `dangerouslySetInnerHTML`, the one path by which markup could reach the
 * DOM. Backstory never uses it (design: no HTML strings), so the bundle gets a Preact with
 * that path closed: setting it throws, and clearing it clears text. This also keeps
 * `web-ext lint` free of its innerHTML warning. The build fails if Preact's code changes
 * shape, so the patch can never silently stop applying.
 */
function textOnlyPreactPlugin() {
  return {
    name: 'preact-text-only',
    setup(build) {
      build.onLoad({ filter: /preact[\\/]dist[\\/]preact\.module\.js$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        let replaced = 0;
        const contents = source
          .replace(/(\w+)\.innerHTML=\w+\.__html/g, () => {
            replaced++;
            return '(()=>{throw new Error("Backstory renders text only: dangerouslySetInnerHTML is disabled")})()';
          })
          .replace(/(\w+)\.innerHTML=""/g, (_, element) => {
            replaced++;
            return `${element}.textContent=""`;
          });
        if (replaced !== 2 || /\.innerHTML=/.test(contents)) {
          throw new Error(`preact-text-only: expected 2 innerHTML assignments in ${args.path}, found ${replaced}; review the patch`);
        }
        return { contents, loader: 'js' };
      });
    },
  };
}

function zipFolder(folder, zipPath) {
  const files = {};
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(folder, path)] = [readFileSync(path), { mtime: new Date('2026-01-01T00:00:00Z') }];
    }
  };
  walk(folder);
  writeFileSync(zipPath, zipSync(files, { level: 9 }));
}

function writeStatic(browser, manifestSource, glossary) {
  const out = join(dist, browser);
  mkdirSync(join(out, 'glossary'), { recursive: true });
  mkdirSync(join(out, 'icons'), { recursive: true });
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifestFor(browser, manifestSource), null, 2));
  writeFileSync(join(out, 'glossary', 'entries.json'), JSON.stringify(glossary.entries));
  writeFileSync(join(out, 'glossary', 'region-map.json'), JSON.stringify(glossary.regionMap));
  if (glossary.mode === 'remote') writeFileSync(join(out, 'glossary', 'matcher.json'), JSON.stringify(glossary.matcher));
  for (const size of [16, 32, 48, 128]) cpSync(join(root, `icons/icon-${size}.png`), join(out, `icons/icon-${size}.png`));
  cpSync(join(root, 'src/content/highlights.css'), join(out, 'content.css'));
  cpSync(join(root, 'src/options/options.html'), join(out, 'options.html'));
  cpSync(join(root, 'src/options/options.css'), join(out, 'options.css'));
}

async function buildOnce({ bench = false } = {}) {
  const started = performance.now();
  const core = await loadCore();
  const glossary = await compileGlossary(core);
  const manifestSource = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  for (const browser of BROWSERS) {
    rmSync(join(dist, browser), { recursive: true, force: true });
    await esbuild.build(esbuildOptions(browser, glossary, bench));
    writeStatic(browser, manifestSource, glossary);
  }
  writeFileSync(join(dist, 'glossary-stats.json'), JSON.stringify({ ...glossary.stats, states: glossary.states, matching: glossary.mode }, null, 2) + '\n');
  for (const browser of BROWSERS) {
    zipFolder(join(dist, browser), join(dist, `backstory-${browser}-${manifestSource.version}.zip`));
  }
  const ms = Math.round(performance.now() - started);
  console.log(
    `built ${relative(root, dist)}/chrome and /firefox (+ zips) in ${ms} ms: ${glossary.stats.entries} entries, ${glossary.stats.aliases} aliases, ${glossary.states} states (matched ${glossary.mode === 'local' ? 'in the tab' : 'in the background'})`,
  );
}

function esbuildOptions(browser, glossary, bench) {
  return {
    entryPoints: {
      content: join(root, 'src/content/index.ts'),
      background: join(root, 'src/background/index.ts'),
      options: join(root, 'src/options/options.tsx'),
    },
    outdir: join(dist, browser),
    bundle: true,
    format: 'iife',
    target: browser === 'chrome' ? 'chrome114' : 'firefox140',
    minify: false,
    sourcemap: false,
    legalComments: 'none',
    loader: { '.css': 'text' },
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: {
      'process.env.NODE_ENV': '"production"',
      __BACKSTORY_BENCH__: bench ? 'true' : 'false',
    },
    plugins: [
      matcherPlugin(() => (glossary.mode === 'local' ? { mode: 'local', matcher: glossary.matcher } : { mode: 'remote' })),
      textOnlyPreactPlugin(),
    ],
    logLevel: 'warning',
  };
}

async function main() {
  await buildOnce({ bench: args.has('--bench') });
  if (!args.has('--watch')) return;
  console.log('watching src/, manifest.json and icons/ for changes (Ctrl-C to stop)');
  let timer;
  const rebuild = () => {
    clearTimeout(timer);
    timer = setTimeout(() => buildOnce().catch((error) => console.error(error.message)), 100);
  };
  for (const path of ['src', 'icons']) watchFiles(join(root, path), { recursive: true }, rebuild);
  watchFiles(join(root, 'manifest.json'), rebuild);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(`build failed: ${error.message}`);
    process.exit(1);
  });
}
