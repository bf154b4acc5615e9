import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../api/dispatch';
import { createHandlers } from '../api/createHandlers';
import type { Services } from '../services/createServices';
import { openTempServices } from '../../tests/support/tempServices';

const minute = 60_000;
let dir: string;
let close: () => Promise<void>;
let services: Services;
let clock: number;

beforeEach(async () => {
  clock = Date.parse('2024-05-14T01:00:00Z');
  ({ dir, services, close } = await openTempServices({ now: () => new Date(clock) }));
});
afterEach(() => close());

const paragraph = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** Three versions, five minutes apart, then a few more saves that the last version coalesces. */
async function storyWithThreeVersions() {
  let story = await services.stories.create({ headline: 'Bản một', body: paragraph('Lời mở đầu.') });
  for (const [i, headline] of ['Bản hai', 'Bản ba'].entries()) {
    clock += 6 * minute;
    story = await services.stories.update(story.id, story.revision, { headline, body: paragraph(`Đoạn ${i + 2}.`) });
  }
  clock += minute;
  story = await services.stories.update(story.id, story.revision, { headline: 'Bản ba, sửa thêm' });
  await services.history.idle();
  return story;
}

describe('StoryHistory', () => {
  it('keeps one version per five minutes of editing, the newest following every save', async () => {
    const story = await storyWithThreeVersions();
    const items = await services.history.list(story.id);
    expect(items.map((v) => [v.revision, v.reason])).toEqual([
      [4, 'autosave'], // began at revision 3; the save a minute later is in it
      [2, 'autosave'],
      [1, 'autosave'],
    ]);
    expect(items[0]!.words).toBe(2); // "Đoạn 3.": the headline is not counted, as the status bar does not count it
    expect((await services.history.get(story.id, items[0]!.versionId)).headline).toBe('Bản ba, sửa thêm');
    expect((await services.history.get(story.id, items[2]!.versionId)).headline).toBe('Bản một');
  });

  it('keeps no version of an empty story', async () => {
    const story = await services.stories.create({});
    await services.history.idle();
    expect(await services.history.list(story.id)).toEqual([]);
  });

  it('brings back every field the reporter edits, new ones included, but leaves the deadline and embargo as they are now', async () => {
    let story = await services.stories.create({ headline: 'Tin từ hãng', source: 'Theo: TTXVN', original: false });
    await services.history.idle();
    const [first] = await services.history.list(story.id);
    clock += 6 * minute;
    const deadline = { at: '2024-05-14T10:00:00.000Z', timeZone: 'Asia/Ho_Chi_Minh' };
    story = await services.stories.update(story.id, story.revision, { headline: 'Tin tự viết', source: '', original: true, deadline });
    const restored = await createHandlers(services)['history.restore']({ id: story.id, versionId: first!.versionId });
    expect(restored).toMatchObject({ headline: 'Tin từ hãng', source: 'Theo: TTXVN', original: false, deadline });
  });

  it('restores a version as a new revision, keeping the story as it was first, so nothing is overwritten', async () => {
    const handlers = createHandlers(services);
    const story = await storyWithThreeVersions();
    const oldest = (await services.history.list(story.id)).at(-1)!;
    const restored = await handlers['history.restore']({ id: story.id, versionId: oldest.versionId });
    expect(restored).toMatchObject({ headline: 'Bản một', revision: story.revision + 1, body: paragraph('Lời mở đầu.') });
    const items = await services.history.list(story.id);
    expect(items.map((v) => [v.revision, v.reason])).toEqual([
      [5, 'restore'],
      [4, 'autosave'],
      [2, 'autosave'],
      [1, 'autosave'],
    ]);
    expect((await services.history.get(story.id, items[1]!.versionId)).headline).toBe('Bản ba, sửa thêm');
    // Editing after a restore starts a version of its own; the restored one stays as it was.
    clock += minute;
    await services.stories.update(story.id, restored.revision, { headline: 'Bản một, sửa lại' });
    await services.history.idle();
    const after = await services.history.list(story.id);
    expect(after.map((v) => [v.revision, v.reason]).slice(0, 2)).toEqual([
      [6, 'autosave'],
      [5, 'restore'],
    ]);
  });

  it('keeps a version when the reporter asks, once per revision', async () => {
    const handlers = createHandlers(services);
    const story = await services.stories.create({ headline: 'Bài' });
    await services.history.idle();
    // The first save's version becomes the reporter's kept one.
    expect(await handlers['history.keep']({ id: story.id })).toMatchObject({ revision: 1, reason: 'manual' });
    expect(await handlers['history.keep']({ id: story.id })).toMatchObject({ revision: 1, reason: 'manual' });
    const edited = await services.stories.update(story.id, 1, { headline: 'Bài đã sửa' });
    await services.history.idle();
    // The save after it starts a new version, which keeps following saves until it is kept too.
    expect(await services.history.list(story.id)).toHaveLength(2);
    expect(await handlers['history.keep']({ id: story.id })).toMatchObject({ revision: edited.revision, reason: 'manual' });
    expect(await services.history.list(story.id)).toHaveLength(2);
  });

  it('keeps the text before a big deletion as a version of its own, which the deleting save leaves as it was', async () => {
    const handlers = createHandlers(services);
    const story = await services.stories.create({ headline: 'Bài', body: paragraph('Một hai ba bốn năm sáu bảy tám.') });
    await services.history.idle();
    expect(await handlers['history.keep']({ id: story.id, reason: 'beforeBigDelete' })).toMatchObject({ revision: 1, reason: 'beforeBigDelete' });
    await services.stories.update(story.id, 1, { body: { type: 'doc', content: [{ type: 'paragraph' }] } });
    await services.history.idle();
    const versions = await services.history.list(story.id);
    expect(versions.map((v) => [v.revision, v.reason])).toEqual([
      [2, 'autosave'],
      [1, 'beforeBigDelete'],
    ]);
    expect((await services.history.get(story.id, versions[1]!.versionId)).body).toEqual(paragraph('Một hai ba bốn năm sáu bảy tám.'));
  });

  it('stores versions beside the story, never in its file or the index', async () => {
    let story = await services.stories.create({ headline: 'Bài dài', body: paragraph('Nội dung.') });
    const fileSize = async () => (await stat(join(dir, 'stories', `${story.id}.json`))).size;
    const before = await fileSize();
    for (let i = 0; i < 30; i++) {
      clock += 6 * minute;
      story = await services.stories.update(story.id, story.revision, { body: paragraph(`Nội dung ${i % 10}.`) });
    }
    await services.history.idle();
    expect(await services.history.list(story.id)).toHaveLength(31);
    expect(Math.abs((await fileSize()) - before)).toBeLessThan(40);
    expect((await readdir(join(dir, 'history', story.id))).filter((f) => f.endsWith('.json'))).toHaveLength(31);
    // Saves within one stretch rewrite its version; the log is folded back to a line a version as it grows.
    for (let i = 0; i < 120; i++) story = await services.stories.update(story.id, story.revision, { body: paragraph(`Sửa nhanh ${i}.`) });
    await services.history.idle();
    const items = await services.history.list(story.id);
    expect(items).toHaveLength(31);
    expect(items[0]!.revision).toBe(story.revision);
    const logLines = (await readFile(join(dir, 'history', story.id, 'versions.jsonl'), 'utf8')).trim().split('\n');
    expect(logLines.length).toBeLessThanOrEqual(31 * 4);
    expect(await readFile(join(dir, 'index.json'), 'utf8').catch(() => '')).not.toContain('Nội dung 3');
  });

  it('refuses a version id that is not one, before it can reach a file name', async () => {
    const handlers = createHandlers(services);
    const story = await services.stories.create({ headline: 'Bài' });
    const result = await dispatch(handlers, 'history.get', { id: story.id, versionId: '../../settings' }, services.log);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const missing = await dispatch(handlers, 'history.get', { id: story.id, versionId: 'r9-20240101T000000000Z' }, services.log);
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
