import { describe, expect, it } from 'vitest';
import { InvalidPeriodError } from './errors.js';
import { dayBounds, instantBounds, type PeriodInput, periodOf } from './period.js';

const refusal = (input: PeriodInput, terms = true) => {
  try {
    periodOf(input, { terms });
  } catch (error) {
    if (error instanceof InvalidPeriodError) return { code: error.code, field: error.fields.field };
    throw error;
  }
  return null;
};

describe('period', () => {
  it('is no period when none, or an empty one, is given', () => {
    expect(periodOf(null, { terms: true })).toBeNull();
    expect(periodOf(undefined, { terms: false })).toBeNull();
    expect(periodOf({}, { terms: true })).toBeNull();
    expect(periodOf({ year: null, from: null }, { terms: true })).toBeNull();
  });

  it('counts a year from its 1 January to its 31 December', () => {
    expect(periodOf({ year: 2024 }, { terms: false })).toEqual({
      from: '2024-01-01',
      to: '2024-12-31',
      term: null,
    });
  });

  it('takes from and to as given, either alone, and a term where there are terms', () => {
    expect(periodOf({ from: '2024-03-01', to: '2024-03-01' }, { terms: false })).toEqual({
      from: '2024-03-01',
      to: '2024-03-01',
      term: null,
    });
    expect(periodOf({ to: '2024-02-29' }, { terms: false })).toEqual({
      from: null,
      to: '2024-02-29',
      term: null,
    });
    expect(periodOf({ term: 12 }, { terms: true })).toEqual({ from: null, to: null, term: 12 });
    expect(periodOf({ term: 12, year: 2024 }, { terms: true })).toMatchObject({ term: 12 });
  });

  it('refuses a year with dates, from after to, dates that do not exist and odd numbers', () => {
    expect(refusal({ year: 2024, from: '2024-01-01' })).toEqual({
      code: 'KIT_INVALID_PERIOD',
      field: 'year',
    });
    expect(refusal({ year: 2024, to: '2024-06-30' })?.field).toBe('year');
    expect(refusal({ from: '2024-07-01', to: '2024-06-30' })?.field).toBe('from');
    expect(refusal({ from: '2023-02-29' })?.field).toBe('from');
    expect(refusal({ to: '2024/06/30' })?.field).toBe('to');
    expect(refusal({ from: '2024-06-30T00:00:00Z' })?.field).toBe('from');
    expect(refusal({ year: 24 })?.field).toBe('year');
    expect(refusal({ term: 0 })?.field).toBe('term');
    expect(refusal({ term: 1.5 })?.field).toBe('term');
  });

  it('refuses a term where the records have none', () => {
    expect(refusal({ term: 12 }, false)).toEqual({ code: 'KIT_INVALID_PERIOD', field: 'term' });
  });

  it('refuses dates where the records are counted by term only', () => {
    const termsOnly = (input: PeriodInput) => {
      try {
        return periodOf(input, { terms: true, dates: false });
      } catch (error) {
        if (error instanceof InvalidPeriodError) return error.fields.field;
        throw error;
      }
    };
    expect(termsOnly({ term: 12 })).toEqual({ from: null, to: null, term: 12 });
    expect(termsOnly({ year: 2024 })).toBe('year');
    expect(termsOnly({ term: 12, to: '2024-06-30' })).toBe('to');
  });

  it('bounds a date column by the days themselves', () => {
    expect(dayBounds(periodOf({ year: 2024 }, { terms: false }))).toEqual({
      gte: new Date('2024-01-01T00:00:00Z'),
      lte: new Date('2024-12-31T00:00:00Z'),
    });
    expect(dayBounds(null)).toEqual({});
  });

  it('bounds a moment by the days in Beijing, the last one whole', () => {
    expect(
      instantBounds(periodOf({ from: '2024-03-01', to: '2024-03-31' }, { terms: false })),
    ).toEqual({
      gte: new Date('2024-02-29T16:00:00Z'),
      lt: new Date('2024-03-31T16:00:00Z'),
    });
    expect(instantBounds(periodOf({ term: 12 }, { terms: true }))).toEqual({});
  });
});
