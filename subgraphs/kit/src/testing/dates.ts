import { chinaDate } from '../deadline-colour.js';

const dayMs = 86_400_000;

/**
 * The date `days` after today in China (before it when negative), `YYYY-MM-DD`: a deadline
 * as staff enter it. `now` is the clock's time unless given.
 */
export const inDays = (days: number, now: Date = new Date()): string =>
  chinaDate(new Date(now.getTime() + days * dayMs));
