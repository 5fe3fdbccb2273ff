// `npm run bench:replication`: how fast a county's events reach its province, how late they
// arrive at fixed write rates, how fast a province catches up a 100,000-event backlog, and,
// in the same run, the raw JetStream publish and PostgreSQL batched-upsert rates those
// figures are bounded by. The county (Nanxun 330503) and the province (Zhejiang 330000) are
// proposals subgraphs in processes of their own, each with its own NATS user, on a fresh
// database and a nats-server of this run's own; writers write here, through the outbox.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { NewEvent } from '@huishang/schema';
import { newId, schemaName } from '@huishang/subgraph-kit';
import { type EventSink, type ReplicaClient, recordEvent } from '@huishang/subgraph-kit/bus';
import {
  createSqlClient,
  createTestDatabase,
  freePort,
  sleep,
} from '@huishang/subgraph-kit/testing';
import { jetstream, jetstreamManager, StorageType } from '@nats-io/jetstream';
import { connect, nanos } from '@nats-io/transport-node';
import pg from 'pg';
import { adminCredentials, buildNatsConfig, nodeCredentials } from './nats/accounts.js';
import { ensureNats } from './nats/start.js';
import { provisionAccounts } from './nats/streams.js';

const county = '330503';
const province = '330000';
const countySchema = schemaName('proposals', county);
const provinceSchema = schemaName('proposals', province);

const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
/** Events the writers put in as fast as they can, for the sustained rate. */
const sustainedEvents = setting('BENCH_EVENTS', 5_000);
const writerCount = setting('BENCH_WRITERS', 8);
/** Fixed write rates (events/s) for the lag figures, each held for BENCH_LAG_SECONDS. */
const lagRates = (process.env.BENCH_RATES ?? '20,50,80').split(',').map(Number);
const lagSeconds = setting('BENCH_LAG_SECONDS', 10);
const backlogEvents = setting('BENCH_BACKLOG', 100_000);
const rawMessages = setting('BENCH_RAW_MESSAGES', 20_000);
const rawRows = setting('BENCH_RAW_ROWS', 50_000);
/** The longest any phase may take to finish before the run gives up. */
const maxWaitMs = setting('BENCH_MAX_WAIT_SECONDS', 3_600) * 1000;

const progress = (line: string) => process.stderr.write(`  … ${line}\n`);
const seconds = (ms: number) => ms / 1000;

async function waitFor(
  check: () => Promise<boolean>,
  what: string,
  report?: () => Promise<string>,
) {
  const started = Date.now();
  let reported = started;
  while (!(await check())) {
    if (Date.now() - started > maxWaitMs) throw new Error(`gave up waiting for ${what}`);
    if (report && Date.now() - reported > 30_000) {
      reported = Date.now();
      progress(`${what}: ${await report()}`);
    }
    await sleep(20);
  }
}

// ---------------------------------------------------------------------------------------
// The two nodes, each `node subgraphs/proposals/dist/server.js` with its region's settings.

interface NodeProcess {
  start(): Promise<void>;
  stop(): Promise<void>;
}

async function nodeProcess(
  region: string,
  databaseUrl: string,
  natsUrl: string,
): Promise<NodeProcess> {
  const port = await freePort();
  const server = fileURLToPath(new URL('./server.js', import.meta.resolve('@huishang/proposals')));
  const { user, pass } = nodeCredentials(region);
  let child: ChildProcess | undefined;
  let tail: string[] = [];
  return {
    async start() {
      tail = [];
      child = spawn(process.execPath, [server], {
        env: {
          ...process.env,
          HUISHANG_REGIONS: region,
          PORT: String(port),
          DATABASE_URL: databaseUrl,
          NATS_URL: natsUrl,
          NATS_USER: user,
          NATS_PASSWORD: pass,
          NATS_PROVISION_STREAMS: 'false',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const keep = (chunk: Buffer) => {
        tail = [...tail, ...chunk.toString('utf8').trimEnd().split('\n')].slice(-20);
      };
      child.stdout?.on('data', keep);
      child.stderr?.on('data', keep);
      const started = Date.now();
      for (;;) {
        if (child.exitCode !== null) throw new Error(`node ${region} exited:\n${tail.join('\n')}`);
        const ready = await fetch(`http://127.0.0.1:${port}/ready`).then(
          (r) => r.ok,
          () => false,
        );
        if (ready) return;
        if (Date.now() - started > 30_000)
          throw new Error(`node ${region} did not get ready:\n${tail.join('\n')}`);
        await sleep(100);
      }
    },
    async stop() {
      const running = child;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGTERM');
      await exited;
    },
  };
}

// ---------------------------------------------------------------------------------------
// What a county writes: a submitted proposal, its record and its event in one transaction.

const suggestions = ['增设公共停车泊位', '加密公交班次'];
const body = '古镇周边道路停车难、公交班次少，群众出行不便，建议统筹规划，分步解决。';

function proposalSubmitted(id: string, n: number, at: string): NewEvent<{ snapshot: object }> {
  return {
    type: 'proposal.submitted',
    aggregate: { type: 'proposal', id, version: 1 },
    payload: {
      snapshot: {
        id,
        region: county,
        number: null,
        term: 10,
        session: 3,
        title: `关于南浔区第${n}号民生实事的建议`,
        body,
        keywords: ['民生实事'],
        category: 'URBAN_RURAL_DEVELOPMENT',
        status: 'SUBMITTED',
        proposerId: null,
        coProposerIds: [],
        collectiveProposer: '民建南浔区基层委员会',
        isKey: false,
        deadline: null,
        submittedAt: at,
        registeredAt: null,
        assignedAt: null,
        repliedAt: null,
        version: 1,
        createdAt: at,
        updatedAt: at,
        suggestions: suggestions.map((text, i) => ({ seq: i + 1, text })),
        handlingUnits: [],
        replies: [],
        evaluations: [],
      },
    },
  };
}

let written = 0;
const sink: EventSink = { schema: countySchema, origin: county };

async function writeProposal(db: ReplicaClient) {
  const n = ++written;
  const id = newId();
  const at = new Date().toISOString();
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(
      `INSERT INTO proposal (id, region, term, session, title, body, keywords, category,
         collective_proposer, submitted_at, created_at, updated_at)
       VALUES ($1::uuid, $2, 10, 3, $3, $4, ARRAY['民生实事'], 'URBAN_RURAL_DEVELOPMENT', $5,
         $6::timestamptz, $6::timestamptz, $6::timestamptz)`,
      id,
      county,
      `关于南浔区第${n}号民生实事的建议`,
      body,
      '民建南浔区基层委员会',
      at,
    );
    await tx.$executeRawUnsafe(
      `INSERT INTO proposal_suggestion (proposal_id, seq, text)
       SELECT $1::uuid, s.seq, s.text FROM unnest($2::text[]) WITH ORDINALITY AS s(text, seq)`,
      id,
      suggestions,
    );
    await recordEvent(tx, sink, proposalSubmitted(id, n, at));
  });
}

// ---------------------------------------------------------------------------------------

interface PhaseFigures {
  events: number;
  firstWrite: Date;
  lastWrite: Date;
  lastPublished: Date;
  firstApplied: Date;
  lastApplied: Date;
  p50: number;
  p99: number;
  max: number;
}

const database = await createTestDatabase('bench_replication');
const pool = new pg.Pool({ connectionString: database.url, max: writerCount + 2 });
const nats = await ensureNats({ config: buildNatsConfig([county, province]) });
const countyNode = await nodeProcess(county, database.url, nats.url);
const provinceNode = await nodeProcess(province, database.url, nats.url);

try {
  await provisionAccounts(nats.url, [county, province]);
  await countyNode.start();
  await provinceNode.start();
  const db = createSqlClient(pool, countySchema);

  const lastSeq = async () =>
    Number(
      (await pool.query(`SELECT coalesce(max(seq), 0) AS s FROM "${countySchema}"._outbox`)).rows[0]
        .s,
    );
  const appliedCount = async () =>
    (
      await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${provinceSchema}"._replica_version WHERE origin_region = $1`,
        [county],
      )
    ).rows[0]?.n ?? 0;
  const unpublished = async () =>
    (
      await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${countySchema}"._outbox WHERE published_at IS NULL`,
      )
    ).rows[0]?.n ?? 0;
  const untilApplied = async (what: string) => {
    const from = await appliedCount();
    await waitFor(
      async () => (await appliedCount()) >= written,
      what,
      async () =>
        `${((await appliedCount()) - from).toLocaleString()} of ${(written - from).toLocaleString()} applied`,
    );
  };

  /** Times and lags of the events with outbox seq in (from, to]: occurredAt → applied at the province. */
  async function phaseFigures(from: number, to: number): Promise<PhaseFigures> {
    const { rows } = await pool.query(
      `WITH e AS (
         SELECT (o.envelope->>'occurredAt')::timestamptz AS occurred, o.published_at, r.applied_at
           FROM "${countySchema}"._outbox o
           JOIN "${provinceSchema}"._replica_version r ON r.event_id = o.event_id
          WHERE o.seq > $1 AND o.seq <= $2)
       SELECT count(*)::int AS events, min(occurred) AS "firstWrite", max(occurred) AS "lastWrite",
              max(published_at) AS "lastPublished", min(applied_at) AS "firstApplied",
              max(applied_at) AS "lastApplied",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY lag) AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY lag) AS p99,
              max(lag) AS max
         FROM (SELECT *, extract(epoch FROM applied_at - occurred) * 1000 AS lag FROM e) l`,
      [from, to],
    );
    const row = rows[0];
    return { ...row, p50: Number(row.p50), p99: Number(row.p99), max: Number(row.max) };
  }

  // Warm both nodes up (JIT, connections, the consumer) so the first phase is not a start-up.
  for (let i = 0; i < 50; i++) await writeProposal(db);
  await untilApplied('warm-up');
  const envelopeBytes = Number(
    (
      await pool.query(
        `SELECT avg(octet_length(envelope::text))::int AS b FROM "${countySchema}"._outbox`,
      )
    ).rows[0].b,
  );

  // (a) Sustained: a pool of writers as fast as they can; the province applies what arrives.
  progress(`(a) ${sustainedEvents.toLocaleString()} events from ${writerCount} writers`);
  const sustainedFrom = await lastSeq();
  let claimed = 0;
  const writeStarted = Date.now();
  await Promise.all(
    Array.from({ length: writerCount }, async () => {
      while (claimed < sustainedEvents) {
        claimed += 1;
        await writeProposal(db);
      }
    }),
  );
  const writeMs = Date.now() - writeStarted;
  await untilApplied('(a) sustained');
  const sustained = await phaseFigures(sustainedFrom, await lastSeq());

  // (b) Lag at fixed rates: writes started on a schedule, whether or not earlier ones finished.
  const lags: { rate: number; figures: PhaseFigures; achieved: number }[] = [];
  for (const rate of lagRates) {
    progress(`(b) ${rate} events/s for ${lagSeconds} s`);
    const from = await lastSeq();
    const total = Math.round(rate * lagSeconds);
    const started = Date.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / rate;
      if (due > Date.now()) await sleep(due - Date.now());
      inFlight.push(writeProposal(db));
    }
    await Promise.all(inFlight);
    const achieved = total / seconds(Date.now() - started);
    await untilApplied(`(b) ${rate}/s`);
    lags.push({ rate, figures: await phaseFigures(from, await lastSeq()), achieved });
  }

  // (c) Catch-up: both nodes are down while the backlog is written; then the county's relay
  // drains it to JetStream, and then the province applies it.
  progress(`(c) ${backlogEvents.toLocaleString()} events written while both nodes are down`);
  await provinceNode.stop();
  await countyNode.stop();
  const backlogFrom = await lastSeq();
  const insertStarted = Date.now();
  for (let done = 0; done < backlogEvents; ) {
    const batch = Math.min(1_000, backlogEvents - done);
    const at = new Date().toISOString();
    await db.$transaction(async (tx) => {
      for (let i = 0; i < batch; i++) {
        written += 1;
        await recordEvent(tx, sink, proposalSubmitted(newId(), written, at));
      }
    });
    done += batch;
  }
  const insertMs = Date.now() - insertStarted;
  const relayStarted = Date.now();
  await countyNode.start();
  await waitFor(
    async () => (await unpublished()) === 0,
    '(c) relay',
    async () => `${(await unpublished()).toLocaleString()} left to publish`,
  );
  const relayMs = Date.now() - relayStarted;
  const catchUpStarted = Date.now();
  await provinceNode.start();
  await untilApplied('(c) catch-up');
  const catchUpMs = Date.now() - catchUpStarted;
  const backlog = await phaseFigures(backlogFrom, await lastSeq());

  // (d) Raw JetStream publish with acks and message ids, messages of our envelopes' size.
  progress(`(d) ${rawMessages.toLocaleString()} raw JetStream publishes`);
  const admin = await connect({ servers: nats.url, ...adminCredentials(province) });
  const jsm = await jetstreamManager(admin);
  const js = jetstream(admin);
  const rawStream = 'BENCH_RAW';
  await jsm.streams.add({
    name: rawStream,
    subjects: ['bench.raw.>'],
    storage: StorageType.File,
    duplicate_window: nanos(60 * 60 * 1000),
  });
  const payload = new Uint8Array(envelopeBytes).fill(0x61);
  const publishOne = () => js.publish('bench.raw.event', payload, { msgID: newId() });
  let started = Date.now();
  for (let i = 0; i < rawMessages; i++) await publishOne();
  const natsSerialRate = rawMessages / seconds(Date.now() - started);
  started = Date.now();
  const window = 256;
  for (let i = 0; i < rawMessages; i += window) {
    await Promise.all(Array.from({ length: Math.min(window, rawMessages - i) }, publishOne));
  }
  const natsWindowRate = rawMessages / seconds(Date.now() - started);
  await jsm.streams.delete(rawStream);
  await admin.close();

  // (e) Raw PostgreSQL: snapshot-sized rows upserted 500 per statement, new rows then newer versions.
  progress(`(e) ${rawRows.toLocaleString()} raw upserts, twice`);
  await pool.query(`CREATE SCHEMA bench_raw;
    CREATE TABLE bench_raw.snapshot (id uuid PRIMARY KEY, version int NOT NULL, snapshot jsonb NOT NULL)`);
  const ids = Array.from({ length: rawRows }, () => newId());
  const upsertPass = async (version: number) => {
    const begun = Date.now();
    for (let i = 0; i < rawRows; i += 500) {
      const batch = ids.slice(i, i + 500);
      const at = new Date().toISOString();
      await pool.query(
        `INSERT INTO bench_raw.snapshot AS s (id, version, snapshot)
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::jsonb[])
         ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, snapshot = EXCLUDED.snapshot
          WHERE s.version < EXCLUDED.version`,
        [
          batch,
          batch.map(() => version),
          batch.map((id, j) => JSON.stringify(proposalSubmitted(id, i + j, at).payload.snapshot)),
        ],
      );
    }
    return rawRows / seconds(Date.now() - begun);
  };
  const pgInsertRate = await upsertPass(1);
  const pgUpdateRate = await upsertPass(2);
  const snapshotBytes = Number(
    (await pool.query('SELECT avg(pg_column_size(snapshot))::int AS b FROM bench_raw.snapshot'))
      .rows[0].b,
  );

  // ------------------------------------------------------------------------------------
  const spanMs = (from: Date, to: Date) => to.getTime() - from.getTime();
  const perSecond = (count: number, ms: number) => count / seconds(ms);
  const sustainedMs = spanMs(sustained.firstWrite, sustained.lastApplied);
  const sustainedRate = perSecond(sustained.events, sustainedMs);
  const relayRate = perSecond(backlogEvents, relayMs);
  const catchUpRate = perSecond(backlog.events, catchUpMs);
  const fmt = (n: number, digits = 0) =>
    Number.isFinite(n)
      ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
      : '–';
  const pct = (ours: number, limit: number) => `${fmt((100 * ours) / limit, 1)} %`;
  const table = (head: string[], lines: string[][]) =>
    [head, ...lines].map((cells) =>
      cells.map((c, i) => (i === 0 ? c.padEnd(58) : c.padStart(10))).join(' '),
    );
  const pgVersion = (await pool.query('SHOW server_version')).rows[0].server_version;
  const natsBinary = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';
  const natsVersion = execFileSync(natsBinary, ['--version']).toString().trim();
  const throughput: [string, number, number][] = [
    ['(a) sustained: county write → applied at province', sustained.events, sustainedMs],
    ['    county writes (record + outbox row, one tx each)', sustained.events, writeMs],
    [
      '    relay: first write → last published',
      sustained.events,
      spanMs(sustained.firstWrite, sustained.lastPublished),
    ],
    [
      '    province: first → last applied',
      sustained.events,
      spanMs(sustained.firstApplied, sustained.lastApplied),
    ],
    ['(c) backlog written to the outbox (1,000 rows per tx)', backlogEvents, insertMs],
    ['    relay drained it to JetStream, counted from its start', backlogEvents, relayMs],
    ['    province caught up, counted from its start', backlog.events, catchUpMs],
  ];
  const limits: [string, number, number][] = [
    [`(d) JetStream publish, acked, ${envelopeBytes} B, 1 in flight`, rawMessages, natsSerialRate],
    [`    JetStream publish, acked, ${window} in flight`, rawMessages, natsWindowRate],
    [`(e) PostgreSQL upsert, 500 rows/statement, new rows`, rawRows, pgInsertRate],
    [`    PostgreSQL upsert, 500 rows/statement, newer versions`, rawRows, pgUpdateRate],
  ];
  const fractions: [string, number][] = [
    ['(a) sustained', sustainedRate],
    ['(c) relay drain', relayRate],
    ['(c) province catch-up', catchUpRate],
  ];
  console.log(
    [
      '',
      `huishang replication bench: Nanxun ${county} → Zhejiang ${province}, proposals`,
      `${availableParallelism()} CPUs, Node ${process.version}, ${natsVersion}, PostgreSQL ${pgVersion}`,
      `envelope ${envelopeBytes} B, snapshot row ${snapshotBytes} B; one process per node; ${writerCount} writers`,
      '',
      ...table(
        ['throughput', 'events', 'seconds', 'events/s'],
        throughput.map(([label, count, ms]) => [
          label,
          fmt(count),
          fmt(seconds(ms), 1),
          fmt(perSecond(count, ms)),
        ]),
      ),
      '',
      ...table(
        ['(b) lag, occurredAt → applied at province', 'written/s', 'p50 ms', 'p99 ms', 'max ms'],
        lags.map(({ rate, figures, achieved }) => [
          `    at ${rate} events/s (${fmt(figures.events)} events)`,
          fmt(achieved, 1),
          fmt(figures.p50),
          fmt(figures.p99),
          fmt(figures.max),
        ]),
      ),
      '',
      ...table(
        ['limits, measured in this run', 'count', '', 'per s'],
        limits.map(([label, count, rate]) => [label, fmt(count), '', fmt(rate)]),
      ),
      '',
      ...table(
        ['our figures as a fraction of the limits', 'NATS 1', `NATS ${window}`, 'PG upsert'],
        fractions.map(([label, rate]) => [
          label,
          pct(rate, natsSerialRate),
          pct(rate, natsWindowRate),
          pct(rate, pgInsertRate),
        ]),
      ),
      '',
    ].join('\n'),
  );
} finally {
  await provinceNode.stop();
  await countyNode.stop();
  await pool.end();
  await nats.stop();
  await database.drop();
}
