import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZonedInstant } from '../../shared/schedule/zonedInstantSchema';
import { wallClockToInstant } from '../../shared/schedule/wallClockToInstant';
import { zonedParts } from '../../shared/text/formatDateTime';
import { zonedDateKey } from '../../shared/text/vietnameseDate';
import { dayLabel } from './dayLabel';
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
  onBlur?: () => void;
  /** The clear button's name, e.g. "Xoá hạn nộp bài"; without it there is no clear button. */
  clearLabel?: string;
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const timePattern = /^\d{2}:\d{2}$/;

function wallClockOf(value: ZonedInstant | null | undefined, timeZone: string): { date: string; time: string } {
  if (!value) return { date: '', time: '' };
  const p = zonedParts(value.at, timeZone);
  return { date: zonedDateKey(value.at, timeZone), time: `${p.hour}:${p.minute}` };
}

/**
 * A day and an hour on the newsroom's clock, kept as `{ at, timeZone }`: native date and time inputs (the
 * keyboard and the OS's own picker work), the zone named beside them, and the day written out in words, since
 * a native date input prints the day in the laptop's locale order (05/15 on an American one).
 */
export function ZonedDateTimeField({ label, value, timeZone, onChange, onBlur, clearLabel }: ZonedDateTimeFieldProps) {
  const { t } = useTranslation();
  const [wallClock, setWallClock] = useState(() => wallClockOf(value, timeZone));
  const legendId = useId();

  const edit = (next: { date: string; time: string }) => {
    setWallClock(next);
    if (next.date === '' && next.time === '') onChange(null);
    else if (datePattern.test(next.date) && timePattern.test(next.time)) onChange({ at: wallClockToInstant(next.date, next.time, timeZone), timeZone });
  };
  const complete = datePattern.test(wallClock.date) && timePattern.test(wallClock.time);
  const partial = !complete && (wallClock.date !== '' || wallClock.time !== '');
  const at = complete ? wallClockToInstant(wallClock.date, wallClock.time, timeZone) : undefined;

  return (
    <fieldset className="zoned-field" aria-labelledby={legendId}>
      <legend id={legendId}>{label}</legend>
      <div className="zoned-field-inputs">
        <input type="date" aria-label={t('schedule.dateOf', { label })} value={wallClock.date} onChange={(e) => edit({ ...wallClock, date: e.target.value })} onBlur={onBlur} />
        <input type="time" aria-label={t('schedule.timeOf', { label })} value={wallClock.time} onChange={(e) => edit({ ...wallClock, time: e.target.value })} onBlur={onBlur} />
      </div>
      <p className="zoned-field-note">
        {at && (
          <span className="zoned-field-day">
            {dayLabel(t, wallClock.date, true)}, {wallClock.time}
          </span>
        )}
        {partial && <span className="zoned-field-partial">{t('schedule.incomplete')}</span>}
        <ZoneLabel timeZone={timeZone} at={at} />
        {clearLabel && (wallClock.date !== '' || wallClock.time !== '') && (
          <button type="button" className="zoned-field-clear" aria-label={clearLabel} title={clearLabel} onClick={() => edit({ date: '', time: '' })}>
            {t('schedule.clear')}
          </button>
        )}
      </p>
    </fieldset>
  );
}
