import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, methodNames, type MethodName } from '../../shared/api/contract';
import { httpStatusOf } from '../../shared/api/DatelineError';
import { publishableStory, type ApiCall } from '../support/publishableStory';
import { makeTempDir } from '../support/tempDir';
import { httpTransport, inProcessTransport, type Transport } from '../support/transports';

// One suite, run over both transports: the answers must be the same, which proves the transport changes nothing.

const headline = 'Tăng cường phối hợp các cơ quan chức năng';
const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Theo Sở Giao thông vận tải, tổng vốn hơn 2.000 tỷ đồng.' }] }] };

/** A payload each method must refuse; the table must cover the whole contract. */
const invalidPayloads: Record<string, unknown[]> = {
  'stories.list': [{ limit: 0 }, { limit: 'ten' }, { cursor: 5 }, { unknown: true }],
  'stories.get': [{}, { id: 7 }, { id: '../../etc/passwd' }],
  'stories.search': [{}, { query: 5 }, { query: 'a', sort: 'random' }, { query: 'a', filters: { status: ['lost'] } }, { query: 'a', filters: { from: 'yesterday' } }],
  'stories.create': [{ headline: 42 }, { body: 'plain text' }, { body: { type: 'paragraph' } }, { revision: 9 }, { storyType: 'blog' }, { bylines: 'Minh Đức' }],
  'stories.update': [{ id: 'x', baseRevision: 'x', changes: 7 }, { id: 'abcdefgh-1234', changes: {} }, { id: 'abcdefgh-1234', baseRevision: 1, changes: { tags: 'a,b' } }],
  'stories.trash': [{}, { id: null }],
  'stories.restore': [{}, { id: ['a'] }],
  'media.import': [{}, { fileName: 'a.jpg' }, { fileName: '', dataBase64: 'AA' }, { fileName: 'a.jpg', dataBase64: 5 }],
  'media.list': [{ limit: 0 }, { query: 5 }],
  'media.remove': [{}, { id: '../../etc/passwd' }, { id: 'A'.repeat(64) }],
  'media.restore': [{}, { id: '../../etc/passwd' }, { id: 'a'.repeat(64), extra: 1 }],
  'library.status': [{ extra: 1 }],
  'library.dismiss': [{ ids: 'all' }, { ids: [5] }, { extra: 1 }],
  'history.list': [{}, { id: '../x' }],
  'history.get': [{ id: 'aaaaaaaa' }, { id: 'aaaaaaaa', versionId: '../../settings' }, { id: 'aaaaaaaa', versionId: 'r1-2024' }],
  'history.restore': [{ id: 'aaaaaaaa', versionId: 'r1-20240101T000000000Z/../x' }],
  'history.keep': [{ id: 'A B' }, { id: 'aaaaaaaa', reason: 'restore' }],
  'stories.export': [{ id: 'aaaaaaaa' }, { id: 'aaaaaaaa', format: 'pdf' }, { id: '../x', format: 'ninjs' }],
  'stories.importDocx': [{ fileName: 'a.docx' }, { fileName: '', dataBase64: 'AAAA' }, { fileName: 'a.docx', dataBase64: 'not base64 !' }],
  'stories.importHtml': [{ fileName: 'a.html' }, { dataBase64: 'AAAA' }],
  'stories.transition': [
    { id: 'aaaaaaaa' },
    { id: 'aaaaaaaa', to: 'approved' },
    { id: 'aaaaaaaa', to: 'ready', acceptWarnings: 'yes' },
    { id: 'aaaaaaaa', to: 'ready', status: 'ready' },
    // A publish time is an instant with its offset: a bare wall-clock time is ambiguous.
    { id: 'aaaaaaaa', to: 'scheduled', publishAt: '2026-05-14T06:00:00' },
    { id: 'aaaaaaaa', to: 'scheduled', publishAt: 'sáng mai' },
  ],
  'stories.calendar': [{}, { from: '2026-05-14', to: '2026-05-15' }, { from: '2026-05-14T00:00:00+07:00', to: '2026-05-15T00:00:00+07:00', overdue: 'yes' }],
  'stories.checklist': [{ id: 'aaaaaaaa' }, { id: '../x', to: 'published' }, { id: 'aaaaaaaa', to: 'published', extra: 1 }],
  'stories.holds': [{}, { id: '../x' }, { id: 'aaaaaaaa', extra: 1 }],
  'recovery.save': [{ id: 'aaaaaaaa', baseRevision: 0, changes: {} }, { id: 'aaaaaaaa', baseRevision: 1, changes: { tags: ['x'] } }],
  'recovery.get': [{}],
  'recovery.discard': [{ id: '../../x' }],
  'settings.get': [{ extra: 1 }],
  'settings.update': [{ language: 'fr' }, { theme: 'dark' }, { timeZone: 'Mars/Olympus_Mons' }, { toneStyle: 'mixed' }, { categories: [''] }],
  'backup.list': [{ folder: '/tmp' }],
  'backup.create': [{ fileName: 'x.zip' }],
  'outbox.list': [{ extra: 1 }],
  'outbox.flush': [{ jobId: 'x' }],
  'outbox.push': [{}, { storyId: '../x' }],
  'outbox.retry': [{}, { jobId: '../../outbox' }],
  'outbox.cancel': [{}, { jobId: 5 }],
  'outbox.publishNow': [{}, { jobId: 'A B' }],
  'publishing.status': [{ target: 'wordpress' }],
  'publishing.setPassword': [{}, { target: 'folder', password: 'x' }, { target: 'wordpress', password: 5 }],
  'publishing.test': [{}, { target: 'ftp' }],
  'backup.restore': [{}, { fileName: '../library/x.zip' }, { fileName: '/etc/x.zip' }, { fileName: 'a\\b.zip' }, { fileName: '..zip' }, { path: '/tmp/x.zip' }],
};

for (const [name, open] of [
  ['in-process', inProcessTransport],
  ['HTTP web host', httpTransport],
] as const) {
  describe(`API contract over ${name}`, () => {
    let transport: Transport;
    let dir: string;
    let remove: () => Promise<void>;

    beforeEach(async () => {
      ({ dir, remove } = await makeTempDir());
      transport = await open(dir);
    });
    afterEach(async () => {
      await transport.close();
      await remove();
    });

    const ok = async (method: string, input: unknown) => {
      const result = await transport.call(method, input);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
      return result.value as Record<string, unknown> & { id: string; revision: number };
    };

    it('creates, reads, updates, trashes and restores a story', async () => {
      const created = await ok('stories.create', { headline, body });
      expect(created).toMatchObject({ headline, revision: 1, status: 'draft' });
      expect(contract['stories.create'].output.safeParse(created).success).toBe(true);
      expect(await ok('stories.get', { id: created.id })).toEqual(created);
      const updated = await ok('stories.update', { id: created.id, baseRevision: 1, changes: { sapo: 'Sáng 14/5' } });
      expect(updated.revision).toBe(2);
      expect((await ok('stories.trash', { id: created.id })).trashedAt).toEqual(expect.any(String));
      expect((await ok('stories.restore', { id: created.id })).trashedAt).toBeNull();
      const list = await ok('stories.list', {});
      expect(contract['stories.list'].output.safeParse(list).success).toBe(true);
      const items = list.items as Record<string, unknown>[];
      expect(items.find((s) => s.id === created.id)).toMatchObject({ headline, status: 'draft' });
      expect(items.every((s) => !('body' in s))).toBe(true);
      expect(await readFile(join(dir, 'stories', `${created.id}.json`), 'utf8')).toContain('tổng vốn hơn 2.000 tỷ đồng');
    });

    it('finds a saved story by its words, with or without marks', async () => {
      const created = await ok('stories.create', { headline: 'Kết nạp đảng viên mới', body });
      const found = (await ok('stories.search', { query: 'dang vien' })).items as { id: string; highlights: unknown }[];
      expect(found[0]).toMatchObject({ id: created.id, highlights: [[8, 12], [13, 17]] });
      await ok('stories.update', { id: created.id, baseRevision: 1, changes: { headline: 'Tin khác' } });
      const after = (await ok('stories.search', { query: 'dang vien' })).items as { id: string }[];
      expect(after.map((item) => item.id)).not.toContain(created.id);
    });

    it('normalises NFD input to NFC', async () => {
      const created = await ok('stories.create', { headline: headline.normalize('NFD') });
      expect(created.headline).toBe(headline);
    });

    it('answers a stale write with conflict', async () => {
      const created = await ok('stories.create', { headline });
      await ok('stories.update', { id: created.id, baseRevision: 1, changes: { headline: 'Mới' } });
      const stale = await transport.call('stories.update', { id: created.id, baseRevision: 1, changes: { headline: 'Cũ' } });
      expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
      if ('status' in stale) expect(stale.status).toBe(httpStatusOf.conflict);
    });

    it('answers an unknown id with not_found', async () => {
      for (const method of ['stories.get', 'stories.trash', 'stories.restore']) {
        const result = await transport.call(method, { id: 'no-such-story' });
        expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
        if ('status' in result) expect(result.status).toBe(404);
      }
    });

    it('rejects an invalid payload for every method with invalid_input', async () => {
      expect(Object.keys(invalidPayloads).sort()).toEqual([...methodNames].sort());
      for (const [method, payloads] of Object.entries(invalidPayloads)) {
        for (const payload of payloads) {
          const result = await transport.call(method, payload);
          expect(result, `${method} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
          if ('status' in result) expect(result.status).toBe(400);
        }
      }
    });

    it('keeps the settings: Vietnamese, the new tone marks and Vietnam time by default', async () => {
      expect(await ok('settings.get', {})).toMatchObject({ language: 'vi', toneStyle: 'new', timeZone: 'Asia/Ho_Chi_Minh' });
      expect(await ok('settings.update', { language: 'en', categories: ['Thời sự', 'Biển đảo'] })).toMatchObject({ language: 'en', categories: ['Thời sự', 'Biển đảo'] });
      expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ language: 'en', categories: ['Thời sự', 'Biển đảo'] });
    });

    it('imports a photo, shows which stories use it, and refuses to delete it while one does', async () => {
      const jpeg = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#2a6f97' } }).jpeg().toBuffer();
      const photo = await ok('media.import', { fileName: 'bien.jpg', dataBase64: jpeg.toString('base64') });
      expect(photo).toMatchObject({ fileName: 'bien.jpg', width: 320, height: 200, caption: null, capturedAt: null });
      const figure = { type: 'figure', attrs: { mediaId: photo.id, alt: '', credit: '' }, content: [{ type: 'text', text: 'Biển Hạ Long.' }] };
      const story = await ok('stories.create', { headline, body: { type: 'doc', content: [figure] } });
      const listed = (await ok('media.list', {})).items as { id: string; usedIn: string[] }[];
      expect(listed).toEqual([expect.objectContaining({ id: photo.id, usedIn: [story.id] })]);

      const refused = await transport.call('media.remove', { id: photo.id });
      expect(refused).toMatchObject({ ok: false, error: { code: 'in_use' } });
      if ('status' in refused) expect(refused.status).toBe(409);

      await ok('stories.update', { id: story.id, baseRevision: 1, changes: { body: { type: 'doc', content: [{ type: 'paragraph' }] } } });
      expect(await ok('media.remove', { id: photo.id })).toEqual({ removed: true });
      expect((await ok('media.list', {})).items).toEqual([]);

      // Undone: the photo is back as the library knew it, its files served again.
      expect(await ok('media.restore', { id: photo.id })).toEqual(photo);
      expect((await ok('media.list', {})).items).toEqual([expect.objectContaining({ id: photo.id, fileName: 'bien.jpg', usedIn: [] })]);
      expect(await transport.call('media.restore', { id: 'b'.repeat(64) })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });

    it('answers a file that is not a photo with invalid_media naming it', async () => {
      const result = await transport.call('media.import', { fileName: 'ghi-chu.jpg', dataBase64: Buffer.from('không phải ảnh').toString('base64') });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_media', message: expect.stringContaining('ghi-chu.jpg') } });
      if ('status' in result) expect(result.status).toBe(422);
    });

    it('answers every method of the contract within its output schema', async () => {
      // Each method called once on a library with something in it. Every answer is parsed with the method's output
      // schema here, and by dispatch too (checkOutputs is on in tests), so a service drifting from the contract fails.
      const answered = new Set<string>();
      const call = (async (method: MethodName, input: unknown) => {
        const value = await ok(method, input);
        const checked = contract[method].output.safeParse(value);
        expect(checked.success, `${method}: ${checked.error?.message}`).toBe(true);
        answered.add(method);
        return value;
      }) as unknown as ApiCall;
      const site = await makeTempDir('dateline-site-');
      try {
        await call('settings.get', {});
        await call('settings.update', { folderTarget: { enabled: true, path: site.dir } });
        const story = await publishableStory(call, dir);
        const photo = (await call('media.list', { ids: [story.featuredImage!.mediaId] })).items[0]!;
        await call('stories.list', {});
        await call('stories.get', { id: story.id });
        await call('stories.search', { query: 'ven biển' });
        await call('stories.checklist', { id: story.id, to: 'published' });
        await call('stories.holds', { id: story.id });
        await call('stories.calendar', { from: '2026-01-01T00:00:00+07:00', to: '2027-01-01T00:00:00+07:00', overdue: true });
        await call('stories.export', { id: story.id, format: 'ninjs' });
        const docx = await call('stories.export', { id: story.id, format: 'docx' });
        await call('stories.importDocx', { fileName: docx.fileName, dataBase64: docx.dataBase64 });
        await call('stories.importHtml', { fileName: 'tin.html', dataBase64: Buffer.from('<h1>Tin nhanh</h1><p>Mưa lớn ở Huế.</p>').toString('base64') });
        await call('history.keep', { id: story.id });
        const versions = (await call('history.list', { id: story.id })).items;
        await call('history.get', { id: story.id, versionId: versions[0]!.versionId });
        const current = await call('history.restore', { id: story.id, versionId: versions[0]!.versionId });
        await call('recovery.save', { id: story.id, baseRevision: current.revision, changes: { headline: 'Đang gõ dở' } });
        await call('recovery.get', { id: story.id });
        await call('recovery.discard', { id: story.id });
        await call('stories.transition', { id: story.id, to: 'published', acceptWarnings: true });
        await call('outbox.flush', {});
        await call('outbox.push', { storyId: story.id });
        const job = (await call('outbox.list', {})).items[0]!;
        await call('outbox.retry', { jobId: job.jobId });
        await call('outbox.cancel', { jobId: job.jobId });
        // Only WordPress publishes a missed schedule by itself: the folder's job is refused, as the contract says.
        const other = (await call('outbox.push', { storyId: story.id })).items[0]!;
        expect(await transport.call('outbox.publishNow', { jobId: other.jobId })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
        await call('publishing.status', {});
        await call('publishing.setPassword', { target: 'wordpress', password: '' });
        await call('publishing.test', { target: 'folder' });
        const draft = await call('stories.create', { headline: 'Bài nháp' });
        await call('stories.update', { id: draft.id, baseRevision: draft.revision, changes: { sapo: 'Vài dòng.' } });
        await call('stories.trash', { id: draft.id });
        await call('stories.restore', { id: draft.id });
        const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3b7a57' } }).jpeg().toBuffer();
        const unused = await call('media.import', { fileName: 'rieng.jpg', dataBase64: jpeg.toString('base64') });
        expect(photo.usedIn).toContain(story.id);
        await call('media.remove', { id: unused.id });
        await call('media.restore', { id: unused.id });
        await call('library.status', {});
        await call('library.dismiss', {});
        const backup = await call('backup.create', {});
        await call('backup.list', {});
        await call('backup.restore', { fileName: backup.fileName });
        expect([...answered, 'outbox.publishNow'].sort()).toEqual([...methodNames].sort());
      } finally {
        await site.remove();
      }
    });

    it('reports the data folder and nothing quarantined in a healthy library', async () => {
      expect(await ok('library.status', {})).toEqual({ dataDir: dir, readOnly: false, quarantined: [] });
    });
  });
}
