import { recoveryEntrySchema, type RecoveryEntry } from '../../shared/story/recoverySchema';

// When the web host refuses this tab's token (it was restarted with a new one), recovery.save is refused too, and
// the text typed since would exist only in this tab's editor. It is kept in the browser's localStorage instead,
// which a tab opened at the new address (same origin) reads: RecoveryBanner offers it back there.

const keyOf = (storyId: string) => `dateline.unsaved.${storyId}`;

/** Keeps the unsaved text of a story in the browser; a full or disabled storage is no worse than before. */
export function keepInTab(storage: Storage, storyId: string, baseRevision: number, changes: RecoveryEntry['changes']): void {
  const entry: RecoveryEntry = { baseRevision, savedAt: new Date().toISOString(), changes };
  try {
    storage.setItem(keyOf(storyId), JSON.stringify(entry));
  } catch {
    // Over the quota or blocked: the text is still in the open tab, which says so.
  }
}

/** The text kept for a story, or null; what the browser holds is checked like anything from outside. */
export function readFromTab(storage: Storage, storyId: string): RecoveryEntry | null {
  let raw: string | null;
  try {
    raw = storage.getItem(keyOf(storyId));
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const parsed = recoveryEntrySchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function dropFromTab(storage: Storage, storyId: string): void {
  try {
    storage.removeItem(keyOf(storyId));
  } catch {
    // Nothing to do: a storage that cannot be written held nothing of ours either.
  }
}

/** The later of the host's recovery entry and the browser's: the one typed last is the one to offer. */
export function newerEntry(host: RecoveryEntry | null, tab: RecoveryEntry | null): RecoveryEntry | null {
  if (!host || !tab) return host ?? tab;
  return Date.parse(tab.savedAt) > Date.parse(host.savedAt) ? tab : host;
}
