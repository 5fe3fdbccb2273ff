import type { ForwardedIdentity } from '@huishang/schema';
import { describe, expect, it } from 'vitest';
import { canContribute, canSeeConsultation, normaliseParties } from './parties.js';

const staff = (region: string, node = region): ForwardedIdentity => ({
  subject: 's',
  region,
  node,
  roles: ['staff'],
});
const lishui = { region: '331100', partyRegions: ['330000', '331121'] };

describe('joint consultation parties', () => {
  it('takes committee regions other than the owner, each once', () => {
    expect(normaliseParties('331100', ['330000', '331121'])).toEqual(['330000', '331121']);
    expect(normaliseParties('331100', null)).toEqual([]);
    expect(() => normaliseParties('331100', ['331100'])).toThrow(/owner/);
    expect(() => normaliseParties('331100', ['331121', '331121'])).toThrow(/twice/);
    expect(() => normaliseParties('331100', ['331121001'])).toThrow(
      expect.objectContaining({ code: 'CONSULTATIONS_PARTY' }),
    );
  });

  it('shows the consultation to the parties and lets their office contribute', () => {
    expect(canSeeConsultation(staff('331121'), lishui)).toBe(true);
    expect(canSeeConsultation(staff('331102'), lishui)).toBe(false); // a county not taking part
    expect(canSeeConsultation(staff('330503'), lishui)).toBe(false);
    expect(canContribute(staff('331121'), lishui)).toBe(true);
    expect(canContribute(staff('331102'), lishui)).toBe(false);
    expect(canContribute(staff('331121', '331100'), lishui)).toBe(false);
  });

  it('hides the consultation from the anonymous public, even of a party region', () => {
    const anonymous: ForwardedIdentity = { ...staff('331121'), roles: ['public'] };
    expect(canSeeConsultation(anonymous, lishui)).toBe(false);
    expect(canSeeConsultation({ ...anonymous, region: '331100' }, lishui)).toBe(false);
  });
});
