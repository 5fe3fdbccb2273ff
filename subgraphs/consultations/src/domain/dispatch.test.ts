import type { Role } from '@huishang/schema';
import { describe, expect, it } from 'vitest';
import { canDispatchSupervisionTask } from './dispatch.js';

const staff = (region: string, roles: Role[] = ['staff'], node = region) => ({
  subject: `staff-${region}`,
  region,
  roles,
  node,
});

describe('dispatching a supervision task', () => {
  it('is open to the province and the city above a county, and to the county itself', () => {
    expect(canDispatchSupervisionTask(staff('330000'), '330503')).toBe(true);
    expect(canDispatchSupervisionTask(staff('330500'), '330503')).toBe(true);
    expect(canDispatchSupervisionTask(staff('330503'), '330503')).toBe(true);
    expect(canDispatchSupervisionTask(staff('330000', ['admin']), '330500')).toBe(true);
  });

  it('is closed to a sibling county, a county for its city, another province and readers', () => {
    expect(canDispatchSupervisionTask(staff('330502'), '330503')).toBe(false);
    expect(canDispatchSupervisionTask(staff('330503'), '330500')).toBe(false);
    expect(canDispatchSupervisionTask(staff('320000'), '330503')).toBe(false);
    expect(canDispatchSupervisionTask(staff('330000', ['reader']), '330503')).toBe(false);
  });

  it('needs the caller to act on their own region’s node', () => {
    expect(canDispatchSupervisionTask(staff('330000', ['staff'], '330500'), '330503')).toBe(false);
  });
});
