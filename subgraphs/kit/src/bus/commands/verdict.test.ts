import { describe, expect, it } from 'vitest';
import { judgeCommand, judgeResult } from './verdict.js';

const dispatch = {
  commandId: '01970000-0000-7000-8000-0000000000c1',
  type: 'supervision-task.dispatch',
  schemaVersion: 1,
  issuedAt: '2026-11-22T03:00:00.000Z',
  owner: '330503',
  caller: { subject: 'staff-330000', region: '330000', roles: ['staff'], node: '330000' },
  payload: {
    input: { region: '330503', title: '頔塘故道生态修复', source: 'MEDIA', committee: '人资环委' },
  },
  trace: {},
};
const subject = 'cppcc.cmd.330000.330500.330503.supervision-task.dispatch.330000._._';
const judge = (command: object, on = subject) =>
  judgeCommand('330503', 'supervision-task', on, JSON.stringify(command));

describe('judging a command at its owner', () => {
  it('applies a valid command addressed to this owner on its own subject', () => {
    expect(judge(dispatch)).toEqual({ action: 'apply', command: dispatch });
  });

  it('answers an unknown type or a bad payload with a rejection', () => {
    expect(
      judge({ ...dispatch, type: 'supervision-task.close' }, subject.replace('dispatch', 'close')),
    ).toMatchObject({ action: 'reject', reason: 'unknown command type supervision-task.close' });
    expect(judge({ ...dispatch, payload: { input: {} } })).toMatchObject({
      action: 'reject',
      command: { commandId: dispatch.commandId },
    });
  });

  it('parks what it cannot answer or what was not addressed to it', () => {
    const park = { action: 'park' };
    expect(judgeCommand('330503', 'supervision-task', subject, '{')).toMatchObject(park);
    expect(judge({ ...dispatch, caller: undefined })).toMatchObject(park);
    expect(judge({ ...dispatch, owner: '330502' })).toMatchObject({
      action: 'park',
      reason: 'addressed to 330502, not 330503',
    });
    expect(
      judge(dispatch, 'cppcc.cmd.330000.330500.330503.joint-session.dispatch.330000._._'),
    ).toMatchObject(park);
    expect(judge(dispatch, 'cppcc.cmd.330000.330500.330503.supervision-task.dispatch')).toEqual({
      action: 'park',
      reason: 'cppcc.cmd.330000.330500.330503.supervision-task.dispatch names no sending committee',
    });
  });

  // What a hostile county tried with its own NATS user: the subject carries its own tokens.
  const fromNanxun =
    'cppcc.cmd.330000.330500.330521.supervision-task.dispatch.330000.330500.330503';
  const atDeqing = (command: object) =>
    judgeCommand('330521', 'supervision-task', fromNanxun, JSON.stringify(command));

  it('parks a command whose caller is not of the node that sent it', () => {
    expect(atDeqing({ ...dispatch, owner: '330521' })).toEqual({
      action: 'park',
      reason: "sent by node 330503, but names node 330000 as the caller's",
    });
    const asProvinceStaff = {
      ...dispatch,
      owner: '330521',
      caller: { ...dispatch.caller, node: '330503' },
    };
    expect(atDeqing(asProvinceStaff)).toEqual({
      action: 'park',
      reason: 'node 330503 speaks only for callers of its own region, not of 330000',
    });
    const ownStaff = {
      ...asProvinceStaff,
      caller: { subject: 'staff-330503', region: '330503', roles: ['staff'], node: '330503' },
    };
    expect(atDeqing(ownStaff)).toMatchObject({ action: 'apply' });
  });
});

describe('judging an answer at the caller', () => {
  const answer = {
    commandId: dispatch.commandId,
    type: dispatch.type,
    owner: '330503',
    answeredAt: '2026-11-22T03:00:01.000Z',
    status: 'APPLIED',
    result: { id: '01970000-0000-7000-8000-0000000000d1', version: 1 },
    error: null,
  };
  const on = `cppcc.cmdres.330000._._.${dispatch.commandId}.330000.330500.330503`;

  it('takes a valid answer on the subject addressed to this node', () => {
    expect(judgeResult('330000', on, JSON.stringify(answer))).toEqual({ ok: true, result: answer });
  });

  it('refuses one on another node’s subject, or malformed', () => {
    expect(judgeResult('330500', on, JSON.stringify(answer))).toMatchObject({ ok: false });
    expect(judgeResult('330000', on, JSON.stringify({ ...answer, status: 'DONE' }))).toMatchObject({
      ok: false,
    });
  });

  it('refuses an answer from a node that is not the owner it names', () => {
    // Nanxun's user may answer only as Nanxun: on a sibling's command it names itself…
    const bySibling = on.replace('330503', '330502');
    expect(judgeResult('330000', bySibling, JSON.stringify(answer))).toEqual({
      ok: false,
      reason: 'an answer from 330502 names 330503 as the owner',
    });
    // …or the subject has no sender at all.
    expect(
      judgeResult(
        '330000',
        `cppcc.cmdres.330000._._.${dispatch.commandId}`,
        JSON.stringify(answer),
      ),
    ).toMatchObject({ ok: false });
  });
});
