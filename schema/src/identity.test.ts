import { describe, expect, it } from 'vitest';
import { InvalidIdentityError } from './errors.js';
import { signForwardedIdentity, verifyForwardedIdentity } from './identity.js';

const identity = {
  subject: 'staff-1',
  region: '330503',
  roles: ['staff' as const],
  node: '330503',
};

describe('forwarded identity', () => {
  it('round-trips through a signature', async () => {
    const token = await signForwardedIdentity(identity, 'secret');
    expect(await verifyForwardedIdentity(token, 'secret')).toEqual(identity);
  });

  it('refuses a token signed with another secret', async () => {
    const token = await signForwardedIdentity(identity, 'other');
    await expect(verifyForwardedIdentity(token, 'secret')).rejects.toBeInstanceOf(
      InvalidIdentityError,
    );
  });
});
