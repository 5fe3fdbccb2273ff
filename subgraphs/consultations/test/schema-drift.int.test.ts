import { fileURLToPath } from 'node:url';
import { createTestDatabase, schemaDrift } from '@huishang/subgraph-kit/testing';
import { expect, it } from 'vitest';

it('keeps schema.prisma and the SQL migrations in step', async () => {
  const database = await createTestDatabase('consultations_drift');
  try {
    const drift = await schemaDrift({
      prismaSchemaPath: fileURLToPath(new URL('../prisma/schema.prisma', import.meta.url)),
      migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
      databaseUrl: database.url,
    });
    expect(drift).toEqual({ onlyInPrismaSchema: [], onlyInMigrations: [] });
  } finally {
    await database.drop();
  }
});
