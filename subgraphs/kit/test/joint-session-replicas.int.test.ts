import { eventSubject, sharedEventSubject } from '@huishang/schema';
import { afterAll, expect, it } from 'vitest';
import { startReplicaConsumer } from '../src/bus/replica/consumer.js';
import type { ReplicationHandler } from '../src/bus/replica/handler.js';
import { newId } from '../src/ids.js';
import type { RawSql } from '../src/raw-sql.js';
import { createSqlClient, startBusFixture, waitUntil } from '../src/testing/index.js';

// Wujiang (Jiangsu) keeps the joint sessions it takes part in, wherever they are hosted.
const schema = 'joint_sessions_320509';
const bus = await startBusFixture({ schemas: [schema], label: 'joint_replicas' });
await bus.pool.query(
  `CREATE TABLE "${schema}".session_replica (id uuid PRIMARY KEY, region text NOT NULL, title text NOT NULL)`,
);
const handler: ReplicationHandler<RawSql> = {
  aggregates: ['joint-session'],
  async apply(tx, events) {
    for (const event of events) {
      const { id, region, title } = event.payload.snapshot as Record<string, string>;
      await tx.$executeRawUnsafe(
        'INSERT INTO session_replica (id, region, title) VALUES ($1::uuid, $2, $3)',
        id,
        region,
        title,
      );
    }
  },
};
const consumer = startReplicaConsumer({
  client: createSqlClient(bus.pool, schema),
  region: '320509',
  schema,
  handler: handler as ReplicationHandler,
  js: bus.js,
  log: bus.log,
});
afterAll(async () => {
  await consumer.stop();
  await bus.close();
});

const committees: Record<string, string> = {
  '330503': '南浔区政协',
  '320000': '江苏省政协',
  '320500': '苏州市政协',
  '320509': '吴江区政协',
  '320583': '昆山市政协',
};

function session(host: string, partners: string[], title: string) {
  const id = newId();
  const at = new Date().toISOString();
  const parties = [host, ...partners];
  return {
    eventId: newId(),
    type: 'joint-session.created',
    schemaVersion: 1,
    occurredAt: at,
    originRegion: host,
    aggregate: { type: 'joint-session' as const, id, version: 1 },
    payload: {
      snapshot: {
        id,
        region: host,
        title,
        description: null,
        kind: host.startsWith('33') ? 'CROSS_PROVINCE' : 'CROSS_REGION',
        stage: 'TOPIC',
        consultationId: null,
        heldOn: null,
        venueName: null,
        partyRegions: parties,
        parties: parties.map((region, i) => ({
          region,
          committee: committees[region],
          role: i === 0 ? 'HOST' : 'PARTNER',
        })),
        version: 1,
        createdAt: at,
        updatedAt: at,
      },
    },
    trace: {},
  };
}

const publish = (subject: string, event: ReturnType<typeof session>) =>
  bus.js.publish(subject, JSON.stringify(event), { msgID: event.eventId });

it('keeps the sessions Wujiang joins, shared from Zhejiang or hosted in Jiangsu, and no others', async () => {
  const xunwu = session('330503', ['320509'], '浔吴联动：頔塘故道水环境共治');
  const kunshan = session('330503', ['320583'], '浙苏边界协商：昆山段');
  const threeLevel = session('320000', ['320500', '320509'], '省市县三级会商：太湖岸线保护');
  const suzhou = session('320500', ['320583'], '苏州市域协商：昆山');
  await publish(sharedEventSubject('320000', '330503', 'created'), xunwu);
  await publish(sharedEventSubject('320000', '330503', 'created'), kunshan);
  await publish(eventSubject('320000', 'joint-session', 'created'), threeLevel);
  await publish(eventSubject('320500', 'joint-session', 'created'), suzhou);
  await waitUntil(() => consumer.stats(), {
    done: ({ applied, skipped }) => applied + skipped === 4,
    what: 'the four events applied or skipped',
    ms: 10_000,
  });
  const kept = await bus.pool.query(`SELECT title FROM "${schema}".session_replica ORDER BY title`);
  expect(kept.rows.map((r) => r.title)).toEqual(
    [threeLevel, xunwu].map((s) => s.payload.snapshot.title).toSorted(),
  );
  const stats = await consumer.stats();
  expect(stats.consumers.map((c) => [c.name, c.filter])).toEqual([
    ['joint_sessions_320509-joint-session', 'cppcc.evt.320000.*.*.joint-session.*'],
    ['joint_sessions_320509-shared', 'cppcc.share.320000.>'],
  ]);
  expect(stats.sources.map((s) => s.source)).toEqual(['320000', '330503']);
  expect([stats.applied, stats.skipped, stats.deadLettered]).toEqual([2, 2, 0]);
});
