import type { NewEvent } from '@huishang/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { recordEvent } from '../src/bus/outbox.js';
import { republishCurrentState } from '../src/bus/resync/republish.js';
import { newId } from '../src/ids.js';
import { createSqlClient, startBusFixture } from '../src/testing/index.js';

// Nanxun 330503 answers resync requests while its staff keep moving a proposal along.
const schema = 'proposals_330503';
const bus = await startBusFixture({ schemas: [schema], label: 'resync_republish' });
const client = createSqlClient(bus.pool, schema);
const sink = { schema, origin: '330503' };
afterAll(() => bus.close());

const proposalId = newId();
const version = (v: number): NewEvent<Record<string, unknown>> => ({
  type: 'proposal.changed',
  aggregate: { type: 'proposal', id: proposalId, version: v },
  payload: { snapshot: { id: proposalId, region: '330503', version: v, title: `第${v}版` } },
});

/** The versions of the proposal each republication put in the outbox, oldest first. */
async function republishedVersions() {
  const { rows } = await bus.pool.query(
    `SELECT (envelope->'aggregate'->>'version')::int AS v FROM "${schema}"._outbox
      WHERE envelope->'aggregate'->>'id' = $1 ORDER BY seq`,
    [proposalId],
  );
  return rows.map((r) => r.v as number);
}

const ask = (requester: string) =>
  republishCurrentState(client, schema, { id: newId(), requester, askedAt: new Date() });

describe('republishing current state', () => {
  it('sends the newest version of an aggregate, even when an older copy came later', async () => {
    for (const v of [1, 2, 3]) await recordEvent(client, sink, version(v));
    // Version 4 is being written (its row has its seq) while the province asks: the
    // province's republication still sees version 3 as current and copies it after 4.
    const writer = await bus.pool.connect();
    try {
      await writer.query('BEGIN');
      await recordEvent(
        {
          $executeRawUnsafe: async (q, ...values) => (await writer.query(q, values)).rowCount ?? 0,
        },
        sink,
        version(4),
      );
      expect(await ask('330000')).toBe(1);
      await writer.query('COMMIT');
    } finally {
      writer.release();
    }
    expect(await republishedVersions()).toEqual([1, 2, 3, 4, 3]);

    // Huzhou, joining later, is sent version 4, not the copy of 3 that has the last seq.
    expect(await ask('330500')).toBe(1);
    expect(await republishedVersions()).toEqual([1, 2, 3, 4, 3, 4]);
  });
});
