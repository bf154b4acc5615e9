import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatelineError } from '../../shared/api/DatelineError';
import { recordingLogger } from '../../tests/support/quietLogger';
import { makeTempDir } from '../../tests/support/tempDir';
import { createHandlers } from '../api/createHandlers';
import { dispatch } from '../api/dispatch';
import { LibraryBackup } from '../backup/LibraryBackup';
import { readBackup } from '../backup/verifyBackup';
import { createServices } from '../services/createServices';
import type { FileSystem } from '../store/fileSystem';
import { DataFolderLock, isLockFile, lockFileName, type LockOwner } from './DataFolderLock';

let dir: string;
let remove: () => Promise<void>;
const taken: DataFolderLock[] = [];

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir());
});
afterEach(async () => {
  for (const lock of taken.splice(0)) await lock.release();
  await remove();
});

const lockPath = () => join(dir, lockFileName);
const onDisk = async () => JSON.parse(await readFile(lockPath(), 'utf8')) as LockOwner;
const writeLock = (owner: Partial<LockOwner>) => writeFile(lockPath(), JSON.stringify({ app: 'dateline', hostname: hostname(), startedAt: '2026-01-26T08:00:00.000Z', ...owner }));

async function acquire(options: Parameters<typeof DataFolderLock.acquire>[1] = {}): Promise<DataFolderLock> {
  const lock = await DataFolderLock.acquire(dir, options);
  taken.push(lock);
  return lock;
}

async function refusal(promise: Promise<unknown>): Promise<DatelineError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatelineError);
  expect((error as DatelineError).code).toBe('in_use');
  return error as DatelineError;
}

/** The pid of a process that has run and ended. */
function deadPid(): number {
  const run = spawnSync(process.execPath, ['-e', '']);
  return run.pid!;
}

describe('DataFolderLock', () => {
  it('names this process in the lock file while it holds the folder, and removes the file on release', async () => {
    const lock = await acquire();
    expect(lock.holds).toBe(true);
    expect(await onDisk()).toMatchObject({ app: 'dateline', pid: process.pid, hostname: hostname() });
    await lock.release();
    expect(existsSync(lockPath())).toBe(false);
    // Released, the folder can be taken again.
    await acquire();
    expect((await onDisk()).pid).toBe(process.pid);
  });

  it('refuses the same folder to this process a second time until the first lock is released', async () => {
    const first = await acquire();
    const error = await refusal(DataFolderLock.acquire(dir));
    expect(error.message).toContain(`already open in this process (pid ${process.pid})`);
    await first.release();
    await acquire();
  });

  it('refuses a folder a live process of this computer holds, naming it, and leaves its lock alone', async () => {
    // The process that runs the tests is alive, and not this one.
    await writeLock({ pid: process.ppid });
    const error = await refusal(DataFolderLock.acquire(dir));
    expect(error.message).toContain(`process ${process.ppid} on this computer`);
    expect(error.message).toContain('2026-01-26T08:00:00.000Z');
    expect(error.details).toMatchObject({ pid: process.ppid, hostname: hostname(), startedAt: '2026-01-26T08:00:00.000Z' });
    expect((await onDisk()).pid).toBe(process.ppid);
  });

  it('takes over a lock whose process no longer runs, and says so', async () => {
    const pid = deadPid();
    await writeLock({ pid });
    const log = recordingLogger();
    const lock = await acquire({ log });
    expect(lock.holds).toBe(true);
    expect((await onDisk()).pid).toBe(process.pid);
    expect(log.lines).toEqual([expect.stringContaining(`process ${pid}`)]);
    // Nothing is left beside it: the stale lock was moved aside and removed.
    expect((await readdir(dir)).filter(isLockFile)).toEqual([lockFileName]);
  });

  it.runIf(existsSync('/proc/self/stat'))('takes over a lock whose process was killed but not yet reaped (a zombie)', async () => {
    // The killed sleep's parent has become another sleep, which never waits for it: it stays a zombie.
    const parent = spawn('sh', ['-c', 'sleep 30 & echo $!; exec sleep 31'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const pid = Number(await new Promise<string>((resolve) => parent.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString()))));
      process.kill(pid, 'SIGKILL');
      while (!(await readFile(`/proc/${pid}/stat`, 'utf8')).includes(') Z ')) await new Promise((resolve) => setTimeout(resolve, 10));
      await writeLock({ pid });
      await acquire();
      expect((await onDisk()).pid).toBe(process.pid);
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it('takes over a lock left by an earlier process that had this pid (a container restarted)', async () => {
    await writeLock({ pid: process.pid });
    await acquire();
    expect((await onDisk()).startedAt).not.toBe('2026-01-26T08:00:00.000Z');
  });

  it.runIf(existsSync('/proc/self/stat'))('takes over a lock whose pid another program has now, or that ran before the computer restarted', async () => {
    await writeLock({ pid: process.ppid, processStart: '1' });
    await acquire();
    await taken.pop()!.release();
    await writeLock({ pid: process.ppid, bootId: 'a-boot-before-this-one' });
    await acquire();
  });

  it('never takes over a lock from another computer, even one whose pid is not running here', async () => {
    await writeLock({ pid: deadPid(), hostname: 'may-tinh-toa-soan' });
    const error = await refusal(DataFolderLock.acquire(dir));
    expect(error.message).toContain('on another computer, "may-tinh-toa-soan"');
    expect(error.message).toContain(lockPath());
    expect(error.details).toMatchObject({ hostname: 'may-tinh-toa-soan' });
    expect((await onDisk()).hostname).toBe('may-tinh-toa-soan');
  });

  it('leaves a lock file that does not read alone while it may be being written, and takes it over once old', async () => {
    await writeFile(lockPath(), '{"app":"datel');
    const error = await refusal(DataFolderLock.acquire(dir));
    expect(error.message).toContain('being opened by another process right now');
    expect(await readFile(lockPath(), 'utf8')).toBe('{"app":"datel');

    const aMinuteAgo = new Date(Date.now() - 60_000);
    await utimes(lockPath(), aMinuteAgo, aMinuteAgo);
    await acquire();
    expect((await onDisk()).pid).toBe(process.pid);
  });

  it('of many processes taking over one stale lock at once, lets exactly one in and refuses the others by its name', async () => {
    const contenders = Array.from({ length: 6 }, (_, i) => 4_000_000 + i);
    const isAlive = (pid: number) => contenders.includes(pid);
    for (let round = 0; round < 30; round++) {
      await writeLock({ pid: deadPid() });
      const outcomes = await Promise.allSettled(contenders.map((pid) => DataFolderLock.acquire(dir, { owner: { pid, hostname: hostname() }, isAlive })));
      const winners = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
      expect(winners, `round ${round}`).toHaveLength(1);
      const winner = winners[0]!;
      expect((await onDisk()).pid).toBe(winner.owner.pid);
      for (const outcome of outcomes) {
        if (outcome.status === 'fulfilled') continue;
        expect(outcome.reason).toBeInstanceOf(DatelineError);
        expect((outcome.reason as DatelineError).code).toBe('in_use');
      }
      expect((await readdir(dir)).filter(isLockFile)).toEqual([lockFileName]);
      await winner.release();
    }
  });

  it('gets past a take-over that a crash left half-done', async () => {
    await writeLock({ pid: deadPid() });
    const takeover = `${lockPath()}.takeover`;
    await writeFile(takeover, '');
    const aMinuteAgo = new Date(Date.now() - 60_000);
    await utimes(takeover, aMinuteAgo, aMinuteAgo);
    await acquire();
    expect((await onDisk()).pid).toBe(process.pid);
    expect((await readdir(dir)).filter(isLockFile)).toEqual([lockFileName]);
  });

  it('releases only a lock that is still its own', async () => {
    const lock = await acquire();
    await writeLock({ pid: process.ppid });
    await lock.release();
    expect((await onDisk()).pid).toBe(process.ppid);
  });

  it('writes its lock again when the folder was swapped under it, and refuses if another process took it meanwhile', async () => {
    const lock = await acquire();
    await nodeFs.rm(lockPath());
    await lock.ensure();
    expect((await onDisk()).pid).toBe(process.pid);
    await writeLock({ pid: process.ppid });
    const error = await refusal(lock.ensure());
    expect(error.message).toContain(`process ${process.ppid}`);
  });

  it('holds nothing in a folder that takes no writes, where no process can write either', async () => {
    const readOnly: FileSystem = {
      ...nodeFs,
      open: async (path, flags, mode) => {
        if (flags === 'wx') throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
        return nodeFs.open(path, flags, mode);
      },
    };
    const lock = await acquire({ fs: readOnly });
    expect(lock.holds).toBe(false);
    await lock.release();
  });

  it('fails as storage_failed on a full disk and leaves no half-written lock to keep others out', async () => {
    const fullDisk: FileSystem = {
      ...nodeFs,
      open: async (path, flags, mode) => {
        const handle = await nodeFs.open(path, flags, mode);
        if (flags !== 'wx') return handle;
        return new Proxy(handle, {
          get: (target, property) => {
            if (property === 'writeFile') return () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
            const value = Reflect.get(target, property) as unknown;
            return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
          },
        });
      },
    };
    const error = await DataFolderLock.acquire(dir, { fs: fullDisk }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'storage_failed', details: { errno: 'ENOSPC' } });
    expect(existsSync(lockPath())).toBe(false);
    await acquire();
  });
});

describe('the data folder lock in the services', () => {
  it('refuses a second opening of the library while the first is open, which keeps working, and lets go on close', async () => {
    const dataDir = join(dir, 'library');
    const first = await createServices({ dataDir, log: recordingLogger() });
    try {
      const error = await refusal(createServices({ dataDir, log: recordingLogger() }));
      expect(error.message).toContain(`pid ${process.pid}`);
      const story = await first.stories.create({ headline: 'Vẫn lưu được' });
      expect((await first.stories.get(story.id)).headline).toBe('Vẫn lưu được');
    } finally {
      await first.close();
    }
    expect(existsSync(join(dataDir, lockFileName))).toBe(false);
    const again = await createServices({ dataDir, log: recordingLogger() });
    await again.close();
  });

  it('keeps the folder through a backup restore, and leaves the lock file out of every backup', async () => {
    const dataDir = join(dir, 'library');
    const services = await createServices({ dataDir, log: recordingLogger(), backupDelayMs: 3_600_000 });
    try {
      const handlers = createHandlers(services);
      const lockText = await readFile(join(dataDir, lockFileName), 'utf8');
      await services.stories.create({ headline: 'Trước khi sao lưu' });
      const created = await dispatch(handlers, 'backup.create', {}, services.log);
      const { fileName } = (created as { ok: true; value: { fileName: string } }).value;
      const names: string[] = [];
      await readBackup(join(LibraryBackup.defaultFolder(dataDir), fileName), (name) => void names.push(name));
      expect(names.filter((name) => isLockFile(name))).toEqual([]);

      const restored = await dispatch(handlers, 'backup.restore', { fileName }, services.log);
      expect(restored.ok, JSON.stringify(restored)).toBe(true);
      expect(await readFile(join(dataDir, lockFileName), 'utf8')).toBe(lockText);
      await refusal(createServices({ dataDir, log: recordingLogger() }));
    } finally {
      await services.close();
    }
    expect(existsSync(join(dataDir, lockFileName))).toBe(false);
  });
});
