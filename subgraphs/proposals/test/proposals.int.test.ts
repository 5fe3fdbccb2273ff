import { randomUUID } from 'node:crypto';
import { inDays, startTestSubgraph, type TestCaller } from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { proposalsSubgraph } from '../src/index.js';

const subgraph = await startTestSubgraph(proposalsSubgraph, { regions: ['330503', '330500'] });
const { gql, statements } = subgraph;
afterAll(subgraph.close);

const nanxun: TestCaller = { region: '330503' };

// Members live in the members subgraph; here they are only ids.
const feiZhiming = randomUUID();
const zhuLiping = randomUUID();
const qianGuoqiang = randomUUID();

const fields = `id number status title keywords category version colour deadline isKey leaders { name post }
  region { code } proposer { id } coProposers { id } collectiveProposer
  suggestions { seq text } handlingUnits { name role }
  replies { suggestionSeq unit outcome text repliedAt }
  evaluations { by rating comment evaluatedAt }
  submittedAt registeredAt assignedAt repliedAt`;

const submit = `mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { ${fields} } }`;
const register = `mutation($id: ID!) { registerProposal(id: $id) { ${fields} } }`;
const signIn = `mutation($id: ID!) { signInProposal(id: $id) { ${fields} } }`;
const preReview = `mutation($id: ID!) { preReviewProposal(id: $id) { ${fields} } }`;
/** 签收 and 预审, so that 复审 may register the proposal. */
async function reviewed(id: string) {
  for (const step of [signIn, preReview]) expect((await gql(step, { id })).errors).toBeUndefined();
}
const assign = `mutation($id: ID!, $units: [HandlingUnitInput!]!, $deadline: String!, $isKey: Boolean, $leaders: [KeyProposalLeaderInput!]) {
  assignProposal(id: $id, units: $units, deadline: $deadline, isKey: $isKey, leaders: $leaders) { ${fields} } }`;
const leaders = [{ name: '沈建国', post: '南浔区人民政府副区长' }];
const reply = `mutation($id: ID!, $unit: String!, $items: [ItemReplyInput!]!) {
  replyToProposal(id: $id, unit: $unit, items: $items) { ${fields} } }`;
const evaluate = `mutation($id: ID!, $by: EvaluationParty!, $rating: Satisfaction!, $comment: String) {
  evaluateProposal(id: $id, by: $by, rating: $rating, comment: $comment) { ${fields} } }`;
const byId = `query($id: ID!) { proposal(id: $id) { ${fields} } }`;

const ancientTown = {
  region: '330503',
  term: 10,
  session: 3,
  title: '关于加强南浔古镇保护与活化利用的建议',
  body: '南浔古镇的保护与活化利用是群众普遍关心的问题。百间楼等历史街区民居老化，消防、排水等设施不足，业态同质化明显。',
  keywords: ['古镇保护', '活化利用', '百间楼'],
  category: 'CULTURE_HISTORY',
  proposerId: feiZhiming,
  coProposerIds: [zhuLiping],
  suggestions: [
    '编制百间楼历史街区保护利用专项规划',
    '设立古建筑修缮专项资金',
    '引导特色业态入驻，避免同质化',
  ],
};
const sewage = {
  ...ancientTown,
  title: '关于推进农村生活污水治理设施长效运维的建议',
  body: '农村生活污水治理设施的长效运维是群众普遍关心的问题。部分终端设施建成后缺乏专业运维，出水水质不稳定。',
  keywords: ['农村污水', '长效运维'],
  category: 'AGRICULTURE_RURAL',
  proposerId: qianGuoqiang,
  coProposerIds: [],
  suggestions: ['建立区镇村三级运维责任清单', '引入第三方专业运维并开展考核'],
};
const units = [
  { name: '南浔区文化和广电旅游体育局', role: 'LEAD' },
  { name: '南浔区住房和城乡建设局', role: 'CO' },
];
const adopted = (suggestionSeq: number) => ({
  suggestionSeq,
  outcome: 'ADOPTED',
  text: '已纳入年度重点工作，相关措施正在落实。',
});

async function submitted(input: Record<string, unknown> = ancientTown): Promise<string> {
  const result = await gql(submit, { input });
  expect(result.errors).toBeUndefined();
  return result.data.submitProposal.id;
}

async function assigned(input: Record<string, unknown> = ancientTown): Promise<string> {
  const id = await submitted(input);
  await reviewed(id);
  await gql(register, { id });
  const result = await gql(assign, { id, units, deadline: inDays(30) });
  expect(result.errors).toBeUndefined();
  return id;
}

/** Assigned, replied in full by the lead unit, and rated by the proposer: 已评价. */
async function evaluated(input: typeof ancientTown = ancientTown): Promise<string> {
  const id = await assigned(input);
  const items = input.suggestions.map((_, i) => adopted(i + 1));
  expect((await gql(reply, { id, unit: units[0]?.name, items })).errors).toBeUndefined();
  const rated = await gql(evaluate, { id, by: 'PROPOSER', rating: 'SATISFIED' });
  expect(rated.errors).toBeUndefined();
  return id;
}

const totalCount = async (region = '330503', caller = nanxun) =>
  (
    await gql(
      `query($region: ID!) { proposals(region: $region) { totalCount } }`,
      { region },
      caller,
    )
  ).data.proposals.totalCount;

describe('proposals subgraph', () => {
  it('walks a proposal from submission through registration, assignment and reply to evaluation', async () => {
    // The 4th session is this test's own, so the proposal is its first number.
    const created = await gql(submit, { input: { ...ancientTown, session: 4 } });
    expect(created.errors).toBeUndefined();
    const proposal = created.data.submitProposal;
    expect(proposal).toMatchObject({
      number: null,
      status: 'SUBMITTED',
      version: 1,
      colour: null,
      region: { code: '330503' },
      proposer: { id: feiZhiming },
      coProposers: [{ id: zhuLiping }],
      collectiveProposer: null,
      suggestions: [
        { seq: 1, text: '编制百间楼历史街区保护利用专项规划' },
        { seq: 2, text: '设立古建筑修缮专项资金' },
        { seq: 3, text: '引导特色业态入驻，避免同质化' },
      ],
    });
    const id = proposal.id;

    await reviewed(id);
    const registered = (await gql(register, { id })).data.registerProposal;
    expect(registered).toMatchObject({
      status: 'REGISTERED',
      number: '第10届第4次会议第1号',
      version: 4,
    });
    expect(registered.registeredAt).toEqual(expect.any(String));

    const deadline = inDays(30);
    const assignedNow = await gql(assign, { id, units, deadline, isKey: true, leaders });
    expect(assignedNow.errors).toBeUndefined();
    expect(assignedNow.data.assignProposal).toMatchObject({
      status: 'ASSIGNED',
      deadline,
      isKey: true,
      colour: 'GREEN',
      handlingUnits: units,
      leaders,
      version: 5,
    });

    const byCoUnit = await gql(reply, {
      id,
      unit: '南浔区住房和城乡建设局',
      items: [
        {
          suggestionSeq: 2,
          outcome: 'PARTLY_ADOPTED',
          text: '将会同文旅部门争取省级历史文化名镇保护资金。',
        },
      ],
    });
    expect(byCoUnit.data.replyToProposal).toMatchObject({ status: 'ASSIGNED', repliedAt: null });

    const byLead = (
      await gql(reply, { id, unit: '南浔区文化和广电旅游体育局', items: [1, 2, 3].map(adopted) })
    ).data.replyToProposal;
    expect(byLead).toMatchObject({ status: 'REPLIED', colour: null, version: 7 });
    expect(byLead.replies).toHaveLength(4);
    expect(byLead.repliedAt).toEqual(expect.any(String));

    const rated = (
      await gql(evaluate, {
        id,
        by: 'PROPOSER',
        rating: 'SATISFIED',
        comment: '办理认真，答复具体',
      })
    ).data.evaluateProposal;
    expect(rated).toMatchObject({
      status: 'EVALUATED',
      evaluations: [{ by: 'PROPOSER', rating: 'SATISFIED', comment: '办理认真，答复具体' }],
    });
    const quality = (await gql(evaluate, { id, by: 'UNIT', rating: 'BASIC' })).data
      .evaluateProposal;
    expect(quality).toMatchObject({ status: 'EVALUATED', version: 9 });
    expect(quality.evaluations.map((e: { by: string }) => e.by)).toEqual(['PROPOSER', 'UNIT']);

    const read = (await gql(byId, { id })).data.proposal;
    expect(read).toEqual(quality);
  });

  it('numbers proposals in the order they are registered within a session', async () => {
    const early = await submitted({ ...sewage, session: 5 });
    const other = await submitted({ ...sewage, session: 6 });
    const late = await submitted({ ...sewage, session: 5 });
    const numberOf = async (id: string) => {
      await reviewed(id);
      return (await gql(register, { id })).data.registerProposal.number;
    };
    expect(await numberOf(late)).toBe('第10届第5次会议第1号');
    expect(await numberOf(early)).toBe('第10届第5次会议第2号');
    expect(await numberOf(other)).toBe('第10届第6次会议第1号');
  });

  it('gives proposals registered at the same moment distinct numbers without gaps', async () => {
    const ids = await Promise.all([1, 2, 3, 4, 5].map(() => submitted({ ...sewage, session: 7 })));
    const numbers = await Promise.all(
      ids.map(async (id) => {
        await reviewed(id);
        return (await gql(register, { id })).data.registerProposal.number;
      }),
    );
    expect(numbers.toSorted()).toEqual([1, 2, 3, 4, 5].map((n) => `第10届第7次会议第${n}号`));
  });

  it('refuses a reply before assignment, naming the current state', async () => {
    const id = await submitted(sewage);
    await reviewed(id);
    await gql(register, { id });
    const result = await gql(reply, { id, unit: '南浔区农业农村局', items: [adopted(1)] });
    expect(result.errors[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PROPOSALS_ILLEGAL_TRANSITION',
      fields: { state: 'REGISTERED', action: 'reply' },
    });
    expect(result.errors[0].message).toContain('已立案');
    expect((await gql(byId, { id })).data.proposal).toMatchObject({
      status: 'REGISTERED',
      replies: [],
    });
  });

  it('takes the proposer’s evaluation once', async () => {
    const id = await assigned();
    await gql(reply, { id, unit: units[0]?.name, items: [1, 2, 3].map(adopted) });
    await gql(evaluate, { id, by: 'PROPOSER', rating: 'SATISFIED' });
    const again = await gql(evaluate, { id, by: 'PROPOSER', rating: 'UNSATISFIED' });
    expect(again.errors[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PROPOSALS_ALREADY_EVALUATED',
    });
    expect((await gql(byId, { id })).data.proposal.evaluations).toMatchObject([
      { rating: 'SATISFIED' },
    ]);
  });

  it('refuses a reply from a unit that is not handling the proposal', async () => {
    const id = await assigned();
    const result = await gql(reply, { id, unit: '南浔区教育局', items: [adopted(1)] });
    expect(result.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PROPOSALS_NOT_HANDLING_UNIT',
      fields: { unit: '南浔区教育局' },
    });
    expect((await gql(byId, { id })).data.proposal).toMatchObject({
      status: 'ASSIGNED',
      replies: [],
      version: 5,
    });
  });

  it('refuses writes from another region and writes nothing', async () => {
    const huzhouBefore = await totalCount('330500', { region: '330500' });
    const elsewhere = await gql(submit, { input: { ...ancientTown, region: '330500' } });
    expect(elsewhere.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await totalCount('330500', { region: '330500' })).toBe(huzhouBefore);

    // city staff on the Nanxun node may read Nanxun's proposals but not change them
    const id = await submitted(sewage);
    const city = { region: '330500', node: '330503' };
    const refused = await gql(register, { id }, city);
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await gql(byId, { id }, city)).data.proposal).toMatchObject({
      status: 'SUBMITTED',
      number: null,
    });
  });

  it('refuses invalid input with BAD_USER_INPUT and writes nothing', async () => {
    const before = await totalCount();
    for (const input of [
      { ...ancientTown, title: '古镇' },
      { ...ancientTown, suggestions: [] },
      { ...ancientTown, collectiveProposer: '民盟南浔区基层委员会' },
      { ...ancientTown, coProposerIds: [feiZhiming] },
      { ...ancientTown, proposerId: '费志明' },
    ]) {
      const result = await gql(submit, { input });
      expect(result.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    expect(await totalCount()).toBe(before);

    const id = await submitted(sewage);
    await reviewed(id);
    await gql(register, { id });
    for (const [badUnits, deadline] of [
      [units.map((u) => ({ ...u, role: 'LEAD' })), inDays(30)],
      [units, inDays(-2)],
      [units, '2025-02-30'],
    ] as const) {
      const result = await gql(assign, { id, units: badUnits, deadline });
      expect(result.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    expect((await gql(byId, { id })).data.proposal).toMatchObject({
      status: 'REGISTERED',
      handlingUnits: [],
      deadline: null,
      version: 4,
    });
  });

  it('filters a committee’s proposals and bounds the page size', async () => {
    // The 12th term is this test's own: two that match, and one off by each filter.
    const term = { ...ancientTown, term: 12 };
    const matching = [await evaluated(term), await evaluated(term)];
    await evaluated({ ...sewage, term: 12 });
    await assigned(term);
    await evaluated({ ...term, term: 13 });
    const filtered = await gql(
      `{ proposals(region: "330503", category: CULTURE_HISTORY, status: EVALUATED, term: 12) { totalCount edges { node { id title status } } } }`,
    );
    expect(filtered.data.proposals.totalCount).toBe(2);
    // newest first
    expect(filtered.data.proposals.edges.map((e: { node: unknown }) => e.node)).toEqual(
      matching.toReversed().map((id) => ({ id, title: ancientTown.title, status: 'EVALUATED' })),
    );

    const tooMany = await gql(`{ proposals(region: "330503", first: 101) { totalCount } }`);
    expect(tooMany.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'KIT_BAD_PAGE',
    });
    const unknown = await gql(`{ proposals(region: "339999") { totalCount } }`);
    expect(unknown.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('lists the proposals a member leads or co-signs', async () => {
    // Members of this test's own: one leads two proposals the other co-signs, and one more.
    const [leader, cosigner] = [randomUUID(), randomUUID()];
    const led = [
      await submitted({ ...ancientTown, proposerId: leader, coProposerIds: [cosigner] }),
      await submitted({ ...sewage, proposerId: leader, coProposerIds: [cosigner] }),
    ];
    const own = await submitted({ ...sewage, proposerId: cosigner, coProposerIds: [] });
    const result = await gql(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Member { id proposals(first: 100) { totalCount edges { node { id proposer { id } } } } } } }`,
      { reps: [leader, cosigner, randomUUID()].map((id) => ({ __typename: 'Member', id })) },
    );
    expect(result.errors).toBeUndefined();
    const [leads, cosigns, nobody] = result.data._entities;
    const listed = (member: { proposals: { edges: { node: object }[] } }) =>
      member.proposals.edges.map((e) => e.node);
    expect(leads.proposals.totalCount).toBe(2);
    expect(listed(leads)).toEqual(
      expect.arrayContaining(led.map((id) => ({ id, proposer: { id: leader } }))),
    );
    expect(cosigns.proposals.totalCount).toBe(3);
    expect(listed(cosigns)).toEqual(
      expect.arrayContaining([
        ...led.map((id) => ({ id, proposer: { id: leader } })),
        { id: own, proposer: { id: cosigner } },
      ]),
    );
    expect(nobody.proposals).toEqual({ totalCount: 0, edges: [] });
  });

  it('resolves a batch of proposal references with one query, and their suggestions with one more', async () => {
    const ids = [await submitted(sewage), await submitted(ancientTown), await submitted(sewage)];
    statements.length = 0;
    const result = await gql(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Proposal { id title status } } }`,
      { reps: ids.map((id) => ({ __typename: 'Proposal', id })) },
    );
    expect(result.data._entities.map((p: { id: string }) => p.id)).toEqual(ids);
    expect(statements.filter((s) => /select/i.test(s))).toHaveLength(1);

    statements.length = 0;
    const withItems = await gql(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Proposal { title suggestions { seq } } } }`,
      { reps: ids.map((id) => ({ __typename: 'Proposal', id })) },
    );
    expect(withItems.data._entities[0].suggestions).toEqual([{ seq: 1 }, { seq: 2 }]);
    expect(statements.filter((s) => /select/i.test(s))).toHaveLength(2);
  });
});
