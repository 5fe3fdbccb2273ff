import { type EventEnvelope, eventSubject } from '@huishang/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { type ReplicaConsumer, startReplicaConsumer } from '../src/bus/replica/consumer.js';
import type { ReplicationHandler } from '../src/bus/replica/handler.js';
import { replicaSubscriptions } from '../src/bus/replica/subscriptions.js';
import { newId } from '../src/ids.js';
import type { RawSql } from '../src/raw-sql.js';
import { createSqlClient, startBusFixture, waitUntil } from '../src/testing/index.js';
import { memberEvent } from './member-event.js';

// Huzhou 330500 keeps replicas of its counties' members; each test reads with a consumer
// of its own, started once the messages wait in the stream, as after an outage.
const schema = 'members_330500';
const bus = await startBusFixture({ schemas: [schema], label: 'batches' });
await bus.pool.query(
  `CREATE TABLE "${schema}".member_replica (id uuid PRIMARY KEY, region text NOT NULL, name text NOT NULL, version int NOT NULL)`,
);
// As members' person_name_idx: an index a hostile origin can overflow with a long name.
await bus.pool.query(`CREATE INDEX ON "${schema}".member_replica (name)`);

/** The events the handler was given, call by call. */
const calls: EventEnvelope[][] = [];
/** A multi-row handler, as the subgraphs' are: one statement per batch. */
const handler: ReplicationHandler<RawSql> = {
  aggregates: ['member'],
  async apply(tx, events) {
    calls.push(events);
    await writeMembers(tx, events);
  },
};

function writeMembers(tx: RawSql, events: EventEnvelope[]) {
  const members = events.map((e) => e.payload.snapshot as { id: string; name: string });
  return tx.$executeRawUnsafe(
    `INSERT INTO member_replica (id, region, name, version)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[])
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, version = EXCLUDED.version`,
    members.map((m) => m.id),
    events.map((e) => e.originRegion),
    members.map((m) => m.name),
    events.map((e) => e.aggregate.version),
  );
}

const consumers: ReplicaConsumer[] = [];
afterAll(async () => {
  await Promise.all(consumers.map((c) => c.stop()));
  await bus.close();
});

/** A consumer under a durable name of the test's own, reading the whole stream. */
function startConsumer(
  label: string,
  using: ReplicationHandler<RawSql> = handler,
  filter?: string,
) {
  const subscriptions = replicaSubscriptions('330500', schema, ['member']).map((s) => ({
    ...s,
    name: `${s.name}-${label}`,
    filter: filter ?? s.filter,
  }));
  const consumer = startReplicaConsumer({
    client: createSqlClient(bus.pool, schema),
    region: '330500',
    schema,
    handler: using as ReplicationHandler,
    js: bus.js,
    log: bus.log,
    subscriptions,
  });
  consumers.push(consumer);
  return { consumer, name: subscriptions[0]?.name ?? '' };
}

/** Publishes as Nanxun's relay does, many acknowledgements in flight; returns the last sequence. */
async function publishAll(events: EventEnvelope[]) {
  const acks = await Promise.all(
    events.map((e) =>
      bus.js.publish(
        eventSubject(e.originRegion, 'member', e.type.split('.')[1] ?? ''),
        JSON.stringify(e),
        { msgID: e.eventId },
      ),
    ),
  );
  return Math.max(...acks.map((a) => a.seq));
}

const rows = async <T>(sql: string, ...values: unknown[]) =>
  (await bus.pool.query(sql, values)).rows as T[];
const positionOf = async (consumer: string) =>
  Number(
    (
      await rows<{ stream_seq: string }>(
        `SELECT stream_seq FROM "${schema}"._consumer_position WHERE consumer = $1`,
        consumer,
      )
    )[0]?.stream_seq ?? 0,
  );

describe('replica consumer batches', () => {
  it('applies a backlog in batches, each aggregate once per batch at its newest version', async () => {
    // Thirty members of Nanxun, each changed ten times, the versions interleaved.
    const ids = Array.from({ length: 30 }, () => newId());
    const events = Array.from({ length: 10 }, (_, v) =>
      ids.map((id, i) => memberEvent(id, v + 1, `委员${i}号 第${v + 1}版`)),
    ).flat();
    const last = await publishAll(events);
    calls.length = 0;
    const { consumer, name } = startConsumer('backlog');
    await waitUntil(async () => (await positionOf(name)) === last, {
      what: 'the backlog applied',
      ms: 15_000,
    });

    const replicas = await rows<{ name: string; version: number }>(
      `SELECT name, version FROM "${schema}".member_replica WHERE id = ANY($1::uuid[]) ORDER BY name`,
      ids,
    );
    expect(replicas).toHaveLength(30);
    expect(replicas.every((r) => r.version === 10 && r.name.endsWith('第10版'))).toBe(true);
    // Every call names each aggregate once; the 300 messages took far fewer transactions.
    for (const call of calls)
      expect(new Set(call.map((e) => e.aggregate.id)).size).toBe(call.length);
    expect(calls.length).toBeLessThan(events.length / 10);
    const stats = await consumer.stats();
    expect(stats.applied + stats.skipped).toBe(300);
    expect([stats.deadLettered, stats.failures]).toEqual([0, 0]);
    await consumer.stop();
  });

  it('parks at once what PostgreSQL can never store, and applies the rest of the batch', async () => {
    // A hundred valid events whose names carry a NUL byte, which JSON allows and text does not.
    const good = Array.from({ length: 200 }, (_, i) => memberEvent(newId(), 1, `沈委员${i}`));
    const bad = Array.from({ length: 100 }, (_, i) => memberEvent(newId(), 1, `钱委员${i}\u0000`));
    const mixed = good.flatMap((e, i) => (i % 2 === 0 ? [e, bad[i / 2] as EventEnvelope] : [e]));
    const last = await publishAll(mixed);
    const { consumer, name } = startConsumer('nul');
    await waitUntil(async () => (await positionOf(name)) === last, {
      what: 'the mixed batch handled',
      ms: 30_000,
    });

    const applied = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${schema}".member_replica WHERE id = ANY($1::uuid[])`,
      good.map((e) => e.aggregate.id),
    );
    expect(applied[0]?.n).toBe(200);
    const parked = await rows<{ reason: string; data: string }>(
      `SELECT reason, data FROM "${schema}"._dead_letter WHERE consumer = $1 ORDER BY stream_seq`,
      name,
    );
    expect(parked).toHaveLength(100);
    expect(parked.every((p) => p.reason.startsWith('cannot be applied:'))).toBe(true);
    expect(parked.map((p) => (JSON.parse(p.data) as EventEnvelope).eventId)).toEqual(
      bad.map((e) => e.eventId),
    );
    const stats = await consumer.stats();
    expect([stats.applied, stats.deadLettered, stats.failures]).toEqual([200, 100, 0]);

    // And it goes on with what comes next.
    const next = memberEvent(newId(), 1, '孙委员');
    const after = await publishAll([next]);
    await waitUntil(async () => (await positionOf(name)) === after, {
      what: 'the next event applied',
      ms: 10_000,
    });
    expect(
      await rows(`SELECT name FROM "${schema}".member_replica WHERE id = $1`, next.aggregate.id),
    ).toEqual([{ name: '孙委员' }]);
  });
  it('parks a name too long for its index at once, rather than hold the consumer', async () => {
    // What a hostile county tried: names of 9 KB of text no index row can hold (SQLSTATE 54000).
    const random = () =>
      Array.from({ length: 3000 }, () =>
        String.fromCodePoint(0x4e00 + Math.floor(Math.random() * 20000)),
      ).join('');
    const long = Array.from({ length: 5 }, () => memberEvent(newId(), 1, random()));
    const fine = memberEvent(newId(), 1, '韩委员');
    const last = await publishAll([...long, fine]);
    const { consumer, name } = startConsumer('long');
    await waitUntil(async () => (await positionOf(name)) === last, {
      what: 'the long names handled',
      ms: 30_000,
    });
    const parked = await rows<{ reason: string }>(
      `SELECT reason FROM "${schema}"._dead_letter WHERE consumer = $1`,
      name,
    );
    // This consumer reads the stream from its start: the NUL names above are parked again.
    const tooLong = parked.filter((p) => /cannot be applied: .*index row/.test(p.reason));
    expect(tooLong).toHaveLength(5);
    expect(
      await rows(`SELECT name FROM "${schema}".member_replica WHERE id = $1`, fine.aggregate.id),
    ).toEqual([{ name: '韩委员' }]);
    await consumer.stop();
  });
  it('builds the next batch while the one before is written, and commits them in order', async () => {
    // the other tests' consumers would apply these first
    await Promise.all(consumers.splice(0).map((c) => c.stop()));
    // Deqing's, read by a consumer of Deqing's alone
    const events = Array.from({ length: 1_200 }, (_, i) =>
      memberEvent(newId(), 1, `蒋委员${i}`, '330521'),
    );
    const last = await publishAll(events);
    const timeline: string[] = [];
    let writing = 0;
    let mostAtOnce = 0;
    const positions: number[] = [];
    const pipelined: ReplicationHandler<RawSql> = {
      aggregates: ['member'],
      apply: async (tx, batch) => void (await writeMembers(tx, batch)),
      prepare(batch) {
        timeline.push('prepare');
        return {
          async write(tx) {
            writing += 1;
            mostAtOnce = Math.max(mostAtOnce, writing);
            timeline.push('write');
            try {
              // a slow write, so that the next batch is built meanwhile
              await new Promise((resolve) => setTimeout(resolve, 150));
              await writeMembers(tx, batch);
              positions.push(await positionOf(name));
            } finally {
              timeline.push('written');
              writing -= 1;
            }
          },
        };
      },
    };
    const { consumer, name } = startConsumer(
      'pipelined',
      pipelined,
      eventSubject('330521', 'member', '*'),
    );
    await waitUntil(async () => (await positionOf(name)) === last, {
      what: 'the batches applied',
      ms: 30_000,
    });
    const stored = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${schema}".member_replica WHERE id = ANY($1::uuid[])`,
      events.map((e) => e.aggregate.id),
    );
    expect(stored[0]?.n).toBe(1_200);
    // one transaction at a time, each seeing the position its predecessor stored ...
    expect(mostAtOnce).toBe(1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // ... and a batch built before the one ahead of it was written
    let unwritten = 0;
    let mostUnwritten = 0;
    for (const step of timeline) {
      if (step === 'prepare') unwritten += 1;
      if (step === 'written') unwritten -= 1;
      mostUnwritten = Math.max(mostUnwritten, unwritten);
    }
    expect(mostUnwritten).toBe(2);
    await consumer.stop();
  });
});
