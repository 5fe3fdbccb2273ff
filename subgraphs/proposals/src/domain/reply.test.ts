import { describe, expect, it } from 'vitest';
import { type HandlingState, planReply, type ReplyItem } from './reply.js';
import { refusalCode } from './test-fixtures.js';

const lead = '南浔区农业农村局';
const co = '湖州市生态环境局南浔分局';
const assigned: HandlingState = {
  status: 'ASSIGNED',
  round: 1,
  suggestions: [{ seq: 1 }, { seq: 2 }, { seq: 3 }],
  handlingUnits: [
    { name: lead, role: 'LEAD', suggestionSeqs: [1, 2, 3] },
    { name: co, role: 'CO', suggestionSeqs: [1, 3] },
  ],
  replies: [],
};
const item = (suggestionSeq: number): ReplyItem => ({
  suggestionSeq,
  outcome: 'ADOPTED',
  text: '已建立区镇村三级运维责任清单，纳入年度考核。',
});

describe('item-by-item reply', () => {
  it('marks the proposal replied when the lead unit has answered every item', () => {
    expect(planReply(assigned, lead, [item(1), item(2), item(3)]).status).toBe('REPLIED');
  });

  it('stays assigned while the lead has items left', () => {
    const partly = planReply(assigned, lead, [item(1), item(2)]);
    expect(partly.status).toBe('ASSIGNED');
    const rest = {
      ...assigned,
      replies: partly.items.map((i) => ({ ...i, unit: lead, round: 1 })),
    };
    expect(planReply(rest, lead, [item(3)]).status).toBe('REPLIED');
  });

  it('lets a co-handling unit reply without completing the proposal', () => {
    expect(planReply(assigned, co, [item(1), item(3)]).status).toBe('ASSIGNED');
  });

  it('refuses a co-handling unit answering an item another unit is responsible for', () => {
    expect(refusalCode(() => planReply(assigned, co, [item(2)]))).toBe(
      'PROPOSALS_NOT_RESPONSIBLE_FOR_ITEM',
    );
  });

  it('answers every item again in a second round, and is replied when the lead has', () => {
    const firstRound = [1, 2, 3].map((suggestionSeq) => ({ suggestionSeq, unit: lead, round: 1 }));
    const second = { ...assigned, status: 'SECOND_ROUND' as const, round: 2, replies: firstRound };
    const partly = planReply(second, lead, [item(1), item(2)]);
    expect(partly).toMatchObject({ round: 2, status: 'SECOND_ROUND' });
    expect(planReply(second, lead, [item(1), item(2), item(3)]).status).toBe('REPLIED');
    expect(refusalCode(() => planReply({ ...second, round: 1 }, lead, [item(1)]))).toBe(
      'PROPOSALS_ALREADY_REPLIED',
    );
  });

  it('refuses a unit that is not handling the proposal', () => {
    expect(refusalCode(() => planReply(assigned, '南浔区教育局', [item(1)]))).toBe(
      'PROPOSALS_NOT_HANDLING_UNIT',
    );
  });

  it('refuses an item that is not on the suggestion list', () => {
    expect(refusalCode(() => planReply(assigned, lead, [item(4)]))).toBe(
      'PROPOSALS_UNKNOWN_SUGGESTION',
    );
  });

  it('takes one reply per unit per item', () => {
    expect(refusalCode(() => planReply(assigned, lead, [item(1), item(1)]))).toBe(
      'PROPOSALS_ALREADY_REPLIED',
    );
    const answered = { ...assigned, replies: [{ suggestionSeq: 1, unit: lead, round: 1 }] };
    expect(refusalCode(() => planReply(answered, lead, [item(1)]))).toBe(
      'PROPOSALS_ALREADY_REPLIED',
    );
    expect(refusalCode(() => planReply(answered, co, [item(1)]))).toBe('accepted');
  });

  it('refuses a reply before assignment, and an empty or blank reply', () => {
    expect(
      refusalCode(() => planReply({ ...assigned, status: 'REGISTERED' }, lead, [item(1)])),
    ).toBe('PROPOSALS_ILLEGAL_TRANSITION');
    expect(refusalCode(() => planReply(assigned, lead, []))).toBe('KIT_INVALID_INPUT');
    expect(refusalCode(() => planReply(assigned, lead, [{ ...item(1), text: ' ' }]))).toBe(
      'KIT_INVALID_INPUT',
    );
  });
});
