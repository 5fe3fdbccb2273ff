import { eventSubject } from '@huishang/schema';
import { describe, expect, it } from 'vitest';
import { newAggregateId } from '../../ids.js';
import { replicaSubscriptions } from './subscriptions.js';
import { judgeMessage } from './verdict.js';

const [members] = replicaSubscriptions('330500', 'members_330500', ['member']);
if (!members) throw new Error('a city replicates members');

const member = (
  origin: string,
  snapshot: Record<string, unknown> = {},
  id = '01970000-0000-7000-8000-000000000001',
) => {
  return {
    eventId: '01970000-0000-7000-8000-0000000000e1',
    type: 'member.created',
    schemaVersion: 1,
    occurredAt: '2026-11-22T03:00:00.000Z',
    originRegion: origin,
    aggregate: { type: 'member', id, version: 1 },
    payload: {
      snapshot: {
        id,
        region: origin,
        name: '沈丽华',
        gender: 'FEMALE',
        sector: '农业界',
        party: 'CDL',
        term: 10,
        roles: ['MEMBER'],
        specialCommittees: [],
        workplace: null,
        linkedVillages: [],
        version: 1,
        createdAt: '2026-11-22T03:00:00.000Z',
        updatedAt: '2026-11-22T03:00:00.000Z',
        ...snapshot,
      },
    },
    trace: {},
  };
};
const nanxun = eventSubject('330503', 'member', 'created');
const judge = (subject: string, event: unknown) =>
  judgeMessage(members, subject, typeof event === 'string' ? event : JSON.stringify(event));

describe('judging a replica message', () => {
  it('keeps a valid event from below, on its origin’s subject', () => {
    expect(judge(nanxun, member('330503'))).toMatchObject({ ok: true, keep: true });
  });

  it('passes over the node’s own events', () => {
    const own = eventSubject('330500', 'member', 'created');
    expect(judge(own, member('330500'))).toMatchObject({ ok: true, keep: false });
  });

  it('says why a message is parked', () => {
    expect(judge(nanxun, '{"eventId"')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^not JSON: /),
    });
    expect(judge(nanxun, member('330503', { name: '' }))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^payload: /),
    });
    expect(judge(nanxun, member('330502'))).toEqual({
      ok: false,
      reason:
        'published on cppcc.evt.330000.330500.330503.member.created, but its origin publishes on cppcc.evt.330000.330500.330502.member.created',
    });
    expect(judge(nanxun, member('330503', { region: '330502' }))).toEqual({
      ok: false,
      reason: "snapshot region 330502 differs from the envelope's 330503",
    });
    expect(judge(nanxun, member('330503', { version: 2 }))).toEqual({
      ok: false,
      reason: "snapshot version 2 differs from the envelope's 1",
    });
  });

  it('parks an event about an id another origin created, so nobody claims it first', () => {
    const deqings = newAggregateId('330521');
    expect(judge(nanxun, member('330503', {}, deqings))).toEqual({
      ok: false,
      reason: `member ${deqings} was created by 330521, not 330503`,
    });
    expect(judge(nanxun, member('330503', {}, newAggregateId('330503')))).toMatchObject({
      ok: true,
    });
  });
});
