import { describe, expect, it } from 'vitest';
import { formatNumber } from './formatNumber';

describe('formatNumber', () => {
  it('groups thousands with a dot in Vietnamese, the default', () => {
    expect(formatNumber(1049)).toBe('1.049');
    expect(formatNumber(2_000_000, 'vi')).toBe('2.000.000');
  });

  it('groups thousands with a comma in English', () => {
    expect(formatNumber(1049, 'en')).toBe('1,049');
    expect(formatNumber(999, 'en')).toBe('999');
  });
});
