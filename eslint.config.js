// The lint holds the layers apart (see ARCHITECTURE.md): the renderer never reaches
// main code or Node, src/shared imports no runtime, the preload only bridges.
import tseslint from 'typescript-eslint';

const NODE_AND_DESKTOP = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'http', 'url', 'util', 'stream', 'electron', 'better-sqlite3'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.cache/**', 'bench/.data/**', 'test/fixtures/**', '.stryker-tmp/**', 'reports/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', '**/main', '**/preload/**'], message: 'The renderer talks to main only through the API client.' },
            { group: NODE_AND_DESKTOP, message: 'The renderer runs in a sandboxed page: no Node or Electron modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared is the contract: it imports from no layer.' },
            { group: [...NODE_AND_DESKTOP, 'react', 'react-dom', 'ag-grid-*'], message: 'src/shared imports no runtime (Node, Electron, DOM libraries).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', '**/renderer/**'], message: 'The preload only bridges: it imports electron and src/shared types.' },
            { group: NODE_AND_DESKTOP.filter((m) => m !== 'electron'), message: 'The sandboxed preload has no Node modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'Main code never imports the renderer.' }] }],
    },
  },
);
