import { DatelineError } from '../../shared/api/DatelineError';
import type { OutboxItem } from '../../shared/publish/outboxSchema';
import { deliveryOverlay, type DeliveryOverlay } from '../../shared/publish/storyStanding';
import type { Translate } from '../i18n/messageKey';

/** The key under `outbox.state` of what became of a job, a withdrawal said apart from a delivery ("Đang gỡ", "Lỗi gỡ"). */
export function jobStateKey(item: OutboxItem) {
  const overlay = deliveryOverlay(item);
  const withdraw = item.action === 'withdraw';
  if (overlay === 'held') return 'held';
  if (overlay === 'failed') return withdraw ? 'withdrawFailed' : 'failed';
  if (overlay === 'missed') return 'missed';
  if (item.state === 'sending') return withdraw ? 'withdrawing' : 'sending';
  if (item.state === 'queued') return withdraw ? 'withdrawQueued' : 'queued';
  return withdraw ? 'withdrawn' : 'delivered';
}

/** The key under `outbox.state` a story's badge shows over its status: a queued job already counts as "Đang gửi". */
export function overlayStateKey(item: OutboxItem, overlay: DeliveryOverlay) {
  const withdraw = item.action === 'withdraw';
  if (overlay === 'held') return 'held';
  if (overlay === 'failed') return withdraw ? 'withdrawFailed' : 'failed';
  if (overlay === 'missed') return 'missed';
  return withdraw ? 'withdrawing' : 'sending';
}

/** How the link to the delivered story is introduced: a post on the site, or a file in the folder. */
export const remoteLabel = (item: OutboxItem) => `outbox.remote.${item.target}` as const;

/** A link as a reporter reads it: a folder's file URL as its path, with its Vietnamese letters, not %-escapes. */
export function remoteText(url: string): string {
  if (!url.startsWith('file:')) return url;
  try {
    return decodeURIComponent(new URL(url).pathname).replace(/^\/([A-Za-z]:\/)/, '$1');
  } catch {
    return url;
  }
}

/** WordPress's `date_gmt` carries no zone ("2024-05-14T23:00:00"): it is UTC. */
export function wordpressInstant(dateGmt: string): string {
  return /(?:Z|[+-]\d\d:?\d\d)$/.test(dateGmt) ? dateGmt : `${dateGmt}Z`;
}

/** Why "Gửi lại", "Thử lại ngay", "Huỷ" or "Đăng ngay" did not go through, and what to do. */
export function actionProblem(error: Error, t: Translate): string {
  const code = error instanceof DatelineError ? error.code : 'internal';
  if (code === 'not_configured') return t('outbox.problem.notConfigured');
  if (code === 'not_found') return t('outbox.problem.gone');
  if (code === 'delivery_failed') return t('outbox.problem.delivery', { message: error.message });
  if (code === 'invalid_input') return t('outbox.problem.notLive');
  if (code === 'invalid_transition') return t('outbox.problem.held');
  return t('outbox.problem.other', { message: error.message });
}
