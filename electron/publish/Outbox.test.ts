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

  it('tests the folder: writable, or missing', async () => {
    expect(await handlers['publishing.test']({ target: 'folder' })).toEqual({ ok: true, message: folder });
    await rm(folder, { recursive: true });
    expect(await handlers['publishing.test']({ target: 'folder' })).toMatchObject({ ok: false, code: 'offline' });
  });
});
