import type { ForwardedIdentity } from '@huishang/schema';
import { ForbiddenError } from '@huishang/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { NotPublishableError } from '../errors.js';
import { assertPublishable } from './publication.js';

const proposerId = '0b8e1c52-8d0e-4c39-9a57-4f3d1f6f2a01';
const proposal = { region: '330382', status: 'REPLIED', proposerId } as const;
const caller = (roles: ForwardedIdentity['roles'], subject = 's', node = '330382') => ({
  subject,
  roles,
  region: '330382',
  node,
});

describe('publication with consent', () => {
  it('lets the lead proposer or the office publish a registered proposal', () => {
    expect(() => assertPublishable(caller(['member'], proposerId), proposal)).not.toThrow();
    expect(() => assertPublishable(caller(['staff']), proposal)).not.toThrow();
  });

  it('refuses other members, the public, and the proposer on another node', () => {
    for (const who of [
      caller(['member'], 'another-member'),
      caller(['public'], 'anonymous'),
      caller(['member'], proposerId, '330300'),
    ])
      expect(() => assertPublishable(who, proposal)).toThrow(ForbiddenError);
  });

  it('refuses a proposal that was never registered', () => {
    expect(() => assertPublishable(caller(['staff']), { ...proposal, status: 'DECLINED' })).toThrow(
      NotPublishableError,
    );
  });
});
