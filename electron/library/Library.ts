import { DatelineError } from '../../shared/api/DatelineError';
import type { Logger } from '../log/Logger';
import type { FileSystem } from '../store/fileSystem';
import { DataFolderLock } from './DataFolderLock';

/** What a library opens into: every service on one data folder, closed together (the folder's lock aside). */
export interface OpenLibrary {
  /** Writes what is still only in memory and lets go of the folder's files; the lock is the Library's. */
  close(): Promise<void>;
}

/** What opening a library is given: the data folder's lock, and the way to replace the folder under itself. */
export interface LibraryContext {
  lock: DataFolderLock;
  /** See Library.replace: the backup restore swaps the data folder through this. */
  replace(change: () => Promise<void>): Promise<void>;
}

export interface LibraryOptions<S extends OpenLibrary> {
  dataDir: string;
  fs?: FileSystem;
  log: Logger;
  /** Opens every service on the data folder (createServices' openServices). Run again after each replace. */
  open: (context: LibraryContext) => Promise<S>;
}

/**
 * The open library's lifecycle: opening it (under the data folder's lock), closing it, and replacing it while the
 * app runs (a backup restore now; later a switch of data folder). The transports never hold the services
 * themselves: they hold this, and reach `services` per call, so after a replace every call meets the library
 * that is open now. Calls the transports make are counted (`run`): a replace refuses new ones and waits for those
 * under way, so a save half-written into the old folder never lands in the new one.
 */
export class Library<S extends OpenLibrary> {
  private current: S;
  private active = 0;
  private paused = false;
  private readonly idle: (() => void)[] = [];

  private constructor(
    private readonly options: LibraryOptions<S>,
    private readonly lock: DataFolderLock,
    private readonly context: LibraryContext,
    opened: S,
  ) {
    this.current = opened;
  }

  /**
   * Takes the data folder's lock, then opens the services. The lock comes first: the recovery of an interrupted
   * restore, which opening runs, must not run under a library another process has open.
   */
  static async open<S extends OpenLibrary>(options: LibraryOptions<S>): Promise<Library<S>> {
    const lock = await DataFolderLock.acquire(options.dataDir, { fs: options.fs, log: options.log });
    let library: Library<S> | null = null;
    const context: LibraryContext = {
      lock,
      replace: (change) => {
        if (!library) throw new Error('the library is still opening');
        return library.replace(change);
      },
    };
    try {
      const opened = await options.open(context);
      library = new Library(options, lock, context, opened);
      return library;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /** The services of the library open now; after a replace, those of the new one. */
  get services(): S {
    return this.current;
  }

  /** Runs one call against the open library, counted; refused while the library is being replaced. */
  async run<T>(task: () => T | Promise<T>): Promise<T> {
    if (this.paused) throw new DatelineError('unavailable', 'the library is being restored from a backup; try again in a moment');
    this.active += 1;
    try {
      return await task();
    } finally {
      this.active -= 1;
      if (this.active === 0) for (const resolve of this.idle.splice(0)) resolve();
    }
  }

  /**
   * Replaces the library under the running app: stops taking calls and waits for those under way, closes the
   * services (keeping the lock, which `change` carries over with the folder), runs `change`, which replaces the
   * data folder, and opens the services again on what is there, whether or not `change` succeeded. Calls are
   * taken again once the new services are open.
   */
  async replace(change: () => Promise<void>): Promise<void> {
    this.paused = true;
    try {
      if (this.active > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
      await this.current.close();
      try {
        await change();
      } finally {
        this.current = await this.options.open(this.context);
      }
    } finally {
      this.paused = false;
    }
  }

  /** Closes the services, then lets go of the data folder's lock. */
  async close(): Promise<void> {
    try {
      await this.current.close();
    } finally {
      await this.lock.release();
    }
  }
}
