/** Reminders already shown, by key, with the moment each was about: kept so that a reload does not repeat them. */
const storageKey = 'dateline.shownReminders';
/** A reminder is forgotten two days after its moment, so the record stays small. */
const keepMs = 2 * 24 * 60 * 60 * 1000;

type Shown = Record<string, number>;

function read(storage: Storage): Shown {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(storageKey) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Shown) : {};
  } catch {
    return {};
  }
}

export function wasShown(key: string, storage: Storage = window.localStorage): boolean {
  return key in read(storage);
}

/** Records the reminder as shown, and drops the records of moments long past. */
export function markShown(key: string, at: string, now: number, storage: Storage = window.localStorage): void {
  const kept = Object.fromEntries(Object.entries(read(storage)).filter(([, moment]) => typeof moment === 'number' && moment > now - keepMs));
  kept[key] = Date.parse(at);
  try {
    storage.setItem(storageKey, JSON.stringify(kept));
  } catch {
    // A full or blocked storage only means a reminder may come again after a reload.
  }
}
