import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Quarantine } from '../library/Quarantine';
import type { Logger } from '../log/Logger';
import { isNotFound, type FileSystem } from '../store/fileSystem';
import { writeFileAtomically } from '../store/writeFileAtomically';
import { openSearchIndex, searchIndexFileName, serializeSearchIndex } from './searchIndexFile';
import { StorySearch } from './StorySearch';

export interface SearchIndexSaverOptions {
  /** Writes once the index has been quiet this long… */
  quietMs?: number;
  /** …or this long after the first unsaved change, whichever comes first, so steady typing still saves it. */
  maxWaitMs?: number;
}

/**
 * Keeps search-index.bin close behind the index in memory. Writing the whole index takes tens of milliseconds,
 * so it is never part of a save: a save re-indexes its story in memory, and the file follows a few seconds
 * later. What a crash loses here is found through the story revisions when the library next opens.
 */
export class SearchIndexSaver {
  private timer: NodeJS.Timeout | null = null;
  private firstChange = 0;
  private writing: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly dataDir: string,
    private readonly fs: FileSystem,
    private readonly search: StorySearch,
    private readonly log: Logger,
    private readonly options: SearchIndexSaverOptions = {},
  ) {
    search.onChange(() => this.changed());
  }

  get path(): string {
    return join(this.dataDir, searchIndexFileName);
  }

  /**
   * The saved index, ready to search, or an empty one when there is none or it cannot be read (it is then
   * rebuilt from the stories). `complete()` reads the story word sequences, left until the library is open.
   */
  static async load(dataDir: string, fs: FileSystem, log: Logger, quarantine: Quarantine): Promise<{ search: StorySearch; complete: () => Promise<void> }> {
    const path = join(dataDir, searchIndexFileName);
    // Derived data, rebuilt from the stories; the damaged file is still moved aside, never written over.
    const setAside = (error: unknown) => quarantine.moveAside(path, `the search index was damaged and is rebuilt from the stories: ${(error as Error).message}`);
    const rebuild = async (error: unknown) => {
      if (!isNotFound(error)) {
        log.warn(`the search index at ${path} could not be read and is rebuilt from the stories: ${(error as Error).message}`);
        await setAside(error);
      }
      return { search: new StorySearch(), complete: () => Promise.resolve() };
    };
    let handle: FileHandle;
    try {
      handle = await fs.open(path, 'r');
      if (!(await handle.stat()).isFile()) {
        await handle.close();
        return rebuild(new Error('a folder stands in its place'));
      }
    } catch (error) {
      return rebuild(error);
    }
    const read = async (at: number, length: number) => {
      const bytes = Buffer.alloc(length);
      const { bytesRead } = await handle.read(bytes, 0, length, at);
      if (bytesRead !== length) throw new Error('search index is truncated');
      return bytes;
    };
    try {
      const opened = await openSearchIndex(read, (await handle.stat()).size);
      const search = new StorySearch(opened.parts);
      const complete = () =>
        opened
          .readWords()
          .then(() => search.wordsLoaded())
          .catch(async (error) => {
            // Too late to start over empty: drop every entry, so the repair re-indexes each story from its file.
            log.warn(`the search index did not hold together and is rebuilt from the stories: ${(error as Error).message}`);
            search.clear();
            search.wordsLoaded();
            await setAside(error);
          })
          .finally(() => handle.close());
      return { search, complete };
    } catch (error) {
      await handle.close();
      return rebuild(error);
    }
  }

  /** Writes the index now if it has changed since the last write. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      this.writing = this.writing.then(() => this.write());
    }
    return this.writing;
  }

  /** Writes what is pending and stops following changes. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }

  private changed(): void {
    if (this.closed) return;
    const now = Date.now();
    if (!this.timer) this.firstChange = now;
    else clearTimeout(this.timer);
    const wait = Math.min(this.options.quietMs ?? 3_000, Math.max(0, this.firstChange + (this.options.maxWaitMs ?? 30_000) - now));
    this.timer = setTimeout(() => void this.flush(), wait);
    // A pending index write must not keep a finished process alive; the revisions repair what it did not write.
    this.timer.unref();
  }

  private async write(): Promise<void> {
    try {
      // Derived data, rebuilt from the stories when it is lost or stale: no fsync to compete with the saves'.
      await writeFileAtomically(this.fs, this.path, serializeSearchIndex(this.search.parts()), { durable: false });
    } catch (error) {
      this.log.warn(`could not save the search index (it is rebuilt when the library opens): ${(error as Error).message}`);
    }
  }
}
