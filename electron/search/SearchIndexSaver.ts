import { join } from 'node:path';
import type { Logger } from '../log/Logger';
import { isNotFound, type FileSystem } from '../store/fileSystem';
import { writeFileAtomically } from '../store/writeFileAtomically';
import { deserializeSearchIndex, searchIndexFileName, serializeSearchIndex } from './searchIndexFile';
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

  /** The saved index, or an empty one when there is none or it cannot be read (it is rebuilt from the stories). */
  static async load(dataDir: string, fs: FileSystem, log: Logger): Promise<StorySearch> {
    const path = join(dataDir, searchIndexFileName);
    try {
      return new StorySearch(deserializeSearchIndex(await fs.readFile(path)));
    } catch (error) {
      if (!isNotFound(error)) log.warn(`the search index at ${path} could not be read and is rebuilt from the stories: ${(error as Error).message}`);
      return new StorySearch();
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
      await writeFileAtomically(this.fs, this.path, serializeSearchIndex(this.search.parts()));
    } catch (error) {
      this.log.warn(`could not save the search index (it is rebuilt when the library opens): ${(error as Error).message}`);
    }
  }
}
