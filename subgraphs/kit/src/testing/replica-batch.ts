import type { EventEnvelope } from '@huishang/schema';
import type { ReplicationHandler } from '../bus/replica/handler.js';
import { schemaOf } from '../database.js';
import type { RegionClient } from '../raw-sql.js';

// Prisma's overloaded `$transaction` does not match a single signature structurally.
const regionClient = (client: object) => client as RegionClient;

/**
 * Hands `events` to `handler` in one call inside one transaction of the region's client,
 * as the replica consumer does with a batch (without its version bookkeeping): one
 * event per aggregate, the caller's to choose.
 */
export const applyBatch = (
  client: RegionClient,
  handler: ReplicationHandler,
  events: EventEnvelope[],
) => client.$transaction((tx) => handler.apply(tx, events), { timeout: 60_000 });

/** The newest event of each aggregate, in the order they came: what a batch hands over. */
export const newestOfEach = (events: EventEnvelope[]): EventEnvelope[] => [
  ...new Map(events.map((e) => [`${e.aggregate.type}:${e.aggregate.id}`, e])).values(),
];

/** Every row of each table in the region's schema, as JSON, in a stable order. */
export async function tableRows(
  client: object,
  tables: string[],
): Promise<Record<string, unknown[]>> {
  const schema = schemaOf(client);
  const contents: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = await regionClient(client).$queryRawUnsafe<{ row: string }[]>(
      `SELECT to_jsonb(t)::text AS row FROM "${schema}"."${table}" t ORDER BY 1`,
    );
    contents[table] = rows.map((r) => JSON.parse(r.row));
  }
  return contents;
}

/** The INSERT, UPDATE and DELETE statements among `statements`: what a write sent. */
export const writeStatements = (statements: string[]) =>
  statements.filter((s) => /^\s*(INSERT|UPDATE|DELETE|WITH)/i.test(s));
