import { describe, expect, it } from 'vitest';
import { formatClockTime, formatShortDateTime } from './formatDateTime';

describe('newsroom date formats', () => {
  it('shows a UTC instant in Vietnam time by default', () => {
    expect(formatShortDateTime('2024-05-14T01:34:23Z')).toBe('14/05/2024 08:34');
    expect(formatClockTime('2024-05-14T01:34:23Z')).toBe('08:34:23');
  });

  it('crosses midnight into the next day in Vietnam', () => {
    expect(formatShortDateTime('2024-05-13T23:00:00Z')).toBe('14/05/2024 06:00');
  });

  it('can show another zone', () => {
    expect(formatShortDateTime('2024-05-14T01:34:23Z', 'UTC')).toBe('14/05/2024 01:34');
  });
});
