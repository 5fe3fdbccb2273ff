import { randomUUID } from 'node:crypto';
import {
  type GraphQLResponseBody,
  inDays,
  startTestSubgraph,
  type TestCaller,
} from '@huishang/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposalsSubgraph } from '../src/index.js';
import { handlingRecord, historicalRecord, importMutation } from './historical-records.js';

// Nanxun 330503 keeps a directory of its departments and reads their league table; Huzhou
// 330500 counts it from its replicas.
const subgraph = await startTestSubgraph(proposalsSubgraph, {
  regions: ['330503', '330500'],
  label: 'proposals_units',
});
afterAll(() => subgraph.close());
const { gql } = subgraph;

const staff: TestCaller = { region: '330503' };
const reader: TestCaller = { region: '330503', roles: ['reader'] };
const government = '南浔区人民政府';
const agriculture = '南浔区农业农村局';
const finance = '南浔区财政局';
const league = '共青团南浔区委';
const outside = '南浔区原农业局'; // named by an imported record, not in the directory

const define = `mutation($input: DefineHandlingUnitInput!) {
  defineHandlingUnit(input: $input) { id region { code } name kind parentName } }`;
const directory = `query { handlingUnits(region: "330503") { name kind parentName } }`;
const table = `query($period: PeriodInput) { handlingUnitStatistics(region: "330503", period: $period) {
  name kind parentName inDirectory assigned asLead asCo replied overdue itemsAnswered
  byOutcome { outcome count } adoptionRate rated satisfactionRate averageHandlingDays } }`;
const submit = `mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { id } }`;
const step = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { id status } }`;
const assign = `mutation($id: ID!, $units: [HandlingUnitInput!]!, $deadline: String!) {
  assignProposal(id: $id, units: $units, deadline: $deadline) { id status } }`;
const reply = `mutation($id: ID!, $unit: String!, $items: [ItemReplyInput!]!) {
  replyToProposal(id: $id, unit: $unit, items: $items) { id status } }`;

const ok = (result: GraphQLResponseBody) => {
  expect(result.errors).toBeUndefined();
  return result.data;
};
const readDirectory = async () => ok(await gql(directory, {}, reader)).handlingUnits;
const readTable = async (period?: object) =>
  ok(await gql(table, { period }, reader)).handlingUnitStatistics as Record<string, unknown>[];
const proposalReads = () => subgraph.statements.filter((s) => s.includes('."proposal"')).length;
const outcomes = (adopted: number, partly: number, explained: number, notAdopted: number) => [
  { outcome: 'ADOPTED', count: adopted },
  { outcome: 'PARTLY_ADOPTED', count: partly },
  { outcome: 'EXPLAINED', count: explained },
  { outcome: 'NOT_ADOPTED', count: notAdopted },
];

/** A live proposal of the 10th term, submitted, reviewed and registered today. */
async function registered() {
  const { submitProposal } = ok(
    await gql(
      submit,
      {
        input: {
          region: '330503',
          term: 10,
          session: 3,
          title: '关于加大农业产业化扶持资金投入的建议',
          body: '农业龙头企业融资难、扶持资金分散，带动农户增收作用有限，需要统筹财政资金集中扶持。',
          category: 'AGRICULTURE_RURAL',
          proposerId: randomUUID(),
          suggestions: ['统筹涉农资金设立产业化专项', '建立扶持资金绩效评价机制'],
        },
      },
      staff,
    ),
  );
  for (const name of ['signInProposal', 'preReviewProposal', 'registerProposal'])
    ok(await gql(step(name), { id: submitProposal.id }, staff));
  return submitProposal.id as string;
}

beforeAll(async () => {
  for (const input of [
    { name: government, kind: 'GOVERNMENT_DEPARTMENT' },
    { name: agriculture, kind: 'GOVERNMENT_DEPARTMENT', parentName: government },
    { name: finance, kind: 'GOVERNMENT_DEPARTMENT', parentName: government },
    { name: league, kind: 'PEOPLES_ORGANISATION' },
  ])
    ok(await gql(define, { input: { region: '330503', ...input } }, staff));
  // the 16th term from the earlier system, 2021: 75 days from assignment to reply each
  const records = [
    historicalRecord({
      number: 1,
      units: [
        { name: agriculture, role: 'LEAD' },
        { name: finance, role: 'CO' },
      ],
    }),
    historicalRecord({
      number: 2,
      units: [{ name: agriculture, role: 'LEAD' }],
      itemReplies: [
        { outcome: 'ADOPTED', text: '已建立运维责任清单。' },
        { outcome: 'NOT_ADOPTED', text: '受财力所限暂不实施。' },
      ],
      proposerRating: 'UNSATISFIED',
    }),
    historicalRecord({
      number: 3,
      units: [{ name: outside, role: 'LEAD' }],
      itemReplies: [
        { outcome: 'EXPLAINED', text: '已作说明。' },
        { outcome: 'EXPLAINED', text: '已作说明。' },
      ],
      proposerRating: 'BASIC',
    }),
    // the 17th term, 2024: still with the finance bureau, five days overdue
    handlingRecord(inDays(-5), {
      term: 17,
      number: 1,
      submittedAt: '2024-03-01T09:00:00+08:00',
      registeredAt: '2024-03-10T09:00:00+08:00',
      assignedAt: '2024-03-20T09:00:00+08:00',
      units: [{ name: finance, role: 'LEAD' }],
    }),
  ];
  ok(
    await gql(
      importMutation,
      { region: '330503', records },
      { region: '330503', roles: ['admin'] },
    ),
  );
  // today: the finance bureau leads, the agriculture bureau answers the first item and replies
  const id = await registered();
  const units = [
    { name: finance, role: 'LEAD' },
    { name: agriculture, role: 'CO', suggestionSeqs: [1] },
  ];
  ok(await gql(assign, { id, units, deadline: inDays(30) }, staff));
  const items = [{ suggestionSeq: 1, outcome: 'ADOPTED', text: '已统筹设立产业化专项资金。' }];
  ok(await gql(reply, { id, unit: agriculture, items }, staff));
  for (const { envelope } of await subgraph.outbox('330503'))
    await subgraph.replicate('330500', envelope);
});

describe('the directory of handling units', () => {
  it('lists the committee’s units in Chinese order, each with its kind and parent', async () => {
    expect(await readDirectory()).toEqual([
      { name: league, kind: 'PEOPLES_ORGANISATION', parentName: null },
      { name: finance, kind: 'GOVERNMENT_DEPARTMENT', parentName: government },
      { name: agriculture, kind: 'GOVERNMENT_DEPARTMENT', parentName: government },
      { name: government, kind: 'GOVERNMENT_DEPARTMENT', parentName: null },
    ]);
  });

  it('refuses an unknown parent, a cycle, a bad name or a reader, and writes nothing', async () => {
    const before = await readDirectory();
    for (const [input, caller, reason] of [
      [
        { name: '南浔区审计局', kind: 'OTHER', parentName: '南浔区无此局' },
        staff,
        'PROPOSALS_UNKNOWN_PARENT_UNIT',
      ],
      [
        { name: government, kind: 'OTHER', parentName: agriculture },
        staff,
        'PROPOSALS_HANDLING_UNIT_CYCLE',
      ],
      [
        { name: agriculture, kind: 'OTHER', parentName: agriculture },
        staff,
        'PROPOSALS_HANDLING_UNIT_CYCLE',
      ],
      [{ name: '  ', kind: 'OTHER' }, staff, 'KIT_INVALID_INPUT'],
      [{ name: '局'.repeat(61), kind: 'OTHER' }, staff, 'KIT_INVALID_INPUT'],
      [{ name: '南浔区审计局', kind: 'OTHER' }, reader, 'KIT_FORBIDDEN'],
    ] as const) {
      const refused = await gql(define, { input: { region: '330503', ...input } }, caller);
      expect(refused.errors?.[0]?.extensions?.reason).toBe(reason);
    }
    expect(await readDirectory()).toEqual(before);
  });

  it('assigns only units the directory has, naming the unit and the committee', async () => {
    const id = await registered();
    const refused = await gql(
      assign,
      { id, units: [{ name: '南浔区农业局', role: 'LEAD' }], deadline: inDays(30) },
      staff,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PROPOSALS_UNIT_NOT_IN_DIRECTORY',
      fields: { unit: '南浔区农业局', region: '330503' },
    });
    expect(refused.errors?.[0]?.message).toContain('南浔区农业局');
    const after = await gql(
      `query($id: ID!) { proposal(id: $id) { status handlingUnits { name } } }`,
      { id },
      staff,
    );
    expect(ok(after).proposal).toEqual({ status: 'REGISTERED', handlingUnits: [] });
  });
});

describe('the league table of handling units', () => {
  it('counts each unit’s proposals, replies, adoption and satisfaction in one statement', async () => {
    subgraph.statements.length = 0;
    const units = await readTable();
    expect(proposalReads()).toBe(1);
    expect(units.map((u) => u.name)).toEqual([finance, agriculture, outside, league, government]);
    const [f, a, o, l] = units;
    expect(f).toMatchObject({
      kind: 'GOVERNMENT_DEPARTMENT',
      parentName: government,
      inDirectory: true,
      assigned: 3,
      asLead: 2,
      asCo: 1,
      // the 2021 record it co-handled is replied; the live one and the overdue one are not
      replied: 1,
      overdue: 1,
      itemsAnswered: 0,
      adoptionRate: null,
      rated: 0,
      satisfactionRate: null,
      averageHandlingDays: null,
    });
    expect(a).toMatchObject({
      assigned: 3,
      asLead: 2,
      asCo: 1,
      replied: 3,
      overdue: 0,
      itemsAnswered: 5,
      byOutcome: outcomes(3, 1, 0, 1),
      adoptionRate: 4 / 5,
      rated: 2,
      satisfactionRate: 1 / 2,
    });
    // 75, 75 and the live reply within the test's minute
    expect(a?.averageHandlingDays).toBeCloseTo(50, 2);
    expect(o).toMatchObject({
      kind: null,
      parentName: null,
      inDirectory: false,
      assigned: 1,
      replied: 1,
      byOutcome: outcomes(0, 0, 2, 0),
      adoptionRate: 0,
      satisfactionRate: 1,
      averageHandlingDays: 75,
    });
    expect(l).toMatchObject({
      kind: 'PEOPLES_ORGANISATION',
      assigned: 0,
      itemsAnswered: 0,
      byOutcome: outcomes(0, 0, 0, 0),
    });
  });

  it('counts a year or a term by the proposals submitted in it', async () => {
    const in2021 = await readTable({ year: 2021 });
    expect(in2021.map((u) => [u.name, u.assigned])).toEqual([
      [agriculture, 2],
      [finance, 1],
      [outside, 1],
      [league, 0],
      [government, 0],
    ]);
    expect(in2021.find((u) => u.name === agriculture)).toMatchObject({
      itemsAnswered: 4,
      adoptionRate: 3 / 4,
      averageHandlingDays: 75,
    });
    expect(await readTable({ term: 16 })).toEqual(in2021);
    const term17 = await readTable({ term: 17 });
    expect(term17[0]).toMatchObject({ name: finance, assigned: 1, overdue: 1, replied: 0 });
    const refused = await gql(table, { period: { year: 2024, from: '2024-01-01' } }, reader);
    expect(refused.errors?.[0]?.extensions?.reason).toBe('KIT_INVALID_PERIOD');
  });

  it('is counted at the city from its replicas alike, the units without the directory', async () => {
    const atCity = await gql(table, {}, { region: '330500' });
    const nanxun = await readTable();
    const withoutDirectory = (u: Record<string, unknown>) => ({
      ...u,
      kind: null,
      parentName: null,
      inDirectory: false,
    });
    expect(ok(atCity).handlingUnitStatistics).toEqual(
      nanxun.filter((u) => (u.assigned as number) > 0).map(withoutDirectory),
    );
  });
});
