import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The layers of ../shared/STYLE.md, enforced: a wrong import fails the lint.
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'events', 'buffer', 'worker_threads'];
const layer = (files, paths, patterns, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { paths: paths.map((name) => ({ name, message })), patterns: [{ group: patterns, message }] }],
  },
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', window: 'readonly', document: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', Buffer: 'readonly', fetch: 'readonly', navigator: 'readonly', requestAnimationFrame: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Playwright reads a fixture's dependencies from its first parameter's destructuring, so `{}` is how a
    // fixture says it needs none.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  layer(
    ['shared/**/*.ts'],
    ['electron', 'react', 'react-dom', 'lowdb', ...nodeBuiltins.filter((n) => !n.includes('*'))],
    ['node:*', '**/electron/**', '**/renderer/**', '@tiptap/*', 'react-*'],
    'shared/ is pure: no Node, no DOM, no Electron, no app code (see ../shared/STYLE.md).',
  ),
  layer(
    ['electron/**/*.ts'],
    ['electron', 'react', 'react-dom'],
    ['**/renderer/**', '@tiptap/*'],
    'Only electron/shell/ may import electron, and no main-process code imports the renderer.',
  ),
  layer(
    ['electron/shell/**/*.ts'],
    ['react', 'react-dom'],
    ['**/renderer/**', '@tiptap/*'],
    'The shell may import electron, never the renderer.',
  ),
  layer(
    ['renderer/**/*.{ts,tsx}'],
    ['electron', 'lowdb', ...nodeBuiltins.filter((n) => !n.includes('*'))],
    ['node:*', '**/electron/**'],
    'The renderer reaches the main process only through window.dateline (see shared/api/contract.ts).',
  ),
);
