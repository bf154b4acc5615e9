import { useTranslation } from 'react-i18next';
import { zonedParts } from '../../shared/text/formatDateTime';
import { StoryStatusBadge } from '../outbox/StatusBadge';
import type { CalendarEntry } from './calendarEntries';

interface CalendarEntryRowProps {
  entry: CalendarEntry;
  timeZone: string;
  selected: boolean;
  /** Shows the day before the hour, for lists that span days (the overdue ones). */
  withDate?: boolean;
  overdue?: boolean;
  onOpen: (storyId: string) => void;
}

/** A story at one planned moment: the hour on the newsroom's clock, what the moment is, its status and headline. */
export function CalendarEntryRow({ entry, timeZone, selected, withDate = false, overdue = false, onOpen }: CalendarEntryRowProps) {
  const { t } = useTranslation();
  const { story, kind, at } = entry;
  const p = zonedParts(at, timeZone);
  const when = withDate ? `${p.day}/${p.month} ${p.hour}:${p.minute}` : `${p.hour}:${p.minute}`;
  return (
    <li className={`calendar-entry kind-${kind}${overdue ? ' is-overdue' : ''}${selected ? ' is-selected' : ''}`}>
      <button type="button" className="calendar-entry-open" aria-current={selected ? 'true' : undefined} onClick={() => onOpen(story.id)}>
        <span className="calendar-entry-meta">
          <time dateTime={at}>{when}</time>
          <span className="calendar-entry-kind">{t(`calendar.kind.${kind}`)}</span>
          <StoryStatusBadge story={story} timeZone={timeZone} />
        </span>
        <span className="calendar-entry-headline">{story.headline.trim() || t('library.untitled')}</span>
      </button>
    </li>
  );
}
