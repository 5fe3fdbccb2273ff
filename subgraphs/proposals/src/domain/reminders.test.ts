import { schedulerName } from '@huishang/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { planProposalReminder } from './reminders.js';

const deadline = new Date('2025-06-30T00:00:00Z');
const yellowFrom = new Date('2025-06-23T00:00:00Z');
const proposal = {
  status: 'ASSIGNED' as const,
  deadline,
  yellowFrom,
  title: '关于推进农村生活污水治理设施长效运维的建议',
  handlingUnits: [{ name: '南浔区农业农村局' }, { name: '南浔区生态环境分局' }],
};
// 25 June and 2 July, mid-morning in Beijing
const yellowDay = new Date('2025-06-25T02:00:00Z');
const redDay = new Date('2025-07-02T02:00:00Z');

describe('a proposal’s automatic reminder', () => {
  it('goes to the staff and to each handling unit, recorded as a 催办 by the scheduler', () => {
    const plan = planProposalReminder(proposal, null, yellowDay);
    expect(plan).toEqual({
      colour: 'YELLOW',
      reason: `提案《${proposal.title}》办理期限将至（黄色预警）`,
      inboxes: [
        { addressee: 'STAFF', unit: '' },
        { addressee: 'UNIT', unit: '南浔区农业农村局' },
        { addressee: 'UNIT', unit: '南浔区生态环境分局' },
      ],
      urge: { kind: 'REMIND', by: schedulerName, note: plan?.reason },
    });
    expect(planProposalReminder(proposal, 'YELLOW', redDay)?.colour).toBe('RED');
  });

  it('is none while green, once replied, or when already sent for the colour', () => {
    expect(planProposalReminder(proposal, null, new Date('2025-06-20T02:00:00Z'))).toBeNull();
    expect(planProposalReminder({ ...proposal, status: 'REPLIED' }, null, redDay)).toBeNull();
    expect(planProposalReminder(proposal, 'YELLOW', yellowDay)).toBeNull();
  });
});
