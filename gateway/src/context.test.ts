import { verifyForwardedIdentity } from '@huishang/schema';
import { describe, expect, it } from 'vitest';
import { createGatewayContext } from './context.js';

const caller = {
  identity: { subject: 'li', region: '330503', roles: ['staff' as const] },
  anonymous: false,
};

describe('createGatewayContext', () => {
  it('forwards the caller with the node asked, signed with the internal secret', async () => {
    const context = createGatewayContext(caller, '330500', 'internal');
    await expect(
      verifyForwardedIdentity(await context.forwardedIdentity(), 'internal'),
    ).resolves.toEqual({ subject: 'li', region: '330503', roles: ['staff'], node: '330500' });
  });

  it('signs once per request, however many subgraphs it asks', async () => {
    const context = createGatewayContext(caller, '330503', 'internal');
    expect(context.forwardedIdentity()).toBe(context.forwardedIdentity());
  });
});
