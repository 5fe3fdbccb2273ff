import type { ForwardedIdentity } from '@huishang/schema';
import { describe, expect, it } from 'vitest';
import { actingFor, actorOf, assertActsFor } from './actors.js';
import { refusalCode } from './test-fixtures.js';

const caller = (roles: ForwardedIdentity['roles'], subject: string, region = '330503') => ({
  subject,
  region,
  node: region,
  roles,
});
const member = '01938a6e-1c2b-7d3e-8f40-5a6b7c8d9e01';

describe('who acts on a proposal', () => {
  it('lets staff of the region act for anyone', () => {
    const actor = actorOf(caller(['staff'], '提案委工作人员'), '330503');
    expect(actor).toEqual({ as: 'staff', subject: '提案委工作人员' });
    expect(actingFor(actor, '南浔区农业农村局')).toBe('南浔区农业农村局');
  });

  it('lets a member or unit act in person where allowed, only for itself', () => {
    const unit = actorOf(caller(['unit'], '南浔区农业农村局'), '330503', ['unit']);
    expect(unit.as).toBe('unit');
    expect(actingFor(unit, '南浔区农业农村局')).toBe('南浔区农业农村局');
    expect(actingFor(unit, null)).toBe('南浔区农业农村局');
    expect(refusalCode(() => actingFor(unit, '南浔区生态环境分局'))).toBe(
      'PROPOSALS_ACTING_FOR_ANOTHER',
    );
    const self = actorOf(caller(['member'], member), '330503', ['member']);
    expect(actingFor(self, member.toUpperCase())).toBe(member);
  });

  it('refuses a member or unit acting on a record that names someone else, or nobody', () => {
    const unit = actorOf(caller(['unit'], '南浔区农业农村局'), '330503', ['unit']);
    expect(refusalCode(() => assertActsFor(unit, '南浔区农业农村局'))).toBe('accepted');
    expect(refusalCode(() => assertActsFor(unit, '南浔区生态环境分局'))).toBe(
      'PROPOSALS_ACTING_FOR_ANOTHER',
    );
    expect(refusalCode(() => assertActsFor(unit, undefined))).toBe('PROPOSALS_ACTING_FOR_ANOTHER');
    const staff = actorOf(caller(['staff'], '提案委工作人员'), '330503');
    expect(refusalCode(() => assertActsFor(staff, '南浔区生态环境分局'))).toBe('accepted');
  });

  it('refuses a member or unit where only staff act, and callers of another region', () => {
    expect(refusalCode(() => actorOf(caller(['member'], member), '330503'))).toBe('KIT_FORBIDDEN');
    expect(
      refusalCode(() => actorOf(caller(['unit'], '南浔区农业农村局'), '330503', ['member'])),
    ).toBe('KIT_FORBIDDEN');
    expect(refusalCode(() => actorOf(caller(['staff'], 's', '330500'), '330503'))).toBe(
      'KIT_FORBIDDEN',
    );
    expect(refusalCode(() => actorOf(null, '330503'))).toBe('KIT_UNAUTHENTICATED');
  });
});
