/** The outbox's query key: its one list of delivery jobs. */
export const outboxKeys = {
  list: ['outbox'] as const,
};
