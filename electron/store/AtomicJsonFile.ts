import { basename } from 'node:path';
import type { Adapter } from 'lowdb';
import { isNotFound, realFileSystem, type FileSystem } from './fileSystem';
import { writeFileAtomically } from './writeFileAtomically';

export { tempSuffix } from './writeFileAtomically';

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

/**
 * A lowdb adapter that never leaves a half-written file (see writeFileAtomically). lowdb's own TextFile writer
 * renames but does not fsync.
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

  write(data: T): Promise<void> {
    return writeFileAtomically(this.fs, this.path, JSON.stringify(data, null, 1));
  }
}
