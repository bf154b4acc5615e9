import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../shared/schedule/civilDate';
import { wallClockToInstant } from '../../shared/schedule/wallClockToInstant';
import { isOverdue } from '../../shared/schedule/storiesInRange';
import { api } from '../api/datelineApi';
import { calendarEntries, overdueEntries } from './calendarEntries';
import { CalendarEntryRow } from './CalendarEntryRow';
import { storyKeys } from '../library/queries';

interface AgendaProps {
  /** Today's key on the newsroom's calendar. */
  today: string;
  now: number;
  timeZone: string;
  selectedId: string | null;
  onOpen: (storyId: string) => void;
}

/** What is due: the stories past a deadline or a publish time ("Quá hạn"), then today's ("Hôm nay"). */
export function Agenda({ today, now, timeZone, selectedId, onOpen }: AgendaProps) {
  const { t } = useTranslation();
  const range = { from: wallClockToInstant(today, '00:00', timeZone), to: wallClockToInstant(addDays(today, 1), '00:00', timeZone) };
  const agenda = useQuery({
    queryKey: storyKeys.calendar({ ...range, overdue: true }),
    queryFn: () => api.stories.calendar({ ...range, overdue: true }),
    placeholderData: (previous) => previous,
    refetchInterval: 60_000,
  });
  const items = agenda.data?.items ?? [];
  const overdue = overdueEntries(items, now, timeZone);
  // A story overdue is listed there, once, not again under today.
  const todays = calendarEntries(
    items.filter((story) => !isOverdue(story, now)),
    range,
    timeZone,
  );

  if (agenda.isError) return <p className="banner banner-warning">{t('calendar.loadFailed', { message: agenda.error.message })}</p>;
  return (
    <div className="agenda">
      <section className={`agenda-group agenda-overdue${overdue.length ? ' has-items' : ''}`} aria-labelledby="agenda-overdue">
        <h3 id="agenda-overdue">
          {t('calendar.overdue')} <span className="agenda-count">{overdue.length}</span>
        </h3>
        {overdue.length ? (
          <ul className="calendar-entries">
            {overdue.map((entry) => (
              <CalendarEntryRow key={`${entry.story.id}:${entry.kind}`} entry={entry} timeZone={timeZone} selected={entry.story.id === selectedId} withDate overdue onOpen={onOpen} />
            ))}
          </ul>
        ) : (
          agenda.isSuccess && <p className="calendar-day-empty">{t('calendar.nothingOverdue')}</p>
        )}
      </section>
      <section className="agenda-group agenda-today" aria-labelledby="agenda-today">
        <h3 id="agenda-today">
          {t('calendar.today')} <span className="agenda-count">{todays.length}</span>
        </h3>
        {todays.length ? (
          <ul className="calendar-entries">
            {todays.map((entry) => (
              <CalendarEntryRow key={`${entry.story.id}:${entry.kind}`} entry={entry} timeZone={timeZone} selected={entry.story.id === selectedId} onOpen={onOpen} />
            ))}
          </ul>
        ) : (
          agenda.isSuccess && <p className="calendar-day-empty">{t('calendar.nothingToday')}</p>
        )}
      </section>
    </div>
  );
}
