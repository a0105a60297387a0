import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** Layer boundaries (ARCHITECTURE.md §2), enforced rather than hoped for. */
const forbid = (modules, patterns, message) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: modules.map((name) => ({ name, message })),
      patterns: patterns.map((group) => ({ group: [group], message })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['build/**', 'dist/**', 'node_modules/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: 'error',
      // With noUncheckedIndexedAccess, `array[index]!` inside a bounds-checked loop is the honest form.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The classic hook rules; the React Compiler rules of the recommended set are for
      // code compiled by it, which this app is not.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...forbid(
        ['electron', 'better-sqlite3', ...nodeBuiltins],
        ['**/electron/**'],
        'The renderer runs in a sandboxed page: it reaches files and the database only through the API.',
      ),
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: forbid(
      ['electron', 'better-sqlite3', 'react', ...nodeBuiltins],
      ['**/electron/**', '**/renderer/**'],
      'shared/ is the contract: it imports neither side nor any platform module.',
    ),
  },
  {
    files: ['electron/**/*.ts'],
    rules: forbid([], ['**/renderer/**'], 'The main process never imports renderer code.'),
  },
  {
    // Code that tests load must not need the Electron binary: type imports only.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              allowTypeImports: true,
              message: 'Use `import type` from electron outside main.ts and preload.ts.',
            },
          ],
          patterns: [
            { group: ['**/renderer/**'], message: 'The main process never imports renderer code.' },
          ],
        },
      ],
    },
  },
);
