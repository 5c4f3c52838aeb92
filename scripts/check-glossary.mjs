#!/usr/bin/env node
// Validates glossary files with the same rules as the build.
//   node scripts/check-glossary.mjs               every pack, as the build sees them
//   node scripts/check-glossary.mjs FILE [FILE]   only the problems of entries in these files
//                                                 (related ids not found anywhere are notes,
//                                                 since another file may not exist yet)
import { readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCore } from './load-core.mjs';
import { readPacks } from './glossary-files.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const core = await loadCore();
const today = new Date().toISOString().slice(0, 10);
const files = process.argv.slice(2).map((f) => resolve(f));

const { packs, fileErrors } = readPacks(join(root, 'src/glossary'));
const all = packs.flatMap((p) => p.entries);
const { problems } = core.validateEntries(all, today);
let errors = fileErrors.length;
for (const e of fileErrors) console.log(`ERROR ${e}`);

if (files.length === 0) {
  for (const p of problems) console.log(`ERROR ${p.entry}: ${p.message}`);
  errors += problems.length;
  console.log(`${all.length} entries in ${packs.length} packs; ${errors} problems`);
} else {
  const mine = new Set();
  for (const file of files) {
    const list = JSON.parse(readFileSync(file, 'utf8'));
    list.forEach((e, i) => mine.add(typeof e?.id === 'string' && e.id ? e.id : `entry ${i + 1}`));
  }
  let notes = 0;
  for (const p of problems) {
    if (!mine.has(p.entry)) continue;
    if (/^related id .* does not exist$/.test(p.message)) {
      console.log(`note  ${p.entry}: ${p.message} (fine if another file owns it)`);
      notes++;
    } else {
      console.log(`ERROR ${p.entry}: ${p.message}`);
      errors++;
    }
  }
  console.log(`${mine.size} entries checked; ${errors} problems, ${notes} notes`);
}
process.exit(errors ? 1 : 0);
