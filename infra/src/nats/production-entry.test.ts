import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const natsDir = dirname(fileURLToPath(import.meta.url));

/** Every module the entry reaches through relative imports, and the packages they import. */
function importGraph() {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, specifier] of source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
      if (!specifier) continue;
      if (specifier.startsWith('.')) visit(join(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.add(specifier);
    }
  };
  visit(join(natsDir, 'index.ts'));
  return {
    modules: [...modules].map((file) => relative(natsDir, file)).sort(),
    packages: [...packages].sort(),
  };
}

it('configures production NATS without the demo, its seeds, the benchmarks or test helpers', () => {
  const { modules, packages } = importGraph();
  expect(modules).toEqual([
    'accounts.ts',
    'index.ts',
    'node-keys.ts',
    'permissions.ts',
    'streams.ts',
    'subject-patterns.ts',
  ]);
  expect(packages).toEqual([
    '@huishang/consultations',
    '@huishang/joint-sessions',
    '@huishang/members',
    '@huishang/proposals',
    '@huishang/schema',
    '@huishang/subgraph-kit/bus',
    '@nats-io/jetstream',
    '@nats-io/transport-node',
  ]);
});
