// `npm run bench:dashboard [-- --proposals N]`: how long the province's 驾驶舱 takes to get
// its figures when Zhejiang holds a million proposals (issue 13: "a province with a million
// proposals paints in under a second"), against the same at 10,000 in the same run.
//
// The load. Zhejiang's 90 counties' proposals are written straight into the province's
// replica of its subtree (`proposals_330000`) by the proposals subgraph's OWN replica
// apply (`proposalsSubgraph.replication.apply`, the handler its replica consumer calls),
// a few thousand events a transaction, from events built by its OWN codec
// (`proposalEvent` over `ProposalRows`, as bench-replication.ts does). Chosen over bulk
// SQL because nothing here knows a column: a change to the row type, the snapshot or the
// replica tables breaks this file's type check or its load, never silently its figures;
// and the tallies the statistics read are kept by the same triggers a consumer's writes
// fire. No bus: what the bus adds (relay, JetStream, `_replica_version`) is
// bench-replication's subject, and the dashboard does not read it.
//
// The measure. One node (330000 alone, in the node host, no bus) and its gateway; the
// panels' queries imported from @huishang/dashboard (`overviewFields`, `fieldQuery`,
// `countyFiguresQuery`): a paint is the overview's fields sent side by side, one request
// each, as the page sends them, then the map's county figures for the 11 cities (the page
// asks them once the overview has named the cities), all answered. Each uncached round
// signs in as a caller of its own: the gateway's answer cache and its in-flight sharing
// are keyed by the caller, so every such round computes its answers; the cached figure
// (the same caller again at an unchanged data version) is printed apart.
import { countyFiguresQuery, fieldQuery, overviewFields } from '@huishang/dashboard';
import { type ProposalRows, proposalEvent, proposalsSubgraph } from '@huishang/proposals';
import type { EventEnvelope } from '@huishang/schema';
import { childrenOf } from '@huishang/schema';
import { createPool, defaultThresholds, newId, openRegionDatabases } from '@huishang/subgraph-kit';
import { applyBatch, createTestDatabase } from '@huishang/subgraph-kit/testing';
import { createGraphqlClient, type GraphqlResponse } from './graphql-client.js';
import { hostToken, type NodeHost, startNodeHost } from './node-host.js';

const province = '330000';
const dayMs = 86_400_000;

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} takes a positive integer`);
  return value;
}
const target = flag('proposals', 1_000_000);
const baseline = Math.min(flag('baseline', 10_000), target);
const rounds = flag('rounds', 20);
const batchSize = flag('batch', 2_000);
const targetMs = 1_000;
/** `--keep`: the database is kept (its URL printed), e.g. to EXPLAIN the statements on it. */
const keep = process.argv.includes('--keep');

const progress = (line: string) => process.stderr.write(`  … ${line}\n`);

// ---------------------------------------------------------------------------------------
// The proposals: the i-th is the same in every run, so the figures can be compared.

const now = new Date();
const year = now.getUTCFullYear();
/** Years apart: a third in each, this year's before today. */
const years = [year - 2, year - 1, year];
const categories = ['URBAN_RURAL_DEVELOPMENT', 'ECONOMY', 'EDUCATION_SCIENCE_HEALTH'] as const;
const ratings = ['SATISFIED', 'SATISFIED', 'BASIC', 'UNSATISFIED'] as const;

/**
 * The i-th proposal of `counties`' (round-robin) as its owner would have stored it. Of ten:
 * two submitted or registered (not assigned yet), three under handling with a deadline
 * past, within the yellow threshold, and far off, one replied, three evaluated by the
 * proposer, one declined.
 */
function proposalRows(i: number, counties: string[]): ProposalRows {
  const region = counties[i % counties.length] as string;
  const submittedYear = years[Math.floor(i / counties.length) % years.length] as number;
  const lastDay = submittedYear === year ? Math.max(1, dayOfYear(now) - 60) : 330;
  const submittedAt = new Date(Date.UTC(submittedYear, 0, 1 + ((i * 7) % lastDay), 2));
  const at = (days: number) => new Date(submittedAt.getTime() + days * dayMs);
  const kind = i % 10;
  const assigned = kind >= 2 && kind <= 8;
  const replied = kind >= 5 && kind <= 8;
  // under handling: deadline passed, 3 days ahead (yellow), 60 days ahead (green)
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const deadline = !assigned
    ? null
    : replied
      ? at(90)
      : new Date(today + ([-10, 3, 60][kind - 2] ?? 0) * dayMs);
  const status =
    kind === 0
      ? 'SUBMITTED'
      : kind === 1
        ? 'REGISTERED'
        : kind <= 4
          ? 'ASSIGNED'
          : kind === 5
            ? 'REPLIED'
            : kind <= 8
              ? 'EVALUATED'
              : 'DECLINED';
  const repliedAt = replied ? at(20 + (i % 40)) : null;
  const steps = [true, kind >= 1, assigned, replied, kind >= 6 && kind <= 8].filter(Boolean);
  return {
    id: newId(),
    region,
    number: kind === 0 ? null : Math.floor(i / counties.length) + 1,
    term: 13,
    session: submittedYear - year + 5,
    title: `关于第${i + 1}号民生实事的建议`,
    body: '古镇周边道路停车难、公交班次少，群众出行不便，建议统筹规划，分步解决。',
    keywords: ['民生实事'],
    category: categories[i % categories.length] as ProposalRows['category'],
    status,
    proposerId: null,
    coProposerIds: [],
    collectiveProposer: '民建基层委员会',
    isKey: i % 50 === 0,
    deadline,
    submittedAt,
    registeredAt: kind >= 1 ? at(2) : null,
    assignedAt: assigned ? at(5) : null,
    repliedAt,
    round: 1,
    yellowFrom:
      deadline && new Date(deadline.getTime() - defaultThresholds.yellowWithinDays * dayMs),
    crossTermOutcome: null,
    crossTermSortedIn: null,
    publishedAt: null,
    version: steps.length,
    createdAt: submittedAt,
    updatedAt: repliedAt ?? submittedAt,
    suggestions: [
      { seq: 1, text: '增设公共停车泊位' },
      { seq: 2, text: '加密公交班次' },
    ],
    handlingUnits: assigned ? [{ name: '交通运输局', role: 'LEAD', suggestionSeqs: [1, 2] }] : [],
    replies:
      replied && repliedAt
        ? [
            {
              suggestionSeq: 1,
              unit: '交通运输局',
              round: 1,
              outcome: 'ADOPTED',
              text: '已纳入年度计划。',
              repliedAt,
            },
          ]
        : [],
    evaluations:
      kind >= 6 && kind <= 8 && repliedAt
        ? [
            {
              by: 'PROPOSER',
              round: 1,
              rating: ratings[i % ratings.length] as ProposalRows['evaluations'][0]['rating'],
              comment: null,
              evaluator: '民建基层委员会',
              evaluatedAt: new Date(repliedAt.getTime() + 5 * dayMs),
            },
          ]
        : [],
    reviews: [],
    leaders: [],
    urges: [],
    followUps: [],
    crossTermVotes: [],
  };
}

function dayOfYear(date: Date) {
  return Math.floor((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / dayMs) + 1;
}

/** Its owner's last event, as the province's consumer would hand it to the handler. */
function envelopeOf(rows: ProposalRows): EventEnvelope {
  const event = proposalEvent(rows.status === 'SUBMITTED' ? 'submitted' : 'registered', rows);
  return {
    ...event,
    eventId: newId(),
    schemaVersion: 1,
    occurredAt: rows.updatedAt.toISOString(),
    originRegion: rows.region,
    trace: {},
  };
}

// ---------------------------------------------------------------------------------------
// The paint, as the page does it, over the gateway's HTTP endpoint.

interface Paint {
  ms: number;
  overviewMs: number;
  total: number;
}

type Period = { year: number } | null;

async function paint(host: NodeHost, token: string, period: Period): Promise<Paint> {
  const api = createGraphqlClient(`${host.gatewayUrl}/${province}/graphql`, token);
  const check = <T>(what: string, answer: GraphqlResponse<T>): T => {
    if (answer.errors?.length || !answer.data)
      throw new Error(
        `${what} answered with errors: ${answer.errors?.map((e) => e.message).join('; ')}`,
      );
    return answer.data;
  };
  const started = performance.now();
  const answers = await Promise.all(
    Object.entries(overviewFields).map(async ([name, field]) => ({
      name,
      data: check(name, await api.send(fieldQuery(field), { region: province, period })),
    })),
  );
  const overviewMs = performance.now() - started;
  const statistics = answers.find((a) => a.name === 'proposalStatistics')?.data as {
    proposalStatistics: { total: { total: number }; byRegion: { region: { code: string } }[] };
  };
  const cities = statistics.proposalStatistics.byRegion
    .map((r) => r.region.code)
    .filter((code) => code !== province);
  // the map's request is measured only for every city: fewer would time less work
  if (cities.length !== (await childrenOf(province)).length)
    throw new Error(`the overview named ${cities.length} cities, not every city of ${province}`);
  check('countyFigures', await api.send(countyFiguresQuery(cities), { period }));
  return {
    ms: performance.now() - started,
    overviewMs,
    total: statistics.proposalStatistics.total.total,
  };
}

const percentile = (values: number[], p: number) => {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
};

interface Figures {
  period: string;
  cold: number;
  p50: number;
  p95: number;
  overviewP50: number;
  cached: number;
}

let caller = 0;
const staffToken = (host: NodeHost) =>
  hostToken(host.gateway, {
    subject: `bench-dashboard-${++caller}`,
    region: province,
    roles: ['staff'],
  });

/** Cold, warm (a new caller each round: no answer cached) and cached paints of `period`. */
async function measure(
  host: NodeHost,
  period: Period,
  expected: number,
  label: string,
): Promise<Figures> {
  const checked = (p: Paint) => {
    if (p.total !== expected)
      throw new Error(
        `the province's proposalStatistics total (${label}) is ${p.total}, ${expected} were loaded`,
      );
    return p;
  };
  const token = await staffToken(host);
  const cold = checked(await paint(host, token, period));
  // at once: an answer is kept 30 s at most (colours turn with the clock)
  const cached = checked(await paint(host, token, period));
  const warm: Paint[] = [];
  for (let r = 0; r < rounds; r++)
    warm.push(checked(await paint(host, await staffToken(host), period)));
  return {
    period: label,
    cold: cold.ms,
    p50: percentile(
      warm.map((p) => p.ms),
      50,
    ),
    p95: percentile(
      warm.map((p) => p.ms),
      95,
    ),
    overviewP50: percentile(
      warm.map((p) => p.overviewMs),
      50,
    ),
    cached: cached.ms,
  };
}

// ---------------------------------------------------------------------------------------

const counties: string[] = [];
for (const city of await childrenOf(province))
  for (const county of await childrenOf(city.code)) counties.push(county.code);

const database = await createTestDatabase('bench_dashboard');
const pool = createPool(database.url, 4);
let host: NodeHost | undefined;
try {
  const databases = await openRegionDatabases({
    pool,
    subgraph: proposalsSubgraph.name,
    regions: [province],
    migrationsDir: proposalsSubgraph.migrationsDir,
    createClient: proposalsSubgraph.createClient,
  });
  const db = databases.of(province);
  const { replication } = proposalsSubgraph;
  if (!replication) throw new Error('the proposals subgraph keeps no replicas');
  const handler = replication;
  let loaded = 0;
  /** Loads proposals up to `count`, two batches in flight (one built while one is written). */
  async function loadUpTo(count: number) {
    const from = loaded;
    const started = Date.now();
    let reported = started;
    let next = loaded;
    const worker = async () => {
      while (next < count) {
        const first = next;
        const size = Math.min(batchSize, count - first);
        next += size;
        const events = Array.from({ length: size }, (_, k) =>
          envelopeOf(proposalRows(first + k, counties)),
        );
        await applyBatch(db, handler, events);
        loaded += size;
        if (Date.now() - reported > 10_000) {
          reported = Date.now();
          const rate = (loaded - from) / ((Date.now() - started) / 1000);
          progress(
            `${loaded.toLocaleString()} of ${count.toLocaleString()} loaded, ${Math.round(rate).toLocaleString()}/s`,
          );
        }
      }
    };
    await Promise.all([worker(), worker()]);
    // what autovacuum does after a bulk load: statistics, and the visibility map that lets
    // a scan answer from an index alone
    for (const table of ['proposal', 'proposal_evaluation'])
      await pool.query(`VACUUM (ANALYZE) "proposals_${province}".${table}`);
    const seconds = (Date.now() - started) / 1000;
    progress(
      `${(count - from).toLocaleString()} proposals loaded in ${seconds.toFixed(1)} s (${Math.round((count - from) / seconds).toLocaleString()}/s)`,
    );
    return { seconds, rate: (count - from) / seconds };
  }

  /** How many of the loaded proposals were submitted this year (the year panel's total). */
  const loadedIn = async (y: number) =>
    Number(
      (
        await pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "proposals_${province}".proposal
            WHERE submitted_at >= $1 AND submitted_at < $2`,
          [new Date(Date.UTC(y - 1, 11, 31, 16)), new Date(Date.UTC(y, 11, 31, 16))],
        )
      ).rows[0]?.n,
    );

  const runAt = async (count: number) => {
    const load = await loadUpTo(count);
    host = await startNodeHost({
      regions: [province],
      databaseUrl: database.url,
      gatewayPort: 0,
      anonymousRead: false,
      // a benchmark is a development node: development secrets and caller keys
      env: { ...process.env, HUISHANG_DEV: '1' },
    });
    progress(`measuring at ${count.toLocaleString()}: ${rounds} rounds per period`);
    const figures = [
      await measure(host, { year }, await loadedIn(year), `${year}`),
      await measure(host, null, count, 'all'),
    ];
    await host.close();
    host = undefined;
    return { count, load, figures };
  };

  const small = await runAt(baseline);
  const large = target > baseline ? await runAt(target) : small;

  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const lines = [
    '',
    `huishang dashboard bench: the province ${province}'s 驾驶舱, ${counties.length} counties`,
    `a paint: ${Object.keys(overviewFields).length} overview requests side by side, then countyFigures for the cities; ${rounds} rounds`,
    '',
    `${'proposals'.padEnd(10)} ${'period'.padEnd(6)} ${['cold ms', 'warm p50', 'warm p95', 'overview p50', 'cached ms'].map((h) => h.padStart(12)).join(' ')}`,
    ...[small, large].flatMap((run, i) =>
      i === 1 && large === small
        ? []
        : run.figures.map(
            (f) =>
              `${run.count.toLocaleString('en-US').padEnd(10)} ${f.period.padEnd(6)} ${[f.cold, f.p50, f.p95, f.overviewP50, f.cached].map((n) => fmt(n).padStart(12)).join(' ')}`,
          ),
    ),
    '',
    `load: ${small.count.toLocaleString('en-US')} at ${fmt(small.load.rate)}/s; up to ${large.count.toLocaleString('en-US')} at ${fmt(large.load.rate)}/s (${large.load.seconds.toFixed(0)} s)`,
    'warm: a new caller each round, nothing served from the answer cache; cached: the cold caller again',
    '',
  ];
  console.log(lines.join('\n'));
  // the headline: the slower of the two periods, at the target and at the baseline
  const worst = (run: typeof small, key: 'cold' | 'p50' | 'p95') =>
    Math.max(...run.figures.map((f) => f[key]));
  const summary: [string, string | number][] = [
    ['proposals', large.count],
    ['paint_cold_ms', fmt(worst(large, 'cold'))],
    ['paint_warm_p50_ms', fmt(worst(large, 'p50'))],
    ['paint_warm_p95_ms', fmt(worst(large, 'p95'))],
    ['baseline_proposals', small.count],
    ['baseline_p50_ms', fmt(worst(small, 'p50'))],
    ['ratio', (worst(large, 'p50') / worst(small, 'p50')).toFixed(2)],
    ['load_rate_per_s', fmt(large.load.rate)],
    ['target_ms', targetMs],
    ['within_target', String(worst(large, 'p95') < targetMs)],
  ];
  console.log(
    `bench dashboard ${summary.map(([k, v]) => `${k}=${String(v).replaceAll(',', '')}`).join(' ')}`,
  );
  await databases.close();
} catch (error) {
  process.exitCode = 1;
  console.error(`\ndashboard bench failed: ${error instanceof Error ? error.message : error}`);
} finally {
  await (host as NodeHost | undefined)?.close();
  await pool.end();
  if (keep) progress(`database kept: ${database.url}`);
  else await database.drop();
}
