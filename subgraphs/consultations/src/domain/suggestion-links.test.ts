import { describe, expect, it } from 'vitest';
import { normaliseLink } from './suggestion-links.js';

const free = { id: 's1', proposalId: null, opinionItemId: null };
const proposalId = '01970000-0000-7000-8000-0000000000b1';

describe('a suggestion becoming a proposal or an opinion item', () => {
  it('links to exactly one of them', () => {
    expect(normaliseLink(free, { proposalId })).toEqual({ proposalId, opinionItemId: null });
    expect(() => normaliseLink(free, {})).toThrow(/exactly one/);
    expect(() => normaliseLink(free, { proposalId, opinionItemId: proposalId })).toThrow(
      /exactly one/,
    );
  });

  it('links once', () => {
    expect(() => normaliseLink({ ...free, proposalId }, { opinionItemId: proposalId })).toThrow(
      expect.objectContaining({ code: 'CONSULTATIONS_SUGGESTION_LINKED' }),
    );
  });
});
