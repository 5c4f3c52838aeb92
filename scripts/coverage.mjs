#!/usr/bin/env node
// npm run coverage: how much of what news articles name does the glossary know?
//
// Runs src/core's matcher (the bundled glossary, the page-level topic gate applied as the
// content script applies it) on the article text of the labelled pages in ../shared/corpus
// and prints recall per page and overall (a label is found when a match covers one of its
// occurrences in the text), the missed surfaces, and everything matched on the TRAP pages
// (pages where a Middle-East word means something else). Skips with a message when the
// corpus is absent. CORPUS_DIR overrides where the corpus is; --json FILE writes the figures.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCore } from './load-core.mjs';
import { readPacks } from './glossary-files.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.CORPUS_DIR ?? join(root, '..', 'shared', 'corpus');
const args = process.argv.slice(2);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;

if (!existsSync(join(corpus, 'index.tsv'))) {
  console.log(`coverage: no corpus at ${corpus} (set CORPUS_DIR); coverage skipped.`);
  process.exit(0);
}

const core = await loadCore();
const { packs } = readPacks(join(root, 'src/glossary'));
const { entries, problems } = core.validateEntries(packs.flatMap((p) => p.entries), new Date().toISOString().slice(0, 10));
if (problems.length) {
  console.error(`coverage: the glossary has ${problems.length} problems; run npm run check-glossary`);
  process.exit(1);
}
const matcher = core.compileMatcher(entries);

/** Matches over a text made of runs (one per line), with the page-level topic gate. */
function matchPage(text) {
  const raw = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    for (const m of core.findMatches(matcher, line)) raw.push({ ...m, start: m.start + offset, end: m.end + offset });
    offset += line.length + 1;
  }
  const evidence = new Set(raw.filter((m) => m.topicEvidence).map((m) => m.entity));
  return raw.filter((m) => core.gateIsOpen(m, evidence));
}

function occurrences(text, surface) {
  const at = [];
  for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1)) at.push(i);
  return at;
}

/** Visible text of an HTML page, roughly: no head, scripts or styles; blocks on their own lines. */
function visibleText(html) {
  return html
    .replace(/<head[\s\S]*?<\/head>/gi, ' ')
    .replace(/<(script|style|noscript|template|svg|textarea|code|pre)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/?(p|div|h[1-6]|li|ul|ol|section|article|header|footer|nav|aside|br|tr|td|th|figure|figcaption|blockquote|main|dd|dt)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&rsquo;|&#8217;/g, '’')
    .replace(/&[a-z]+;|&#\d+;/gi, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n');
}

const rows = readFileSync(join(corpus, 'index.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => {
  const [file, , , , , topic, notes] = line.split('\t');
  return { file, topic, notes: notes ?? '' };
});

const pages = [];
let found = 0;
let total = 0;
console.log('Recall on the labelled pages (article text; a label counts when a match covers it)\n');
for (const row of rows.filter((r) => r.topic === 'syria' || r.topic === 'middle-east')) {
  const name = row.file.replace(/\.html$/, '');
  const labelPath = join(corpus, 'labels', `${name}.json`);
  const textPath = join(corpus, 'labels', 'article_text', `${name}.txt`);
  if (!existsSync(labelPath) || !existsSync(textPath)) continue;
  const labels = JSON.parse(readFileSync(labelPath, 'utf8'));
  const text = readFileSync(textPath, 'utf8');
  const matches = matchPage(text);
  const missed = [];
  let pageFound = 0;
  let counted = 0;
  for (const label of labels) {
    const at = occurrences(text, label.surface);
    if (at.length === 0) continue; // not in this text as written: nothing to find
    counted++;
    const covered = at.some((s) => matches.some((m) => m.start <= s && m.end >= s + label.surface.length));
    if (covered) pageFound++;
    else missed.push(`${label.surface} (${label.type})`);
  }
  found += pageFound;
  total += counted;
  const recall = counted ? pageFound / counted : 1;
  pages.push({ page: name, topic: row.topic, labels: counted, found: pageFound, recall, missed });
  console.log(`${(recall * 100).toFixed(1).padStart(5)}%  ${String(pageFound).padStart(3)}/${String(counted).padEnd(3)}  ${name}`);
  if (missed.length) console.log(`        missed: ${missed.join('; ')}`);
}
const overall = total ? found / total : 1;
console.log(`\nOverall recall: ${(overall * 100).toFixed(1)}% (${found} of ${total} labels, ${pages.length} pages)\n`);

console.log('Everything matched on the TRAP pages (Middle-East words meaning something else there)\n');
const traps = [];
for (const row of rows.filter((r) => /TRAP/.test(r.notes))) {
  const html = readFileSync(join(corpus, 'pages', row.file), 'utf8');
  const text = visibleText(html);
  const matches = matchPage(text).map((m) => {
    const lineStart = text.lastIndexOf('\n', m.start) + 1;
    const lineEnd = text.indexOf('\n', m.end);
    const context = text.slice(Math.max(lineStart, m.start - 40), Math.min(lineEnd < 0 ? text.length : lineEnd, m.end + 40)).trim();
    return { surface: text.slice(m.start, m.end), entity: matcher.entityIds[m.entity], context };
  });
  traps.push({ page: row.file, matches });
  console.log(`${row.file}: ${matches.length} matches`);
  for (const m of matches) console.log(`    ${m.surface} → ${m.entity}   «${m.context.replace(/\s+/g, ' ')}»`);
}

if (jsonOut) {
  writeFileSync(jsonOut, JSON.stringify({ summary: { recall: overall, found, labels: total, pages: pages.length }, pages, traps }, null, 2));
  console.log(`\nwrote ${jsonOut}`);
}
