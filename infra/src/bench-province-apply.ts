// Phase 1 of `npm run bench:province` (bench-province.ts): the province demo's nodes in one
// process (the node host of `npm run demo:province`), on a fresh database and a
// nats-server of the bench's own; Zhejiang's 90 counties write proposals at once through
// their own nodes' gateway endpoints as staff; the province's aggregate apply rate and
// its lag (occurredAt → applied at the province), read from its `_replica_version`.
import { childrenOf } from '@huishang/schema';
import { createTestDatabase, sleep, startNatsServer } from '@huishang/subgraph-kit/testing';
import pg from 'pg';
import type { GraphqlClient } from './graphql-client.js';
import { buildNatsConfig, nodeCredentials } from './nats/accounts.js';
import { provisionAccounts } from './nats/streams.js';
import { startNodeHost } from './node-host.js';
import { clientAs } from './seed/admin-client.js';

const province = '330000';

export interface ApplyFigures {
  /** Events the counties wrote (each answered by their node) and the province holds. */
  events: number;
  proposals: number;
  counties: number;
  writeSeconds: number;
  /** First write → last applied at the province. */
  applySeconds: number;
  applyEps: number;
  lagP50Ms: number;
  lagP99Ms: number;
  lagMaxMs: number;
  /** Write requests that failed (a county's node refused or timed out), and the first reason. */
  failures: number;
  firstFailure?: string;
}

export interface ApplyOptions {
  /** How long the counties write. @default 45 */
  writeSeconds: number;
  /** How long the province may take to catch up after the writes. @default 60 */
  catchUpSeconds: number;
  /** A run fails when the province applies nothing new for this long. @default 30 */
  stallSeconds: number;
  progress: (line: string) => void;
}

/** One proposal along the staff's path, each step one event: 提出, 签收, 预审, 立案, 交办, 答复, 评价. */
const steps: { field: string; args: string; variables: (id: string) => Record<string, unknown> }[] =
  [
    { field: 'signInProposal', args: 'id: $id', variables: (id) => ({ id }) },
    { field: 'preReviewProposal', args: 'id: $id', variables: (id) => ({ id }) },
    { field: 'registerProposal', args: 'id: $id', variables: (id) => ({ id }) },
    {
      field: 'assignProposal',
      args: 'id: $id, units: [{ name: "农业农村局", role: LEAD }, { name: "财政局", role: CO }], deadline: "2099-06-30"',
      variables: (id) => ({ id }),
    },
    {
      field: 'replyToProposal',
      args: 'id: $id, unit: "农业农村局", items: [{ suggestionSeq: 1, outcome: ADOPTED, text: "已纳入年度计划。" }, { suggestionSeq: 2, outcome: PARTLY_ADOPTED, text: "分步实施。" }]',
      variables: (id) => ({ id }),
    },
    {
      field: 'evaluateProposal',
      args: 'id: $id, by: PROPOSER, rating: SATISFIED, comment: "答复认真"',
      variables: (id) => ({ id }),
    },
  ];

/**
 * A county's staff writing through its node until `until`: a proposal submitted, then
 * taken along the whole path, then the next. `acknowledged` keeps the version each answer
 * reported: what the county promised, which must all reach the province.
 */
async function writeAsCounty(
  api: GraphqlClient,
  county: string,
  until: number,
  acknowledged: Map<string, number>,
  counts: { failures: number; firstFailure?: string },
) {
  const answered = ({ id, version }: { id: string; version: number }) =>
    acknowledged.set(id, Math.max(version, acknowledged.get(id) ?? 0));
  for (let n = 1; Date.now() < until; n++) {
    try {
      const { submitProposal } = await api.request<{
        submitProposal: { id: string; version: number };
      }>(
        `mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { id version } }`,
        {
          input: {
            region: county,
            term: 10,
            session: 3,
            title: `关于第${n}号民生实事的建议`,
            body: '古镇周边道路停车难、公交班次少，群众出行不便，建议统筹规划，分步解决。',
            keywords: ['民生实事'],
            category: 'URBAN_RURAL_DEVELOPMENT',
            collectiveProposer: '民建基层委员会',
            suggestions: ['增设公共停车泊位', '加密公交班次'],
          },
        },
      );
      answered(submitProposal);
      for (const step of steps) {
        if (Date.now() >= until) break;
        const data = await api.request<Record<string, { id: string; version: number }>>(
          `mutation($id: ID!) { ${step.field}(${step.args}) { id version } }`,
          step.variables(submitProposal.id),
        );
        answered(data[step.field] as { id: string; version: number });
      }
    } catch (error) {
      counts.failures += 1;
      counts.firstFailure ??= (error as Error).message;
      await sleep(200);
    }
  }
}

/** Zhejiang's committees: the province, its 11 cities and 90 counties. */
async function zhejiang(): Promise<{ regions: string[]; counties: string[] }> {
  const regions = [province];
  const counties: string[] = [];
  for (const city of await childrenOf(province)) {
    regions.push(city.code);
    for (const county of await childrenOf(city.code)) {
      regions.push(county.code);
      counties.push(county.code);
    }
  }
  return { regions, counties };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

/** Runs phase 1; throws, naming the reason, when an event is parked or nothing moves. */
export async function applyPhase(options: ApplyOptions): Promise<ApplyFigures> {
  const { progress } = options;
  const { regions, counties } = await zhejiang();
  const database = await createTestDatabase('bench_province_apply');
  const nats = await startNatsServer({ config: buildNatsConfig(regions) });
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  let host: Awaited<ReturnType<typeof startNodeHost>> | undefined;
  try {
    await provisionAccounts(nats.url, regions);
    const booting = Date.now();
    host = await startNodeHost({
      regions,
      databaseUrl: database.url,
      gatewayPort: 0,
      anonymousRead: false,
      bus: { url: nats.url, credentials: (region) => nodeCredentials(region) },
      // a benchmark is a development node: development secrets and caller keys
      env: { ...process.env, HUISHANG_DEV: '1' },
    });
    const { gatewayUrl, gateway } = host;
    await host.busStarted();
    progress(`${regions.length} nodes up in ${((Date.now() - booting) / 1000).toFixed(1)} s`);

    // the province's replica of the counties' proposals, and what it parked
    const replicas = `"proposals_${province}"._replica_version`;
    const parked = async () => {
      const { rows } = await pool.query<{ schema: string; n: number; reason: string | null }>(
        ['members', 'proposals', 'consultations', 'joint_sessions']
          .map(
            (s) =>
              `(SELECT '${s}_${province}' AS schema, count(*)::int AS n, min(reason) AS reason FROM "${s}_${province}"._dead_letter)`,
          )
          .join(' UNION ALL '),
      );
      const bad = rows.find((r) => r.n > 0);
      if (bad)
        throw new Error(
          `${bad.n} event(s) parked at the province (${bad.schema}._dead_letter), e.g. ${bad.reason}`,
        );
    };
    const applied = async () =>
      Number(
        (
          await pool.query<{ n: string }>(
            `SELECT coalesce(sum(version), 0) AS n FROM ${replicas} WHERE aggregate_type = 'proposal'`,
          )
        ).rows[0]?.n ?? 0,
      );

    const apis = await Promise.all(
      counties.map((county) =>
        clientAs(gatewayUrl, gateway, {
          subject: `bench-staff-${county}`,
          region: county,
          roles: ['staff'],
        }),
      ),
    );
    const acknowledged = new Map<string, number>();
    const counts: { failures: number; firstFailure?: string } = { failures: 0 };
    const started = Date.now();
    const until = started + options.writeSeconds * 1000;
    progress(`${counties.length} counties writing for ${options.writeSeconds} s`);
    const writing = Promise.all(
      counties.map((county, i) =>
        writeAsCounty(apis[i] as GraphqlClient, county, until, acknowledged, counts),
      ),
    );

    // Watch the province while the counties write and until it holds what they promised.
    let writesDone = false;
    let writeSeconds = options.writeSeconds;
    writing.then(() => {
      writesDone = true;
      writeSeconds = (Date.now() - started) / 1000;
    });
    let last = -1;
    let movedAt = Date.now();
    let reportedAt = Date.now();
    const deadline = until + (options.writeSeconds + options.catchUpSeconds) * 1000;
    for (;;) {
      await sleep(2_000);
      await parked();
      const now = await applied();
      const promised = [...acknowledged.values()].reduce((sum, v) => sum + v, 0);
      if (now !== last) {
        last = now;
        movedAt = Date.now();
      } else if (Date.now() - movedAt > options.stallSeconds * 1000)
        throw new Error(
          `nothing applied at the province for ${options.stallSeconds} s (${now} of ${promised} events)`,
        );
      if (writesDone && now >= promised) break;
      if (Date.now() > deadline)
        throw new Error(`the province holds ${now} of ${promised} events after the catch-up time`);
      if (Date.now() - reportedAt >= 10_000) {
        reportedAt = Date.now();
        progress(
          `${((Date.now() - started) / 1000).toFixed(0)} s: ${promised} events written, ${now} applied at the province${counts.failures ? `, ${counts.failures} failed writes` : ''}`,
        );
      }
    }
    await writing;

    // Each proposal's last event: when its county's node wrote it, when the province applied it.
    const { rows } = await pool.query<{ lag_ms: number; last_ms: string }>(
      `SELECT extract(epoch FROM rv.applied_at - (o.envelope->>'occurredAt')::timestamptz) * 1000 AS lag_ms,
              extract(epoch FROM rv.applied_at) * 1000 AS last_ms
         FROM ${replicas} rv
         JOIN (${counties
           .map((c) => `SELECT event_id, envelope FROM "proposals_${c}"._outbox`)
           .join(' UNION ALL ')}) o ON o.event_id = rv.event_id
        WHERE rv.aggregate_type = 'proposal'`,
    );
    if (rows.length !== acknowledged.size)
      throw new Error(
        `the province holds ${rows.length} of the ${acknowledged.size} proposals written`,
      );
    const lags = rows.map((r) => Number(r.lag_ms)).sort((a, b) => a - b);
    const lastApplied = Math.max(...rows.map((r) => Number(r.last_ms)));
    const events = [...acknowledged.values()].reduce((sum, v) => sum + v, 0);
    const applySeconds = (lastApplied - started) / 1000;
    return {
      events,
      proposals: acknowledged.size,
      counties: counties.length,
      writeSeconds,
      applySeconds,
      applyEps: events / applySeconds,
      lagP50Ms: percentile(lags, 50),
      lagP99Ms: percentile(lags, 99),
      lagMaxMs: lags[lags.length - 1] ?? Number.NaN,
      failures: counts.failures,
      ...(counts.firstFailure && { firstFailure: counts.firstFailure }),
    };
  } finally {
    await host?.close();
    await pool.end();
    await nats.dispose();
    await database.drop();
  }
}
