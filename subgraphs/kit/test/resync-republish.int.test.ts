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

  it('sends a joint session only to a requester within one of its parties', async () => {
    // Nanxun hosts two sessions: 浔吴 with Wujiang, and one with Deqing.
    const session = (parties: string[]): NewEvent<Record<string, unknown>> => {
      const id = newId();
      const snapshot = { id, region: '330503', version: 1, partyRegions: parties };
      return {
        type: 'joint-session.created',
        aggregate: { type: 'joint-session', id, version: 1 },
        payload: { snapshot },
      };
    };
    const withDeqing = session(['330503', '330521']);
    await recordEvent(client, sink, session(['330503', '320509']));
    await recordEvent(client, sink, withDeqing);
    const askAs = (requester: string) =>
      republishCurrentState(client, schema, {
        id: newId(),
        requester,
        askedAt: new Date(),
        partyPrefix: requester,
      });
    // Deqing, a county that may ask any owner of its province for joint sessions.
    expect(await askAs('330521')).toBe(1);
    const { rows } = await bus.pool.query(
      `SELECT envelope->'aggregate'->>'id' AS id FROM "${schema}"._outbox ORDER BY seq DESC LIMIT 1`,
    );
    expect(rows[0]?.id).toBe(withDeqing.aggregate.id);
    // A county party to none of them is sent nothing.
    expect(await askAs('330522')).toBe(0);
  });
});
