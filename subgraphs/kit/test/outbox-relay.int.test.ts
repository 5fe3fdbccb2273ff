import type { EventEnvelope } from '@huishang/schema';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { recordEvent, recordEvents } from '../src/bus/outbox.js';
import { createOutboxRelay, type SchemaRelay } from '../src/bus/relay.js';
import { newId } from '../src/ids.js';
import { createSqlClient, startBusFixture, waitUntil } from '../src/testing/index.js';

const schema = 'members_330503';
/** Other counties' schemas, for the relay that serves many from one session. */
const others = ['members_330521', 'members_330482', 'proposals_330503'];
const bus = await startBusFixture({ schemas: [schema, ...others], label: 'relay' });
const db = createSqlClient(bus.pool);
const relays: SchemaRelay[] = [];
afterAll(async () => {
  await Promise.all(relays.map((r) => r.stop()));
  await bus.close();
});

/** A relay as a process of its own starts it: its own session and locks. */
const startRelay = (pollMs = 60_000) => {
  const relay = createOutboxRelay({ pool: bus.pool, log: bus.log, pollMs }).add(schema, bus.js);
  relays.push(relay);
  return relay;
};

/** Records member events as the members subgraph would: one transaction per change. */
async function writeEvents(names: string[]): Promise<EventEnvelope[]> {
  const written: EventEnvelope[] = [];
  for (const name of names) {
    const envelope = await db.$transaction((tx) =>
      recordEvent(
        tx,
        { schema, origin: '330503' },
        {
          type: 'member.created',
          aggregate: { type: 'member', id: newId(), version: 1 },
          payload: { name },
        },
      ),
    );
    written.push(envelope);
  }
  return written;
}

/** Event ids in the stream, in stream order. */
async function streamed(): Promise<string[]> {
  const { state } = await bus.jsm.streams.info('CPPCC_EVT_330000');
  if (state.messages === 0) return [];
  const consumer = await bus.js.consumers.get('CPPCC_EVT_330000');
  const ids: string[] = [];
  for (let i = 0; i < state.messages; i++) {
    const msg = await consumer.next({ expires: 2_000 });
    if (!msg) break;
    ids.push(msg.json<EventEnvelope>().eventId);
  }
  await consumer.delete();
  return ids;
}

/** Sessions holding relay locks, and how many locks they hold. */
const relaySessions = async () =>
  (
    await bus.pool.query(
      `SELECT count(DISTINCT pid)::int AS sessions, count(*)::int AS locks FROM pg_locks
        WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    )
  ).rows[0] as { sessions: number; locks: number };

const unpublished = async () =>
  (
    await bus.pool.query(
      `SELECT count(*)::int AS n FROM "${schema}"._outbox WHERE published_at IS NULL`,
    )
  ).rows[0].n as number;

/** Waits until every outbox row is marked published; returns how many are left (0). */
const allPublished = (ms = 15_000) =>
  waitUntil(unpublished, { done: (n) => n === 0, what: 'every outbox row published', ms });

beforeEach(async () => {
  await Promise.all(relays.splice(0).map((r) => r.stop()));
  await bus.jsm.streams.purge('CPPCC_EVT_330000');
  await bus.pool.query(`TRUNCATE "${schema}"._outbox`);
});

describe('outbox relay', () => {
  it('publishes outbox rows in order, woken by the commit, and marks them published', async () => {
    // Twelve waiting, so that one batch crosses from seq 9 to 10.
    const waiting = await writeEvents([...'沈钱孙李周吴郑王冯陈褚卫'].map((s) => `${s}委员`));
    const relay = startRelay();
    await allPublished(5_000);
    // The poll is a minute away: only the commit's notification can wake the relay.
    const woken = await writeEvents(['蒋委员']);
    expect(await allPublished(5_000)).toBe(0);
    expect(await streamed()).toEqual([...waiting, ...woken].map((e) => e.eventId));
    const { rows } = await bus.pool.query(`SELECT max(seq) AS seq FROM "${schema}"._outbox`);
    expect(relay.stats()).toEqual({
      schema,
      active: true,
      published: 13,
      lastPublishedSeq: Number(rows[0].seq),
      backlog: 0,
      lastError: null,
    });
  });

  it('writes a batch of events in one statement, published in the order given', async () => {
    const names = Array.from({ length: 30 }, (_, i) => `导入委员${i + 1}`);
    const batch = await db.$transaction((tx) =>
      recordEvents(
        tx,
        { schema, origin: '330503' },
        names.map((name) => ({
          type: 'member.created',
          aggregate: { type: 'member', id: newId(), version: 1 },
          payload: { name },
        })),
      ),
    );
    const after = await writeEvents(['韩委员']);
    const { rows } = await bus.pool.query(
      `SELECT event_id::text AS id, subjects, envelope FROM "${schema}"._outbox ORDER BY seq`,
    );
    expect(rows.map((r) => r.id)).toEqual([...batch, ...after].map((e) => e.eventId));
    expect(rows[0].subjects).toEqual(['cppcc.evt.330000.330500.330503.member.created']);
    expect(rows[0].envelope).toEqual(batch[0]);
    startRelay();
    await allPublished(5_000);
    expect(await streamed()).toEqual([...batch, ...after].map((e) => e.eventId));
  });

  it('stores an event published twice once', async () => {
    const relay = startRelay();
    const written = await writeEvents(['沈丽华', '钱志明']);
    await allPublished();
    // As after a crash between the ack and the mark: the rows go out again.
    await bus.pool.query(`UPDATE "${schema}"._outbox SET published_at = NULL`);
    await writeEvents(['孙晓燕']);
    await waitUntil(() => relay.stats().published, {
      done: (n) => n === 5,
      what: 'five publications, two of them again',
      ms: 15_000,
    });
    expect(await unpublished()).toBe(0);
    const ids = await streamed();
    expect(ids).toHaveLength(3);
    expect(ids.slice(0, 2)).toEqual(written.map((e) => e.eventId));
  });

  it('waits out a nats-server restart without losing or repeating an event', async () => {
    const relay = startRelay(200);
    const before = await writeEvents(['沈丽华', '钱志明']);
    await allPublished();
    await bus.nats.stop();
    const during = await writeEvents(['孙晓燕', '李伟', '周敏']);
    // The relay has read the three rows and failed to publish them: none was marked.
    await waitUntil(() => relay.stats(), {
      done: (s) => s.backlog === 3 && s.lastError !== null,
      what: 'the relay to fail publishing the three rows',
      ms: 15_000,
    });
    expect(await unpublished()).toBe(3);
    await bus.nats.restart();
    expect(await allPublished()).toBe(0);
    expect(await streamed()).toEqual([...before, ...during].map((e) => e.eventId));
    expect(bus.log.lines.some((l) => l.message === 'outbox relay failed; retrying')).toBe(true);
  });

  it('lets one process relay a schema at a time, and another take over when it stops', async () => {
    const first = startRelay();
    await waitUntil(() => first.stats().active, {
      what: 'the first relay to take the lock',
      ms: 15_000,
    });
    const second = startRelay();
    await writeEvents(['沈丽华']);
    await allPublished();
    expect([first.stats().published, second.stats().active]).toEqual([1, false]);
    await first.stop();
    await writeEvents(['钱志明']);
    await allPublished(10_000);
    expect([second.stats().active, second.stats().published]).toEqual([true, 1]);
  });

  it('reconnects when its PostgreSQL session is cut', async () => {
    const relay = startRelay(200);
    await writeEvents(['沈丽华']);
    await allPublished();
    await bus.pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_locks
        WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    await writeEvents(['钱志明']);
    expect(await allPublished()).toBe(0);
    expect(relay.stats()).toMatchObject({ active: true, published: 2 });
    expect(await streamed()).toHaveLength(2);
  });

  it('relays many schemas over one PostgreSQL session, each in its own order', async () => {
    const relay = createOutboxRelay({ pool: bus.pool, log: bus.log, pollMs: 60_000 });
    const lanes = [schema, ...others].map((s) => relay.add(s, bus.js));
    relays.push(...lanes);
    await waitUntil(() => lanes.every((l) => l.stats().active), {
      what: 'every lane to take its lock',
      ms: 15_000,
    });
    // 120 events per schema, written interleaved: more than one batch in flight for none.
    const written = new Map<string, string[]>();
    for (let round = 0; round < 120; round++) {
      for (const s of [schema, ...others]) {
        const envelope = await db.$transaction((tx) =>
          recordEvent(
            tx,
            { schema: s, origin: s.slice(-6) },
            {
              type: 'member.created',
              aggregate: { type: 'member', id: newId(), version: 1 },
              payload: { name: `委员${round}` },
            },
          ),
        );
        written.set(s, [...(written.get(s) ?? []), envelope.eventId]);
      }
    }
    await waitUntil(() => lanes.reduce((n, l) => n + l.stats().published, 0), {
      done: (n) => n === 480,
      what: '480 events published over the four lanes',
      ms: 15_000,
    });
    expect(lanes.map((l) => l.stats().published)).toEqual([120, 120, 120, 120]);
    expect(await relaySessions()).toEqual({ sessions: 1, locks: 4 });
    const streamedIds = await streamed();
    for (const s of [schema, ...others]) {
      const ids = new Set(written.get(s));
      expect(streamedIds.filter((id) => ids.has(id))).toEqual(written.get(s));
    }
    for (const s of others) await bus.pool.query(`TRUNCATE "${s}"._outbox`);
  });
});
