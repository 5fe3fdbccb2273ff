import { validateEvent } from '@huishang/schema';
import { startTestSubgraph, type TestCaller } from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { proposalsSubgraph } from '../src/index.js';
import { historicalRecord, importMutation } from './historical-records.js';

// Deqing 330521 sorts its previous (16th) term at the 17th; Huzhou 330500 keeps replicas.
const subgraph = await startTestSubgraph(proposalsSubgraph, {
  regions: ['330521', '330500'],
  label: 'proposals_cross_term',
});
afterAll(() => subgraph.close());
const { gql } = subgraph;

const admin: TestCaller = { region: '330521', roles: ['admin'] };
const huzhou: TestCaller = { region: '330500' };

const sort = `mutation($sortings: [CrossTermSortingInput!]!, $newTerm: Int!) {
  sortProposalsAcrossTerms(region: "330521", newTerm: $newTerm, sortings: $sortings) {
    id status version crossTermOutcome crossTermSortedIn } }`;
const vote = `mutation($id: ID!, $satisfied: Int!, $basic: Int!, $unsatisfied: Int!) {
  recordCrossTermVote(id: $id, term: 17, satisfied: $satisfied, basic: $basic, unsatisfied: $unsatisfied) {
    id status version crossTermVotes { seq term satisfied basic unsatisfied passed votedAt } } }`;
const report = `query($region: ID!) { crossTermReport(region: $region, term: 16) {
  total { region { code } term total unsorted byOutcome { outcome count } keyOpen }
  byRegion { region { code } total } } }`;

async function imported(records: Record<string, unknown>[]): Promise<string[]> {
  const result = await gql(importMutation, { region: '330521', records }, admin);
  expect(result.errors).toBeUndefined();
  return result.data.importProposals.proposals.map((p: { id: string }) => p.id);
}

const [done, hard, keyContinue, keyStart, plain, newTerm] = await imported([
  historicalRecord({ number: 1 }),
  historicalRecord({ number: 2, title: '关于建设县域城乡一体化供水工程的建议' }),
  historicalRecord({ number: 3, isKey: true, title: '关于推进莫干山国际旅游度假区建设的建议' }),
  historicalRecord({ number: 4, isKey: true, title: '关于建设县级养老服务综合体的建议' }),
  historicalRecord({ number: 5, title: '关于加快乡村振兴人才培育的建议' }),
  historicalRecord({ term: 17, number: 1, title: '关于加强数字乡村建设的建议' }),
]);

describe('cross-term sorting', () => {
  it('sorts the previous term into the four outcomes, one event each, and reports them per committee', async () => {
    const events = await subgraph.eventsOf('330521', async () => {
      const result = await gql(sort, {
        newTerm: 17,
        sortings: [
          { id: done, outcome: 'DONE' },
          { id: hard, outcome: 'HARD_FOR_NOW' },
          { id: keyContinue, outcome: 'CONTINUE' },
          { id: keyStart, outcome: 'START' },
        ],
      });
      expect(result.errors).toBeUndefined();
      expect(result.data.sortProposalsAcrossTerms).toMatchObject([
        { id: done, crossTermOutcome: 'DONE', crossTermSortedIn: 17, version: 2 },
        { id: hard, crossTermOutcome: 'HARD_FOR_NOW' },
        { id: keyContinue, crossTermOutcome: 'CONTINUE', status: 'EVALUATED' },
        { id: keyStart, crossTermOutcome: 'START' },
      ]);
    });
    expect(events.map((e) => e.envelope.type)).toEqual(Array(4).fill('proposal.sorted'));
    for (const { envelope } of events) expect(validateEvent(envelope)).toMatchObject({ ok: true });

    const { total } = (await gql(report, { region: '330521' })).data.crossTermReport;
    expect(total).toEqual({
      region: { code: '330521' },
      term: 16,
      total: 5,
      unsorted: 1,
      byOutcome: [
        { outcome: 'DONE', count: 1 },
        { outcome: 'HARD_FOR_NOW', count: 1 },
        { outcome: 'CONTINUE', count: 1 },
        { outcome: 'START', count: 1 },
      ],
      keyOpen: 2,
    });
  });

  it('refuses the whole batch when one proposal is of the new term, writing nothing', async () => {
    const events = await subgraph.eventsOf('330521', async () => {
      const result = await gql(sort, {
        newTerm: 17,
        sortings: [
          { id: plain, outcome: 'DONE' },
          { id: newTerm, outcome: 'DONE' },
        ],
      });
      expect(result.errors[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'PROPOSALS_CROSS_TERM_NOT_SORTABLE',
        fields: { term: 17 },
      });
    });
    expect(events).toEqual([]);
    const check = await gql(`query($id: ID!) { proposal(id: $id) { crossTermOutcome version } }`, {
      id: plain,
    });
    expect(check.data.proposal).toEqual({ crossTermOutcome: null, version: 1 });
  });

  it('keeps a key proposal open after a vote below 80 % and closes it at exactly 80 %', async () => {
    const failed = await gql(vote, { id: keyContinue, satisfied: 30, basic: 9, unsatisfied: 11 });
    expect(failed.errors).toBeUndefined();
    expect(failed.data.recordCrossTermVote).toMatchObject({
      status: 'EVALUATED',
      crossTermVotes: [
        { seq: 1, term: 17, satisfied: 30, basic: 9, unsatisfied: 11, passed: false },
      ],
    });

    const [event] = await subgraph.eventsOf('330521', async () => {
      const passed = await gql(vote, {
        id: keyContinue,
        satisfied: 30,
        basic: 10,
        unsatisfied: 10,
      });
      expect(passed.data.recordCrossTermVote).toMatchObject({
        status: 'CLOSED',
        crossTermVotes: [{ passed: false }, { seq: 2, passed: true }],
      });
    });
    expect(event?.envelope).toMatchObject({ type: 'proposal.voted' });
    expect(validateEvent(event?.envelope)).toMatchObject({ ok: true });

    const again = await gql(vote, { id: keyContinue, satisfied: 50, basic: 0, unsatisfied: 0 });
    expect(again.errors[0].extensions.reason).toBe('PROPOSALS_VOTE_NOT_OPEN');
    const notKey = await gql(vote, { id: hard, satisfied: 50, basic: 0, unsatisfied: 0 });
    expect(notKey.errors[0].extensions.reason).toBe('PROPOSALS_VOTE_NOT_OPEN');
    const empty = await gql(vote, { id: keyStart, satisfied: 0, basic: 0, unsatisfied: 0 });
    expect(empty.errors[0].extensions.reason).toBe('PROPOSALS_INVALID_VOTE');

    const { total } = (await gql(report, { region: '330521' })).data.crossTermReport;
    expect(total.keyOpen).toBe(1);
  });

  it('lets only the committee’s own staff sort and vote', async () => {
    const byHuzhou = await gql(
      sort,
      { newTerm: 17, sortings: [{ id: plain, outcome: 'DONE' }] },
      huzhou,
    );
    expect(byHuzhou.errors[0].extensions.code).toBe('FORBIDDEN');
    const byReader = await gql(
      vote,
      { id: keyStart, satisfied: 50, basic: 0, unsatisfied: 0 },
      { region: '330521', roles: ['reader'] },
    );
    expect(byReader.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('shows the city the same sorting and votes from its replicas', async () => {
    for (const { envelope } of await subgraph.outbox('330521'))
      await subgraph.replicate('330500', envelope);
    const atHuzhou = (await gql(report, { region: '330500' }, huzhou)).data.crossTermReport;
    expect(atHuzhou.total).toMatchObject({ total: 5, keyOpen: 1, unsorted: 1 });
    expect(atHuzhou.byRegion).toEqual([{ region: { code: '330521' }, total: 5 }]);
    const byId = `query($id: ID!) { proposal(id: $id) { status crossTermVotes { seq passed } } }`;
    expect((await gql(byId, { id: keyContinue }, huzhou)).data.proposal).toEqual(
      (await gql(byId, { id: keyContinue })).data.proposal,
    );
  });
});
