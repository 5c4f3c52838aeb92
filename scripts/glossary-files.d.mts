import type { GlossaryEntry } from '../src/core/glossary-types.js';
import type { PackInfo } from '../src/core/packs.js';

/** The bundled glossary packs in `glossaryDir`, and the files that could not be read. */
export function readPacks(glossaryDir: string): { packs: { info: PackInfo; entries: GlossaryEntry[] }[]; fileErrors: string[] };
