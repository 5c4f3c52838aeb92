// Loads src/core (TypeScript) into Node for the build and the scripts, by bundling it with
// esbuild into a cache file. The core has no dependencies, so this takes a few milliseconds.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function loadCore() {
  const outfile = join(root, 'node_modules', '.cache', 'backstory', `core-${process.pid}-${Date.now()}.mjs`);
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [join(root, 'src/core/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    logLevel: 'error',
  });
  return import(pathToFileURL(outfile).href);
}
