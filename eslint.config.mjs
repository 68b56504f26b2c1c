import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'events', 'stream', 'zlib', 'worker_threads'];
const nodeImports = NODE_BUILTINS.map((name) => ({ group: [name], message: 'This layer must not use Node.' }));
const electronImport = { regex: '^electron(/|$)', message: 'Only electron/main and electron/preload may import electron.' };
const backendImport = { regex: '(^|/)electron/(backend|main|preload)(/|$)', message: 'The renderer reaches the backend only through the contract and the api client.' };
const rawIpc = {
  selector: "MemberExpression[object.name=/^ipc(Main|Renderer)$/]",
  message: 'Raw ipcMain/ipcRenderer only in the two transport files (electron/main/ipc.ts, electron/preload/index.ts).',
};

/**
 * Boundaries (ARCHITECTURE.md): shared ↛ Node/DOM/Electron; backend ↛ electron; renderer ↛ Node/Electron;
 * raw ipc only in the transports.
 */
export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
      'no-empty-pattern': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [...nodeImports, electronImport, { group: ['react', 'react-dom', 'antd'], message: 'shared/ is UI-free.' }, { regex: '(^|/)(electron|renderer)/', message: 'shared/ depends on nothing else in the repo.' }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'process', 'Buffer', '__dirname', 'require'],
    },
  },
  {
    files: ['electron/backend/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': ['error', { patterns: [electronImport, { regex: '(^|/)(electron/main|electron/preload|renderer)/|^(\\.\\./)+(main|preload)/', message: 'The backend does not know its hosts.' }] }] },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-syntax': ['error', rawIpc] },
  },
  {
    files: ['electron/main/ipc.ts', 'electron/preload/index.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [...nodeImports, electronImport, backendImport] }],
      'no-restricted-globals': ['error', 'process', 'require', '__dirname', 'Buffer'],
    },
  },
  {
    files: ['tests/**/*.ts', 'scripts/**/*.{mjs,ts}', '*.config.{ts,mts,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // CommonJS boot files (the read worker started from source)
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
