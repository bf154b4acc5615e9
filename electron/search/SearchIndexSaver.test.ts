import { readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Story } from '../../shared/story/storySchema';
import { makeTempDir } from '../../tests/support/tempDir';
import { recordingLogger } from '../../tests/support/quietLogger';
import { makeStory, seedLibrary } from '../../tests/support/seedLibrary';
import { createServices, type Services } from '../services/createServices';
import { searchIndexFileName } from './searchIndexFile';

const paragraph = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const places = ['Quảng Ninh', 'Hạ Long', 'Cẩm Phả', 'Móng Cái', 'Vân Đồn'];
const corpus: Story[] = Array.from({ length: 60 }, (_, i) =>
  makeStory({ headline: `Tin ${places[i % places.length]} số ${i}`, body: paragraph(`Đảng viên ở ${places[(i + 2) % places.length]} hòa giải vụ ${i}.`) }),
);

let dir: string;
let remove: () => Promise<void>;
let open: Services[] = [];

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir());
  await seedLibrary(dir, corpus);
});
afterEach(async () => {
  for (const services of open) await services.close();
  open = [];
  await remove();
});

async function openLibrary(log = recordingLogger()) {
  const services = await createServices({ dataDir: dir, log });
  open.push(services);
  return { services, log };
}

const ids = (services: Services, query: string) => services.search.search(query).hits.map((hit) => hit.id);

describe('the saved search index', () => {
  it('is written once the index is built, and a later open searches from it at once, with the same answers', async () => {
    const { services: first } = await openLibrary();
    await first.searchReady;
    const answers = ['quang ninh', 'dang vien ha long ', 'hòa', 'mon', 'so 17 '].map((q) => ids(first, q));
    expect(answers[0]!.length).toBeGreaterThan(0);
    await first.close();
    open = [];

    const { services: second, log } = await openLibrary();
    // Before any repair has run, perhaps before the phrase data is in: the same stories, from the file alone.
    expect(second.search.size).toBe(corpus.length);
    const sorted = (lists: string[][]) => lists.map((list) => [...list].sort());
    expect(sorted(['quang ninh', 'dang vien ha long ', 'hòa', 'mon', 'so 17 '].map((q) => ids(second, q)))).toEqual(sorted(answers));
    await second.searchReady;
    expect(['quang ninh', 'dang vien ha long ', 'hòa', 'mon', 'so 17 '].map((q) => ids(second, q))).toEqual(answers);
    expect(log.lines.filter((line) => line.includes('search index'))).toEqual([]);
  });

  it('follows saves after it loads, and the next open has them', async () => {
    const { services } = await openLibrary();
    await services.searchReady;
    const target = corpus[3]!;
    const saved = await services.stories.update(target.id, target.revision, { body: paragraph('Cầu Bạch Đằng thông xe.') });
    expect(ids(services, 'bach dang ')).toEqual([target.id]);
    await services.close();
    open = [];
    const { services: reopened } = await openLibrary();
    expect(ids(reopened, 'bach dang ')).toEqual([target.id]);
    expect(reopened.search.revisionOf(target.id)).toBe(saved.revision);
  });

  it('repairs what changed behind it, found through the revisions: a crash before it was written, a story gone', async () => {
    const { services } = await openLibrary();
    await services.searchReady;
    await services.close();
    open = [];
    // As if the app saved a story and crashed before the index file followed.
    const changed = { ...corpus[5]!, revision: corpus[5]!.revision + 1, headline: 'Lễ hội Bạch Đằng' };
    await writeFile(join(dir, 'stories', `${changed.id}.json`), JSON.stringify(changed));
    await writeFile(join(dir, 'index.json'), 'lost'); // the summaries are rebuilt from the files too
    const gone = corpus[8]!;
    await rm(join(dir, 'stories', `${gone.id}.json`));

    const { services: reopened, log } = await openLibrary();
    await reopened.searchReady;
    expect(ids(reopened, 'bach dang ')).toEqual([changed.id]);
    expect(ids(reopened, `tin ${corpus[5]!.headline.split(' ').slice(1, 3).join(' ').toLowerCase()} số 5 `)).not.toContain(changed.id);
    expect(ids(reopened, 'so 8 ')).not.toContain(gone.id);
    expect(reopened.search.revisionOf(gone.id)).toBeUndefined();
    expect(log.lines.some((line) => line.includes('re-indexing 1 stories changed since it was saved, dropping 1'))).toBe(true);
  });

  it('is rebuilt from the stories when the file is damaged, and says so', async () => {
    const { services } = await openLibrary();
    await services.searchReady;
    await services.close();
    open = [];
    const path = join(dir, searchIndexFileName);
    await truncate(path, (await readFile(path)).length - 7);

    const { services: reopened, log } = await openLibrary();
    expect(log.lines.some((line) => line.startsWith('warn') && line.includes('could not be read and is rebuilt'))).toBe(true);
    await reopened.searchReady;
    expect(ids(reopened, 'quang ninh').length).toBeGreaterThan(0);
    expect(reopened.search.size).toBe(corpus.length);
  });

  it('drops and rebuilds an index whose story numbers point nowhere, found just after the library opens', async () => {
    const { services } = await openLibrary();
    await services.searchReady;
    await services.close();
    open = [];
    const path = join(dir, searchIndexFileName);
    const bytes = await readFile(path);
    // The first posting, right after the header: a story number no story has.
    const postingsAt = 12 + ((bytes.readUInt32LE(8) + 3) & ~3);
    bytes.writeUInt16LE(0xfffe, postingsAt);
    await writeFile(path, bytes);

    const { services: reopened, log } = await openLibrary();
    await reopened.searchReady;
    expect(log.lines.some((line) => line.includes("did not hold together and is rebuilt"))).toBe(true);
    expect(reopened.search.size).toBe(corpus.length);
    expect(ids(reopened, 'quang ninh').length).toBe(corpus.filter((s) => /Quảng Ninh/.test(JSON.stringify(s))).length);
  });
});
