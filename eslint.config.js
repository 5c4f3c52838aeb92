// Lint: typescript-eslint's recommended rules, plus the project's own: no HTML strings into
// the DOM, and no network APIs in extension code (Backstory makes no network request).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render text, never markup.' },
        { property: 'outerHTML', message: 'Render text, never markup.' },
        { property: 'insertAdjacentHTML', message: 'Render text, never markup.' },
        { object: 'navigator', property: 'sendBeacon', message: 'Backstory makes no network request.' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'XMLHttpRequest', message: 'Backstory makes no network request.' },
        { name: 'WebSocket', message: 'Backstory makes no network request.' },
        { name: 'EventSource', message: 'Backstory makes no network request.' },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx,mjs,js}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
