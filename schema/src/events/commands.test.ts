import { describe, expect, it } from 'vitest';
import { roles } from '../identity.js';
import { commandTypes, validateCommand, validateCommandResult } from './commands.js';

const dispatch = {
  commandId: '01970000-0000-7000-8000-0000000000c1',
  type: 'supervision-task.dispatch',
  schemaVersion: 1,
  issuedAt: '2026-11-22T03:00:00.000Z',
  owner: '330503',
  caller: { subject: 'staff-330000', region: '330000', roles: ['staff'], node: '330000' },
  payload: {
    input: {
      region: '330503',
      title: '頔塘故道生态修复民主监督',
      source: 'ADOPTED_SUGGESTION',
      committee: '人口资源环境委员会',
      deadline: '2026-12-31',
    },
  },
  trace: {},
};

const answer = {
  commandId: dispatch.commandId,
  type: dispatch.type,
  owner: '330503',
  answeredAt: '2026-11-22T03:00:01.000Z',
  status: 'APPLIED',
  result: { id: '01970000-0000-7000-8000-0000000000d1', version: 1 },
  error: null,
};

describe('command contract', () => {
  it('carries a caller of every role, for the owner to refuse or allow', () => {
    for (const role of roles)
      expect(
        validateCommand({ ...dispatch, caller: { ...dispatch.caller, roles: [role] } }),
      ).toMatchObject({ ok: true });
  });

  it('knows a schema for every command type', () => {
    expect(commandTypes()).toEqual([
      'consultation.contribute',
      'joint-session.agree-stage',
      'opinion-item.refer',
      'supervision-task.dispatch',
      'supervision-task.remind',
    ]);
  });

  it('accepts a command with its caller and payload', () => {
    expect(validateCommand(dispatch)).toEqual({ ok: true, command: dispatch });
  });

  it('refuses a broken envelope with nothing to answer', () => {
    const result = validateCommand({ ...dispatch, caller: { region: '330000' } });
    expect(result).toMatchObject({ ok: false, answerable: null });
    expect(result.ok || result.reason).toContain('caller');
  });

  it('refuses an unknown type or a bad payload, keeping the envelope to answer', () => {
    expect(validateCommand({ ...dispatch, type: 'proposal.withdraw' })).toMatchObject({
      ok: false,
      reason: 'unknown command type proposal.withdraw',
      answerable: { commandId: dispatch.commandId },
    });
    const badSource = {
      ...dispatch,
      payload: { input: { ...dispatch.payload.input, source: 'RUMOUR' } },
    };
    expect(validateCommand(badSource)).toMatchObject({
      ok: false,
      answerable: { commandId: dispatch.commandId },
    });
  });

  it('accepts an applied answer with a result and a rejection with an error, nothing between', () => {
    expect(validateCommandResult(answer)).toEqual({ ok: true, result: answer });
    const rejected = {
      ...answer,
      status: 'REJECTED',
      result: null,
      error: { code: 'FORBIDDEN', reason: 'KIT_FORBIDDEN', message: '无权修改' },
    };
    expect(validateCommandResult(rejected)).toEqual({ ok: true, result: rejected });
    expect(validateCommandResult({ ...answer, status: 'REJECTED' })).toMatchObject({ ok: false });
    expect(validateCommandResult({ ...rejected, status: 'APPLIED' })).toMatchObject({ ok: false });
  });
});
