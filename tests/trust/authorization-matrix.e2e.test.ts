import { createGraphqlClient, type GraphqlClient, hostToken, type NodeHost } from '@huishang/infra';
import { isWithin, type Role, roles } from '@huishang/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BusTestbed, gatewayClient, startBusTestbed, until } from '../support/hosts.js';

// The authorisation matrix: every caller (each role at each level, and the anonymous
// public) against every operation (reads, writes, commands across nodes) on the records of
// every region, each cell's outcome written by the rules below and compared to what the
// gateway answers. Zhejiang (330000), 湖州 (330500) with 南浔 (330503) and 德清 (330521), and
// 平湖 (330482), a county of another city: one host for all five, as the province demo runs.
const province = '330000';
const huzhou = '330500';
const nanxun = '330503';
const deqing = '330521';
const pinghu = '330482';
const regions = [province, huzhou, nanxun, deqing, pinghu];

let testbed: BusTestbed;
let host: NodeHost;

beforeAll(async () => {
  testbed = await startBusTestbed('authz_matrix', regions);
  host = await testbed.startHost(regions, { anonymousRead: true, poolSize: 10 });
});

afterAll(() => testbed?.close());

// ---------------------------------------------------------------------------------------
// Who calls. A signed-in caller holds one role of one region; the anonymous caller has no
// token and is the public of the node it asks, so it always asks its own.

type Kind = Role | 'anonymous';
/** Where a row is asked: the target's own node, the caller's, or the node above the target. */
type At = 'owner' | 'home' | 'above';
const above: Record<string, string> = {
  [huzhou]: province,
  [nanxun]: huzhou,
  [deqing]: huzhou,
  // 平湖's city (嘉兴) runs no node here: the province holds its replicas
  [pinghu]: province,
};
interface Caller {
  kind: Kind;
  region: string;
}
const callers: Caller[] = regions.flatMap((region) =>
  [...roles, 'anonymous' as const].map((kind) => ({ kind, region })),
);
const nameOf = (caller: Caller) => `${caller.kind}@${caller.region}`;

/** The caller as the node it asks sees it: what the rules below decide on. */
interface Asker {
  roles: Role[];
  region: string;
  node: string;
  anonymous: boolean;
}

// ---------------------------------------------------------------------------------------
// The rules, as README ("Identity and access"), ARCHITECTURE.md ("Identity and trust") and
// DOMAIN.md state them, written without the code's help.

/** Anyone with an account (reader, member, unit, staff, admin), as opposed to the public. */
const hasAccount = (a: Asker) => a.roles.some((role) => role !== 'public');
/** County callers read their county, city callers their subtree, the province the province. */
const reads = (a: Asker, region: string) => hasAccount(a) && isWithin(region, a.region);
/** What a region publishes for everyone, its public and its upper levels' public included. */
const readsPublished = (a: Asker, region: string) => isWithin(region, a.region);
/** Staff (or admins) write only their own region's records, on their own node. */
const writes = (a: Asker, region: string) =>
  (a.roles.includes('staff') || a.roles.includes('admin')) &&
  a.region === region &&
  a.node === region;
/** A member acts in person (a proposal as lead proposer, an opinion item, a topic) in their own committee. */
const actsAsMember = (a: Asker, region: string) =>
  a.roles.includes('member') && a.region === region && a.node === region;
/** A handling unit acts in person on what was sent to it (its token's subject is its name). */
const actsAsUnit = (a: Asker, region: string) =>
  a.roles.includes('unit') && a.region === region && a.node === region;
/** A node holds its subtree's records: its own, and its replicas of those below it. */
const holds = (node: string, region: string) => isWithin(region, node);
/** Staff of a committee, on its own node, speaking for it on the bus. */
const speaksForOwnCommittee = (a: Asker) => writes(a, a.region);

const ok = 'ALLOWED';
const absent = 'ABSENT';
const applied = 'APPLIED';
const forbidden = 'FORBIDDEN KIT_FORBIDDEN';
const notServed = 'BAD_USER_INPUT KIT_REGION_NOT_SERVED';
const notFound = 'NOT_FOUND KIT_NOT_FOUND';
const anonymousWrite = 'UNAUTHENTICATED GATEWAY_ANONYMOUS_WRITE';
const rejected = 'REJECTED KIT_FORBIDDEN';

type Rule = (a: Asker, target: string) => string;

/** One record by id, asked of a node: absent unless the node holds it, else read or refused. */
const readById: Rule = (a, target) =>
  !holds(a.node, target) ? absent : reads(a, target) ? ok : forbidden;
/** A list or report of a region, asked of a node: served only within its subtree. */
const readRegion: Rule = (a, target) =>
  !holds(a.node, target) ? notServed : reads(a, target) ? ok : forbidden;
const readPublishedRegion: Rule = (a, target) =>
  !holds(a.node, target) ? notServed : readsPublished(a, target) ? ok : forbidden;
/** Writes need a token (the gateway refuses anonymous ones first). */
const signedIn =
  (rule: Rule): Rule =>
  (a, target) =>
    a.anonymous ? anonymousWrite : rule(a, target);
const staffWrite = signedIn((a, target) => (writes(a, target) ? ok : forbidden));
const staffOrMemberWrite = signedIn((a, target) =>
  writes(a, target) || actsAsMember(a, target) ? ok : forbidden,
);
const staffOrUnitWrite = signedIn((a, target) =>
  writes(a, target) || actsAsUnit(a, target) ? ok : forbidden,
);
/** A replica is read-only: asked of the node above the owner, every write is refused. */
const replicaWrite = signedIn((a, target) =>
  !holds(a.node, target) ? notFound : writes(a, target) ? ok : forbidden,
);
/** 派单: staff of the committee or of one above it, on their own node (the owner decides). */
const dispatch = signedIn((a, target) =>
  speaksForOwnCommittee(a) && isWithin(target, a.region) ? applied : rejected,
);
/** 催办 from above: the task must be readable at the caller's node, then as for 派单. */
const remind = signedIn((a, target) => {
  if (!holds(a.node, target)) return notFound;
  if (!reads(a, target)) return forbidden;
  return speaksForOwnCommittee(a) && isWithin(target, a.region) ? applied : rejected;
});
/** 三级会商: a party's office contributes through its own node, which holds the record. */
const jointConsultationParties = [province, nanxun];
const contribute = signedIn((a, owner) => {
  const parties = [owner, ...jointConsultationParties];
  if (!holds(a.node, owner) && !jointConsultationParties.includes(a.node)) return notFound;
  if (!parties.some((party) => reads(a, party))) return forbidden;
  return speaksForOwnCommittee(a) && jointConsultationParties.includes(a.region)
    ? applied
    : rejected;
});
/** 六联: the staff of any party of a joint session agree to its next stage, on their own node. */
const jointSessionParties = [nanxun, deqing, pinghu];
const agree = signedIn((a) =>
  speaksForOwnCommittee(a) && jointSessionParties.includes(a.region) ? applied : rejected,
);

// ---------------------------------------------------------------------------------------
// What the operations act on, made through the project's own mutations as each owner's staff.

interface Seeds {
  member: Record<string, string>;
  proposal: Record<string, string>;
  topic: Record<string, string>;
  consultation: Record<string, string>;
  task: Record<string, string>;
  letterTask: Record<string, string>;
  jointConsultation: string;
}
const seeds: Seeds = {
  member: {},
  proposal: {},
  topic: {},
  consultation: {},
  task: {},
  letterTask: {},
  jointConsultation: '',
};

const staffOf = (region: string) => gatewayClient(host, region);

async function must<T>(api: GraphqlClient, query: string, variables: Record<string, unknown>) {
  const answer = await api.send<Record<string, T>>(query, variables);
  if (answer.errors?.length || !answer.data)
    throw new Error(`seed failed: ${JSON.stringify(answer.errors)}`);
  return Object.values(answer.data)[0] as T;
}

const mutations = {
  createMember: `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`,
  submitProposal: `mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { id } }`,
  proposeTopic: `mutation($input: ProposeTopicInput!) { proposeTopic(input: $input) { id } }`,
  approveTopic: `mutation($id: ID!, $input: ApproveTopicInput!) { approveTopic(id: $id, input: $input) { id } }`,
  createConsultation: `mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { id } }`,
  createSupervisionTask: `mutation($input: CreateSupervisionTaskInput!) { createSupervisionTask(input: $input) { id } }`,
  recordSupervisionStep: `mutation($id: ID!, $input: SupervisionStepInput!) { recordSupervisionStep(id: $id, input: $input) { id } }`,
  submitOpinionItem: `mutation($input: SubmitOpinionItemInput!) { submitOpinionItem(input: $input) { id } }`,
  reviewOpinionItem: `mutation($id: ID!) { reviewOpinionItem(id: $id, input: { accept: true }) { id } }`,
  createJointSession: `mutation($input: CreateJointSessionInput!) { createJointSession(input: $input) { id } }`,
};

const memberInput = (region: string) => ({
  region,
  name: `委员${region}`,
  sector: '经济界',
  party: 'CPC',
  term: 12,
});
const proposalInput = (region: string) => ({
  region,
  term: 12,
  session: 3,
  title: `关于${region}古镇周边停车难的建议`,
  body: '古镇周边道路停车难、公交班次少，群众出行不便，建议统筹规划，分步解决。',
  category: 'URBAN_RURAL_DEVELOPMENT',
  // the committee's member as lead proposer: staff submit for them, the member for themselves
  proposerId: seeds.member[region],
  suggestions: ['增设公共停车泊位', '加密公交班次'],
});
const topicInput = (region: string) => ({
  region,
  title: `${region}太湖溇港保护利用`,
  source: 'MEMBERS',
  proposedBy: '农业界委员',
});
const taskInput = (region: string) => ({
  region,
  title: `${region}生活垃圾分类民主监督`,
  source: 'MEDIA',
  committee: '人口资源环境委员会',
});
const opinionInput = (region: string) => ({
  region,
  title: `${region}老街路灯损坏`,
  body: '老街路灯损坏多日，群众夜间出行不便。',
  category: '城乡建设',
});
const jointSessionInput = {
  region: nanxun,
  hostCommittee: '南浔区政协',
  title: '浔德平跨区域协商：太湖南岸水环境联保',
  kind: 'CROSS_REGION',
  partners: [
    { region: deqing, committee: '德清县政协' },
    { region: pinghu, committee: '平湖市政协' },
  ],
};
const approval = {
  meeting: '第十二届主席会议',
  planYear: 2026,
  platform: 'PLEASE_COME_AND_CONSULT',
  lead: 'SECTORS',
};

async function approvedTopic(region: string) {
  const staff = await staffOf(region);
  const { id } = await must<{ id: string }>(staff, mutations.proposeTopic, {
    input: { ...topicInput(region), source: 'LEADERS' },
  });
  await must(staff, mutations.approveTopic, { id, input: approval });
  return id;
}

async function seedRegion(region: string) {
  const staff = await staffOf(region);
  const id = (query: string, variables: Record<string, unknown>) =>
    must<{ id: string }>(staff, query, variables).then((r) => r.id);
  seeds.member[region] = await id(mutations.createMember, { input: memberInput(region) });
  seeds.proposal[region] = await id(mutations.submitProposal, { input: proposalInput(region) });
  seeds.topic[region] = await approvedTopic(region);
  seeds.consultation[region] = await id(mutations.createConsultation, {
    input: { region, topicId: seeds.topic[region] },
  });
  seeds.task[region] = await id(mutations.createSupervisionTask, { input: taskInput(region) });
  seeds.letterTask[region] = await letterIssuedTask(region);
}

/** The handling unit of `region` that supervision letters go to, and its callers' subject. */
const unitOf = (region: string) => `${region}住房和城乡建设局`;

/** A fresh supervision task of `region`, its letter issued to the region's unit. */
async function letterIssuedTask(region: string) {
  const staff = await staffOf(region);
  const step = (id: string, input: Record<string, unknown>) =>
    must(staff, mutations.recordSupervisionStep, { id, input });
  const { id } = await must<{ id: string }>(staff, mutations.createSupervisionTask, {
    input: taskInput(region),
  });
  await step(id, { action: 'INSPECT', note: '实地察看' });
  await step(id, { action: 'CONSULT', note: '协商座谈' });
  const letter = { note: '民主监督建议书', handlingUnit: unitOf(region), deadline: '2099-12-31' };
  await step(id, { action: 'ISSUE_LETTER', ...letter });
  return id;
}

/** A fresh opinion item of `region`, accepted, ready to be routed once. */
async function acceptedOpinionItem(region: string) {
  const staff = await staffOf(region);
  const { id } = await must<{ id: string }>(staff, mutations.submitOpinionItem, {
    input: opinionInput(region),
  });
  await must(staff, mutations.reviewOpinionItem, { id });
  return id;
}

/** A fresh 六联 session hosted by 南浔, at its first stage. */
const freshJointSession = async () =>
  (
    await must<{ id: string }>(await staffOf(nanxun), mutations.createJointSession, {
      input: jointSessionInput,
    })
  ).id;

// ---------------------------------------------------------------------------------------
// The operations, one row each: the node asked (the target's, or the caller's own), the
// regions whose records it acts on, the rule, and the request. `vars` may make what one
// cell needs for itself (a command that moves a record on can be applied only once).

interface Case {
  name: string;
  at: At;
  targets: readonly string[];
  rule: Rule;
  query: string;
  vars(target: string): Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Where the caller's node reports a command it sent. */
  receipts?: 'consultationsCommandStatus' | 'jointSessionsCommandStatus';
}

const receiptFields = 'id status error { reason }';

const reads_: Case[] = [
  {
    name: 'read a proposal at its owner',
    at: 'owner',
    targets: regions,
    rule: readById,
    query: 'query($id: ID!) { proposal(id: $id) { id } }',
    vars: (t) => ({ id: seeds.proposal[t] }),
  },
  {
    name: 'read a proposal at the caller’s node (replicas)',
    at: 'home',
    targets: regions,
    rule: readById,
    query: 'query($id: ID!) { proposal(id: $id) { id } }',
    vars: (t) => ({ id: seeds.proposal[t] }),
  },
  {
    name: 'read a member at its committee',
    at: 'owner',
    targets: regions,
    rule: readById,
    query: 'query($id: ID!) { member(id: $id) { id } }',
    vars: (t) => ({ id: seeds.member[t] }),
  },
  {
    name: 'read a consultation at its owner',
    at: 'owner',
    targets: regions,
    rule: readById,
    query: 'query($id: ID!) { consultation(id: $id) { id } }',
    vars: (t) => ({ id: seeds.consultation[t] }),
  },
  {
    name: 'read a supervision task at its owner',
    at: 'owner',
    targets: regions,
    rule: readById,
    query: 'query($id: ID!) { supervisionTask(id: $id) { id } }',
    vars: (t) => ({ id: seeds.task[t] }),
  },
  {
    name: 'list published proposals at the region’s node',
    at: 'owner',
    targets: regions,
    rule: readPublishedRegion,
    query:
      'query($r: ID!) { publishedProposals(region: $r, includeSubregions: true) { totalCount } }',
    vars: (t) => ({ r: t }),
  },
  {
    name: 'list proposals with subregions at the caller’s node',
    at: 'home',
    targets: regions,
    rule: readRegion,
    query: 'query($r: ID!) { proposals(region: $r, includeSubregions: true) { totalCount } }',
    vars: (t) => ({ r: t }),
  },
  {
    name: 'proposal statistics at the caller’s node',
    at: 'home',
    targets: regions,
    rule: readRegion,
    query: 'query($r: ID!) { proposalStatistics(region: $r) { total { total } } }',
    vars: (t) => ({ r: t }),
  },
  {
    name: 'member statistics at the caller’s node',
    at: 'home',
    targets: regions,
    rule: readRegion,
    query: 'query($r: ID!) { memberStatistics(region: $r) { total { total } } }',
    vars: (t) => ({ r: t }),
  },
  {
    name: 'member activity at the caller’s node',
    at: 'home',
    targets: regions,
    rule: readRegion,
    query: 'query($r: ID!) { memberActivity(region: $r, term: 12) { total { members } } }',
    vars: (t) => ({ r: t }),
  },
  {
    name: 'supervision statistics of a year at the caller’s node',
    at: 'home',
    targets: regions,
    rule: readRegion,
    query:
      'query($r: ID!) { supervisionStatistics(region: $r, period: { year: 2026 }) { total { total } } }',
    vars: (t) => ({ r: t }),
  },
  {
    name: 'list supervision tasks with subregions at the caller’s node',
    at: 'home',
    targets: regions,
    rule: readRegion,
    query:
      'query($r: ID!) { supervisionTasks(region: $r, includeSubregions: true) { totalCount } }',
    vars: (t) => ({ r: t }),
  },
  {
    name: 'replication status at the caller’s node',
    at: 'home',
    targets: regions,
    rule: readRegion,
    query: 'query($r: ID!) { replicationStatus(region: $r) { proposals { deadLetters } } }',
    vars: (t) => ({ r: t }),
  },
];

const writes_: Case[] = [
  {
    name: 'register a member',
    at: 'owner',
    targets: regions,
    rule: staffWrite,
    query: mutations.createMember,
    vars: (t) => ({ input: memberInput(t) }),
  },
  {
    name: 'submit a proposal (a member as lead proposer)',
    at: 'owner',
    targets: regions,
    rule: staffOrMemberWrite,
    query: mutations.submitProposal,
    vars: (t) => ({ input: proposalInput(t) }),
  },
  {
    name: 'propose a consultation topic (委员荐题)',
    at: 'owner',
    targets: regions,
    rule: staffOrMemberWrite,
    query: mutations.proposeTopic,
    vars: (t) => ({ input: topicInput(t) }),
  },
  {
    name: 'plan a consultation on an approved topic',
    at: 'owner',
    targets: regions,
    rule: staffWrite,
    query: mutations.createConsultation,
    vars: (t) => ({ input: { region: t, topicId: seeds.topic[t] } }),
  },
  {
    name: 'record a supervision step',
    at: 'owner',
    targets: regions,
    rule: staffWrite,
    query: mutations.recordSupervisionStep,
    vars: (t) => ({ id: seeds.task[t], input: { action: 'INSPECT', note: '实地察看' } }),
  },
  {
    name: 'take a supervision step on a replica, at the node above the owner',
    at: 'above',
    targets: [huzhou, nanxun, deqing, pinghu],
    rule: replicaWrite,
    query: mutations.recordSupervisionStep,
    vars: (t) => ({ id: seeds.letterTask[t], input: { action: 'REMIND', note: '请加快整改' } }),
  },
  {
    name: 'give feedback on a supervision letter (the unit it went to)',
    at: 'owner',
    targets: [nanxun],
    rule: staffOrUnitWrite,
    query: mutations.recordSupervisionStep,
    vars: async (t) => ({
      id: await letterIssuedTask(t),
      input: { action: 'FEEDBACK', note: '已整改到位' },
    }),
  },
  {
    name: 'submit an opinion item (a member as themselves)',
    at: 'owner',
    targets: regions,
    rule: staffOrMemberWrite,
    query: mutations.submitOpinionItem,
    vars: (t) => ({ input: opinionInput(t) }),
  },
  {
    name: 'create a joint session',
    at: 'owner',
    targets: [nanxun],
    rule: staffWrite,
    query: mutations.createJointSession,
    vars: () => ({ input: jointSessionInput }),
  },
  {
    name: 'route an opinion item up a level (报上级, a referral to the node above)',
    at: 'owner',
    targets: [huzhou, nanxun],
    rule: staffWrite,
    query:
      'mutation($id: ID!) { routeOpinionItem(id: $id, input: { nature: POLICY }) { id routedTo { code } } }',
    vars: async (t) => ({ id: await acceptedOpinionItem(t) }),
  },
];

const commands: Case[] = [
  {
    name: 'dispatch a supervision task (派单)',
    at: 'home',
    targets: regions,
    rule: dispatch,
    query: `mutation($input: CreateSupervisionTaskInput!) { dispatchSupervisionTask(input: $input) { ${receiptFields} } }`,
    vars: (t) => ({ input: taskInput(t) }),
    receipts: 'consultationsCommandStatus',
  },
  {
    name: 'remind a supervision task (催办)',
    at: 'home',
    targets: regions,
    rule: remind,
    query: `mutation($id: ID!) { remindSupervisionTask(id: $id, note: "请加快整改") { ${receiptFields} } }`,
    vars: (t) => ({ id: seeds.letterTask[t] }),
    receipts: 'consultationsCommandStatus',
  },
  {
    name: 'contribute to a joint consultation (三级会商)',
    at: 'home',
    targets: [huzhou],
    rule: contribute,
    query: `mutation($id: ID!) { contributeToConsultation(consultationId: $id, suggestions: [{ text: "统筹推进溇港保护" }]) { ${receiptFields} } }`,
    vars: () => ({ id: seeds.jointConsultation }),
    receipts: 'consultationsCommandStatus',
  },
  {
    name: 'agree a joint session’s next stage (六联)',
    at: 'home',
    targets: [nanxun],
    rule: agree,
    query: `mutation($id: ID!, $host: ID!) { agreeJointSessionStage(id: $id, host: $host, to: PLAN) { ${receiptFields} } }`,
    vars: async (t) => ({ id: await freshJointSession(), host: t }),
    receipts: 'jointSessionsCommandStatus',
  },
];

// ---------------------------------------------------------------------------------------
// Asking, and reading the answer as one outcome.

const subjectOf = (caller: Caller) =>
  caller.kind === 'member'
    ? (seeds.member[caller.region] as string)
    : caller.kind === 'unit'
      ? unitOf(caller.region)
      : `${caller.kind}-${caller.region}`;

const clients = new Map<string, Promise<GraphqlClient>>();
function clientOf(caller: Caller, node: string): Promise<GraphqlClient> {
  const key = `${nameOf(caller)}>${node}`;
  let client = clients.get(key);
  if (!client) {
    const url = `${host.gatewayUrl}/${node}/graphql`;
    const { kind, region } = caller;
    client =
      kind === 'anonymous'
        ? Promise.resolve(createGraphqlClient(url))
        : hostToken(host.gateway, {
            subject: subjectOf(caller),
            region,
            roles: [kind],
            nodes: [node],
          }).then((token) => createGraphqlClient(url, token));
    clients.set(key, client);
  }
  return client;
}

function askerOf(caller: Caller, at: At, target: string): Asker {
  if (caller.kind === 'anonymous')
    return { roles: ['public'], region: caller.region, node: caller.region, anonymous: true };
  const node = { owner: target, home: caller.region, above: above[target] as string }[at];
  return { roles: [caller.kind], region: caller.region, node, anonymous: false };
}

interface Receipt {
  id: string;
  status: string;
  error: { reason: string } | null;
}
const isReceipt = (value: unknown): value is Receipt =>
  typeof value === 'object' && value !== null && 'status' in value;

/** A command's answer as the sending node reports it (read by that node's staff). */
async function settled(receipt: Receipt, node: string, field: NonNullable<Case['receipts']>) {
  if (receipt.status !== 'PENDING') return receipt;
  const staff = await staffOf(node);
  const read = () =>
    staff
      .request<Record<string, Receipt>>(
        `query($id: ID!) { ${field}(id: $id) { ${receiptFields} } }`,
        { id: receipt.id },
      )
      .then((r) => r[field] as Receipt);
  return until(read, (r) => r.status !== 'PENDING');
}

async function outcomeOf(c: Case, caller: Caller, target: string, asker: Asker) {
  const api = await clientOf(caller, asker.node);
  const answer = await api.send<Record<string, unknown>>(c.query, await c.vars(target));
  const error = answer.errors?.[0];
  if (error) return `${error.extensions?.code} ${error.extensions?.reason ?? ''}`.trim();
  const value = Object.values(answer.data ?? {})[0];
  if (value === null || value === undefined) return absent;
  if (c.receipts && isReceipt(value)) {
    const { status, error: refusal } = await settled(value, asker.node, c.receipts);
    return refusal ? `${status} ${refusal.reason}` : status;
  }
  return ok;
}

interface Cell {
  key: string;
  expected: string;
  actual: string;
}

/** Every cell of a row: each caller on each target, `batch` at a time. */
const batch = 16;
async function runRow(c: Case): Promise<Cell[]> {
  const cells = c.targets.flatMap((target) => callers.map((caller) => ({ target, caller })));
  const done: Cell[] = [];
  for (let i = 0; i < cells.length; i += batch) {
    const group = cells.slice(i, i + batch);
    done.push(
      ...(await Promise.all(
        group.map(async ({ target, caller }) => {
          const asker = askerOf(caller, c.at, target);
          return {
            key: `${target} by ${nameOf(caller)} at ${asker.node}`,
            expected: c.rule(asker, target),
            actual: await outcomeOf(c, caller, target, asker),
          };
        }),
      )),
    );
  }
  return done;
}

const mismatches = (cells: Cell[]) =>
  cells
    .filter((cell) => cell.expected !== cell.actual)
    .map((cell) => `${cell.key}: expected ${cell.expected}, got ${cell.actual}`);

// ---------------------------------------------------------------------------------------

/** Waits until every node above a record's owner holds its replica. */
async function replicated(query: string, ids: Record<string, string>) {
  await Promise.all(
    regions.flatMap((owner) =>
      regions
        .filter((node) => node !== owner && holds(node, owner))
        .map(async (node) => {
          const staff = await staffOf(node);
          await until(
            () => staff.send<Record<string, unknown>>(query, { id: ids[owner] }),
            (r) => Object.values(r.data ?? {})[0] != null,
          );
        }),
    ),
  );
}

/** How many cells ended in each outcome, over the whole matrix. */
const tally = new Map<string, number>();
describe('the authorisation matrix: role × level × region × operation', () => {
  beforeAll(async () => {
    await Promise.all(regions.map(seedRegion));
    seeds.jointConsultation = (
      await must<{ id: string }>(await staffOf(huzhou), mutations.createConsultation, {
        input: {
          region: huzhou,
          topicId: await approvedTopic(huzhou),
          parties: jointConsultationParties,
        },
      })
    ).id;
    await Promise.all([
      replicated('query($id: ID!) { proposal(id: $id) { id } }', seeds.proposal),
      replicated('query($id: ID!) { member(id: $id) { id } }', seeds.member),
      replicated('query($id: ID!) { supervisionTask(id: $id) { id } }', seeds.letterTask),
      ...[province, nanxun].map(async (party) => {
        const staff = await staffOf(party);
        await until(
          () =>
            staff.send<{ consultation: unknown }>(
              'query($id: ID!) { consultation(id: $id) { id } }',
              {
                id: seeds.jointConsultation,
              },
            ),
          (r) => r.data?.consultation != null,
        );
      }),
    ]);
  });

  describe.each([
    ['reads', reads_],
    ['writes', writes_],
    ['commands across nodes', commands],
  ] as const)('%s', (_, rows) => {
    for (const row of rows)
      it(`${row.name}: every caller on every target as the rules say`, async () => {
        const cells = await runRow(row);
        for (const { actual } of cells) tally.set(actual, (tally.get(actual) ?? 0) + 1);
        expect(mismatches(cells)).toEqual([]);
      });
  });

  it('delivers each allowed referral into the inbox of the committee upper, and no other', async () => {
    // The referral's receipt is kept at the referring node only by its command id, which
    // routeOpinionItem does not return: the arrival at the owner is the caller's proof.
    // the staff and the admin of each referring committee (南浔 to 湖州, 湖州 to the province)
    const expected = { [province]: 2, [huzhou]: 2 };
    for (const [upper, count] of Object.entries(expected)) {
      const staff = await staffOf(upper);
      const inbox = () =>
        staff
          .request<{ opinionItems: { edges: { node: { sourceRegion: { code: string } } }[] } }>(
            `query($r: ID!) { opinionItems(region: $r) { edges { node { sourceRegion { code } } } } }`,
            { r: upper },
          )
          .then((r) => r.opinionItems.edges.filter((e) => e.node.sourceRegion).length);
      expect(await until(inbox, (n) => n >= count)).toBe(count);
    }
    const cells = [...tally.values()].reduce((sum, n) => sum + n, 0);
    console.info(`authorisation matrix: ${cells} cells asserted`, Object.fromEntries(tally));
  });
});
