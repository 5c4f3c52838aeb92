import { defineConfig } from 'vitest/config';

// Unit tests: src/core in Node, component and content-script logic in happy-dom.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
});
