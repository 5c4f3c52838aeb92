// Reads the bundled glossary packs from src/glossary: one folder per pack, a pack.json
// naming it, and any number of JSON files holding lists of entries.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export function readPacks(glossaryDir) {
  const packs = [];
  const fileErrors = [];
  for (const folder of readdirSync(glossaryDir, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    const dir = join(glossaryDir, folder.name);
    if (!existsSync(join(dir, 'pack.json'))) continue;
    const info = JSON.parse(readFileSync(join(dir, 'pack.json'), 'utf8'));
    const entries = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'pack.json').sort()) {
      const path = join(dir, file);
      try {
        const list = JSON.parse(readFileSync(path, 'utf8'));
        if (!Array.isArray(list)) throw new Error('not a list of entries');
        entries.push(...list);
      } catch (error) {
        fileErrors.push(`${path}: ${error.message}`);
      }
    }
    packs.push({ info, entries });
  }
  return { packs, fileErrors };
}
