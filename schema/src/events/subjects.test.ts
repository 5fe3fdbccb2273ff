import { describe, expect, it } from 'vitest';
import {
  commandFilter,
  commandResultFilter,
  commandResultSubject,
  commandSubject,
  eventSubject,
  regionTokens,
  senderOfSubject,
  sharedEventSubject,
  subtreeEventFilter,
} from './subjects.js';

describe('bus subjects', () => {
  it('carry the hierarchy, with a placeholder for a level that does not apply', () => {
    expect(regionTokens('330503')).toEqual(['330000', '330500', '330503']);
    expect(regionTokens('330500')).toEqual(['330000', '330500', '_']);
    expect(regionTokens('330000')).toEqual(['330000', '_', '_']);
    expect(regionTokens('310116')).toEqual(['310000', '_', '310116']);
    expect(eventSubject('330503', 'proposal', 'registered')).toBe(
      'cppcc.evt.330000.330500.330503.proposal.registered',
    );
  });

  it('make a subtree one wildcard', () => {
    expect(subtreeEventFilter('330500', 'proposal')).toBe('cppcc.evt.330000.330500.*.proposal.*');
    expect(subtreeEventFilter('330000', 'member')).toBe('cppcc.evt.330000.*.*.member.*');
    expect(subtreeEventFilter('330503', 'member')).toBeNull();
  });

  it('address commands to the owner and shared events to the partner province', () => {
    expect(commandSubject('330503', 'supervision-task', 'dispatch', '330000')).toBe(
      'cppcc.cmd.330000.330500.330503.supervision-task.dispatch.330000._._',
    );
    expect(commandFilter('330503', 'supervision-task')).toBe(
      'cppcc.cmd.330000.330500.330503.supervision-task.*.*.*.*',
    );
    expect(sharedEventSubject('320000', '330503', 'created')).toBe(
      'cppcc.share.320000.330000.330500.330503.joint-session.created',
    );
  });

  it('name who sends a command or an answer in its last three tokens', () => {
    const answer = commandResultSubject('330000', '0190a1b2-c3d4', '330503');
    expect(answer).toBe('cppcc.cmdres.330000._._.0190a1b2-c3d4.330000.330500.330503');
    expect(commandResultFilter('330000')).toBe('cppcc.cmdres.330000._._.*.*.*.*');
    expect(senderOfSubject(answer)).toBe('330503');
    expect(senderOfSubject(commandSubject('320509', 'joint-session', 'advance', '310116'))).toBe(
      '310116',
    );
    // Tokens that are not exactly a committee's: Nanxun under another city, no region at all.
    expect(
      senderOfSubject('cppcc.cmd.330000.330500.330503.proposal.assign.330000.330400.330503'),
    ).toBeNull();
    expect(senderOfSubject('cppcc.cmdres.330000._._.x._._._')).toBeNull();
  });
});
