#!/usr/bin/env node
// npm run dates: how many corpus pages get the right publication date.
//
// Each page of ../shared/corpus is parsed with happy-dom at its original address (its
// canonical link), and the extension's own code (src/content/date-evidence.ts with
// src/core/published.ts) picks the date, which is compared with the hand-checked date in
// scripts/corpus-dates.json. Skips with a message when the corpus is absent.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.CORPUS_DIR ?? join(root, '..', 'shared', 'corpus');
if (!existsSync(join(corpus, 'pages'))) {
  console.log(`dates: no corpus at ${corpus} (set CORPUS_DIR); skipped.`);
  process.exit(0);
}

const outfile = join(root, 'node_modules', '.cache', 'backstory', `dates-${process.pid}.mjs`);
await build({
  stdin: {
    contents: `export { collectDateEvidence } from './src/content/date-evidence.ts';
export { findArticleRoots } from './src/content/article-root.ts';
export { detectPublicationDate } from './src/core/published.ts';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile,
  logLevel: 'error',
});
const { collectDateEvidence, findArticleRoots, detectPublicationDate } = await import(pathToFileURL(outfile).href);

const expected = JSON.parse(readFileSync(join(root, 'scripts', 'corpus-dates.json'), 'utf8'));
const today = new Date().toISOString().slice(0, 10);
let right = 0;
let dated = 0;
let wrong = 0;
let missed = 0;
for (const [file, truth] of Object.entries(expected)) {
  const html = readFileSync(join(corpus, 'pages', file), 'utf8');
  const canonical =
    /<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)["']/i.exec(html)?.[1] ??
    /<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)["']/i.exec(html)?.[1] ??
    'https://example.invalid/';
  const window = new Window({ url: canonical.startsWith('http') ? canonical : 'https://example.invalid/', settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, navigation: { disableMainFrameNavigation: true } } });
  window.document.write(html);
  const found = detectPublicationDate(collectDateEvidence(window.document, findArticleRoots(window.document)), today);
  await window.happyDOM.close();
  const got = found?.date ?? null;
  let verdict;
  if (truth.date === null) verdict = got === null ? 'ok (no date)' : `extra: ${got}`;
  else {
    dated++;
    if (got === truth.date) {
      right++;
      verdict = 'ok';
    } else if (got === null) {
      missed++;
      verdict = 'MISSED';
    } else {
      wrong++;
      verdict = `WRONG: ${got}`;
    }
  }
  console.log(`${verdict.padEnd(18)} ${String(truth.date).padEnd(10)} ${found ? `(${found.source})`.padEnd(11) : ''.padEnd(11)} ${file}`);
}
console.log(`\n${right} of ${dated} dated pages get the right day (${wrong} wrong, ${missed} missed); ${Object.keys(expected).length - dated} pages have no publication date.`);
