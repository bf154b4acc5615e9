import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { FileSystem } from './fileSystem';

export const tempSuffix = '.tmp';

/**
 * Writes a file so that it is never seen half-written: the data goes to a temp file in the same folder, which
 * is fsynced and renamed over the original, and then the folder itself is fsynced so the rename survives a
 * power cut. On failure the temp file is removed and the original is untouched. `durable: false` skips the
 * fsyncs, for a copy of data that is durable elsewhere: still whole or absent after a crash, never half-written.
 */
export async function writeFileAtomically(
  fs: FileSystem,
  path: string,
  data: string | Buffer,
  // `mode` is the new file's from its creation (a secret is never readable by others, even as the temp file).
  { durable = true, mode }: { durable?: boolean; mode?: number } = {},
): Promise<void> {
  const folder = dirname(path);
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}${tempSuffix}`);
  try {
    const handle = await fs.open(temp, 'w', mode);
    try {
      await handle.writeFile(data);
      if (durable) await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, path);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  if (durable) await syncFolder(fs, folder);
}

/** fsyncs a folder, so a rename or a new file in it survives a power cut. */
export async function syncFolder(fs: FileSystem, folder: string): Promise<void> {
  // Windows cannot open a directory for fsync; there the rename is already durable enough.
  if (process.platform === 'win32') return;
  const handle = await fs.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
