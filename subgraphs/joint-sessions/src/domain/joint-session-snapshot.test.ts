import { validateEvent } from '@huishang/schema';
import { describe, expect, it } from 'vitest';
import {
  type JointSessionRecord,
  jointSessionFromSnapshot,
  jointSessionSnapshot,
} from './joint-session-snapshot.js';
import type { PartyFields } from './parties.js';

const session: JointSessionRecord = {
  id: '01970000-0000-7000-8000-000000000051',
  region: '330503',
  title: '同心桥·浔吴协商会：毗邻地区生态环境共保联治',
  description: null,
  kind: 'CROSS_PROVINCE',
  stage: 'PLAN',
  consultationId: null,
  heldOn: new Date('2024-09-20T00:00:00Z'),
  venueName: '南浔区跨区域协商议事室',
  partyRegions: ['330503', '320509'],
  version: 2,
  createdAt: new Date('2026-11-22T03:00:00.000Z'),
  updatedAt: new Date('2026-11-22T04:00:00.000Z'),
};
const parties: PartyFields[] = [
  { region: '330503', committee: '湖州市南浔区政协', role: 'HOST' },
  { region: '320509', committee: '苏州市吴江区政协', role: 'PARTNER' },
];

const envelope = (type: string, payload: unknown) => ({
  eventId: '01970000-0000-7000-8000-0000000000e2',
  type,
  schemaVersion: 1,
  occurredAt: '2026-11-22T04:00:00.000Z',
  originRegion: '330503',
  aggregate: { type: 'joint-session', id: session.id, version: session.version },
  payload,
  trace: {},
});

describe('joint session snapshot', () => {
  it('is what joint-session.created and joint-session.advanced carry', () => {
    const snapshot = jointSessionSnapshot(session, parties);
    expect(snapshot).toMatchObject({ heldOn: '2024-09-20', stage: 'PLAN', parties });
    for (const type of ['joint-session.created', 'joint-session.advanced']) {
      expect(validateEvent(envelope(type, { snapshot }))).toMatchObject({ ok: true });
    }
  });

  it('leaves out what a party row holds beyond the party itself', () => {
    const rows = parties.map((p) => ({ ...p, jointSessionId: session.id }));
    expect(jointSessionSnapshot(session, rows).parties).toEqual(parties);
  });

  it('gives a replica back the owner’s record and parties', () => {
    expect(jointSessionFromSnapshot(jointSessionSnapshot(session, parties))).toEqual({
      session,
      parties,
    });
  });
});
