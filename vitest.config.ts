import { defineConfig } from 'vitest/config';
import { reporters } from './vitest.shared.js';

// Unit tests: src/core in Node, component and content-script logic in happy-dom.
export default defineConfig({
  test: {
    reporters: reporters('unit'),
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
});
