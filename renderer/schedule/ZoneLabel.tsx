import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { zoneCity, zoneOffset } from './zoneOffset';
import { optionalKey } from '../i18n/messageKey';

/**
 * "Giờ Hà Nội (GMT+7)": the clock a time is read and picked on, shown beside every time picker so a reporter
 * abroad never takes the newsroom's 06:00 for their own.
 */
export function ZoneLabel({ timeZone, at }: { timeZone: string; at?: string }) {
  const { t } = useTranslation();
  return <span className="zone-label">{zoneText(t, timeZone, at)}</span>;
}

/** The same words as plain text, for a line that says a time and its zone together. */
function zoneText(t: TFunction, timeZone: string, at?: string): string {
  const place = t([optionalKey(`schedule.place.${timeZone}`), 'schedule.placeOther'], { city: zoneCity(timeZone) });
  return t('schedule.zone', { place, offset: zoneOffset(timeZone, at) });
}
