import { readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openPromise } from 'yauzl';
import { afterEach, describe, expect, it } from 'vitest';
import { DatelineError } from '../../shared/api/DatelineError';
import { makeStory, seedLibrary } from '../../tests/support/seedLibrary';
import { recordingLogger } from '../../tests/support/quietLogger';
import { makeTempDir } from '../../tests/support/tempDir';
import { createHandlers } from '../api/createHandlers';
import { dispatch } from '../api/dispatch';
import { createServices, type Services } from '../services/createServices';
import { LibraryBackup } from './LibraryBackup';
import { readBackup } from './verifyBackup';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function library(now?: () => Date, backupDelayMs = 60_000) {
  const temp = await makeTempDir('dateline-backup-');
  const dataDir = join(temp.dir, 'library');
  const open = () => createServices({ dataDir, log: recordingLogger(), now, backupDelayMs });
  cleanups.push(temp.remove);
  return { dataDir, backups: LibraryBackup.defaultFolder(dataDir), open };
}

function track(services: Services): Services {
  cleanups.push(() => services.close());
  return services;
}

async function call(handlers: ReturnType<typeof createHandlers>, services: Services, method: string, input: unknown) {
  return dispatch(handlers, method, input, services.log);
}

describe('backup and restore through the real services', () => {
  it('brings every story back after story files are deleted and one is corrupted, and keeps the damaged library as a backup', async () => {
    const { dataDir, backups, open } = await library();
    const services = track(await open());
    const handlers = createHandlers(services);
    const headlines = ['Lũ quét ở Lào Cai', 'Giá xăng giảm', 'Đội tuyển thắng đậm', 'Kỳ họp Quốc hội'];
    const made = [];
    for (const headline of headlines) made.push(await services.stories.create({ headline }));
    const created = await call(handlers, services, 'backup.create', {});
    expect(created.ok).toBe(true);
    const backup = (created as { value: { fileName: string; kind: string } }).value;
    expect(backup.kind).toBe('manual');

    // Damage on purpose: two story files gone, one cut in half.
    await rm(join(dataDir, 'stories', `${made[0]!.id}.json`));
    await rm(join(dataDir, 'stories', `${made[1]!.id}.json`));
    await writeFile(join(dataDir, 'stories', `${made[2]!.id}.json`), '{"headline": "Đội tuyển th');

    const restored = await call(handlers, services, 'backup.restore', { fileName: backup.fileName });
    expect(restored).toEqual({ ok: true, value: { restored: true, stories: 5, keptAs: expect.stringMatching(/-before-restore\.zip$/) } });

    // The same Services object and handler table now serve the restored library.
    for (const story of made) expect((await services.stories.get(story.id)).headline).toBe(story.headline);
    const listed = await call(handlers, services, 'stories.list', {});
    expect((listed as { value: { total: number } }).value.total).toBe(5);
    const after = await call(handlers, services, 'stories.create', { headline: 'Sau khi khôi phục' });
    expect(after.ok).toBe(true);
    expect(await readdir(join(dataDir, 'stories'))).toContain(`${(after as { value: { id: string } }).value.id}.json`);

    // The library it replaced, damage and all, is a backup of its own.
    const keptAs = (restored as { value: { keptAs: string } }).value.keptAs;
    const list = (await call(handlers, services, 'backup.list', {})) as { value: { items: { fileName: string; beforeRestore: boolean }[] } };
    expect(list.value.items.find((item) => item.fileName === keptAs)?.beforeRestore).toBe(true);
    const kept = new Map<string, string>();
    await readBackup(join(backups, keptAs), (name, data) => void kept.set(name, data.toString('utf8')));
    expect(kept.get(`stories/${made[2]!.id}.json`)).toBe('{"headline": "Đội tuyển th');
    expect(kept.has(`stories/${made[0]!.id}.json`)).toBe(false);

    // Nothing of the swap is left beside the library, and the log came along.
    expect((await readdir(join(dataDir, '..'))).sort()).toEqual(['library', 'library-backups']);

    // A second restore on the same table (as "Hoàn tác" makes one), and the library answers afterwards: it once
    // stayed paused after a second restore, every call refused as 'being restored'.
    expect(await call(handlers, services, 'backup.restore', { fileName: backup.fileName })).toMatchObject({ ok: true, value: { stories: 5 } });
    expect(await call(handlers, services, 'stories.list', {})).toMatchObject({ ok: true, value: { total: 5 } });
    expect((await call(handlers, services, 'stories.create', { headline: 'Sau khi hoàn tác' })).ok).toBe(true);
  });

  it('restores photos, originals and derivatives', async () => {
    const { dataDir, open } = await library();
    const services = track(await open());
    const handlers = createHandlers(services);
    const sharp = (await import('sharp')).default;
    const jpeg = await sharp({ create: { width: 80, height: 60, channels: 3, background: '#2a6f97' } }).jpeg().toBuffer();
    await services.media.import('ven-bien.jpg', jpeg);
    // The media index records each file's time as last checked, which a restore changes: it is compared by content.
    const photoFiles = async () => Object.fromEntries(Object.entries(await listTree(join(dataDir, 'media'))).filter(([name]) => !name.endsWith('index.json')));
    const before = await photoFiles();
    const listed = services.media.list();
    const { value } = (await call(handlers, services, 'backup.create', {})) as { value: { fileName: string } };
    await rm(join(dataDir, 'media'), { recursive: true });
    expect((await call(handlers, services, 'backup.restore', { fileName: value.fileName })).ok).toBe(true);
    expect(await photoFiles()).toEqual(before);
    expect(services.media.list()).toEqual(listed);
  });

  it('refuses a truncated zip or one with a flipped byte, and leaves the library untouched', async () => {
    const { dataDir, backups, open } = await library();
    const services = track(await open());
    const handlers = createHandlers(services);
    const story = await services.stories.create({ headline: 'Bài còn nguyên' });
    const good = await services.backup.create();
    const storyFile = join(dataDir, 'stories', `${story.id}.json`);
    const original = await readFile(storyFile, 'utf8');

    const truncated = good.fileName.replace('Z-manual', '1Z-manual').replace(/-(\d{3})1Z/, (_, ms: string) => `-${String((Number(ms) + 1) % 1000).padStart(3, '0')}Z`);
    const flipped = good.fileName.replace(/-(\d{3})Z/, (_, ms: string) => `-${String((Number(ms) + 2) % 1000).padStart(3, '0')}Z`);
    const bytes = await readFile(join(backups, good.fileName));
    await writeFile(join(backups, truncated), bytes);
    await truncate(join(backups, truncated), Math.floor(bytes.length * 0.6));
    const flippedBytes = Buffer.from(bytes);
    const at = await dataOffsetOf(join(backups, good.fileName), `stories/${story.id}.json`);
    flippedBytes[at] = flippedBytes[at]! ^ 0x01;
    await writeFile(join(backups, flipped), flippedBytes);

    for (const fileName of [truncated, flipped]) {
      const result = await call(handlers, services, 'backup.restore', { fileName });
      expect(result.ok).toBe(false);
      const error = (result as { error: { code: string; message: string; details?: { reason?: string } } }).error;
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(/is damaged or is not a Dateline backup .*nothing was changed/);
      expect(error.details?.reason).toBe('damaged');
    }
    expect(await readFile(storyFile, 'utf8')).toBe(original);
    expect((await services.backup.list()).items.filter((item) => item.beforeRestore)).toEqual([]);
    expect((await call(handlers, services, 'stories.get', { id: story.id })).ok).toBe(true);
  });

  it('takes a backup by its file name only', async () => {
    const { open } = await library();
    const services = track(await open());
    const handlers = createHandlers(services);
    for (const fileName of ['../library/x.zip', '/etc/passwd.zip', 'sub/dateline-backup-2024-05-14T01-34-23-456Z-auto.zip', 'notes.zip']) {
      const result = await call(handlers, services, 'backup.restore', { fileName });
      expect((result as { error: { code: string } }).error.code, fileName).toBe('invalid_input');
    }
    const missing = await call(handlers, services, 'backup.restore', { fileName: 'dateline-backup-2024-05-14T01-34-23-456Z-auto.zip' });
    expect((missing as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('refuses a backup folder inside the library', async () => {
    const { dataDir, open } = await library();
    const services = track(await open());
    await services.settings.update({ backupFolder: join(dataDir, 'media', 'backups') });
    await expect(services.backup.create()).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('inside the library') });
    await expect(services.backup.create()).rejects.toMatchObject({ details: { reason: 'inside_library' } });
    await services.settings.update({ backupFolder: dataDir });
    await expect(services.backup.list()).rejects.toBeInstanceOf(DatelineError);
  });

  it('backs up at start-up at most once a day', async () => {
    let now = new Date('2024-05-14T01:00:00Z');
    const { backups, open } = await library(() => now, 0);
    const autos = async () => (await readdir(backups)).filter((name) => name.endsWith('-auto.zip'));

    let services = await open();
    await services.backup.startup;
    await services.close();
    expect(await autos()).toHaveLength(1);

    now = new Date('2024-05-14T09:00:00Z');
    services = await open();
    await services.backup.startup;
    await services.close();
    expect(await autos()).toHaveLength(1);

    now = new Date('2024-05-15T01:30:00Z');
    services = await open();
    await services.backup.startup;
    await services.close();
    expect(await autos()).toHaveLength(2);
  });
});

describe('the trash after 30 days', () => {
  it('purges a story only once a backup made after it was trashed holds it', async () => {
    const now = new Date('2024-06-20T01:00:00Z');
    const { dataDir, open } = await library(() => now);
    const old = makeStory({ headline: 'Xóa từ lâu', trashedAt: '2024-05-01T01:00:00.000Z' });
    const recent = makeStory({ headline: 'Mới xóa', trashedAt: '2024-06-10T01:00:00.000Z' });
    const live = makeStory({ headline: 'Còn dùng' });
    await seedLibrary(dataDir, [old, recent, live]);
    const services = track(await open());

    expect(await services.backup.purgeTrash()).toEqual([]);
    expect(await readdir(join(dataDir, 'stories'))).toContain(`${old.id}.json`);

    await services.backup.create();
    expect(await services.backup.purgeTrash()).toEqual([old.id]);
    const files = await readdir(join(dataDir, 'stories'));
    expect(files).not.toContain(`${old.id}.json`);
    expect(files).toContain(`${recent.id}.json`);
    expect(files).toContain(`${live.id}.json`);
    expect(services.stories.summary(old.id)).toBeUndefined();
    expect(services.search.revisionOf(old.id)).toBeUndefined();
  });
});

async function listTree(folder: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[join(entry.parentPath, entry.name).slice(folder.length)] = (await stat(join(entry.parentPath, entry.name))).size;
  }
  return out;
}

/** Where an entry's (compressed) data starts in the zip, to damage it on purpose. */
async function dataOffsetOf(zipPath: string, name: string): Promise<number> {
  const zip = await openPromise(zipPath, { lazyEntries: true, autoClose: false });
  try {
    return await new Promise<number>((resolve, reject) => {
      zip.on('entry', (entry) => {
        if (entry.fileName !== name) return zip.readEntry();
        zip.readLocalFileHeaderPromise(entry).then((header) => resolve(header.fileDataStart + Math.floor(entry.compressedSize / 2)), reject);
      });
      zip.on('end', () => reject(new Error(`${name} is not in the zip`)));
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}
