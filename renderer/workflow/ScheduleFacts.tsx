import { useTranslation } from 'react-i18next';
import type { Story } from '../../shared/story/storySchema';
import { formatVietnameseDateTime } from '../../shared/text/vietnameseDate';
import { ZoneLabel } from '../schedule/ZoneLabel';

/**
 * The times that decide when the story may go, under its status: "Hẹn đăng: Thứ 6, 15/05/2026 | 06:00:00" for a
 * scheduled story, when it went out for a published one, and the embargo whenever there is one.
 */
export function ScheduleFacts({ story, timeZone }: { story: Story; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const publishKey = story.status === 'scheduled' ? 'schedule.scheduledFor' : story.status === 'published' ? 'schedule.publishedAt' : null;
  const lines = [
    ...(publishKey && story.publishAt ? [{ key: 'publishAt', label: t(publishKey), at: story.publishAt.at }] : []),
    ...(story.embargo ? [{ key: 'embargo', label: t('schedule.embargoUntil'), at: story.embargo.at }] : []),
  ];
  if (!lines.length) return null;
  return (
    <dl className="schedule-facts">
      {lines.map((line) => (
        <div key={line.key} className={`schedule-fact schedule-fact-${line.key}`} data-testid={`schedule-${line.key}`}>
          <dt>{line.label}</dt>
          <dd>
            <time dateTime={line.at}>{formatVietnameseDateTime(line.at, timeZone, i18n.language)}</time> <ZoneLabel timeZone={timeZone} at={line.at} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
