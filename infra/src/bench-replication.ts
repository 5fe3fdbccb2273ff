// `npm run bench:replication`: how fast a county's events reach its province, how late they
// arrive at fixed write rates, how fast a province catches up a backlog, and, in the same
// run, the raw JetStream publish and PostgreSQL batched-upsert rates those figures are
// bounded by. The county (Nanxun 330503) and the province (Zhejiang 330000) are proposals
// subgraphs in processes of their own, each with its own NATS user, on a fresh database and
// a nats-server of this run's own; writers write here, through the outbox, with events
// built by the proposals subgraph's own snapshot codec. A watchdog stops the run, naming
// the reason, as soon as an event is parked in `_dead_letter` or nothing moves for 30 s.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { type ProposalRows, proposalEvent } from '@huishang/proposals';
import { newId, type OutboxAddress, type RegionClient, schemaName } from '@huishang/subgraph-kit';
import { recordEvents } from '@huishang/subgraph-kit/bus';
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

/** `BENCH_QUICK=1`: small defaults, for a run of a minute or two on a slow apply path. */
const quick = ['1', 'true'].includes(process.env.BENCH_QUICK ?? '');
const setting = (name: string, fallback: number, quickFallback = fallback) => {
  const value = Number(process.env[name] ?? (quick ? quickFallback : fallback));
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
/** Events the writers put in as fast as they can, for the sustained rate. */
const sustainedEvents = setting('BENCH_EVENTS', 50_000, 1_000);
const writerCount = setting('BENCH_WRITERS', 8);
/** Proposals per writer transaction in (a): one multi-row insert, one event each. */
const writeBatch = setting('BENCH_WRITE_BATCH', 25);
/** Fixed write rates (events/s) for the lag figures, each held for BENCH_LAG_SECONDS; 1,000 always. */
const lagRates = [
  ...new Set([...(process.env.BENCH_RATES ?? '100').split(',').map(Number), 1_000]),
].toSorted((a, b) => a - b);
if (lagRates.some((rate) => !Number.isFinite(rate) || rate <= 0))
  throw new Error('BENCH_RATES must be positive numbers, comma-separated');
const lagSeconds = setting('BENCH_LAG_SECONDS', 10, 2);
const backlogEvents = setting('BENCH_BACKLOG', 100_000, 2_000);
const rawMessages = setting('BENCH_RAW_MESSAGES', 20_000, 2_000);
const rawRows = setting('BENCH_RAW_ROWS', 50_000, 5_000);
/** The longest any phase may take to finish before the run gives up. */
const maxWaitMs = setting('BENCH_MAX_WAIT_SECONDS', 1_800) * 1000;
/** How long replication may stand still, with work outstanding, before the run stops. */
const stallMs = setting('BENCH_STALL_SECONDS', 30) * 1000;

const progress = (line: string) => process.stderr.write(`  … ${line}\n`);
const seconds = (ms: number) => ms / 1000;

async function waitFor(
  check: () => Promise<boolean>,
  what: string,
  report?: () => Promise<string>,
) {
  const started = Date.now();
  let reported = started;
  for (;;) {
    watchdog?.check();
    if (await check()) return;
    if (Date.now() - started > maxWaitMs)
      throw new Error(`gave up waiting for ${what} after ${maxWaitMs / 1000} s`);
    if (report && Date.now() - reported > 10_000) {
      reported = Date.now();
      progress(`${what}: ${await report()}`);
    }
    // the figures come from the rows' own times; polling faster only takes CPU from the nodes
    await sleep(250);
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
      // BENCH_CPU_PROFILE=<dir>: each node writes a V8 CPU profile there when it stops
      const profile = process.env.BENCH_CPU_PROFILE;
      const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
      child = spawn(process.execPath, [...flags, server], {
        env: {
          ...process.env,
          // a benchmark's nodes are development nodes: development secrets
          HUISHANG_DEV: '1',
          HUISHANG_REGIONS: region,
          // no reminder scheduler: its writes would come in mid-measurement
          HUISHANG_REMINDER_SWEEP_MS: '0',
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
// What a county writes: submitted proposals, their records and their events in one
// transaction, the events built by the proposals subgraph's own codec from the rows.

const suggestionTexts = ['增设公共停车泊位', '加密公交班次'];
const body = '古镇周边道路停车难、公交班次少，群众出行不便，建议统筹规划，分步解决。';

/** The rows of a newly submitted proposal, as the subgraph would store them. */
function submittedRows(id: string, n: number, at: Date): ProposalRows {
  return {
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
    round: 1,
    yellowFrom: null,
    crossTermOutcome: null,
    crossTermSortedIn: null,
    publishedAt: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
    suggestions: suggestionTexts.map((text, i) => ({ seq: i + 1, text })),
    handlingUnits: [],
    replies: [],
    evaluations: [],
    reviews: [],
    leaders: [],
    urges: [],
    followUps: [],
    crossTermVotes: [],
  };
}

let written = 0;
const sink: OutboxAddress = { schema: countySchema, origin: county };

/** `count` new proposals with their suggestions and `proposal.submitted` events, in one transaction. */
async function writeProposals(db: RegionClient, count = 1) {
  const at = new Date();
  const proposals = Array.from({ length: count }, () => submittedRows(newId(), ++written, at));
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(
      `INSERT INTO proposal (id, region, term, session, title, body, keywords, category,
         collective_proposer, submitted_at, created_at, updated_at)
       SELECT p.id, $2, 10, 3, p.title, $3, ARRAY['民生实事'], 'URBAN_RURAL_DEVELOPMENT', $4,
         $5::timestamptz, $5::timestamptz, $5::timestamptz
         FROM unnest($1::uuid[], $6::text[]) AS p(id, title)`,
      proposals.map((p) => p.id),
      county,
      body,
      '民建南浔区基层委员会',
      at.toISOString(),
      proposals.map((p) => p.title),
    );
    await tx.$executeRawUnsafe(
      `INSERT INTO proposal_suggestion (proposal_id, seq, text)
       SELECT p.id, s.seq, s.text FROM unnest($1::uuid[]) AS p(id),
         unnest($2::text[]) WITH ORDINALITY AS s(text, seq)`,
      proposals.map((p) => p.id),
      suggestionTexts,
    );
    await recordEvents(
      tx,
      sink,
      proposals.map((rows) => proposalEvent('submitted', rows)),
    );
  });
}

// ---------------------------------------------------------------------------------------
// The watchdog: a run stops, naming why, as soon as an event is parked or nothing moves.

interface Progress {
  applied: number;
  published: number;
  outboxed: number;
}

function startWatchdog(pool: pg.Pool) {
  let failure: Error | undefined;
  let watching = false;
  let last = '';
  let lastMoved = Date.now();
  let busy = false;
  const count = async (sql: string) =>
    Number((await pool.query<{ n: number }>(sql)).rows[0]?.n ?? 0);
  // Counted on the unpublished rows' partial index: a count of the published ones read the
  // whole outbox twice a second, a core's fifth taken from what the run measures.
  const progressNow = async (): Promise<Progress> => {
    const outboxed = await count(
      `SELECT coalesce(max(seq), 0)::int AS n FROM "${countySchema}"._outbox`,
    );
    const unpublished = await count(
      `SELECT count(*)::int AS n FROM "${countySchema}"._outbox WHERE published_at IS NULL`,
    );
    return {
      applied: await count(
        `SELECT count(*)::int AS n FROM "${provinceSchema}"._replica_version WHERE origin_region = '${county}'`,
      ),
      published: outboxed - unpublished,
      outboxed,
    };
  };
  async function tick() {
    if (busy || failure) return;
    busy = true;
    try {
      for (const schema of [provinceSchema, countySchema]) {
        const { rows } = await pool.query<{ n: number; reason: string | null }>(
          `SELECT count(*)::int AS n, min(reason) AS reason FROM "${schema}"._dead_letter`,
        );
        const parked = rows[0];
        if (parked && parked.n > 0) {
          failure = new Error(
            `${parked.n} event(s) parked in ${schema}._dead_letter, e.g.: ${parked.reason}`,
          );
          return;
        }
      }
      if (!watching) return;
      const now = await progressNow();
      const key = `${now.applied}/${now.published}/${now.outboxed}`;
      if (key !== last) {
        last = key;
        lastMoved = Date.now();
      } else if (Date.now() - lastMoved > stallMs) {
        failure = new Error(
          `nothing moved for ${stallMs / 1000} s: ${now.applied.toLocaleString()} of ${written.toLocaleString()} events applied at ${province}, ${(now.outboxed - now.published).toLocaleString()} unpublished at ${county}`,
        );
      }
    } finally {
      busy = false;
    }
  }
  const timer = setInterval(() => {
    tick().catch((error: unknown) => {
      failure ??= new Error('the watchdog could not read the database', { cause: error });
    });
  }, 500);
  return {
    /** Throws the reason the run must stop, if there is one. */
    check() {
      if (failure) throw failure;
    },
    /** Expect replication to move (while a phase waits on it), or not (the raw limits). */
    watch(on: boolean) {
      watching = on;
      lastMoved = Date.now();
    },
    /** One last look, so a parked event is never missed by a phase that ended between ticks. */
    async final() {
      await tick();
      if (failure) throw failure;
    },
    stop: () => clearInterval(timer),
  };
}
type Watchdog = ReturnType<typeof startWatchdog>;
let watchdog: Watchdog | undefined;

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

/** A phase's figures, only if every one of its `expected` events reached the province. */
function complete(phase: string, figures: PhaseFigures, expected: number): PhaseFigures {
  if (figures.events !== expected || !figures.lastApplied)
    throw new Error(
      `${phase}: ${figures.events.toLocaleString()} of ${expected.toLocaleString()} events applied at ${province}; no figure for it`,
    );
  return figures;
}

const database = await createTestDatabase('bench_replication');
const pool = new pg.Pool({ connectionString: database.url, max: writerCount + 3 });
const nats = await ensureNats({ config: buildNatsConfig([county, province]) });
const countyNode = await nodeProcess(county, database.url, nats.url);
const provinceNode = await nodeProcess(province, database.url, nats.url);

try {
  await provisionAccounts(nats.url, [county, province]);
  await countyNode.start();
  await provinceNode.start();
  const db = createSqlClient(pool, countySchema);
  const dog = startWatchdog(pool);
  watchdog = dog;

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
    await dog.final();
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

  dog.watch(true);
  // Warm both nodes up (JIT, connections, the consumer) so the first phase is not a start-up.
  for (let i = 0; i < 50; i++) await writeProposals(db);
  await untilApplied('warm-up');
  const envelopeBytes = Number(
    (
      await pool.query(
        `SELECT avg(octet_length(envelope::text))::int AS b FROM "${countySchema}"._outbox`,
      )
    ).rows[0].b,
  );

  // (a) Sustained: a pool of writers as fast as they can; the province applies what arrives.
  progress(
    `(a) ${sustainedEvents.toLocaleString()} events from ${writerCount} writers, ${writeBatch} a transaction`,
  );
  const sustainedFrom = await lastSeq();
  let claimed = 0;
  const writeStarted = Date.now();
  await Promise.all(
    Array.from({ length: writerCount }, async () => {
      while (claimed < sustainedEvents) {
        dog.check();
        const count = Math.min(writeBatch, sustainedEvents - claimed);
        claimed += count;
        await writeProposals(db, count);
      }
    }),
  );
  const writeMs = Date.now() - writeStarted;
  await untilApplied('(a) sustained');
  const sustained = complete(
    '(a) sustained',
    await phaseFigures(sustainedFrom, await lastSeq()),
    sustainedEvents,
  );

  // (b) Lag at fixed rates: what fell due in each tick written in one transaction, started
  // on schedule whether or not earlier ones have finished. Not one proposal a transaction:
  // each of a region's transactions holds its tally rows (migrations 0004, 0006) until it
  // commits, so a county's commits take turns (one a transaction reached 88/s here).
  const lags: { rate: number; figures: PhaseFigures; achieved: number }[] = [];
  const tickMs = 20;
  for (const rate of lagRates) {
    progress(`(b) ${rate} events/s for ${lagSeconds} s`);
    const from = await lastSeq();
    const total = Math.round(rate * lagSeconds);
    const started = Date.now();
    const inFlight: Promise<void>[] = [];
    for (let tick = 1, sent = 0; sent < total; tick++) {
      dog.check();
      const due = started + tick * tickMs;
      if (due > Date.now()) await sleep(due - Date.now());
      const count = Math.min(total, Math.round((rate * tick * tickMs) / 1000)) - sent;
      sent += count;
      if (count > 0) inFlight.push(writeProposals(db, count));
    }
    await Promise.all(inFlight);
    const achieved = total / seconds(Date.now() - started);
    await untilApplied(`(b) ${rate}/s`);
    const figures = complete(`(b) ${rate}/s`, await phaseFigures(from, await lastSeq()), total);
    lags.push({ rate, figures, achieved });
  }

  // (c) Catch-up: both nodes are down while the backlog is written; then the county's relay
  // drains it to JetStream, and then the province applies it.
  progress(`(c) ${backlogEvents.toLocaleString()} events written while both nodes are down`);
  dog.watch(false);
  await provinceNode.stop();
  await countyNode.stop();
  const backlogFrom = await lastSeq();
  const insertStarted = Date.now();
  for (let done = 0; done < backlogEvents; ) {
    dog.check();
    const batch = Math.min(1_000, backlogEvents - done);
    const at = new Date();
    await db.$transaction((tx) =>
      recordEvents(
        tx,
        sink,
        Array.from({ length: batch }, () =>
          proposalEvent('submitted', submittedRows(newId(), ++written, at)),
        ),
      ),
    );
    done += batch;
  }
  const insertMs = Date.now() - insertStarted;
  dog.watch(true);
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
  const backlog = complete(
    '(c) catch-up',
    await phaseFigures(backlogFrom, await lastSeq()),
    backlogEvents,
  );
  // the limits below do not touch replication: only parked events still stop the run
  dog.watch(false);

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
      const at = new Date();
      await pool.query(
        `INSERT INTO bench_raw.snapshot AS s (id, version, snapshot)
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::jsonb[])
         ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, snapshot = EXCLUDED.snapshot
          WHERE s.version < EXCLUDED.version`,
        [
          batch,
          batch.map(() => version),
          batch.map((id, j) =>
            JSON.stringify(
              proposalEvent('submitted', submittedRows(id, i + j, at)).payload.snapshot,
            ),
          ),
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
  // The apply rate: from the first event applied, the node's start-up (process, migrations,
  // consumers) aside; the row counted from the start shows what the start-up adds.
  const catchUpApplyMs = spanMs(backlog.firstApplied, backlog.lastApplied);
  const catchUpRate = perSecond(backlog.events, catchUpApplyMs);
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
    [`    county writes (${writeBatch} records + events a transaction)`, sustained.events, writeMs],
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
    ['    province: first → last applied (catch-up)', backlog.events, catchUpApplyMs],
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
  const lag1000p99 = lags.find((lag) => lag.rate === 1_000)?.figures.p99 ?? Number.NaN;
  const targets: [string, string, string, string][] = [
    ['(a) sustained ≥ 5,000 events/s', fmt(sustainedRate), '5,000', pct(sustainedRate, 5_000)],
    [
      '(c) catch-up ≥ 50 % of (e) new-row upserts',
      fmt(catchUpRate),
      fmt(pgInsertRate / 2),
      pct(catchUpRate, pgInsertRate / 2),
    ],
    [
      '(b) lag p99 ≤ 200 ms at 1,000 events/s (lower is better)',
      `${fmt(lag1000p99)} ms`,
      '200 ms',
      `${fmt(lag1000p99 / 200, 1)}×`,
    ],
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
      ...table(
        ['targets (printed, not asserted)', 'ours', 'target', 'ratio'],
        targets.map(([label, ours, target, ratio]) => [label, ours, target, ratio]),
      ),
      '',
    ].join('\n'),
  );
  const lag1000 = lags.find((lag) => lag.rate === 1_000)?.figures;
  const summary: [string, string][] = [
    ['sustained_eps', fmt(sustainedRate)],
    ['catchup_eps', fmt(catchUpRate)],
    ['catchup_from_start_eps', fmt(perSecond(backlog.events, catchUpMs))],
    ['pg_limit_rps', fmt(pgInsertRate)],
    ['nats_limit_mps', fmt(natsWindowRate)],
    ['lag_p99_ms_at_1000', fmt(lag1000?.p99 ?? Number.NaN)],
    ['lag_p50_ms_at_1000', fmt(lag1000?.p50 ?? Number.NaN)],
    ['written_eps_at_1000', fmt(lags.find((lag) => lag.rate === 1_000)?.achieved ?? Number.NaN)],
    ['county_write_eps', fmt(perSecond(sustained.events, writeMs))],
    ['relay_drain_eps', fmt(relayRate)],
    ['nats_serial_mps', fmt(natsSerialRate)],
    ['events', String(sustained.events)],
    ['backlog', String(backlog.events)],
  ];
  console.log(`replication ${summary.map(([k, v]) => `${k}=${v.replaceAll(',', '')}`).join(' ')}`);
} catch (error) {
  process.exitCode = 1;
  console.error(`\nreplication bench failed: ${error instanceof Error ? error.message : error}`);
  if (error instanceof Error && error.cause) console.error(error.cause);
} finally {
  watchdog?.stop();
  await provinceNode.stop();
  await countyNode.stop();
  await pool.end();
  await nats.stop();
  await database.drop();
}
