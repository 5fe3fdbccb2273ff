import { type EventEnvelope, eventSubject } from '@huishang/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { startReplicaConsumer } from '../src/bus/replica/consumer.js';
import type { ReplicationHandler } from '../src/bus/replica/handler.js';
import { newId } from '../src/ids.js';
import type { RawSql } from '../src/raw-sql.js';
import { createSqlClient, startBusFixture, waitUntil } from '../src/testing/index.js';
import { memberEvent } from './member-event.js';

// The city of Huzhou keeps replicas of its counties' members.
const schema = 'members_330500';
const bus = await startBusFixture({ schemas: [schema], label: 'consumer' });
await bus.pool.query(
  `CREATE TABLE "${schema}".member_replica (id uuid PRIMARY KEY, region text NOT NULL, name text NOT NULL, version int NOT NULL)`,
);

/** Fails the transaction while `failing` holds the member's name, as a database outage would. */
const failing = new Set<string>();
const handler: ReplicationHandler<RawSql> = {
  aggregates: ['member'],
  async apply(tx, events) {
    for (const event of events) {
      const member = event.payload.snapshot as {
        id: string;
        region: string;
        name: string;
        version: number;
      };
      await tx.$executeRawUnsafe(
        `INSERT INTO member_replica (id, region, name, version) VALUES ($1::uuid, $2, $3, $4::int)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, version = EXCLUDED.version`,
        member.id,
        member.region,
        member.name,
        member.version,
      );
      if (failing.has(member.name)) throw new Error('connection lost');
    }
  },
};
const consumer = startReplicaConsumer({
  client: createSqlClient(bus.pool, schema),
  region: '330500',
  schema,
  handler: handler as ReplicationHandler,
  js: bus.js,
  log: bus.log,
});
afterAll(async () => {
  await consumer.stop();
  await bus.close();
});

/** Publishes as the owner's relay does; returns the stream sequence. */
async function publish(event: EventEnvelope | string, subject?: string) {
  const envelope = typeof event === 'string' ? undefined : event;
  const to =
    subject ??
    eventSubject(
      envelope?.originRegion ?? '330503',
      'member',
      envelope ? (envelope.type.split('.')[1] ?? '') : 'created',
    );
  const ack = await bus.js.publish(to, typeof event === 'string' ? event : JSON.stringify(event), {
    msgID: envelope?.eventId ?? newId(),
  });
  return ack.seq;
}

const query = async <T>(sql: string, ...values: unknown[]) =>
  (await bus.pool.query(sql, values)).rows as T[];
const position = async () =>
  Number(
    (
      await query<{ stream_seq: string }>(`SELECT stream_seq FROM "${schema}"._consumer_position`)
    )[0]?.stream_seq ?? 0,
  );
/** Waits until the consumer's position has reached stream sequence `seq`. */
const reached = (seq: number, ms = 10_000) =>
  waitUntil(position, { done: (s) => s >= seq, what: `the consumer's position at ${seq}`, ms });
const replica = (id: string) =>
  query<{ name: string; version: number }>(
    `SELECT name, version FROM "${schema}".member_replica WHERE id = $1`,
    id,
  );

describe('replica consumer', () => {
  it('applies only newer versions and records its position in the same transaction', async () => {
    const id = newId();
    await publish(memberEvent(id, 1, '沈丽华'));
    await publish(memberEvent(id, 3, '沈丽华（南浔区政协）'));
    // Late and older: it must not take the replica back.
    const last = await publish(memberEvent(id, 2, '沈丽华（旧）'));
    await reached(last);
    expect(await replica(id)).toEqual([{ name: '沈丽华（南浔区政协）', version: 3 }]);
    expect(
      await query(
        `SELECT origin_region, version FROM "${schema}"._replica_version WHERE aggregate_id = $1`,
        id,
      ),
    ).toEqual([{ origin_region: '330503', version: 3 }]);
    expect(await position()).toBe(last);
  });

  it('parks what it cannot validate, with the reason, and goes on', async () => {
    const id = newId();
    const notJson = await publish('{"eventId": ');
    const unnamed = memberEvent(newId(), 1, '');
    const invalid = await publish(unnamed);
    const after = await publish(memberEvent(id, 1, '钱志明'));
    await reached(after);
    const parked = await query<{ stream_seq: string; reason: string; data: string }>(
      `SELECT stream_seq, reason, data FROM "${schema}"._dead_letter WHERE stream_seq IN ($1, $2) ORDER BY stream_seq`,
      notJson,
      invalid,
    );
    expect(parked.map((p) => [Number(p.stream_seq), p.reason.split(':')[0]])).toEqual([
      [notJson, 'not JSON'],
      [invalid, 'payload'],
    ]);
    expect(parked[0]?.data).toBe('{"eventId": ');
    expect(await replica(unnamed.aggregate.id)).toEqual([]);
    expect(await replica(id)).toEqual([{ name: '钱志明', version: 1 }]);
  });

  it('parks an event whose subject belies its origin', async () => {
    // Published under Nanxun's subject, claiming to come from Wuxing.
    const forged = memberEvent(newId(), 1, '孙晓燕', '330502');
    const seq = await publish(forged, eventSubject('330503', 'member', 'created'));
    await reached(seq);
    const [parked] = await query<{ reason: string }>(
      `SELECT reason FROM "${schema}"._dead_letter WHERE stream_seq = $1`,
      seq,
    );
    expect(parked?.reason).toBe(
      'published on cppcc.evt.330000.330500.330503.member.created, but its origin publishes on cppcc.evt.330000.330500.330502.member.created',
    );
    expect(await replica(forged.aggregate.id)).toEqual([]);
  });

  it('does not replicate the city’s own events', async () => {
    const own = memberEvent(newId(), 1, '李伟', '330500');
    const seq = await publish(own);
    await reached(seq);
    expect(await replica(own.aggregate.id)).toEqual([]);
  });

  it('retries a transaction that failed, applying it once, and leaves nothing of the failure', async () => {
    const id = newId();
    failing.add('周敏');
    const seq = await publish(memberEvent(id, 1, '周敏'));
    await waitUntil(async () => (await consumer.stats()).failures, {
      done: (n) => n >= 2,
      what: 'two failed attempts',
      ms: 10_000,
    });
    // Rolled back whole: no replica row, no version, the position short of the message.
    expect(await replica(id)).toEqual([]);
    expect(
      await query(`SELECT 1 FROM "${schema}"._replica_version WHERE aggregate_id = $1`, id),
    ).toEqual([]);
    expect(await position()).toBeLessThan(seq);
    failing.delete('周敏');
    await reached(seq);
    expect(await replica(id)).toEqual([{ name: '周敏', version: 1 }]);
  });

  it('goes on after a nats-server restart', async () => {
    await bus.nats.restart();
    const id = newId();
    const seq = await waitUntil(() => publish(memberEvent(id, 1, '郑强')), {
      what: 'the restarted nats-server to take a publication',
      ms: 10_000,
    });
    await reached(seq, 15_000);
    expect(await replica(id)).toEqual([{ name: '郑强', version: 1 }]);
  });

  it('reports, per source region, the last event applied and how far behind it is', async () => {
    const { deadLettered } = await consumer.stats();
    await publish('not an event');
    const event = memberEvent(newId(), 1, '吴芳');
    const seq = await publish(event);
    await reached(seq);
    const stats = await waitUntil(() => consumer.stats(), {
      done: (s) => s.consumers[0]?.eventsBehind === 0,
      what: 'the consumer to report nothing behind',
      ms: 10_000,
    });
    expect(stats).toMatchObject({
      region: '330500',
      consumers: [
        {
          name: 'members_330500-member',
          filter: 'cppcc.evt.330000.330500.*.member.*',
          eventsBehind: 0,
        },
      ],
      sources: [
        {
          source: '330503',
          lastApplied: { eventId: event.eventId, occurredAt: event.occurredAt },
          eventsBehind: 0,
          secondsBehind: 0,
        },
      ],
      deadLettered: deadLettered + 1,
    });
  });
});
