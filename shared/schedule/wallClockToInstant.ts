import { TZDate } from '@date-fns/tz';

/**
 * The instant a wall clock in `timeZone` shows `date` (`2026-05-14`) at `time` (`06:00`), as UTC ISO. Picking a
 * time means picking it on the newsroom's clock, whatever zone the laptop is in; @date-fns/tz does the zone
 * arithmetic (offsets, daylight-saving gaps) that hand-written offset guessing gets wrong at the edges.
 */
export function wallClockToInstant(date: string, time: string, timeZone: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute, second = 0] = time.split(':').map(Number);
  if (![year, month, day, hour, minute, second].every((n) => Number.isInteger(n))) throw new RangeError(`not a date and time: ${date} ${time}`);
  return new Date(new TZDate(year!, month! - 1, day!, hour!, minute!, second, timeZone).getTime()).toISOString();
}
