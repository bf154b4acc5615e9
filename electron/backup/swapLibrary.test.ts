import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingLogger } from '../../tests/support/quietLogger';
import { makeTempDir } from '../../tests/support/tempDir';
import { finishInterruptedRestore, restorePaths, swapInStagedLibrary } from './swapLibrary';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A library folder holding one story with this headline, and a log. */
async function libraryAt(folder: string, headline: string, withLog = true): Promise<void> {
  await mkdir(join(folder, 'stories'), { recursive: true });
  await writeFile(join(folder, 'stories', 'a.json'), JSON.stringify({ id: 'a', headline }));
  if (withLog) {
    await mkdir(join(folder, 'logs'), { recursive: true });
    await writeFile(join(folder, 'logs', 'dateline.log'), `log of ${headline}\n`);
  }
}

async function headlineAt(folder: string): Promise<string> {
  return (JSON.parse(await readFile(join(folder, 'stories', 'a.json'), 'utf8')) as { headline: string }).headline;
}

async function setUp() {
  const temp = await makeTempDir('dateline-swap-');
  cleanups.push(temp.remove);
  const dataDir = join(temp.dir, 'library');
  return { parent: temp.dir, dataDir, ...restorePaths(dataDir) };
}

const marker = (path: string) => writeFile(path, '{"restoring":"library"}');

describe('swapping a restored library in', () => {
  it('swaps, carries the log over and leaves nothing beside the library', async () => {
    const { parent, dataDir, staging } = await setUp();
    await libraryAt(dataDir, 'old');
    await libraryAt(staging, 'new', false);
    await swapInStagedLibrary(dataDir, recordingLogger());
    expect(await headlineAt(dataDir)).toBe('new');
    expect(await readFile(join(dataDir, 'logs', 'dateline.log'), 'utf8')).toBe('log of old\n');
    expect(await readdir(parent)).toEqual(['library']);
  });

  // Each state below is where a crash (a power cut) could stop a restore; the next start must find a library.
  it('undoes a restore stopped before the library was touched', async () => {
    const { parent, dataDir, staging, marker: markerPath } = await setUp();
    await libraryAt(dataDir, 'old');
    await libraryAt(staging, 'new', false);
    await marker(markerPath);
    expect(await finishInterruptedRestore(dataDir, recordingLogger())).toBe('undone');
    expect(await headlineAt(dataDir)).toBe('old');
    expect(await readdir(parent)).toEqual(['library']);
  });

  it('completes a restore stopped between the two renames, even after the logger made an empty data folder', async () => {
    const { parent, dataDir, staging, aside, marker: markerPath } = await setUp();
    await libraryAt(aside, 'old');
    await libraryAt(staging, 'new', false);
    await marker(markerPath);
    // What the logger's mkdir of <data>/logs does at start-up before the services open.
    await mkdir(join(dataDir, 'logs'), { recursive: true });
    expect(await finishInterruptedRestore(dataDir, recordingLogger())).toBe('completed');
    expect(await headlineAt(dataDir)).toBe('new');
    expect(await readFile(join(dataDir, 'logs', 'dateline.log'), 'utf8')).toBe('log of old\n');
    const left = await readdir(parent);
    expect(left.filter((name) => name !== 'library').every((name) => name.includes('.stray-'))).toBe(true);
  });

  it('completes a restore stopped after the swap, before the old folder was removed', async () => {
    const { parent, dataDir, aside, marker: markerPath } = await setUp();
    await libraryAt(aside, 'old');
    await libraryAt(dataDir, 'new', false);
    await marker(markerPath);
    expect(await finishInterruptedRestore(dataDir, recordingLogger())).toBe('completed');
    expect(await headlineAt(dataDir)).toBe('new');
    expect(await readdir(parent)).toEqual(['library']);
  });

  it('with no restore under way, only clears leftovers and never touches the library', async () => {
    const { parent, dataDir, staging } = await setUp();
    await libraryAt(dataDir, 'old');
    await libraryAt(staging, 'half-unpacked', false);
    expect(await finishInterruptedRestore(dataDir, recordingLogger())).toBe('none');
    expect(await headlineAt(dataDir)).toBe('old');
    expect(await readdir(parent)).toEqual(['library']);
  });
});
