import type { TFunction } from 'i18next';
import { dayMonthOf, weekdayOf } from '../../shared/schedule/civilDate';

/**
 * A calendar day as the reporter reads it: `Thứ 6, 15/05` (short) or `Thứ 6, 15/05/2026`, from its key alone,
 * so no clock or zone can shift it to a neighbouring day.
 */
export function dayLabel(t: TFunction, key: string, long = false): string {
  const { day, month, year } = dayMonthOf(key);
  return t(long ? 'calendar.dayLong' : 'calendar.dayShort', { weekday: t(`calendar.weekday.${weekdayOf(key)}`), day, month, year });
}
