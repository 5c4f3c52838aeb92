/**
 * A page made of ../shared/seed-article.txt, the article Backstory was first imagined for:
 * the first non-empty lines are the site's furniture and the headline, the rest paragraphs.
 * The shared folder is not part of the project, so callers skip when it is absent.
 */

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEED_PATH = fileURLToPath(new URL('../../../shared/seed-article.txt', import.meta.url));
export const seedAvailable = existsSync(SEED_PATH);

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function seedPageHtml(): string {
  const lines = readFileSync(SEED_PATH, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const headlineAt = lines.findIndex((l) => /Ghouta/.test(l));
  const headline = lines[headlineAt] ?? 'Seed article';
  const paragraphs = lines.slice(headlineAt + 1).map((l, i) => `<p id="s${i}">${escape(l)}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(headline)}</title>
<style>body{font:17px/1.6 Georgia,serif;max-width:680px;margin:24px auto;padding:0 16px}</style></head>
<body><header>${escape(lines.slice(0, headlineAt).join(' · '))}</header>
<article><h1 id="headline">${escape(headline)}</h1>
${paragraphs}
</article></body></html>`;
}

/** The names of the seed article that issue 2 lists, as written there → the card title. */
export const SEED_ENTITIES: [string, string][] = [
  ['Eastern Ghouta', 'Eastern Ghouta'],
  ['Damascus', 'Damascus'],
  ['Syria', 'Syria'],
  ['Russia', 'Russia'],
  ['Iran', 'Iran'],
  ['Turkey', 'Turkey'],
  ['Failaq Al-Rahman', 'Failaq al-Rahman'],
  ['Jaish Al-Islam', 'Jaish al-Islam'],
  ['Syrian Observatory for Human Rights', 'Syrian Observatory for Human Rights'],
  ['Bashar Al-Assad', 'Bashar al-Assad'],
  ['Syrian Arab Red Crescent', 'Syrian Arab Red Crescent'],
  ['Amnesty International', 'Amnesty International'],
  ['UN', 'United Nations'],
  ['de-escalation zones', 'De-escalation zones'],
  ['Reuters', 'Reuters'],
  ['Anadolu Agency', 'Anadolu Agency'],
];
