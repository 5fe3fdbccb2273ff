import { schemaName } from '@huishang/subgraph-kit';
import { startTestSubgraph, type TestCaller } from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import * as consultations from '../src/data/consultations.js';
import { decideTopic } from '../src/data/topics.js';
import { approveTopic, rejectTopic } from '../src/domain/topics.js';
import { consultationsSubgraph } from '../src/index.js';
import { approvedTopic } from './topics.js';

// Pinghu's consultation office on its own node: topics from the public, members and leaders
// through the chair's meeting, a 请你来协商 through the seven steps, its minutes, the
// three-party evaluation and what its suggestions became.
const subgraph = await startTestSubgraph(consultationsSubgraph, {
  regions: ['330482'],
  label: 'consultation_steps',
});
const { gql, outbox } = subgraph;
afterAll(subgraph.close);

const publicCaller: TestCaller = { region: '330482', roles: ['public'], subject: 'anonymous' };
const member: TestCaller = {
  region: '330482',
  roles: ['member'],
  subject: '01970000-0000-7000-8000-0000000000a1',
};
const housing = '平湖市住房和城乡建设局';
const unit: TestCaller = { region: '330482', roles: ['unit'], subject: housing };

const fields = `id title platform topicSource lead stage nextStage version
  topic { id title status }
  participants { id name kind attended }
  suggestions { id text adoption proposal { id } opinionItem { id title } }
  minutes minutesSentAt
  recipients { id name kind signOffDue signedOffAt signOffColour answerDue answeredAt answer answerColour }
  evaluations { party wellMade wellHandled consensus }`;
const topicFields = 'id title source status decidedBy planYear platform lead';

const advance = (id: string, to: string) =>
  gql(
    `mutation($id: ID!, $to: ConsultationStage!) { advanceConsultation(id: $id, to: $to) { ${fields} } }`,
    {
      id,
      to,
    },
  );
const reasonOf = (result: { errors?: { extensions: { reason?: string } }[] }) =>
  result.errors?.[0]?.extensions.reason;
const topicsSeenBy = (caller: TestCaller) =>
  gql(
    `{ consultationTopics(region: "330482") { totalCount edges { node { title status } } } }`,
    {},
    caller,
  ).then((r) => r.data.consultationTopics);

describe('topics and the chair’s meeting', () => {
  it('holds a public topic unseen by the public until the chair’s meeting approves it', async () => {
    const submitted = await gql(
      `mutation($input: PublicTopicInput!) { submitPublicTopic(input: $input) { id status } }`,
      {
        input: {
          region: '330482',
          title: '老旧小区加装电梯协调难',
          description: '多层住宅老人上下楼不便',
        },
      },
      publicCaller,
    );
    expect(submitted.errors).toBeUndefined();
    const { id } = submitted.data.submitPublicTopic;
    expect(submitted.data.submitPublicTopic.status).toBe('PENDING');

    expect(await topicsSeenBy(publicCaller)).toEqual({ totalCount: 0, edges: [] });
    expect(await topicsSeenBy(member)).toEqual({ totalCount: 0, edges: [] });
    const hidden = await gql(`{ consultationTopic(id: "${id}") { title } }`, {}, publicCaller);
    expect(hidden.data.consultationTopic).toBeNull();
    expect((await topicsSeenBy({ region: '330482' })).edges).toEqual([
      { node: { title: '老旧小区加装电梯协调难', status: 'PENDING' } },
    ]);

    // Planning on it before approval is refused, and nothing is written.
    const early = await gql(
      `mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { id } }`,
      { input: { region: '330482', topicId: id } },
    );
    expect(reasonOf(early)).toBe('CONSULTATIONS_TOPIC_NOT_APPROVED');

    const approved = await gql(
      `mutation($id: ID!, $input: ApproveTopicInput!) { approveTopic(id: $id, input: $input) { ${topicFields} } }`,
      {
        id,
        input: {
          meeting: '十届市政协第十二次主席会议',
          planYear: 2020,
          platform: 'PLEASE_COME_AND_CONSULT',
          lead: 'SECTORS',
        },
      },
    );
    expect(approved.data.approveTopic).toMatchObject({
      source: 'PUBLIC',
      status: 'APPROVED',
      decidedBy: '十届市政协第十二次主席会议',
      lead: 'SECTORS',
    });
    expect((await topicsSeenBy(publicCaller)).totalCount).toBe(1);
    const again = await gql(
      `mutation { rejectTopic(id: "${id}", meeting: "主席会议", reason: "重复") { id } }`,
    );
    expect(reasonOf(again)).toBe('CONSULTATIONS_TOPIC_DECIDED');
  });

  it('leaves one source at most ten topics waiting for the chair’s meeting', async () => {
    // The gateway names each anonymous address by a pseudonym of its own.
    const resident: TestCaller = { region: '330482', roles: ['public'], subject: 'anonymous:p1' };
    const suggest = (n: number) =>
      gql(
        `mutation($input: PublicTopicInput!) { submitPublicTopic(input: $input) { id status } }`,
        { input: { region: '330482', title: `当湖街道背街小巷改造（第${n}处）` } },
        resident,
      );
    for (let n = 1; n <= 10; n++) expect((await suggest(n)).errors).toBeUndefined();
    const refused = await suggest(11);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'KIT_TOO_MANY_PENDING',
    });
    const { edges } = await topicsSeenBy({ region: '330482', roles: ['staff'] });
    const titles = edges.map((e: { node: { title: string } }) => e.node.title);
    expect(titles.filter((t: string) => t.startsWith('当湖街道背街小巷改造'))).toHaveLength(10);
  });

  it('takes members’ topics from members and leaders’ topics only from the office', async () => {
    const propose = (source: string, caller: TestCaller) =>
      gql(
        `mutation($input: ProposeTopicInput!) { proposeTopic(input: $input) { ${topicFields} } }`,
        { input: { region: '330482', title: '南市楼宇停车难问题', source } },
        caller,
      );
    expect((await propose('MEMBERS', member)).data.proposeTopic).toMatchObject({
      source: 'MEMBERS',
      status: 'PENDING',
    });
    expect((await propose('LEADERS', member)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await propose('LEADERS', { region: '330482' })).data.proposeTopic.source).toBe(
      'LEADERS',
    );
    const anonymousLeader = await propose('LEADERS', publicCaller);
    expect(anonymousLeader.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('a 请你来协商 through the seven steps', () => {
  let id: string;
  let suggestionIds: string[];

  it('plans it on the approved topic and refuses a step out of order', async () => {
    const topicId = await approvedTopic(gql, {
      region: '330482',
      title: '南市楼宇停车难问题',
      platform: 'PLEASE_COME_AND_CONSULT',
      lead: 'LEADERS',
    });
    const created = await gql(
      `mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { ${fields} } }`,
      { input: { region: '330482', topicId, venue: '330482', heldOn: '2025-08-05' } },
    );
    expect(created.errors).toBeUndefined();
    id = created.data.createConsultation.id;
    expect(created.data.createConsultation).toMatchObject({
      title: '南市楼宇停车难问题',
      platform: 'PLEASE_COME_AND_CONSULT',
      lead: 'LEADERS',
      stage: 'TOPIC',
      nextStage: 'PLAN',
      topic: { id: topicId, status: 'APPROVED' },
    });

    const skipped = await advance(id, 'CONSULT');
    expect(skipped.errors[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CONSULTATIONS_ILLEGAL_STAGE',
      fields: { stage: 'TOPIC', allowed: ['PLAN'] },
    });
    expect(skipped.errors[0].message).toContain('选题');
    for (const to of ['PLAN', 'RESEARCH']) expect((await advance(id, to)).errors).toBeUndefined();
  });

  it('shows the public the approved topic but not the consultation held on it', async () => {
    const query = `{ consultationTopics(region: "330482", status: APPROVED) {
      edges { node { title consultations { id } } } } }`;
    const onTopic = (result: { data: { consultationTopics: { edges: unknown[] } } }) =>
      result.data.consultationTopics.edges.find(
        (edge) => (edge as { node: { title: string } }).node.title === '南市楼宇停车难问题',
      );
    expect(onTopic(await gql(query, {}))).toEqual({
      node: { title: '南市楼宇停车难问题', consultations: [{ id }] },
    });
    expect(onTopic(await gql(query, {}, publicCaller))).toEqual({
      node: { title: '南市楼宇停车难问题', consultations: [] },
    });
  });

  it('records participants invited and attending, and suggestions', async () => {
    const joined = await gql(
      `mutation($id: ID!, $p: [ParticipantInput!]!) { addParticipants(consultationId: $id, participants: $p) { ${fields} } }`,
      {
        id,
        p: [
          { memberId: '01970000-0000-7000-8000-0000000000a1', name: '沈丽华', kind: 'MEMBER' },
          { name: '平湖市委书记', kind: 'OFFICIAL', affiliation: '中共平湖市委' },
          { name: '交通规划专家', kind: 'EXPERT', affiliation: '嘉兴学院' },
          { name: '南市商户代表', kind: 'PUBLIC', attended: false },
        ],
      },
    );
    const [, , , trader] = joined.data.addParticipants.participants;
    expect(trader.attended).toBe(false);
    const came = await gql(
      `mutation($id: ID!, $ids: [ID!]!) { recordAttendance(consultationId: $id, participantIds: $ids, attended: true) { participants { attended } } }`,
      { id, ids: [trader.id] },
    );
    expect(
      came.data.recordAttendance.participants.map((p: { attended: boolean }) => p.attended),
    ).toEqual([true, true, true, true]);
    expect((await advance(id, 'CONSULT')).errors).toBeUndefined();
    const recorded = await gql(
      `mutation($id: ID!, $s: [SuggestionInput!]!) { recordSuggestions(consultationId: $id, suggestions: $s) { ${fields} } }`,
      {
        id,
        s: [
          { text: '错峰开放机关企事业单位停车场', proposedBy: '沈丽华' },
          { text: '设置“孝心停车位”' },
          { text: '建设南市立体停车库' },
        ],
      },
    );
    suggestionIds = recorded.data.recordSuggestions.suggestions.map((s: { id: string }) => s.id);
    expect(suggestionIds).toHaveLength(3);
    expect((await advance(id, 'REPORT')).errors).toBeUndefined();
  });

  it('sends the minutes before feedback, and colours sign-off and answer until done', async () => {
    expect(reasonOf(await advance(id, 'FEEDBACK'))).toBe('CONSULTATIONS_STEP_INCOMPLETE');
    const sent = await gql(
      `mutation($id: ID!, $r: [RecipientInput!]!) { sendConsultationMinutes(consultationId: $id, minutes: "协商纪要：围绕南市楼宇停车难提出三条建议。", recipients: $r) { ${fields} } }`,
      {
        id,
        r: [
          { name: '中共平湖市委', kind: 'PARTY_COMMITTEE' },
          { name: '平湖市人民政府', kind: 'GOVERNMENT' },
          { name: housing, kind: 'DEPARTMENT' },
        ],
      },
    );
    expect(sent.errors).toBeUndefined();
    const consultation = sent.data.sendConsultationMinutes;
    const department = consultation.recipients[2];
    expect(department).toMatchObject({
      name: housing,
      signedOffAt: null,
      signOffColour: 'GREEN',
      answerColour: 'GREEN',
    });
    // due seven days after the day the minutes went out, in China
    const due = new Date(Date.parse(consultation.minutesSentAt) + 8 * 3_600_000);
    due.setUTCDate(due.getUTCDate() + 7);
    expect(department.signOffDue).toBe(due.toISOString().slice(0, 10));

    // The department answers for itself, but only once signed off; another unit may not.
    const act = (mutation: string, caller: TestCaller) =>
      gql(
        `mutation { ${mutation} { recipients { name signedOffAt signOffColour answer answerColour } } }`,
        {},
        caller,
      );
    expect(
      reasonOf(await act(`answerMinutes(recipientId: "${department.id}", answer: "已完成")`, unit)),
    ).toBe('CONSULTATIONS_RECIPIENT_STEP');
    const other = { ...unit, subject: '平湖市民政局' };
    expect(
      (await act(`signOffMinutes(recipientId: "${department.id}")`, other)).errors[0].extensions
        .code,
    ).toBe('FORBIDDEN');
    await act(`signOffMinutes(recipientId: "${department.id}")`, unit);
    const answered = await act(
      `answerMinutes(recipientId: "${department.id}", answer: "已在南市片区开放错峰共享车位 320 个")`,
      unit,
    );
    expect(answered.data.answerMinutes.recipients[2]).toMatchObject({
      signOffColour: null,
      answer: '已在南市片区开放错峰共享车位 320 个',
      answerColour: null,
    });
    expect((await advance(id, 'FEEDBACK')).errors).toBeUndefined();
  });

  it('turns suggestions into a proposal and an opinion item, linked both ways', async () => {
    const proposalId = '01970000-0000-7000-8000-0000000000b7';
    const [first, second] = suggestionIds as [string, string];
    await gql(
      `mutation { setSuggestionAdoption(suggestionId: "${first}", adoption: ADOPTED) { id } }`,
    );
    const linked = await gql(
      `mutation { linkSuggestion(suggestionId: "${first}", proposalId: "${proposalId}") { suggestions { proposal { id } } } }`,
    );
    expect(linked.data.linkSuggestion.suggestions[0]).toEqual({ proposal: { id: proposalId } });
    const twice = await gql(
      `mutation { linkSuggestion(suggestionId: "${first}", proposalId: "${proposalId}") { id } }`,
    );
    expect(reasonOf(twice)).toBe('CONSULTATIONS_SUGGESTION_LINKED');

    const item = await gql(
      `mutation($input: SubmitOpinionItemInput!) { submitOpinionItem(input: $input) { id } }`,
      {
        input: {
          region: '330482',
          title: '建议推广小区“孝心停车位”',
          body: '子女探望老人时小区停车难，建议推广孝心停车位。',
          category: '城乡建设',
        },
      },
    );
    const itemId = item.data.submitOpinionItem.id;
    await gql(
      `mutation { linkSuggestion(suggestionId: "${second}", opinionItemId: "${itemId}") { id } }`,
    );

    const back = await gql(
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Proposal { fromSuggestions { text } }
        ... on OpinionItem { fromSuggestions { text } } } }`,
      {
        reps: [
          { __typename: 'Proposal', id: proposalId },
          { __typename: 'OpinionItem', id: itemId },
        ],
      },
    );
    expect(back.data._entities).toEqual([
      { fromSuggestions: [{ text: '错峰开放机关企事业单位停车场' }] },
      { fromSuggestions: [{ text: '设置“孝心停车位”' }] },
    ]);
  });

  it('closes only after all three parties have evaluated', async () => {
    expect((await advance(id, 'EVALUATION')).errors).toBeUndefined();
    const evaluate = (party: string) =>
      gql(
        `mutation($id: ID!, $input: EvaluationInput!) { evaluateConsultation(consultationId: $id, input: $input) { evaluations { party } } }`,
        { id, input: { party, wellMade: 'GOOD', wellHandled: 'GOOD', consensus: 'FAIR' } },
      );
    await evaluate('MEMBERS');
    expect(reasonOf(await evaluate('MEMBERS'))).toBe('CONSULTATIONS_ALREADY_EVALUATED');
    const early = await advance(id, 'CLOSED');
    expect(early.errors[0].extensions).toMatchObject({
      reason: 'CONSULTATIONS_STEP_INCOMPLETE',
      fields: { missing: expect.stringContaining('PUBLIC_EXPERTS, GOVERNMENT') },
    });
    await evaluate('PUBLIC_EXPERTS');
    await evaluate('GOVERNMENT');
    const closed = await advance(id, 'CLOSED');
    expect(closed.data.advanceConsultation).toMatchObject({ stage: 'CLOSED', nextStage: null });
    expect(reasonOf(await advance(id, 'TOPIC'))).toBe('CONSULTATIONS_ILLEGAL_STAGE');

    // every change was one event, each one version on
    const versions = (await outbox('330482'))
      .filter((row) => row.envelope.aggregate.id === id)
      .map((row) => [row.envelope.type, row.envelope.aggregate.version]);
    expect(versions.at(-1)).toEqual([
      'consultation.stage-advanced',
      closed.data.advanceConsultation.version,
    ]);
    expect(versions.map(([, v]) => v)).toEqual(versions.map((_, i) => i + 1));
  });

  it('reports the year’s 6+X plan against what was held', async () => {
    const plan = await gql(
      `{ consultationPlan(region: "330482", year: 2025) { year six { planned held } x { planned held } topics { title lead } } }`,
    );
    expect(plan.data.consultationPlan).toMatchObject({
      year: 2025,
      six: { planned: 1, held: 1 },
      x: { planned: 0, held: 0 },
      topics: [{ title: '南市楼宇停车难问题', lead: 'LEADERS' }],
    });
  });
});

// Two steps checked on the same read, as two requests racing would be: the first is
// written, the second is refused and changes nothing.
describe('steps racing on the same read', () => {
  const db = subgraph.db('330482');
  const sink = { schema: schemaName(consultationsSubgraph.name, '330482'), origin: '330482' };
  const eventsOf = (id: string) =>
    outbox('330482').then((rows) =>
      rows.filter((r) => r.envelope.aggregate.id === id).map((r) => r.envelope.type),
    );

  it('takes one decision of the chair’s meeting on a topic, refusing the other', async () => {
    const proposed = await gql(
      `mutation($input: ProposeTopicInput!) { proposeTopic(input: $input) { id } }`,
      { input: { region: '330482', title: '当湖街道背街小巷改造', source: 'MEMBERS' } },
    );
    const read = await db.consultationTopic.findUniqueOrThrow({
      where: { id: proposed.data.proposeTopic.id },
    });
    const approval = approveTopic(read, {
      meeting: '主席会议',
      planYear: 2025,
      platform: 'SPECIAL_TOPIC',
    });
    const rejection = rejectTopic(read, { meeting: '主席会议', reason: '另行安排' });
    await decideTopic(db, sink, read, approval, new Date());
    await expect(decideTopic(db, sink, read, rejection, new Date())).rejects.toMatchObject({
      code: 'CONSULTATIONS_TOPIC_DECIDED',
      fields: { status: 'APPROVED' },
    });

    const seen = await gql(
      `{ consultationTopic(id: "${read.id}") { status decisionNote } }`,
      {},
      member,
    );
    expect(seen.data.consultationTopic).toEqual({ status: 'APPROVED', decisionNote: null });
    expect(await eventsOf(read.id)).toEqual([
      'consultation-topic.submitted',
      'consultation-topic.approved',
    ]);
  });

  it('sends the minutes, signs off and advances once, and never moves a stage back', async () => {
    const topicId = await approvedTopic(gql, {
      region: '330482',
      title: '当湖街道背街小巷改造',
      platform: 'SPECIAL_TOPIC',
    });
    const created = await gql(
      `mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { id } }`,
      { input: { region: '330482', topicId } },
    );
    const id = created.data.createConsultation.id as string;
    for (const to of ['PLAN', 'RESEARCH', 'CONSULT', 'REPORT'])
      expect((await advance(id, to)).errors).toBeUndefined();
    const conflict = { code: 'KIT_VERSION_CONFLICT' };

    const atReport = await consultations.findConsultationRows(db, id);
    if (!atReport) throw new Error('consultation not stored');
    const minutes = (text: string, name: string) => ({
      minutes: text,
      recipients: [{ name, kind: 'DEPARTMENT' as const }],
    });
    await consultations.sendMinutes(db, sink, atReport, minutes('纪要一', housing), new Date());
    await expect(
      consultations.sendMinutes(db, sink, atReport, minutes('纪要二', '平湖市民政局'), new Date()),
    ).rejects.toMatchObject(conflict);

    const sent = await consultations.findConsultationRows(db, id);
    const [recipient] = sent?.recipients ?? [];
    if (!sent || !recipient) throw new Error('minutes not sent');
    expect({ minutes: sent.minutes, recipients: sent.recipients.map((r) => r.name) }).toEqual({
      minutes: '纪要一',
      recipients: [housing],
    });
    const signedOffAt = new Date('2025-08-10T02:00:00Z');
    await consultations.updateRecipient(db, sink, recipient, sent.version, { signedOffAt });
    await expect(
      consultations.updateRecipient(db, sink, recipient, sent.version, {
        signedOffAt: new Date('2025-08-11T02:00:00Z'),
      }),
    ).rejects.toMatchObject(conflict);

    // A stale advance out of REPORT, after the office moved on to EVALUATION, is refused.
    const stale = await consultations.findConsultationRows(db, id);
    if (!stale) throw new Error('consultation not stored');
    await consultations.advanceStage(db, sink, stale, 'FEEDBACK');
    expect((await advance(id, 'EVALUATION')).errors).toBeUndefined();
    await expect(consultations.advanceStage(db, sink, stale, 'FEEDBACK')).rejects.toMatchObject(
      conflict,
    );

    const now = await gql(
      `{ consultation(id: "${id}") { stage version minutes recipients { name signedOffAt } } }`,
    );
    expect(now.data.consultation).toEqual({
      stage: 'EVALUATION',
      version: 9,
      minutes: '纪要一',
      recipients: [{ name: housing, signedOffAt: signedOffAt.toISOString() }],
    });
    const advanced = 'consultation.stage-advanced';
    expect(await eventsOf(id)).toEqual([
      'consultation.created',
      ...Array(4).fill(advanced),
      'consultation.minutes-sent',
      'consultation.minutes-signed-off',
      advanced,
      advanced,
    ]);
  });
});
