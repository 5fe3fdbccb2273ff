import { describe, expect, it } from 'vitest';
import { planOpinionReminder, planSupervisionReminder } from './reminders.js';

const deadline = new Date('2025-06-30T00:00:00Z');
// 25 June and 2 July, mid-morning in Beijing
const yellowDay = new Date('2025-06-25T02:00:00Z');
const redDay = new Date('2025-07-02T02:00:00Z');

describe('a supervision task’s automatic reminder', () => {
  const task = {
    status: 'LETTER_ISSUED' as const,
    deadline,
    title: '熟溪河沿岸排污口整治民主监督',
    handlingUnit: '武义县生态环境分局',
  };

  it('goes to the staff and the unit, as a REMIND step while the unit handles it', () => {
    expect(planSupervisionReminder(task, null, yellowDay)).toEqual({
      kind: 'SUPERVISION_TASK',
      colour: 'YELLOW',
      reason: `监督事项《${task.title}》办理期限将至（黄色预警）`,
      inboxes: [
        { addressee: 'STAFF', unit: '' },
        { addressee: 'UNIT', unit: '武义县生态环境分局' },
      ],
      remindStep: true,
    });
    expect(planSupervisionReminder(task, 'YELLOW', redDay)?.colour).toBe('RED');
  });

  it('tells only the staff before the letter, and nothing once closed or green', () => {
    const early = { ...task, status: 'INSPECTING' as const, handlingUnit: null };
    expect(planSupervisionReminder(early, null, redDay)).toMatchObject({
      colour: 'RED',
      inboxes: [{ addressee: 'STAFF', unit: '' }],
      remindStep: false,
    });
    expect(planSupervisionReminder({ ...task, status: 'CLOSED' }, null, redDay)).toBeNull();
    expect(planSupervisionReminder(task, null, new Date('2025-06-01T02:00:00Z'))).toBeNull();
  });
});

describe('an opinion item’s automatic reminder', () => {
  const item = {
    status: 'DISPATCHED' as const,
    deadline,
    title: '柳城畲族镇老街路灯损坏',
    department: '武义县住房和城乡建设局',
  };

  it('goes to the staff and the department, and is never a step on the item', () => {
    expect(planOpinionReminder(item, null, redDay)).toEqual({
      kind: 'OPINION_ITEM',
      colour: 'RED',
      reason: `社情民意《${item.title}》已超过办理期限（红色预警）`,
      inboxes: [
        { addressee: 'STAFF', unit: '' },
        { addressee: 'UNIT', unit: '武义县住房和城乡建设局' },
      ],
      remindStep: false,
    });
    expect(planOpinionReminder({ ...item, status: 'ANSWERED' }, null, redDay)).toBeNull();
  });
});
