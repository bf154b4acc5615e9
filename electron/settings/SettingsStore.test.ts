import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log/Logger';
import { realFileSystem } from '../store/fileSystem';
import { SettingsStore } from './SettingsStore';

describe('SettingsStore', () => {
  let dir: string;
  const log = createLogger(null, { quiet: true });
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dateline-settings-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('opens a settings.json written before spellcheck existed, keeping what it had and adding the defaults', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ language: 'en', toneStyle: 'old', timeZone: 'Asia/Ho_Chi_Minh', categories: ['Thời sự'] }));
    const store = await SettingsStore.open(dir, realFileSystem, log);
    expect(store.get()).toMatchObject({ language: 'en', toneStyle: 'old', categories: ['Thời sự'], spellcheck: true, dictionary: [] });
  });

  it('keeps the newsroom dictionary across a reopen', async () => {
    const store = await SettingsStore.open(dir, realFileSystem, log);
    await store.update({ dictionary: ['Vingroup', 'Lương Cường'] });
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')).dictionary).toEqual(['Vingroup', 'Lương Cường']);
    const reopened = await SettingsStore.open(dir, realFileSystem, log);
    expect(reopened.get().dictionary).toEqual(['Vingroup', 'Lương Cường']);
  });
});
