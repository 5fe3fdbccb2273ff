import { adminCredentials, type NodeHost, nodeCredentials } from '@huishang/infra';
import {
  type AggregateType,
  type CommandEnvelope,
  type CommandResult,
  commandResultSubject,
  commandSubject,
  commandTypes,
  type EventEnvelope,
  eventSubject,
  type ForwardedIdentity,
  validateCommand,
} from '@huishang/schema';
import { createPool, newId } from '@huishang/subgraph-kit';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BusTestbed, gatewayClient, startBusTestbed, until } from '../support/hosts.js';

// Nanxun (330503) turned hostile, with nothing but its own NATS user; Deqing (330521) the
// owner it attacks; Huzhou (330500) and Zhejiang (330000) above both. One host runs the
// four honest nodes, as the province demo does; the attacks go straight onto the bus.
const regions = ['330000', '330500', '330503', '330521'];
const deqing = '330521';

let testbed: BusTestbed;
let host: NodeHost;
let db: ReturnType<typeof createPool>;
const connections: NatsConnection[] = [];

beforeAll(async () => {
  testbed = await startBusTestbed('hostile_node', regions);
  host = await testbed.startHost(regions, { poolSize: 10, consumerCheckMs: 300 });
  db = createPool(testbed.database.url, 1);
});

afterAll(async () => {
  await Promise.all(connections.map((c) => c.close()));
  await db?.end();
  await testbed?.close();
});

async function connectAs(credentials: { user: string; pass: string; inboxPrefix?: string }) {
  const nc = await connect({ servers: testbed.nats.url, ...credentials });
  connections.push(nc);
  return nc;
}

/**
 * What a hostile node writes by hand: a payload its owner would apply for an honest
 * caller. Each is checked against the command schemas below, so a schema that changes
 * fails this test loudly rather than making its commands refused for another reason.
 */
const payloads: Record<string, Record<string, unknown>> = {
  'consultation.contribute': {
    consultationId: newId(),
    participants: [{ name: '湖州市政协委员', kind: 'MEMBER' }],
    suggestions: [{ text: '由湖州统筹推进太湖溇港保护' }],
  },
  'joint-session.agree-stage': { id: newId(), to: 'PLAN' },
  'opinion-item.refer': {
    item: {
      id: newId(),
      region: '330500',
      title: '莫干山景区周边停车难',
      body: '节假日游客车辆占道，村民出行不便。',
      category: 'URBAN',
      place: '德清县莫干山镇',
      submitterId: null,
    },
  },
  'supervision-task.dispatch': {
    input: {
      region: deqing,
      title: '省政协交办：下渚湖湿地违建整改',
      source: 'MEDIA',
      committee: '人资环委',
    },
  },
  'supervision-task.remind': { id: newId(), note: '省政协催办' },
};

/** Callers a node's NATS user cannot speak for: one of another node, one of another region. */
const forgedCallers: { caller: ForwardedIdentity; reason: string }[] = [
  {
    caller: { subject: 'staff-330000', region: '330000', roles: ['staff'], node: '330000' },
    reason: "sent by node 330503, but names node 330000 as the caller's",
  },
  {
    caller: { subject: 'staff-330500', region: '330500', roles: ['staff'], node: '330503' },
    reason: 'node 330503 speaks only for callers of its own region, not of 330500',
  },
];

const envelope = (type: string, caller: ForwardedIdentity): CommandEnvelope => ({
  commandId: newId(),
  type,
  schemaVersion: 1,
  issuedAt: new Date().toISOString(),
  owner: deqing,
  caller,
  payload: payloads[type] as Record<string, unknown>,
  trace: {},
});

const statusQuery = `query($region: ID!) { replicationStatus(region: $region) {
  consultations { deadLetters consumers { name mismatch stalled recreated } }
  jointSessions { deadLetters }
  proposals { deadLetters consumers { name mismatch stalled recreated } } } }`;
interface ConsumerHealth {
  name: string;
  mismatch: string | null;
  stalled: boolean;
  recreated: number;
}
interface Status {
  consultations: { deadLetters: number; consumers: ConsumerHealth[] };
  jointSessions: { deadLetters: number };
  proposals: { deadLetters: number; consumers: ConsumerHealth[] };
}
const statusAt = async (region: string) =>
  (
    await (
      await gatewayClient(host, region)
    ).request<{ replicationStatus: Status }>(statusQuery, {
      region,
    })
  ).replicationStatus;

const parkedReasons = async (schema: string) =>
  (
    await db.query<{ reason: string }>(`SELECT reason FROM "${schema}"._dead_letter ORDER BY id`)
  ).rows.map((r) => r.reason);

describe('a hostile node with its own NATS credentials', () => {
  it('has every command type it sends in a caller’s name it cannot speak for parked, none applied', async () => {
    const nanxun = await connectAs(nodeCredentials('330503'));
    const js = jetstream(nanxun);
    expect(commandTypes()).toEqual(Object.keys(payloads).toSorted());
    for (const type of commandTypes())
      for (const { caller } of forgedCallers) {
        const command = envelope(type, caller);
        expect(validateCommand(command)).toMatchObject({ ok: true });
        const [aggregate, name] = type.split('.') as [AggregateType, string];
        // Its user may publish commands only with its own tokens as the sender's.
        await js.publish(
          commandSubject(deqing, aggregate, name, '330503'),
          JSON.stringify(command),
          {
            msgID: command.commandId,
          },
        );
      }
    const status = await until(
      () => statusAt(deqing),
      (s) => s.consultations.deadLetters === 8 && s.jointSessions.deadLetters === 2,
    );
    expect(status.consultations.deadLetters).toBe(8);
    const reasons = [
      ...(await parkedReasons(`consultations_${deqing}`)),
      ...(await parkedReasons(`joint_sessions_${deqing}`)),
    ];
    expect(reasons.toSorted()).toEqual(
      forgedCallers.flatMap(({ reason }) => Array(5).fill(reason)).toSorted(),
    );
    // Deqing's staff see no task "dispatched by the province".
    const tasks = await (await gatewayClient(host, deqing)).request<{
      supervisionTasks: { edges: { node: { title: string } }[] };
    }>(`query { supervisionTasks(region: "${deqing}") { edges { node { title } } } }`);
    expect(tasks.supervisionTasks.edges).toEqual([]);
  });

  it('has a second, different answer to a command flagged at the caller, the first kept', async () => {
    const province = await gatewayClient(host, '330000');
    const { dispatchSupervisionTask } = await province.request<{
      dispatchSupervisionTask: { id: string };
    }>(
      `mutation($input: CreateSupervisionTaskInput!) { dispatchSupervisionTask(input: $input) { id status } }`,
      {
        input: {
          region: deqing,
          title: '省政协交办：德清县生活垃圾分类民主监督',
          source: 'MEDIA',
          committee: '人口资源环境委员会',
        },
      },
    );
    const receiptQuery = `query($id: ID!) { consultationsCommandStatus(id: $id) { status result } }`;
    const receipt = () =>
      province
        .request<{ consultationsCommandStatus: { status: string; result: string | null } }>(
          receiptQuery,
          { id: dispatchSupervisionTask.id },
        )
        .then((r) => r.consultationsCommandStatus);
    const applied = await until(receipt, (r) => r.status === 'APPLIED');
    const before = (await statusAt('330000')).consultations.deadLetters;

    // Only Deqing's user can answer as Deqing: an owner that answers twice, differently.
    const owner = await connectAs(nodeCredentials(deqing));
    const second: CommandResult = {
      commandId: dispatchSupervisionTask.id,
      type: 'supervision-task.dispatch',
      owner: deqing,
      answeredAt: new Date().toISOString(),
      status: 'REJECTED',
      result: null,
      error: { code: 'FORBIDDEN', reason: 'KIT_FORBIDDEN', message: 'no' },
    };
    await jetstream(owner).publish(
      commandResultSubject('330000', dispatchSupervisionTask.id, deqing),
      JSON.stringify(second),
      { msgID: newId() },
    );
    await until(
      () => statusAt('330000'),
      (s) => s.consultations.deadLetters === before + 1,
    );
    expect(await parkedReasons('consultations_330000')).toContain(
      'conflicting answer: answered APPLIED already; a second answer says REJECTED',
    );
    expect(await receipt()).toEqual(applied);
  });

  it('finds a deleted consumer missing and makes it again, and alarms one changed behind its back', async () => {
    const admin = await jetstreamManager(await connectAs(adminCredentials('330000')));
    const name = 'proposals_330500-proposal';
    const stream = 'CPPCC_EVT_330000';
    const huzhouConsumer = () =>
      statusAt('330500').then((s) => s.proposals.consumers.find((c) => c.name === name));
    // The node makes its consumers as it starts reading.
    await until(
      () =>
        admin.consumers.info(stream, name).then(
          () => true,
          () => false,
        ),
      Boolean,
    );
    await admin.consumers.delete(stream, name);
    expect(await until(huzhouConsumer, (c) => (c?.recreated ?? 0) >= 1)).toMatchObject({
      mismatch: null,
      recreated: 1,
    });
    const filterOnServer = () =>
      admin.consumers.info(stream, name).then(
        (info) => info.config.filter_subject,
        () => null,
      );
    expect(await until(filterOnServer, (filter) => filter !== null)).toBe(
      'cppcc.evt.330000.330500.*.proposal.*',
    );

    // An operator (or anyone with the admin's key) re-makes it to read one county only.
    const narrowed = 'cppcc.evt.330000.330500.330503.proposal.*';
    await until(
      async () => {
        await admin.consumers.delete(stream, name).catch(() => false);
        return admin.consumers
          .add(stream, {
            durable_name: name,
            filter_subject: narrowed,
            ack_policy: AckPolicy.Explicit,
            deliver_policy: DeliverPolicy.All,
          })
          .then(
            (info) => info.config.filter_subject,
            () => null,
          );
      },
      (filter) => filter === narrowed,
    );
    const alarmed = await until(huzhouConsumer, (c) => c?.mismatch !== null);
    expect(alarmed?.mismatch).toBe(`reads ${narrowed}, not cppcc.evt.330000.330500.*.proposal.*`);

    // Deleted again, the node makes its own consumer, and the alarm ends.
    await admin.consumers.delete(stream, name);
    expect(await until(huzhouConsumer, (c) => c?.mismatch === null)).toMatchObject({
      mismatch: null,
    });
    expect(await until(filterOnServer, (filter) => filter !== narrowed && filter !== null)).toBe(
      'cppcc.evt.330000.330500.*.proposal.*',
    );
  });

  it('cannot claim a record another county created, even with a newer version on its own subject', async () => {
    const deqingStaff = await gatewayClient(host, deqing);
    const { submitProposal } = await deqingStaff.request<{
      submitProposal: { id: string; version: number };
    }>(`mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { id version } }`, {
      input: {
        region: deqing,
        term: 10,
        session: 3,
        title: '关于加强莫干山民宿集聚区污水收集处理的建议',
        body: '民宿集聚区旺季污水量成倍增长，部分终端超负荷运行，建议统筹扩容并纳入长效运维。',
        keywords: ['民宿', '污水处理'],
        category: 'URBAN_RURAL_DEVELOPMENT',
        collectiveProposer: '民进德清县基层委员会',
        suggestions: ['扩容集聚区污水终端', '建立旺季巡检机制'],
      },
    });
    const huzhouSees = () =>
      gatewayClient(host, '330500').then((api) =>
        api
          .request<{ proposal: { version: number; region: { code: string } } | null }>(
            `query($id: ID!) { proposal(id: $id) { version region { code } } }`,
            { id: submitProposal.id },
          )
          .then((r) => r.proposal),
      );
    await until(huzhouSees, (p) => p !== null);

    // Nanxun takes Deqing's own event off the wire (as any copy would be) and re-publishes
    // it as its own, one version newer: a replica must not let it claim the id.
    const {
      rows: [row],
    } = await db.query<{ envelope: EventEnvelope }>(
      `SELECT envelope FROM proposals_${deqing}._outbox WHERE envelope->'aggregate'->>'id' = $1 ORDER BY seq DESC LIMIT 1`,
      [submitProposal.id],
    );
    const genuine = row?.envelope as EventEnvelope;
    const version = genuine.aggregate.version + 1;
    const claim: EventEnvelope = {
      ...genuine,
      eventId: newId(),
      originRegion: '330503',
      aggregate: { ...genuine.aggregate, version },
      payload: {
        ...genuine.payload,
        snapshot: { ...(genuine.payload.snapshot as object), region: '330503', version },
      },
    };
    const parkedBefore = (await statusAt('330500')).proposals.deadLetters;
    const nanxun = await connectAs(nodeCredentials('330503'));
    const eventName = genuine.type.slice(genuine.type.indexOf('.') + 1);
    await jetstream(nanxun).publish(
      eventSubject('330503', 'proposal', eventName),
      JSON.stringify(claim),
      { msgID: claim.eventId },
    );
    await until(
      () => statusAt('330500'),
      (s) => s.proposals.deadLetters === parkedBefore + 1,
    );
    expect(await parkedReasons('proposals_330500')).toContain(
      `proposal ${submitProposal.id} was created by ${deqing}, not 330503`,
    );
    expect(await huzhouSees()).toEqual({
      version: submitProposal.version,
      region: { code: deqing },
    });
  });
});
