import { InvalidInputError } from './errors.js';

/** Trims a required text field and checks its length in characters (汉字 count as one). */
export function requireText(
  field: string,
  value: string | null | undefined,
  max: number,
  min = 1,
): string {
  const text = (value ?? '').trim();
  const length = [...text].length;
  if (length < min)
    throw new InvalidInputError(
      field,
      min === 1 ? '不能为空 / must not be empty' : `至少 ${min} 字 / at least ${min} characters`,
    );
  if (length > max)
    throw new InvalidInputError(field, `不超过 ${max} 字 / at most ${max} characters`);
  return text;
}

/** An optional text field: blank becomes null. */
export function optionalText(
  field: string,
  value: string | null | undefined,
  max: number,
): string | null {
  if (value == null || value.trim() === '') return null;
  return requireText(field, value, max);
}

/** An ISO calendar date, `YYYY-MM-DD`, that exists. */
export function requireDate(field: string, value: string): Date {
  const date = new Date(`${value}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== value
  ) {
    throw new InvalidInputError(
      field,
      `须为 YYYY-MM-DD 日期 / must be a date YYYY-MM-DD, got ${value}`,
    );
  }
  return date;
}

export const isoDate = (date: Date | null): string | null =>
  date ? date.toISOString().slice(0, 10) : null;
/** A timestamp as ISO text; an absent one stays null, as with isoDate. */
export function isoTime(date: Date): string;
export function isoTime(date: Date | null): string | null;
export function isoTime(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}
