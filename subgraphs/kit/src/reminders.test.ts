import type { ForwardedIdentity } from '@huishang/schema';
import { describe, expect, it } from 'vitest';
import { inboxesFor, inboxesOf, reminderColourOf, reminderReason } from './reminders.js';

describe('which colour changes send a reminder', () => {
  it('reminds once on turning yellow and once on turning red, never of green', () => {
    expect(reminderColourOf('GREEN', null)).toBeNull();
    expect(reminderColourOf(null, null)).toBeNull();
    expect(reminderColourOf('YELLOW', null)).toBe('YELLOW');
    expect(reminderColourOf('YELLOW', 'YELLOW')).toBeNull();
    expect(reminderColourOf('RED', 'YELLOW')).toBe('RED');
    expect(reminderColourOf('RED', 'RED')).toBeNull();
  });

  it('reminds of red at once when first seen overdue, and never back to yellow after red', () => {
    expect(reminderColourOf('RED', null)).toBe('RED');
    expect(reminderColourOf('YELLOW', 'RED')).toBeNull();
  });
});

describe('the reason, in Chinese', () => {
  it('names the record and the warning', () => {
    expect(reminderReason('PROPOSAL', '关于规范城区共享单车停放的建议', 'YELLOW')).toBe(
      '提案《关于规范城区共享单车停放的建议》办理期限将至（黄色预警）',
    );
    expect(reminderReason('PROPOSAL', '关于规范城区共享单车停放的建议', 'RED')).toBe(
      '提案《关于规范城区共享单车停放的建议》已超过办理期限（红色预警）',
    );
    expect(reminderReason('SUPERVISION_TASK', '河道保洁', 'RED')).toBe(
      '监督事项《河道保洁》已超过办理期限（红色预警）',
    );
  });
});

describe('whose inbox a caller reads', () => {
  const caller = (roles: ForwardedIdentity['roles'], region = '330503', node = region) => ({
    subject: ' 南浔区农业农村局 ',
    region,
    node,
    roles,
  });

  it('staff read their own committee’s, a unit only its own', () => {
    expect(inboxesOf(caller(['staff']), '330503')).toEqual([{ addressee: 'STAFF', unit: '' }]);
    expect(inboxesOf(caller(['unit']), '330503')).toEqual([
      { addressee: 'UNIT', unit: '南浔区农业农村局' },
    ]);
  });

  it('readers, members, the public and staff of other regions read none', () => {
    expect(inboxesOf(caller(['reader']), '330503')).toEqual([]);
    expect(inboxesOf(caller(['member']), '330503')).toEqual([]);
    expect(inboxesOf(caller(['public']), '330503')).toEqual([]);
    expect(inboxesOf(caller(['staff'], '330500'), '330503')).toEqual([]);
    expect(inboxesOf(caller(['staff'], '330503', '330500'), '330503')).toEqual([]);
  });
});

describe('whom a reminder goes to', () => {
  it('the staff, then each unit once, by its key', () => {
    expect(inboxesFor(['南浔区农业农村局', ' 南浔区农业农村局', 'ABC局'])).toEqual([
      { addressee: 'STAFF', unit: '' },
      { addressee: 'UNIT', unit: '南浔区农业农村局' },
      { addressee: 'UNIT', unit: 'abc局' },
    ]);
  });
});
