import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { storySummarySchema, type StorySummary } from '../../shared/story/storySchema';
import type { Logger } from '../log/Logger';
import { AtomicJsonFile } from './AtomicJsonFile';
import { KeyedLock } from './KeyedLock';
import { isNotFound, type FileSystem } from './fileSystem';

/**
 * Bumped whenever the summary's shape changes; an index of another version is rebuilt, not migrated.
 * 6: summaries carry the publish time, embargo and deadline, for the calendar.
 */
const indexVersion = 6;

export interface IndexFile {
  schemaVersion: typeof indexVersion;
  stories: StorySummary[];
}

/** The snapshot's outline, checked before the library opens; each summary is checked in full just after. */
const snapshotOutlineSchema = z.object({ schemaVersion: z.literal(indexVersion), stories: z.array(z.unknown()) });

/** Summaries checked per turn of the event loop while the library is already open. */
const verifyBatch = 500;

const indexFileName = 'index.json';
const journalFileName = 'index.journal';

const journalEntrySchema = z.union([
  z.object({ writing: z.string() }),
  z.object({ put: storySummarySchema }),
  z.object({ delete: z.string() }),
]);
type JournalEntry = z.infer<typeof journalEntrySchema>;

/** After this many journal lines the snapshot is rewritten and the journal starts again. */
const defaultCompactAfter = 2_000;

export interface IndexLoad {
  /** False when the snapshot is missing or from another version, so the index must be rebuilt. */
  loaded: boolean;
  /** Stories a write had begun on when the app last stopped: their summaries must be read from their files. */
  unsure: string[];
  /** What is wrong with a journal that could not be replayed, so it is moved aside before a new one starts. */
  damagedJournal: string | null;
  /**
   * The journal's last line was cut short: the rest was replayed, and the file is moved aside and the snapshot
   * written again, so no later line is glued to the cut one.
   */
  journalCutShort?: boolean;
}

/**
 * The story summaries that let the library open without reading every story. It is derived data: the story
 * files are the truth, and a lost or damaged index is rebuilt from them.
 *
 * On disk it is a snapshot (index.json) plus a journal (index.journal) of the changes since. A save appends one
 * line instead of rewriting the summaries of the whole library, which at 10,000 stories took 130 ms. Before a
 * story file is written, a durable "writing" line names it, so a crash between the story and its summary is
 * repaired from the file when the library opens.
 */
export class StoryIndex {
  private readonly snapshot: Low<IndexFile>;
  private readonly byId = new Map<string, StorySummary>();
  private readonly writing = new Set<string>();
  private journal: FileHandle | null = null;
  private journalLines = 0;
  /** Journal appends and compaction, one at a time, in order. */
  /** The snapshot and the journal are written one task at a time, in the order asked. */
  private readonly writes = new KeyedLock();
  private compacting = false;
  private unverified: unknown[] = [];

  constructor(
    private readonly dataDir: string,
    private readonly fs: FileSystem,
    private readonly log: Logger,
    private readonly compactAfter = defaultCompactAfter,
  ) {
    this.snapshot = new Low(new AtomicJsonFile<IndexFile>(join(dataDir, indexFileName), fs, { compact: true, asciiOnly: true }), { schemaVersion: indexVersion, stories: [] });
  }

  get path(): string {
    return (this.snapshot.adapter as AtomicJsonFile<IndexFile>).path;
  }

  get journalPath(): string {
    return join(this.dataDir, journalFileName);
  }

  /** Reads the snapshot and replays the journal over it. Throws when the snapshot is unreadable or malformed. */
  async load(): Promise<IndexLoad> {
    const raw = await this.snapshot.adapter.read();
    if (raw === null) return { loaded: false, unsure: [], damagedJournal: null };
    const version = (raw as { schemaVersion?: unknown }).schemaVersion;
    // An index of another version is rebuilt over; anything else in its place is damage, to be moved aside.
    if (typeof version !== 'number') throw new Error('the file is not a story index');
    if (version !== indexVersion) return { loaded: false, unsure: [], damagedJournal: null };
    // Checking 10,000 summaries in full took a fifth of the open; they were written by this class, atomically,
    // so the library opens on the outline check and verify() checks the rest straight after.
    const outline = snapshotOutlineSchema.parse(raw);
    if (!outline.stories.every((s) => typeof (s as { id?: unknown } | null)?.id === 'string')) throw new Error('a summary in the index has no id');
    this.unverified = outline.stories;
    this.replaceAll(outline.stories as StorySummary[]);
    const replayed = await this.replayJournal();
    if ('damaged' in replayed) return { loaded: false, unsure: [], damagedJournal: replayed.damaged };
    return { loaded: true, unsure: replayed.unsure, damagedJournal: null, journalCutShort: replayed.cutShort ?? false };
  }

  /**
   * Checks every summary the snapshot held against the schema, a batch per turn of the event loop.
   * Returns what is wrong with the first bad one, or null.
   */
  async verify(): Promise<string | null> {
    const summaries = this.unverified;
    this.unverified = [];
    for (let start = 0; start < summaries.length; start += verifyBatch) {
      for (const summary of summaries.slice(start, start + verifyBatch)) {
        const checked = storySummarySchema.safeParse(summary);
        if (!checked.success) return `${(summary as { id?: string }).id ?? '?'}: ${checked.error.issues[0]?.path.join('.')} ${checked.error.issues[0]?.message}`;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    return null;
  }

  replaceAll(summaries: Iterable<StorySummary>): void {
    this.byId.clear();
    for (const summary of summaries) this.byId.set(summary.id, summary);
  }

  get(id: string): StorySummary | undefined {
    return this.byId.get(id);
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  all(): StorySummary[] {
    return [...this.byId.values()];
  }

  /** Replaces one summary in memory; the next compact() writes it. */
  set(summary: StorySummary): void {
    this.byId.set(summary.id, summary);
  }

  /** Notes, durably, that the story's file is about to be written. */
  beginWrite(id: string): Promise<void> {
    this.writing.add(id);
    return this.append([{ writing: id }], true);
  }

  /** The story's file is written: its summary replaces the old one, in memory and in the journal. */
  async commit(summary: StorySummary): Promise<void> {
    this.byId.set(summary.id, summary);
    this.writing.delete(summary.id);
    await this.append([{ put: summary }], false);
  }

  /** The write failed; its "writing" line stays, and only makes the next open re-read that file. */
  abandon(id: string): void {
    this.writing.delete(id);
  }

  async delete(id: string): Promise<void> {
    this.byId.delete(id);
    await this.append([{ delete: id }], false);
  }

  /** Rewrites the snapshot from memory and empties the journal. */
  compact(): Promise<void> {
    return this.enqueue(async () => {
      this.snapshot.data = { schemaVersion: indexVersion, stories: this.all() };
      await this.snapshot.write();
      await this.closeJournal();
      const handle = await this.fs.open(this.journalPath, 'w');
      this.journal = handle;
      this.journalLines = 0;
      // Writes under way keep their "writing" lines, or a crash now would leave their summaries unchecked.
      if (this.writing.size) await this.writeLines([...this.writing].map((id) => ({ writing: id })), true);
    });
  }

  close(): Promise<void> {
    return this.enqueue(() => this.closeJournal());
  }

  private append(entries: JournalEntry[], durable: boolean): Promise<void> {
    const appended = this.enqueue(async () => {
      this.journal ??= await this.fs.open(this.journalPath, 'a');
      await this.writeLines(entries, durable);
    });
    // The caller handles a failed append (a full disk: the save answers storage_failed). This derived promise
    // needs its own handler too, or that same failure is an unhandled rejection, which ends a Node 20 process.
    appended.then(
      () => {
        if (this.journalLines < this.compactAfter || this.compacting) return;
        this.compacting = true;
        this.compact()
          .catch((error) => this.log.error('could not rewrite the story index', error))
          .finally(() => (this.compacting = false));
      },
      () => undefined,
    );
    return appended;
  }

  private async writeLines(entries: JournalEntry[], durable: boolean): Promise<void> {
    await this.journal!.write(entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
    if (durable) await this.journal!.datasync();
    this.journalLines += entries.length;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    return this.writes.run('index', task);
  }

  private async closeJournal(): Promise<void> {
    const handle = this.journal;
    this.journal = null;
    await handle?.close();
  }

  /** The stories left unsure, or what is wrong when damage leaves no way to tell which summaries to trust. */
  private async replayJournal(): Promise<{ unsure: string[]; cutShort?: boolean } | { damaged: string }> {
    let text: string;
    try {
      text = await this.fs.readFile(this.journalPath, 'utf8');
    } catch (error) {
      if (isNotFound(error)) return { unsure: [] };
      return { damaged: (error as Error).message };
    }
    const unsure = new Set<string>();
    const cutShort = text.length > 0 && !text.endsWith('\n');
    const lines = text.split('\n').filter(Boolean);
    for (const [i, line] of lines.entries()) {
      let entry: JournalEntry;
      try {
        entry = journalEntrySchema.parse(JSON.parse(line));
      } catch {
        // A last line cut short (a power cut mid-write) loses nothing: its story's "writing" line, synced before
        // the story was written, already makes the open re-read it. Any other bad line could have said anything.
        if (cutShort && i === lines.length - 1) continue;
        this.log.warn(`story index journal: line ${i + 1} is damaged; the index is rebuilt from the story files`);
        return { damaged: `line ${i + 1} is damaged` };
      }
      if ('writing' in entry) unsure.add(entry.writing);
      else if ('put' in entry) {
        unsure.delete(entry.put.id);
        // An old line replayed over a newer snapshot (a crash between the snapshot and the journal's reset) loses.
        if ((this.byId.get(entry.put.id)?.revision ?? 0) <= entry.put.revision) this.byId.set(entry.put.id, entry.put);
      } else {
        unsure.delete(entry.delete);
        this.byId.delete(entry.delete);
      }
    }
    this.journalLines = lines.length;
    return { unsure: [...unsure], cutShort };
  }
}
