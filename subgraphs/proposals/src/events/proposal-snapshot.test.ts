import { eventNames, validateEvent } from '@huishang/schema';
import { describe, expect, it } from 'vitest';
import { type ProposalRows, proposalEvent, proposalRowsOf } from './proposal-snapshot.js';

const at = (time: string) => new Date(`2026-${time}Z`);

// 南浔 10th term, 3rd session: registered, assigned to two units, replied and rated.
const replied: ProposalRows = {
  id: '01970000-0000-7000-8000-000000000101',
  region: '330503',
  number: 15,
  term: 10,
  session: 3,
  title: '关于加强南浔古镇保护与活化利用的建议',
  body: '百间楼等历史街区民居老化，消防、排水等设施不足，业态同质化明显。',
  keywords: ['古镇保护', '百间楼'],
  category: 'CULTURE_HISTORY',
  status: 'EVALUATED',
  proposerId: '01970000-0000-7000-8000-0000000000a1',
  coProposerIds: ['01970000-0000-7000-8000-0000000000a2'],
  collectiveProposer: null,
  isKey: true,
  deadline: new Date('2026-06-30T00:00:00Z'),
  submittedAt: at('01-10T02:00:00.000'),
  registeredAt: at('01-12T02:00:00.000'),
  assignedAt: at('01-20T02:00:00.000'),
  repliedAt: at('05-20T02:00:00.000'),
  round: 1,
  yellowFrom: new Date('2026-06-23T00:00:00Z'),
  crossTermOutcome: 'CONTINUE',
  crossTermSortedIn: 11,
  publishedAt: at('05-25T02:00:00.000'),
  version: 5,
  createdAt: at('01-10T02:00:00.000'),
  updatedAt: at('06-01T02:00:00.000'),
  suggestions: [
    { seq: 1, text: '编制百间楼历史街区保护利用专项规划' },
    { seq: 2, text: '设立古建筑修缮专项资金' },
  ],
  handlingUnits: [
    { name: '南浔区文化和广电旅游体育局', role: 'LEAD', suggestionSeqs: [1, 2] },
    { name: '南浔区住房和城乡建设局', role: 'CO', suggestionSeqs: [2] },
  ],
  replies: [
    {
      suggestionSeq: 1,
      unit: '南浔区文化和广电旅游体育局',
      round: 1,
      outcome: 'ADOPTED',
      text: '已纳入年度重点工作。',
      repliedAt: at('05-20T02:00:00.000'),
    },
  ],
  evaluations: [
    {
      by: 'PROPOSER',
      round: 1,
      rating: 'SATISFIED',
      comment: null,
      evaluator: '01970000-0000-7000-8000-0000000000a1',
      evaluatedAt: at('06-01T02:00:00.000'),
    },
  ],
  reviews: [
    {
      seq: 1,
      step: 'SIGN_IN',
      decision: 'PASSED',
      reviewer: '提案委 王审查',
      reason: null,
      reviewedAt: at('01-11T02:00:00.000'),
    },
    {
      seq: 2,
      step: 'FINAL_REVIEW',
      decision: 'REGISTERED',
      reviewer: '提案委 李复审',
      reason: '符合立案标准',
      reviewedAt: at('01-12T02:00:00.000'),
    },
  ],
  leaders: [{ seq: 1, name: '沈建国', post: '南浔区人民政府副区长' }],
  urges: [
    { seq: 1, kind: 'REMIND', by: '提案委', note: '请报送办理进度', at: at('05-01T02:00:00.000') },
  ],
  followUps: [
    {
      suggestionSeq: 2,
      by: '提案委',
      note: '修缮资金已列入明年预算',
      at: at('06-02T02:00:00.000'),
    },
  ],
  crossTermVotes: [
    {
      seq: 1,
      term: 11,
      satisfied: 30,
      basic: 9,
      unsatisfied: 11,
      passed: false,
      votedAt: at('06-01T02:00:00.000'),
    },
  ],
};

// What the outbox wraps around the event the proposal's change decides.
const envelope = (event: object) => ({
  eventId: '01970000-0000-7000-8000-0000000000e1',
  schemaVersion: 1,
  occurredAt: '2026-06-01T02:00:00.000Z',
  originRegion: '330503',
  trace: {},
  ...event,
});

describe('proposal events', () => {
  it('carries the whole proposal at the version the change produced', () => {
    const event = proposalEvent('evaluated', replied);
    expect(event.type).toBe('proposal.evaluated');
    expect(event.aggregate).toEqual({ type: 'proposal', id: replied.id, version: 5 });
    expect(event.payload.snapshot).toMatchObject({
      number: 15,
      deadline: '2026-06-30',
      repliedAt: '2026-05-20T02:00:00.000Z',
      replies: [{ suggestionSeq: 1, outcome: 'ADOPTED', repliedAt: '2026-05-20T02:00:00.000Z' }],
      evaluations: [{ by: 'PROPOSER', rating: 'SATISFIED', comment: null }],
    });
    expect(validateEvent(envelope(event))).toMatchObject({ ok: true });
  });

  it('describes a just-submitted collective proposal as the contract expects', () => {
    const submitted: ProposalRows = {
      ...replied,
      number: null,
      status: 'SUBMITTED',
      proposerId: null,
      coProposerIds: [],
      collectiveProposer: '民建南浔区基层委员会',
      isKey: false,
      deadline: null,
      registeredAt: null,
      assignedAt: null,
      repliedAt: null,
      version: 1,
      handlingUnits: [],
      replies: [],
      evaluations: [],
      round: 1,
      yellowFrom: null,
      reviews: [],
      leaders: [],
      urges: [],
      followUps: [],
      crossTermOutcome: null,
      crossTermSortedIn: null,
      publishedAt: null,
      crossTermVotes: [],
    };
    expect(validateEvent(envelope(proposalEvent('submitted', submitted)))).toMatchObject({
      ok: true,
    });
  });

  it('describes every step of the lifecycle as the contract expects', () => {
    for (const name of eventNames.proposal)
      expect(validateEvent(envelope(proposalEvent(name, replied)))).toMatchObject({ ok: true });
    const unknownStep = { ...proposalEvent('reminded', replied), type: 'proposal.pressed' };
    expect(validateEvent(envelope(unknownStep))).toMatchObject({ ok: false });
  });

  it('gives a replica back the rows the owner stored', () => {
    const { snapshot } = proposalEvent('evaluated', replied).payload;
    expect(proposalRowsOf(snapshot)).toEqual(replied);
  });

  it('is refused by the contract when a snapshot loses a child field', () => {
    const event = proposalEvent('replied', replied);
    const broken = { ...event.payload.snapshot, suggestions: [{ seq: 1 }] };
    expect(validateEvent(envelope({ ...event, payload: { snapshot: broken } }))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('payload'),
    });
  });
});
