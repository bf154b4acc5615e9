import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { DatelineError } from '../../shared/api/DatelineError';
import {
  emptyDoc,
  storySchema,
  storySchemaVersion,
  summarizeStory,
  type Story,
  type StoryChanges,
  type StorySummary,
  storySummarySchema,
} from '../../shared/story/storySchema';
import { nfcDeep } from '../../shared/text/normalizeText';
import { Quarantine } from '../library/Quarantine';
import type { Logger } from '../log/Logger';
import { AtomicJsonFile, CorruptFileError, tempSuffix } from './AtomicJsonFile';
import { isNotFound, realFileSystem, type FileSystem } from './fileSystem';
import { KeyedLock } from './KeyedLock';
import { migrateStory } from './migrations/migrateStory';
import { StoryIndex } from './StoryIndex';
import { storageError } from './storageError';
import { welcomeStory } from './welcomeStory';

export interface StoryStoreOptions {
  dataDir: string;
  log: Logger;
  /** Where a damaged story file, index or journal is moved aside; the data folder's own by default. */
  quarantine?: Quarantine;
  fs?: FileSystem;
  now?: () => Date;
  /** A library on a read-only disk: opened for reading, with nothing repaired on disk. */
  readOnly?: boolean;
  /** The story as last kept elsewhere (its newest history version), to put back a story file found damaged. */
  lastKnownCopy?: (id: string) => Promise<Story | null>;
  /** Journal lines after which the index snapshot is rewritten (see StoryIndex). */
  journalLimit?: number;
}

export interface ListOptions {
  cursor?: string;
  limit?: number;
  trashed?: boolean;
}

const storiesFolder = 'stories';
const defaultPageSize = 100;

/**
 * The only writer of story files. Each story is its own lowdb JSON file under `stories/`, so saving one story
 * rewrites that file and the summary index, never the library.
 */
export class StoryStore {
  private readonly fs: FileSystem;
  private readonly now: () => Date;
  private readonly log: Logger;
  private readonly index: StoryIndex;
  private readonly locks = new KeyedLock();
  private readonly quarantine: Quarantine;
  private readonly readOnly: boolean;
  private readonly lastKnownCopy: (id: string) => Promise<Story | null>;
  private readonly savedListeners = new Set<(story: Story, previous: Story | null) => void>();
  private verification: Promise<void> = Promise.resolve();
  /** The content hash of each story file as this store last wrote it, to notice a file changed by another program. */
  private readonly writtenHashes = new Map<string, string>();

  private constructor(private readonly dataDir: string, options: StoryStoreOptions) {
    this.fs = options.fs ?? realFileSystem;
    this.now = options.now ?? (() => new Date());
    this.log = options.log;
    this.quarantine = options.quarantine ?? new Quarantine(dataDir, this.fs, this.log, this.now);
    this.readOnly = options.readOnly ?? false;
    this.lastKnownCopy = options.lastKnownCopy ?? (() => Promise.resolve(null));
    this.index = new StoryIndex(dataDir, this.fs, this.log, options.journalLimit);
  }

  static async open(options: StoryStoreOptions): Promise<StoryStore> {
    const store = new StoryStore(options.dataDir, options);
    await store.load();
    store.verification = store.verifyIndex().catch((error) => store.log.error('could not check the story index', error));
    return store;
  }

  /** Settles once every summary loaded from the index has been checked (and the index rebuilt if one was bad). */
  indexVerified(): Promise<void> {
    return this.verification;
  }

  /**
   * Called with each story once it is on disk, and the story as it was before (null for a new one), so derived
   * data (the search index, the history) follows every save.
   */
  onSaved(listener: (story: Story, previous: Story | null) => void): () => void {
    this.savedListeners.add(listener);
    return () => this.savedListeners.delete(listener);
  }

  /** Every story, read one at a time from its file, for building derived data from scratch. */
  async *all(): AsyncGenerator<Story> {
    for (const id of this.index.ids()) {
      const story = await this.locks.run(id, () => this.readStory(id)).catch(() => null);
      if (story) yield story;
    }
  }

  /** Every summary, live and trashed. */
  summaries(): StorySummary[] {
    return this.index.all();
  }

  summary(id: string): StorySummary | undefined {
    return this.index.get(id);
  }

  /** Refuses an id the library does not hold, from memory, without reading the story's file. */
  requireKnown(id: string): void {
    if (!this.index.get(id)) throw new DatelineError('not_found', `no story with id ${id}`);
  }

  /** For each photo, the stories (in the trash too, since they can come back) that use it. */
  mediaUsage(): Map<string, string[]> {
    const usage = new Map<string, string[]>();
    for (const summary of this.index.all()) {
      for (const id of summary.mediaIds) usage.set(id, [...(usage.get(id) ?? []), summary.id]);
    }
    return usage;
  }

  list({ cursor, limit = defaultPageSize, trashed = false }: ListOptions = {}): { items: StorySummary[]; nextCursor?: string; total: number } {
    const offset = cursor === undefined ? 0 : Number(cursor);
    if (!Number.isInteger(offset) || offset < 0) throw new DatelineError('invalid_input', `cursor "${cursor}" is not one this list gave out`);
    const matching = this.index
      .all()
      .filter((summary) => (summary.trashedAt !== null) === trashed)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
    const items = matching.slice(offset, offset + limit);
    const end = offset + items.length;
    return end < matching.length ? { items, nextCursor: String(end), total: matching.length } : { items, total: matching.length };
  }

  async get(id: string): Promise<Story> {
    // Under the story's lock: a damaged file is put back from history by a write, which must not cross a save.
    const story = await this.locks.run(id, () => this.readStory(id));
    if (!story) throw new DatelineError('not_found', `no story with id ${id}`);
    return story;
  }

  async create(changes: StoryChanges): Promise<Story> {
    const at = this.now().toISOString();
    const story: Story = storySchema.parse({
      schemaVersion: storySchemaVersion,
      id: randomUUID(),
      kicker: '',
      headline: '',
      sapo: '',
      body: emptyDoc,
      status: 'draft',
      category: '',
      tags: [],
      bylines: [],
      dateline: '',
      source: '',
      ednote: '',
      storyType: 'tin',
      featuredImage: null,
      ...nfcDeep(changes),
      createdAt: at,
      updatedAt: at,
      revision: 1,
      trashedAt: null,
    });
    await this.locks.run(story.id, () => this.writeStory(story, null));
    return story;
  }

  update(id: string, baseRevision: number, changes: StoryChanges): Promise<Story> {
    return this.modify(id, (current) => {
      if (current.revision !== baseRevision) {
        throw new DatelineError(
          'conflict',
          `story ${id} was saved elsewhere: it is at revision ${current.revision}, this change was based on ${baseRevision}`,
          { currentRevision: current.revision },
        );
      }
      return { ...current, ...nfcDeep(changes) };
    });
  }

  trash(id: string): Promise<Story> {
    return this.modify(id, (current) => ({ ...current, trashedAt: current.trashedAt ?? this.now().toISOString() }));
  }

  restore(id: string): Promise<Story> {
    return this.modify(id, (current) => ({ ...current, trashedAt: null }));
  }

  /**
   * A workflow move, saved like any change (so the history keeps a 'status' version and search follows).
   * `decide` sees the story as it is on disk, inside the story's lock, and returns it moved, or throws to refuse
   * with nothing written.
   */
  transition(id: string, decide: (current: Story, at: string) => Story): Promise<Story> {
    return this.modify(id, (current) => decide(current, this.now().toISOString()));
  }

  /**
   * Deletes a trashed story's file for good. Only the backup service calls it, for a story 30 days in the trash
   * that a backup already holds; a story not in the trash is refused.
   */
  purge(id: string): Promise<void> {
    return this.locks.run(id, async () => {
      const current = await this.readStory(id);
      if (!current) throw new DatelineError('not_found', `no story with id ${id}`);
      if (current.trashedAt === null) throw new DatelineError('conflict', `story ${id} is not in the trash`);
      await this.fs.rm(this.storyPath(id));
      await this.index.delete(id);
    });
  }

  private modify(id: string, change: (current: Story) => Story): Promise<Story> {
    return this.locks.run(id, async () => {
      const read = await this.readStoryFile(id);
      if (!read) throw new DatelineError('not_found', `no story with id ${id}`);
      const current = read.story;
      const written = this.writtenHashes.get(id);
      const hash = written === undefined ? undefined : contentHash(read.raw);
      if (hash !== undefined && hash !== written) await this.keepOutsideChange(current, hash);
      const next = storySchema.parse({ ...change(current), revision: current.revision + 1, updatedAt: this.now().toISOString() });
      await this.writeStory(next, current);
      return next;
    });
  }

  private storyPath(id: string): string {
    return join(this.dataDir, storiesFolder, `${id}.json`);
  }

  private storyFile(id: string): Low<Story | null> {
    return new Low<Story | null>(new AtomicJsonFile<Story | null>(this.storyPath(id), this.fs), null);
  }

  private async writeStory(story: Story, previous: Story | null, { notify = true } = {}): Promise<void> {
    const file = this.storyFile(story.id);
    file.data = story;
    try {
      await this.index.beginWrite(story.id);
      await file.write();
    } catch (error) {
      this.index.abandon(story.id);
      throw storageError(error, `could not save story ${story.id}`);
    }
    this.writtenHashes.set(story.id, contentHash(story));
    // The story is durable now. A failed journal line is only logged: the summary is in memory, and the
    // "writing" line makes the next open read it from the story file.
    await this.index.commit(summarizeStory(story)).catch((error) => this.log.error('could not update the story index', error));
    if (notify) for (const listener of this.savedListeners) listener(story, previous);
  }

  /**
   * Another program (a sync client, a second copy of the app) changed the file since this store wrote it. Its
   * version is kept as a story of its own before anything is written over it, and the save is refused as a
   * conflict, so the reporter sees it; their next save (keep mine) goes through.
   */
  private async keepOutsideChange(theirs: Story, hash: string): Promise<never> {
    const at = this.now().toISOString();
    const copy: Story = storySchema.parse({
      ...theirs,
      id: randomUUID(),
      headline: `${conflictPrefix}${theirs.headline}`,
      ednote: [conflictNote(theirs.id, at), theirs.ednote].filter(Boolean).join('\n'),
      createdAt: at,
      updatedAt: at,
      revision: 1,
    });
    await this.writeStory(copy, null);
    this.writtenHashes.set(theirs.id, hash);
    this.log.warn(`story ${theirs.id} was changed outside Dateline; that version is kept as story ${copy.id}`);
    throw new DatelineError('conflict', `story ${theirs.id} was changed outside Dateline; that version is kept as a story of its own`, {
      currentRevision: theirs.revision,
      conflictCopyId: copy.id,
    });
  }

  /** Lets go of the index journal; the store takes no more writes. */
  async close(): Promise<void> {
    await this.verification;
    await this.index.close();
  }

  /** Rebuilds the summaries from the story files when the snapshot held one that is not a valid summary. */
  private async verifyIndex(): Promise<void> {
    const problem = await this.index.verify();
    if (!problem) return;
    this.log.warn(`the story index held a malformed summary (${problem}); it is rebuilt from the story files`);
    const folder = join(this.dataDir, storiesFolder);
    const onDisk = new Set((await this.fs.readdir(folder)).filter((name) => name.endsWith('.json') && !name.startsWith('.')).map((name) => name.slice(0, -5)));
    for (const id of onDisk) {
      const story = await this.readStory(id);
      // A save made meanwhile has already put a newer summary in place.
      if (story && !((this.index.get(id)?.revision ?? 0) > story.revision)) this.index.set(summarizeStory(story));
    }
    this.index.replaceAll(this.index.all().filter((summary) => onDisk.has(summary.id) && storySummarySchema.safeParse(summary).success));
    await this.index.compact();
  }

  /** Reads and validates one story file; a damaged one is quarantined and reads as missing. */
  private async readStory(id: string): Promise<Story | null> {
    return (await this.readStoryFile(id))?.story ?? null;
  }

  /** The story, and the file's content as parsed (`raw`), for telling a change made outside the app from our own. */
  private async readStoryFile(id: string): Promise<{ story: Story; raw: unknown } | null> {
    const file = this.storyFile(id);
    try {
      await file.read();
      if (file.data === null) return null;
      const parsed = storySchema.safeParse(migrateStory(file.data));
      // A copy of another story's file under this name (a sync client, a hand copy) would be saved through to
      // that story, history and all: it is moved aside instead.
      if (parsed.success && parsed.data.id === id) return { story: parsed.data, raw: file.data };
      const reason = parsed.success ? `the file holds story ${parsed.data.id}, not ${id}` : `not a valid story: ${parsed.error.issues[0]?.message ?? 'unknown'}`;
      await this.moveAside(this.storyPath(id), reason);
    } catch (error) {
      if (error instanceof CorruptFileError) await this.moveAside(error.path, error.message);
      else if (isDirectory(error)) await this.moveAside(this.storyPath(id), 'a folder stands where the story file should be');
      else throw storageError(error, `could not read story ${id}`);
    }
    const rescued = this.readOnly ? null : await this.putBack(id);
    if (rescued) return { story: rescued, raw: rescued };
    if (this.index.get(id)) await this.index.delete(id).catch((error) => this.log.error('could not update the index', error));
    return null;
  }

  /** Writes the story's newest kept version in place of its damaged file (moved aside already), if there is one. */
  private async putBack(id: string): Promise<Story | null> {
    const copy = await this.lastKnownCopy(id).catch((error) => {
      this.log.error(`could not read the history of story ${id}`, error);
      return null;
    });
    if (!copy) return null;
    try {
      await this.writeStory(copy, null, { notify: false });
    } catch (error) {
      this.log.error(`could not put story ${id} back from its history`, error);
      return null;
    }
    this.log.warn(`story ${id} was put back from its newest version in history (revision ${copy.revision})`);
    return copy;
  }


  private async load(): Promise<void> {
    const folder = join(this.dataDir, storiesFolder);
    const isNewLibrary = !(await exists(this.fs, folder));
    if (isNewLibrary && this.readOnly) return;
    await this.fs.mkdir(folder, { recursive: true });
    const fileNames = await this.fs.readdir(folder);
    if (!this.readOnly) await this.removeLeftoverTempFiles(folder, fileNames);
    const idsOnDisk = new Set(fileNames.filter((name) => name.endsWith('.json') && !name.startsWith('.')).map((name) => name.slice(0, -5)));

    let indexLoaded = false;
    let unsure: string[] = [];
    let journalCutShort = false;
    try {
      let damagedJournal: string | null;
      ({ loaded: indexLoaded, unsure, damagedJournal, journalCutShort = false } = await this.index.load());
      if (damagedJournal) await this.moveAside(this.index.journalPath, `the story index journal was damaged and the index is rebuilt: ${damagedJournal}`);
      if (journalCutShort && !this.readOnly) await this.moveAside(this.index.journalPath, 'the story index journal ended in a line cut short; the rest was read');
    } catch (error) {
      await this.moveAside(this.index.path, `the story index was unreadable and is rebuilt: ${(error as Error).message}`);
    }
    if (!indexLoaded) this.index.replaceAll([]);

    // The index is derived data. Re-read the entries that disagree with the folder, or that a write was under
    // way on when the app stopped: all of them when it is lost.
    const stale = this.index.ids().filter((id) => !idsOnDisk.has(id));
    const unsureIds = new Set(unsure);
    const reread = new Set([...idsOnDisk].filter((id) => !this.index.get(id) || unsureIds.has(id)));
    const fresh: StorySummary[] = [];
    for (const id of reread) {
      const story = await this.readStory(id);
      if (story) fresh.push(summarizeStory(story));
    }
    if (stale.length || reread.size || !indexLoaded || journalCutShort) {
      const kept = this.index.all().filter((summary) => idsOnDisk.has(summary.id) && !reread.has(summary.id));
      this.index.replaceAll([...kept, ...fresh]);
      if (indexLoaded) this.log.warn(`story index repaired: ${reread.size} re-read, ${stale.length} removed`);
      else if (idsOnDisk.size) this.log.warn(`story index rebuilt from ${idsOnDisk.size} story files`);
      // Derived data: on a read-only disk it lives in memory, and a failed write is rebuilt at the next open.
      if (!this.readOnly) await this.index.compact().catch((error) => this.log.error('could not write the rebuilt story index', error));
    }

    if (isNewLibrary) await this.create(welcomeStory);
  }

  private async removeLeftoverTempFiles(folder: string, fileNames: string[]): Promise<void> {
    // A temp file is only ever the unfinished half of a write whose original is still intact.
    for (const name of fileNames.filter((n) => n.endsWith(tempSuffix))) {
      await this.fs.rm(join(folder, name), { force: true });
    }
  }

  private async moveAside(path: string, reason: string): Promise<void> {
    try {
      await this.quarantine.moveAside(path, reason);
    } catch (error) {
      throw storageError(error, `could not move ${path} aside`);
    }
  }
}

function isDirectory(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EISDIR';
}

async function exists(fs: FileSystem, path: string): Promise<boolean> {
  try {
    await fs.stat(path);
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

/** What marks a kept conflict copy in the library; the story's language is the newsroom's. */
const conflictPrefix = '[Bản sửa ngoài Dateline] ';
const conflictNote = (id: string, at: string) => `Bản này được sửa bởi một chương trình khác và được giữ lại lúc ${at} khi Dateline lưu bài ${id}.`;

/** A hash of a story file's content as parsed, so reformatting alone does not count as a change. */
function contentHash(data: unknown): string {
  return createHash('sha1').update(JSON.stringify(data)).digest('hex');
}
