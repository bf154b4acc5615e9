import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, type Handlers } from '../api/createHandlers';
import { dispatch } from '../api/dispatch';
import { createServices } from '../services/createServices';
import { openTempServices, type TempServices } from '../../tests/support/tempServices';
import { handlerCall, publishableStory, tomorrowSixInHanoi, type ApiCall } from '../../tests/support/publishableStory';
import { recordingLogger } from '../../tests/support/quietLogger';
import { makeTempDir } from '../../tests/support/tempDir';

// The outbox with the folder target, on real folders: the queue, its backoff, its file and its restarts.
let temp: TempServices;
let handlers: Handlers;
let call: ApiCall;
let drive: { dir: string; remove: () => Promise<void> };
let folder: string;

const fastBackoff = { baseMs: 40, maxMs: 160 };

beforeEach(async () => {
  drive = await makeTempDir('dateline-drive-');
  folder = join(drive.dir, 'tin-bai');
  await mkdir(folder);
  temp = await openTempServices({ outboxBackoff: fastBackoff });
  handlers = createHandlers(temp.services);
  call = handlerCall(handlers);
  await handlers['settings.update']({ folderTarget: { enabled: true, path: folder } });
});
afterEach(async () => {
  await temp.close();
  await drive.remove();
});

const scheduled = async (headline?: string) => {
  const story = await publishableStory(call, temp.dir, headline);
  return handlers['stories.transition']({ id: story.id, to: 'scheduled', publishAt: tomorrowSixInHanoi().publishAt });
};
const until = async <T>(read: () => T | Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> => {
  for (let i = 0; i < 200; i++) {
    const value = await read();
    if (accept(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
};

describe('Outbox with the folder target', () => {
  it('delivers a scheduled story by itself as a page with its photos, and removes it when the story is killed', async () => {
    const story = await scheduled();
    const [job] = await until(() => temp.services.outbox.list(), (items) => items[0]?.state === 'delivered', 'the delivery');
    expect(job).toMatchObject({ storyId: story.id, target: 'folder', action: 'publish', attempts: 1, error: null });
    const [storyFolder] = await readdir(folder);
    expect(storyFolder).toMatch(/^thong-xe-duong-ven-bien-ha-long-cam-pha-[0-9a-f]{8}$/);
    const page = await readFile(join(folder, storyFolder!, 'index.html'), 'utf8');
    expect(page).toContain('Thông xe đường ven biển Hạ Long – Cẩm Phả');
    // Both figures, and the featured photo above the headline (the first photo again).
    expect(new Set(page.match(/<img src="images\/[0-9a-f]{16}\.jpg"/g))).toHaveProperty('size', 2);
    expect(await readdir(join(folder, storyFolder!, 'images'))).toHaveLength(2);
    expect(job!.remote?.url).toBe(`file://${join(folder, storyFolder!, 'index.html')}`);

    await handlers['stories.transition']({ id: story.id, to: 'published' });
    await handlers['stories.transition']({ id: story.id, to: 'killed' });
    await until(() => temp.services.outbox.list(), (items) => items[0]?.action === 'withdraw' && items[0].state === 'delivered', 'the withdrawal');
    expect(await readdir(folder)).toEqual([]);
  });

  it('waits with the reason while the drive is unplugged, and delivers once it is back, without being asked', async () => {
    await rm(folder, { recursive: true });
    await scheduled();
    const waiting = await until(() => temp.services.outbox.list(), (items) => (items[0]?.attempts ?? 0) >= 2 && items[0]?.state === 'queued', 'a second try');
    expect(waiting[0]).toMatchObject({ state: 'queued', error: { code: 'offline', willRetry: true } });
    expect(waiting[0]!.error!.message).toContain(folder);
    expect(waiting[0]!.nextAttemptAt).not.toBeNull();
    await mkdir(folder);
    const [job] = await until(() => temp.services.outbox.list(), (items) => items[0]?.state === 'delivered', 'the delivery after the drive came back');
    expect(job!.error).toBeNull();
    expect(await readdir(folder)).toHaveLength(1);
  });

  it('keeps its jobs across a restart, and sends again a job a crash left half-sent', async () => {
    const story = await scheduled();
    await until(() => temp.services.outbox.list(), (items) => items[0]?.state === 'delivered', 'the delivery');
    await temp.services.close();
    // As a kill mid-delivery leaves the file: the job marked as being sent, the page half there.
    const file = JSON.parse(await readFile(join(temp.dir, 'outbox.json'), 'utf8'));
    file.jobs[0].state = 'sending';
    await writeFile(join(temp.dir, 'outbox.json'), JSON.stringify(file));
    const [storyFolder] = await readdir(folder);
    await rm(join(folder, storyFolder!, 'index.html'));

    const log = recordingLogger();
    const reopened = await createServices({ dataDir: temp.dir, log, outboxBackoff: fastBackoff });
    try {
      const [job] = await until(() => reopened.outbox.list(), (items) => items[0]?.state === 'delivered', 'the resumed delivery');
      expect(job).toMatchObject({ storyId: story.id, attempts: 2 });
      expect(await readdir(folder)).toEqual([storyFolder]);
      expect(await readdir(join(folder, storyFolder!))).toContain('index.html');
      expect(log.lines.some((line) => line.startsWith('warn') && line.includes('interrupted'))).toBe(true);
    } finally {
      await reopened.close();
    }
  });

  it('forgets delivered jobs after a month, but keeps what the target holds of the story', async () => {
    await scheduled();
    await until(() => temp.services.outbox.list(), (items) => items[0]?.state === 'delivered', 'the delivery');
    await temp.services.close();
    const later = await createServices({ dataDir: temp.dir, log: recordingLogger(), now: () => new Date(Date.now() + 31 * 24 * 3_600_000) });
    try {
      expect(later.outbox.list()).toEqual([]);
    } finally {
      await later.close();
    }
    const file = JSON.parse(await readFile(join(temp.dir, 'outbox.json'), 'utf8'));
    expect(file.jobs).toEqual([]);
    expect(Object.keys(file.remote)).toHaveLength(1);
  });

  it('moves a damaged outbox file aside, says so, and carries on with the stories untouched', async () => {
    const story = await scheduled();
    await temp.services.close();
    await writeFile(join(temp.dir, 'outbox.json'), '{"schemaVersion":1,"jobs":[{"jobId"');
    const log = recordingLogger();
    const reopened = await createServices({ dataDir: temp.dir, log });
    try {
      expect(reopened.outbox.list()).toEqual([]);
      expect((await readdir(join(temp.dir, 'quarantine'))).some((name) => name.endsWith('-outbox.json'))).toBe(true);
      expect(log.lines.some((line) => line.startsWith('error') && line.includes('outbox'))).toBe(true);
      expect((await reopened.stories.get(story.id)).status).toBe('scheduled');
    } finally {
      await reopened.close();
    }
  });

  it('retries a job on request and drops a cancelled one', async () => {
    await rm(folder, { recursive: true });
    await scheduled();
    const [waiting] = await until(() => temp.services.outbox.list(), (items) => items[0]?.error !== null && items[0]?.error !== undefined, 'a failure');
    await mkdir(folder);
    const retried = await handlers['outbox.retry']({ jobId: waiting!.jobId });
    expect(retried.items[0]!.state).not.toBe('failed');
    await until(() => temp.services.outbox.list(), (items) => items[0]?.state === 'delivered', 'the retried delivery');
    expect((await handlers['outbox.cancel']({ jobId: waiting!.jobId })).items).toEqual([]);
    expect(await dispatch(handlers, 'outbox.cancel', { jobId: waiting!.jobId }, temp.log)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses to push a story that is not scheduled or published, and says when no target is set up', async () => {
    const story = await publishableStory(call, temp.dir);
    expect(await dispatch(handlers, 'outbox.push', { storyId: story.id }, temp.log)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await handlers['settings.update']({ folderTarget: { enabled: false, path: folder } });
    await handlers['stories.transition']({ id: story.id, to: 'scheduled', publishAt: tomorrowSixInHanoi().publishAt });
    expect(temp.services.outbox.list()).toEqual([]);
    expect(await dispatch(handlers, 'outbox.push', { storyId: story.id }, temp.log)).toMatchObject({ ok: false, error: { code: 'not_configured' } });
  });

  it('holds back a scheduled story edited until it fails the checklist, says why, and sends it once it is mended', async () => {
    const story = await scheduled();
    const [delivered] = await until(() => temp.services.outbox.list(), (items) => items[0]?.state === 'delivered', 'the delivery');
    const [storyFolder] = await readdir(folder);
    const page = join(folder, storyFolder!, 'index.html');
    const before = await readFile(page, 'utf8');

    // The sapo emptied and the second caption taken away, saved as the autosave saves.
    const current = await temp.services.stories.get(story.id);
    const body = structuredClone(current.body);
    const figures = body.content!.filter((node) => node.type === 'figure');
    figures[1]!.content = [];
    const broken = await handlers['stories.update']({ id: story.id, baseRevision: current.revision, changes: { sapo: '', body } });
    const [held] = await until(() => temp.services.outbox.list(), (items) => items[0]?.state === 'held', 'the hold');
    expect(held).toMatchObject({ jobId: delivered!.jobId, state: 'held', storyRevision: broken.revision });
    expect(held!.holds.map((item) => item.id)).toEqual(['sapo-missing', 'figure-caption-2']);
    expect((await handlers['stories.holds']({ id: story.id })).items.map((item) => item.id)).toEqual(['sapo-missing', 'figure-caption-2']);
    // Nothing is sent, by itself, by "Gửi tất cả ngay" or by "Gửi lại": the page is still the checked version.
    await handlers['outbox.flush']({});
    expect(await dispatch(handlers, 'outbox.push', { storyId: story.id }, temp.log)).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    await handlers['outbox.retry']({ jobId: held!.jobId });
    await until(() => temp.services.outbox.list(), (items) => items[0]?.state === 'held', 'the hold after a retry');
    expect(await readFile(page, 'utf8')).toBe(before);
    expect((await handlers['outbox.list']({})).sent).toEqual([story.id]);

    const mended = await handlers['stories.update']({ id: story.id, baseRevision: broken.revision, changes: { sapo: 'Sapo viết lại sau khi sửa.', body: current.body } });
    const [sent] = await until(() => temp.services.outbox.list(), (items) => items[0]?.state === 'delivered' && items[0].storyRevision === mended.revision, 'the delivery of the mended story');
    expect(sent!.holds).toEqual([]);
    expect(await readFile(page, 'utf8')).toContain('Sapo viết lại sau khi sửa.');
  });

  it('tells apart a published story sent nowhere from one a target holds', async () => {
    const story = await publishableStory(call, temp.dir);
    await handlers['settings.update']({ folderTarget: { enabled: false, path: folder } });
    expect((await handlers['stories.checklist']({ id: story.id, to: 'published' })).items.map((item) => [item.id, item.severity])).toEqual([['destination-missing', 'warning']]);
    // Allowed: it can be delivered later.
    await handlers['stories.transition']({ id: story.id, to: 'published' });
    expect(await handlers['outbox.list']({})).toEqual({ items: [], sent: [] });

    await handlers['settings.update']({ folderTarget: { enabled: true, path: folder } });
    expect((await handlers['stories.checklist']({ id: story.id, to: 'published' })).items).toEqual([]);
    await handlers['outbox.push']({ storyId: story.id });
    await until(() => temp.services.outbox.list(), (items) => items[0]?.state === 'delivered', 'the late delivery');
    expect((await handlers['outbox.list']({})).sent).toEqual([story.id]);
  });

  it('tests the folder: writable, or missing', async () => {
    expect(await handlers['publishing.test']({ target: 'folder' })).toEqual({ ok: true, message: folder });
    await rm(folder, { recursive: true });
    expect(await handlers['publishing.test']({ target: 'folder' })).toMatchObject({ ok: false, code: 'offline' });
  });
});
