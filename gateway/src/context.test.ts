import { createIdentitySigner, verifyForwardedIdentity } from '@huishang/schema';
import { describe, expect, it } from 'vitest';
import type { Caller } from './caller.js';
import { createGatewayContext } from './context.js';

const caller: Caller = {
  identity: { subject: 'li', region: '330503', roles: ['staff'] },
  anonymous: false,
};
const sign = createIdentitySigner('internal');

describe('createGatewayContext', () => {
  it('forwards the caller with the node asked, signed with the internal secret', async () => {
    const context = createGatewayContext(caller, '330500', sign);
    await expect(
      verifyForwardedIdentity(await context.forwardedIdentity(), 'internal'),
    ).resolves.toEqual({ subject: 'li', region: '330503', roles: ['staff'], node: '330500' });
  });

  it('signs once per request, however many subgraphs it asks', async () => {
    const context = createGatewayContext(caller, '330503', sign);
    expect(context.forwardedIdentity()).toBe(context.forwardedIdentity());
  });

  it('shares reads only between one caller at one node in one write epoch', () => {
    const key = (who: Caller, node = '330503', epoch = 0) =>
      createGatewayContext(who, node, sign, epoch).shareKey;
    const colleague = { ...caller, identity: { ...caller.identity, subject: 'wang' } };
    const admin: Caller = { ...caller, identity: { ...caller.identity, roles: ['admin'] } };
    expect(key(caller)).toBe(key(caller));
    expect(new Set([key(caller), key(colleague), key(admin), key(caller, '330500')]).size).toBe(4);
    expect(key(caller, '330503', 1)).not.toBe(key(caller));
  });
});
