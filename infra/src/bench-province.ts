// `npm run bench:province`: the province at scale. Phases run in order and each adds its
// figures to one summary line:
//   1. apply (bench-province-apply.ts): the province demo's nodes, 90 counties writing at
//      once, the province's aggregate apply rate and lag p99;
//   2. queries: 1,000,000 proposals across Zhejiang's 102 committees in the province's
//      replicas, put there by the proposals subgraph's own replication handler, then the
//      p50/p95/p99 latency of the consolidated queries through its GraphQL.
// Any failure (loading, a query's error) stops the run, names the reason, exits non-zero.
import { availableParallelism } from 'node:os';
import { type ProposalRows, proposalEvent, proposalsSubgraph } from '@huishang/proposals';
import { childrenOf, type EventEnvelope, getCommitteeRegion, type Region } from '@huishang/schema';
import { buildSubgraphApp, developmentInternalSecret, newId } from '@huishang/subgraph-kit';
import { createTestDatabase, identityHeaders } from '@huishang/subgraph-kit/testing';
import pg from 'pg';
import { applyPhase } from './bench-province-apply.js';
import { createRandom, pick, proposalText } from './seed/proposal-history.js';

const province = '330000';

const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
/** Proposals across the province's 102 committees. */
const proposalCount = setting('BENCH_PROPOSALS', 1_000_000);
/**
 * Of them, those applied through the replication handler (its multi-row apply: about 650/s
 * here, 1000 a batch, 3 batches at once, on 2 shared cores), so loading stays within a few
 * minutes; the rest are copies of these made in SQL (new ids, the same regions, states and
 * texts). Set it to BENCH_PROPOSALS to apply all of them (about 25 minutes here).
 */
const appliedCount = Math.min(proposalCount, setting('BENCH_APPLIED_PROPOSALS', 100_000));
/** Proposals a transaction, each handed to the replication handler as one batch. */
const loadBatch = setting('BENCH_LOAD_BATCH', 1_000);
/** Loading transactions at once. */
const loadConcurrency = setting('BENCH_LOAD_CONCURRENCY', 3);
const queryRuns = setting('BENCH_QUERY_RUNS', 200);
/**
 * A database a run with BENCH_KEEP_DATABASE=1 left loaded: its proposals are kept (the
 * subgraph's migrations still run on it) and only the queries are measured (phase 1, the
 * counties writing, is left out), for trying a query change without loading again.
 */
const reuseDatabaseUrl = process.env.BENCH_DATABASE_URL;
/** Keep the loaded database at the end and print its URL. */
const keepDatabase = process.env.BENCH_KEEP_DATABASE === '1';
const warmUpRuns = setting('BENCH_WARMUP_RUNS', 20);

const progress = (line: string) => process.stderr.write(`  … ${line}\n`);
const fmt = (n: number | undefined, digits = 0) =>
  n === undefined || !Number.isFinite(n)
    ? 'n/a'
    : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** What each phase contributes to the summary; a phase that has not run leaves n/a. */
interface ProvinceFigures {
  applyEps?: number;
  lagP99Ms?: number;
  queries?: QueryLatency[];
  loadSeconds?: number;
  applySeconds?: number;
  copySeconds?: number;
  proposals?: number;
}

interface QueryLatency {
  name: string;
  p50: number;
  p95: number;
  p99: number;
  /** Something the answer says, to show it counted what was loaded. */
  answer: string;
}

// ---------------------------------------------------------------------------------------
// The province's committees and how many proposals each has.

async function zhejiangCommittees(): Promise<Region[]> {
  const cities = await childrenOf(province);
  const counties = (await Promise.all(cities.map((city) => childrenOf(city.code)))).flat();
  return [getCommitteeRegion(province), ...cities, ...counties];
}

/** Shares of the total: the province 2.5 %, each city 1.5 %, the counties the rest alike. */
function proposalsPerRegion(regions: Region[], total: number): Map<string, number> {
  const counts = new Map<string, number>();
  const counties = regions.filter((r) => r.level === 'COUNTY');
  let left = total;
  for (const region of regions) {
    if (region.level === 'COUNTY') continue;
    const n = Math.round(total * (region.level === 'PROVINCE' ? 0.025 : 0.015));
    counts.set(region.code, n);
    left -= n;
  }
  counties.forEach((county, i) => {
    const n = Math.floor(left / counties.length) + (i < left % counties.length ? 1 : 0);
    counts.set(county.code, n);
  });
  return counts;
}

// ---------------------------------------------------------------------------------------
// One committee's proposals, in the states a year's work leaves them in.

type Status = ProposalRows['status'];
/** Where the year leaves proposals, with weights. */
const statusMix: [Status, number][] = [
  ['SUBMITTED', 3],
  ['SIGNED_IN', 2],
  ['PRE_REVIEWED', 2],
  ['REGISTERED', 5],
  ['DECLINED', 3],
  ['CONVERTED', 3],
  ['ASSIGNED', 20],
  ['SECOND_ROUND', 2],
  ['REPLIED', 15],
  ['EVALUATED', 25],
  ['CLOSED', 20],
];
const statusTotal = statusMix.reduce((n, [, w]) => n + w, 0);
const order: Status[] = [
  'SUBMITTED',
  'SIGNED_IN',
  'PRE_REVIEWED',
  'REGISTERED',
  'ASSIGNED',
  'REPLIED',
  'EVALUATED',
  'SECOND_ROUND',
  'CLOSED',
];
const outcomes = ['ADOPTED', 'PARTLY_ADOPTED', 'EXPLAINED', 'NOT_ADOPTED'] as const;
const collectiveProposers = [
  '民革',
  '民盟',
  '民建',
  '民进',
  '农工党',
  '致公党',
  '九三学社',
  '工商联',
];
const dayMs = 86_400_000;
const day = (at: Date) => new Date(`${at.toISOString().slice(0, 10)}T00:00:00Z`);

function createProposalMaker(region: Region, seed: number, now: Date) {
  const random = createRandom(seed);
  const members = Array.from({ length: 200 }, () => newId());
  const numbers = new Map<string, number>();
  const weighted = () => {
    let r = random() * statusTotal;
    for (const [status, weight] of statusMix) {
      r -= weight;
      if (r < 0) return status;
    }
    return 'CLOSED' as Status;
  };
  return (): ProposalRows => {
    const status = weighted();
    const reached = (s: Status) =>
      status === s ||
      (order.includes(status) && order.indexOf(status) >= order.indexOf(s)) ||
      (['DECLINED', 'CONVERTED'].includes(status) && order.indexOf(s) <= 2);
    const term = random() < 0.7 ? 13 : 12;
    const session = 1 + Math.floor(random() * (term === 13 ? 3 : 5));
    const text = proposalText(region.code, random);
    const id = newId();
    const handling = status === 'ASSIGNED' || status === 'SECOND_ROUND';
    // under handling: assigned up to 150 days ago with 90 days to answer, so now is red,
    // yellow or green; otherwise a point in the term's sessions
    const assignedAt = handling
      ? new Date(now.getTime() - random() * 150 * dayMs)
      : new Date(Date.UTC(term === 13 ? 2023 : 2018, 2, 1) + (session - 1) * 365 * dayMs);
    const submittedAt = new Date(assignedAt.getTime() - (20 + random() * 40) * dayMs);
    const registeredAt = reached('REGISTERED')
      ? new Date(submittedAt.getTime() + 10 * dayMs)
      : null;
    const assigned = reached('ASSIGNED');
    const deadline = assigned ? day(new Date(assignedAt.getTime() + 90 * dayMs)) : null;
    const repliedAt =
      reached('REPLIED') && !handling
        ? new Date(assignedAt.getTime() + (30 + random() * 80) * dayMs)
        : status === 'SECOND_ROUND'
          ? new Date(assignedAt.getTime() + 20 * dayMs)
          : null;
    let number: number | null = null;
    if (registeredAt) {
      const key = `${term}/${session}`;
      number = (numbers.get(key) ?? 0) + 1;
      numbers.set(key, number);
    }
    const suggestions = text.suggestions.map((t, i) => ({ seq: i + 1, text: t }));
    const seqs = suggestions.map((s) => s.seq);
    const withCo = random() < 0.4;
    const handlingUnits = assigned
      ? [
          { name: text.leadUnit, role: 'LEAD' as const, suggestionSeqs: seqs },
          ...(withCo ? [{ name: text.coUnit, role: 'CO' as const, suggestionSeqs: [1] }] : []),
        ]
      : [];
    const replies =
      repliedAt && assigned
        ? suggestions.map((s) => {
            const outcome = pick(random, outcomes);
            return {
              suggestionSeq: s.seq,
              unit: text.leadUnit,
              round: 1,
              outcome,
              text: `${outcome === 'ADOPTED' ? '已采纳' : '已研究'}：${s.text}`,
              repliedAt,
            };
          })
        : [];
    const evaluatedAt = repliedAt && new Date(repliedAt.getTime() + 15 * dayMs);
    const rating =
      status === 'SECOND_ROUND'
        ? 'UNSATISFIED'
        : random() < 0.75
          ? 'SATISFIED'
          : random() < 0.7
            ? 'BASIC'
            : 'UNSATISFIED';
    const evaluations =
      evaluatedAt && ['EVALUATED', 'SECOND_ROUND', 'CLOSED'].includes(status)
        ? [
            {
              by: 'PROPOSER' as const,
              round: 1,
              rating: rating as 'SATISFIED' | 'BASIC' | 'UNSATISFIED',
              comment: null,
              evaluator: '提案者',
              evaluatedAt,
            },
            ...(status === 'CLOSED'
              ? [
                  {
                    by: 'UNIT' as const,
                    round: 1,
                    rating: 'SATISFIED' as const,
                    comment: null,
                    evaluator: text.leadUnit,
                    evaluatedAt,
                  },
                ]
              : []),
          ]
        : [];
    const reviewer = `${region.name}政协提案委`;
    const reviews = [
      ...(reached('SIGNED_IN') ? [['SIGN_IN', 'PASSED'] as const] : []),
      ...(reached('PRE_REVIEWED') ? [['PRE_REVIEW', 'PASSED'] as const] : []),
      ...(reached('REGISTERED')
        ? [['FINAL_REVIEW', 'REGISTERED'] as const]
        : status === 'DECLINED' || status === 'CONVERTED'
          ? [['FINAL_REVIEW', status] as const]
          : []),
    ].map(([step, decision], i) => ({
      seq: i + 1,
      step,
      decision,
      reviewer,
      reason: decision === 'DECLINED' ? '不属于提案受理范围' : null,
      reviewedAt: new Date(submittedAt.getTime() + (i + 1) * 3 * dayMs),
    }));
    const isKey = assigned && random() < 0.03;
    const collective = random() < 0.3;
    const updatedAt = evaluatedAt ?? repliedAt ?? (assigned ? assignedAt : submittedAt);
    const crossTermOutcome =
      term === 12 && registeredAt && random() < 0.5
        ? pick(random, ['DONE', 'HARD_FOR_NOW', 'CONTINUE', 'START'] as const)
        : null;
    return {
      id,
      region: region.code,
      number,
      term,
      session,
      title: text.title,
      body: text.body,
      keywords: text.keywords,
      category: text.category as ProposalRows['category'],
      status,
      proposerId: collective ? null : pick(random, members),
      coProposerIds: collective ? [] : [pick(random, members)],
      collectiveProposer: collective
        ? `${pick(random, collectiveProposers)}${region.name}委员会`
        : null,
      isKey,
      deadline,
      submittedAt,
      registeredAt,
      assignedAt: assigned ? assignedAt : null,
      repliedAt,
      round: status === 'SECOND_ROUND' ? 2 : 1,
      yellowFrom: deadline && new Date(deadline.getTime() - 15 * dayMs),
      crossTermOutcome,
      crossTermSortedIn: crossTermOutcome ? 13 : null,
      publishedAt: repliedAt && random() < 0.2 ? updatedAt : null,
      version:
        1 + reviews.length + (assigned ? 1 : 0) + (replies.length ? 1 : 0) + evaluations.length,
      createdAt: submittedAt,
      updatedAt,
      suggestions,
      handlingUnits,
      replies,
      evaluations,
      reviews,
      leaders: isKey ? [{ seq: 1, name: '副市长', post: `${region.name}人民政府副市长` }] : [],
      urges:
        handling && deadline && deadline < now
          ? [{ seq: 1, kind: 'REMIND', by: reviewer, note: '请抓紧办理', at: now }]
          : [],
      followUps: [],
      crossTermVotes: [],
    };
  };
}

/** The event the owner would have published for the proposal's state. */
function envelopeOf(rows: ProposalRows): EventEnvelope {
  const event = proposalEvent('imported', rows);
  return {
    eventId: newId(),
    type: event.type,
    schemaVersion: 1,
    occurredAt: rows.updatedAt.toISOString(),
    originRegion: rows.region,
    aggregate: event.aggregate,
    payload: event.payload,
    trace: {},
  };
}

// ---------------------------------------------------------------------------------------
// Phase 2: the consolidated queries at a million proposals.

type ProposalsApp = Awaited<ReturnType<typeof buildSubgraphApp>>;

async function loadProposals(app: ProposalsApp, regions: Region[], now: Date) {
  const handler = proposalsSubgraph.replication;
  if (!handler) throw new Error('the proposals subgraph keeps no replicas');
  type Tx = Parameters<typeof handler.apply>[0];
  // the region's Prisma client: an interactive transaction, as the kit's consumer opens one
  const { databases } = app as unknown as { databases: { of(region: string): unknown } };
  const db = databases.of(province) as {
    $transaction<T>(
      fn: (tx: Tx) => Promise<T>,
      options?: { timeout?: number; maxWait?: number },
    ): Promise<T>;
  };
  const counts = proposalsPerRegion(regions, appliedCount);
  // batches in turn across regions, so every region fills as the load goes
  const makers = regions.map((region, i) => ({
    make: createProposalMaker(region, 9_000 + i, now),
    left: counts.get(region.code) ?? 0,
  }));
  let cursor = 0;
  const nextBatch = (): ProposalRows[] => {
    const batch: ProposalRows[] = [];
    while (batch.length < loadBatch && makers.some((m) => m.left > 0)) {
      const maker = makers[cursor++ % makers.length];
      if (!maker || maker.left === 0) continue;
      const n = Math.min(maker.left, loadBatch - batch.length, 50);
      for (let i = 0; i < n; i++) batch.push(maker.make());
      maker.left -= n;
    }
    return batch;
  };
  let loaded = 0;
  let lastReport = Date.now();
  const started = Date.now();
  await Promise.all(
    Array.from({ length: loadConcurrency }, async () => {
      for (;;) {
        const batch = nextBatch();
        if (batch.length === 0) return;
        const events = batch.map(envelopeOf);
        await db.$transaction((tx) => handler.apply(tx, events), {
          timeout: 600_000,
          maxWait: 600_000,
        });
        loaded += batch.length;
        if (Date.now() - lastReport > 10_000) {
          lastReport = Date.now();
          const rate = loaded / ((Date.now() - started) / 1000);
          progress(
            `${loaded.toLocaleString()} of ${appliedCount.toLocaleString()} applied, ${fmt(rate)}/s`,
          );
        }
      }
    }),
  );
  return (Date.now() - started) / 1000;
}

/** Child tables in the order their foreign keys allow. */
const childTables = [
  'proposal_suggestion',
  'handling_unit',
  'item_reply',
  'follow_up',
  'proposal_evaluation',
  'proposal_review',
  'key_proposal_leader',
  'handling_urge',
  'cross_term_vote',
];

/**
 * Copies of the applied proposals until there are `proposalCount`: each copy a new id (and
 * 案号 moved past the originals'), its child rows with it, in transactions of one copy of
 * every applied proposal, `loadConcurrency` at once. The tallies' triggers count every copy.
 */
async function copyProposals(pool: pg.Pool, schema: string) {
  const copies = Math.ceil(proposalCount / appliedCount) - 1;
  if (copies <= 0) return 0;
  const started = Date.now();
  const columnsOf = async (table: string) =>
    (
      await pool.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns
          WHERE table_schema = $1 AND table_name = $2 AND is_generated = 'NEVER'
          ORDER BY ordinal_position`,
        [schema, table],
      )
    ).rows.map((r) => r.column_name);
  const q = (name: string) => `"${name}"`;
  const proposalColumns = await columnsOf('proposal');
  const children = await Promise.all(
    childTables.map(async (table) => ({ table, columns: await columnsOf(table) })),
  );
  await pool.query(`CREATE TABLE "${schema}".bench_copy (k int, old uuid, new uuid, n int);
    INSERT INTO "${schema}".bench_copy
      SELECT k, p.id, gen_random_uuid(), row_number() OVER (PARTITION BY k ORDER BY p.id)::int
        FROM "${schema}".proposal p, generate_series(1, ${copies}) k;
    CREATE INDEX ON "${schema}".bench_copy (k, old)`);
  const last = proposalCount - appliedCount * copies; // the last copy is partial
  let next = 1;
  let done = 0;
  await Promise.all(
    Array.from({ length: loadConcurrency }, async () => {
      for (;;) {
        const k = next++;
        if (k > copies) return;
        const limit = k === copies ? last : appliedCount;
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const select = proposalColumns
            .map((c) =>
              c === 'id' ? 'm.new' : c === 'number' ? `p.number + ${k} * 100000` : `p.${q(c)}`,
            )
            .join(', ');
          await client.query(
            `INSERT INTO "${schema}".proposal (${proposalColumns.map(q).join(', ')})
             SELECT ${select} FROM "${schema}".proposal p
               JOIN "${schema}".bench_copy m ON m.k = $1 AND m.old = p.id AND m.n <= $2`,
            [k, limit],
          );
          for (const { table, columns } of children) {
            const cols = columns.map((c) => (c === 'proposal_id' ? 'm.new' : `c.${q(c)}`));
            await client.query(
              `INSERT INTO "${schema}".${table} (${columns.map(q).join(', ')})
               SELECT ${cols.join(', ')} FROM "${schema}".${table} c
                 JOIN "${schema}".bench_copy m ON m.k = $1 AND m.old = c.proposal_id AND m.n <= $2`,
              [k, limit],
            );
          }
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw new Error(`copy ${k} of the applied proposals failed`, { cause: error });
        } finally {
          client.release();
        }
        done += 1;
        if (done % 10 === 0)
          progress(`${done} of ${copies} copies, ${fmt((Date.now() - started) / 1000)} s`);
      }
    }),
  );
  await pool.query(`DROP TABLE "${schema}".bench_copy`);
  return (Date.now() - started) / 1000;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

async function measure(
  app: ProposalsApp,
  name: string,
  query: string,
  answerOf: (data: Record<string, unknown>) => string,
): Promise<QueryLatency> {
  const headers = await identityHeaders({ region: province, roles: ['staff'] });
  const run = async () => {
    const begun = performance.now();
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers,
      payload: { query },
    });
    const ms = performance.now() - begun;
    const body = response.json();
    if (response.statusCode !== 200 || body.errors)
      throw new Error(`${name} failed (${response.statusCode}): ${JSON.stringify(body.errors)}`);
    return { ms, data: body.data };
  };
  for (let i = 0; i < warmUpRuns; i++) await run();
  const times: number[] = [];
  let last: Record<string, unknown> = {};
  for (let i = 0; i < queryRuns; i++) {
    const { ms, data } = await run();
    times.push(ms);
    last = data;
  }
  times.sort((a, b) => a - b);
  return {
    name,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    answer: answerOf(last),
  };
}

const statisticsQuery = `{
  proposalStatistics(region: "${province}") {
    total { total byStatus { status count } byCategory { category count } byColour { colour count }
            averageHandlingDays satisfactionRate byCrossTermOutcome { outcome count } }
    byRegion { region { code } total byColour { colour count } averageHandlingDays satisfactionRate }
  }
}`;
const colourQuery = `{
  proposalsByColour(region: "${province}", includeSubregions: true, first: 20) {
    totalCount
    edges { node { id title status deadline } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const searchQuery = `{
  searchProposals(query: "养老服务", region: "${province}", includeSubregions: true,
                  status: ASSIGNED, term: 13, first: 20) {
    totalCount
    hits { rank proposal { id title status } }
  }
}`;

async function queriesPhase(figures: ProvinceFigures) {
  const database = reuseDatabaseUrl
    ? { url: reuseDatabaseUrl, drop: async () => undefined }
    : await createTestDatabase('bench_province');
  const pool = new pg.Pool({ connectionString: database.url, max: loadConcurrency + 3 });
  try {
    const app = await buildSubgraphApp(
      proposalsSubgraph,
      {
        host: '127.0.0.1',
        port: 0,
        databaseUrl: database.url,
        internalSecret: developmentInternalSecret,
        hosting: { mode: 'multi', regions: [province] },
        poolSize: loadConcurrency + 3,
      },
      { pool },
    );
    try {
      const regions = await zhejiangCommittees();
      const now = new Date();
      progress(
        `loading ${proposalCount.toLocaleString()} proposals across ${regions.length} committees, ${loadBatch} a transaction, ${loadConcurrency} at once`,
      );
      const schema = `proposals_${province}`;
      if (!reuseDatabaseUrl) {
        figures.applySeconds = await loadProposals(app, regions, now);
        progress(`copying them up to ${proposalCount.toLocaleString()} proposals`);
        figures.copySeconds = await copyProposals(pool, schema);
        figures.loadSeconds = figures.applySeconds + figures.copySeconds;
      } else progress(`reusing the proposals of ${reuseDatabaseUrl}`);
      const loaded = Number(
        (await pool.query(`SELECT count(*)::int AS n FROM "${schema}".proposal`)).rows[0].n,
      );
      if (loaded !== proposalCount)
        throw new Error(`loading left ${loaded} proposals, not ${proposalCount}`);
      figures.proposals = loaded;
      // the load rewrote each tally row thousands of times in minutes (ten dead versions a
      // live one, more than autovacuum clears meanwhile); steady writes leave it no such debt
      for (const table of ['proposal', 'handling_unit'])
        await pool.query(`ANALYZE "${schema}".${table}`);
      for (const table of [
        'proposal_status_tally',
        'proposal_category_tally',
        'proposal_outcome_tally',
        'proposal_deadline_tally',
        'proposal_rating_tally',
      ])
        await pool.query(`VACUUM ANALYZE "${schema}".${table}`);
      progress(`queries: ${warmUpRuns} warm-up and ${queryRuns} measured runs each`);
      // biome-ignore lint/suspicious/noExplicitAny: answers are read by path
      type Data = Record<string, any>;
      figures.queries = [
        await measure(app, 'proposalStatistics(region: "330000")', statisticsQuery, (d: Data) => {
          const total = d.proposalStatistics.total;
          if (total.total !== proposalCount)
            throw new Error(`proposalStatistics counted ${total.total}, not ${proposalCount}`);
          return `total ${total.total}, ${d.proposalStatistics.byRegion.length} regions`;
        }),
        await measure(
          app,
          'proposalsByColour(region: "330000", includeSubregions: true)',
          colourQuery,
          (d: Data) => `totalCount ${d.proposalsByColour.totalCount}`,
        ),
        await measure(
          app,
          'searchProposals("养老服务", status ASSIGNED, term 13)',
          searchQuery,
          (d: Data) => `totalCount ${d.searchProposals.totalCount}`,
        ),
      ];
    } finally {
      await app.close();
    }
  } finally {
    await pool.end();
    if (keepDatabase) progress(`kept the database: BENCH_DATABASE_URL=${database.url}`);
    else await database.drop();
  }
}

// ---------------------------------------------------------------------------------------

const figures: ProvinceFigures = {};
try {
  // Phase 1: the counties writing at once through the province demo's node host.
  if (!reuseDatabaseUrl) {
    const apply = await applyPhase({
      writeSeconds: setting('BENCH_WRITE_SECONDS', 45),
      catchUpSeconds: setting('BENCH_CATCH_UP_SECONDS', 60),
      stallSeconds: 30,
      progress,
    });
    figures.applyEps = apply.applyEps;
    figures.lagP99Ms = apply.lagP99Ms;
    console.log(
      `\napply: ${fmt(apply.events)} events (${fmt(apply.proposals)} proposals) written by ${apply.counties} counties in ${fmt(apply.writeSeconds, 1)} s (${fmt(apply.events / apply.writeSeconds)}/s, ${apply.failures} failed writes${apply.firstFailure ? `, first: ${apply.firstFailure}` : ''}), all applied at the province ${fmt(apply.applySeconds, 1)} s after the first: ${fmt(apply.applyEps)} events/s; lag occurredAt → applied p50 ${fmt(apply.lagP50Ms)} ms, p99 ${fmt(apply.lagP99Ms)} ms, max ${fmt(apply.lagMaxMs)} ms`,
    );
  }
  await queriesPhase(figures);
  const q = figures.queries ?? [];
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(62) : c.padStart(9))).join(' ');
  console.log(
    [
      '',
      `huishang province bench: Zhejiang ${province}, ${availableParallelism()} CPUs, Node ${process.version}`,
      `${fmt(appliedCount)} proposals applied through the replication handler in ${fmt(figures.applySeconds, 1)} s (${fmt(appliedCount / (figures.applySeconds ?? Number.NaN))}/s), copied in SQL up to ${fmt(figures.proposals)} in ${fmt(figures.copySeconds, 1)} s`,
      '',
      line(['query at the province (target p95 < 50 ms)', 'p50 ms', 'p95 ms', 'p99 ms']),
      ...q.flatMap((r) => [
        line([r.name, fmt(r.p50, 1), fmt(r.p95, 1), fmt(r.p99, 1)]),
        `    ${r.answer}`,
      ]),
      '',
    ].join('\n'),
  );
  // The summary is for machines: plain numbers, no thousands separators.
  const plain = (n: number | undefined, digits = 0) =>
    n === undefined || !Number.isFinite(n) ? 'n/a' : n.toFixed(digits);
  console.log(
    `province apply_eps=${plain(figures.applyEps)} lag_p99_ms=${plain(figures.lagP99Ms)} stats_p95_ms=${plain(q[0]?.p95, 1)} colour_p95_ms=${plain(q[1]?.p95, 1)} search_p95_ms=${plain(q[2]?.p95, 1)} proposals=${figures.proposals ?? 'n/a'} load_s=${plain(figures.loadSeconds)}`,
  );
} catch (error) {
  process.exitCode = 1;
  console.error(`\nprovince bench failed: ${error instanceof Error ? error.message : error}`);
  if (error instanceof Error && error.cause) console.error(error.cause);
}
