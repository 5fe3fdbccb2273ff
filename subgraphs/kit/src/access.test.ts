import type { ForwardedIdentity } from '@huishang/schema';
import { describe, expect, it } from 'vitest';
import {
  assertPublishedRegion,
  assertReadableRegion,
  assertWritableRegion,
  canActAs,
  canRead,
  canReadPublished,
  canWrite,
  isPublicOnly,
} from './access.js';
import { ForbiddenError, RegionNotServedError, UnauthenticatedError } from './errors.js';

const caller = (
  region: string,
  roles: ForwardedIdentity['roles'] = ['staff'],
  node = region,
): ForwardedIdentity => ({
  subject: 's',
  region,
  roles,
  node,
});

describe('access rules', () => {
  it('lets province and city staff read their subtree, county staff only their county', () => {
    expect(canRead(caller('330000'), '330503')).toBe(true);
    expect(canRead(caller('330500'), '330503')).toBe(true);
    expect(canRead(caller('330503'), '330500')).toBe(false);
    expect(canRead(caller('320509'), '330503')).toBe(false);
  });

  it('keeps the anonymous public to what is published', () => {
    const publicCaller = caller('330503', ['public']);
    expect(isPublicOnly(publicCaller)).toBe(true);
    expect(isPublicOnly(caller('330503', ['public', 'reader']))).toBe(false);
    expect(canRead(publicCaller, '330503')).toBe(false);
    expect(canReadPublished(publicCaller, '330503')).toBe(true);
    expect(canReadPublished(publicCaller, '330500')).toBe(false);
    expect(() => assertReadableRegion(publicCaller, '330503')).toThrow(ForbiddenError);
    expect(assertPublishedRegion(publicCaller, '330503')).toBe(publicCaller);
  });

  it('lets only staff of the owning region write, on its own node', () => {
    expect(canWrite(caller('330503'), '330503')).toBe(true);
    expect(canWrite(caller('330503', ['reader']), '330503')).toBe(false);
    expect(canWrite(caller('330000'), '330503')).toBe(false);
    expect(canWrite(caller('330503', ['staff'], '330500'), '330503')).toBe(false);
  });

  it('lets a member or unit act in person only in its own region, on its own node', () => {
    expect(canActAs(caller('330503', ['member']), '330503', 'member')).toBe(true);
    expect(canActAs(caller('330503', ['unit']), '330503', 'member')).toBe(false);
    expect(canActAs(caller('330500', ['unit']), '330503', 'unit')).toBe(false);
    expect(canActAs(caller('330503', ['unit'], '330500'), '330503', 'unit')).toBe(false);
  });

  it('refuses anonymous callers, regions outside the node and unreadable regions', () => {
    expect(() => assertReadableRegion(null, '330503')).toThrow(UnauthenticatedError);
    expect(() => assertReadableRegion(caller('330000', ['reader'], '330500'), '330400')).toThrow(
      RegionNotServedError,
    );
    expect(() => assertReadableRegion(caller('330503', ['reader'], '330500'), '330500')).toThrow(
      ForbiddenError,
    );
    expect(() => assertWritableRegion(caller('330500'), '330503')).toThrow(ForbiddenError);
  });
});
