import { validateEvent } from '@huishang/schema';
import { describe, expect, it } from 'vitest';
import { type MemberRecord, memberFromSnapshot, memberSnapshot } from './member-snapshot.js';

const member: MemberRecord = {
  id: '01970000-0000-7000-8000-000000000001',
  region: '330503',
  name: '沈丽华',
  gender: 'FEMALE',
  sector: '农业界',
  party: 'CDL',
  term: 12,
  roles: ['MEMBER', 'STANDING_MEMBER'],
  specialCommittees: ['农业和农村委员会'],
  workplace: null,
  linkedVillages: ['330503102001'],
  version: 3,
  createdAt: new Date('2026-11-22T03:00:00.000Z'),
  updatedAt: new Date('2026-11-22T05:30:00.000Z'),
};

const envelope = (type: string, payload: unknown) => ({
  eventId: '01970000-0000-7000-8000-0000000000e1',
  type,
  schemaVersion: 1,
  occurredAt: '2026-11-22T05:30:00.000Z',
  originRegion: '330503',
  aggregate: { type: 'member', id: member.id, version: member.version },
  payload,
  trace: {},
});

describe('member snapshot', () => {
  it('is what member.created and member.updated carry', () => {
    const snapshot = memberSnapshot(member);
    expect(snapshot).toMatchObject({ updatedAt: '2026-11-22T05:30:00.000Z', version: 3 });
    for (const type of ['member.created', 'member.updated']) {
      expect(validateEvent(envelope(type, { snapshot }))).toMatchObject({ ok: true });
    }
  });

  it('gives a replica back the owner’s record, version and times included', () => {
    expect(memberFromSnapshot(memberSnapshot(member))).toEqual(member);
  });
});
