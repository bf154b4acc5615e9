import type { OutboxItem } from '../../shared/publish/outboxSchema';
import { deliveryOverlay } from '../../shared/publish/storyStanding';
import { formatClockTime } from '../../shared/text/formatDateTime';
import { optionalKey, type Translate } from '../i18n/messageKey';

/** How often the outbox is asked again: every 2 s while something is on its way, else every 15 s. */
export function outboxPollInterval(items: readonly OutboxItem[] | undefined): number {
  return items?.some((item) => item.state === 'queued' || item.state === 'sending') ? 2_000 : 15_000;
}

/** A job still to do something about: the target has not got the story as it is. */
export const isUndelivered = (item: OutboxItem) => item.state !== 'delivered';

/** A job the reporter should look at: a failure, waiting to retry or not, or a post WordPress did not put out on time. */
export const needsAttention = (item: OutboxItem) => item.error !== null || item.missedSchedule || item.state === 'held';

const rank = (item: OutboxItem): number => {
  const overlay = deliveryOverlay(item);
  return overlay === 'failed' || overlay === 'held' ? 3 : overlay === 'missed' ? 2 : overlay === 'sending' ? 1 : 0;
};

/**
 * Each story's job that says most about it, by story id: a failure before a missed schedule before a send in
 * progress before a delivery; between equals, the most recent. The jobs themselves are kept (not copies), so
 * a memoised row whose story's job did not change between two polls is not drawn again.
 */
export function jobsByStory(items: readonly OutboxItem[]): Map<string, OutboxItem> {
  const byStory = new Map<string, OutboxItem>();
  for (const item of items) {
    const held = byStory.get(item.storyId);
    if (!held || rank(item) > rank(held) || (rank(item) === rank(held) && item.updatedAt > held.updatedAt)) byStory.set(item.storyId, item);
  }
  return byStory;
}

/** The failure codes the outbox reports; anything else is said with its message. */
export const knownErrorCodes = ['offline', 'timeout', 'server', 'auth', 'rejected', 'storage', 'missing_media', 'not_configured'] as const;


/**
 * Why a job has not gone through, what Dateline does next and what the reporter can do, in their words:
 * "Chưa có mạng; Dateline sẽ tự gửi lại lúc 08:34:23." Null when nothing went wrong.
 */
export function deliveryReason(item: OutboxItem, t: Translate, timeZone: string, now = Date.now()): string | null {
  if (item.state === 'held') return t('outbox.reason.held', { items: item.holds.map((hold) => t(optionalKey(hold.messageKey), { ...hold.params, defaultValue: hold.text })).join(' ') });
  const { error } = item;
  if (!error) return null;
  const code = (knownErrorCodes as readonly string[]).includes(error.code) ? (error.code as (typeof knownErrorCodes)[number]) : 'other';
  const next =
    item.state === 'sending'
      ? t('outbox.next.now')
      : !error.willRetry || item.state !== 'queued'
        ? t('outbox.next.byHand')
        : item.nextAttemptAt && Date.parse(item.nextAttemptAt) > now
          ? t('outbox.next.at', { time: formatClockTime(item.nextAttemptAt, timeZone) })
          : t('outbox.next.now');
  return t([optionalKey(`outbox.reason.${code}_${item.target}`), `outbox.reason.${code}`], { next, message: error.message });
}
