import { randomUUID } from 'node:crypto';
import { validateEvent } from '@huishang/schema';
import {
  type GraphQLResponseBody,
  inDays,
  startTestSubgraph,
  type TestCaller,
} from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { proposalsSubgraph } from '../src/index.js';

// Nanxun 330503 owns the proposals; Huzhou 330500 keeps replicas of them.
const subgraph = await startTestSubgraph(proposalsSubgraph, {
  regions: ['330503', '330500'],
  label: 'proposals_lifecycle',
});
afterAll(() => subgraph.close());
const { gql, outbox } = subgraph;

const leadUnit = '南浔区农业农村局';
const coUnit = '南浔区生态环境分局';
const proposerId = randomUUID();
const member: TestCaller = { region: '330503', roles: ['member'], subject: proposerId };
const lead: TestCaller = { region: '330503', roles: ['unit'], subject: leadUnit };
const co: TestCaller = { region: '330503', roles: ['unit'], subject: coUnit };
const huzhou: TestCaller = { region: '330500' };

const fields = `id number status round colour deadline version isKey
  leaders { name post } reviews { step decision reviewer reason reviewedAt }
  handlingUnits { name role suggestionSeqs } urges { kind by note at }
  followUps { suggestionSeq by note at }
  replies { round suggestionSeq unit outcome text repliedAt }
  evaluations { round by rating comment evaluator evaluatedAt }`;
const submit = `mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { ${fields} } }`;
const step = (name: string) =>
  `mutation($id: ID!, $reason: String) { ${name}(id: $id, reason: $reason) { ${fields} } }`;
const decline = `mutation($id: ID!, $reason: String!) { declineProposal(id: $id, reason: $reason) { ${fields} } }`;
const assign = `mutation($id: ID!, $units: [HandlingUnitInput!]!, $deadline: String!, $isKey: Boolean, $leaders: [KeyProposalLeaderInput!]) {
  assignProposal(id: $id, units: $units, deadline: $deadline, isKey: $isKey, leaders: $leaders) { ${fields} } }`;
const urge = (name: string) =>
  `mutation($id: ID!, $note: String!) { ${name}(id: $id, note: $note) { ${fields} } }`;
const reply = `mutation($id: ID!, $unit: String!, $items: [ItemReplyInput!]!) {
  replyToProposal(id: $id, unit: $unit, items: $items) { ${fields} } }`;
const evaluate = `mutation($id: ID!, $by: EvaluationParty!, $rating: Satisfaction!) {
  evaluateProposal(id: $id, by: $by, rating: $rating) { ${fields} } }`;
const byId = `query($id: ID!) { proposal(id: $id) { ${fields} } }`;
const setRules = `mutation($region: ID!, $rules: ProposalRulesInput!) { setProposalRules(region: $region, rules: $rules) {
  region { code } minBodyLength minSuggestions keywordsRequired yellowWithinDays secondRoundDays } }`;
const rulesOf = `query($region: ID!) { proposalRules(region: $region) {
  minBodyLength minSuggestions keywordsRequired yellowWithinDays secondRoundDays } }`;

const sewage = {
  region: '330503',
  term: 10,
  session: 3,
  title: '关于推进农村生活污水治理设施长效运维的建议',
  body: '农村生活污水治理设施已基本实现行政村全覆盖，但部分终端设施建成后缺乏专业运维，出水水质不稳定。',
  keywords: ['农村污水', '长效运维'],
  category: 'AGRICULTURE_RURAL',
  proposerId,
  suggestions: ['建立区镇村三级运维责任清单', '引入第三方专业运维并开展考核'],
};
const units = [
  { name: leadUnit, role: 'LEAD' },
  { name: coUnit, role: 'CO', suggestionSeqs: [2] },
];
const item = (suggestionSeq: number, outcome = 'ADOPTED') => ({
  suggestionSeq,
  outcome,
  text: '已纳入年度重点工作，相关措施正在落实。',
});

/** The first field of a response: the proposal a mutation answers with. */
const answer = (result: GraphQLResponseBody) => {
  expect(result.errors).toBeUndefined();
  return Object.values(result.data)[0] as Record<string, unknown> & { id: string };
};

async function submitted(input: Record<string, unknown> = sewage) {
  return answer(await gql(submit, { input })).id;
}

async function preReviewed(input?: Record<string, unknown>) {
  const id = await submitted(input);
  answer(await gql(step('signInProposal'), { id }));
  answer(await gql(step('preReviewProposal'), { id }));
  return id;
}

async function assigned(deadline = inDays(30)) {
  const id = await preReviewed();
  answer(await gql(step('registerProposal'), { id }));
  answer(await gql(assign, { id, units, deadline }));
  return id;
}

/** Runs a write that must be refused: it records no event and leaves the proposal as it was. */
async function refused(id: string | null, write: () => Promise<GraphQLResponseBody>) {
  const before = id && (await gql(byId, { id })).data.proposal;
  let result: GraphQLResponseBody = {};
  const events = await subgraph.eventsOf('330503', async () => {
    result = await write();
  });
  expect(events).toEqual([]);
  if (id) expect((await gql(byId, { id })).data.proposal).toEqual(before);
  return result.errors[0].extensions;
}

describe('committee rules', () => {
  it('are the defaults until staff set them, and only staff of the committee may', async () => {
    expect((await gql(rulesOf, { region: '330500' }, huzhou)).data.proposalRules).toEqual({
      minBodyLength: 20,
      minSuggestions: 1,
      keywordsRequired: false,
      yellowWithinDays: 7,
      secondRoundDays: 30,
    });
    const rules = {
      minBodyLength: 30,
      minSuggestions: 2,
      keywordsRequired: true,
      yellowWithinDays: 10,
      secondRoundDays: 20,
    };
    for (const caller of [member, lead, huzhou])
      expect(
        (await gql(setRules, { region: '330503', rules }, caller)).errors[0].extensions.code,
      ).toBe('FORBIDDEN');
    expect(
      (await gql(setRules, { region: '330503', rules: { ...rules, yellowWithinDays: -1 } }))
        .errors[0].extensions,
    ).toMatchObject({ reason: 'KIT_INVALID_INPUT' });
    expect((await gql(setRules, { region: '330503', rules })).data.setProposalRules).toEqual({
      region: { code: '330503' },
      ...rules,
    });
    // city staff read a county's rules; the county's own are unchanged for the city
    expect(
      (await gql(rulesOf, { region: '330503' }, { region: '330500', node: '330503' })).data
        .proposalRules,
    ).toEqual(rules);
    expect(
      (await gql(rulesOf, { region: '330500' }, huzhou)).data.proposalRules.minSuggestions,
    ).toBe(1);
  });

  it('refuse a submission that breaks them with the rule’s code, writing nothing', async () => {
    for (const [input, reason] of [
      [{ ...sewage, body: '出水水质不稳定，群众反映较多，亟须解决。' }, 'PROPOSALS_BODY_TOO_SHORT'],
      [{ ...sewage, suggestions: ['建立区镇村三级运维责任清单'] }, 'PROPOSALS_TOO_FEW_SUGGESTIONS'],
      [{ ...sewage, keywords: [] }, 'PROPOSALS_KEYWORDS_REQUIRED'],
    ] as const)
      expect(await refused(null, () => gql(submit, { input }, member))).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason,
      });
  });

  it('colour proposals assigned after a change by the new threshold', async () => {
    // 10 days under Nanxun's threshold of 10: yellow; under the default 7 it would be green
    const id = await assigned(inDays(10));
    expect((await gql(byId, { id })).data.proposal.colour).toBe('YELLOW');
  });
});

describe('review', () => {
  it('records each decision with its reviewer and reason, as its own event', async () => {
    const id = await submitted();
    const steps: [string, () => Promise<GraphQLResponseBody>][] = [
      [
        'proposal.signed-in',
        () => gql(step('signInProposal'), { id }, { region: '330503', subject: '提案委 王敏' }),
      ],
      [
        'proposal.pre-reviewed',
        () =>
          gql(
            step('preReviewProposal'),
            { id, reason: '格式规范' },
            { region: '330503', subject: '提案委 李军' },
          ),
      ],
      ['proposal.converted', () => gql(step('convertProposal'), { id, reason: '转有关部门参考' })],
    ];
    for (const [type, write] of steps) {
      const events = await subgraph.eventsOf('330503', write);
      expect(events.map((e) => e.envelope.type)).toEqual([type]);
      expect(validateEvent(events[0]?.envelope)).toMatchObject({ ok: true });
    }
    expect((await gql(byId, { id })).data.proposal).toMatchObject({
      status: 'CONVERTED',
      number: null,
      version: 4,
      reviews: [
        { step: 'SIGN_IN', decision: 'PASSED', reviewer: '提案委 王敏', reason: null },
        { step: 'PRE_REVIEW', decision: 'PASSED', reviewer: '提案委 李军', reason: '格式规范' },
        {
          step: 'FINAL_REVIEW',
          decision: 'CONVERTED',
          reviewer: 'staff-330503',
          reason: '转有关部门参考',
        },
      ],
    });
  });

  it('refuses a decline without a reason, a step out of order, and reviews by non-staff', async () => {
    const id = await preReviewed();
    expect(await refused(id, () => gql(decline, { id, reason: '  ' }))).toMatchObject({
      reason: 'PROPOSALS_REASON_REQUIRED',
    });
    expect(await refused(id, () => gql(step('signInProposal'), { id }))).toMatchObject({
      reason: 'PROPOSALS_ILLEGAL_TRANSITION',
      fields: { state: 'PRE_REVIEWED', allowed: ['register', 'decline', 'convert'] },
    });
    expect(await refused(id, () => gql(step('registerProposal'), { id }, member))).toMatchObject({
      code: 'FORBIDDEN',
    });
    const declined = await subgraph.eventsOf('330503', () =>
      gql(decline, { id, reason: '属于个人诉求，不符合立案范围' }),
    );
    expect(declined.map((e) => e.envelope.type)).toEqual(['proposal.declined']);
    expect(await refused(id, () => gql(step('registerProposal'), { id }))).toMatchObject({
      fields: { state: 'DECLINED', allowed: [] },
    });
  });
});

describe('handling', () => {
  it('records reminders and escalations as events, only while units handle the proposal', async () => {
    const id = await assigned();
    const reminded = await subgraph.eventsOf('330503', () =>
      gql(urge('remindProposal'), { id, note: '请于本周内报送办理进度' }),
    );
    const escalated = await subgraph.eventsOf('330503', () =>
      gql(urge('escalateProposal'), { id, note: '提请分管领导督办' }),
    );
    expect([...reminded, ...escalated].map((e) => e.envelope.type)).toEqual([
      'proposal.reminded',
      'proposal.escalated',
    ]);
    expect(validateEvent(escalated[0]?.envelope)).toMatchObject({ ok: true });
    expect((await gql(byId, { id })).data.proposal).toMatchObject({
      status: 'ASSIGNED',
      version: 7,
      urges: [
        { kind: 'REMIND', by: 'staff-330503', note: '请于本周内报送办理进度' },
        { kind: 'ESCALATE', by: 'staff-330503', note: '提请分管领导督办' },
      ],
    });
    expect(await refused(id, () => gql(urge('remindProposal'), { id, note: ' ' }))).toMatchObject({
      reason: 'KIT_INVALID_INPUT',
    });
    expect(
      await refused(id, () => gql(urge('remindProposal'), { id, note: '请尽快' }, lead)),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('lists what is yellow or red now, here and, from replicas, at the city', async () => {
    const green = await assigned(inDays(40));
    const yellow = await assigned(inDays(3));
    const red = await assigned(inDays(3));
    // the deadline passed while it was handled: nothing but the clock changed
    await subgraph.db('330503').proposal.update({
      where: { id: red },
      data: {
        deadline: new Date(`${inDays(-1)}T00:00:00Z`),
        yellowFrom: new Date(`${inDays(-8)}T00:00:00Z`),
      },
    });
    const query = `query($region: ID!, $sub: Boolean, $colours: [Colour!]) {
      proposalsByColour(region: $region, includeSubregions: $sub, colours: $colours, first: 100) {
        totalCount edges { node { id colour } } } }`;
    const colours = async (variables: Record<string, unknown>, caller?: TestCaller) => {
      const result = await gql(query, variables, caller);
      expect(result.errors).toBeUndefined();
      return new Map(
        result.data.proposalsByColour.edges.map((e: { node: { id: string; colour: string } }) => [
          e.node.id,
          e.node.colour,
        ]),
      );
    };
    const late = await colours({ region: '330503' });
    expect([late.get(yellow), late.get(red), late.has(green)]).toEqual(['YELLOW', 'RED', false]);
    expect((await colours({ region: '330503', colours: ['GREEN'] })).get(green)).toBe('GREEN');

    // Huzhou answers from its replicas, and only with includeSubregions
    for (const { envelope } of await outbox('330503')) await subgraph.replicate('330500', envelope);
    expect((await colours({ region: '330500', sub: true }, huzhou)).get(yellow)).toBe('YELLOW');
    expect((await colours({ region: '330500' }, huzhou)).size).toBe(0);
  });
});

describe('reply and evaluation', () => {
  it('lets a unit reply only for itself and its items, and staff on a unit’s behalf', async () => {
    const id = await assigned();
    expect(
      await refused(id, () => gql(reply, { id, unit: coUnit, items: [item(1)] }, co)),
    ).toMatchObject({
      reason: 'PROPOSALS_NOT_RESPONSIBLE_FOR_ITEM',
      fields: { unit: coUnit, suggestionSeq: 1 },
    });
    expect(
      await refused(id, () => gql(reply, { id, unit: leadUnit, items: [item(1)] }, co)),
    ).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'PROPOSALS_ACTING_FOR_ANOTHER',
    });
    const elsewhere: TestCaller = {
      region: '330500',
      roles: ['unit'],
      subject: leadUnit,
      node: '330503',
    };
    expect(
      await refused(id, () => gql(reply, { id, unit: leadUnit, items: [item(1)] }, elsewhere)),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    answer(await gql(reply, { id, unit: coUnit, items: [item(2, 'PARTLY_ADOPTED')] }, co));
    // staff record the lead unit's answer on its behalf
    const replied = answer(await gql(reply, { id, unit: leadUnit, items: [item(1), item(2)] }));
    expect(replied).toMatchObject({ status: 'REPLIED', round: 1 });
  });

  it('opens one second round, answered and rated again, with its events; the replica follows', async () => {
    const id = await assigned();
    answer(
      await gql(reply, { id, unit: leadUnit, items: [item(1), item(2, 'NOT_ADOPTED')] }, lead),
    );
    const opened = await subgraph.eventsOf('330503', () =>
      gql(evaluate, { id, by: 'PROPOSER', rating: 'UNSATISFIED' }, member),
    );
    expect(opened.map((e) => e.envelope.type)).toEqual(['proposal.second-round-opened']);
    expect(validateEvent(opened[0]?.envelope)).toMatchObject({ ok: true });
    expect(opened[0]?.envelope.payload).toMatchObject({
      snapshot: { status: 'SECOND_ROUND', round: 2, deadline: inDays(20), yellowFrom: inDays(10) },
    });
    expect(
      await refused(id, () => gql(reply, { id, unit: leadUnit, items: [item(3)] }, lead)),
    ).toMatchObject({ reason: 'PROPOSALS_UNKNOWN_SUGGESTION' });
    answer(
      await gql(reply, { id, unit: leadUnit, items: [item(1), item(2, 'NOT_ADOPTED')] }, lead),
    );
    answer(await gql(evaluate, { id, by: 'UNIT', rating: 'BASIC' }, lead));
    const rated = answer(
      await gql(evaluate, { id, by: 'PROPOSER', rating: 'UNSATISFIED' }, member),
    );
    // an unsatisfied second round ends handling all the same: there is no third
    expect(rated).toMatchObject({ status: 'EVALUATED', round: 2 });
    expect(
      await refused(id, () => gql(evaluate, { id, by: 'PROPOSER', rating: 'SATISFIED' }, member)),
    ).toMatchObject({ reason: 'PROPOSALS_ALREADY_EVALUATED', fields: { state: 'EVALUATED' } });

    const followUp = `mutation($id: ID!, $seq: Int!, $note: String!) {
      recordFollowUp(id: $id, suggestionSeq: $seq, note: $note) { ${fields} } }`;
    expect(await refused(id, () => gql(followUp, { id, seq: 1, note: '已回访' }))).toMatchObject({
      code: 'CONFLICT',
      reason: 'PROPOSALS_NOT_OPEN_FOR_FOLLOW_UP',
      fields: { state: 'EVALUATED' },
    });
    expect(
      await refused(id, () => gql(followUp, { id, seq: 2, note: '已回访' }, member)),
    ).toMatchObject({ code: 'FORBIDDEN' });

    for (const { envelope } of await outbox('330503')) await subgraph.replicate('330500', envelope);
    const atHuzhou = await gql(byId, { id }, huzhou);
    expect(atHuzhou).toEqual(await gql(byId, { id }));
    expect(atHuzhou.data.proposal.replies).toHaveLength(4);

    const followUps = await gql(
      `{ followUpItems(region: "330500", includeSubregions: true, first: 100) { proposal { id } suggestion { seq } reply { round unit outcome } } }`,
      {},
      huzhou,
    );
    expect(followUps.data.followUpItems).toContainEqual({
      proposal: { id },
      suggestion: { seq: 2 },
      reply: { round: 2, unit: leadUnit, outcome: 'NOT_ADOPTED' },
    });

    // 回头看 closes the item, at the owner and, once replicated, at the city
    const followed = await subgraph.eventsOf('330503', () =>
      gql(followUp, { id, seq: 2, note: '第三方运维已在练市镇试点，拟明年全区推开' }),
    );
    expect(followed.map((e) => e.envelope.type)).toEqual(['proposal.followed-up']);
    expect(validateEvent(followed[0]?.envelope)).toMatchObject({ ok: true });
    await subgraph.replicate('330500', followed[0]?.envelope as never);
    const after = await gql(byId, { id }, huzhou);
    expect(after).toEqual(await gql(byId, { id }));
    expect(after.data.proposal).toMatchObject({ status: 'EVALUATED', version: 11 });
    const open = await gql(
      `{ followUpItems(region: "330500", includeSubregions: true, first: 100) { proposal { id } } }`,
      {},
      huzhou,
    );
    expect(open.data.followUpItems).not.toContainEqual({ proposal: { id } });
  });
});
