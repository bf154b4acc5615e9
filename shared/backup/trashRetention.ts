/** "Trashed stories stay restorable for 30 days": after that a story may be purged, once a backup holds it. */
export const trashKeepDays = 30;

const day = 86_400_000;

/** Whole days a trashed story has left before it may be purged; 0 once its time is up. */
export function trashDaysLeft(trashedAt: string, now: Date): number {
  const left = new Date(trashedAt).getTime() + trashKeepDays * day - now.getTime();
  return Math.max(0, Math.ceil(left / day));
}

export function isTrashExpired(trashedAt: string, now: Date): boolean {
  return now.getTime() - new Date(trashedAt).getTime() >= trashKeepDays * day;
}
