import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZonedInstant } from '../../shared/schedule/zonedInstantSchema';
import { wallClockToInstant } from '../../shared/schedule/wallClockToInstant';
import { zonedParts } from '../../shared/text/formatDateTime';
import { zonedDateKey } from '../../shared/text/vietnameseDate';
import { DateField } from './DateField';
import { dayLabel } from './dayLabel';
import { TimeField } from './TimeField';
import { ZoneLabel } from './ZoneLabel';
import './schedule.css';

interface ZonedDateTimeFieldProps {
  /** What the moment is, e.g. "Hạn nộp bài": the field's legend, and the start of its inputs' names. */
  label: string;
  value: ZonedInstant | null | undefined;
  /** The newsroom's zone: the day and hour are shown and picked on its clock, never the laptop's. */
  timeZone: string;
  /** Called with the new moment once both a day and an hour are filled in, or with null when both are emptied. */
  onChange: (value: ZonedInstant | null) => void;
  /** Called instead while what is typed is not a moment (yet): one of the two missing, 31/02, 25:00. */
  onUnfinished?: () => void;
  onBlur?: () => void;
  /** The clear button's name, e.g. "Xoá hạn nộp bài"; without it there is no clear button. */
  clearLabel?: string;
}

/** The day (`YYYY-MM-DD`) and hour (`HH:mm`) typed; null for text that is not one. */
interface WallClock {
  date: string | null;
  time: string | null;
}

function wallClockOf(value: ZonedInstant | null | undefined, timeZone: string): WallClock {
  if (!value) return { date: '', time: '' };
  const p = zonedParts(value.at, timeZone);
  return { date: zonedDateKey(value.at, timeZone), time: `${p.hour}:${p.minute}` };
}

/**
 * A day and an hour on the newsroom's clock, kept as `{ at, timeZone }`: the day typed as dd/mm/yyyy or picked
 * from a month grid (weeks from Thứ 2), the hour typed on a 24-hour clock, the zone named beside them and the
 * day written out in words under them.
 */
export function ZonedDateTimeField({ label, value, timeZone, onChange, onUnfinished, onBlur, clearLabel }: ZonedDateTimeFieldProps) {
  const { t } = useTranslation();
  const [wallClock, setWallClock] = useState(() => wallClockOf(value, timeZone));
  const legendId = useId();

  const edit = (next: WallClock) => {
    setWallClock(next);
    if (next.date === '' && next.time === '') onChange(null);
    else if (next.date && next.time) onChange({ at: wallClockToInstant(next.date, next.time, timeZone), timeZone });
    else onUnfinished?.();
  };
  const complete = Boolean(wallClock.date && wallClock.time);
  const empty = wallClock.date === '' && wallClock.time === '';
  // Half filled in: one of the two is empty while the other is a real day or hour (a wrong one says so itself).
  const partial = !complete && !empty && wallClock.date !== null && wallClock.time !== null;
  const at = complete ? wallClockToInstant(wallClock.date!, wallClock.time!, timeZone) : undefined;

  return (
    <fieldset className="zoned-field" aria-labelledby={legendId}>
      <legend id={legendId}>{label}</legend>
      <div className="zoned-field-inputs">
        <DateField label={t('schedule.dateOf', { label })} pickerLabel={label} value={wallClock.date} timeZone={timeZone} onChange={(date) => edit({ ...wallClock, date })} onBlur={onBlur} />
        <TimeField label={t('schedule.timeOf', { label })} value={wallClock.time} onChange={(time) => edit({ ...wallClock, time })} onBlur={onBlur} />
      </div>
      <p className="zoned-field-note">
        {at && (
          <span className="zoned-field-day">
            {dayLabel(t, wallClock.date!, true)}, {wallClock.time}
          </span>
        )}
        {partial && <span className="zoned-field-partial">{t('schedule.incomplete')}</span>}
        <ZoneLabel timeZone={timeZone} at={at} />
        {clearLabel && !empty && (
          <button type="button" className="zoned-field-clear" aria-label={clearLabel} title={clearLabel} onClick={() => edit({ date: '', time: '' })}>
            {t('schedule.clear')}
          </button>
        )}
      </p>
    </fieldset>
  );
}
