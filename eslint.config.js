import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Layers that must run in the worker, in Node and in the CLI: no React, cytoscape, zustand or DOM.
const pureLayers = ['src/model/**', 'src/ingest/**', 'src/engine/**', 'cli/**'];

export default tseslint.config(
  { ignores: ['dist', '.e2e-dist', '.scratch*', 'node_modules', 'test-results', 'playwright-report', 'public', 'bench/results', 'scripts/.*', '.*.ts', '.*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts', 'src/store/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: pureLayers,
    languageOptions: { globals: { ...globals.es2022, ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'model/ingest/engine stay free of React.' },
            { group: ['cytoscape', 'cytoscape-*'], message: 'model/ingest/engine stay free of cytoscape.' },
            { group: ['zustand', 'zustand/*'], message: 'model/ingest/engine stay free of zustand.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
);
