import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createHandlers } from '../../electron/api/createHandlers';
import { dispatch } from '../../electron/api/dispatch';
import { createServices, type Services } from '../../electron/services/createServices';
import { maxDocumentDepth } from '../../shared/story/documentLimits';
import type { Story } from '../../shared/story/storySchema';
import { nestedBodyJson } from '../support/nestedDocument';
import { recordingLogger } from '../support/quietLogger';
import { makeTempDir } from '../support/tempDir';

// A story file already on disk that no reader can walk (a body 5,000 levels deep, saved before the limit, or
// written by another program) must not stop the library from opening, even with the index lost so that every
// story file is read: it is moved aside as "not a valid story" like any other damaged file.

let dir: string;
let remove: () => Promise<void>;
let services: Services | null = null;

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir());
});
afterEach(async () => {
  await services?.close();
  services = null;
  await remove();
});

const deepId = 'deep-story-0001';

async function call(method: string, input: unknown): Promise<unknown> {
  const result = await dispatch(createHandlers(services!), method, input, services!.log);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

it('opens a library whose index is lost and one story file is nested 5,000 deep: that story is quarantined, the rest list and search', async () => {
  services = await createServices({ dataDir: dir, log: recordingLogger() });
  const kept = (await call('stories.create', { headline: 'Đường ven biển Hạ Long thông xe', sapo: 'Tuyến đường dài 16 km.' })) as Story;
  await call('stories.create', { headline: 'Bão số 3 đổ bộ Quảng Ninh' });
  await services.close();
  services = null;

  // The story as it would have been saved before the limit: valid in every field but its body.
  const json = JSON.stringify({ ...kept, id: deepId, headline: 'Trích dẫn lồng nhau', body: '<body>' }).replace('"<body>"', nestedBodyJson(5_000));
  await writeFile(join(dir, 'stories', `${deepId}.json`), json);
  await rm(join(dir, 'index.json'));

  const log = recordingLogger();
  services = await createServices({ dataDir: dir, log });
  const listed = ((await call('stories.list', {})) as { items: { id: string; headline: string }[] }).items;
  expect(listed.map((item) => item.headline).sort()).toEqual(expect.arrayContaining(['Bão số 3 đổ bộ Quảng Ninh', 'Đường ven biển Hạ Long thông xe']));
  expect(listed.map((item) => item.id)).not.toContain(deepId);

  await services.searchReady;
  const found = ((await call('stories.search', { query: 'ven bien' })) as { items: { id: string }[] }).items;
  expect(found.map((item) => item.id)).toEqual([kept.id]);
  expect(await call('stories.get', { id: kept.id })).toMatchObject({ headline: kept.headline });

  const refused = await dispatch(createHandlers(services), 'stories.get', { id: deepId }, services.log);
  expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
  expect(await readdir(join(dir, 'stories'))).not.toContain(`${deepId}.json`);
  const status = JSON.stringify(await call('library.status', {}));
  expect(status).toContain(deepId);
  expect(status).toContain(`nests deeper than ${maxDocumentDepth} levels`);
});
