import { describe, expect, it } from 'vitest';
import {
  type SupervisionState,
  type SupervisionStepInput,
  supervisionOutcome,
  takeSupervisionStep,
} from './supervision-lifecycle.js';

const at = new Date('2025-09-02T02:00:00Z');
const member = '01970000-0000-7000-8000-0000000000a1';
const other = '01970000-0000-7000-8000-0000000000a2';
const dispatched: SupervisionState = {
  status: 'DISPATCHED',
  deadline: new Date('2025-10-31T00:00:00Z'),
  handlingUnit: null,
  memberIds: [],
  steps: [],
};

const walk = (steps: SupervisionStepInput[]) =>
  steps.reduce((task, step) => takeSupervisionStep(task, step, 'staff-330723', at), dispatched);

describe('supervision task steps', () => {
  it('walks the five steps and the assign, remind, feedback loop to closing', () => {
    const closed = walk([
      { action: 'INSPECT', note: '实地察看熟溪河沿岸排污口', memberIds: [member] },
      { action: 'CONSULT', note: '在壶山街道民生议事堂协商座谈', memberIds: [member, other] },
      {
        action: 'ISSUE_LETTER',
        note: '建议建立排污口长效巡查机制',
        handlingUnit: '武义县生态环境分局',
        deadline: '2025-11-30',
      },
      { action: 'REMIND', note: '请于月底前反馈' },
      { action: 'REMIND' },
      { action: 'FEEDBACK', note: '已完成 12 个排污口整治' },
      { action: 'FOLLOW_UP', note: '回头看：整治到位', memberIds: [other] },
      { action: 'CLOSE' },
    ]);
    expect(closed).toMatchObject({
      status: 'CLOSED',
      handlingUnit: '武义县生态环境分局',
      deadline: new Date('2025-11-30T00:00:00Z'),
      memberIds: [member, other],
    });
    expect(supervisionOutcome(closed.steps)).toEqual({
      letter: '建议建立排污口长效巡查机制',
      feedback: '已完成 12 个排污口整治',
      reminders: 2,
    });
    expect(closed.steps.map((s) => s.action)).toEqual([
      'INSPECT',
      'CONSULT',
      'ISSUE_LETTER',
      'REMIND',
      'REMIND',
      'FEEDBACK',
      'FOLLOW_UP',
      'CLOSE',
    ]);
    expect(closed.steps[0]).toEqual({
      action: 'INSPECT',
      at: at.toISOString(),
      by: 'staff-330723',
      note: '实地察看熟溪河沿岸排污口',
      memberIds: [member],
    });
  });

  it('refuses a step the state does not allow, naming the state and the allowed steps', () => {
    expect(() => walk([{ action: 'FEEDBACK', note: '已整改' }])).toThrow(
      expect.objectContaining({
        code: 'CONSULTATIONS_SUPERVISION_ILLEGAL_STEP',
        fields: { state: 'DISPATCHED', action: 'FEEDBACK', allowed: ['INSPECT'] },
        message: expect.stringContaining('已派单'),
      }),
    );
    const closed = { ...dispatched, status: 'CLOSED' as const };
    expect(() => takeSupervisionStep(closed, { action: 'REMIND' }, 's', at)).toThrow(
      expect.objectContaining({ fields: expect.objectContaining({ allowed: [] }) }),
    );
  });

  it('needs the letter text and the unit to issue a letter, and the feedback text', () => {
    const consulting = { ...dispatched, status: 'CONSULTING' as const };
    expect(() =>
      takeSupervisionStep(consulting, { action: 'ISSUE_LETTER', note: '建议' }, 's', at),
    ).toThrow(
      expect.objectContaining({ fields: expect.objectContaining({ field: 'handlingUnit' }) }),
    );
    const late = {
      action: 'ISSUE_LETTER' as const,
      note: '建议',
      handlingUnit: '武义县交通运输局',
    };
    expect(() =>
      takeSupervisionStep(consulting, { ...late, deadline: '2025-09-01' }, 's', at),
    ).toThrow(expect.objectContaining({ fields: { field: 'deadline' } }));
    const issued = { ...dispatched, status: 'LETTER_ISSUED' as const };
    expect(() => takeSupervisionStep(issued, { action: 'FEEDBACK' }, 's', at)).toThrow(
      expect.objectContaining({ fields: expect.objectContaining({ field: 'note' }) }),
    );
  });

  it('refuses a member id that is not an id', () => {
    expect(() => walk([{ action: 'INSPECT', memberIds: ['张三'] }])).toThrow(
      expect.objectContaining({ fields: expect.objectContaining({ field: 'memberIds' }) }),
    );
  });
});
