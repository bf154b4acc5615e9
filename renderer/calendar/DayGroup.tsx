import { useTranslation } from 'react-i18next';
import { isMissed, type CalendarEntry } from './calendarEntries';
import { CalendarEntryRow } from './CalendarEntryRow';
import { dayLabel } from '../schedule/dayLabel';

interface DayGroupProps {
  dayKey: string;
  isToday: boolean;
  entries: CalendarEntry[];
  timeZone: string;
  now: number;
  selectedId: string | null;
  /** The day view names its day in the bar above, so its own heading is left to screen readers. */
  headingHidden?: boolean;
  onOpen: (storyId: string) => void;
}

/** One day of the calendar, named in full (a region "Thứ 6, 15/05/2026"), with its stories by time. */
export function DayGroup({ dayKey, isToday, entries, timeZone, now, selectedId, headingHidden = false, onOpen }: DayGroupProps) {
  const { t } = useTranslation();
  return (
    <section className={`calendar-day${isToday ? ' is-today' : ''}`} aria-label={dayLabel(t, dayKey, true)} data-day={dayKey}>
      <h3 className={headingHidden ? 'visually-hidden' : 'calendar-day-title'}>
        {dayLabel(t, dayKey)}
        {isToday && <span className="calendar-today-tag">{t('calendar.today')}</span>}
      </h3>
      {entries.length ? (
        <ul className="calendar-entries">
          {entries.map((entry) => (
            <CalendarEntryRow key={`${entry.story.id}:${entry.kind}`} entry={entry} timeZone={timeZone} selected={entry.story.id === selectedId} overdue={isMissed(entry, now)} onOpen={onOpen} />
          ))}
        </ul>
      ) : (
        <p className="calendar-day-empty">{t('calendar.empty')}</p>
      )}
    </section>
  );
}
