import { describe, expect, it } from 'vitest';
import {
  commandSubject,
  eventSubject,
  regionTokens,
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
    expect(commandSubject('330503', 'supervision-task', 'dispatch')).toBe(
      'cppcc.cmd.330000.330500.330503.supervision-task.dispatch',
    );
    expect(sharedEventSubject('320000', '330503', 'created')).toBe(
      'cppcc.share.320000.330000.330500.330503.joint-session.created',
    );
  });
});
