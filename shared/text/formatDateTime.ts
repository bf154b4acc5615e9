/** The newsroom's clock: Vietnamese papers print and schedule in Indochina Time whatever the laptop is set to. */
export const newsroomTimeZone = 'Asia/Ho_Chi_Minh';

/** An instant's wall-clock reading in one zone, as zero-padded strings ready to print. */
export interface ZonedParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
  /** 0 = Sunday … 6 = Saturday, of the calendar day in that zone. */
  weekday: number;
}

// Building an Intl.DateTimeFormat is far slower than using one, and a story list formats hundreds of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      // Not hour12: false, which some engines render as "24:05" just after midnight.
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Reads `iso` on the clock of `timeZone`. Only Intl and UTC arithmetic are used, never the local-time Date getters,
 * so the answer does not depend on the machine's own zone. An unparseable date throws a RangeError.
 */
export function zonedParts(iso: string | Date, timeZone = newsroomTimeZone): ZonedParts {
  const p: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(iso))) p[part.type] = part.value;
  const year = p.year ?? '';
  const month = p.month ?? '';
  const day = p.day ?? '';
  // The weekday comes from the zoned calendar date rather than from a locale's weekday names, so it needs no
  // name table that could differ between ICU builds. setUTCFullYear, unlike Date.UTC, keeps years 0–99 literal.
  const civilDay = new Date(0);
  civilDay.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  return { year, month, day, hour: p.hour ?? '', minute: p.minute ?? '', second: p.second ?? '', weekday: civilDay.getUTCDay() };
}

/** `14/05/2024 08:34`, as the story list shows it. */
export function formatShortDateTime(iso: string | Date, timeZone = newsroomTimeZone): string {
  const p = zonedParts(iso, timeZone);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** `08:34:23`, for "saved at". */
export function formatClockTime(iso: string | Date, timeZone = newsroomTimeZone): string {
  const p = zonedParts(iso, timeZone);
  return `${p.hour}:${p.minute}:${p.second}`;
}
