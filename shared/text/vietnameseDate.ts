import { newsroomTimeZone, zonedParts } from './formatDateTime';

// Vietnamese numbers the weekdays from Monday = "Thứ 2" (Sunday being the first day) and names only Sunday.
const weekdayNames = ['Chủ nhật', 'Thứ 2', 'Thứ 3', 'Thứ 4', 'Thứ 5', 'Thứ 6', 'Thứ 7'] as const;

/** `Thứ 3`, or `Chủ nhật`: the weekday of the calendar day in `timeZone`, which need not be the UTC one. */
export function vietnameseWeekday(iso: string | Date, timeZone = newsroomTimeZone): string {
  return weekdayNames[zonedParts(iso, timeZone).weekday] ?? '';
}

/** `Thứ 3, 14/05/2024`. */
export function formatVietnameseDate(iso: string | Date, timeZone = newsroomTimeZone): string {
  const p = zonedParts(iso, timeZone);
  return `${weekdayNames[p.weekday] ?? ''}, ${p.day}/${p.month}/${p.year}`;
}

/** `Thứ 3, 14/05/2024 | 08:34:23`: the time line printed under a newspaper headline. */
export function formatVietnameseDateTime(iso: string | Date, timeZone = newsroomTimeZone): string {
  const p = zonedParts(iso, timeZone);
  return `${weekdayNames[p.weekday] ?? ''}, ${p.day}/${p.month}/${p.year} | ${p.hour}:${p.minute}:${p.second}`;
}

/**
 * `2024-05-14`: the calendar day in `timeZone`, for grouping stories by day. ISO order, so the keys sort as
 * strings; a story filed at 06:00 in Hà Nội belongs to that day, though in UTC it is still the evening before.
 */
export function zonedDateKey(iso: string | Date, timeZone = newsroomTimeZone): string {
  const p = zonedParts(iso, timeZone);
  return `${p.year.padStart(4, '0')}-${p.month}-${p.day}`;
}
