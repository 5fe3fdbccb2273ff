import { describe, expect, it } from 'vitest';
import { chinaDate, deriveDutyRecords } from './duty-records.js';

const lead = '01970000-0000-7000-8000-000000000001';
const co1 = '01970000-0000-7000-8000-000000000002';
const co2 = '01970000-0000-7000-8000-000000000003';

describe('duty records from snapshots', () => {
  it('credits a proposal’s lead and co-signers on the day it was submitted in China', () => {
    const records = deriveDutyRecords('proposal', {
      title: '关于加快南浔古镇数字化保护的建议',
      status: 'REGISTERED',
      proposerId: lead,
      coProposerIds: [co1, co2, co1, lead],
      submittedAt: '2026-01-10T17:30:00.000Z',
    });
    expect(records).toEqual([
      {
        memberId: lead,
        kind: 'PROPOSAL_LED',
        title: '关于加快南浔古镇数字化保护的建议',
        occurredOn: '2026-01-11',
        detail: 'REGISTERED',
      },
      expect.objectContaining({ memberId: co1, kind: 'PROPOSAL_CO_SIGNED' }),
      expect.objectContaining({ memberId: co2, kind: 'PROPOSAL_CO_SIGNED' }),
    ]);
  });

  it('credits nobody for a collective proposal', () => {
    expect(
      deriveDutyRecords('proposal', {
        title: '关于完善农村养老服务体系的建议',
        proposerId: null,
        collectiveProposer: '民盟南浔区基层委员会',
        coProposerIds: [],
        submittedAt: '2026-01-10T02:00:00.000Z',
      }),
    ).toEqual([]);
  });

  it('credits the member participants of a consultation who attended, on the day it was held', () => {
    const records = deriveDutyRecords('consultation', {
      title: '“请你来协商”：菱湖镇农村生活污水治理',
      stage: 'REPORT',
      heldOn: '2026-03-18',
      updatedAt: '2026-03-20T01:00:00.000Z',
      participants: [
        { memberId: lead, kind: 'MEMBER', attended: true },
        { memberId: co1, kind: 'MEMBER', attended: false },
        { memberId: null, kind: 'OFFICIAL', attended: true },
      ],
    });
    expect(records).toEqual([
      {
        memberId: lead,
        kind: 'CONSULTATION_ATTENDED',
        title: '“请你来协商”：菱湖镇农村生活污水治理',
        occurredOn: '2026-03-18',
        detail: 'REPORT',
      },
    ]);
  });

  it('credits an opinion item to its submitting member, and none to an anonymous one', () => {
    const item = {
      title: '建议增设双林镇公交线路',
      status: 'SUBMITTED',
      createdAt: '2026-04-01T08:00:00.000Z',
    };
    expect(deriveDutyRecords('opinion-item', { ...item, submitterId: co2 })).toEqual([
      {
        memberId: co2,
        kind: 'OPINION_SUBMITTED',
        title: item.title,
        occurredOn: '2026-04-01',
        detail: 'SUBMITTED',
      },
    ]);
    expect(deriveDutyRecords('opinion-item', { ...item, submitterId: null })).toEqual([]);
  });

  it('credits supervision to the members who joined it', () => {
    const task = {
      title: '农村饮用水安全民主监督',
      status: 'INSPECTING',
      createdAt: '2026-05-06T02:00:00.000Z',
    };
    expect(deriveDutyRecords('supervision-task', task)).toEqual([]);
    expect(
      deriveDutyRecords('supervision-task', {
        ...task,
        memberIds: [co1],
      }),
    ).toEqual([
      expect.objectContaining({
        memberId: co1,
        kind: 'SUPERVISION_JOINED',
        occurredOn: '2026-05-06',
      }),
    ]);
  });

  it('takes days in China’s time zone', () => {
    expect(chinaDate('2026-12-31T16:00:00.000Z')).toBe('2027-01-01');
    expect(chinaDate('2026-12-31T15:59:59.000Z')).toBe('2026-12-31');
  });
});
