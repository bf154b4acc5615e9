import { describe, expect, it } from 'vitest';
import { formatShortDateTime } from './formatDateTime';
import { formatVietnameseDate, formatVietnameseDateTime, vietnameseWeekday, zonedDateKey } from './vietnameseDate';

// Every instant is given in UTC and every expectation names its zone, so the machine's own TZ cannot matter.
describe('Vietnamese newspaper dates', () => {
  it('prints the time line in Vietnam time by default', () => {
    expect(formatVietnameseDateTime('2024-05-14T01:34:23Z')).toBe('Thứ 3, 14/05/2024 | 08:34:23');
    expect(formatVietnameseDate('2024-05-14T01:34:23Z')).toBe('Thứ 3, 14/05/2024');
    expect(vietnameseWeekday('2024-05-14T01:34:23Z')).toBe('Thứ 3');
    expect(zonedDateKey('2024-05-14T01:34:23Z')).toBe('2024-05-14');
  });

  it('names every day of the week, Sunday by name', () => {
    const week = ['13', '14', '15', '16', '17', '18', '19'].map((day) => vietnameseWeekday(`2024-05-${day}T05:00:00Z`));
    expect(week).toEqual(['Thứ 2', 'Thứ 3', 'Thứ 4', 'Thứ 5', 'Thứ 6', 'Thứ 7', 'Chủ nhật']);
    expect(formatVietnameseDateTime('2024-05-19T05:00:00Z')).toBe('Chủ nhật, 19/05/2024 | 12:00:00');
  });

  it('takes the weekday and the date from the given zone, not from UTC', () => {
    const instant = '2024-05-13T23:00:00Z';
    expect(formatVietnameseDateTime(instant)).toBe('Thứ 3, 14/05/2024 | 06:00:00');
    expect(formatVietnameseDateTime(instant, 'Asia/Ho_Chi_Minh')).toBe('Thứ 3, 14/05/2024 | 06:00:00');
    expect(formatVietnameseDateTime(instant, 'UTC')).toBe('Thứ 2, 13/05/2024 | 23:00:00');
    expect(zonedDateKey(instant)).toBe('2024-05-14');
    expect(zonedDateKey(instant, 'UTC')).toBe('2024-05-13');
    expect(vietnameseWeekday(instant, 'America/New_York')).toBe('Thứ 2');
    expect(formatVietnameseDate('2024-05-14T18:00:00Z', 'Pacific/Kiritimati')).toBe('Thứ 4, 15/05/2024');
  });

  it('uses a 24-hour clock that starts at 00, zero-padded', () => {
    expect(formatVietnameseDateTime('2024-05-13T17:00:00Z')).toBe('Thứ 3, 14/05/2024 | 00:00:00');
    expect(formatVietnameseDateTime('2024-01-01T14:05:09Z')).toBe('Thứ 2, 01/01/2024 | 21:05:09');
  });

  it('follows daylight saving and odd offsets', () => {
    // 01:30 EST, half an hour before New York skips to 03:00.
    expect(formatVietnameseDateTime('2024-03-10T06:30:00Z', 'America/New_York')).toBe('Chủ nhật, 10/03/2024 | 01:30:00');
    expect(formatVietnameseDateTime('2024-03-10T07:30:00Z', 'America/New_York')).toBe('Chủ nhật, 10/03/2024 | 03:30:00');
    expect(formatVietnameseDateTime('2024-05-13T19:00:00Z', 'Asia/Kolkata')).toBe('Thứ 3, 14/05/2024 | 00:30:00');
  });

  it('handles a leap day and the turn of the year', () => {
    expect(formatVietnameseDate('2024-02-29T03:00:00Z')).toBe('Thứ 5, 29/02/2024');
    expect(zonedDateKey('2024-12-31T17:30:00Z')).toBe('2025-01-01');
    expect(zonedDateKey('2024-12-31T17:30:00Z', 'UTC')).toBe('2024-12-31');
  });

  it('accepts a Date as well as an ISO string', () => {
    const date = new Date('2024-05-13T23:00:00Z');
    expect(formatVietnameseDateTime(date)).toBe('Thứ 3, 14/05/2024 | 06:00:00');
    expect(zonedDateKey(date, 'UTC')).toBe('2024-05-13');
    expect(formatShortDateTime(date)).toBe('14/05/2024 06:00');
  });

  it('keeps zones apart when their cached formatters alternate', () => {
    const instant = '2024-05-13T23:00:00Z';
    const keys = ['UTC', 'Asia/Ho_Chi_Minh', 'UTC', 'Asia/Ho_Chi_Minh'].map((zone) => zonedDateKey(instant, zone));
    expect(keys).toEqual(['2024-05-13', '2024-05-14', '2024-05-13', '2024-05-14']);
  });

  it('names the weekday in the UI language when asked, keeping day/month/year order; Vietnamese stays the default', () => {
    expect(formatVietnameseDate('2026-11-27T05:00:00Z', 'Asia/Ho_Chi_Minh', 'en')).toBe('Fri, 27/11/2026');
    expect(formatVietnameseDateTime('2024-05-13T23:00:00Z', 'Asia/Ho_Chi_Minh', 'en')).toBe('Tue, 14/05/2024 | 06:00:00');
    expect(vietnameseWeekday('2024-05-19T05:00:00Z', 'Asia/Ho_Chi_Minh', 'en')).toBe('Sun');
    expect(formatVietnameseDate('2026-11-27T05:00:00Z', 'Asia/Ho_Chi_Minh', 'vi')).toBe('Thứ 6, 27/11/2026');
    expect(formatVietnameseDate('2026-11-27T05:00:00Z', 'Asia/Ho_Chi_Minh', 'vi-VN')).toBe('Thứ 6, 27/11/2026');
  });

  it('refuses a date it cannot read rather than printing nonsense', () => {
    expect(() => formatVietnameseDateTime('not a date')).toThrow(RangeError);
  });
});
