import { defineConfig } from 'vitest/config';
import { reporters } from './vitest.shared.js';

// End-to-end tests: the built extension in real Chromium and Firefox ESR. One file at a
// time (each launches a browser) and generous timeouts for browser start-up on 2 cores.
export default defineConfig({
  test: {
    reporters: reporters('e2e'),
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
