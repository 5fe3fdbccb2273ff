import { describe, expect, it } from 'vitest';
import { type AssignmentInput, planAssignment } from './assignment.js';
import { refusalCode } from './test-fixtures.js';

const now = new Date('2025-06-01T02:00:00Z');
const registered = {
  status: 'REGISTERED' as const,
  isKey: false,
  suggestions: [{ seq: 1 }, { seq: 2 }, { seq: 3 }],
};
const input: AssignmentInput = {
  units: [
    { name: '南浔区文化和广电旅游体育局', role: 'LEAD' },
    { name: '南浔区住房和城乡建设局', role: 'CO' },
  ],
  deadline: '2025-08-31',
};

describe('proposal assignment', () => {
  it('assigns to one lead and its co-handlers with a deadline', () => {
    const assignment = planAssignment(registered, input, now, 7);
    expect(assignment.units).toEqual([
      { name: '南浔区文化和广电旅游体育局', role: 'LEAD', suggestionSeqs: [1, 2, 3] },
      { name: '南浔区住房和城乡建设局', role: 'CO', suggestionSeqs: [1, 2, 3] },
    ]);
    expect(assignment.deadline.toISOString()).toBe('2025-08-31T00:00:00.000Z');
    expect(assignment.yellowFrom.toISOString()).toBe('2025-08-24T00:00:00.000Z');
    expect(assignment).toMatchObject({ isKey: false, leaders: [] });
  });

  it('gives a co-handling unit the items named, the lead all of them', () => {
    const units = [
      { name: '南浔区文化和广电旅游体育局', role: 'LEAD' as const, suggestionSeqs: [1] },
      { name: '南浔区住房和城乡建设局', role: 'CO' as const, suggestionSeqs: [3, 2, 3] },
    ];
    expect(planAssignment(registered, { ...input, units }, now, 7).units).toMatchObject([
      { suggestionSeqs: [1, 2, 3] },
      { suggestionSeqs: [2, 3] },
    ]);
    const [lead, co] = units as [(typeof units)[0], (typeof units)[1]];
    const unknown = [lead, { ...co, suggestionSeqs: [4] }];
    expect(
      refusalCode(() => planAssignment(registered, { ...input, units: unknown }, now, 7)),
    ).toBe('PROPOSALS_UNKNOWN_SUGGESTION');
    const none = [lead, { ...co, suggestionSeqs: [] }];
    expect(refusalCode(() => planAssignment(registered, { ...input, units: none }, now, 7))).toBe(
      'KIT_INVALID_INPUT',
    );
  });

  it('names the leading officials of a key proposal, and only of one', () => {
    const leaders = [{ name: '沈建国', post: '南浔区人民政府副区长' }];
    expect(planAssignment(registered, { ...input, isKey: true, leaders }, now, 7)).toMatchObject({
      isKey: true,
      leaders,
    });
    expect(refusalCode(() => planAssignment(registered, { ...input, isKey: true }, now, 7))).toBe(
      'PROPOSALS_KEY_LEADERS_REQUIRED',
    );
    expect(refusalCode(() => planAssignment(registered, { ...input, leaders }, now, 7))).toBe(
      'PROPOSALS_KEY_LEADERS_REQUIRED',
    );
  });

  it('turns yellow by the committee’s threshold', () => {
    expect(planAssignment(registered, input, now, 14).yellowFrom.toISOString()).toBe(
      '2025-08-17T00:00:00.000Z',
    );
  });

  it('needs exactly one lead unit', () => {
    const co = input.units.map((u) => ({ ...u, role: 'CO' as const }));
    const leads = input.units.map((u) => ({ ...u, role: 'LEAD' as const }));
    expect(refusalCode(() => planAssignment(registered, { ...input, units: co }, now, 7))).toBe(
      'PROPOSALS_LEAD_UNIT_REQUIRED',
    );
    expect(refusalCode(() => planAssignment(registered, { ...input, units: leads }, now, 7))).toBe(
      'PROPOSALS_LEAD_UNIT_REQUIRED',
    );
    expect(refusalCode(() => planAssignment(registered, { ...input, units: [] }, now, 7))).toBe(
      'PROPOSALS_LEAD_UNIT_REQUIRED',
    );
  });

  it('refuses a unit listed twice', () => {
    const twice = [...input.units, { name: ' 南浔区住房和城乡建设局 ', role: 'CO' as const }];
    expect(refusalCode(() => planAssignment(registered, { ...input, units: twice }, now, 7))).toBe(
      'PROPOSALS_DUPLICATE_UNIT',
    );
  });

  it('accepts today as the deadline but not yesterday, nor a date that does not exist', () => {
    expect(
      refusalCode(() => planAssignment(registered, { ...input, deadline: '2025-06-01' }, now, 7)),
    ).toBe('accepted');
    expect(
      refusalCode(() => planAssignment(registered, { ...input, deadline: '2025-05-31' }, now, 7)),
    ).toBe('PROPOSALS_DEADLINE_PASSED');
    expect(
      refusalCode(() => planAssignment(registered, { ...input, deadline: '2025-02-30' }, now, 7)),
    ).toBe('KIT_INVALID_INPUT');
  });

  it('assigns only a registered proposal', () => {
    expect(
      refusalCode(() => planAssignment({ ...registered, status: 'SUBMITTED' }, input, now, 7)),
    ).toBe('PROPOSALS_ILLEGAL_TRANSITION');
  });
});
