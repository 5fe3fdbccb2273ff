import type { ForwardedIdentity } from '@huishang/schema';
import { describe, expect, it } from 'vitest';
import { canSeeJointSession } from './visibility.js';

const caller = (region: string): ForwardedIdentity => ({
  subject: 's',
  region,
  roles: ['reader'],
  node: '330503',
});
const xunwu = ['330503', '320509'];

describe('who sees a joint session', () => {
  it('shows it to each party and to the regions above them', () => {
    for (const region of ['330503', '330500', '330000', '320509', '320500', '320000'])
      expect(canSeeJointSession(caller(region), xunwu)).toBe(true);
  });

  it('hides it from everyone else, neighbours included', () => {
    for (const region of ['310000', '330521', '320506'])
      expect(canSeeJointSession(caller(region), xunwu)).toBe(false);
  });

  it('hides it from the anonymous public, even of a party', () => {
    expect(canSeeJointSession({ ...caller('330503'), roles: ['public'] }, xunwu)).toBe(false);
  });
});
