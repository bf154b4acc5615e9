import type { StoryStatus } from '../story/storySchema';
import { goesToReaders } from '../workflow/storyTransitions';
import type { OutboxItem } from './outboxSchema';

/**
 * What a story's badge says about its delivery, over its desk status: `sending` while a job is queued or being
 * sent, `failed` once a try has failed (whether or not another is coming), `missed` for a scheduled post
 * WordPress still holds past its time, `held` while the story fails the checklist and is kept back; null when
 * everything reached its target, or nothing was sent.
 */
export type DeliveryOverlay = 'sending' | 'failed' | 'missed' | 'held';

export function deliveryOverlay(item: OutboxItem | undefined): DeliveryOverlay | null {
  if (!item) return null;
  if (item.state === 'held') return 'held';
  if (item.error !== null && item.state !== 'delivered') return 'failed';
  if (item.state === 'queued' || item.state === 'sending') return 'sending';
  return item.missedSchedule ? 'missed' : null;
}

/**
 * Where a story stands, as every place that shows its status says it (the story list, the calendar, the
 * workflow panel): its desk status, and what its delivery is doing. `unsent` is a story marked scheduled or
 * published that no target holds and no job is taking anywhere: "Đã đăng · chưa gửi đi", so a story marked
 * published with no WordPress or folder set up never looks as if it reached readers.
 */
export interface StoryStanding {
  status: StoryStatus | 'trashed';
  delivery: DeliveryOverlay | 'unsent' | null;
}

export function storyStanding(
  story: { id: string; status: StoryStatus; trashedAt: string | null },
  job: OutboxItem | undefined,
  /** Whether some target holds the story now (`outbox.list`'s `sent`). */
  sent: boolean,
): StoryStanding {
  if (story.trashedAt !== null) return { status: 'trashed', delivery: null };
  const overlay = deliveryOverlay(job);
  if (overlay) return { status: story.status, delivery: overlay };
  const unsent = goesToReaders(story) && !sent && !(job?.state === 'delivered' && job.action === 'publish');
  return { status: story.status, delivery: unsent ? 'unsent' : null };
}
