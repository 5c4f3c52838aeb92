/** src/core, loaded into Node by bundling it (see load-core.mjs). */
export function loadCore(): Promise<typeof import('../src/core/index.js')>;
