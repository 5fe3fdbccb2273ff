import { validateEvent } from '@huishang/schema';
import { describe, expect, it } from 'vitest';
import { type MemberState, memberSnapshot, memberStateFromSnapshot } from './member-snapshot.js';

const state: MemberState = {
  member: {
    id: '01970000-0000-7000-8000-000000000001',
    region: '330503',
    personId: '01970000-0000-7000-8000-0000000000a1',
    name: '沈丽华',
    gender: 'FEMALE',
    sector: '农业界',
    party: 'CDL',
    term: 12,
    roles: ['MEMBER', 'STANDING_MEMBER'],
    specialCommittees: ['农业和农村委员会'],
    workplace: null,
    linkedVillages: ['330503102001'],
    dutyScore: 23,
    dutyCounts: { PROPOSAL_LED: 2, PROPOSAL_CO_SIGNED: 1 },
    version: 3,
    createdAt: new Date('2026-11-22T03:00:00.000Z'),
    updatedAt: new Date('2026-11-22T05:30:00.000Z'),
  },
  person: {
    id: '01970000-0000-7000-8000-0000000000a1',
    region: '330503',
    name: '沈丽华',
    gender: 'FEMALE',
    birthYear: 1972,
    ethnicity: '汉族',
    version: 2,
  },
  groups: [
    {
      id: '01970000-0000-7000-8000-0000000000b2',
      kind: 'DUTY_GROUP',
      name: '练市镇委员履职小组',
      place: '330503102',
      online: false,
      version: 1,
    },
    {
      id: '01970000-0000-7000-8000-0000000000b1',
      kind: 'STUDIO',
      name: '湖笔文化委员工作室',
      place: '330503104',
      online: true,
      version: 4,
    },
  ],
};

const envelope = (type: string, payload: unknown) => ({
  eventId: '01970000-0000-7000-8000-0000000000e1',
  type,
  schemaVersion: 1,
  occurredAt: '2026-11-22T05:30:00.000Z',
  originRegion: '330503',
  aggregate: { type: 'member', id: state.member.id, version: state.member.version },
  payload,
  trace: {},
});

describe('member snapshot', () => {
  it('is what member.created and member.updated carry, person and groups included', () => {
    const snapshot = memberSnapshot(state);
    expect(snapshot).toMatchObject({
      updatedAt: '2026-11-22T05:30:00.000Z',
      version: 3,
      person: { birthYear: 1972, version: 2 },
      duty: { score: 23, records: { PROPOSAL_LED: 2, PROPOSAL_CO_SIGNED: 1 } },
    });
    expect(snapshot.groups.map((g) => g.kind)).toEqual(['STUDIO', 'DUTY_GROUP']);
    for (const type of ['member.created', 'member.updated']) {
      expect(validateEvent(envelope(type, { snapshot }))).toMatchObject({ ok: true });
    }
  });

  it('gives a replica back the owner’s record, person and groups, versions and times included', () => {
    const back = memberStateFromSnapshot(memberSnapshot(state));
    expect(back.member).toEqual(state.member);
    expect(back.person).toEqual(state.person);
    expect(back.groups).toHaveLength(2);
    expect(back.groups).toEqual(expect.arrayContaining(state.groups));
  });

  it('gives a replica no duty from a snapshot published before members carried it', () => {
    const { duty: _, ...older } = memberSnapshot(state);
    expect(validateEvent(envelope('member.updated', { snapshot: older }))).toMatchObject({
      ok: true,
    });
    expect(memberStateFromSnapshot(older).member).toMatchObject({ dutyScore: 0, dutyCounts: {} });
  });

  it('refuses a duty summary with a kind that does not exist, a count of none, or a count or score past any real one', () => {
    const snapshot = memberSnapshot(state);
    // a forged huge count would overflow the upper nodes' sums and fail their memberActivity
    for (const [score, records] of [
      [1, { SPEECH: 0 }],
      [1, { GOSSIP: 1 }],
      [1, { SPEECH: 1e300 }],
      [1e300, { SPEECH: 1 }],
    ] as const) {
      const forged = { ...snapshot, duty: { score, records } };
      expect(validateEvent(envelope('member.updated', { snapshot: forged }))).toMatchObject({
        ok: false,
      });
    }
  });
});
