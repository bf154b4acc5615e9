import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/support/tempDir';
import { mediaResponse } from './mediaRoute';

// The one media route both transports answer by: the web host passes what follows /media/, the shell's
// dateline-media://media/… its URL's path.

const id = 'a'.repeat(64);
let dir: string;
let remove: () => Promise<void>;
let media: Parameters<typeof mediaResponse>[0];

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir('dateline-media-route-'));
  await writeFile(join(dir, 'thumb.jpg'), Buffer.from('jpeg bytes'));
  media = { filePath: (wanted, variant) => (wanted === id ? { path: join(dir, variant === 'thumb' ? 'thumb.jpg' : 'gone.jpg'), mimeType: 'image/jpeg' } : null) };
});
afterEach(() => remove());

describe('the media route', () => {
  it('answers a photo by id and variant, in either transport’s form', async () => {
    for (const path of [`${id}/thumb`, `/${id}/thumb`]) {
      const response = await mediaResponse(media, path);
      expect(response.status).toBe(200);
      expect(Object.fromEntries(response.headers)).toMatchObject({ 'content-type': 'image/jpeg', 'content-length': '10', 'cache-control': expect.stringContaining('immutable') });
      expect(await response.text()).toBe('jpeg bytes');
    }
    const head = await mediaResponse(media, `${id}/thumb`, 'HEAD');
    expect([head.status, head.headers.get('content-length'), head.body]).toEqual([200, '10', null]);
  });

  it('finds nothing by a path, an unknown id or variant, or a missing file, and takes only GET and HEAD', async () => {
    for (const path of ['%2e%2e/thumb', `${id}/../thumb`, `${id}/huge`, `${'b'.repeat(64)}/thumb`, `${id}`, `${id}/thumb/x`]) {
      expect((await mediaResponse(media, path)).status, path).toBe(404);
    }
    const missing = await mediaResponse(media, `${id}/display`);
    expect([missing.status, await missing.text()]).toEqual([404, 'the photo file is missing']);
    expect((await mediaResponse(media, `${id}/thumb`, 'POST')).status).toBe(405);
  });
});
