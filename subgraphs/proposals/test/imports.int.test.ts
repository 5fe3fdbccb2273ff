import { validateEvent } from '@huishang/schema';
import { inDays, startTestSubgraph, type TestCaller } from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { proposalsSubgraph } from '../src/index.js';
import { handlingRecord, historicalRecord, importMutation } from './historical-records.js';

// Deqing 330521 brings in its 16th term from the earlier system.
const subgraph = await startTestSubgraph(proposalsSubgraph, {
  regions: ['330521'],
  label: 'proposals_imports',
});
afterAll(() => subgraph.close());
const { gql } = subgraph;

const admin: TestCaller = { region: '330521', roles: ['admin'] };
const statistics = `{ proposalStatistics(region: "330521") { total {
  total byStatus { status count } averageHandlingDays satisfactionRate
  byCrossTermOutcome { outcome count } } } }`;

const day = (n: number) => new Date(Date.UTC(2022, 1, 1 + n, 1)).toISOString();

/** Assigned on 1 February 2022, replied `days` later, rated and sorted at the 17th term. */
const handled = (number: number, days: number, rating: string, outcome: string) =>
  historicalRecord({
    number,
    assignedAt: day(0),
    repliedAt: day(days),
    proposerRating: rating,
    crossTermOutcome: outcome,
    crossTermSortedIn: 17,
    isKey: outcome !== 'DONE',
  });

const batch = [
  handled(1, 60, 'SATISFIED', 'DONE'),
  handled(2, 70, 'SATISFIED', 'DONE'),
  handled(3, 80, 'BASIC', 'DONE'),
  handled(4, 90, 'UNSATISFIED', 'HARD_FOR_NOW'),
  handled(5, 75, 'SATISFIED', 'CONTINUE'),
  handled(6, 75, 'SATISFIED', 'START'),
  historicalRecord({
    number: null,
    status: 'CONVERTED',
    registeredAt: null,
    assignedAt: null,
    repliedAt: null,
    deadline: null,
    units: [],
    itemReplies: [],
    proposerRating: null,
    title: '关于规范城区共享单车停放的建议',
  }),
];

describe('historical import', () => {
  it('brings a batch in final state, one event per record, and the figures follow', async () => {
    const events = await subgraph.eventsOf('330521', async () => {
      const result = await gql(importMutation, { region: '330521', records: batch }, admin);
      expect(result.errors).toBeUndefined();
      expect(result.data.importProposals.count).toBe(7);
      expect(result.data.importProposals.proposals[0]).toMatchObject({
        number: '第16届第1次会议第1号',
        status: 'EVALUATED',
      });
    });
    expect(events).toHaveLength(7);
    for (const { envelope } of events) {
      expect(envelope).toMatchObject({ type: 'proposal.imported', aggregate: { version: 1 } });
      expect(validateEvent(envelope)).toMatchObject({ ok: true });
    }

    const { total } = (await gql(statistics)).data.proposalStatistics;
    expect(total).toEqual({
      total: 7,
      byStatus: [
        { status: 'CONVERTED', count: 1 },
        { status: 'EVALUATED', count: 6 },
      ],
      averageHandlingDays: 75,
      satisfactionRate: 5 / 6,
      byCrossTermOutcome: [
        { outcome: 'CONTINUE', count: 1 },
        { outcome: 'DONE', count: 3 },
        { outcome: 'HARD_FOR_NOW', count: 1 },
        { outcome: 'START', count: 1 },
      ],
    });

    const byNumber = `{ proposals(region: "330521", status: EVALUATED, first: 1) { edges { node {
      number handlingUnits { name role } replies { suggestionSeq unit outcome text }
      evaluations { by rating } crossTermOutcome isKey } } } }`;
    const [{ node }] = (await gql(byNumber)).data.proposals.edges;
    expect(node).toMatchObject({
      handlingUnits: expect.arrayContaining([{ name: '德清县生态环境局', role: 'LEAD' }]),
      replies: [
        { suggestionSeq: 1, unit: '德清县生态环境局', outcome: 'ADOPTED' },
        { suggestionSeq: 2, unit: '德清县生态环境局', outcome: 'PARTLY_ADOPTED' },
      ],
      evaluations: [{ by: 'PROPOSER' }],
    });
  });

  it('refuses the whole batch for one bad record, naming it, and writes nothing', async () => {
    const before = (await subgraph.outbox('330521')).length;
    const refusals: [Record<string, unknown>[], string, number][] = [
      [
        [
          handled(20, 70, 'SATISFIED', 'DONE'),
          { ...handled(21, 70, 'SATISFIED', 'DONE'), repliedAt: null },
        ],
        'PROPOSALS_INVALID_IMPORT',
        1,
      ],
      // 第1号 was imported above
      [
        [handled(22, 70, 'SATISFIED', 'DONE'), handled(1, 70, 'SATISFIED', 'DONE')],
        'PROPOSALS_INVALID_IMPORT',
        1,
      ],
    ];
    for (const [records, reason, index] of refusals) {
      const result = await gql(importMutation, { region: '330521', records }, admin);
      expect(result.errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason,
        fields: { index, problem: expect.any(String) },
      });
    }
    // small records: the request must still fit the servers' 1 MB body limit
    const converted = {
      term: 16,
      session: 1,
      title: '关于停车的建议',
      body: '城区停车难问题突出，建议增加公共停车泊位。',
      category: 'GENERAL',
      collectiveProposer: '民建德清县基层委员会',
      suggestions: ['增加泊位'],
      status: 'CONVERTED',
      submittedAt: day(0),
    };
    const tooMany = Array(1001).fill(converted);
    const large = await gql(importMutation, { region: '330521', records: tooMany }, admin);
    expect(large.errors[0].extensions).toMatchObject({
      reason: 'PROPOSALS_IMPORT_TOO_LARGE',
      fields: { max: 1000 },
    });

    expect((await subgraph.outbox('330521')).length).toBe(before);
    expect((await gql(statistics)).data.proposalStatistics.total.total).toBe(7);
  });

  it('is for the region’s admin only', async () => {
    for (const caller of [
      { region: '330521' },
      { region: '330500', roles: ['admin'], node: '330521' },
      { region: '330521', roles: ['admin'], node: '330500' },
    ] as TestCaller[]) {
      const result = await gql(
        importMutation,
        { region: '330521', records: [handled(30, 70, 'SATISFIED', 'DONE')] },
        caller,
      );
      expect(result.errors[0].extensions.code).toBe('FORBIDDEN');
    }
  });

  it('colours imported records still under handling, as proposalsByColour lists them', async () => {
    const result = await gql(
      importMutation,
      {
        region: '330521',
        records: [
          handlingRecord(inDays(3), { number: 40 }),
          handlingRecord(inDays(-5), { number: 41 }),
        ],
      },
      admin,
    );
    expect(result.errors).toBeUndefined();
    const [yellow, red] = result.data.importProposals.proposals.map((p: { id: string }) => p.id);
    const byColour = `{ proposalsByColour(region: "330521", first: 100) {
      totalCount edges { node { id colour } } } }`;
    const listed = (await gql(byColour, {}, admin)).data.proposalsByColour;
    expect(listed.edges.map((e: { node: unknown }) => e.node)).toEqual(
      expect.arrayContaining([
        { id: yellow, colour: 'YELLOW' },
        { id: red, colour: 'RED' },
      ]),
    );
    expect(listed.totalCount).toBe(2);
  });
});
