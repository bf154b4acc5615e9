import type { OutboxItem } from './outboxSchema';

/** A delivered folder job for story-0001, for tests to change one thing at a time. */
export const testOutboxItem = (overrides: Partial<OutboxItem>): OutboxItem => ({
  jobId: 'folder-00000001',
  storyId: 'story-0001',
  target: 'folder',
  action: 'publish',
  state: 'delivered',
  attempts: 1,
  remote: null,
  error: null,
  headline: 'Thông xe đường ven biển',
  storyRevision: 3,
  createdAt: '2024-05-14T01:00:00.000Z',
  updatedAt: '2024-05-14T01:00:00.000Z',
  nextAttemptAt: null,
  missedSchedule: false,
  holds: [],
  ...overrides,
});
