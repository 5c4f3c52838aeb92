/** The compiled glossary matcher, produced by build.mjs and bundled into the content script. */
declare module 'virtual:backstory-matcher' {
  import type { ShippedMatcher } from './core/matcher.js';
  /** Small glossaries: the matcher itself, as strings loaded in idle steps. Large ones: matched in the background. */
  const data: { mode: 'local'; matcher: ShippedMatcher } | { mode: 'remote' };
  export default data;
}

/** True in the benchmark build only (build.mjs --bench), which instruments the scan. */
declare const __BACKSTORY_BENCH__: boolean;

/** Stylesheets imported by the content script come in as text (esbuild's text loader). */
declare module '*.css' {
  const css: string;
  export default css;
}
