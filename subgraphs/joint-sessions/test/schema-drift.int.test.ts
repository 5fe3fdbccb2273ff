import { schemaDriftOf } from '@huishang/subgraph-kit/testing';
import { expect, it } from 'vitest';

it('keeps schema.prisma and the SQL migrations in step', async () => {
  const drift = await schemaDriftOf(new URL('..', import.meta.url));
  expect(drift).toEqual({ onlyInPrismaSchema: [], onlyInMigrations: [] });
});
