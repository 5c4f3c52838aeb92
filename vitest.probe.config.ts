import { defineConfig } from 'vitest/config';

// `npm run probe`: the built extension on the shared corpus's real pages, in both browsers
// (test/probe/corpus.probe.ts). Not part of `npm test`: it needs ../shared/corpus.
export default defineConfig({
  test: {
    include: ['test/probe/**/*.probe.ts'],
    environment: 'node',
    fileParallelism: false,
    hookTimeout: 120_000,
  },
});
