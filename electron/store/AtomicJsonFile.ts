import { isAscii } from 'node:buffer';
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
    /**
     * Story files are indented for a person to read. The index of 10,000 summaries is written for speed:
     * compact, and ASCII only (other characters as \u escapes), because decoding megabytes of UTF-8 took
     * longer than parsing them.
     */
    private readonly format: { compact?: boolean; asciiOnly?: boolean } = {},
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      const bytes = await this.fs.readFile(this.path);
      text = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
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
    const text = JSON.stringify(data, null, this.format.compact ? undefined : 1);
    return writeFileAtomically(this.fs, this.path, this.format.asciiOnly ? escapeNonAscii(text) : text);
  }
}

/** JSON with every character beyond ASCII written as a \u escape: the same value, read back without decoding. */
function escapeNonAscii(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
