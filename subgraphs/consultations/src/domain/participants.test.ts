import { describe, expect, it } from 'vitest';
import { normaliseParticipants } from './participants.js';

const memberId = '01970000-0000-7000-8000-000000000001';

describe('participants', () => {
  it('keeps a member participant with its member id and others by name', () => {
    expect(
      normaliseParticipants([
        { memberId, name: '沈丽华', kind: 'MEMBER' },
        { name: '陈建明', kind: 'OFFICIAL', affiliation: '广陈镇人民政府', attended: false },
      ]),
    ).toEqual([
      { memberId, name: '沈丽华', kind: 'MEMBER', affiliation: null, attended: true },
      {
        memberId: null,
        name: '陈建明',
        kind: 'OFFICIAL',
        affiliation: '广陈镇人民政府',
        attended: false,
      },
    ]);
  });

  it('needs a member id for a member and none for anyone else', () => {
    expect(() => normaliseParticipants([{ name: '沈丽华', kind: 'MEMBER' }])).toThrow(
      expect.objectContaining({ code: 'CONSULTATIONS_PARTICIPANT_MEMBER' }),
    );
    expect(() => normaliseParticipants([{ memberId, name: '王芳', kind: 'PUBLIC' }])).toThrow(
      expect.objectContaining({ code: 'CONSULTATIONS_PARTICIPANT_MEMBER' }),
    );
  });

  it('needs a name, a well-formed member id and at least one participant', () => {
    expect(() => normaliseParticipants([{ name: ' ', kind: 'EXPERT' }])).toThrow(
      expect.objectContaining({ code: 'KIT_INVALID_INPUT' }),
    );
    expect(() =>
      normaliseParticipants([{ memberId: 'm-1', name: '沈丽华', kind: 'MEMBER' }]),
    ).toThrow(expect.objectContaining({ code: 'KIT_INVALID_INPUT' }));
    expect(() => normaliseParticipants([])).toThrow(
      expect.objectContaining({ code: 'KIT_INVALID_INPUT' }),
    );
  });
});
