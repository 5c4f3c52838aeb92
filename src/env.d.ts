/** True in the benchmark build only (build.mjs --bench), which instruments the scan. */
declare const __BACKSTORY_BENCH__: boolean;

/** Stylesheets imported by the content script come in as text (esbuild's text loader). */
declare module '*.css' {
  const css: string;
  export default css;
}
