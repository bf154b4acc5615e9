import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { DatelineError } from '../../shared/api/DatelineError';
import type { Logger } from '../log/Logger';
import { isNotFound, realFileSystem, type FileSystem } from '../store/fileSystem';
import { storageError } from '../store/storageError';

export const lockFileName = 'dateline.lock';

/** The lock file, and the names a take-over moves a stale one to (which a crash mid-way can leave behind). */
export function isLockFile(name: string): boolean {
  return name === lockFileName || name.startsWith(`${lockFileName}.`);
}

/** What the lock file says about the process that owns the data folder. */
export interface LockOwner {
  app: 'dateline';
  pid: number;
  hostname: string;
  startedAt: string;
  /**
   * Linux only: the boot the owner runs in and its start time in clock ticks since that boot. Together they
   * tell the owner from another program given the same pid later, after a restart of the computer above all,
   * without trusting the wall clock, which may jump.
   */
  bootId?: string;
  processStart?: string;
}

export interface DataFolderLockOptions {
  fs?: FileSystem;
  log?: Logger;
  now?: () => Date;
  /** Who takes the lock: this process by default. Tests play other processes with it. */
  owner?: { pid: number; hostname: string };
  /** Whether a process of this computer runs; `process.kill(pid, 0)` by default. */
  isAlive?: (pid: number) => boolean;
  /** A lock file that does not read is left alone this long (ms), as a process may be writing it right now. */
  damagedAfterMs?: number;
}

/**
 * A process opening the lock file with O_EXCL and writing its few bytes takes milliseconds. A lock file that
 * does not read and is older than this was left by a crash (or garbled by a sync client), not being written.
 */
const defaultDamagedAfterMs = 10_000;

/** Lock paths this process holds, with the pid that holds each (tests play several processes in one). */
const heldHere = new Map<string, number>();

/**
 * One process owns a data folder at a time. The Electron single-instance lock covers only one user's copies of
 * the app; two web hosts, a second user account or a synced folder opened on two machines would otherwise all
 * write the same story files, and each would lose the other's saves.
 *
 * The owner is named in `<data>/dateline.lock` (pid, host name, start time), created with O_EXCL so that of two
 * processes starting at once only one can create it. A lock left by a process of this computer that no longer
 * runs is stale and taken over; a live owner, and any owner on another computer (whose processes cannot be
 * seen from here), is refused with a message that names it.
 *
 * The file lives inside the data folder so that it travels with it: a synced folder carries it to the other
 * machine, and a restore moves it with the library (swapLibrary).
 */
export class DataFolderLock {
  private released = false;

  private constructor(
    readonly path: string,
    private readonly text: string,
    readonly owner: LockOwner,
    private readonly options: DataFolderLockOptions,
  ) {}

  /**
   * Takes the data folder (making it if needed), or throws `in_use` naming the process that holds it. A folder
   * that takes no writes (a read-only disk, another user's folder) gets a lock that holds nothing: no process
   * can write there, so there is nothing to own.
   */
  static async acquire(dataDir: string, options: DataFolderLockOptions = {}): Promise<DataFolderLock> {
    const fs = options.fs ?? realFileSystem;
    const path = join(resolve(dataDir), lockFileName);
    const pid = options.owner?.pid ?? process.pid;
    if (heldHere.get(path) === pid) {
      throw new DatelineError('in_use', `The library at ${dataDir} is already open in this process (pid ${pid}); close it before opening it again.`, { pid, hostname: options.owner?.hostname ?? hostname(), path });
    }
    const owner: LockOwner = {
      app: 'dateline',
      pid,
      hostname: options.owner?.hostname ?? hostname(),
      startedAt: (options.now ?? (() => new Date()))().toISOString(),
      ...(pid === process.pid ? linuxIdentity(pid) : {}),
    };
    const lock = new DataFolderLock(path, `${JSON.stringify(owner)}\n`, owner, options);
    try {
      await fs.mkdir(resolve(dataDir), { recursive: true });
    } catch (error) {
      throw storageError(error, `could not make the library folder ${dataDir}`);
    }
    if (!(await lock.claim())) lock.released = true;
    else heldHere.set(path, pid);
    return lock;
  }

  /** False for the lock of a folder that takes no writes, which holds nothing. */
  get holds(): boolean {
    return !this.released;
  }

  /**
   * Makes sure the lock file is still this one. A restore swaps in another folder at the data folder's path,
   * and the recovery of one a crash interrupted can move the folder the lock was taken in aside; the lock is
   * then written again, or refused if another process took the folder meanwhile.
   */
  async ensure(): Promise<void> {
    if (this.released) return;
    const found = await this.read();
    if (found?.text === this.text) return;
    if (!(await this.claim())) this.released = true;
  }

  /** Removes the lock file, if it is still this process's. Never throws: it runs as the app closes. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    if (heldHere.get(this.path) === this.owner.pid) heldHere.delete(this.path);
    const fs = this.options.fs ?? realFileSystem;
    try {
      const text = await fs.readFile(this.path, 'utf8');
      if (text === this.text) await fs.rm(this.path, { force: true });
      else this.options.log?.warn(`the library's lock file (${this.path}) no longer names this process; it is left as it is`);
    } catch (error) {
      if (!isNotFound(error)) this.options.log?.warn(`could not remove the library's lock file ${this.path}`, error);
    }
  }

  /**
   * Creates the lock file, taking over a stale one. True once it is this process's; false when the folder
   * takes no writes. Throws `in_use` when another process holds it.
   */
  private async claim(): Promise<boolean> {
    // Rounds: a stale lock taken over by another process at the same moment sends this one round again,
    // to find that process's fresh lock and refuse.
    for (let round = 0; round < 20; round++) {
      const created = await this.create();
      if (created !== 'exists') return created === 'created';
      const found = await this.read();
      if (!found) continue;
      const stale = this.staleReason(found);
      if (await this.takeOver(found.text)) this.options.log?.warn(`took over the library's lock file: ${stale}`);
    }
    throw new DatelineError('in_use', `The library at ${this.dataDir} could not be locked: other processes keep taking its lock file (${this.path}).`, { path: this.path });
  }

  private get dataDir(): string {
    return join(this.path, '..');
  }

  /** O_EXCL: of two processes creating the file at once, exactly one succeeds. */
  private async create(): Promise<'created' | 'exists' | 'read-only'> {
    const fs = this.options.fs ?? realFileSystem;
    let handle;
    try {
      handle = await fs.open(this.path, 'wx');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return 'exists';
      if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'read-only';
      throw storageError(error, `could not lock the library at ${this.dataDir}`);
    }
    try {
      // Synced so that a power cut cannot leave it empty: an empty lock file is not taken over at once.
      await handle.writeFile(this.text);
      await handle.sync();
    } catch (error) {
      // Half a lock (a full disk) would keep every process out for a while: it goes, and the open fails.
      await handle.close().catch(() => undefined);
      await fs.rm(this.path, { force: true }).catch(() => undefined);
      throw storageError(error, `could not write the lock file of the library at ${this.dataDir}`);
    }
    await handle.close();
    return 'created';
  }

  private async read(): Promise<{ text: string; owner: LockOwner | null; modifiedMs: number } | null> {
    const fs = this.options.fs ?? realFileSystem;
    try {
      const text = await fs.readFile(this.path, 'utf8');
      const { mtimeMs } = await fs.stat(this.path);
      return { text, owner: parseOwner(text), modifiedMs: mtimeMs };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw storageError(error, `could not read the lock file of the library at ${this.dataDir}`);
    }
  }

  /** Why the lock found may be taken over; throws `in_use` naming its owner when it may not. */
  private staleReason(found: { owner: LockOwner | null; modifiedMs: number }): string {
    const { owner } = found;
    const now = (this.options.now ?? (() => new Date()))().getTime();
    if (!owner) {
      // Either a process is writing it this very moment (between its O_EXCL create and its write) or a crash or
      // a sync client left it garbled. Only age tells them apart, and taking a lock being written is two writers.
      if (now - found.modifiedMs >= (this.options.damagedAfterMs ?? defaultDamagedAfterMs)) return 'it did not read (damaged), and was old';
      throw new DatelineError('in_use', `The library at ${this.dataDir} is being opened by another process right now (its lock file ${this.path} is not written yet). Try again in a few seconds.`, { path: this.path });
    }
    const details = { pid: owner.pid, hostname: owner.hostname, startedAt: owner.startedAt, path: this.path };
    if (owner.hostname !== this.owner.hostname) {
      // Its processes cannot be seen from here: only the person at that computer knows whether it still runs.
      throw new DatelineError(
        'in_use',
        `The library at ${this.dataDir} is open in Dateline on another computer, "${owner.hostname}" (process ${owner.pid}, since ${owner.startedAt}). Close it there first. If it is no longer open there, delete ${this.path} and start again.`,
        details,
      );
    }
    if (owner.pid === this.owner.pid) return `it was left by an earlier process with this one's pid (${owner.pid})`;
    if (owner.bootId && this.owner.bootId && owner.bootId !== this.owner.bootId) return `process ${owner.pid} ran before this computer last started`;
    const isAlive = this.options.isAlive ?? processIsAlive;
    if (!isAlive(owner.pid)) return `process ${owner.pid} (since ${owner.startedAt}) is no longer running`;
    const start = owner.processStart ? linuxIdentity(owner.pid).processStart : undefined;
    if (start && start !== owner.processStart) return `process ${owner.pid} is another program now`;
    throw new DatelineError(
      'in_use',
      `The library at ${this.dataDir} is already open in another Dateline: process ${owner.pid} on this computer (${owner.hostname}), since ${owner.startedAt}. Close that one first, or use another data folder.`,
      details,
    );
  }

  /**
   * Removes the stale lock unless it changed since it was read; the next O_EXCL create then decides who owns
   * the folder. Checking and removing are one step only under a second O_EXCL file, the take-over's own: a lock
   * file is created only where none is, so while this process holds that file nothing can replace the stale
   * lock between the read and the removal, however many processes start at once.
   */
  private async takeOver(staleText: string): Promise<boolean> {
    const fs = this.options.fs ?? realFileSystem;
    const mutex = `${this.path}.takeover`;
    try {
      await (await fs.open(mutex, 'wx')).close();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw storageError(error, `could not take over the lock of the library at ${this.dataDir}`);
      // Another process is taking it over this moment (milliseconds), or crashed doing so long ago.
      await this.clearLeftOver(mutex);
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40));
      return false;
    }
    try {
      const current = await fs.readFile(this.path, 'utf8').catch((error: unknown) => {
        if (isNotFound(error)) return null;
        throw error;
      });
      if (current !== staleText) return false;
      await fs.rm(this.path, { force: true });
      return true;
    } finally {
      await fs.rm(mutex, { force: true });
    }
  }

  /**
   * Removes a take-over's file that a crash left. It is only ever held for milliseconds, so one older than a
   * damaged lock may be is left over; moved aside and read back first, so one made again meanwhile stays.
   */
  private async clearLeftOver(mutex: string): Promise<void> {
    const fs = this.options.fs ?? realFileSystem;
    const now = (this.options.now ?? (() => new Date()))().getTime();
    const modified = await fs.stat(mutex).then(
      (info) => info.mtimeMs,
      () => now,
    );
    if (now - modified < (this.options.damagedAfterMs ?? defaultDamagedAfterMs)) return;
    const aside = `${mutex}.${this.owner.pid}-${randomBytes(4).toString('hex')}.stale`;
    try {
      await fs.rename(mutex, aside);
    } catch {
      return;
    }
    const info = await fs.stat(aside).catch(() => null);
    if (!info || now - info.mtimeMs < (this.options.damagedAfterMs ?? defaultDamagedAfterMs)) {
      await fs.rename(aside, mutex).catch(() => undefined);
      return;
    }
    await fs.rm(aside, { force: true });
    this.options.log?.warn(`removed the left-over take-over file of the library's lock (${mutex})`);
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner> | null;
    if (value?.app !== 'dateline' || !Number.isInteger(value.pid) || (value.pid ?? 0) <= 0 || typeof value.hostname !== 'string' || typeof value.startedAt !== 'string') return null;
    return value as LockOwner;
  } catch {
    return null;
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A process killed but not yet reaped by its parent (a zombie) still answers, though it will never write.
    return linuxState(pid) !== 'Z';
  } catch (error) {
    // EPERM: it runs, as another user (a second account on this computer).
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** The fields of /proc/<pid>/stat from the 3rd (the state) on, where there is a /proc: Linux. */
function linuxStat(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name, in parentheses, may hold spaces and parentheses; what follows the last ')' does not.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

function linuxState(pid: number): string | undefined {
  return linuxStat(pid)?.[0];
}

/** The boot id and the process's start (field 22: clock ticks since boot), where /proc has them: Linux. */
function linuxIdentity(pid: number): { bootId?: string; processStart?: string } {
  const processStart = linuxStat(pid)?.[22 - 3];
  try {
    return processStart ? { bootId: readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim(), processStart } : {};
  } catch {
    return {};
  }
}
