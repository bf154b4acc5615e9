import { readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatelineError } from '../../shared/api/DatelineError';
import { makeTempDir } from '../../tests/support/tempDir';
import { recordingLogger } from '../../tests/support/quietLogger';
import { makeStory, seedLibrary } from '../../tests/support/seedLibrary';
import { StoryStore } from './StoryStore';
import { Quarantine } from '../library/Quarantine';
import { realFileSystem } from './fileSystem';

const headline = 'Tăng cường phối hợp các cơ quan chức năng';
const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quảng Ninh triển khai kế hoạch.' }] }] };

let dir: string;
let remove: () => Promise<void>;
let log: ReturnType<typeof recordingLogger>;

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir());
  log = recordingLogger();
});
afterEach(() => remove());

const open = () => StoryStore.open({ dataDir: dir, log });
const storyFile = (id: string) => join(dir, 'stories', `${id}.json`);

async function expectCode(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatelineError);
  expect((error as DatelineError).code).toBe(code);
  return error as DatelineError;
}

describe('StoryStore', () => {
  it('greets a new library with one welcome story, and only once', async () => {
    const store = await open();
    const { items } = store.list();
    expect(items).toHaveLength(1);
    expect(items[0]!.headline).toBe('Chào mừng đến với Dateline');
    await store.trash(items[0]!.id);
    const reopened = await open();
    expect(reopened.list().items).toHaveLength(0);
    expect(reopened.list({ trashed: true }).items).toHaveLength(1);
  });

  it('creates a story and writes it to its own JSON file', async () => {
    const store = await open();
    const story = await store.create({ headline, body });
    expect(story.revision).toBe(1);
    expect(story.status).toBe('draft');
    const onDisk = JSON.parse(await readFile(storyFile(story.id), 'utf8'));
    expect(onDisk.headline).toBe(headline);
    expect(onDisk.body).toEqual(body);
    expect(await store.get(story.id)).toEqual(story);
  });

  it('updates a story and raises its revision', async () => {
    const store = await open();
    const story = await store.create({ headline });
    const updated = await store.update(story.id, 1, { sapo: 'Sáng 14/5, UBND tỉnh họp.', tags: ['Quảng Ninh'] });
    expect(updated.revision).toBe(2);
    expect(updated.headline).toBe(headline);
    expect(updated.sapo).toBe('Sáng 14/5, UBND tỉnh họp.');
    const reopened = await open();
    expect((await reopened.get(story.id)).tags).toEqual(['Quảng Ninh']);
  });

  it('refuses a write based on a stale revision and keeps the newer text', async () => {
    const store = await open();
    const story = await store.create({ headline });
    await store.update(story.id, 1, { headline: 'Bản mới' });
    const error = await expectCode(store.update(story.id, 1, { headline: 'Bản cũ' }), 'conflict');
    expect(error.details).toEqual({ currentRevision: 2 });
    expect((await store.get(story.id)).headline).toBe('Bản mới');
  });

  it('serialises concurrent saves of one story: exactly one of two based on the same revision wins', async () => {
    const store = await open();
    const story = await store.create({ headline });
    const results = await Promise.allSettled([store.update(story.id, 1, { headline: 'A' }), store.update(story.id, 1, { headline: 'B' })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await store.get(story.id)).revision).toBe(2);
  });

  it('moves a story to the trash and restores it', async () => {
    const store = await open();
    const story = await store.create({ headline });
    const trashed = await store.trash(story.id);
    expect(trashed.trashedAt).not.toBeNull();
    expect(store.list().items.map((s) => s.id)).not.toContain(story.id);
    expect(store.list({ trashed: true }).items.map((s) => s.id)).toContain(story.id);
    const restored = await store.restore(story.id);
    expect(restored.trashedAt).toBeNull();
    expect(store.list().items.map((s) => s.id)).toContain(story.id);
    expect(await readdir(join(dir, 'stories'))).toContain(`${story.id}.json`);
  });

  it('answers not_found for an unknown id', async () => {
    const store = await open();
    await expectCode(store.get('00000000-no-such-story'), 'not_found');
    await expectCode(store.update('00000000-no-such-story', 1, {}), 'not_found');
  });

  it('stores decomposed (NFD) input as composed (NFC)', async () => {
    const store = await open();
    const story = await store.create({ headline: headline.normalize('NFD'), tags: ['Quảng Ninh'.normalize('NFD')] });
    expect(story.headline).toBe(headline.normalize('NFC'));
    const updated = await store.update(story.id, 1, { sapo: 'Đại tướng phát biểu'.normalize('NFD') });
    const raw = await readFile(storyFile(story.id), 'utf8');
    expect(raw).toContain('Đại tướng phát biểu'.normalize('NFC'));
    expect(raw).not.toContain('Đại tướng'.normalize('NFD'));
    expect(updated.tags).toEqual(['Quảng Ninh'.normalize('NFC')]);
  });

  it('lists summaries without bodies, newest first, a page at a time', async () => {
    let clock = Date.parse('2024-05-14T01:00:00Z');
    const store = await StoryStore.open({ dataDir: dir, log, now: () => new Date((clock += 1000)) });
    for (let i = 0; i < 5; i++) await store.create({ headline: `Tin ${i}`, body });
    const first = store.list({ limit: 3 });
    expect(first.items.map((s) => s.headline)).toEqual(['Tin 4', 'Tin 3', 'Tin 2']);
    expect(first.items.every((s) => !('body' in s))).toBe(true);
    const second = store.list({ limit: 3, cursor: first.nextCursor });
    expect(second.items.map((s) => s.headline)).toEqual(['Tin 1', 'Tin 0', 'Chào mừng đến với Dateline']);
    expect(second.nextCursor).toBeUndefined();
    expect(() => store.list({ cursor: 'abc' })).toThrow(DatelineError);
  });

  it('quarantines a corrupt story file, reports it, and still loads the rest', async () => {
    const store = await open();
    const good = await store.create({ headline: 'Bài còn tốt' });
    const bad = await store.create({ headline: 'Bài sẽ hỏng' });
    await rm(join(dir, 'index.json'));
    await writeFile(storyFile(bad.id), '{"headline": "Bài sẽ hỏ');
    const reopened = await open();
    expect(reopened.list().items.map((s) => s.id)).toContain(good.id);
    expect(reopened.list().items.map((s) => s.id)).not.toContain(bad.id);
    const problems = await new Quarantine(dir, realFileSystem, log).list();
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe(`stories/${bad.id}.json`);
    expect((await readdir(join(dir, 'quarantine'))).filter((name) => !name.endsWith('.why.json'))).toEqual([expect.stringContaining(bad.id)]);
    expect(log.lines.some((line) => line.startsWith('warn') && line.includes('quarantine'))).toBe(true);
  });

  it('quarantines a story file that is JSON but not a story, when it is opened', async () => {
    const store = await open();
    const story = await store.create({ headline });
    await writeFile(storyFile(story.id), JSON.stringify({ hello: 'world' }));
    await expectCode(store.get(story.id), 'not_found');
    expect(await new Quarantine(dir, realFileSystem, log).list()).toHaveLength(1);
    expect(store.list().items.map((s) => s.id)).not.toContain(story.id);
  });

  it('rebuilds a deleted index from the story files', async () => {
    const store = await open();
    const a = await store.create({ headline: 'Một' });
    const b = await store.update((await store.create({ headline: 'Hai' })).id, 1, { headline: 'Hai (sửa)' });
    await unlink(join(dir, 'index.json'));
    const reopened = await open();
    const byId = new Map(reopened.list().items.map((s) => [s.id, s]));
    expect(byId.get(a.id)?.headline).toBe('Một');
    expect(byId.get(b.id)?.headline).toBe('Hai (sửa)');
    expect(byId.size).toBe(3);
    expect(JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')).stories).toHaveLength(3);
  });

  it('rebuilds a corrupt index and keeps the damaged copy aside', async () => {
    const store = await open();
    const story = await store.create({ headline });
    await writeFile(join(dir, 'index.json'), 'not json at all');
    const reopened = await open();
    expect(reopened.list().items.map((s) => s.id)).toContain(story.id);
    expect((await readdir(join(dir, 'quarantine'))).some((name) => name.endsWith('index.json'))).toBe(true);
  });

  it('repairs an index that misses a story file or lists a deleted one', async () => {
    const store = await open();
    const kept = await store.create({ headline: 'Giữ lại' });
    const gone = await store.create({ headline: 'Đã mất' });
    const indexText = await readFile(join(dir, 'index.json'), 'utf8');
    const extra = await store.create({ headline: 'Chưa vào chỉ mục' });
    await writeFile(join(dir, 'index.json'), indexText);
    await unlink(storyFile(gone.id));
    const ids = (await open()).list().items.map((s) => s.id);
    expect(ids).toContain(kept.id);
    expect(ids).toContain(extra.id);
    expect(ids).not.toContain(gone.id);
  });

  it('removes temp files left by a write that was interrupted', async () => {
    const store = await open();
    const story = await store.create({ headline });
    const leftover = join(dir, 'stories', `.${story.id}.json.abc123.tmp`);
    await writeFile(leftover, '{"half":');
    await open();
    expect(await readdir(join(dir, 'stories'))).not.toContain(`.${story.id}.json.abc123.tmp`);
    expect((await open()).list().items.map((s) => s.id)).toContain(story.id);
    await expect(stat(leftover)).rejects.toThrow();
  });
});

describe('StoryStore at 2,000 stories', () => {
  it('saving one story touches only that story file and appends to the index journal', async () => {
    const stories = Array.from({ length: 2000 }, (_, i) => makeStory({ headline: `Tin số ${i}` }));
    await seedLibrary(dir, stories);
    const store = await open();
    const ids = stories.map((story) => story.id);
    const folder = join(dir, 'stories');
    const before = new Map<string, number>();
    for (const name of await readdir(folder)) before.set(name, (await stat(join(folder, name))).mtimeMs);
    const indexBefore = (await stat(join(dir, 'index.json'))).mtimeMs;
    // mtime has coarse resolution on some file systems: wait long enough for a rewrite to show.
    await new Promise((resolve) => setTimeout(resolve, 20));

    const target = ids[1234]!;
    await store.update(target, 1, { headline: 'Tin đã sửa' });

    const changed: string[] = [];
    for (const name of await readdir(folder)) {
      if ((await stat(join(folder, name))).mtimeMs !== before.get(name)) changed.push(name);
    }
    expect(changed).toEqual([`${target}.json`]);
    // The summaries of the other 1,999 stories are not rewritten: one line says the story is being written,
    // one carries its new summary.
    expect((await stat(join(dir, 'index.json'))).mtimeMs).toBe(indexBefore);
    const journal = (await readFile(join(dir, 'index.journal'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(journal).toEqual([{ writing: target }, { put: expect.objectContaining({ id: target, headline: 'Tin đã sửa', revision: 2 }) }]);
    expect(before.size).toBe(2000);
    await store.close();
    const reopened = await open();
    expect(reopened.list({ limit: 3000 }).items.find((s) => s.id === target)?.headline).toBe('Tin đã sửa');
    await reopened.close();
  });
});

describe('the index journal', () => {
  const journalPath = () => join(dir, 'index.journal');

  it('re-reads a story whose write began but whose summary never reached the journal (a crash between)', async () => {
    const store = await open();
    const story = await store.create({ headline: 'Trước khi mất điện' });
    await store.close();
    // The crash: the story file holds revision 2, the journal only the "writing" line before it.
    await writeFile(storyFile(story.id), JSON.stringify({ ...story, headline: 'Sau khi mất điện', revision: 2 }));
    await writeFile(journalPath(), `${await readFile(journalPath(), 'utf8')}${JSON.stringify({ writing: story.id })}\n`);

    const reopened = await open();
    expect(reopened.list().items.find((s) => s.id === story.id)).toMatchObject({ headline: 'Sau khi mất điện', revision: 2 });
    expect(log.lines).toContain('warn story index repaired: 1 re-read, 0 removed');
    await reopened.close();
  });

  it('ignores a last line cut short, and rebuilds from the files when a line before it is damaged', async () => {
    const store = await open();
    const story = await store.create({ headline: 'Bài một' });
    await store.update(story.id, 1, { headline: 'Bài một, sửa' });
    await store.close();
    const lines = await readFile(journalPath(), 'utf8');
    await writeFile(journalPath(), `${lines}{"put":{"id":"cut sh`);
    const afterCut = await open();
    expect(afterCut.list().items.find((s) => s.id === story.id)?.headline).toBe('Bài một, sửa');
    expect(log.lines.filter((line) => line.includes('rebuilt'))).toEqual([]);
    await afterCut.close();

    await writeFile(journalPath(), `{"put":{"garbage":true}}\n${lines}`);
    const afterDamage = await open();
    expect(afterDamage.list().items.find((s) => s.id === story.id)?.headline).toBe('Bài một, sửa');
    expect(log.lines.some((line) => line.includes('line 1 is damaged; the index is rebuilt'))).toBe(true);
    await afterDamage.close();
  });

  it('folds the journal into index.json once it grows, keeping every summary', async () => {
    const store = await StoryStore.open({ dataDir: dir, log, journalLimit: 10 });
    const created = [];
    for (let i = 0; i < 8; i++) created.push(await store.create({ headline: `Bài ${i}` }));
    await store.close();
    const journalLines = (await readFile(journalPath(), 'utf8')).split('\n').filter(Boolean);
    expect(journalLines.length).toBeLessThan(10);
    const snapshot = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as { stories: { headline: string }[] };
    expect(snapshot.stories.map((s) => s.headline)).toEqual(expect.arrayContaining(['Bài 0', 'Bài 3']));
    const reopened = await open();
    expect(reopened.list().items.map((s) => s.headline)).toEqual(expect.arrayContaining(created.map((s) => s.headline)));
    expect(log.lines.filter((line) => line.startsWith('warn'))).toEqual([]);
    await reopened.close();
  });
});

describe('the index snapshot', () => {
  it('opens on its outline, then checks each summary and rebuilds from the files when one is malformed', async () => {
    const store = await open();
    const story = await store.create({ headline: 'Bài thật' });
    await store.close();
    const path = join(dir, 'index.json');
    const snapshot = JSON.parse(await readFile(path, 'utf8')) as { stories: Record<string, unknown>[] };
    // Force a snapshot rewrite first: the journal holds the story, so put it in the snapshot by hand, damaged.
    snapshot.stories.push({ ...snapshot.stories[0], id: story.id, headline: 42 });
    await writeFile(path, JSON.stringify(snapshot));
    await rm(join(dir, 'index.journal'));

    const reopened = await open();
    await reopened.indexVerified();
    expect(log.lines.some((line) => line.includes('malformed summary') && line.includes(story.id))).toBe(true);
    expect(reopened.list().items.find((s) => s.id === story.id)?.headline).toBe('Bài thật');
    await reopened.close();
    const again = await open();
    await again.indexVerified();
    expect(log.lines.filter((line) => line.includes('malformed summary'))).toHaveLength(1);
    await again.close();
  });
});

describe('a story file changed by another program', () => {
  it('is kept as a story of its own before anything is written over it, and the save is refused as a conflict', async () => {
    const store = await open();
    const mine = await store.create({ headline: 'Bản của phóng viên', sapo: 'Sapo gốc.' });
    // A sync client brings another device's version of the same file, at the same revision.
    const theirs = { ...mine, headline: 'Bản từ máy khác', sapo: 'Sapo sửa ở máy khác.' };
    await writeFile(storyFile(mine.id), JSON.stringify(theirs, null, 2));

    const error = await expectCode(store.update(mine.id, mine.revision, { sapo: 'Sapo của tôi, viết tiếp.' }), 'conflict');
    const { conflictCopyId, currentRevision } = error.details as { conflictCopyId: string; currentRevision: number };
    const copy = await store.get(conflictCopyId);
    expect(copy).toMatchObject({ headline: '[Bản sửa ngoài Dateline] Bản từ máy khác', sapo: 'Sapo sửa ở máy khác.' });
    expect(copy.ednote).toContain(mine.id);
    expect(log.lines.some((line) => line.startsWith('warn') && line.includes('changed outside Dateline'))).toBe(true);

    // "Keep mine": the reporter's next save goes through; both versions are in the library.
    const saved = await store.update(mine.id, currentRevision, { sapo: 'Sapo của tôi, viết tiếp.' });
    expect(saved).toMatchObject({ headline: 'Bản từ máy khác', sapo: 'Sapo của tôi, viết tiếp.' });
    expect(store.list().items.map((s) => s.headline).sort()).toEqual(
      ['Chào mừng đến với Dateline', '[Bản sửa ngoài Dateline] Bản từ máy khác', 'Bản từ máy khác'].sort(),
    );
    await store.close();
  });

  it('does not count its own writes, or a file merely reformatted, as a change', async () => {
    const store = await open();
    let story = await store.create({ headline: 'Bài' });
    for (let i = 0; i < 3; i++) story = await store.update(story.id, story.revision, { sapo: `Lần ${i}` });
    await writeFile(storyFile(story.id), JSON.stringify(JSON.parse(await readFile(storyFile(story.id), 'utf8'))));
    story = await store.update(story.id, story.revision, { sapo: 'Lần cuối' });
    expect(story.revision).toBe(5);
    expect(store.list().items).toHaveLength(2);
    await store.close();
  });
});
