import { describe, expect, it } from 'vitest';
import { wallClockToInstant } from './wallClockToInstant';

describe('wallClockToInstant', () => {
  it('reads 06:00 in Hà Nội as 23:00 UTC the day before', () => {
    expect(wallClockToInstant('2026-05-14', '06:00', 'Asia/Ho_Chi_Minh')).toBe('2026-05-13T23:00:00.000Z');
  });

  it('follows daylight saving in a zone that has it', () => {
    expect(wallClockToInstant('2026-01-15', '06:00', 'America/New_York')).toBe('2026-01-15T11:00:00.000Z');
    expect(wallClockToInstant('2026-07-15', '06:00', 'America/New_York')).toBe('2026-07-15T10:00:00.000Z');
  });

  it('refuses what is not a date', () => {
    expect(() => wallClockToInstant('hôm nay', '06:00', 'Asia/Ho_Chi_Minh')).toThrow(RangeError);
  });
});
