import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Lint, including the architecture's import rules (platform.md "Layout"):
 * renderer → shared only; electron/backend → shared only (never electron); shared → nothing of ours;
 * electron/preload → electron (and types) only.
 */
const noImport = (regex, message) => ['error', { patterns: [{ regex, message }] }];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'docs/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/refs': 'off',
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': noImport(
        '^(node:|fs$|path$|child_process$|sqlite3$|exceljs$|electron($|/))|(^|/)electron/',
        'The renderer may import only shared/ and browser libraries; everything else goes through window.neiqin.',
      ),
    },
  },
  {
    files: ['electron/backend/**/*.ts'],
    rules: {
      // Relative paths count too: '../main/security' from electron/backend/auth is the shell, not the backend.
      'no-restricted-imports': noImport(
        '^electron($|/)|(^|/)(main|preload|browser-host|cli|renderer)(/|$)',
        'electron/backend is plain Node: it may import shared/ only, never electron or the hosts.',
      ),
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': noImport(
        '^(node:|fs$|path$|electron($|/)|react($|/)|sqlite3$)|(^|/)(electron|renderer)(/|$)',
        'shared/ holds the contract and pure helpers: no Node, no DOM, nothing of ours.',
      ),
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['*', '!electron'], message: 'The sandboxed preload imports only electron (and types).', allowTypeImports: true }],
        },
      ],
    },
  },
);
