import { describe, expect, it } from 'vitest';
import { addDays, dayMonthOf, mondayOf, weekdayOf } from './civilDate';

describe('civil dates', () => {
  it('adds days across a month, a year and a leap day', () => {
    expect(addDays('2026-05-31', 1)).toBe('2026-06-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('finds the Monday that starts the week, Sunday being its last day', () => {
    expect(weekdayOf('2026-05-15')).toBe(5);
    expect(mondayOf('2026-05-15')).toBe('2026-05-11');
    expect(mondayOf('2026-05-17')).toBe('2026-05-11');
    expect(mondayOf('2026-05-11')).toBe('2026-05-11');
  });

  it('splits a key for printing and refuses what is not one', () => {
    expect(dayMonthOf('2026-05-09')).toEqual({ day: '09', month: '05', year: '2026' });
    expect(() => addDays('15/05/2026', 1)).toThrow(RangeError);
  });
});
