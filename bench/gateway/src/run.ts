// `npm run bench:gateway`: this project's gateway against stock Apollo Gateway, Hive Gateway
// and the proposals subgraph alone (the floor), each in a process of its own, over the same
// four subgraph processes, on a fresh database and a nats-server of this run's own with
// two replicating nodes: Nanxun 330503 and its city Huzhou 330500. The load generator runs
// in a child process too (load.ts). See README.md for what the figures mean.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { developmentTokenIssuer, mintToken, type TokenIssuer } from '@huishang/gateway';
import {
  buildNatsConfig,
  createGraphqlClient,
  ensureNats,
  type NatsEndpoint,
  nodeCredentials,
  provisionAccounts,
} from '@huishang/infra';
import {
  identityHeader,
  type SubgraphName,
  signForwardedIdentity,
  subgraphNames,
  supergraphPath,
} from '@huishang/schema';
import { developmentInternalSecret } from '@huishang/subgraph-kit';
import {
  createTestDatabase,
  freePort,
  sleep,
  type TestDatabase,
} from '@huishang/subgraph-kit/testing';
import type { LoadResult, LoadSettings } from './load.js';

const county = '330503';
const city = '330500';
const regions = [county, city];
const memberCount = 50;
const proposalCount = 300;
const connections = 16;

const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
/** Seconds of each measured round. */
const seconds = setting('BENCH_SECONDS', 10);
/** Rounds per target, shape and caller mode; the median (by req/s) is reported. */
const rounds = Math.round(setting('BENCH_ROUNDS', 3));
/** Seconds of warm-up per target and shape, not measured. */
const warmUpSeconds = setting('BENCH_WARMUP_SECONDS', 2);
/** How long the city may take to see Nanxun's records. */
const replicationSeconds = setting('BENCH_REPLICATION_SECONDS', 120);
// identities are signed right before each round and live 5 minutes (schema/src/identity.ts)
if (seconds > 240)
  throw new Error('BENCH_SECONDS must be 240 or less: signed identities live 5 min');

const progress = (line: string) => process.stderr.write(`  … ${line}\n`);
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const work = mkdtempSync(join(tmpdir(), 'huishang-bench-gateway-'));
const clockTicks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

// ---------------------------------------------------------------------------------------
// Child processes: each logs to a file of its own (no pipe for this process to drain
// under load), is stopped with SIGTERM (SIGKILL after 10 s), and is killed on any exit.

interface Child {
  name: string;
  pid: number;
  process: ChildProcess;
  /** The last lines it logged. */
  tail(): string;
  stop(): Promise<void>;
}

const children = new Set<Child>();
/** Children that exited without being asked to, with why. */
const deaths: string[] = [];

function startChild(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  stdout: 'log' | 'pipe' = 'log',
): Child {
  const logPath = join(work, `${name}.log`);
  const log = openSync(logPath, 'a');
  const running = spawn(process.execPath, args, {
    env,
    stdio: ['ignore', stdout === 'log' ? log : 'pipe', log],
  });
  closeSync(log);
  let stopping = false;
  const tail = () => {
    try {
      return readFileSync(logPath, 'utf8').trimEnd().split('\n').slice(-15).join('\n');
    } catch {
      return '';
    }
  };
  const child: Child = {
    name,
    pid: running.pid ?? 0,
    process: running,
    tail,
    async stop() {
      stopping = true;
      if (running.exitCode === null && running.signalCode === null) {
        const exited = new Promise((resolve) => running.once('exit', resolve));
        running.kill('SIGTERM');
        const timer = setTimeout(() => running.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      children.delete(child);
    },
  };
  running.once('exit', (code, signal) => {
    if (!stopping) deaths.push(`${name} exited (${signal ?? code}):\n${tail()}`);
  });
  children.add(child);
  return child;
}

/** Polls `ready` until it holds; fails naming the child, with its last lines, if it exits or takes a minute. */
async function untilReady(child: Child, ready: () => Promise<boolean>) {
  const started = Date.now();
  for (;;) {
    if (child.process.exitCode !== null)
      throw new Error(`${child.name} exited before it was ready:\n${child.tail()}`);
    if (await ready().catch(() => false)) return;
    if (Date.now() - started > 60_000)
      throw new Error(`${child.name} was not ready after 60 s:\n${child.tail()}`);
    await sleep(100);
  }
}

const answersGet = (url: string) => async () => (await fetch(url)).ok;
const answersTypename = (url: string) => async () =>
  (
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    })
  ).ok;

/** utime + stime of a process so far, in clock ticks. */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // fields after "(comm)": state is field 3, utime 14, stime 15
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** Runs autocannon once, in a process of its own. */
async function runLoad(settings: LoadSettings): Promise<LoadResult> {
  const load = startChild(
    'load',
    [join(here, 'load.js'), JSON.stringify(settings)],
    process.env,
    'pipe',
  );
  const output: Buffer[] = [];
  load.process.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
  const code = await new Promise<number | null>((resolve) => load.process.once('close', resolve));
  await load.stop();
  if (code !== 0) throw new Error(`the load generator failed (${code}):\n${load.tail()}`);
  return JSON.parse(Buffer.concat(output).toString('utf8'));
}

// ---------------------------------------------------------------------------------------
// What is asked: two shapes, each with the part the proposals subgraph answers alone.

interface Shape {
  name: 'page' | 'dashboard';
  /** The node asked, and the region of its callers. */
  region: string;
  query: string;
  /** The proposals subgraph's own part of `query`, for the floor. */
  floorQuery: string;
  title: string;
}

const pageOf = (proposer: string) =>
  `{ proposals(region: "${county}", first: 20) { totalCount edges { node { id title status proposer { ${proposer} } } } } }`;
const dashboardOf = (floor: boolean) => `{
  proposalStatistics(region: "${city}") {
    total { total byStatus { status count } byCategory { category count } }
    byRegion { region { code${floor ? '' : ' name'} } total }
  }${
    floor
      ? ''
      : `
  memberStatistics(region: "${city}") { total { total bySector { sector count } } }
  consultationStatistics(region: "${city}") { total { consultations participants suggestions } }`
  }
  proposals(region: "${city}", includeSubregions: true, first: 20) {
    totalCount edges { node { id title status region { code } proposer { ${floor ? 'id' : 'name'} } } }
  }
}`;

const shapes: Shape[] = [
  {
    name: 'page',
    region: county,
    query: pageOf('id name sector party'),
    floorQuery: pageOf('id'),
    title: `page: 20 of Nanxun's proposals with their proposers, at /${county}`,
  },
  {
    name: 'dashboard',
    region: city,
    query: dashboardOf(false),
    floorQuery: dashboardOf(true),
    title: `dashboard: the city's statistics across its subtree and 20 proposals, at /${city}`,
  },
];

type Mode = 'one' | 'many';
const modes: { name: Mode; title: string }[] = [
  { name: 'one', title: 'one caller: all connections carry one staff token' },
  { name: 'many', title: `many callers: ${connections} staff callers, one per connection` },
];
const subjects = (mode: Mode) =>
  Array.from({ length: mode === 'one' ? 1 : connections }, (_, i) => `bench-staff-${i + 1}`);
const json = { 'content-type': 'application/json' };

// ---------------------------------------------------------------------------------------
// The targets.

type TargetName = 'huishang' | 'stock' | 'hive' | 'floor';

interface Target {
  name: TargetName;
  title: string;
  /** Starts its gateway process; the floor has none. */
  start?: () => Promise<{ child: Child; url: (shape: Shape) => string }>;
  url?: (shape: Shape) => string;
  body(shape: Shape): string;
  /** Headers for each connection, freshly signed. */
  headers(shape: Shape, mode: Mode): Promise<Record<string, string>[]>;
}

const signedHeaders = (shape: Shape, mode: Mode) =>
  Promise.all(
    subjects(mode).map(async (subject) => ({
      ...json,
      [identityHeader]: await signForwardedIdentity(
        { subject, region: shape.region, roles: ['staff'], node: shape.region },
        developmentInternalSecret,
      ),
    })),
  );

const tokenHeaders = (issuer: TokenIssuer, shape: Shape, mode: Mode) =>
  Promise.all(
    subjects(mode).map(async (subject) => ({
      ...json,
      authorization: `Bearer ${await mintToken({ subject, region: shape.region, roles: ['staff'] }, issuer)}`,
    })),
  );

/**
 * The environment every child starts from: no secrets or bus users of the caller's, and
 * no reminder scheduler, whose writes would move the nodes' data on in mid-measurement.
 */
function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HUISHANG_DEV: '1',
    HUISHANG_REMINDER_SWEEP_MS: '0',
  };
  for (const name of Object.keys(env)) {
    if (/^(HUISHANG_INTERNAL_SECRET|NATS_|JWT_|SUBGRAPH_URL_)/.test(name)) delete env[name];
  }
  return env;
}

/** A gateway process on a free port, once `ready(base URL)` holds. */
async function startGateway(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  ready: (base: string) => () => Promise<boolean>,
) {
  const port = await freePort();
  const child = startChild(name, [script], { ...baseEnv(), ...env, PORT: String(port) });
  const base = `http://127.0.0.1:${port}`;
  await untilReady(child, ready(base));
  return { child, base };
}

// ---------------------------------------------------------------------------------------
// Answers, compared after sorting object keys.

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .toSorted()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  return value;
}

/** The first place two answers differ, as a path and both values. */
function difference(a: unknown, b: unknown, path = ''): string | undefined {
  if (JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b))) return undefined;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = difference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${path}${Array.isArray(a) ? `[${key}]` : `.${key}`}`,
      );
      if (found) return found;
    }
  }
  const show = (v: unknown) => JSON.stringify(v)?.slice(0, 300) ?? 'nothing';
  return `${path || 'the answer'}: expected ${show(a)}, got ${show(b)}`;
}

async function ask(url: string, body: string, headers: Record<string, string>) {
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status} from ${url}: ${text.slice(0, 500)}`);
  const answer = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
  if (answer.errors)
    throw new Error(`errors from ${url}: ${JSON.stringify(answer.errors).slice(0, 500)}`);
  return { answer, text };
}

// ---------------------------------------------------------------------------------------
// Figures.

interface Round {
  rps: number;
  requests: number;
  p50: number;
  p99: number;
  gatewayCpu?: number;
  subgraphCpu: number;
  rss?: number;
}

const median = (list: Round[]) =>
  list.toSorted((a, b) => a.rps - b.rps)[Math.floor(list.length / 2)] as Round;
const figures = new Map<string, Round>();
const key = (shape: string, mode: string, target: string) => `${shape}_${mode}_${target}`;

const fmt = (n: number | undefined, digits = 0) =>
  n === undefined || !Number.isFinite(n)
    ? '–'
    : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

// ---------------------------------------------------------------------------------------

let database: TestDatabase | undefined;
let nats: NatsEndpoint | undefined;
let cleaning: Promise<void> | undefined;
/** Set when a signal stops the run: what fails after it is the stop, not a finding. */
let stoppedBy: string | undefined;

function cleanUp() {
  cleaning ??= (async () => {
    await Promise.all([...children].map((child) => child.stop()));
    await nats?.stop();
    await database?.drop();
    rmSync(work, { recursive: true, force: true });
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stoppedBy = signal;
    console.error(`\ngateway bench stopped by ${signal}`);
    cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}
// a last resort: no child outlives this process
process.once('exit', () => {
  for (const child of children) child.process.kill('SIGKILL');
});

try {
  database = await createTestDatabase('bench_gateway');
  nats = await ensureNats({ config: buildNatsConfig(regions) });
  await provisionAccounts(nats.url, regions);

  // The four subgraphs, each hosting both regions, each region on the bus as its own user.
  progress('starting the four subgraphs');
  const natsUsers = Object.fromEntries(regions.map((region) => [region, nodeCredentials(region)]));
  const subgraphUrls = {} as Record<SubgraphName, string>;
  const subgraphs: Child[] = [];
  await Promise.all(
    subgraphNames.map(async (name) => {
      const port = await freePort();
      const child = startChild(name, [join(here, 'subgraph.js'), name], {
        ...baseEnv(),
        HUISHANG_REGIONS: regions.join(','),
        DATABASE_URL: database?.url,
        PORT: String(port),
        NATS_URL: nats?.url,
        NATS_PROVISION_STREAMS: 'false',
        BENCH_NATS_USERS: JSON.stringify(natsUsers),
      });
      subgraphs.push(child);
      subgraphUrls[name] = `http://127.0.0.1:${port}/graphql`;
      await untilReady(child, answersGet(`http://127.0.0.1:${port}/ready`));
    }),
  );

  // One supergraph for every gateway: the checked-in one, with this run's subgraph URLs.
  let supergraph = readFileSync(supergraphPath, 'utf8');
  for (const name of subgraphNames) {
    const pattern = new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]*(")`);
    if (!pattern.test(supergraph)) throw new Error(`the supergraph names no subgraph ${name}`);
    supergraph = supergraph.replace(pattern, `$1${subgraphUrls[name]}$2`);
  }
  const supergraphFile = join(work, 'supergraph.graphql');
  writeFileSync(supergraphFile, supergraph);

  const issuer = await developmentTokenIssuer();
  const targets: Target[] = [
    {
      name: 'huishang',
      title: 'huishang (gateway/dist/server.js: JWT verified, limits, identity signed)',
      async start() {
        const gateway = await startGateway(
          'huishang-gateway',
          join(root, 'gateway', 'dist', 'server.js'),
          {
            HUISHANG_NODES: regions.join(','),
            SUPERGRAPH_PATH: supergraphFile,
            HUISHANG_RATE_PER_TOKEN: '1000000000/1m',
          },
          (base) => answersGet(`${base}/ready`),
        );
        return { child: gateway.child, url: (shape) => `${gateway.base}/${shape.region}/graphql` };
      },
      body: (shape) => JSON.stringify({ query: shape.query }),
      headers: (shape, mode) => tokenHeaders(issuer, shape, mode),
    },
    {
      name: 'stock',
      title: 'stock (@apollo/gateway + @apollo/server standalone, identity pre-signed)',
      async start() {
        const gateway = await startGateway(
          'stock-gateway',
          join(here, 'stock.js'),
          { SUPERGRAPH_PATH: supergraphFile },
          (base) => answersTypename(`${base}/`),
        );
        return { child: gateway.child, url: () => `${gateway.base}/` };
      },
      body: (shape) => JSON.stringify({ query: shape.query }),
      headers: signedHeaders,
    },
    {
      name: 'hive',
      title: 'hive (@graphql-hive/gateway runtime on node:http, identity pre-signed)',
      async start() {
        const gateway = await startGateway(
          'hive-gateway',
          join(here, 'hive.js'),
          { SUPERGRAPH_PATH: supergraphFile },
          (base) => answersTypename(`${base}/graphql`),
        );
        return { child: gateway.child, url: () => `${gateway.base}/graphql` };
      },
      body: (shape) => JSON.stringify({ query: shape.query }),
      headers: signedHeaders,
    },
    {
      name: 'floor',
      title: 'floor (the proposals subgraph alone, its part of the query, identity pre-signed)',
      url: () => subgraphUrls.proposals,
      body: (shape) => JSON.stringify({ query: shape.floorQuery }),
      headers: signedHeaders,
    },
  ];
  const [ours] = targets as [Target];

  // Seed Nanxun through its own gateway, then wait until Huzhou sees it all.
  const reference = await (ours.start as NonNullable<Target['start']>)();
  const shapeOf = (name: Shape['name']) => shapes.find((s) => s.name === name) as Shape;
  const page = shapeOf('page');
  const dashboard = shapeOf('dashboard');
  progress(`seeding ${memberCount} members and ${proposalCount} proposals at ${county}`);
  const seeder = { subject: 'bench-seed', roles: ['staff' as const] };
  const api = createGraphqlClient(
    reference.url(page),
    await mintToken({ ...seeder, region: county }, issuer),
  );
  const surnames = '沈朱钱陆费施邱蒋姚吴潘金严林黄方叶徐';
  const givenNames = ['建华', '丽萍', '国强', '晓燕', '志明', '秀英', '文杰', '海燕', '伟东'];
  const sectors = ['经济界', '教育界', '医药卫生界', '农业界', '文化艺术界'];
  const parties = ['CNDCA', 'CAPD', 'CDL', 'CPWDP', 'CZGP', 'RCCK'];
  const categories = ['ECONOMY', 'AGRICULTURE_RURAL', 'URBAN_RURAL_DEVELOPMENT', 'SOCIETY_LAW'];
  const topics = ['古镇保护', '乡村振兴', '公交线网', '养老服务', '河道治理', '营商环境'];
  const memberIds: string[] = [];
  for (let i = 0; i < memberCount; i++) {
    const { createMember } = await api.request<{ createMember: { id: string } }>(
      `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`,
      {
        input: {
          region: county,
          name: `${surnames[i % surnames.length]}${givenNames[i % givenNames.length]}`,
          sector: sectors[i % sectors.length],
          party: parties[i % parties.length],
          term: 10,
        },
      },
    );
    memberIds.push(createMember.id);
  }
  for (let i = 0; i < proposalCount; i++) {
    const topic = topics[i % topics.length];
    await api.request(
      `mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { id } }`,
      {
        input: {
          region: county,
          term: 10,
          session: 3,
          title: `关于南浔区${topic}工作的第${i + 1}项建议`,
          body: `南浔区${topic}工作推进中仍存在资金、用地和部门协同等方面的困难，建议加强统筹，明确责任，按期办结。`,
          category: categories[i % categories.length],
          proposerId: memberIds[i % memberCount],
          suggestions: ['加强统筹协调', '明确责任清单'],
        },
      },
    );
  }
  progress(`waiting until ${city} sees them`);
  const cityApi = createGraphqlClient(
    reference.url(dashboard),
    await mintToken({ ...seeder, region: city }, issuer),
  );
  const seen = async () => {
    const { proposals, members } = await cityApi.request<{
      proposals: { total: { total: number } };
      members: { total: { total: number } };
    }>(`{ proposals: proposalStatistics(region: "${city}") { total { total } }
          members: memberStatistics(region: "${city}") { total { total } } }`);
    return { proposals: proposals.total.total, members: members.total.total };
  };
  const waitStarted = Date.now();
  for (;;) {
    const now = await seen();
    if (now.proposals >= proposalCount && now.members >= memberCount) break;
    if (Date.now() - waitStarted > replicationSeconds * 1000)
      throw new Error(
        `after ${replicationSeconds} s the city ${city} sees ${now.proposals} of ${proposalCount} proposals and ${now.members} of ${memberCount} members of ${county}`,
      );
    await sleep(250);
  }

  // Every target's answer to each shape must equal this project's gateway's.
  progress('checking that every target answers as this gateway does');
  const expected = new Map<string, { answer: unknown; text: string }>();
  for (const shape of shapes) {
    const [headers] = await tokenHeaders(issuer, shape, 'one');
    for (const floor of [false, true]) {
      const body = JSON.stringify({ query: floor ? shape.floorQuery : shape.query });
      expected.set(`${shape.name}${floor}`, await ask(reference.url(shape), body, headers ?? {}));
    }
    const { answer } = expected.get(`${shape.name}false`) as { answer: { data: unknown } };
    const list = (answer.data as { proposals: { totalCount: number; edges: unknown[] } }).proposals;
    if (list.totalCount !== proposalCount || list.edges.length !== 20)
      throw new Error(
        `${shape.name}: ${list.totalCount} proposals, ${list.edges.length} on the page; expected ${proposalCount} and 20`,
      );
  }
  await reference.child.stop();
  for (const target of targets.slice(1)) {
    const started = await target.start?.();
    try {
      for (const shape of shapes) {
        const url = started?.url(shape) ?? target.url?.(shape) ?? '';
        const [headers] = await target.headers(shape, 'one');
        const floor = target.name === 'floor';
        const want = expected.get(`${shape.name}${floor}`)?.answer;
        const got = await ask(url, target.body(shape), headers ?? {}).catch((error: Error) => {
          throw new Error(`${target.name}, ${shape.name}: ${error.message}`);
        });
        const differs = difference(want, got.answer);
        if (differs)
          throw new Error(
            `${target.name} answers ${shape.name} otherwise than huishang: ${differs}`,
          );
      }
    } finally {
      await started?.child.stop();
    }
  }

  // The measurements: one gateway at a time, started right before them, stopped after.
  for (const target of targets) {
    progress(`measuring ${target.name}`);
    const started = await target.start?.();
    try {
      const gateway = started?.child;
      for (const shape of shapes) {
        const url = started?.url(shape) ?? target.url?.(shape) ?? '';
        // what every answer must be, byte for byte, during the load
        const [headers] = await target.headers(shape, 'one');
        const { text: expectBody } = await ask(url, target.body(shape), headers ?? {});
        const settings = async (mode: Mode, duration: number): Promise<LoadSettings> => ({
          url,
          body: target.body(shape),
          headers: await target.headers(shape, mode),
          connections,
          seconds: duration,
          expectBody,
        });
        await runLoad(await settings('many', warmUpSeconds));
        for (const mode of modes) {
          const measured: Round[] = [];
          for (let round = 1; round <= rounds; round++) {
            const load = await settings(mode.name, seconds);
            const gatewayBefore = gateway && cpuTicks(gateway.pid);
            const subgraphsBefore = subgraphs.map((s) => cpuTicks(s.pid));
            const result = await runLoad(load);
            const gatewayTicks = gateway && cpuTicks(gateway.pid) - (gatewayBefore ?? 0);
            const subgraphTicks = subgraphs
              .map((s, i) => cpuTicks(s.pid) - (subgraphsBefore[i] ?? 0))
              .reduce((a, b) => a + b, 0);
            const what = `${target.name}, ${shape.name}, ${mode.name} caller(s), round ${round}`;
            const errors = result.errors + result.non2xx + result.timeouts + result.mismatches;
            if (errors > 0)
              throw new Error(
                `${what}: ${result.errors} errors, ${result.non2xx} non-2xx, ${result.timeouts} timeouts, ${result.mismatches} other answers, of ${result.requests} requests; no figure for it`,
              );
            if (result.requests === 0) throw new Error(`${what}: no request answered`);
            const msPerRequest = (ticks: number) => (ticks * 1000) / clockTicks / result.requests;
            measured.push({
              rps: result.requests / result.seconds,
              requests: result.requests,
              p50: result.p50,
              p99: result.p99,
              ...(gatewayTicks !== undefined && { gatewayCpu: msPerRequest(gatewayTicks) }),
              subgraphCpu: msPerRequest(subgraphTicks),
              ...(gateway && { rss: rssMb(gateway.pid) }),
            });
          }
          figures.set(key(shape.name, mode.name, target.name), median(measured));
        }
      }
    } finally {
      await started?.child.stop();
    }
  }

  // ------------------------------------------------------------------------------------
  const versionOf = (name: string) => {
    let dir = dirname(fileURLToPath(import.meta.resolve(name)));
    for (;;) {
      try {
        const found = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
        if (found.name === name) return found.version as string;
      } catch {}
      if (dir === dirname(dir)) return '?';
      dir = dirname(dir);
    }
  };
  const lines = [
    '',
    `huishang gateway bench: ${availableParallelism()} CPUs, Node ${process.version}; @apollo/gateway ${versionOf('@apollo/gateway')}, @apollo/server ${versionOf('@apollo/server')}, @graphql-hive/gateway ${versionOf('@graphql-hive/gateway')}`,
    `${proposalCount} proposals and ${memberCount} members at Nanxun ${county}, replicated to Huzhou ${city}; ${connections} connections; median of ${rounds} round(s) of ${seconds} s after ${warmUpSeconds} s of warm-up`,
    'CPU: ms per request of the gateway process and of the four subgraph processes summed (the floor: the subgraphs only)',
  ];
  const summary: [string, string][] = [];
  for (const shape of shapes) {
    for (const mode of modes) {
      const get = (target: TargetName) => figures.get(key(shape.name, mode.name, target)) as Round;
      const stock = get('stock');
      lines.push(
        '',
        `### ${shape.title}; ${mode.title}`,
        '',
        '| target | req/s | p50 ms | p99 ms | errors | CPU ms/req gateway / subgraphs | RSS MB | × stock |',
        '|---|---:|---:|---:|---:|---:|---:|---:|',
        ...targets.map(({ name }) => {
          const r = get(name);
          return `| ${name} | ${fmt(r.rps)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | 0 | ${fmt(r.gatewayCpu, 2)} / ${fmt(r.subgraphCpu, 2)} | ${fmt(r.rss)} | ${fmt(r.rps / stock.rps, 2)} |`;
        }),
      );
      const prefix = `${shape.name}_${mode.name}`;
      for (const { name } of targets) summary.push([`${prefix}_${name}_rps`, fmt(get(name).rps)]);
      summary.push(
        [`${prefix}_x_stock`, fmt(get('huishang').rps / stock.rps, 2)],
        [`${prefix}_x_hive`, fmt(get('huishang').rps / get('hive').rps, 2)],
        [`${prefix}_p50_x_floor`, fmt(get('huishang').p50 / get('floor').p50, 2)],
      );
    }
  }
  lines.push('', targets.map((t) => `- ${t.title}`).join('\n'), '');
  console.log(lines.join('\n'));
  console.log(summary.map(([name, value]) => `${name}=${value.replaceAll(',', '')}`).join(' '));
} catch (error) {
  process.exitCode = 1;
  if (stoppedBy) await new Promise(() => {}); // the signal handler exits once clean
  console.error(`\ngateway bench failed: ${error instanceof Error ? error.message : error}`);
  if (error instanceof Error && error.cause) console.error(error.cause);
  for (const death of deaths) console.error(`\n${death}`);
} finally {
  await cleanUp();
}
