import type { AggregateType, EventEnvelope } from '@huishang/schema';
import { describe, expect, it } from 'vitest';
import { ownEventSubscriptions, replicaSubscriptions } from './subscriptions.js';

const event = (
  originRegion: string,
  type: `${AggregateType}.${string}`,
  snapshot: Record<string, unknown> = {},
): EventEnvelope => ({
  eventId: '01970000-0000-7000-8000-0000000000e1',
  type,
  schemaVersion: 1,
  occurredAt: '2026-11-22T03:00:00.000Z',
  originRegion,
  aggregate: {
    type: type.slice(0, type.indexOf('.')) as AggregateType,
    id: '01970000-0000-7000-8000-000000000001',
    version: 1,
  },
  payload: { snapshot },
  trace: {},
});

describe('replica subscriptions', () => {
  it('give a county nothing to replicate but joint sessions', () => {
    expect(replicaSubscriptions('330503', 'proposals_330503', ['proposal'])).toEqual([]);
  });

  it('give a party its ancestors’ joint consultations (三级会商), keeping those listing it', () => {
    const names = (region: string) =>
      replicaSubscriptions(region, `consultations_${region}`, ['consultation']).map((s) => [
        s.name,
        s.filter,
      ]);
    expect(names('331121')).toEqual([
      ['consultations_331121-consultation-from-330000', 'cppcc.evt.330000._._.consultation.*'],
      ['consultations_331121-consultation-from-331100', 'cppcc.evt.330000.331100._.consultation.*'],
    ]);
    expect(names('330000')).toEqual([
      ['consultations_330000-consultation', 'cppcc.evt.330000.*.*.consultation.*'],
    ]);
    const [, fromLishui] = replicaSubscriptions('331121', 'c', ['consultation']);
    const joint = event('331100', 'consultation.created', { partyRegions: ['330000', '331121'] });
    expect(fromLishui?.keeps(joint)).toBe(true);
    expect(fromLishui?.keeps(event('331100', 'consultation.created', { partyRegions: [] }))).toBe(
      false,
    );
    expect(fromLishui?.carries('331100')).toBe(true);
    expect(fromLishui?.carries('330000')).toBe(false);
  });

  it('give a city one consumer per aggregate over its counties, never its own events', () => {
    const [proposals, members] = replicaSubscriptions('330500', 'members_330500', [
      'proposal',
      'member',
    ]);
    expect([proposals?.name, proposals?.stream, proposals?.filter]).toEqual([
      'members_330500-proposal',
      'CPPCC_EVT_330000',
      'cppcc.evt.330000.330500.*.proposal.*',
    ]);
    expect(members?.filter).toBe('cppcc.evt.330000.330500.*.member.*');
    expect(members?.keeps(event('330503', 'member.created'))).toBe(true);
    expect(members?.keeps(event('330500', 'member.created'))).toBe(false);
    expect(members?.carries('330503')).toBe(true);
    expect(members?.carries('330482')).toBe(false);
    expect(members?.subjectOf(event('330503', 'member.updated'))).toBe(
      'cppcc.evt.330000.330500.330503.member.updated',
    );
  });

  it('give a province its cities and counties', () => {
    const [proposals] = replicaSubscriptions('330000', 'proposals_330000', ['proposal']);
    expect(proposals?.filter).toBe('cppcc.evt.330000.*.*.proposal.*');
    expect(proposals?.keeps(event('330500', 'proposal.registered'))).toBe(true);
    expect(proposals?.keeps(event('330482', 'proposal.registered'))).toBe(true);
    expect(proposals?.keeps(event('330000', 'proposal.registered'))).toBe(false);
  });

  it('keep the joint sessions a region takes part in, from its province and from partners', () => {
    const [own, shared] = replicaSubscriptions('320509', 'joint_sessions_320509', [
      'joint-session',
    ]);
    expect([own?.name, own?.filter]).toEqual([
      'joint_sessions_320509-joint-session',
      'cppcc.evt.320000.*.*.joint-session.*',
    ]);
    expect([shared?.name, shared?.stream, shared?.filter]).toEqual([
      'joint_sessions_320509-shared',
      'CPPCC_EVT_320000',
      'cppcc.share.320000.>',
    ]);
    const xunwu = event('330503', 'joint-session.created', { partyRegions: ['330503', '320509'] });
    expect(shared?.keeps(xunwu)).toBe(true);
    expect(shared?.subjectOf(xunwu)).toBe(
      'cppcc.share.320000.330000.330500.330503.joint-session.created',
    );
    const elsewhere = event('330503', 'joint-session.created', {
      partyRegions: ['330503', '320584'],
    });
    expect(shared?.keeps(elsewhere)).toBe(false);
    const threeLevel = event('320000', 'joint-session.created', {
      partyRegions: ['320000', '320500', '320509'],
    });
    expect(own?.keeps(threeLevel)).toBe(true);
    expect(own?.carries('320000')).toBe(true);
    expect(shared?.carries('330503')).toBe(true);
  });

  it('let a city keep the sessions its counties join, as its staff may read them', () => {
    const [, shared] = replicaSubscriptions('320500', 'joint_sessions_320500', ['joint-session']);
    const xunwu = event('330503', 'joint-session.created', { partyRegions: ['330503', '320509'] });
    expect(shared?.keeps(xunwu)).toBe(true);
  });
});

describe('own event subscriptions', () => {
  it('give any region one consumer per aggregate over its own events only', () => {
    const [proposals, consultations] = ownEventSubscriptions('330503', 'members_330503', [
      'proposal',
      'consultation',
    ]);
    expect([proposals?.name, proposals?.stream, proposals?.filter]).toEqual([
      'members_330503-own-proposal',
      'CPPCC_EVT_330000',
      'cppcc.evt.330000.330500.330503.proposal.*',
    ]);
    expect(consultations?.filter).toBe('cppcc.evt.330000.330500.330503.consultation.*');
    expect(proposals?.keeps(event('330503', 'proposal.submitted'))).toBe(true);
    expect(proposals?.keeps(event('330502', 'proposal.submitted'))).toBe(false);
    expect(proposals?.carries('330503')).toBe(true);
    expect(proposals?.carries('330500')).toBe(false);
    const [city] = ownEventSubscriptions('330500', 'members_330500', ['proposal']);
    expect(city?.filter).toBe('cppcc.evt.330000.330500._.proposal.*');
  });
});
