import { describe, expect, it } from 'vitest';
import { planMinutesReminder, planOpinionReminder, planSupervisionReminder } from './reminders.js';

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

describe('a minutes recipient’s automatic reminders', () => {
  // sent on 23 June in Beijing: sign-off due 30 June, answer due 23 September
  const minutes = { title: '城乡风貌整治提升', sentAt: new Date('2025-06-22T20:00:00Z') };
  const recipient = { name: '武义县人民政府', signedOffAt: null, answeredAt: null };
  const day = (date: string) => new Date(`${date}T02:00:00Z`);

  it('reminds the sign-off for its own deadline, to the staff and the recipient as a unit', () => {
    expect(planMinutesReminder(recipient, minutes, 'SIGN_OFF', null, day('2025-06-28'))).toEqual({
      kind: 'CONSULTATION_MINUTE',
      colour: 'YELLOW',
      reason: '协商纪要《城乡风貌整治提升》送达武义县人民政府待签收，签收期限将至（黄色预警）',
      inboxes: [
        { addressee: 'STAFF', unit: '' },
        { addressee: 'UNIT', unit: '武义县人民政府' },
      ],
      remindStep: false,
      deadline: new Date('2025-06-30T00:00:00Z'),
    });
    expect(planMinutesReminder(recipient, minutes, 'SIGN_OFF', null, day('2025-06-27'))).toBeNull();
    expect(
      planMinutesReminder(recipient, minutes, 'SIGN_OFF', 'YELLOW', day('2025-07-01')),
    ).toMatchObject({
      colour: 'RED',
      reason: '协商纪要《城乡风貌整治提升》送达武义县人民政府待签收，已超过签收期限（红色预警）',
    });
    expect(
      planMinutesReminder(recipient, minutes, 'SIGN_OFF', 'RED', day('2025-07-20')),
    ).toBeNull();
  });

  it('reminds the answer for its own deadline, and neither step once it is done', () => {
    const signed = { ...recipient, signedOffAt: day('2025-06-24') };
    expect(planMinutesReminder(signed, minutes, 'SIGN_OFF', null, day('2025-07-01'))).toBeNull();
    expect(planMinutesReminder(signed, minutes, 'ANSWER', null, day('2025-09-08'))).toMatchObject({
      colour: 'YELLOW',
      reason: '协商纪要《城乡风貌整治提升》送达武义县人民政府待答复，答复期限将至（黄色预警）',
      deadline: new Date('2025-09-23T00:00:00Z'),
    });
    expect(planMinutesReminder(signed, minutes, 'ANSWER', null, day('2025-09-07'))).toBeNull();
    expect(
      planMinutesReminder(signed, minutes, 'ANSWER', 'YELLOW', day('2025-09-24')),
    ).toMatchObject({
      colour: 'RED',
      reason: expect.stringContaining('已超过答复期限（红色预警）'),
    });
    const answered = { ...signed, answeredAt: day('2025-07-10') };
    expect(planMinutesReminder(answered, minutes, 'ANSWER', null, day('2025-10-01'))).toBeNull();
  });
});
