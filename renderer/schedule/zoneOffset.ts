const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * `GMT+7`: how far the zone's clock is from UTC at `at` (a zone with daylight saving changes it through the
 * year). Read from Intl, so it is right for any zone the runtime knows, whatever zone the laptop is in.
 */
export function zoneOffset(timeZone: string, at: Date | string = new Date()): string {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' });
    offsetFormatters.set(timeZone, formatter);
  }
  const name = formatter.formatToParts(new Date(at)).find((part) => part.type === 'timeZoneName')?.value;
  // UTC itself is spelt "GMT" alone.
  return name && name !== 'GMT' ? name : 'GMT+0';
}

/** The city an IANA zone is named after, as a reader would write it: `America/New_York` → `New York`. */
export function zoneCity(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replaceAll('_', ' ');
}
