import type { ForwardedIdentity } from '@huishang/schema';
import { describe, expect, it } from 'vitest';
import {
  approveTopic,
  assertPlannable,
  canProposeTopic,
  canSeeTopic,
  normaliseTopic,
  rejectTopic,
} from './topics.js';

const pending = { id: 't1', status: 'PENDING' as const };
const who = (roles: ForwardedIdentity['roles'], region = '330482'): ForwardedIdentity => ({
  subject: 'x',
  region,
  node: '330482',
  roles,
});

describe('topics', () => {
  it('takes a public topic with an optional name', () => {
    expect(normaliseTopic({ title: ' 老旧小区加装电梯 ' }, 'PUBLIC')).toEqual({
      title: '老旧小区加装电梯',
      description: null,
      source: 'PUBLIC',
      proposedBy: null,
    });
  });

  it('puts an approved 请你来协商 topic in the plan as one of the six or an X', () => {
    expect(
      approveTopic(pending, {
        meeting: '十届市政协第十二次主席会议',
        planYear: 2020,
        platform: 'PLEASE_COME_AND_CONSULT',
        lead: 'LEADERS',
      }),
    ).toMatchObject({ status: 'APPROVED', planYear: 2020, lead: 'LEADERS' });
    expect(() =>
      approveTopic(pending, {
        meeting: '主席会议',
        planYear: 2020,
        platform: 'PLEASE_COME_AND_CONSULT',
      }),
    ).toThrow(expect.objectContaining({ code: 'CONSULTATIONS_PLAN_LEAD' }));
    expect(() =>
      approveTopic(pending, {
        meeting: '主席会议',
        planYear: 2020,
        platform: 'LIVELIHOOD_HALL',
        lead: 'SECTORS',
      }),
    ).toThrow(expect.objectContaining({ code: 'CONSULTATIONS_PLAN_LEAD' }));
  });

  it('decides a topic once', () => {
    const rejected = rejectTopic(pending, { meeting: '主席会议', reason: '已列入提案办理' });
    expect(rejected.status).toBe('REJECTED');
    expect(() =>
      rejectTopic({ id: 't1', status: 'REJECTED' }, { meeting: 'm', reason: 'r' }),
    ).toThrow(expect.objectContaining({ code: 'CONSULTATIONS_TOPIC_DECIDED' }));
  });

  it('plans consultations only on approved topics', () => {
    expect(() => assertPlannable(pending)).toThrow(
      expect.objectContaining({ code: 'CONSULTATIONS_TOPIC_NOT_APPROVED' }),
    );
    expect(() => assertPlannable({ id: 't1', status: 'APPROVED' })).not.toThrow();
  });

  it('shows a pending topic to the office only', () => {
    const topic = { region: '330482', status: 'PENDING' as const };
    expect(canSeeTopic(who(['public']), topic)).toBe(false);
    expect(canSeeTopic(who(['member']), topic)).toBe(false);
    expect(canSeeTopic(who(['staff']), topic)).toBe(true);
    expect(canSeeTopic(who(['public']), { ...topic, status: 'APPROVED' })).toBe(true);
  });

  it('lets members recommend topics and the office record any', () => {
    expect(canProposeTopic(who(['member']), '330482', 'MEMBERS')).toBe(true);
    expect(canProposeTopic(who(['member']), '330482', 'LEADERS')).toBe(false);
    expect(canProposeTopic(who(['staff']), '330482', 'LEADERS')).toBe(true);
    expect(canProposeTopic(who(['staff'], '330400'), '330482', 'LEADERS')).toBe(false);
  });
});
