import { describe, expect, it } from 'vitest';
import { type AssignmentInput, planAssignment } from './assignment.js';

const now = new Date('2025-06-01T02:00:00Z');
const registered = { status: 'REGISTERED' as const, isKey: false };
const input: AssignmentInput = {
  units: [
    { name: '南浔区文化和广电旅游体育局', role: 'LEAD' },
    { name: '南浔区住房和城乡建设局', role: 'CO' },
  ],
  deadline: '2025-08-31',
};

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'accepted';
};

describe('proposal assignment', () => {
  it('assigns to one lead and its co-handlers with a deadline', () => {
    const assignment = planAssignment(registered, { ...input, isKey: true }, now);
    expect(assignment.units).toHaveLength(2);
    expect(assignment.deadline.toISOString()).toBe('2025-08-31T00:00:00.000Z');
    expect(assignment.isKey).toBe(true);
  });

  it('needs exactly one lead unit', () => {
    const co = input.units.map((u) => ({ ...u, role: 'CO' as const }));
    const leads = input.units.map((u) => ({ ...u, role: 'LEAD' as const }));
    expect(code(() => planAssignment(registered, { ...input, units: co }, now))).toBe(
      'PROPOSALS_LEAD_UNIT_REQUIRED',
    );
    expect(code(() => planAssignment(registered, { ...input, units: leads }, now))).toBe(
      'PROPOSALS_LEAD_UNIT_REQUIRED',
    );
    expect(code(() => planAssignment(registered, { ...input, units: [] }, now))).toBe(
      'PROPOSALS_LEAD_UNIT_REQUIRED',
    );
  });

  it('refuses a unit listed twice', () => {
    const twice = [...input.units, { name: ' 南浔区住房和城乡建设局 ', role: 'CO' as const }];
    expect(code(() => planAssignment(registered, { ...input, units: twice }, now))).toBe(
      'PROPOSALS_DUPLICATE_UNIT',
    );
  });

  it('accepts today as the deadline but not yesterday, nor a date that does not exist', () => {
    expect(code(() => planAssignment(registered, { ...input, deadline: '2025-06-01' }, now))).toBe(
      'accepted',
    );
    expect(code(() => planAssignment(registered, { ...input, deadline: '2025-05-31' }, now))).toBe(
      'PROPOSALS_DEADLINE_PASSED',
    );
    expect(code(() => planAssignment(registered, { ...input, deadline: '2025-02-30' }, now))).toBe(
      'KIT_INVALID_INPUT',
    );
  });

  it('assigns only a registered proposal', () => {
    expect(code(() => planAssignment({ status: 'SUBMITTED', isKey: false }, input, now))).toBe(
      'PROPOSALS_ILLEGAL_TRANSITION',
    );
  });
});
