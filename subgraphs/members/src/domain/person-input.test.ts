import { describe, expect, it } from 'vitest';
import { InvalidBirthYearError } from '../errors.js';
import { applyPersonChange, normalisePerson, personChanged } from './person-input.js';

const now = new Date('2026-11-30T00:00:00Z');

describe('person input', () => {
  it('trims the name and keeps the details given', () => {
    expect(normalisePerson({ name: ' 沈丽华 ', gender: 'FEMALE', birthYear: 1972 }, now)).toEqual({
      name: '沈丽华',
      gender: 'FEMALE',
      birthYear: 1972,
      ethnicity: null,
    });
  });

  it('refuses a birth year before 1900 or of someone under 18', () => {
    expect(() => normalisePerson({ name: '沈丽华', birthYear: 1899 }, now)).toThrow(
      InvalidBirthYearError,
    );
    expect(() => normalisePerson({ name: '沈丽华', birthYear: 2009 }, now)).toThrow(
      InvalidBirthYearError,
    );
    expect(normalisePerson({ name: '沈丽华', birthYear: 2008 }, now).birthYear).toBe(2008);
  });

  it('changes only what is given and tells whether anything changed', () => {
    const current = normalisePerson({ name: '沈丽华', ethnicity: '汉族' }, now);
    const renamed = applyPersonChange(current, { name: '沈莉华' }, now);
    expect(renamed).toEqual({ ...current, name: '沈莉华' });
    expect(personChanged(current, renamed)).toBe(true);
    expect(personChanged(current, applyPersonChange(current, { name: null }, now))).toBe(false);
    expect(applyPersonChange(current, { ethnicity: '' }, now).ethnicity).toBeNull();
  });
});
