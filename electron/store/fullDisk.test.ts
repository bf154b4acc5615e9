import * as nodeFs from 'node:fs/promises';
import { appendFile, readFile, stat } from 'node:fs/promises';
import { basename, join, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatelineError } from '../../shared/api/DatelineError';
import { recordingLogger } from '../../tests/support/quietLogger';
import { makeTempDir } from '../../tests/support/tempDir';
import { createServices, type Services } from '../services/createServices';
import type { FileSystem } from './fileSystem';

// A save on a full disk must answer storage_failed (507 over HTTP) and leave the process running: a rejected
// promise nobody handles ends a Node 20 process. The disk is filled at the file-system seam the services take,
// one write at a time: every write of the save path fails in turn, the story file's and the index's, and the
// index compaction a save sets off.

/** StoryIndex rewrites its snapshot after this many journal lines (its defaultCompactAfter). */
const compactAfter = 2_000;

/** Calls that need free space: opening for writing, writing, syncing, renaming, making a folder. */
const writingHandleCalls = new Set(['write', 'writeFile', 'appendFile', 'writev', 'sync', 'datasync', 'truncate']);

function enospc(what: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOSPC: no space left on device, ${what}`), { code: 'ENOSPC', errno: -28, syscall: what });
}

/** What a path is in the library, so the writes of a save can be listed without ids and random temp names. */
function fileKind(path: string): string {
  const name = basename(path);
  if (name === 'index.journal') return 'index journal';
  if (name.startsWith('index.json') || name.startsWith('.index.json')) return 'index snapshot';
  if (path.includes(`${sep}stories${sep}`) && name.endsWith('.tmp')) return 'story temp file';
  if (name === 'stories') return 'stories folder';
  if (path.includes('history')) return 'history';
  return name.replace(/[0-9a-f-]{36}/g, '<id>').replace(/\.[0-9a-f]{12}\.tmp$/, '.tmp');
}

/**
 * The real file system, but from the `failFrom`th write on (or only that one, `once`) every write fails with
 * ENOSPC, as on a disk that has filled up. `failFrom = null` is a disk with space.
 */
class FillingDisk {
  writes = 0;
  failed = 0;
  calls = 0;
  failFrom: number | null = null;
  once = false;
  readonly seen: string[] = [];

  private check(what: string): void {
    this.writes++;
    this.seen.push(what);
    if (this.failFrom === null || this.writes < this.failFrom || (this.once && this.writes > this.failFrom)) return;
    this.failed++;
    throw enospc(what);
  }

  /** Fails the `n`th write from now on (and, unless `once`, every one after it). */
  fill(n: number, once = false): void {
    this.failFrom = this.writes + n;
    this.once = once;
    this.failed = 0;
    this.seen.length = 0;
  }

  free(): void {
    this.failFrom = null;
  }

  readonly fs: FileSystem = {
    ...nodeFs,
    readFile: ((...args: Parameters<typeof nodeFs.readFile>) => (this.calls++, nodeFs.readFile(...args))) as typeof nodeFs.readFile,
    readdir: ((...args: Parameters<typeof nodeFs.readdir>) => (this.calls++, nodeFs.readdir(...args))) as typeof nodeFs.readdir,
    rename: async (from, to) => {
      this.calls++;
      this.check(`rename ${fileKind(String(from))}`);
      return nodeFs.rename(from, to);
    },
    mkdir: (async (path: string, options?: unknown) => {
      this.calls++;
      this.check(`mkdir ${fileKind(String(path))}`);
      return nodeFs.mkdir(path, options as Parameters<typeof nodeFs.mkdir>[1]);
    }) as typeof nodeFs.mkdir,
    appendFile: async (path, data, options) => {
      this.calls++;
      this.check(`appendFile ${fileKind(String(path))}`);
      return nodeFs.appendFile(path, data, options);
    },
    open: async (path, flags, mode) => {
      this.calls++;
      const kind = fileKind(String(path));
      const writing = flags !== undefined && flags !== 'r';
      if (writing) this.check(`open(${String(flags)}) ${kind}`);
      const handle = await nodeFs.open(path, flags, mode);
      return new Proxy(handle, {
        get: (target, property, receiver) => {
          const value = Reflect.get(target, property, receiver) as unknown;
          if (typeof value !== 'function') return value;
          if (typeof property === 'string' && writingHandleCalls.has(property)) {
            return (...args: unknown[]) => {
              this.calls++;
              try {
                this.check(`${property} ${kind}`);
              } catch (error) {
                return Promise.reject(error);
              }
              return (value as (...a: unknown[]) => unknown).apply(target, args);
            };
          }
          return (value as (...a: unknown[]) => unknown).bind(target);
        },
      });
    },
  };
}

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const textOf = (node: unknown): string => {
  const n = node as { text?: string; content?: unknown[] };
  return typeof n.text === 'string' ? n.text : (n.content ?? []).map(textOf).join('');
};
/** The one write of a save after its story file is renamed into place: the fsync of the stories folder. */
const afterRename = 'sync stories folder';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let dir: string;
let remove: () => Promise<void>;
let unhandled: unknown[];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir());
  unhandled = [];
  process.on('unhandledRejection', onUnhandled);
});
afterEach(async () => {
  process.off('unhandledRejection', onUnhandled);
  await remove();
});

const open = (fs?: FileSystem) => createServices({ dataDir: dir, fs, log: recordingLogger(), backupDelayMs: 3_600_000 });

/** Waits until the services stop touching the disk: the history, the index compaction a save set off. */
async function settle(services: Services, disk: FillingDisk): Promise<void> {
  await services.history.idle();
  for (let before = -1; before !== disk.calls; ) {
    before = disk.calls;
    await pause(40);
  }
}

/** Fills the index journal to two lines short of compaction, so the next save's second line sets it off. */
async function bringJournalToCompaction(): Promise<void> {
  const journal = join(dir, 'index.journal');
  const lines = (await readFile(journal, 'utf8').catch(() => '')).split('\n').filter(Boolean).length;
  // Deleting a story the index does not hold changes nothing: a line that only counts.
  const filler = Array.from({ length: compactAfter - 2 - lines }, (_, i) => `${JSON.stringify({ delete: `filler-${i}` })}\n`).join('');
  await appendFile(journal, filler);
}

/** The story as a restarted app sees it, through a disk with space: its file and its summary in the list. */
async function readBackAfterRestart(id: string): Promise<{ text: string; revision: number; listed: number | undefined }> {
  const services = await open();
  try {
    const story = await services.stories.get(id);
    return { text: textOf(story.body), revision: story.revision, listed: services.stories.summary(id)?.revision };
  } finally {
    await services.close();
  }
}

async function saveOutcome(save: Promise<unknown>): Promise<'saved' | string> {
  try {
    await save;
    return 'saved';
  } catch (error) {
    return error instanceof DatelineError ? error.code : `thrown ${(error as Error).message}`;
  }
}

describe('a save on a full disk', () => {
  it('fails each write of the save path in turn: storage_failed or saved, no unhandled rejection, and saving resumes when space returns', async () => {
    const setup = await open();
    const { id } = await setup.stories.create({ headline: 'Bài viết khi ổ đĩa đầy', body: doc('Đoạn đầu.') });
    await setup.close();
    let revision = (await readBackAfterRestart(id)).revision;

    // The writes of one save with space, compaction included: what the sweep below must fail one by one.
    const disk = new FillingDisk();
    await bringJournalToCompaction();
    let services = await open(disk.fs);
    await services.searchReady;
    disk.fill(Number.MAX_SAFE_INTEGER);
    revision = (await services.stories.update(id, revision, { body: doc('Lưu khi còn chỗ.') })).revision;
    await settle(services, disk);
    const savePath = [...disk.seen];
    await services.close();
    for (const kind of ['index journal', 'story temp file', 'stories folder', 'index snapshot']) {
      expect(savePath.some((what) => what.endsWith(kind)), `${kind} in ${savePath.join(', ')}`).toBe(true);
    }
    expect(savePath).toContain('datasync index journal');
    expect(savePath).toContain('open(w) index journal');

    const outcomes: string[] = [];
    for (const once of [false, true]) {
      for (let n = 1; n <= savePath.length + 1; n++) {
        await bringJournalToCompaction();
        services = await open(disk.fs);
        await services.searchReady;
        disk.fill(n, once);
        const outcome = await saveOutcome(services.stories.update(id, revision, { body: doc(`Câu viết khi ổ đầy ${n}.`) }));
        await settle(services, disk);
        const failedAt = disk.failed ? disk.seen[n - 1] : 'nothing';
        outcomes.push(`${once ? 'only' : 'from'} write ${n} (${failedAt}): ${outcome}`);
        expect(['saved', 'storage_failed'], `write ${n}, ${failedAt}`).toContain(outcome);
        expect(unhandled, `write ${n}, ${failedAt}`).toEqual([]);
        if (outcome === 'storage_failed' && failedAt === afterRename) {
          // The known case the test below pins: the refused version is in place all the same.
          disk.free();
          revision = (await services.stories.get(id)).revision;
          await services.close();
          continue;
        }

        // Space again: the reporter's next save (from the revision last acknowledged) goes through.
        disk.free();
        if (outcome === 'saved') revision++;
        const text = `Lưu lại khi có chỗ ${once ? 'a' : 'b'}${n}.`;
        const saved = await services.stories.update(id, revision, { body: doc(text) });
        revision = saved.revision;
        expect(textOf((await services.stories.get(id)).body)).toBe(text);
        expect(services.stories.summary(id)?.revision).toBe(revision);
        await services.close();
        expect(await readBackAfterRestart(id), `after write ${n}, ${failedAt}`).toEqual({ text, revision, listed: revision });
        expect(unhandled).toEqual([]);
      }
    }
    expect(outcomes.filter((line) => line.endsWith('storage_failed')).length).toBeGreaterThan(3);
  });

  it('with the index journal freshly emptied, answers storage_failed and the process carries on', async () => {
    const setup = await open();
    const created = await setup.stories.create({ headline: 'Bài viết', body: doc('Đoạn đầu.') });
    const id = created.id;
    let revision = created.revision;
    await setup.close();
    await bringJournalToCompaction();
    const disk = new FillingDisk();
    const services = await open(disk.fs);
    try {
      // This save's second journal line sets off the compaction, which empties the journal and reopens it.
      revision = (await services.stories.update(id, revision, { body: doc('Lưu khi còn chỗ.') })).revision;
      await settle(services, disk);
      expect((await stat(join(dir, 'index.journal'))).size).toBe(0);

      disk.fill(1);
      const failed = await saveOutcome(services.stories.update(id, revision, { body: doc('Câu viết khi ổ đầy.') }));
      await settle(services, disk);
      expect(failed).toBe('storage_failed');
      expect(disk.seen[0]).toBe('write index journal');
      expect(unhandled).toEqual([]);

      disk.free();
      revision = (await services.stories.update(id, revision, { body: doc('Lưu lại khi có chỗ.') })).revision;
    } finally {
      await services.close();
    }
    expect(await readBackAfterRestart(id)).toEqual({ text: 'Lưu lại khi có chỗ.', revision, listed: revision });
    expect(unhandled).toEqual([]);
  });

  // Left to the store: writeFileAtomically throws when the folder fsync after its rename fails, so the save
  // answers storage_failed though the new version is already in place and is what every read returns. The
  // reporter's next save, from the revision last acknowledged, is then refused as a conflict. This test fails
  // while that is so; once the store answers consistently (saved, or the old version kept), drop `.fails`.
  it.fails('a failed fsync of the stories folder, after the rename, does not leave a refused save in place', async () => {
    const setup = await open();
    const { id, revision } = await setup.stories.create({ headline: 'Bài viết', body: doc('Đoạn đầu.') });
    await setup.close();
    const disk = new FillingDisk();
    const services = await open(disk.fs);
    try {
      await services.searchReady;
      // Only the folder sync fails: found by name, since the writes before it vary with the journal's state.
      const realCheck = disk.fs.open;
      let failedSync = false;
      disk.fs.open = async (path, flags, mode) => {
        const handle = await realCheck(path, flags, mode);
        if (basename(String(path)) !== 'stories' || failedSync) return handle;
        failedSync = true;
        return new Proxy(handle, {
          get: (target, property) => {
            if (property === 'sync') return () => Promise.reject(enospc('fsync'));
            const value = Reflect.get(target, property) as unknown;
            return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
          },
        });
      };
      const outcome = await saveOutcome(services.stories.update(id, revision, { body: doc('Câu viết khi ổ đầy.') }));
      const onDisk = await services.stories.get(id);
      expect(outcome === 'saved' ? onDisk.revision : revision).toBe(onDisk.revision);
    } finally {
      await services.close();
    }
  });
});
