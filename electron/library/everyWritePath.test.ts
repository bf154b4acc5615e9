import { execFileSync } from 'node:child_process';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api/DatelineError';
import { createHandlers } from '../api/createHandlers';
import { dispatch } from '../api/dispatch';
import { createServices, type Services } from '../services/createServices';
import { realFileSystem, type FileSystem } from '../store/fileSystem';
import { recordingLogger } from '../../tests/support/quietLogger';
import { makeTempDir } from '../../tests/support/tempDir';

const paragraph = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const longBody = paragraph(Array.from({ length: 60 }, (_, i) => `chữ${i}`).join(' '));

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function library(options: { fs?: FileSystem; dir?: string } = {}): Promise<{ dir: string; services: Services; call: (method: string, input: unknown) => Promise<ApiResult<unknown>> }> {
  const dir = options.dir ?? (await makeTempDir()).dir;
  const log = recordingLogger();
  const services = await createServices({ dataDir: dir, log, fs: options.fs });
  cleanups.push(() => services.close().catch(() => undefined));
  const handlers = createHandlers(services);
  return { dir, services, call: (method, input) => dispatch(handlers, method, input, log) };
}

/** The real file system, with every write refused with `code` while `failing()` says so. */
function refusingWrites(code: string, failing: () => boolean): FileSystem {
  const refuse = () => Object.assign(new Error(`${code}: refused`), { code });
  const writeFlags = /[wa+]/;
  return {
    ...realFileSystem,
    open: (async (path: string, flags?: string | number, mode?: number) => {
      if (failing() && typeof flags === 'string' && writeFlags.test(flags)) throw refuse();
      return realFileSystem.open(path, flags, mode);
    }) as FileSystem['open'],
    rename: async (from, to) => {
      if (failing()) throw refuse();
      return realFileSystem.rename(from, to);
    },
    // As on a real read-only disk, a folder that is already there is no write.
    mkdir: (async (path: string, options?: unknown) => {
      if (failing() && !(await realFileSystem.stat(path).then(() => true, () => false))) throw refuse();
      return realFileSystem.mkdir(path, options as never);
    }) as FileSystem['mkdir'],
    rm: async (path, options) => {
      if (failing()) throw refuse();
      return realFileSystem.rm(path, options);
    },
    appendFile: async (...args) => {
      if (failing()) throw refuse();
      return realFileSystem.appendFile(...args);
    },
  };
}

describe('a story file whose content names another story', () => {
  it('is moved aside and never saved through to that story; the story whose name it bears is put back from its history', async () => {
    const { dir, services, call } = await library();
    const a = await services.stories.create({ headline: 'Bài A của phóng viên', body: paragraph('Nội dung bài A.') });
    const b = await services.stories.create({ headline: 'Bài B', body: paragraph('Nội dung bài B, không được mất.') });
    await services.history.idle();
    const bFile = await readFile(join(dir, 'stories', `${b.id}.json`), 'utf8');
    const bVersions = await services.history.list(b.id);
    // A sync client or a hand copy puts B's file under A's name.
    await writeFile(join(dir, 'stories', `${a.id}.json`), bFile);

    const saved = await call('stories.update', { id: a.id, baseRevision: a.revision, changes: { sapo: 'Sửa của phóng viên' } });
    await services.history.idle();
    expect(await readFile(join(dir, 'stories', `${b.id}.json`), 'utf8')).toBe(bFile);
    expect(await services.history.list(b.id)).toEqual(bVersions);
    expect(saved.ok).toBe(true);
    const aNow = await services.stories.get(a.id);
    expect(aNow.headline).toBe('Bài A của phóng viên');
    expect(aNow.sapo).toBe('Sửa của phóng viên');
    const kept = (await readdir(join(dir, 'quarantine'))).filter((n) => !n.endsWith('.why.json'));
    expect(kept).toEqual([expect.stringContaining(a.id)]);
    expect(await readFile(join(dir, 'quarantine', kept[0]!), 'utf8')).toBe(bFile);
    const status = await call('library.status', {});
    expect(status.ok && (status.value as { quarantined: { reason: string }[] }).quarantined[0]!.reason).toContain(`holds story ${b.id}`);
  });

  it('found at open, with the index lost, is moved aside: the other story lists once, and this one comes back from its history', async () => {
    const { dir, services } = await library();
    const a = await services.stories.create({ headline: 'Bài A' });
    const b = await services.stories.create({ headline: 'Bài B' });
    await services.close();
    await writeFile(join(dir, 'stories', `${a.id}.json`), await readFile(join(dir, 'stories', `${b.id}.json`)));
    await writeFile(join(dir, 'index.json'), '');
    const reopened = await library({ dir });
    const listed = reopened.services.stories.list().items;
    expect(listed.filter((s) => s.id === b.id)).toHaveLength(1);
    expect(listed.find((s) => s.id === a.id)?.headline).toBe('Bài A');
    expect((await readdir(join(dir, 'quarantine'))).some((name) => name.endsWith(`stories__${a.id}.json`))).toBe(true);
  });
});

describe('the rolling autosave version', () => {
  it('is never the only copy of text a save takes out: the version before is kept whole', async () => {
    const { services } = await library();
    let story = await services.stories.create({ headline: 'Tin dài', sapo: 'Sapo của bài', body: longBody });
    await services.history.idle();
    // Within the same five minutes of typing: the rolling version would follow this save.
    story = await services.stories.update(story.id, story.revision, { body: paragraph('x') });
    await services.history.idle();
    const versions = await services.history.list(story.id);
    const before = await Promise.all(versions.map((v) => services.history.get(story.id, v.versionId)));
    expect(before.some((v) => JSON.stringify(v.body) === JSON.stringify(longBody))).toBe(true);
    // Emptying a field does the same.
    story = await services.stories.update(story.id, story.revision, { sapo: '' });
    await services.history.idle();
    const after = await services.history.list(story.id);
    const versionsNow = await Promise.all(after.map((v) => services.history.get(story.id, v.versionId)));
    expect(versionsNow.some((v) => v.sapo === 'Sapo của bài' && JSON.stringify(v.body) === JSON.stringify(paragraph('x')))).toBe(true);
  });
});

describe('every write path on a full, read-only or forbidden disk', () => {
  for (const code of ['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM']) {
    it(`${code}: recovery.save, history.keep, settings.update and stories.update answer storage_failed with the errno, and nothing changes in memory`, async () => {
      let failing = false;
      const { services, call } = await library({ fs: refusingWrites(code, () => failing) });
      const story = await services.stories.create({ headline: 'Bài đang viết', body: paragraph('Một câu.') });
      await services.history.idle();
      const settingsBefore = services.settings.get();
      failing = true;
      for (const [method, input] of [
        ['recovery.save', { id: story.id, baseRevision: story.revision, changes: { headline: 'Đang gõ' } }],
        ['history.keep', { id: story.id }],
        ['settings.update', { dictionary: ['Cửa Lục'], categories: ['Riêng'] }],
        ['stories.update', { id: story.id, baseRevision: story.revision, changes: { headline: 'Sửa' } }],
        ['stories.create', { headline: 'Mới' }],
      ] as const) {
        const result = await call(method, input);
        expect(result, method).toMatchObject({ ok: false, error: { code: 'storage_failed', details: { errno: code } } });
      }
      expect(services.settings.get()).toEqual(settingsBefore);
      failing = false;
      // And saving resumes once the disk takes writes again.
      expect(await call('settings.update', { dictionary: ['Cửa Lục'] })).toMatchObject({ ok: true });
      expect(await call('stories.update', { id: story.id, baseRevision: story.revision, changes: { headline: 'Sửa' } })).toMatchObject({ ok: true });
      expect(await call('history.keep', { id: story.id })).toMatchObject({ ok: true });
    });
  }
});

describe('a library on a read-only disk', () => {
  it('opens for reading, searching and exporting, says it is read-only, and refuses saves with EROFS', async () => {
    const { dir, services } = await library();
    const story = await services.stories.create({ headline: 'Lũ trên sông Hồng', sapo: 'Nước lên nhanh trong đêm.', body: paragraph('Người dân sơ tán.') });
    await services.settings.update({ dictionary: ['Cửa Lục'] });
    await services.close();
    const { call, services: readOnly } = await library({ dir, fs: refusingWrites('EROFS', () => true) });
    const status = await call('library.status', {});
    expect(status).toMatchObject({ ok: true, value: { readOnly: true } });
    expect(await call('stories.get', { id: story.id })).toMatchObject({ ok: true, value: { headline: 'Lũ trên sông Hồng' } });
    await readOnly.searchReady;
    expect(await call('stories.search', { query: 'song hong' })).toMatchObject({ ok: true, value: { total: 1 } });
    expect(await call('stories.export', { id: story.id, format: 'html' })).toMatchObject({ ok: true });
    expect(await call('settings.get', {})).toMatchObject({ ok: true, value: { dictionary: ['Cửa Lục'] } });
    expect(await call('stories.update', { id: story.id, baseRevision: story.revision, changes: { headline: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'storage_failed', details: { errno: 'EROFS' } },
    });
  });

  it('opens from a real read-only mount, even with its index lost', async (context) => {
    const { dir, services } = await library();
    const story = await services.stories.create({ headline: 'Ảnh chụp trên USB khoá', body: paragraph('Nội dung.') });
    await services.close();
    const { dir: mount, remove } = await makeTempDir('dateline-ro-');
    cleanups.push(remove);
    await cp(dir, mount, { recursive: true });
    await writeFile(join(mount, 'index.json'), '{"damaged');
    try {
      execFileSync('mount', ['--bind', mount, mount], { stdio: 'ignore' });
      execFileSync('mount', ['-o', 'remount,bind,ro', mount], { stdio: 'ignore' });
    } catch {
      context.skip(`a read-only bind mount needs root (mount --bind -o ro); the file-system seam test above covers the rest`);
    }
    cleanups.push(async () => void execFileSync('umount', [mount], { stdio: 'ignore' }));
    const { call } = await library({ dir: mount });
    expect(await call('library.status', {})).toMatchObject({ ok: true, value: { readOnly: true } });
    expect(await call('stories.get', { id: story.id })).toMatchObject({ ok: true, value: { headline: 'Ảnh chụp trên USB khoá' } });
    expect(await call('stories.create', { headline: 'x' })).toMatchObject({ ok: false, error: { code: 'storage_failed', details: { errno: 'EROFS' } } });
    // Nothing was written to the library: the damaged index is still where it was.
    expect(await readFile(join(mount, 'index.json'), 'utf8')).toBe('{"damaged');
  });
});
