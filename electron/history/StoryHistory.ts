import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DatelineError } from '../../shared/api/DatelineError';
import { versionEntrySchema, versionIdOf, versionIdSchema, type VersionEntry, type VersionReason } from '../../shared/history/historySchema';
import { plainText } from '../../shared/story/storyDocument';
import { storyContentFields, storySchema, type Story, type StoryChanges } from '../../shared/story/storySchema';
import { countStoryWords } from '../../shared/text/countStoryWords';
import { countWords } from '../../shared/text/countWords';
import { Quarantine } from '../library/Quarantine';
import type { Logger } from '../log/Logger';
import { isNotFound, type FileSystem } from '../store/fileSystem';
import { KeyedLock } from '../store/KeyedLock';
import { migrateStory } from '../store/migrations/migrateStory';
import type { StoryStore } from '../store/StoryStore';
import { storageError } from '../store/storageError';
import { writeFileAtomically } from '../store/writeFileAtomically';

export interface StoryHistoryOptions {
  dataDir: string;
  fs: FileSystem;
  log: Logger;
  now?: () => Date;
  /** Where a damaged list of versions or version file is moved aside; the data folder's own by default. */
  quarantine?: Quarantine;
  /** Editing keeps at most one version per this many milliseconds. @default 5 minutes */
  intervalMs?: number;
  /**
   * The story store, once open (the history opens first, since the store reads damaged stories back from it):
   * `versionsOf` and `keepCurrent` check the id and read the story through it, and `restore` saves through it.
   */
  stories?: () => Pick<StoryStore, 'requireKnown' | 'get' | 'update'>;
}

const historyFolder = 'history';
const logFileName = 'versions.jsonl';
const defaultInterval = 5 * 60_000;

/** A line of versions.jsonl: the entry, and when its stretch of editing began. */
const logLineSchema = versionEntrySchema.extend({ since: z.iso.datetime() });
type LogLine = z.infer<typeof logLineSchema>;

/** Lines beyond this many times the versions they describe make the log be rewritten without the old ones. */
const logSlack = 4;

/**
 * Every story's earlier versions, beside the story files: history/<story id>/ holds one file per version and
 * versions.jsonl, a line per change to the list. Keeping a version writes one file and appends one line, so a
 * story with 500 versions saves as fast as a new one, and neither the story file nor the index grows with it.
 *
 * Versions are coalesced by stretches of editing: the newest autosave version follows every save until it is
 * five minutes old, so the list always ends with the words last saved, and a new version starts after that.
 * A change of status, publishing, a restore and the reporter's "save a version" each keep a version of their
 * own and end the stretch. An empty story keeps none: there is nothing in it to lose.
 */
export class StoryHistory {
  private readonly fs: FileSystem;
  private readonly now: () => Date;
  private readonly intervalMs: number;
  private readonly madeFolders = new Set<string>();
  private readonly locks = new KeyedLock();
  /** Each story's newest log line (null: none yet), and how many lines its log holds, once read. */
  private readonly newest = new Map<string, { line: LogLine | null; lines: number; versions: number }>();
  private readonly running = new Set<Promise<unknown>>();
  private readonly quarantine: Quarantine;

  constructor(private readonly options: StoryHistoryOptions) {
    this.fs = options.fs;
    this.now = options.now ?? (() => new Date());
    this.intervalMs = options.intervalMs ?? defaultInterval;
    this.quarantine = options.quarantine ?? new Quarantine(options.dataDir, options.fs, options.log, this.now);
  }

  /**
   * Called after every save, behind it: keeps a version when one is due. The save has already reached the
   * disk, so a version lost to a crash here loses no words.
   */
  saved(story: Story, previous: Story | null): void {
    const statusChanged = previous !== null && previous.status !== story.status;
    // The version is dated by the save, not by when this runs behind it.
    const savedAt = story.updatedAt;
    const task = this.locks
      .run(story.id, async () => {
        const { line } = await this.state(story.id);
        // A revision a version already holds (a restore keeps its own) needs nothing more.
        if (line && story.revision <= line.revision) return;
        if (statusChanged) return void (await this.write(story, 'status', savedAt));
        const words = wordsOf(story);
        if (!hasText(story) && !removesMuch(previous, line, words, story)) return;
        // A save that takes out much of the text ends the stretch: its version would otherwise be brought up to
        // this save and the text it held would be nowhere any more.
        const stretchOpen =
          line?.reason === 'autosave' && Date.parse(savedAt) - Date.parse(line.since) < this.intervalMs && !removesMuch(previous, line, words, story);
        await this.write(story, 'autosave', savedAt, stretchOpen ? line : null, words);
      })
      .catch((error) => this.options.log.error(`could not keep a version of story ${story.id}`, error));
    this.running.add(task);
    void task.finally(() => this.running.delete(task));
  }

  /**
   * Keeps a version of the story as it is now. When the newest version already holds this revision it is
   * returned as it is, except that the reporter's "save a version", or the editor's keeping the text before a big
   * deletion, turns an autosave into a kept version.
   */
  keep(story: Story, reason: VersionReason): Promise<VersionEntry> {
    return this.locks.run(story.id, async () => {
      try {
        return await this.keepNow(story, reason);
      } catch (error) {
        throw storageError(error, `could not keep a version of story ${story.id}`);
      }
    });
  }

  private async keepNow(story: Story, reason: VersionReason): Promise<VersionEntry> {
    const { line } = await this.state(story.id);
    const now = this.now().toISOString();
    if (line?.revision === story.revision && reason !== 'restore') {
      // Kept by hand or before a big deletion, the open stretch's version becomes one of its own: the next save
      // starts a new stretch instead of overwriting it.
      if ((reason === 'manual' || reason === 'beforeBigDelete') && line.reason === 'autosave') return this.write(story, reason, now, line);
      return entryOf(line);
    }
    return this.write(story, reason, now);
  }

  /**
   * Brings a version back as a new revision of the story. Nothing is overwritten: the story as it is now is
   * a version already (the newest autosave follows every save) or becomes one first, and the restored text is
   * a version of its own.
   */
  restore(id: string, versionId: string, stories: Pick<StoryStore, 'get' | 'update'> = this.storyStore()): Promise<Story> {
    return this.locks.run(id, async () => {
      const version = await this.get(id, versionId);
      const current = await stories.get(id);
      const { line } = await this.state(id);
      if (line?.revision !== current.revision) await this.write(current, 'autosave', this.now().toISOString());
      const restored = await stories.update(id, current.revision, contentOf(version));
      await this.write(restored, 'restore', this.now().toISOString());
      return restored;
    });
  }

  /** The versions of a story the store knows, newest first; an unknown id is `not_found`. */
  versionsOf(id: string): Promise<VersionEntry[]> {
    this.storyStore().requireKnown(id);
    return this.list(id);
  }

  /** Keeps the story as it is saved now as a version (see keep). */
  async keepCurrent(id: string, reason: VersionReason): Promise<VersionEntry> {
    return this.keep(await this.storyStore().get(id), reason);
  }

  private storyStore(): Pick<StoryStore, 'requireKnown' | 'get' | 'update'> {
    const stories = this.options.stories?.();
    if (!stories) throw new Error('StoryHistory was opened without the story store');
    return stories;
  }

  /** The story's versions, newest first. */
  list(id: string): Promise<VersionEntry[]> {
    // Under the story's lock: reading may repair the log, which must not cross a version being written.
    return this.locks.run(id, async () => [...(await this.readLog(id)).values()].reverse().map(entryOf));
  }

  /** The story as it was in one version. */
  async get(id: string, versionId: string): Promise<Story> {
    const safeId = versionIdSchema.parse(versionId);
    const path = join(this.folder(id), `${safeId}.json`);
    let text: string | null = null;
    try {
      text = await this.fs.readFile(path, 'utf8');
    } catch (error) {
      if (isNotFound(error)) throw new DatelineError('not_found', `story ${id} has no version ${versionId}`);
      if ((error as NodeJS.ErrnoException).code !== 'EISDIR') throw storageError(error, `could not read version ${versionId} of story ${id}`);
    }
    const parsed = storySchema.safeParse(migrateStory(safeJson(text ?? '')));
    if (parsed.success && parsed.data.id === id) return parsed.data;
    // Moved aside, and the list no longer names it: the other versions stay usable.
    await this.quarantine.moveAside(path, `version ${versionId} of story ${id} is damaged`);
    this.newest.delete(id);
    throw new DatelineError('not_found', `version ${versionId} of story ${id} was damaged and has been moved to the quarantine folder`);
  }

  /**
   * The newest version of the story that still reads, for putting back a story file found damaged: the newest
   * autosave version follows every save, so it holds the words last saved, or close to them.
   */
  newestCopy(id: string): Promise<Story | null> {
    return this.locks.run(id, async () => {
      const versions = [...(await this.readLog(id)).values()].reverse();
      for (const version of versions) {
        const story = await this.get(id, version.versionId).catch(() => null);
        if (story?.id === id) return story;
      }
      return null;
    });
  }

  /** Settles once the versions due after the saves so far are written. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }

  private folder(id: string): string {
    return join(this.options.dataDir, historyFolder, id);
  }

  /**
   * The log's versions in order, each as its last line says (a version that follows saves has several). The log
   * only lists the version files, which are each written whole before their line: a log that does not read
   * (damaged, cut short, a folder in its place) is moved aside and written again from those files, and a
   * version file the log does not name (a crash between the two) is added to it.
   */
  private async readLog(id: string): Promise<Map<string, LogLine>> {
    const folder = this.folder(id);
    const logPath = join(folder, logFileName);
    let text: string | null = null;
    let damage: string | null = null;
    try {
      text = await this.fs.readFile(logPath, 'utf8');
    } catch (error) {
      if (!isNotFound(error)) damage = (error as Error).message;
    }
    const versions = new Map<string, LogLine>();
    let lines = 0;
    for (const [i, raw] of (text ?? '').split('\n').entries()) {
      if (!raw) continue;
      const parsed = logLineSchema.safeParse(safeJson(raw));
      if (!parsed.success) {
        damage ??= `line ${i + 1} does not read`;
        continue;
      }
      lines++;
      versions.delete(parsed.data.versionId);
      versions.set(parsed.data.versionId, parsed.data);
    }
    if (text && !text.endsWith('\n')) damage ??= 'its last line was cut short';
    const { unlisted, missing } = await this.compareWithFiles(id, versions);
    if (text === '' && unlisted.length) damage ??= 'it was empty';
    for (const versionId of missing) versions.delete(versionId);
    if (damage || unlisted.length || missing.length) {
      if (damage) await this.quarantine.moveAside(logPath, `the list of versions of story ${id} was damaged (${damage}); it is written again from the version files`);
      for (const line of unlisted) versions.set(line.versionId, line);
      const ordered = [...versions.values()].sort((a, b) => a.savedAt.localeCompare(b.savedAt));
      versions.clear();
      for (const line of ordered) versions.set(line.versionId, line);
      await writeFileAtomically(this.fs, logPath, ordered.map((line) => `${JSON.stringify(line)}\n`).join(''));
      lines = versions.size;
      this.options.log.warn(`history of story ${id}: ${unlisted.length} version files added to its list, ${missing.length} no longer there dropped`);
    }
    this.newest.set(id, { line: [...versions.values()].at(-1) ?? null, lines, versions: versions.size });
    return versions;
  }

  /**
   * Log lines for the version files the log does not name (a version file that does not read is moved aside),
   * and the versions it names whose files are gone (moved aside when found damaged).
   */
  private async compareWithFiles(id: string, listed: Map<string, LogLine>): Promise<{ unlisted: LogLine[]; missing: string[] }> {
    let names: string[];
    try {
      names = await this.fs.readdir(this.folder(id));
    } catch (error) {
      if (isNotFound(error)) return { unlisted: [], missing: [...listed.keys()] };
      throw error;
    }
    const onDisk = new Set(names);
    const missing = [...listed.keys()].filter((versionId) => !onDisk.has(`${versionId}.json`));
    const found: LogLine[] = [];
    for (const name of names) {
      const versionId = name.endsWith('.json') ? name.slice(0, -5) : '';
      if (!versionIdSchema.safeParse(versionId).success || listed.has(versionId)) continue;
      const path = join(this.folder(id), name);
      let story: Story | null = null;
      try {
        const parsed = storySchema.safeParse(migrateStory(safeJson(await this.fs.readFile(path, 'utf8'))));
        story = parsed.success ? parsed.data : null;
      } catch {
        // a folder in its place, or unreadable: moved aside below like a damaged one
      }
      if (!story || story.id !== id) {
        await this.quarantine.moveAside(path, `version ${versionId} of story ${id} is damaged`);
        continue;
      }
      const savedAt = savedAtOf(versionId);
      // Dated long ago as a stretch, so no save is ever taken to continue it and write over it.
      found.push({ versionId, revision: story.revision, savedAt, reason: 'autosave', words: wordsOf(story), since: new Date(0).toISOString() });
    }
    return { unlisted: found, missing };
  }

  private async state(id: string) {
    if (!this.newest.has(id)) await this.readLog(id);
    return this.newest.get(id)!;
  }

  /** Writes a version: a new one, or the open stretch's version (same id) brought up to this save. */
  private async write(story: Story, reason: VersionReason, savedAt: string, stretch: LogLine | null = null, words = wordsOf(story)): Promise<VersionEntry> {
    const line: LogLine = {
      versionId: stretch?.versionId ?? versionIdOf(story.revision, savedAt),
      revision: story.revision,
      savedAt,
      reason,
      words,
      since: stretch?.since ?? savedAt,
    };
    const folder = this.folder(story.id);
    // Once per story and run: a rolling version is rewritten behind every save.
    if (!this.madeFolders.has(story.id)) {
      await this.fs.mkdir(folder, { recursive: true });
      this.madeFolders.add(story.id);
    }
    // Bringing the open stretch's version up to a save copies words the story file already holds durably:
    // that write skips the fsyncs, which kept the disk busy behind every save. A version of its own is synced.
    const durable = stretch === null;
    await writeFileAtomically(this.fs, join(folder, `${line.versionId}.json`), JSON.stringify(story), { durable });
    // The version's file is whole before the line that lists it is written.
    let log: FileHandle | null = null;
    try {
      log = await this.fs.open(join(folder, logFileName), 'a');
      await log.write(`${JSON.stringify(line)}\n`);
      if (durable) await log.datasync();
    } finally {
      await log?.close();
    }
    const state = await this.state(story.id);
    const versions = state.versions + (stretch ? 0 : 1);
    this.newest.set(story.id, { line, lines: state.lines + 1, versions });
    if (state.lines + 1 > Math.max(64, versions * logSlack)) await this.compactLog(story.id);
    return entryOf(line);
  }

  /** Rewrites the log with one line per version, once saves have added many lines for the same ones. */
  private async compactLog(id: string): Promise<void> {
    const versions = await this.readLog(id);
    const text = [...versions.values()].map((line) => `${JSON.stringify(line)}\n`).join('');
    await writeFileAtomically(this.fs, join(this.folder(id), logFileName), text);
    this.newest.set(id, { line: [...versions.values()].at(-1) ?? null, lines: versions.size, versions: versions.size });
  }
}

/** What a restore brings back: the text and its details, not the status, the dates or the trash. */
function contentOf(story: Story): StoryChanges {
  return Object.fromEntries(storyContentFields.filter((field) => story[field] !== undefined).map((field) => [field, story[field]])) as StoryChanges;
}

function entryOf({ versionId, revision, savedAt, reason, words }: LogLine): VersionEntry {
  return { versionId, revision, savedAt, reason, words };
}

/** The moment a version id records: r12-20261204T182027123Z is 2026-12-04T18:20:27.123Z. */
function savedAtOf(versionId: string): string {
  const t = versionId.slice(versionId.indexOf('-') + 1);
  return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(9, 11)}:${t.slice(11, 13)}:${t.slice(13, 15)}.${t.slice(15, 18)}Z`;
}

/**
 * Whether a save takes out more than half of the words the newest version holds, or all of a field that had text:
 * the kind of change a careless keystroke makes, after which the text before it must still be somewhere.
 */
function removesMuch(previous: Story | null, newest: LogLine | null, words: number, story: Story): boolean {
  if (newest && words * 2 < newest.words) return true;
  if (!previous) return false;
  return (
    (previous.headline.trim() !== '' && story.headline.trim() === '') ||
    (previous.sapo.trim() !== '' && story.sapo.trim() === '') ||
    (plainText(previous.body).trim() !== '' && plainText(story.body).trim() === '')
  );
}

/** The story's chữ as every place counts them (the sapo and the body), shown beside each version. */
function wordsOf(story: Story): number {
  return countStoryWords(story);
}

/** Whether there is anything to keep: a story with only a headline is worth a version, though it counts no chữ. */
function hasText(story: Story): boolean {
  return countWords(`${story.headline}\n${story.sapo}\n${plainText(story.body)}`) > 0;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
