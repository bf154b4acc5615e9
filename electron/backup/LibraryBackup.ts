import { mkdir, readdir, realpath, rm, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import type { MethodOutput } from '../../shared/api/contract';
import { DatelineError } from '../../shared/api/DatelineError';
import { storageError } from '../store/storageError';
import { isTrashExpired } from '../../shared/backup/trashRetention';
import type { Logger } from '../log/Logger';
import type { SettingsStore } from '../settings/SettingsStore';
import type { StoryStore } from '../store/StoryStore';
import { tempSuffix } from '../store/writeFileAtomically';
import { backupFileName, backupsIn, parseBackupName, planRetention, type BackupName, type BackupOrigin } from './backupRetention';
import { extractBackup, keepBackupFolderSetting } from './extractBackup';
import { freshStagingFolder, restorePaths, swapInStagedLibrary } from './swapLibrary';
import { readBackup, verifyBackup } from './verifyBackup';
import { isTempFile, zipLibrary } from './zipLibrary';

export type BackupItem = MethodOutput<'backup.create'>;
export type RestoreResult = MethodOutput<'backup.restore'>;

const hour = 3_600_000;
/** "Every day": a backup is due once the newest automatic one is this old. */
const backupInterval = 24 * hour;
/** The timer looks again at least this often, so a laptop waking from sleep is not a day late. */
const longestWait = hour;

export interface LibraryBackupOptions {
  dataDir: string;
  settings: SettingsStore;
  stories: StoryStore;
  log: Logger;
  now: () => Date;
  /**
   * Stops the API's calls and waits for those under way, closes every service, runs `swap` (which replaces the
   * data folder), and opens the services again on it (Library.replace): the only way to let go of a library its
   * services hold open.
   */
  replaceLibrary: (swap: () => Promise<void>) => Promise<void>;
  /** Told of each story purged from the trash, so derived data (the search index) can forget it. */
  onPurged?: (id: string) => void;
}

/**
 * The daily backup of the whole library, its retention, the restore, and the purge of the trash.
 *
 * Backups are zips in one folder (the `backupFolder` setting, by default beside the data folder) and are named
 * by the pattern of backupRetention.ts; only names of that pattern are listed, restored or deleted. Everything
 * this service does to that folder or to the data folder runs one task at a time.
 */
export class LibraryBackup {
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private wake: (() => void) | null = null;
  private stopped = false;
  private swapping = false;
  /**
   * The entries of each backup this service has written or read back whole, by its path: the trash purge looks
   * here before reading a zip again (the daily run verifies the backup it makes, then purges).
   */
  private readonly checked = new Map<string, Set<string>>();
  /** Settles when the backup and trash purge that follow the library's opening are done (or were not due). */
  startup: Promise<void> = Promise.resolve();

  constructor(private readonly options: LibraryBackupOptions) {}

  /**
   * Where backups go when the reporter has chosen nowhere: `<data folder>-backups` beside the data folder. Beside
   * it, not in it, so a backup never zips its own folder and survives the data folder being deleted; named after
   * it, so two libraries on one machine (or two test runs) never share, and never prune, each other's backups.
   */
  static defaultFolder(dataDir: string): string {
    const data = resolve(dataDir);
    return join(dirname(data), `${basename(data)}-backups`);
  }

  /** The backup folder, made if missing; refused when it lies inside the library it would back up. */
  async folder(): Promise<string> {
    const configured = this.options.settings.get().backupFolder.trim();
    if (configured && !isAbsolute(configured)) throw new DatelineError('invalid_input', `the backup folder must be a full path, not "${configured}"`);
    const folder = resolve(configured || LibraryBackup.defaultFolder(this.options.dataDir));
    const data = resolve(this.options.dataDir);
    if (isInside(folder, data)) throw insideLibrary(folder, data);
    try {
      // A chosen folder is made only where its parent exists: an unplugged USB drive must not turn into a
      // folder of the same name on the laptop's own disk.
      await mkdir(folder, { recursive: !configured });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new DatelineError('storage_failed', `the backup folder ${folder} cannot be used (is the drive plugged in?): ${(error as Error).message}`, { folder });
      }
    }
    if (isInside(await realpath(folder), await realpath(data))) throw insideLibrary(folder, data);
    return folder;
  }

  async list(): Promise<{ folder: string; items: BackupItem[] }> {
    const folder = await this.folder();
    const names = await readdir(folder);
    const plan = planRetention(names, this.options.settings.get().timeZone);
    const items: BackupItem[] = [];
    for (const backup of backupsIn(names)) {
      const info = await stat(join(folder, backup.fileName)).catch(() => null);
      if (info?.isFile()) items.push(this.item(backup, info.size, plan.keep.get(backup.fileName)));
    }
    return { folder, items };
  }

  /** "Sao lưu ngay": a backup now, whatever the time of the last one. */
  create(): Promise<BackupItem> {
    return this.exclusive(() => this.make('manual'));
  }

  /** Makes the daily backup if the newest automatic one is a day old (or there is none); otherwise null. */
  runIfDue(): Promise<BackupItem | null> {
    return this.exclusive(async () => {
      if (!this.isDue(await this.newestAutomatic())) return null;
      return this.make('auto');
    });
  }

  /**
   * The backup at start-up and daily after: once `libraryReady` settles and `delayMs` more have passed (so the
   * window and the search index come first), a backup if one is due, then the trash purge, then a timer for
   * the next. The timer is unref'd: it never keeps a process alive.
   */
  start(libraryReady: Promise<unknown>, delayMs: number): void {
    this.startup = libraryReady
      .then(() => this.sleep(delayMs))
      .then(async (awake) => {
        if (!awake) return;
        await this.runDaily();
        this.scheduleNext();
      });
  }

  /** Stops the timer and waits for a backup under way; used by Services.close(). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.wake?.();
    // A restore closes the services from inside this queue; waiting for it there would wait for itself.
    if (!this.swapping) await this.queue.catch(() => undefined);
  }

  /**
   * Replaces the library with a backup. In order, and nothing is changed until the last step:
   * 1. the zip is checked end to end: every entry's CRC, a stories/ folder, every story file parses;
   * 2. the current library is zipped as a backup of its own (`…-before-restore.zip`) and that zip is checked;
   * 3. the backup is unpacked beside the data folder and fsynced;
   * 4. the API stops taking calls and lets those under way finish, the services close, the unpacked library is
   *    swapped in by two renames (see swapLibrary.ts), and the services open again on it (Library.replace).
   */
  restore(fileName: string): Promise<RestoreResult> {
    const backup = parseBackupName(fileName);
    if (!backup || basename(fileName) !== fileName) throw new DatelineError('invalid_input', `"${fileName}" is not the name of a Dateline backup`);
    return this.exclusive(async () => {
      const folder = await this.folder();
      const path = join(folder, fileName);
      if (!(await stat(path).then((info) => info.isFile(), () => false))) throw new DatelineError('not_found', `there is no backup ${fileName} in ${folder}`);
      const { stories, names } = await verifyBackup(path);
      this.checked.set(path, names);
      const keptAs = await this.make('before-restore');
      const staging = await freshStagingFolder(this.options.dataDir);
      try {
        await extractBackup(path, staging);
        await keepBackupFolderSetting(staging, this.options.settings.get().backupFolder);
      } catch (error) {
        await rm(staging, { recursive: true, force: true });
        throw storageError(error, `could not unpack the backup ${fileName}; the library is unchanged`);
      }
      this.swapping = true;
      try {
        await this.options.replaceLibrary(() => swapInStagedLibrary(this.options.dataDir, this.options.log));
      } catch (error) {
        throw storageError(error, `could not restore the backup ${fileName}`);
      } finally {
        this.swapping = false;
      }
      this.options.log.info(`restored ${stories} stories from ${fileName}; the replaced library is kept as ${keptAs.fileName}`);
      return { restored: true as const, stories, keptAs: keptAs.fileName };
    });
  }

  /**
   * "Trashed stories stay restorable for 30 days." After that a story's file is deleted, but only once a backup
   * made after it was trashed holds it (and that backup reads back whole); until then it stays in the trash.
   * Returns the ids purged.
   */
  purgeTrash(): Promise<string[]> {
    return this.exclusive(async () => {
      const now = this.options.now();
      const expired = this.options.stories.summaries().filter((s) => s.trashedAt !== null && isTrashExpired(s.trashedAt, now));
      if (expired.length === 0) return [];
      const folder = await this.folder();
      const backups = backupsIn(await readdir(folder));
      const entries = new Map<string, Promise<Set<string> | null>>();
      const holding = (name: string) => {
        const path = join(folder, name);
        const checked = this.checked.get(path);
        if (checked) return checked;
        if (!entries.has(path)) entries.set(path, intactEntryNames(path));
        return entries.get(path)!;
      };
      const purged: string[] = [];
      for (const story of expired) {
        const trashedAt = new Date(story.trashedAt!).getTime();
        let held = false;
        for (const backup of backups) {
          if (backup.createdAt.getTime() <= trashedAt) break;
          if ((await holding(backup.fileName))?.has(`stories/${story.id}.json`)) {
            held = true;
            break;
          }
        }
        if (!held) {
          this.options.log.info(`story ${story.id} has been in the trash 30 days but no backup holds it yet; it is kept`);
          continue;
        }
        await this.options.stories.purge(story.id);
        this.options.onPurged?.(story.id);
        purged.push(story.id);
      }
      if (purged.length) this.options.log.info(`purged ${purged.length} stories trashed more than 30 days ago; backups hold them`);
      return purged;
    });
  }

  private async runDaily(): Promise<void> {
    try {
      const made = await this.runIfDue();
      if (made) this.options.log.info(`daily backup written: ${made.fileName} (${made.bytes} bytes)`);
    } catch (error) {
      this.options.log.error('the daily backup failed', error);
    }
    try {
      await this.purgeTrash();
    } catch (error) {
      this.options.log.error('the trash could not be purged', error);
    }
  }

  private scheduleNext(): void {
    if (this.stopped) return;
    void this.newestAutomatic()
      .catch(() => null)
      .then((newest) => {
        const dueIn = newest ? newest.createdAt.getTime() + backupInterval - this.options.now().getTime() : 0;
        return this.sleep(Math.min(longestWait, Math.max(60_000, dueIn)));
      })
      .then(async (awake) => {
        if (!awake) return;
        await this.runDaily();
        this.scheduleNext();
      });
  }

  /** Resolves true after `ms`, or false at once if the service is stopped meanwhile. */
  private sleep(ms: number): Promise<boolean> {
    if (this.stopped) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = (awake: boolean) => {
        this.timer = null;
        this.wake = null;
        resolve(awake && !this.stopped);
      };
      this.wake = () => {
        if (this.timer) clearTimeout(this.timer);
        done(false);
      };
      this.timer = setTimeout(() => done(true), ms);
      this.timer.unref();
    });
  }

  private isDue(newest: BackupName | null): boolean {
    if (!newest) return true;
    const age = this.options.now().getTime() - newest.createdAt.getTime();
    // A newest backup from the future means the clock was set back; do not wait for the clock to catch up.
    return age >= backupInterval || age < -hour;
  }

  private async newestAutomatic(): Promise<BackupName | null> {
    return backupsIn(await readdir(await this.folder())).find((b) => b.origin === 'auto') ?? null;
  }

  /** Writes one backup, reads it back, and applies the retention rule. Runs inside the queue. */
  private async make(origin: BackupOrigin): Promise<BackupItem> {
    const folder = await this.folder();
    await this.removeLeftovers(folder);
    let at = this.options.now();
    let fileName = backupFileName(at, origin);
    while (await stat(join(folder, fileName)).then(() => true, () => false)) {
      at = new Date(at.getTime() + 1);
      fileName = backupFileName(at, origin);
    }
    const target = join(folder, fileName);
    // The restore's folders beside the library are not part of it; neither is the backup folder, if a link
    // inside the library leads to it.
    const { staging, aside } = restorePaths(this.options.dataDir);
    const exclude = [folder, staging, aside];
    let result;
    let names: Set<string>;
    try {
      result = await zipLibrary(this.options.dataDir, target, exclude).catch((error: NodeJS.ErrnoException) => {
        // A file removed while it was being zipped (a photo deleted): once more, from a fresh listing.
        if (error.code !== 'ENOENT') throw error;
        this.options.log.warn(`a file went away while the library was being zipped; trying again: ${error.message}`);
        return zipLibrary(this.options.dataDir, target, exclude);
      });
      ({ names } = await verifyBackup(target, { checkStories: false }));
    } catch (error) {
      await rm(target, { force: true }).catch(() => undefined);
      throw storageError(error, `could not write a backup to ${folder}`);
    }
    this.checked.set(target, names);
    await this.prune(folder);
    return this.item({ fileName, createdAt: at, origin }, result.bytes, undefined);
  }

  private async prune(folder: string): Promise<void> {
    const plan = planRetention(await readdir(folder), this.options.settings.get().timeZone);
    for (const name of plan.remove) {
      this.checked.delete(join(folder, name));
      await rm(join(folder, name), { force: true }).catch((error) => this.options.log.warn(`could not delete the old backup ${name}`, error));
    }
    if (plan.remove.length) this.options.log.info(`deleted ${plan.remove.length} old automatic backups (keeping 7 daily and 4 weekly)`);
  }

  /** A zip left half-written by a crash (`.dateline-backup-….zip.tmp`): only ever this service's own. */
  private async removeLeftovers(folder: string): Promise<void> {
    for (const name of await readdir(folder)) {
      if (isTempFile(name) && parseBackupName(name.slice(1, -tempSuffix.length))) await rm(join(folder, name), { force: true });
    }
  }

  private item(backup: BackupName, bytes: number, kept: 'daily' | 'weekly' | undefined): BackupItem {
    return {
      fileName: backup.fileName,
      createdAt: backup.createdAt.toISOString(),
      bytes,
      kind: backup.origin === 'auto' ? (kept ?? 'daily') : 'manual',
      beforeRestore: backup.origin === 'before-restore',
    };
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** The names of the entries in a zip, or null when the zip does not read back whole (every CRC is checked). */
async function intactEntryNames(path: string): Promise<Set<string> | null> {
  const names = new Set<string>();
  try {
    await readBackup(path, (name) => void names.add(name));
    return names;
  } catch {
    return null;
  }
}

function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

function insideLibrary(folder: string, dataDir: string): DatelineError {
  return new DatelineError('invalid_input', `the backup folder ${folder} is inside the library it would back up (${dataDir}); choose a folder outside it, such as a USB drive`, { folder, reason: 'inside_library' });
}
