import { describe, expect, it } from 'vitest';
import { formatDateKey, parseDateText, parseTimeText } from './dateText';

describe('parseDateText', () => {
  it('reads day/month/year, whatever the separator, with or without leading zeros', () => {
    expect(parseDateText('27/11/2026')).toEqual({ key: '2026-11-27' });
    expect(parseDateText(' 2/3/2026 ')).toEqual({ key: '2026-03-02' });
    expect(parseDateText('27.11.2026')).toEqual({ key: '2026-11-27' });
    expect(parseDateText('27-11-2026')).toEqual({ key: '2026-11-27' });
  });

  it('never reads month/day: 11/27/2026 is not a date', () => {
    expect(parseDateText('11/27/2026')).toEqual({ problem: 'impossible' });
  });

  it('knows month lengths and leap years', () => {
    expect(parseDateText('29/02/2024')).toEqual({ key: '2024-02-29' });
    expect(parseDateText('29/02/2026')).toEqual({ problem: 'impossible' });
    expect(parseDateText('31/04/2026')).toEqual({ problem: 'impossible' });
    expect(parseDateText('00/04/2026')).toEqual({ problem: 'impossible' });
    expect(parseDateText('31/12/2026')).toEqual({ key: '2026-12-31' });
  });

  it('tells nothing typed from text that is not a date', () => {
    expect(parseDateText('   ')).toBeNull();
    expect(parseDateText('27/11')).toEqual({ problem: 'format' });
    expect(parseDateText('2026-11-27')).toEqual({ problem: 'format' });
    expect(parseDateText('ngày mai')).toEqual({ problem: 'format' });
  });

  it('prints a key back as typed', () => {
    expect(formatDateKey('2026-11-27')).toBe('27/11/2026');
  });
});

describe('parseTimeText', () => {
  it('reads a 24-hour time in the forms reporters type', () => {
    expect(parseTimeText('06:00')).toEqual({ time: '06:00' });
    expect(parseTimeText('6:05')).toEqual({ time: '06:05' });
    expect(parseTimeText('6h30')).toEqual({ time: '06:30' });
    expect(parseTimeText('1845')).toEqual({ time: '18:45' });
    expect(parseTimeText('23.59')).toEqual({ time: '23:59' });
  });

  it('refuses times no clock shows, and text that is not a time', () => {
    expect(parseTimeText('24:00')).toEqual({ problem: 'impossible' });
    expect(parseTimeText('18:75')).toEqual({ problem: 'impossible' });
    expect(parseTimeText('6 PM')).toEqual({ problem: 'format' });
    expect(parseTimeText('')).toBeNull();
  });
});
