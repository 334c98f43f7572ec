import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Layer rules from the house style (CONTRIBUTING.md), enforced rather than hoped for. */
const noNodeOrFrameworks = [
  {
    group: ['node:*', 'fs', 'path', 'http', 'crypto', 'os'],
    message: 'lib/ is universal code: no Node built-ins.',
  },
  { group: ['react', 'react-dom', 'next', 'next/*'], message: 'The engine is pure: no React or Next.' },
  { group: ['socket.io', 'socket.io-client'], message: 'The engine knows nothing of transport.' },
  { group: ['@aws-sdk/*'], message: 'AWS code lives only in server/sources/connect.' },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      '.next',
      'coverage',
      'data',
      'test-results',
      'playwright-report',
      'next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name=/^(test|it|describe)$/][callee.property.name='only']",
          message: 'No .only.',
        },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@aws-sdk/*'], message: 'AWS code lives only in server/sources/connect.' }] },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: [
      '**/env.ts',
      'scripts/**',
      'bench/**',
      'e2e/**',
      '**/*.test.ts',
      '**/test-helpers/**',
      '**/test-fixtures/**',
      'playwright.config.ts',
      'vitest.config.ts',
    ],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Only env.ts reads the environment.' },
      ],
    },
  },
  {
    // Tests read loosely typed HTTP and socket bodies; the assertions are the type check there.
    files: ['**/*.test.ts', '**/test-helpers/**', '**/test-fixtures/**', 'e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: noNodeOrFrameworks }],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Time comes in as an argument (`now`).' },
        { object: 'Math', property: 'random', message: 'Ids and randomness come in as arguments.' },
        { object: 'process', property: 'env', message: 'Only env.ts reads the environment.' },
      ],
    },
  },
  {
    files: ['lib/**/*.test.ts', 'lib/**/test-helpers/**'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-properties': 'off' },
  },
  {
    files: ['components/**/*.tsx', 'components/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['socket.io-client', '@tanstack/react-query'],
              message: 'Components are presentational: props in, markup out.',
            },
            { group: ['@/server/*', '**/server/*'], message: 'Browser code never imports the sidecar.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Components do not fetch.' }],
    },
  },
  {
    files: ['app/**/*.tsx', 'app/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/server/*', '**/server/*'], message: 'Browser code never imports the sidecar.' },
          ],
        },
      ],
    },
  },
  {
    // The Next server runs inside the web process: its server-only code (app/_server) may read that
    // process's env to find the sidecar, and nothing else of server/.
    files: ['app/_server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)server/(?!web/env$)',
              message: 'Only the web env is shared with the Next server.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/sources/connect/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
