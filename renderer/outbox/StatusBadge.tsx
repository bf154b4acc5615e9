import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../shared/publish/outboxSchema';
import { storyStanding } from '../../shared/publish/storyStanding';
import type { StoryStatus } from '../../shared/story/storySchema';
import { deliveryReason } from './outboxFacts';
import { overlayStateKey } from './outboxText';
import { useJobsByStory, useSentStories } from './useOutbox';
import './outbox.css';

type BadgeStory = { id: string; status: StoryStatus; trashedAt: string | null };

interface StatusBadgeProps {
  story: BadgeStory;
  /** The story's most telling outbox job, if it has one: a send in progress or a failure shows over the status. */
  job?: OutboxItem | undefined;
  /** Whether some target holds the story now: a scheduled or published story none holds says "chưa gửi đi". */
  sent: boolean;
  timeZone: string;
  /** The id of the element that says why a delivery failed, for the control the badge belongs to. */
  reasonId?: string;
  testId?: string;
}

/**
 * Where a story stands, in one badge, worded from `storyStanding` wherever a status shows: its desk status (Nháp …
 * Đã đăng, Đã gỡ), "Đã đăng · chưa gửi đi" when it was marked but sent nowhere, "Hẹn giờ · bị giữ lại" when the
 * checklist holds it back, or what its delivery is doing (Đang gửi, Lỗi gửi, Lỡ giờ đăng), the status and the
 * reason in its tooltip. With `reasonId`, the reason is also written, hidden, under that id, for the row or panel
 * to point `aria-describedby` at.
 */
export function StatusBadge({ story, job, sent, timeZone, reasonId, testId }: StatusBadgeProps) {
  const { t } = useTranslation();
  const standing = storyStanding(story, job, sent);
  const statusLabel = t(`status.${standing.status}`);
  const { delivery } = standing;
  if (!delivery) {
    return (
      <span className={`badge badge-${standing.status}`} data-testid={testId}>
        {statusLabel}
      </span>
    );
  }
  const badge = (className: string, text: string, title: string) => (
    <>
      <span className={`badge ${className}`} data-testid={testId} data-status={standing.status} title={title}>
        {text}
      </span>
      {reasonId && (
        <span id={reasonId} hidden>
          {title}
        </span>
      )}
    </>
  );
  if (delivery === 'unsent') {
    return badge(`badge-${standing.status} badge-delivery-unsent`, t('outbox.withStatus', { status: statusLabel, delivery: t('outbox.badge.unsent') }), t('outbox.unsentTitle'));
  }
  const label = t(`outbox.state.${overlayStateKey(job!, delivery)}`);
  const reason = delivery === 'missed' ? t('outbox.missedShort') : deliveryReason(job!, t, timeZone);
  const title = t('outbox.badgeTitle', { status: statusLabel, delivery: label, target: t(`outbox.target.${job!.target}`) }) + (reason ? ` ${reason}` : '');
  return badge(`badge-delivery-${delivery}`, delivery === 'held' ? t('outbox.withStatus', { status: statusLabel, delivery: t('outbox.badge.held') }) : label, title);
}

/** Whether the badge says more than the status, so its row can point `aria-describedby` at the reason. */
export const badgeHasReason = (story: BadgeStory, job: OutboxItem | undefined, sent: boolean) => storyStanding(story, job, sent).delivery !== null;

/** A story's badge outside the list (the calendar, the workflow panel), reading its delivery from the shared query. */
export function StoryStatusBadge({ story, timeZone, testId }: { story: BadgeStory; timeZone: string; testId?: string }) {
  const job = useJobsByStory().get(story.id);
  const sent = useSentStories().has(story.id);
  return <StatusBadge story={story} job={job} sent={sent} timeZone={timeZone} testId={testId} />;
}
