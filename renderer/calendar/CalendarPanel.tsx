import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, dayMonthOf, mondayOf } from '../../shared/schedule/civilDate';
import { wallClockToInstant } from '../../shared/schedule/wallClockToInstant';
import { zonedDateKey } from '../../shared/text/vietnameseDate';
import { api } from '../api/datelineApi';
import { DateField } from '../schedule/DateField';
import { ZoneLabel } from '../schedule/ZoneLabel';
import { useSettings } from '../settings/useSettings';
import { useRovingTabStop } from '../shortcuts/useRovingTabStop';
import { Agenda } from './Agenda';
import { calendarEntries, entriesByDay } from './calendarEntries';
import { dayLabel } from '../schedule/dayLabel';
import { DayGroup } from './DayGroup';
import { useNow } from './useNow';
import { storyKeys } from '../library/queries';
import './calendar.css';

type CalendarMode = 'day' | 'week';

interface CalendarPanelProps {
  selectedId: string | null;
  onOpen: (storyId: string) => void;
}

/**
 * "Xem tin theo ngày": what is due (the agenda), then a day or a week (Thứ 2 to Chủ nhật) of planned moments:
 * publish times, deadlines and embargoes. Days are the newsroom's: a story set for 06:00 in Hà Nội is on that
 * day's page even on a laptop in New York, where it is still the evening before.
 */
export function CalendarPanel({ selectedId, onOpen }: CalendarPanelProps) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const timeZone = settings.timeZone;
  const now = useNow(30_000);
  const today = zonedDateKey(new Date(now), timeZone);
  const [mode, setMode] = useState<CalendarMode>('week');
  // Null follows today, so a window left open overnight turns the page by itself.
  const [anchor, setAnchor] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const daysRef = useRef<HTMLDivElement>(null);
  // Set when the arrow keys turn the page: the focused story is gone with the old page, so focus moves to the new one.
  const refocus = useRef(false);
  // Every story on the page, agenda included, is one Tab stop; up and down walk them.
  const rememberFocus = useRovingTabStop(root, '.calendar-entry-open');

  const shown = anchor ?? today;
  const first = mode === 'week' ? mondayOf(shown) : shown;
  const length = mode === 'week' ? 7 : 1;
  const days = Array.from({ length }, (_, i) => addDays(first, i));
  const range = { from: wallClockToInstant(first, '00:00', timeZone), to: wallClockToInstant(addDays(first, length), '00:00', timeZone) };
  const calendar = useQuery({
    queryKey: storyKeys.calendar(range),
    queryFn: () => api.stories.calendar(range),
    placeholderData: (previous) => previous,
    refetchInterval: 60_000,
  });
  const byDay = entriesByDay(calendarEntries(calendar.data?.items ?? [], range, timeZone));
  const loaded = calendar.isSuccess && !calendar.isPlaceholderData;
  useEffect(() => {
    if (!refocus.current || !loaded) return;
    refocus.current = false;
    const first = daysRef.current?.querySelector<HTMLButtonElement>('.calendar-entry-open');
    (first ?? daysRef.current)?.focus();
  }, [loaded, first]);

  const step = (direction: -1 | 1) => setAnchor(addDays(shown, direction * length));
  const title = mode === 'day' ? dayLabel(t, shown, true) : weekTitle(first, addDays(first, 6));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target instanceof HTMLInputElement || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      step(event.key === 'ArrowLeft' ? -1 : 1);
      if (daysRef.current?.contains(document.activeElement)) refocus.current = true;
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      // Up and down walk the stories on the page, agenda included, as in the story list.
      const buttons = [...(root.current?.querySelectorAll<HTMLButtonElement>('.calendar-entry-open') ?? [])];
      if (!buttons.length) return;
      event.preventDefault();
      const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
      const next = at < 0 ? (event.key === 'ArrowDown' ? 0 : buttons.length - 1) : Math.min(buttons.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)));
      buttons[next]?.focus();
    }
  };

  return (
    <div className="calendar-panel" ref={root} onKeyDown={onKeyDown} onFocus={rememberFocus}>
      <Agenda today={today} now={now} timeZone={timeZone} selectedId={selectedId} onOpen={onOpen} />
      <section className="calendar" aria-label={t('calendar.title')} aria-describedby="calendar-keys">
        <div className="calendar-head">
          <h2 className="calendar-title" aria-live="polite">
            {title}
          </h2>
          <div className="calendar-modes" role="group" aria-label={t('calendar.view')}>
            {(['day', 'week'] as const).map((option) => (
              <button key={option} type="button" aria-pressed={mode === option} onClick={() => setMode(option)}>
                {t(`calendar.${option}`)}
              </button>
            ))}
          </div>
        </div>
        <div className="calendar-nav">
          <button type="button" aria-label={t(mode === 'day' ? 'calendar.previousDay' : 'calendar.previousWeek')} title={t(mode === 'day' ? 'calendar.previousDay' : 'calendar.previousWeek')} onClick={() => step(-1)}>
            ‹
          </button>
          <button type="button" className="calendar-go-today" disabled={shown === today} onClick={() => setAnchor(null)}>
            {t('calendar.goToday')}
          </button>
          <button type="button" aria-label={t(mode === 'day' ? 'calendar.nextDay' : 'calendar.nextWeek')} title={t(mode === 'day' ? 'calendar.nextDay' : 'calendar.nextWeek')} onClick={() => step(1)}>
            ›
          </button>
          <DateField label={t('calendar.pickDate')} value={shown} timeZone={timeZone} onChange={(key) => key && setAnchor(key)} />
        </div>
        <p className="calendar-zone" id="calendar-keys">
          <ZoneLabel timeZone={timeZone} /> · {t('calendar.keys')}
        </p>
        {calendar.isError && <p className="banner banner-warning">{t('calendar.loadFailed', { message: calendar.error.message })}</p>}
        <div className="calendar-days" ref={daysRef} tabIndex={-1}>
          {days.map((key) => (
            <DayGroup key={key} dayKey={key} isToday={key === today} entries={byDay.get(key) ?? []} timeZone={timeZone} now={now} selectedId={selectedId} headingHidden={mode === 'day'} onOpen={onOpen} />
          ))}
        </div>
      </section>
    </div>
  );
}

/** `11/05 – 17/05/2026`, or across a year's end `29/12/2025 – 04/01/2026`. */
function weekTitle(first: string, last: string): string {
  const a = dayMonthOf(first);
  const b = dayMonthOf(last);
  return a.year === b.year ? `${a.day}/${a.month} – ${b.day}/${b.month}/${b.year}` : `${a.day}/${a.month}/${a.year} – ${b.day}/${b.month}/${b.year}`;
}
