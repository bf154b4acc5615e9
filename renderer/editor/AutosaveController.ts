import { DatelineError } from '../../shared/api/DatelineError';
import type { Story, StoryChanges } from '../../shared/story/storySchema';

export type SaveState =
  | { kind: 'saved'; at: string }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'failed'; error: DatelineError };

const minRetryMs = 1_000;
const maxRetryMs = 10_000;

/** Keeps the unsaved text aside (recovery.save), or drops it once a save has it. */
export interface RecoveryJournalPort {
  keep(baseRevision: number, changes: StoryChanges): Promise<unknown>;
  drop(): Promise<unknown>;
}

/** How often, at most, unsaved typing is kept aside: a crash costs at most this much of it. */
const journalIntervalMs = 1_000;

export type SaveStory = (id: string, baseRevision: number, changes: StoryChanges) => Promise<Story>;

/**
 * Holds a story's unsaved changes and writes them after a pause in typing, or at once on flush (blur, switching
 * stories, closing). The body is read from the editor only when a save happens, never on each keystroke. A
 * failed save keeps every change for the next try, so nothing typed is dropped.
 */
export class AutosaveController {
  private baseRevision: number;
  private pending: StoryChanges = {};
  private readDocument: (() => StoryChanges) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private state: SaveState;
  private readonly listeners = new Set<() => void>();
  /** The wait before the next try after a failed save, doubled each time; 0 while saves succeed. */
  private retryDelay = 0;
  private journalTimer: ReturnType<typeof setTimeout> | null = null;
  private journalKept = false;

  constructor(
    readonly storyId: string,
    story: Story,
    private readonly saveStory: SaveStory,
    private readonly onSaved: (story: Story) => void,
    private readonly delayMs = 800,
    private readonly journal: RecoveryJournalPort | null = null,
  ) {
    this.baseRevision = story.revision;
    this.state = { kind: 'saved', at: story.updatedAt };
  }

  getState = (): SaveState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get hasUnsavedChanges(): boolean {
    return this.readDocument !== null || Object.keys(this.pending).length > 0 || this.inFlight !== null;
  }

  change(changes: StoryChanges): void {
    this.pending = { ...this.pending, ...changes };
    this.schedule();
  }

  /** The story text changed in the editor; `read` serialises it only when the save happens. */
  documentChanged(read: () => StoryChanges): void {
    this.readDocument = read;
    this.schedule();
    // Autosave waits for a pause; steady typing has none. The journal is kept every second regardless.
    if (this.journal && !this.journalTimer) this.journalTimer = setTimeout(() => this.keepJournal(), journalIntervalMs);
  }

  private keepJournal(): void {
    this.journalTimer = null;
    const read = this.readDocument;
    if (!read || !this.journal) return;
    this.journalKept = true;
    const { kicker, headline, sapo, body } = read();
    void this.journal.keep(this.baseRevision, { kicker, headline, sapo, body }).catch(() => undefined);
  }

  /** Saves now whatever is pending, after any save already under way. */
  async flush(): Promise<void> {
    this.clearTimer();
    while (this.inFlight) await this.inFlight;
    if (!this.readDocument && Object.keys(this.pending).length === 0) return;
    this.inFlight = this.saveOnce().finally(() => (this.inFlight = null));
    await this.inFlight;
  }

  /** After a conflict: base the next save on the revision now on disk, so the reporter's version wins. */
  async keepMine(currentRevision: number): Promise<void> {
    this.baseRevision = currentRevision;
    await this.flush();
  }

  private async saveOnce(): Promise<void> {
    const readDocument = this.readDocument;
    const changes: StoryChanges = { ...this.pending, ...readDocument?.() };
    this.pending = {};
    this.readDocument = null;
    // While a failure stands, its message stays on screen through the retries, until one succeeds.
    if (this.state.kind !== 'failed') this.setState({ kind: 'saving' });
    try {
      const saved = await this.saveStory(this.storyId, this.baseRevision, changes);
      this.baseRevision = saved.revision;
      this.retryDelay = 0;
      this.onSaved(saved);
      const clean = !this.readDocument && Object.keys(this.pending).length === 0;
      this.setState(clean ? { kind: 'saved', at: saved.updatedAt } : { kind: 'unsaved' });
      if (clean && this.journalKept && this.journal) {
        this.journalKept = false;
        void this.journal.drop().catch(() => undefined);
      }
    } catch (error) {
      // Put the changes back under anything typed since, so the next try sends both.
      // The document is read afresh from the editor on the next try, so only the other fields are kept here.
      const { kicker: _k, headline: _h, sapo: _s, body: _b, ...fields } = changes;
      this.pending = readDocument ? { ...fields, ...this.pending } : { ...changes, ...this.pending };
      this.readDocument ??= readDocument;
      const failure = error instanceof DatelineError ? error : new DatelineError('internal', (error as Error).message);
      this.setState({ kind: 'failed', error: failure });
      // A full or read-only disk, or a lost connection, clears up by itself: keep trying, more slowly each time,
      // so the save completes without the reporter doing anything. A conflict or a refusal waits for them.
      if (failure.code === 'storage_failed' || failure.code === 'unavailable') {
        this.retryDelay = Math.min(Math.max(this.retryDelay * 2, minRetryMs), maxRetryMs);
        this.clearTimer();
        this.timer = setTimeout(() => void this.flush(), this.retryDelay);
      }
    }
  }

  private schedule(): void {
    // Only a change of kind is news: re-announcing "unsaved" on every keystroke would re-render the workspace.
    if (this.state.kind !== 'failed' && this.state.kind !== 'unsaved') this.setState({ kind: 'unsaved' });
    this.clearTimer();
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private setState(state: SaveState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
