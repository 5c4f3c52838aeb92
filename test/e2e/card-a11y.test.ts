/**
 * The card's accessibility, checked with axe-core in real Chromium and Firefox, in light, dark
 * and right-to-left, through a harness page that renders the real Card and stylesheet into
 * open shadow roots (axe cannot enter the extension's closed one, by design). Screenshots of
 * the three go to test-results/ as artifacts.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS } from './extension-suite.js';
import { launch, waitFor, type BrowserName, type Driver } from './drivers.js';
import { startServer, type FixtureServer } from './server.js';

const require = createRequire(import.meta.url);

async function harnessScript(): Promise<string> {
  const { loadCore } = await import('../../scripts/load-core.mjs');
  const { buildRegionMap } = await import('../../scripts/region-map.mjs');
  const core = await loadCore();
  const map = core.locatorMap(buildRegionMap(core), 33.57, 36.4);
  const result = await build({
    entryPoints: [new URL('./card-harness.tsx', import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.css': 'text' },
    define: { HARNESS_MAP: JSON.stringify(map) },
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: unknown; failureSummary: string }[] }[];
}

for (const browserName of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`the card's accessibility in ${browserName}`, () => {
    let driver: Driver;
    let server: FixtureServer;

    beforeAll(async () => {
      server = await startServer({ 'card-harness.js': await harnessScript() });
      driver = await launch(browserName, { viewport: { width: 1280, height: 900 } });
      await driver.goto(server.url('card-harness.html'));
      await waitFor(() => driver.evaluate<boolean>(`document.body.dataset.ready === 'yes'`), 'the harness to render');
      await driver.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    });

    afterAll(async () => {
      await driver?.close();
      await server?.close();
    });

    for (const variant of ['light', 'dark', 'rtl']) {
      it(`has no axe violations (${variant})`, async () => {
        const result = await driver.evaluate<AxeResult>(
          `axe.run({ include: [['#${variant}']] }, { resultTypes: ['violations'] })`,
        );
        const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.failureSummary).join(' | ')}`);
        expect(summary).toEqual([]);
      });
    }

    it('saves screenshots of the card in light, dark and right-to-left', async () => {
      await driver.screenshot(`${ARTIFACTS}/${browserName}-card-light-dark-rtl.png`);
    });
  });
}
