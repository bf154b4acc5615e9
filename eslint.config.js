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

// Inside the main process, the folders that hold no service: the binding (api/), the composition root (services/)
// and the two transports (shell/, webhost/). A service never imports them, and they import one another only
// downwards: transports -> api -> services. A separate rule from the layers above, so neither replaces the other's
// options; it reports type imports too, since a type import is still a dependency (and once made a cycle).
const mainProcessOuterFolders = ['api', 'services', 'webhost', 'shell'];
const importOf = (folders) => `^(\\.\\./)+(${folders.join('|')})/`;
const outerLayer = (files, folders, message, ignores = []) => ({
  files,
  ignores: ['electron/**/*.test.ts', ...ignores],
  rules: {
    '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ regex: importOf(folders), message }] }],
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
  outerLayer(
    ['electron/**/*.ts'],
    mainProcessOuterFolders,
    'A service folder never imports api/, services/, webhost/ or shell/: they are built on the services, not under them (see ../shared/STYLE.md).',
    mainProcessOuterFolders.map((folder) => `electron/${folder}/**`),
  ),
  outerLayer(['electron/services/**/*.ts'], ['api', 'webhost', 'shell'], 'The composition root builds the services; the binding and the transports are built on it.'),
  outerLayer(['electron/api/**/*.ts'], ['webhost', 'shell'], 'The API binding serves both transports and imports neither.'),
  outerLayer(['electron/webhost/**/*.ts'], ['shell'], 'The web host is one transport and the shell the other: neither imports the other; what both need lives in a service folder (electron/http/).'),
  outerLayer(['electron/shell/**/*.ts'], ['webhost'], 'The shell is one transport and the web host the other: neither imports the other; what both need lives in a service folder (electron/http/).'),
  layer(
    ['renderer/**/*.{ts,tsx}'],
    ['electron', 'lowdb', ...nodeBuiltins.filter((n) => !n.includes('*'))],
    ['node:*', '**/electron/**'],
    'The renderer reaches the main process only through window.dateline (see shared/api/contract.ts).',
  ),
);
