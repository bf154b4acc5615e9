import { crc32 } from 'node:zlib';
import { openPromise, type Entry, type ZipFile } from 'yauzl';
import { DatelineError } from '../../shared/api/DatelineError';

export interface BackupContents {
  /** Story files in the zip. */
  stories: number;
  /** The name of every entry, each read back whole. */
  names: Set<string>;
}

export interface VerifyOptions {
  /**
   * Also require a `stories/` folder whose every file parses as JSON. Off for the copy of the library a restore
   * is about to replace: that library may be the damaged one, and it is kept as it is.
   */
  checkStories?: boolean;
}

const storyEntry = /^stories\/[^/]+\.json$/;

/**
 * Reads every entry of a backup zip in full, one at a time, and checks its CRC-32 (yauzl gives the stored value
 * but leaves checking it to the caller), the local header's name against the central directory's, and the
 * sizes. `visit` sees each entry's checked bytes. Any fault is a DatelineError naming the file and the entry.
 */
export async function readBackup(path: string, visit: (name: string, data: Buffer) => Promise<void> | void): Promise<void> {
  let zip: ZipFile;
  try {
    // yauzl refuses absolute names, `..` and backslashes (strictFileNames), so no entry can point outside.
    zip = await openPromise(path, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true, autoClose: false });
  } catch (error) {
    throw damaged(path, (error as Error).message);
  }
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (error: Error) => reject(damaged(path, error.message)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        readEntry(zip, entry)
          .then((data) => visit(entry.fileName, data))
          .then(() => zip.readEntry())
          .catch((error: unknown) => reject(error instanceof DatelineError ? error : damaged(path, `${entry.fileName}: ${(error as Error).message}`)));
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

async function readEntry(zip: ZipFile, entry: Entry): Promise<Buffer> {
  if (entry.fileName.endsWith('/')) return Buffer.alloc(0);
  const header = await zip.readLocalFileHeaderPromise(entry);
  if (!header.fileName.equals(entry.fileNameRaw)) throw new Error('the local header names another file');
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let crc = 0;
  for await (const chunk of stream) {
    crc = crc32(chunk as Buffer, crc);
    chunks.push(chunk as Buffer);
  }
  if (crc >>> 0 !== entry.crc32 >>> 0) throw new Error('its checksum does not match: the data is damaged');
  return Buffer.concat(chunks);
}

/** Checks a backup end to end without writing anything. */
export async function verifyBackup(path: string, { checkStories = true }: VerifyOptions = {}): Promise<BackupContents> {
  let stories = 0;
  let storiesFolder = false;
  const names = new Set<string>();
  await readBackup(path, (name, data) => {
    names.add(name);
    if (name.startsWith('stories/')) storiesFolder = true;
    if (!checkStories || !storyEntry.test(name)) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(data.toString('utf8'));
    } catch {
      throw damaged(path, `${name} is not valid JSON`);
    }
    if (typeof parsed !== 'object' || parsed === null || (parsed as { id?: unknown }).id !== name.slice('stories/'.length, -'.json'.length)) {
      throw damaged(path, `${name} is not a story`);
    }
    stories += 1;
  });
  if (checkStories && !storiesFolder) throw damaged(path, 'it holds no stories/ folder');
  return { stories, names };
}

function damaged(path: string, why: string): DatelineError {
  const name = path.split(/[\\/]/).pop();
  return new DatelineError('invalid_input', `the backup ${name} is damaged or is not a Dateline backup (${why}); nothing was changed`, { fileName: name, reason: 'damaged' });
}
