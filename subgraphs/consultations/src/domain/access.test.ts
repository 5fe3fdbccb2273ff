import type { ForwardedIdentity, Role } from '@huishang/schema';
import { describe, expect, it } from 'vitest';
import { assertStaffOrSubmitter, assertStaffOrUnit, submitterFor } from './access.js';

const memberId = '01970000-0000-7000-8000-0000000000a1';
const caller = (roles: Role[], subject = 's', region = '330723'): ForwardedIdentity => ({
  subject,
  roles,
  region,
  node: region,
});

describe('who acts on opinion items and supervision tasks', () => {
  it('has a member submit as themselves, and staff on a member’s behalf', () => {
    expect(submitterFor(caller(['member'], memberId), '330723', null)).toBe(memberId);
    expect(submitterFor(caller(['staff']), '330723', memberId)).toBe(memberId);
    expect(submitterFor(caller(['staff']), '330723', null)).toBeNull();
  });

  it('refuses a member submitting for another member or to another committee', () => {
    const other = '01970000-0000-7000-8000-0000000000a2';
    expect(() => submitterFor(caller(['member'], memberId), '330723', other)).toThrow(
      expect.objectContaining({ category: 'FORBIDDEN' }),
    );
    expect(() => submitterFor(caller(['member'], memberId, '330700'), '330723', null)).toThrow(
      expect.objectContaining({ category: 'FORBIDDEN' }),
    );
    expect(() => submitterFor(caller(['reader']), '330723', null)).toThrow(
      expect.objectContaining({ category: 'FORBIDDEN' }),
    );
  });

  it('lets the named unit report, and the submitter rate, besides staff', () => {
    const unit = '武义县交通运输局';
    expect(() => assertStaffOrUnit(caller(['unit'], unit), '330723', unit)).not.toThrow();
    expect(() => assertStaffOrUnit(caller(['unit'], '武义县公安局'), '330723', unit)).toThrow(
      expect.objectContaining({ category: 'FORBIDDEN' }),
    );
    expect(() =>
      assertStaffOrSubmitter(caller(['member'], memberId), '330723', memberId),
    ).not.toThrow();
    expect(() => assertStaffOrSubmitter(caller(['member'], 'x'), '330723', memberId)).toThrow(
      expect.objectContaining({ category: 'FORBIDDEN' }),
    );
    expect(() => assertStaffOrSubmitter(caller(['staff']), '330723', null)).not.toThrow();
  });
});
