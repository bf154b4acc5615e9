import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { isNotFound, realFileSystem, type FileSystem } from './fileSystem';

/** Thrown when a file exists but does not hold JSON; the store moves such files aside. */
export class CorruptFileError extends Error {
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(`${basename(path)} is not valid JSON: ${(cause as Error).message}`);
    this.name = 'CorruptFileError';
  }
}

export const tempSuffix = '.tmp';

/**
 * A lowdb adapter that never leaves a half-written file: each write goes to a temp file in the same folder,
 * which is fsynced, renamed over the original, and then the folder itself is fsynced so the rename survives
 * a power cut. lowdb's own TextFile writer renames but does not fsync.
 */
export class AtomicJsonFile<T> implements Adapter<T> {
  constructor(
    readonly path: string,
    private readonly fs: FileSystem = realFileSystem,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await this.fs.readFile(this.path, 'utf8');
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new CorruptFileError(this.path, error);
    }
  }

  async write(data: T): Promise<void> {
    const folder = dirname(this.path);
    const temp = join(folder, `.${basename(this.path)}.${randomBytes(6).toString('hex')}${tempSuffix}`);
    try {
      const handle = await this.fs.open(temp, 'w');
      try {
        await handle.writeFile(JSON.stringify(data, null, 1), 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await this.fs.rename(temp, this.path);
    } catch (error) {
      await this.fs.rm(temp, { force: true }).catch(() => undefined);
      throw error;
    }
    await syncFolder(this.fs, folder);
  }
}

async function syncFolder(fs: FileSystem, folder: string): Promise<void> {
  // Windows cannot open a directory for fsync; there the rename is already durable enough.
  if (process.platform === 'win32') return;
  const handle = await fs.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
