import type { GraphqlClient, NodeHost } from '@huishang/infra';
import type { Role } from '@huishang/schema';
import { inDays } from '@huishang/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayClient, startTestHost } from '../support/hosts.js';

// Nanxun's node in process, on a fresh database; the proposal office, a member and two
// handling units work a proposal on rural sewage treatment through the gateway, each
// with their own token, and see what the gateway answers them.
let host: NodeHost;

const region = '330503';
const leadUnit = '南浔区农业农村局';
const coUnit = '南浔区生态环境分局';

const client = (subject: string, roles: Role[]) => gatewayClient(host, region, roles, subject);

let office: GraphqlClient; // 提案委 王敏
let reviewer: GraphqlClient; // 提案委 李军, reviewing at the same time
let member: GraphqlClient; // 钱国强, the lead proposer
let otherMember: GraphqlClient;
let lead: GraphqlClient;
let co: GraphqlClient;
let memberId = '';

const fields = `id number status round colour deadline isKey proposer { id name } collectiveProposer
  leaders { name post } reviews { step decision reviewer reason }
  handlingUnits { name role suggestionSeqs } urges { kind by note }
  replies { round suggestionSeq unit outcome } evaluations { round by rating evaluator }`;

type Proposal = Record<string, unknown> & { id: string };
type Failure = { code: string; reason: string; fields?: { state?: string; allowed?: string[] } };

/** Runs a mutation and returns the proposal it answers with, failing the test on an error. */
async function change(api: GraphqlClient, mutation: string, variables: Record<string, unknown>) {
  const result = await api.send<Record<string, Proposal>>(mutation, variables);
  expect(result.errors).toBeUndefined();
  return Object.values(result.data ?? {})[0] as Proposal;
}

/** Runs a mutation that must be refused, and returns what the caller is told. */
async function refusal(api: GraphqlClient, mutation: string, variables: Record<string, unknown>) {
  const result = await api.send(mutation, variables);
  expect(result.data?.[Object.keys(result.data ?? {})[0] as string] ?? null).toBeNull();
  const error = result.errors?.[0] as { message: string; extensions: Failure };
  return { ...error.extensions, message: error.message };
}

const read = async (id: string) =>
  (
    await office.request<{ proposal: Proposal }>(
      `query($id: ID!) { proposal(id: $id) { ${fields} } }`,
      { id },
    )
  ).proposal;

const submit = `mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { ${fields} } }`;
const review = (name: string) =>
  `mutation($id: ID!, $reason: String) { ${name}(id: $id, reason: $reason) { ${fields} } }`;
const signIn = review('signInProposal');
const preReview = review('preReviewProposal');
const register = review('registerProposal');
const convert = review('convertProposal');
const decline = `mutation($id: ID!, $reason: String!) { declineProposal(id: $id, reason: $reason) { ${fields} } }`;
const assign = `mutation($id: ID!, $units: [HandlingUnitInput!]!, $deadline: String!, $isKey: Boolean, $leaders: [KeyProposalLeaderInput!]) {
  assignProposal(id: $id, units: $units, deadline: $deadline, isKey: $isKey, leaders: $leaders) { ${fields} } }`;
const remind = `mutation($id: ID!, $note: String!) { remindProposal(id: $id, note: $note) { ${fields} } }`;
const escalate = `mutation($id: ID!, $note: String!) { escalateProposal(id: $id, note: $note) { ${fields} } }`;
const reply = `mutation($id: ID!, $unit: String!, $items: [ItemReplyInput!]!) {
  replyToProposal(id: $id, unit: $unit, items: $items) { ${fields} } }`;
const evaluate = `mutation($id: ID!, $by: EvaluationParty!, $rating: Satisfaction!, $comment: String) {
  evaluateProposal(id: $id, by: $by, rating: $rating, comment: $comment) { ${fields} } }`;

const sewage = {
  region,
  term: 10,
  session: 3,
  title: '关于推进农村生活污水治理设施长效运维的建议',
  body: '农村生活污水治理是美丽乡村建设的重要内容。我区农村生活污水治理设施已基本实现行政村全覆盖，但部分终端设施建成后缺乏专业运维，出水水质不稳定，群众反映较多。',
  keywords: ['农村污水', '长效运维', '美丽乡村'],
  category: 'AGRICULTURE_RURAL',
  suggestions: [
    '建立区镇村三级运维责任清单',
    '引入第三方专业运维并开展考核',
    '运用数字化手段实时监测出水水质',
  ],
};
const item = (suggestionSeq: number, outcome = 'ADOPTED') => ({
  suggestionSeq,
  outcome,
  text:
    outcome === 'NOT_ADOPTED'
      ? '受财力所限，第三方运维暂以试点方式推进，明年视成效再行推广。'
      : '已纳入年度重点工作，相关措施正在落实。',
});

beforeAll(async () => {
  host = await startTestHost('proposal_lifecycle_e2e', [region], { poolSize: 10 });
  office = await client('提案委 王敏', ['staff']);
  reviewer = await client('提案委 李军', ['staff']);
  const { createMember } = await office.request<{ createMember: { id: string } }>(
    `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`,
    { input: { region, name: '钱国强', sector: '农业界', party: 'CNDCA', term: 10 } },
  );
  memberId = createMember.id;
  member = await client(memberId, ['member']);
  otherMember = await client('01938a6e-1c2b-7d3e-8f40-5a6b7c8d9e02', ['member']);
  lead = await client(leadUnit, ['unit']);
  co = await client(coUnit, ['unit']);
});

afterAll(() => host?.close());

describe('a proposal’s lifecycle through the gateway', () => {
  let id = '';

  it('checks the committee’s rules on submission, and takes a member’s own proposal', async () => {
    const rules = await change(
      office,
      `mutation($rules: ProposalRulesInput!) { setProposalRules(region: "330503", rules: $rules) {
        region { code } minBodyLength minSuggestions keywordsRequired yellowWithinDays secondRoundDays } }`,
      {
        rules: {
          minBodyLength: 50,
          minSuggestions: 2,
          keywordsRequired: true,
          yellowWithinDays: 7,
          secondRoundDays: 30,
        },
      },
    );
    expect(rules).toMatchObject({ region: { code: region }, minBodyLength: 50 });

    for (const [input, reason] of [
      [
        { ...sewage, body: '部分终端设施建成后缺乏专业运维，出水水质不稳定。' },
        'PROPOSALS_BODY_TOO_SHORT',
      ],
      [{ ...sewage, suggestions: ['建立区镇村三级运维责任清单'] }, 'PROPOSALS_TOO_FEW_SUGGESTIONS'],
      [{ ...sewage, keywords: [] }, 'PROPOSALS_KEYWORDS_REQUIRED'],
    ] as const)
      expect(await refusal(member, submit, { input })).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason,
      });
    // a member submits only as the lead proposer, never for another member or a party body
    expect(
      await refusal(member, submit, {
        input: { ...sewage, proposerId: '01938a6e-1c2b-7d3e-8f40-5a6b7c8d9e02' },
      }),
    ).toMatchObject({ code: 'FORBIDDEN', reason: 'PROPOSALS_ACTING_FOR_ANOTHER' });
    expect(
      await refusal(member, submit, {
        input: { ...sewage, collectiveProposer: '农工党南浔区总支' },
      }),
    ).toMatchObject({ code: 'FORBIDDEN', reason: 'PROPOSALS_ACTING_FOR_ANOTHER' });
    // a unit does not submit proposals at all
    expect(await refusal(lead, submit, { input: sewage })).toMatchObject({ code: 'FORBIDDEN' });

    const submitted = await change(member, submit, { input: sewage });
    expect(submitted).toMatchObject({
      status: 'SUBMITTED',
      number: null,
      proposer: { id: memberId, name: '钱国强' },
    });
    id = submitted.id;
  });

  it('reviews in three steps, several reviewers at once, then registers with a number', async () => {
    expect(await refusal(office, register, { id })).toMatchObject({
      code: 'CONFLICT',
      reason: 'PROPOSALS_ILLEGAL_TRANSITION',
      fields: { state: 'SUBMITTED', allowed: ['signIn'] },
    });
    // two reviewers sign the same proposal in at once: one does, the other is told
    const both = await Promise.all([
      office.send(signIn, { id, reason: '材料齐全' }),
      reviewer.send(signIn, { id, reason: '材料齐全' }),
    ]);
    expect(both.filter((r) => !r.errors)).toHaveLength(1);
    const refused = both.find((r) => r.errors)?.errors?.[0] as { extensions: Failure };
    expect(refused.extensions.code).toBe('CONFLICT');

    await change(reviewer, preReview, { id, reason: '建议具体可行，符合立案标准' });
    const registered = await change(office, register, { id, reason: '同意立案' });
    expect(registered).toMatchObject({ status: 'REGISTERED', number: '第10届第3次会议第1号' });
    expect(registered.reviews).toEqual([
      expect.objectContaining({ step: 'SIGN_IN', decision: 'PASSED', reason: '材料齐全' }),
      {
        step: 'PRE_REVIEW',
        decision: 'PASSED',
        reviewer: '提案委 李军',
        reason: '建议具体可行，符合立案标准',
      },
      { step: 'FINAL_REVIEW', decision: 'REGISTERED', reviewer: '提案委 王敏', reason: '同意立案' },
    ]);

    const twice = await refusal(office, register, { id });
    expect(twice).toMatchObject({
      reason: 'PROPOSALS_ILLEGAL_TRANSITION',
      fields: { state: 'REGISTERED' },
    });
    expect(twice.message).toContain('已立案');
    expect(await refusal(lead, reply, { id, unit: leadUnit, items: [item(1)] })).toMatchObject({
      reason: 'PROPOSALS_ILLEGAL_TRANSITION',
      fields: { state: 'REGISTERED', allowed: ['assign'] },
    });
    expect(await read(id)).toMatchObject({ status: 'REGISTERED', replies: [] });
  });

  it('assigns a key proposal with its leading officials, and shows it yellow near the deadline', async () => {
    const units = [
      { name: leadUnit, role: 'LEAD' },
      { name: coUnit, role: 'CO', suggestionSeqs: [3] },
    ];
    const deadline = inDays(5);
    expect(await refusal(office, assign, { id, units, deadline, isKey: true })).toMatchObject({
      reason: 'PROPOSALS_KEY_LEADERS_REQUIRED',
    });
    const leaders = [{ name: '沈建国', post: '南浔区人民政府副区长' }];
    const assigned = await change(office, assign, { id, units, deadline, isKey: true, leaders });
    expect(assigned).toMatchObject({
      status: 'ASSIGNED',
      isKey: true,
      leaders,
      deadline,
      colour: 'YELLOW',
      handlingUnits: [
        { name: leadUnit, role: 'LEAD', suggestionSeqs: [1, 2, 3] },
        { name: coUnit, role: 'CO', suggestionSeqs: [3] },
      ],
    });

    const byColour = `query($colours: [Colour!]) { proposalsByColour(region: "330503", colours: $colours) {
      totalCount edges { node { id number colour } } } }`;
    const late = await office.request<{ proposalsByColour: { edges: { node: Proposal }[] } }>(
      byColour,
    );
    expect(late.proposalsByColour.edges.map((e) => e.node)).toContainEqual({
      id,
      number: '第10届第3次会议第1号',
      colour: 'YELLOW',
    });
    const green = await office.request<{ proposalsByColour: { totalCount: number } }>(byColour, {
      colours: ['GREEN'],
    });
    expect(green.proposalsByColour.totalCount).toBe(0);
  });

  it('records reminders and escalations with who pressed, for staff only', async () => {
    await change(office, remind, { id, note: '请于本周内报送办理进度' });
    const escalated = await change(reviewer, escalate, {
      id,
      note: '临近办理时限，提请分管领导督办',
    });
    expect(escalated.urges).toEqual([
      { kind: 'REMIND', by: '提案委 王敏', note: '请于本周内报送办理进度' },
      { kind: 'ESCALATE', by: '提案委 李军', note: '临近办理时限，提请分管领导督办' },
    ]);
    expect(await refusal(member, remind, { id, note: '请尽快办理' })).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('takes replies item by item, each unit for its own items only', async () => {
    expect(await refusal(co, reply, { id, unit: coUnit, items: [item(1)] })).toMatchObject({
      reason: 'PROPOSALS_NOT_RESPONSIBLE_FOR_ITEM',
    });
    expect(await refusal(co, reply, { id, unit: leadUnit, items: [item(1)] })).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'PROPOSALS_ACTING_FOR_ANOTHER',
    });
    expect(await change(co, reply, { id, unit: coUnit, items: [item(3)] })).toMatchObject({
      status: 'ASSIGNED',
      colour: 'YELLOW',
    });
    const replied = await change(lead, reply, {
      id,
      unit: leadUnit,
      items: [item(1), item(2, 'NOT_ADOPTED'), item(3, 'PARTLY_ADOPTED')],
    });
    expect(replied).toMatchObject({ status: 'REPLIED', colour: null, round: 1 });
    expect(replied.replies).toHaveLength(4);
  });

  it('opens a second round on a basically satisfied rating, then evaluates again', async () => {
    expect(
      await refusal(otherMember, evaluate, { id, by: 'PROPOSER', rating: 'SATISFIED' }),
    ).toMatchObject({ code: 'FORBIDDEN', reason: 'PROPOSALS_ACTING_FOR_ANOTHER' });
    expect(await refusal(member, evaluate, { id, by: 'UNIT', rating: 'SATISFIED' })).toMatchObject({
      code: 'FORBIDDEN',
    });

    const second = await change(member, evaluate, {
      id,
      by: 'PROPOSER',
      rating: 'BASIC',
      comment: '第三方运维推进不够，希望加快试点',
    });
    expect(second).toMatchObject({
      status: 'SECOND_ROUND',
      round: 2,
      deadline: inDays(30),
      colour: 'GREEN',
      evaluations: [{ round: 1, by: 'PROPOSER', rating: 'BASIC', evaluator: memberId }],
    });
    expect(
      await refusal(member, evaluate, { id, by: 'PROPOSER', rating: 'SATISFIED' }),
    ).toMatchObject({ reason: 'PROPOSALS_ILLEGAL_TRANSITION', fields: { state: 'SECOND_ROUND' } });

    const again = await change(lead, reply, {
      id,
      unit: leadUnit,
      items: [item(1), item(2, 'NOT_ADOPTED'), item(3)],
    });
    expect(again).toMatchObject({ status: 'REPLIED', round: 2 });
    expect((again.replies as { round: number }[]).filter((r) => r.round === 2)).toHaveLength(3);

    expect(await refusal(co, evaluate, { id, by: 'UNIT', rating: 'SATISFIED' })).toMatchObject({
      reason: 'PROPOSALS_ACTING_FOR_ANOTHER',
    });
    await change(lead, evaluate, {
      id,
      by: 'UNIT',
      rating: 'SATISFIED',
      comment: '建议具体，针对性强',
    });
    const done = await change(member, evaluate, { id, by: 'PROPOSER', rating: 'SATISFIED' });
    expect(done).toMatchObject({ status: 'EVALUATED', round: 2, colour: null });
    expect(done.evaluations).toEqual([
      { round: 1, by: 'PROPOSER', rating: 'BASIC', evaluator: memberId },
      { round: 2, by: 'UNIT', rating: 'SATISFIED', evaluator: leadUnit },
      { round: 2, by: 'PROPOSER', rating: 'SATISFIED', evaluator: memberId },
    ]);

    expect(
      await refusal(member, evaluate, { id, by: 'PROPOSER', rating: 'SATISFIED' }),
    ).toMatchObject({
      code: 'CONFLICT',
      reason: 'PROPOSALS_ALREADY_EVALUATED',
      fields: { state: 'EVALUATED' },
    });
  });

  it('keeps the item not adopted open for follow-up (回头看) until it is followed up', async () => {
    const { followUpItems } = await office.request<{
      followUpItems: {
        proposal: { id: string };
        suggestion: { seq: number; text: string };
        reply: { unit: string; round: number };
      }[];
    }>(
      `{ followUpItems(region: "330503") { proposal { id } suggestion { seq text } reply { unit round outcome } } }`,
    );
    expect(followUpItems).toEqual([
      {
        proposal: { id },
        suggestion: { seq: 2, text: '引入第三方专业运维并开展考核' },
        reply: { unit: leadUnit, round: 2, outcome: 'NOT_ADOPTED' },
      },
    ]);

    const followUp = `mutation($id: ID!, $seq: Int!, $note: String!) {
      recordFollowUp(id: $id, suggestionSeq: $seq, note: $note) { followUps { suggestionSeq by note } } }`;
    expect(await refusal(office, followUp, { id, seq: 1, note: '已回访' })).toMatchObject({
      code: 'CONFLICT',
      reason: 'PROPOSALS_NOT_OPEN_FOR_FOLLOW_UP',
    });
    const followed = await office.request<{ recordFollowUp: { followUps: unknown[] } }>(followUp, {
      id,
      seq: 2,
      note: '第三方运维已在练市镇试点，拟明年全区推开',
    });
    expect(followed.recordFollowUp.followUps).toEqual([
      { suggestionSeq: 2, by: '提案委 王敏', note: '第三方运维已在练市镇试点，拟明年全区推开' },
    ]);
    const after = await office.request<{ followUpItems: unknown[] }>(
      `{ followUpItems(region: "330503") { proposal { id } } }`,
    );
    expect(after.followUpItems).toEqual([]);
  });

  it('declines a proposal only with a reason, and converts another to an opinion letter', async () => {
    const collective = {
      ...sewage,
      title: '关于在南浔区各镇开展农村生活污水设施“一镇一档”建设的建议',
      collectiveProposer: '农工党南浔区总支',
    };
    const reviewed = async () => {
      const { id: next } = await change(office, submit, { input: collective });
      await change(office, signIn, { id: next });
      await change(reviewer, preReview, { id: next });
      return next;
    };

    const declined = await reviewed();
    expect(await refusal(office, decline, { id: declined, reason: ' ' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PROPOSALS_REASON_REQUIRED',
    });
    const no = await change(office, decline, {
      id: declined,
      reason: '与第1号提案内容重复，并入该案办理',
    });
    expect(no).toMatchObject({
      status: 'DECLINED',
      number: null,
      collectiveProposer: '农工党南浔区总支',
    });
    expect(no.reviews).toContainEqual({
      step: 'FINAL_REVIEW',
      decision: 'DECLINED',
      reviewer: '提案委 王敏',
      reason: '与第1号提案内容重复，并入该案办理',
    });
    expect(
      await refusal(office, assign, {
        id: declined,
        units: [{ name: leadUnit, role: 'LEAD' }],
        deadline: inDays(30),
      }),
    ).toMatchObject({
      reason: 'PROPOSALS_ILLEGAL_TRANSITION',
      fields: { state: 'DECLINED', allowed: [] },
    });

    const converted = await reviewed();
    expect(
      await change(office, convert, { id: converted, reason: '属工作建议，转有关部门参考' }),
    ).toMatchObject({
      status: 'CONVERTED',
      number: null,
    });
    expect(await refusal(office, register, { id: converted })).toMatchObject({
      reason: 'PROPOSALS_ILLEGAL_TRANSITION',
      fields: { state: 'CONVERTED' },
    });
  });
});
