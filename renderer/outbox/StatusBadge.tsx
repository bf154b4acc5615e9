import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../shared/publish/outboxSchema';
import { deliveryOverlay, deliveryReason } from './outboxFacts';
import { overlayStateKey } from './outboxText';
import { useJobsByStory } from './useOutbox';
import './outbox.css';

interface StatusBadgeProps {
  /** The story's desk status, or `trashed`. */
  status: string;
  /** The story's most telling outbox job, if it has one: a send in progress or a failure shows over the status. */
  job?: OutboxItem | undefined;
  timeZone: string;
  /** The id of the element that says why a delivery failed, for the control the badge belongs to. */
  reasonId?: string;
  testId?: string;
}

/**
 * Where a story stands, in one badge: its desk status (Nháp … Đã đăng, Đã gỡ), or over it what its delivery is
 * doing (Đang gửi, Lỗi gửi, Lỡ giờ đăng), the status and the failure's reason in its tooltip. With `reasonId`,
 * the reason is also written, hidden, under that id, for the row or panel to point `aria-describedby` at.
 */
export function StatusBadge({ status, job, timeZone, reasonId, testId }: StatusBadgeProps) {
  const { t } = useTranslation();
  const overlay = deliveryOverlay(job);
  const statusLabel = t(`status.${status}`);
  if (!job || !overlay) {
    return (
      <span className={`badge badge-${status}`} data-testid={testId}>
        {statusLabel}
      </span>
    );
  }
  const label = t(`outbox.state.${overlayStateKey(job, overlay)}`);
  const reason = overlay === 'missed' ? t('outbox.missedShort') : deliveryReason(job, t, timeZone);
  const title = t('outbox.badgeTitle', { status: statusLabel, delivery: label, target: t(`outbox.target.${job.target}`) }) + (reason ? ` ${reason}` : '');
  return (
    <>
      <span className={`badge badge-delivery-${overlay}`} data-testid={testId} data-status={status} title={title}>
        {label}
      </span>
      {reasonId && (
        <span id={reasonId} hidden>
          {title}
        </span>
      )}
    </>
  );
}

/** A story's badge outside the list, reading its outbox job from the shared query (the workflow panel's). */
export function StoryStatusBadge({ storyId, status, timeZone, testId }: { storyId: string; status: string; timeZone: string; testId?: string }) {
  const job = useJobsByStory().get(storyId);
  return <StatusBadge status={status} job={job} timeZone={timeZone} testId={testId} />;
}
