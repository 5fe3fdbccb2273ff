import type { Role } from '@huishang/schema';
import { describe, expect, it } from 'vitest';
import { canAgreeJointStage } from './agreement.js';

const xunwu = ['330503', '320509'];
const staff = (region: string, roles: Role[] = ['staff'], node = region) => ({
  subject: `staff-${region}`,
  region,
  roles,
  node,
});

describe('agreeing to a joint session’s next stage', () => {
  it('is for the staff of its parties, the partner and the host alike', () => {
    expect(canAgreeJointStage(staff('320509'), xunwu)).toBe(true);
    expect(canAgreeJointStage(staff('330503', ['admin']), xunwu)).toBe(true);
  });

  it('is not for a party’s province or city, another region, or readers', () => {
    expect(canAgreeJointStage(staff('320000'), xunwu)).toBe(false);
    expect(canAgreeJointStage(staff('320500'), xunwu)).toBe(false);
    expect(canAgreeJointStage(staff('330482'), xunwu)).toBe(false);
    expect(canAgreeJointStage(staff('320509', ['reader']), xunwu)).toBe(false);
  });

  it('needs the caller to act on their own region’s node', () => {
    expect(canAgreeJointStage(staff('320509', ['staff'], '320500'), xunwu)).toBe(false);
  });
});
