import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/support/tempDir';
import { recordingLogger } from '../../tests/support/quietLogger';
import { Quarantine } from '../library/Quarantine';
import { realFileSystem } from '../store/fileSystem';
import { loadWebHostToken, webHostTokenFile } from './webHostToken';

let dir: string;
let remove: () => Promise<void>;
let log: ReturnType<typeof recordingLogger>;
beforeEach(async () => {
  ({ dir, remove } = await makeTempDir());
  log = recordingLogger();
});
afterEach(() => remove());

const load = (rotate = false) => loadWebHostToken({ dataDir: dir, rotate, quarantine: new Quarantine(dir, realFileSystem, log), log });
const tokenPath = () => join(dir, webHostTokenFile);
const modeOf = async (path: string) => (await stat(path)).mode & 0o777;
/** What was moved into quarantine/, by content (the notes beside them left out). */
const quarantined = async () => {
  const names = (await readdir(join(dir, 'quarantine')).catch(() => [])).filter((name) => !name.endsWith('.why.json'));
  return Promise.all(names.map((name) => readFile(join(dir, 'quarantine', name), 'utf8').catch(() => '<folder>')));
};

describe('the web host token', () => {
  it('is made once, kept in the data folder readable by its owner only, and the same after a restart', async () => {
    const first = await load();
    expect(first.source).toBe('new');
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect((await readFile(tokenPath(), 'utf8')).trim()).toBe(first.token);
    if (process.platform !== 'win32') expect(await modeOf(tokenPath())).toBe(0o600);
    expect(await load()).toEqual({ token: first.token, source: 'kept' });
    // No temp file is left beside it.
    expect((await readdir(dir)).filter((name) => name.includes(webHostTokenFile))).toEqual([webHostTokenFile]);
  });

  it('changes when rotated, and the new one is then kept', async () => {
    const first = await load();
    const rotated = await load(true);
    expect(rotated.source).toBe('rotated');
    expect(rotated.token).not.toBe(first.token);
    expect(await load()).toEqual({ token: rotated.token, source: 'kept' });
    if (process.platform !== 'win32') expect(await modeOf(tokenPath())).toBe(0o600);
  });

  it('replaces an empty or damaged file with a new token, moving the old bytes to quarantine/', async () => {
    for (const damaged of ['', 'short', 'not a token at all, with spaces and ünïcode that goes on for a while', '\u0000'.repeat(40)]) {
      await writeFile(tokenPath(), damaged);
      const replaced = await load();
      expect(replaced.source, JSON.stringify(damaged)).toBe('replaced');
      expect((await readFile(tokenPath(), 'utf8')).trim()).toBe(replaced.token);
      expect(await quarantined()).toContain(damaged);
      // Quarantine names files by the time; the next damaged one must not meet this one's name.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await load()).toMatchObject({ source: 'kept' });
  });

  it('moves aside a folder that stands where the file should be', async () => {
    await mkdir(tokenPath());
    const replaced = await load();
    expect(replaced.source).toBe('replaced');
    expect((await readFile(tokenPath(), 'utf8')).trim()).toBe(replaced.token);
    expect(await quarantined()).toEqual(['<folder>']);
  });

  it.skipIf(process.platform === 'win32')('keeps a token file others could read, and makes it the owner’s only', async () => {
    const token = 'x'.repeat(32);
    await writeFile(tokenPath(), `${token}\n`);
    await chmod(tokenPath(), 0o644);
    expect(await load()).toEqual({ token, source: 'kept' });
    expect(await modeOf(tokenPath())).toBe(0o600);
  });
});
