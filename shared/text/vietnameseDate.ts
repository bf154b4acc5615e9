import { newsroomTimeZone, zonedParts } from './formatDateTime';

// Vietnamese numbers the weekdays from Monday = "Thứ 2" (Sunday being the first day) and names only Sunday.
const weekdayNames = ['Chủ nhật', 'Thứ 2', 'Thứ 3', 'Thứ 4', 'Thứ 5', 'Thứ 6', 'Thứ 7'] as const;

// Other languages take their short weekday names from Intl: 5 January 1970 was a Monday, so day 4 + n is weekday n.
const otherWeekdayNames = new Map<string, string[]>();
function weekdayName(weekday: number, language: string): string {
  if (language === 'vi' || language.startsWith('vi-')) return weekdayNames[weekday] ?? '';
  let names = otherWeekdayNames.get(language);
  if (!names) {
    const format = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' });
    names = Array.from({ length: 7 }, (_, day) => format.format(Date.UTC(1970, 0, 4 + day)));
    otherWeekdayNames.set(language, names);
  }
  return names[weekday] ?? '';
}

/** `Thứ 3`, or `Chủ nhật` (`Tue` in English): the weekday of the calendar day in `timeZone`, which need not be the UTC one. */
export function vietnameseWeekday(iso: string | Date, timeZone = newsroomTimeZone, language = 'vi'): string {
  return weekdayName(zonedParts(iso, timeZone).weekday, language);
}

/**
 * `Thứ 3, 14/05/2024`. The order is day/month/year in every language; `language` names the weekday only
 * (`Tue, 14/05/2024` in English). Printed pages keep the default, as the paper is Vietnamese.
 */
export function formatVietnameseDate(iso: string | Date, timeZone = newsroomTimeZone, language = 'vi'): string {
  const p = zonedParts(iso, timeZone);
  return `${weekdayName(p.weekday, language)}, ${p.day}/${p.month}/${p.year}`;
}

/** `Thứ 3, 14/05/2024 | 08:34:23`: the time line printed under a newspaper headline (`Tue, 14/05/2024 | 08:34:23` in English). */
export function formatVietnameseDateTime(iso: string | Date, timeZone = newsroomTimeZone, language = 'vi'): string {
  const p = zonedParts(iso, timeZone);
  return `${weekdayName(p.weekday, language)}, ${p.day}/${p.month}/${p.year} | ${p.hour}:${p.minute}:${p.second}`;
}

/**
 * `2024-05-14`: the calendar day in `timeZone`, for grouping stories by day. ISO order, so the keys sort as
 * strings; a story filed at 06:00 in Hà Nội belongs to that day, though in UTC it is still the evening before.
 */
export function zonedDateKey(iso: string | Date, timeZone = newsroomTimeZone): string {
  const p = zonedParts(iso, timeZone);
  return `${p.year.padStart(4, '0')}-${p.month}-${p.day}`;
}
