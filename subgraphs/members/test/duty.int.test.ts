import {
  type AggregateType,
  type EventEnvelope,
  eventSubject,
  validateEvent,
} from '@huishang/schema';
import { newId } from '@huishang/subgraph-kit';
import {
  startBusFixture,
  startTestSubgraph,
  type TestCaller,
  waitUntil,
} from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { membersSubgraph } from '../src/index.js';

// Nanxun's members node on a real NATS: the duty consumer reads the proposals and
// consultations Nanxun's other subgraphs publish, here published by the test as they would.
const bus = await startBusFixture({ schemas: [], label: 'members_duty_bus' });
const subgraph = await startTestSubgraph(membersSubgraph, {
  regions: ['330503'],
  label: 'members_duty',
  bus: { servers: bus.nats.url },
});
afterAll(async () => {
  await subgraph.close();
  await bus.close();
});
await subgraph.started();
const { gql } = subgraph;

const at = (day: string) => `${day}T02:00:00.000Z`;

/** A proposal's snapshot as the proposals subgraph publishes it. */
const proposal = (p: {
  id: string;
  version: number;
  status: string;
  title: string;
  proposerId: string;
  coProposerIds: string[];
  submittedOn: string;
}) => ({
  id: p.id,
  region: '330503',
  number: null,
  term: 12,
  session: 3,
  title: p.title,
  body: '建议内容 / body',
  keywords: [],
  category: 'CULTURE_HISTORY',
  status: p.status,
  proposerId: p.proposerId,
  coProposerIds: p.coProposerIds,
  collectiveProposer: null,
  isKey: false,
  deadline: null,
  submittedAt: at(p.submittedOn),
  registeredAt: null,
  assignedAt: null,
  repliedAt: null,
  round: 1,
  yellowFrom: null,
  crossTermOutcome: null,
  crossTermSortedIn: null,
  publishedAt: null,
  version: p.version,
  createdAt: at(p.submittedOn),
  updatedAt: at(p.submittedOn),
  suggestions: [{ seq: 1, text: '编制保护利用专项规划' }],
  handlingUnits: [],
  replies: [],
  evaluations: [],
  reviews: [],
  leaders: [],
  urges: [],
  followUps: [],
  crossTermVotes: [],
});

/** A consultation's snapshot with member participants, as the consultations subgraph publishes it. */
const consultation = (c: {
  id: string;
  version: number;
  heldOn: string;
  attendees: { memberId: string; name: string; attended: boolean }[];
}) => ({
  id: c.id,
  region: '330503',
  title: '“请你来协商”：菱湖镇农村生活污水治理',
  description: null,
  platform: 'PLEASE_COME_AND_CONSULT',
  topicSource: 'MEMBERS',
  stage: 'CONSULT',
  venue: null,
  venueName: null,
  heldOn: c.heldOn,
  topicId: null,
  lead: null,
  partyRegions: [],
  minutes: null,
  minutesSentAt: null,
  version: c.version,
  createdAt: at('2026-03-01'),
  updatedAt: at(c.heldOn),
  participants: c.attendees.map((a) => ({
    id: newId(),
    memberId: a.memberId,
    name: a.name,
    kind: 'MEMBER',
    affiliation: null,
    attended: a.attended,
    contributedBy: null,
  })),
  suggestions: [],
  recipients: [],
  evaluations: [],
});

/** An envelope from Nanxun, checked against the contract as the consumer will check it. */
function envelope(type: string, snapshot: { id: string; version: number }): EventEnvelope {
  const event = {
    eventId: newId(),
    type,
    schemaVersion: 1,
    occurredAt: new Date().toISOString(),
    originRegion: '330503',
    aggregate: {
      type: type.slice(0, type.indexOf('.')) as AggregateType,
      id: snapshot.id,
      version: snapshot.version,
    },
    payload: { snapshot },
    trace: {},
  };
  const validation = validateEvent(event);
  if (!validation.ok) throw new Error(`the test built an invalid ${type}: ${validation.reason}`);
  return validation.event;
}

/** Publishes on the owner's subject; `again` sends a copy under a new message id, past de-duplication. */
async function publish(event: EventEnvelope, again = false) {
  const name = event.type.slice(event.type.indexOf('.') + 1);
  await bus.js.publish(eventSubject('330503', event.aggregate.type, name), JSON.stringify(event), {
    msgID: again ? newId() : event.eventId,
  });
}

const memberDuty = `query($id: ID!, $kind: DutyKind) { member(id: $id) {
  dutyRecord(kind: $kind) { kind title occurredOn sourceType detail }
  dutyScore { total byKind { kind count points } } } }`;
const dutyOf = async (id: string, kind?: string) =>
  (await gql(memberDuty, { id, kind })).data.member;
const kindsOf = async (id: string) =>
  (await dutyOf(id)).dutyRecord.map((r: { kind: string }) => r.kind);

async function member(name: string): Promise<string> {
  const created = await gql(
    `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`,
    { input: { region: '330503', name, sector: '文化艺术界', party: 'CAPD', term: 12 } },
  );
  expect(created.errors).toBeUndefined();
  return created.data.createMember.id;
}

const [shen, qian, sun, yao] = [
  await member('沈丽华'),
  await member('钱志明'),
  await member('孙晓燕'),
  await member('姚国强'),
];
const ancientTown = newId();
const v1 = envelope(
  'proposal.submitted',
  proposal({
    id: ancientTown,
    version: 1,
    status: 'SUBMITTED',
    title: '关于加强南浔古镇保护与活化利用的建议',
    proposerId: shen,
    coProposerIds: [qian],
    submittedOn: '2026-01-12',
  }),
);
const v2 = envelope(
  'proposal.signed-in',
  proposal({
    id: ancientTown,
    version: 2,
    status: 'SIGNED_IN',
    title: '关于加强南浔古镇保护与活化利用的建议',
    proposerId: shen,
    coProposerIds: [sun],
    submittedOn: '2026-01-12',
  }),
);

describe('duty records from Nanxun’s own events', () => {
  it('credits a submitted proposal to its lead and co-signer, with scores', async () => {
    await publish(v1);
    await waitUntil(async () => (await kindsOf(qian)).length === 1, {
      what: 'the co-signer’s duty record',
      ms: 20_000,
    });
    expect(await dutyOf(shen)).toMatchObject({
      dutyRecord: [
        {
          kind: 'PROPOSAL_LED',
          title: '关于加强南浔古镇保护与活化利用的建议',
          occurredOn: '2026-01-12',
          sourceType: 'proposal',
          detail: 'SUBMITTED',
        },
      ],
      dutyScore: { total: 10 },
    });
    expect(await kindsOf(qian)).toEqual(['PROPOSAL_CO_SIGNED']);
    expect((await dutyOf(qian)).dutyScore.total).toBe(3);
  });

  it('publishes the summaries of the members credited, in the records’ transaction', async () => {
    const summaries = (await subgraph.outbox('330503'))
      .map((row) => row.envelope)
      .filter((e) => e.type === 'member.updated')
      .map((e) => [e.aggregate.id, (e.payload.snapshot as { duty: unknown }).duty]);
    expect(summaries).toEqual(
      expect.arrayContaining([
        [shen, { score: 10, records: { PROPOSAL_LED: 1 } }],
        [qian, { score: 3, records: { PROPOSAL_CO_SIGNED: 1 } }],
      ]),
    );
    expect(summaries).toHaveLength(2);
  });

  it('replaces what an older version implied by what the newer one implies', async () => {
    await publish(v2);
    await waitUntil(async () => (await kindsOf(sun)).length === 1, {
      what: 'the new co-signer’s duty record',
      ms: 20_000,
    });
    expect(await kindsOf(qian)).toEqual([]);
    expect((await dutyOf(shen)).dutyRecord).toEqual([
      expect.objectContaining({ kind: 'PROPOSAL_LED', detail: 'SIGNED_IN' }),
    ]);
  });

  it('changes nothing on a replay or an older version delivered late', async () => {
    await publish(v1, true);
    await publish(v2, true);
    // Proposals reach the consumer in stream order: once a later one shows, these were handled.
    const later = envelope(
      'proposal.submitted',
      proposal({
        id: newId(),
        version: 1,
        status: 'SUBMITTED',
        title: '关于完善双林镇农村公交线路的建议',
        proposerId: yao,
        coProposerIds: [],
        submittedOn: '2026-01-15',
      }),
    );
    await publish(later);
    await waitUntil(async () => (await kindsOf(yao)).length === 1, {
      what: 'the later proposal',
      ms: 20_000,
    });
    expect(await kindsOf(qian)).toEqual([]);
    expect(await kindsOf(sun)).toEqual(['PROPOSAL_CO_SIGNED']);
    expect((await dutyOf(shen)).dutyRecord).toEqual([
      expect.objectContaining({ kind: 'PROPOSAL_LED', detail: 'SIGNED_IN' }),
    ]);
  });

  it('credits the members who attended a consultation', async () => {
    await publish(
      envelope(
        'consultation.participants-added',
        consultation({
          id: newId(),
          version: 2,
          heldOn: '2026-03-18',
          attendees: [
            { memberId: shen, name: '沈丽华', attended: true },
            { memberId: qian, name: '钱志明', attended: false },
          ],
        }),
      ),
    );
    await waitUntil(async () => (await kindsOf(shen)).length === 2, {
      what: 'the consultation attended',
      ms: 20_000,
    });
    expect((await dutyOf(shen)).dutyRecord.map((r: { kind: string }) => r.kind)).toEqual([
      'CONSULTATION_ATTENDED',
      'PROPOSAL_LED',
    ]);
    expect((await dutyOf(shen, 'CONSULTATION_ATTENDED')).dutyRecord).toEqual([
      {
        kind: 'CONSULTATION_ATTENDED',
        title: '“请你来协商”：菱湖镇农村生活污水治理',
        occurredOn: '2026-03-18',
        sourceType: 'consultation',
        detail: 'CONSULT',
      },
    ]);
    expect(await kindsOf(qian)).toEqual([]);
    expect((await dutyOf(shen)).dutyScore.total).toBe(15);
  });
});

describe('speeches, weights and ranking', () => {
  const recordSpeech = `mutation($input: SpeechInput!) {
    recordSpeech(input: $input) { kind title occurredOn sourceType detail } }`;
  const setWeights = `mutation($input: DutyWeightsInput!) {
    setDutyWeights(region: "330503", input: $input) { proposalLed proposalCoSigned speech } }`;
  const ranking = `query($first: Int, $after: String) {
    dutyRanking(region: "330503", term: 12, first: $first, after: $after) {
      totalCount edges { node { rank score member { name } } } pageInfo { hasNextPage endCursor } } }`;

  it('records a speech as a duty record, by staff only', async () => {
    const speech = {
      memberId: qian,
      meeting: 'PLENARY',
      title: '推动南浔古镇文旅融合高质量发展',
      spokenOn: '2026-01-14',
    };
    const spoken = await gql(recordSpeech, { input: speech });
    expect(spoken.errors).toBeUndefined();
    expect(spoken.data.recordSpeech).toEqual({
      kind: 'SPEECH',
      title: '推动南浔古镇文旅融合高质量发展',
      occurredOn: '2026-01-14',
      sourceType: 'speech',
      detail: '全体会议 / plenary',
    });
    const byMember = await gql(recordSpeech, { input: speech }, {
      region: '330503',
      roles: ['member'],
      subject: qian,
    } satisfies TestCaller);
    expect(byMember.errors[0].extensions.code).toBe('FORBIDDEN');
    const badDay = await gql(recordSpeech, { input: { ...speech, spokenOn: '2026-02-30' } });
    expect(badDay.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await kindsOf(qian)).toEqual(['SPEECH']);
  });

  it('ranks the term’s members by score, ties by name in pinyin order, page by page', async () => {
    // 沈丽华 15, 孙晓燕 3, 钱志明 8, 姚国强 10
    const first = await gql(ranking, { first: 2 });
    expect(first.errors).toBeUndefined();
    expect(first.data.dutyRanking.totalCount).toBe(4);
    expect(first.data.dutyRanking.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { rank: 1, score: 15, member: { name: '沈丽华' } },
      { rank: 2, score: 10, member: { name: '姚国强' } },
    ]);
    const rest = await gql(ranking, { first: 2, after: first.data.dutyRanking.pageInfo.endCursor });
    expect(rest.data.dutyRanking.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { rank: 3, score: 8, member: { name: '钱志明' } },
      { rank: 4, score: 3, member: { name: '孙晓燕' } },
    ]);
    expect(rest.data.dutyRanking.pageInfo.hasNextPage).toBe(false);
  });

  it('scores with the committee’s own weights once set, refusing a bad one whole', async () => {
    const bad = await gql(setWeights, { input: { speech: 10, proposalCoSigned: 120 } });
    expect(bad.errors[0].extensions.reason).toBe('MEMBERS_INVALID_WEIGHT');
    const defaults = await gql(`{ dutyWeights(region: "330503") { speech proposalLed } }`);
    expect(defaults.data.dutyWeights).toEqual({ speech: 8, proposalLed: 10 });

    const set = await gql(setWeights, { input: { proposalLed: 6, speech: 12 } });
    expect(set.data.setDutyWeights).toEqual({ proposalLed: 6, proposalCoSigned: 3, speech: 12 });
    // 沈丽华 6 + 5 = 11, 钱志明 12, 姚国强 6, 孙晓燕 3
    const ranked = await gql(ranking, { first: 10 });
    expect(
      ranked.data.dutyRanking.edges.map(
        (e: { node: { rank: number; score: number; member: { name: string } } }) => [
          e.node.rank,
          e.node.member.name,
          e.node.score,
        ],
      ),
    ).toEqual([
      [1, '钱志明', 12],
      [2, '沈丽华', 11],
      [3, '姚国强', 6],
      [4, '孙晓燕', 3],
    ]);
    expect((await dutyOf(qian)).dutyScore.byKind).toContainEqual({
      kind: 'SPEECH',
      count: 1,
      points: 12,
    });
  });
});
