/**
 * Calendar days as `YYYY-MM-DD` keys (see zonedDateKey), counted as plain dates: no clock and no zone, so
 * adding a day never lands on the wrong one across a daylight-saving change or on a laptop set to New York.
 */

function civil(key: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!match) throw new RangeError(`not a date key: ${key}`);
  const date = new Date(0);
  date.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return date;
}

function keyOf(date: Date): string {
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

/** The day `days` after (or, negative, before) `key`. */
export function addDays(key: string, days: number): string {
  const date = civil(key);
  date.setUTCDate(date.getUTCDate() + days);
  return keyOf(date);
}

/** A day of the week as Date numbers it: 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
/** A month as people number it: 1 = January. */
export type MonthNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(key: string): Weekday {
  return weekdayOfDate(civil(key));
}

/** The weekday and month of a Date read on UTC's clock, typed as the ranges Date keeps them in. */
export const weekdayOfDate = (date: Date) => date.getUTCDay() as Weekday;
export const monthOfDate = (date: Date) => (date.getUTCMonth() + 1) as MonthNumber;

/** The Monday of the week `key` is in: Vietnamese calendars run Thứ 2 to Chủ nhật. */
export function mondayOf(key: string): string {
  return addDays(key, -((weekdayOf(key) + 6) % 7));
}

/** The day and month of a key as printed, `15/05`, and its year. */
export function dayMonthOf(key: string): { day: string; month: string; year: string } {
  const [year = '', month = '', day = ''] = key.split('-');
  return { day, month, year };
}
