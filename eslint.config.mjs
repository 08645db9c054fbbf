// One linter for the repo. The core and the protocol must stay free of
// `vscode` (and of Node built-ins in the core, so it can run in a web worker).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'media/dist/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', '.eval/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/protocol.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['vscode'], message: 'The core and the protocol must not import vscode.' },
            { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads'], message: 'Keep the core free of Node-only APIs.' },
          ],
        },
      ],
    },
  },
  {
    // The protocol is two namespaces of message types, as VS Code's own extensions write it.
    files: ['src/protocol.ts'],
    rules: { '@typescript-eslint/no-namespace': 'off' },
  },
  {
    files: ['**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
