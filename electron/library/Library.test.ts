import { afterEach, describe, expect, it } from 'vitest';
import { recordingLogger } from '../../tests/support/quietLogger';
import { makeTempDir } from '../../tests/support/tempDir';
import { DataFolderLock } from './DataFolderLock';
import { Library, type OpenLibrary } from './Library';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A library whose "services" are numbered openings, each remembering whether it was closed. */
async function numbered() {
  const { dir, remove } = await makeTempDir('dateline-library-');
  cleanups.push(remove);
  const opened: (OpenLibrary & { n: number; closed: boolean })[] = [];
  const library = await Library.open({
    dataDir: dir,
    log: recordingLogger(),
    open: async () => {
      const services = { n: opened.length + 1, closed: false, close: async () => void (services.closed = true) };
      opened.push(services);
      return services;
    },
  });
  cleanups.push(() => library.close());
  return { dir, library, opened };
}

describe('the open library', () => {
  it('replaces the services under the app: calls under way finish first, calls meanwhile are refused, calls after meet the new ones', async () => {
    const { library, opened } = await numbered();
    let finish!: () => void;
    const underWay = library.run(() => new Promise<number>((resolve) => (finish = () => resolve(library.services.n))));
    let changed = false;
    const replacing = library.replace(async () => {
      changed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The swap waits for the call under way, and new calls are refused until the library is open again.
    expect(changed).toBe(false);
    expect(opened[0]!.closed).toBe(false);
    await expect(library.run(() => 'late')).rejects.toMatchObject({ code: 'unavailable' });
    finish();
    expect(await underWay).toBe(1);
    await replacing;
    expect(changed).toBe(true);
    expect(opened.map((o) => [o.n, o.closed])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(await library.run(() => library.services.n)).toBe(2);
    // Again, as an undo of a restore makes a second one in the same run.
    await library.replace(async () => undefined);
    expect(await library.run(() => library.services.n)).toBe(3);
  });

  it('opens the services again when the change fails, and takes calls again', async () => {
    const { library } = await numbered();
    await expect(library.replace(async () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect(await library.run(() => library.services.n)).toBe(2);
  });

  it('holds the data folder until it is closed, and lets go when opening fails', async () => {
    const { dir, library } = await numbered();
    await expect(DataFolderLock.acquire(dir, { log: recordingLogger() })).rejects.toThrow();
    await library.close();
    const again = await Library.open({ dataDir: dir, log: recordingLogger(), open: async () => Promise.reject(new Error('damaged')) }).catch((error: Error) => error);
    expect(again).toBeInstanceOf(Error);
    const lock = await DataFolderLock.acquire(dir, { log: recordingLogger() });
    await lock.release();
    cleanups.pop();
  });
});
