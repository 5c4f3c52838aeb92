/** The pure core: no DOM, no browser API. Build scripts and tests import it from here. */
export * from './glossary-types.js';
export * from './normalize.js';
export * from './automaton.js';
export * from './matcher.js';
export * from './validate.js';
export * from './packs.js';
export * from './dates.js';
export * from './published.js';
export * from './locator-map.js';
export * from './layout.js';
export * from './settings.js';
export * from './highlight-styles.js';
export * from './layering.js';
