/**
 * What a reporter types into a date or time field, read the newsroom's way whatever the browser's locale:
 * days as dd/mm/yyyy (in the English UI too, so a day reads the same on every screen and on the printed page)
 * and hours on a 24-hour clock.
 */

export type DateText = { key: string } | { problem: 'format' | 'impossible' } | null;
export type TimeText = { time: string } | { problem: 'format' | 'impossible' } | null;

/** `27/11/2026` from the key `2026-11-27`. */
export function formatDateKey(key: string): string {
  const [year = '', month = '', day = ''] = key.split('-');
  return `${day}/${month}/${year}`;
}

function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

/**
 * `27/11/2026`, `27.11.2026`, `27-11-2026` or `2/3/2026` → `{ key: '2026-11-27' }`; null for nothing typed;
 * `format` for text that is not day/month/year; `impossible` for a date no calendar has (31/02/2026).
 */
export function parseDateText(text: string): DateText {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const match = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(trimmed);
  if (!match) return { problem: 'format' };
  const day = Number(match[1]);
  const month = Number(match[2]);
  const year = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { problem: 'impossible' };
  return { key: `${match[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/**
 * `06:00`, `6:00`, `6h30`, `0630` or `18.45` → `{ time: '06:00' }`; null for nothing typed; `format` for text that
 * is not an hour and minutes; `impossible` for a time no clock shows (24:00, 18:75).
 */
export function parseTimeText(text: string): TimeText {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const match = /^(\d{1,2})\s*[:.hH]?\s*(\d{2})$/.exec(trimmed);
  if (!match) return { problem: 'format' };
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return { problem: 'impossible' };
  return { time: `${String(hour).padStart(2, '0')}:${match[2]}` };
}
