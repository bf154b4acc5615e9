import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { readBackup } from './verifyBackup';

/** fsyncs at a time: a restore of 10,000 stories is limited by the disk's flushes, which overlap well. */
const syncBatch = 32;

/**
 * Unpacks a backup into `folder` (empty, beside the data folder), checking every entry's CRC again as it goes,
 * then fsyncs every file and folder so the unpacked library is on the disk before it may replace the old one.
 */
export async function extractBackup(zipPath: string, folder: string): Promise<void> {
  const root = resolve(folder);
  const files: string[] = [];
  const folders = new Set<string>([root]);
  await readBackup(zipPath, async (name, data) => {
    const target = resolve(root, ...name.split('/'));
    // yauzl already refuses names that climb out; this is the second lock on the same door.
    if (target !== root && !target.startsWith(root + sep)) throw new Error(`${name} points outside the library`);
    if (name.endsWith('/')) {
      await mkdir(target, { recursive: true });
      folders.add(target);
      return;
    }
    await mkdir(dirname(target), { recursive: true });
    for (let at = dirname(target); at.startsWith(root); at = dirname(at)) folders.add(at);
    await writeFile(target, data, { flag: 'wx' });
    files.push(target);
  });
  await syncAll(files, 'r');
  // Deepest folders first, so each folder's entry is durable in its parent after its own contents are.
  if (process.platform !== 'win32') await syncAll([...folders].sort((a, b) => relative(root, b).length - relative(root, a).length), 'r');
}

async function syncAll(paths: string[], flags: string): Promise<void> {
  for (let start = 0; start < paths.length; start += syncBatch) {
    await Promise.all(
      paths.slice(start, start + syncBatch).map(async (path) => {
        const handle = await open(path, flags);
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
      }),
    );
  }
}

/**
 * The restored library's settings.json keeps the backup folder in use now: restoring an older backup must not
 * send tomorrow's backups to a folder the reporter has since stopped using.
 */
export async function keepBackupFolderSetting(folder: string, backupFolder: string): Promise<void> {
  const path = join(folder, 'settings.json');
  let settings: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) settings = parsed as Record<string, unknown>;
  } catch {
    // No settings, or damaged ones: the store falls back to defaults for everything else, as it always does.
  }
  if (settings.backupFolder === backupFolder) return;
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(JSON.stringify({ ...settings, backupFolder }, null, 2));
    await handle.sync();
  } finally {
    await handle.close();
  }
}
