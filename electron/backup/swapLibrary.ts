import { copyFile, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { lockFileName } from '../library/DataFolderLock';
import type { Logger } from '../log/Logger';
import { realFileSystem } from '../store/fileSystem';
import { syncFolder } from '../store/writeFileAtomically';

/**
 * A restore replaces the data folder with a library unpacked beside it. Three names, all siblings of the data
 * folder so that every move is a rename on one file system, which is atomic:
 *
 * - `staging`: the backup, unpacked and fsynced, before it becomes the library;
 * - `aside`: the library being replaced, between the two renames and until the swap is finished;
 * - `marker`: written (fsynced) once `staging` is complete, removed once the swap is finished.
 *
 * At every instant one complete library is reachable: the data folder, or, while the marker exists, `aside`
 * (old) or `staging` (new). `finishInterruptedRestore` runs before the library opens and completes or undoes a
 * swap a crash stopped. And before any of this, the library being replaced was zipped into the backup folder.
 */
export function restorePaths(dataDir: string): { staging: string; aside: string; marker: string } {
  const parent = dirname(dataDir);
  const name = basename(dataDir);
  return {
    staging: join(parent, `.${name}.restoring`),
    aside: join(parent, `.${name}.replaced`),
    marker: join(parent, `.${name}.restore.json`),
  };
}

/** Folders of the machine rather than of the library: they stay when the library is replaced. */
const carriedOver = ['logs', 'quarantine', 'webhost-token'];

/** Swaps the completely unpacked `staging` in as the data folder. The services must be closed. */
export async function swapInStagedLibrary(dataDir: string, log: Logger): Promise<void> {
  const { staging, aside, marker } = restorePaths(dataDir);
  const parent = dirname(dataDir);
  // The library's lock file goes with it (DataFolderLock), so a process starting mid-swap finds it still owned.
  await copyFile(join(dataDir, lockFileName), join(staging, lockFileName)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  const handle = await open(marker, 'w');
  try {
    await handle.writeFile(JSON.stringify({ restoring: basename(dataDir), at: new Date().toISOString() }));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await syncFolder(realFileSystem, parent);
  await rename(dataDir, aside);
  try {
    await rename(staging, dataDir);
  } catch (error) {
    // Nothing is lost: put the library back where it was and forget the restore.
    await rename(aside, dataDir);
    await rm(marker, { force: true });
    throw error;
  }
  await syncFolder(realFileSystem, parent);
  await finishSwap(dataDir, log);
}

/** After the second rename: carry the log and the quarantine over, then drop the replaced folder and the marker. */
async function finishSwap(dataDir: string, log: Logger): Promise<void> {
  const { aside, marker } = restorePaths(dataDir);
  for (const folder of carriedOver) {
    if (!(await exists(join(aside, folder)))) continue;
    // The restored library has none of its own (backups leave them out), unless a log line was written meanwhile.
    await rm(join(dataDir, folder), { recursive: true, force: true });
    await rename(join(aside, folder), join(dataDir, folder));
  }
  await syncFolder(realFileSystem, dirname(dataDir));
  // The replaced library is in its own zip, made and verified before the swap began.
  await rm(marker, { force: true });
  await rm(aside, { recursive: true, force: true });
  log.info(`library restored; the library it replaced is kept as a backup`);
}

export type RecoveryOutcome = 'none' | 'undone' | 'completed';

/**
 * Runs before the library opens. With no marker, only leftovers of a finished or abandoned restore are removed.
 * With one, the existence of `aside` (made by the first, atomic, rename) says which side of the swap a crash
 * stopped on: without it the data folder was never touched, so the restore is undone; with it the restore is
 * completed. A data folder found empty-but-for-a-log (the logger makes `logs/` as the app starts) is moved
 * aside, never deleted.
 */
export async function finishInterruptedRestore(dataDir: string, log: Logger): Promise<RecoveryOutcome> {
  const { staging, aside, marker } = restorePaths(dataDir);
  if (!(await exists(marker))) {
    await rm(staging, { recursive: true, force: true });
    await rm(aside, { recursive: true, force: true });
    return 'none';
  }
  if (!(await exists(aside))) {
    await rm(staging, { recursive: true, force: true });
    await rm(marker, { force: true });
    log.warn('a restore was interrupted before it changed the library; the library is as it was');
    return 'undone';
  }
  if (await exists(staging)) {
    // The logger may make `<data>/logs` again at any moment while the app starts, so a few tries.
    for (let attempt = 1; ; attempt += 1) {
      if (await exists(dataDir)) {
        const stray = `${aside}.stray-${Date.now()}-${attempt}`;
        await rename(dataDir, stray);
        log.warn(`moved a folder made while a restore was interrupted to ${stray}`);
      }
      try {
        await rename(staging, dataDir);
        break;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (attempt >= 5 || (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EPERM')) throw error;
      }
    }
    await syncFolder(realFileSystem, dirname(dataDir));
  }
  await finishSwap(dataDir, log);
  log.warn('a restore was interrupted part-way; it has been completed');
  return 'completed';
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
}

/** Where the backup is unpacked; `finishInterruptedRestore` (or the next restore) clears what a failure leaves. */
export async function freshStagingFolder(dataDir: string): Promise<string> {
  const { staging, marker } = restorePaths(dataDir);
  if (await exists(marker)) throw new Error('a restore is already under way');
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  return staging;
}
