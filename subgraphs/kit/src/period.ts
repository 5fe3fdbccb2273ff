import { InvalidPeriodError } from './errors.js';

/** A statistic's period as the contract's `PeriodInput` gives it. */
export interface PeriodInput {
  /** 年度: a calendar year. */
  year?: number | null;
  /** 届次: a committee's term. */
  term?: number | null;
  /** The first day counted, `YYYY-MM-DD`. */
  from?: string | null;
  /** The last day counted, `YYYY-MM-DD`. */
  to?: string | null;
}

/**
 * A period checked: the days counted, both inclusive (calendar days in China, `YYYY-MM-DD`;
 * null where open), and the term. Null for no period at all.
 */
export interface Period {
  from: string | null;
  to: string | null;
  term: number | null;
}

const isDay = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(date.getTime()) &&
    date.toISOString().slice(0, 10) === value
  );
};

/**
 * Checks a statistic's period before anything is read: a year (its 1 January to its
 * 31 December) or from/to, never both; from no later than to; dates that exist; a term
 * only where the aggregate has one (`terms`), dates only where it has a date to count by
 * (`dates`, default true). Throws InvalidPeriodError naming the field.
 */
export function periodOf(
  input: PeriodInput | null | undefined,
  options: { terms: boolean; dates?: boolean },
): Period | null {
  if (!input) return null;
  const { year, term, from, to } = input;
  const refuse = (field: string, message: string) => {
    throw new InvalidPeriodError(field, message);
  };
  if (year != null && (from != null || to != null))
    refuse('year', '年度与起止日期不能同时指定 / give a year or from/to, not both');
  if (year != null && !(Number.isInteger(year) && year >= 1000 && year <= 9999))
    refuse('year', `年度须为四位数 / the year must have four digits, got ${year}`);
  for (const [field, value] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (value != null && !isDay(value))
      refuse(field, `须为 YYYY-MM-DD 日期 / must be a date YYYY-MM-DD, got ${value}`);
  if (from != null && to != null && from > to)
    refuse('from', `起始日期 ${from} 晚于截止日期 ${to} / from ${from} is after to ${to}`);
  if ((year != null || from != null || to != null) && options.dates === false)
    refuse(
      year != null ? 'year' : from != null ? 'from' : 'to',
      '该统计的记录只分届次，没有可计入的日期 / these records are counted by term only: they have no date to count by',
    );
  if (term != null && !options.terms)
    refuse('term', '该统计的记录不分届次 / these records have no term: count by year or dates');
  if (term != null && !(Number.isInteger(term) && term >= 1))
    refuse('term', `届次须为正整数 / the term must be a positive whole number, got ${term}`);
  if (year == null && from == null && to == null && term == null) return null;
  return {
    from: year != null ? `${year}-01-01` : (from ?? null),
    to: year != null ? `${year}-12-31` : (to ?? null),
    term: term ?? null,
  };
}

const dayMs = 86_400_000;

/** The period's days as bounds on a date column (`@db.Date`, midnight UTC of the day). */
export function dayBounds(period: Period | null): { gte?: Date; lte?: Date } {
  return {
    ...(period?.from ? { gte: new Date(`${period.from}T00:00:00Z`) } : {}),
    ...(period?.to ? { lte: new Date(`${period.to}T00:00:00Z`) } : {}),
  };
}

/**
 * The period's days as bounds on a moment (`timestamptz`): from midnight in Beijing on the
 * first day to midnight in Beijing after the last, so a moment counts on the day it was in
 * China.
 */
export function instantBounds(period: Period | null): { gte?: Date; lt?: Date } {
  return {
    ...(period?.from ? { gte: new Date(`${period.from}T00:00:00+08:00`) } : {}),
    ...(period?.to ? { lt: new Date(Date.parse(`${period.to}T00:00:00+08:00`) + dayMs) } : {}),
  };
}
