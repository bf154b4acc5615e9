/** The newsroom's clock: Vietnamese papers print and schedule in Indochina Time whatever the laptop is set to. */
export const newsroomTimeZone = 'Asia/Ho_Chi_Minh';

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsOf(iso: string, timeZone: string): Record<string, string> {
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
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return Object.fromEntries(formatter.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
}

/** `14/05/2024 08:34`, as the story list shows it. */
export function formatShortDateTime(iso: string, timeZone = newsroomTimeZone): string {
  const p = partsOf(iso, timeZone);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** `08:34:23`, for "saved at". */
export function formatClockTime(iso: string, timeZone = newsroomTimeZone): string {
  const p = partsOf(iso, timeZone);
  return `${p.hour}:${p.minute}:${p.second}`;
}
