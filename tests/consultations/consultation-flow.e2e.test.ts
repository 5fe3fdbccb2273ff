import { createGraphqlClient, type NodeHost } from '@huishang/infra';
import type { Role } from '@huishang/schema';
import { answerOf } from '@huishang/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BusTestbed, gatewayClient, startBusTestbed, until } from '../support/hosts.js';

// 请你来协商·三级齐会商 through the gateways: Lishui's committee (331100) plans a
// consultation on a topic from the public, approved by its chair's meeting, with the
// province (330000) and Qingtian (331121) as parties, and walks it through the seven steps.
// Lishui runs in a host of its own, which is closed and started again on the same database
// while Qingtian contributes; the other two run in a second host. All on one NATS.
const owner = '331100';
const parties = ['330000', '331121'];
const allRegions = [owner, ...parties];

let testbed: BusTestbed;
let lishuiHost: NodeHost;
let partyHost: NodeHost;

const startHost = (regions: string[]) => testbed.startHost(regions, { anonymousRead: true });
const hostOf = (region: string) => (region === owner ? lishuiHost : partyHost);
const as = (region: string, roles: Role[] = ['staff'], subject = `t-${region}`) =>
  gatewayClient(hostOf(region), region, roles, subject);
const anonymous = () => createGraphqlClient(`${lishuiHost.gatewayUrl}/${owner}/graphql`);

type Api = ReturnType<typeof createGraphqlClient>;
// biome-ignore lint/suspicious/noExplicitAny: responses are read by path
type Body = any;
const send = (api: Api, query: string, variables: Record<string, unknown> = {}) =>
  api.send<Body>(query, variables) as Promise<{ data?: Body; errors?: Body[] }>;

const fields = `id stage nextStage version region { code } parties { code }
  participants { name contributedBy { code } } suggestions { text contributedBy { code } }
  recipients { id name signOffColour answerColour answer } evaluations { party }`;
const read = async (region: string, id: string) =>
  (await send(await as(region), `query($id: ID!) { consultation(id: $id) { ${fields} } }`, { id }))
    .data?.consultation;
const advance = async (id: string, to: string) =>
  send(
    await as(owner),
    `mutation($id: ID!, $to: ConsultationStage!) { advanceConsultation(id: $id, to: $to) { stage nextStage } }`,
    { id, to },
  );
const receipt = 'id status owner { code } error { reason }';
const contribute = async (id: string, text: string) =>
  send(
    await as('331121'),
    `mutation($id: ID!, $s: [SuggestionInput!]) { contributeToConsultation(consultationId: $id, suggestions: $s) { ${receipt} } }`,
    { id, s: [{ text, proposedBy: '青田县政协' }] },
  );
/** A command Qingtian sent, as its node reports it. */
const commandAtQingtian = async (id: string) =>
  (
    await send(
      await as('331121'),
      `query($id: ID!) { consultationsCommandStatus(id: $id) { ${receipt} } }`,
      { id },
    )
  ).data.consultationsCommandStatus;

beforeAll(async () => {
  testbed = await startBusTestbed('consultation_flow_e2e', allRegions);
  lishuiHost = await startHost([owner]);
  partyHost = await startHost(parties);
});

afterAll(() => testbed?.close());

let id: string;
const roadTopic = '破解青田县330国道复线建设用地指标瓶颈';

describe('a consultation through the gateways', () => {
  it('takes a topic from the public, unseen until the chair’s meeting approves it', async () => {
    const submitted = await send(
      anonymous(),
      `mutation($input: PublicTopicInput!) { submitPublicTopic(input: $input) { id status } }`,
      {
        input: { region: owner, title: roadTopic, description: '复线建设缺用地指标，群众出行不便' },
      },
    );
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data.submitPublicTopic.status).toBe('PENDING');
    const topicId = submitted.data.submitPublicTopic.id;
    const seen = `{ consultationTopics(region: "${owner}") { totalCount } }`;
    expect((await send(anonymous(), seen)).data.consultationTopics.totalCount).toBe(0);
    expect((await send(await as(owner), seen)).data.consultationTopics.totalCount).toBe(1);
    // Anonymous callers may submit a topic, and write nothing else.
    const other = await send(
      anonymous(),
      `mutation { advanceConsultation(id: "${topicId}", to: PLAN) { id } }`,
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const plan = `mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { ${fields} } }`;
    const input = { region: owner, topicId, venue: '331121', heldOn: '2022-06-16', parties };
    const early = await send(await as(owner), plan, { input });
    expect(early.errors?.[0]?.extensions?.reason).toBe('CONSULTATIONS_TOPIC_NOT_APPROVED');

    const approved = await send(
      await as(owner),
      `mutation($id: ID!, $input: ApproveTopicInput!) { approveTopic(id: $id, input: $input) { status } }`,
      {
        id: topicId,
        input: {
          meeting: '五届市政协第十八次主席会议',
          planYear: 2022,
          platform: 'PLEASE_COME_AND_CONSULT',
          lead: 'SECTORS',
        },
      },
    );
    expect(approved.data.approveTopic.status).toBe('APPROVED');
    expect((await send(anonymous(), seen)).data.consultationTopics.totalCount).toBe(1);

    const created = await send(await as(owner), plan, { input });
    expect(created.errors).toBeUndefined();
    id = created.data.createConsultation.id;
    expect(created.data.createConsultation).toMatchObject({
      stage: 'TOPIC',
      nextStage: 'PLAN',
      parties: [{ code: '330000' }, { code: '331121' }],
    });
  });

  it('refuses a step out of order, naming the current step and the next', async () => {
    expect((await advance(id, 'PLAN')).errors).toBeUndefined();
    const skipped = await advance(id, 'REPORT');
    expect(skipped.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CONSULTATIONS_ILLEGAL_STAGE',
      fields: { stage: 'PLAN', allowed: ['RESEARCH'] },
    });
    for (const to of ['RESEARCH', 'CONSULT'])
      expect((await advance(id, to)).errors).toBeUndefined();
  });

  it('lets Qingtian contribute through its own node, also while Lishui is offline', async () => {
    const atQingtian = await until(
      () => read('331121', id),
      (c) => c?.stage === 'CONSULT',
    );
    expect(atQingtian).toMatchObject({ region: { code: owner }, stage: 'CONSULT' });

    const applied = await contribute(id, '将330国道复线列入省重大产业项目，争取省级统筹用地指标');
    expect(await answerOf(applied.data.contributeToConsultation, commandAtQingtian)).toMatchObject({
      status: 'APPLIED',
      owner: { code: owner },
    });

    await testbed.stopHost(lishuiHost);
    const pending = await contribute(id, '市县联动做好耕地占补平衡');
    expect(pending.data.contributeToConsultation).toMatchObject({
      status: 'PENDING',
      owner: { code: owner },
    });
    const commandId = pending.data.contributeToConsultation.id;

    lishuiHost = await startHost([owner]);
    const status = async () => (await commandAtQingtian(commandId)).status;
    expect(await until(status, (s) => s === 'APPLIED')).toBe('APPLIED');

    const contributed = [
      {
        text: '将330国道复线列入省重大产业项目，争取省级统筹用地指标',
        contributedBy: { code: '331121' },
      },
      { text: '市县联动做好耕地占补平衡', contributedBy: { code: '331121' } },
    ];
    expect((await read(owner, id)).suggestions).toEqual(contributed);
    const replica = await until(
      () => read('331121', id),
      (c) => c?.suggestions.length === 2,
    );
    expect(replica.suggestions).toEqual(contributed);
  });

  it('walks the rest of the seven steps: minutes, sign-off and answer, evaluation', async () => {
    const lishui = await as(owner);
    await send(
      lishui,
      `mutation($id: ID!, $p: [ParticipantInput!]!) { addParticipants(consultationId: $id, participants: $p) { id } }`,
      {
        id,
        p: [
          { name: '丽水市自然资源和规划局负责人', kind: 'OFFICIAL' },
          { name: '交通规划专家', kind: 'EXPERT', affiliation: '浙江省交通规划设计研究院' },
        ],
      },
    );
    expect((await advance(id, 'REPORT')).errors).toBeUndefined();
    const tooSoon = await advance(id, 'FEEDBACK');
    expect(tooSoon.errors?.[0]?.extensions?.reason).toBe('CONSULTATIONS_STEP_INCOMPLETE');

    const department = '丽水市自然资源和规划局';
    const sent = await send(
      lishui,
      `mutation($id: ID!, $r: [RecipientInput!]!) { sendConsultationMinutes(consultationId: $id, minutes: "协商纪要：三级政协联动，建议省级统筹解决330国道复线用地指标。", recipients: $r) { recipients { id name signOffColour answerColour } } }`,
      {
        id,
        r: [
          { name: '中共丽水市委', kind: 'PARTY_COMMITTEE' },
          { name: '丽水市人民政府', kind: 'GOVERNMENT' },
          { name: department, kind: 'DEPARTMENT' },
        ],
      },
    );
    const recipient = sent.data.sendConsultationMinutes.recipients[2];
    expect(recipient).toMatchObject({
      name: department,
      signOffColour: 'GREEN',
      answerColour: 'GREEN',
    });

    const unit = await as(owner, ['unit'], department);
    await send(unit, `mutation { signOffMinutes(recipientId: "${recipient.id}") { id } }`);
    const answered = await send(
      unit,
      `mutation { answerMinutes(recipientId: "${recipient.id}", answer: "已报请省自然资源厅统筹安排用地指标") { recipients { signOffColour answerColour answer } } }`,
    );
    expect(answered.data.answerMinutes.recipients[2]).toEqual({
      signOffColour: null,
      answerColour: null,
      answer: '已报请省自然资源厅统筹安排用地指标',
    });

    for (const to of ['FEEDBACK', 'EVALUATION'])
      expect((await advance(id, to)).errors).toBeUndefined();
    for (const party of ['MEMBERS', 'PUBLIC_EXPERTS']) {
      const rated = await send(
        lishui,
        `mutation($id: ID!, $input: EvaluationInput!) { evaluateConsultation(consultationId: $id, input: $input) { id } }`,
        { id, input: { party, wellMade: 'GOOD', wellHandled: 'GOOD', consensus: 'GOOD' } },
      );
      expect(rated.errors).toBeUndefined();
    }
    const early = await advance(id, 'CLOSED');
    expect(early.errors?.[0]?.extensions).toMatchObject({
      reason: 'CONSULTATIONS_STEP_INCOMPLETE',
      fields: { missing: expect.stringContaining('GOVERNMENT') },
    });
    await send(
      lishui,
      `mutation($id: ID!, $input: EvaluationInput!) { evaluateConsultation(consultationId: $id, input: $input) { id } }`,
      {
        id,
        input: { party: 'GOVERNMENT', wellMade: 'GOOD', wellHandled: 'FAIR', consensus: 'GOOD' },
      },
    );
    expect((await advance(id, 'CLOSED')).data.advanceConsultation).toEqual({
      stage: 'CLOSED',
      nextStage: null,
    });

    // Both parties' nodes end up with the owner's record as it is.
    const atOwner = await read(owner, id);
    for (const party of parties) {
      const replica = await until(
        () => read(party, id),
        (c) => c?.stage === 'CLOSED',
      );
      expect(replica).toEqual(atOwner);
    }
    const late = await contribute(id, '会后补充意见');
    expect(late.data.contributeToConsultation).toMatchObject({
      status: 'REJECTED',
      error: { reason: 'CONSULTATIONS_ILLEGAL_STAGE' },
    });
  });
});
