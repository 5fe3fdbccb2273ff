import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// One config, three projects picked by file suffix: unit tests (no I/O) beside the code,
// integration tests against real PostgreSQL, and end-to-end tests of whole nodes.
// The `source` condition runs workspace packages from their TypeScript, without a build.
const conditions = ['source', 'node', 'development|production'];
// graphql 16 ships CommonJS and .mjs side by side; Node (and so production) loads the
// CommonJS one everywhere, vite would give our sources the .mjs one: two realms whose
// schemas and errors fail graphql's instanceof checks. Tests load what production loads.
const alias = [
  { find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') },
];
const shared = { resolve: { conditions, alias }, ssr: { resolve: { conditions } } };
const exclude = ['**/node_modules/**', '**/dist/**'];

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: [...exclude, '**/*.int.test.ts', '**/*.e2e.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        ...shared,
        test: {
          name: 'int',
          include: ['**/*.int.test.ts'],
          exclude,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        ...shared,
        test: {
          name: 'e2e',
          include: ['tests/**/*.e2e.test.ts'],
          exclude,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // Whole nodes hold many PostgreSQL connections (a relay each per region and
          // subgraph): they run one at a time, after the unit and int files.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
