import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { DatelineError } from '../../shared/api/DatelineError';
import { versionEntrySchema, versionIdOf, versionIdSchema, type VersionEntry, type VersionReason } from '../../shared/history/historySchema';
import { plainText } from '../../shared/story/storyDocument';
import { storySchema, type Story } from '../../shared/story/storySchema';
import { countWords } from '../../shared/text/countWords';
import type { Logger } from '../log/Logger';
import { isNotFound, type FileSystem } from '../store/fileSystem';
import { KeyedLock } from '../store/KeyedLock';
import { migrateStory } from '../store/migrations/migrateStory';
import { writeFileAtomically } from '../store/writeFileAtomically';

export interface StoryHistoryOptions {
  dataDir: string;
  fs: FileSystem;
  log: Logger;
  now?: () => Date;
  /** Editing keeps at most one version per this many milliseconds. @default 5 minutes */
  intervalMs?: number;
}

const historyFolder = 'history';
const logFileName = 'versions.jsonl';
const defaultInterval = 5 * 60_000;

/**
 * Every story's earlier versions, beside the story files: history/<story id>/ holds one file per version and
 * versions.jsonl, a line per version. Keeping a version writes one file and appends one line, so a story with
 * 500 versions saves as fast as a new one, and neither the story file nor the index grows with its history.
 *
 * Versions are coalesced: after each save one is kept when the last is five minutes old (the first save keeps
 * one at once), and always on a change of status, before publishing, on a restore and when the reporter asks.
 */
export class StoryHistory {
  private readonly fs: FileSystem;
  private readonly now: () => Date;
  private readonly intervalMs: number;
  private readonly locks = new KeyedLock();
  /** When each story last kept a version, once read from its log. */
  private readonly lastKept = new Map<string, number>();
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly options: StoryHistoryOptions) {
    this.fs = options.fs;
    this.now = options.now ?? (() => new Date());
    this.intervalMs = options.intervalMs ?? defaultInterval;
  }

  /**
   * Called after every save, behind it: keeps a version when one is due. The save has already reached the
   * disk, so a version lost to a crash here loses no words.
   */
  saved(story: Story, previous: Story | null): void {
    const reason: VersionReason | null = previous && previous.status !== story.status ? 'status' : null;
    // The version is dated by the save, not by when this runs behind it.
    const savedAt = story.updatedAt;
    const task = this.locks
      .run(story.id, async () => {
        const due = reason ?? ((await this.lastKeptAt(story.id)) + this.intervalMs <= Date.parse(savedAt) ? 'autosave' : null);
        if (due) await this.write(story, due, savedAt);
      })
      .catch((error) => this.options.log.error(`could not keep a version of story ${story.id}`, error));
    this.running.add(task);
    void task.finally(() => this.running.delete(task));
  }

  /** Keeps a version of the story as it is now, unless the newest version already holds this revision. */
  keep(story: Story, reason: VersionReason): Promise<VersionEntry> {
    return this.locks.run(story.id, async () => {
      const newest = (await this.list(story.id))[0];
      if (newest?.revision === story.revision && reason !== 'restore') return newest;
      return this.write(story, reason, this.now().toISOString());
    });
  }

  /** The story's versions, newest first. */
  async list(id: string): Promise<VersionEntry[]> {
    let text: string;
    try {
      text = await this.fs.readFile(join(this.folder(id), logFileName), 'utf8');
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
    const entries: VersionEntry[] = [];
    for (const line of text.split('\n')) {
      // A line cut short by a crash names a version that may be half there: it is left out.
      const parsed = line ? versionEntrySchema.safeParse(safeJson(line)) : null;
      if (parsed?.success) entries.push(parsed.data);
    }
    return entries.reverse();
  }

  /** The story as it was in one version. */
  async get(id: string, versionId: string): Promise<Story> {
    const safeId = versionIdSchema.parse(versionId);
    let text: string;
    try {
      text = await this.fs.readFile(join(this.folder(id), `${safeId}.json`), 'utf8');
    } catch (error) {
      if (isNotFound(error)) throw new DatelineError('not_found', `story ${id} has no version ${versionId}`);
      throw error;
    }
    const parsed = storySchema.safeParse(migrateStory(safeJson(text)));
    if (!parsed.success) throw new DatelineError('storage_failed', `version ${versionId} of story ${id} is damaged`);
    return parsed.data;
  }

  /** Settles once the versions due after the saves so far are written. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }

  private folder(id: string): string {
    return join(this.options.dataDir, historyFolder, id);
  }

  private async lastKeptAt(id: string): Promise<number> {
    let at = this.lastKept.get(id);
    if (at === undefined) {
      const newest = (await this.list(id))[0];
      at = newest ? Date.parse(newest.savedAt) : -Infinity;
      this.lastKept.set(id, at);
    }
    return at;
  }

  private async write(story: Story, reason: VersionReason, savedAt: string): Promise<VersionEntry> {
    const entry: VersionEntry = {
      versionId: versionIdOf(story.revision, savedAt),
      revision: story.revision,
      savedAt,
      reason,
      words: countWords(`${story.headline}\n${story.sapo}\n${plainText(story.body)}`),
    };
    const folder = this.folder(story.id);
    await this.fs.mkdir(folder, { recursive: true });
    await writeFileAtomically(this.fs, join(folder, `${entry.versionId}.json`), JSON.stringify(story));
    // The version's file is whole before the line that lists it is written.
    let log: FileHandle | null = null;
    try {
      log = await this.fs.open(join(folder, logFileName), 'a');
      await log.write(`${JSON.stringify(entry)}\n`);
      await log.datasync();
    } finally {
      await log?.close();
    }
    this.lastKept.set(story.id, Date.parse(savedAt));
    return entry;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
