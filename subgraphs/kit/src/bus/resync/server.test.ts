import { regionOfSubject, resyncSubject } from '@huishang/schema';
import { describe, expect, it } from 'vitest';
import { mayAskForResync } from './server.js';

describe('resync requests', () => {
  it('name their requester by the subject, which only the requester may publish on', () => {
    expect(regionOfSubject(resyncSubject('330000', 'proposals'))).toBe('330000');
    expect(regionOfSubject(resyncSubject('330500', 'members'))).toBe('330500');
    expect(regionOfSubject(resyncSubject('310116', 'joint-sessions'))).toBe('310116');
    // Tokens that are no committee's, or that do not fit together, name nobody.
    expect(regionOfSubject('cppcc.resync.330000.330400.330521.proposals')).toBeNull();
    expect(regionOfSubject('cppcc.resync.330000._.330503.proposals')).toBeNull();
    expect(regionOfSubject('cppcc.resync._._._.proposals')).toBeNull();
  });

  it('are answered for the city and province above the owner only', () => {
    expect(mayAskForResync('330500', '330503', 'proposals')).toBe(true);
    expect(mayAskForResync('330000', '330503', 'proposals')).toBe(true);
    expect(mayAskForResync('330521', '330503', 'proposals')).toBe(false); // a sibling
    expect(mayAskForResync('330400', '330503', 'proposals')).toBe(false); // another city
    expect(mayAskForResync('330503', '330503', 'proposals')).toBe(false); // itself
    expect(mayAskForResync('320000', '320509', 'members')).toBe(true);
  });

  it('for joint sessions, whose parties may be anywhere, for any region of the province', () => {
    expect(mayAskForResync('330521', '330503', 'joint-sessions')).toBe(true);
    expect(mayAskForResync('320509', '330503', 'joint-sessions')).toBe(false);
  });
});
