/** The reminders' query keys: the deadlines due within a window, refreshed at once after a save that moved one. */
export const reminderKeys = {
  all: ['reminders'] as const,
  within: (windowMs: number) => ['reminders', windowMs] as const,
};
