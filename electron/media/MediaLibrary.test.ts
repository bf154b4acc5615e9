import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatelineError } from '../../shared/api/DatelineError';
import { exiftoolVersion, makePhoto } from '../../tests/support/photoFixtures';
import { recordingLogger } from '../../tests/support/quietLogger';
import { makeTempDir } from '../../tests/support/tempDir';
import { MediaLibrary } from './MediaLibrary';

const noExiftool = exiftoolVersion() === null;
if (noExiftool) console.log('skipping the metadata import test: exiftool is not installed (Debian: libimage-exiftool-perl)');

let dir: string;
let remove: () => Promise<void>;
let library: MediaLibrary;
beforeEach(async () => {
  ({ dir, remove } = await makeTempDir());
  library = await MediaLibrary.open({ dataDir: join(dir, 'library'), log: recordingLogger() });
});
afterEach(() => remove());

const mediaFiles = async () => (await readdir(join(dir, 'library', 'media'), { recursive: true })).map(String).sort();

async function importFailure(fileName: string, bytes: Buffer): Promise<DatelineError> {
  const error = await library.import(fileName, bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, fileName).toBeInstanceOf(DatelineError);
  expect((error as DatelineError).code).toBe('invalid_media');
  expect((error as DatelineError).message).toContain(fileName);
  return error as DatelineError;
}

describe('MediaLibrary', () => {
  it.skipIf(noExiftool)('imports a photo with its Vietnamese IPTC caption, byline, credit, city and capture time', async () => {
    const path = await makePhoto(dir, 'hoi-nghi.jpg', {
      width: 2400,
      height: 1600,
      exiftoolArgs: [
        '-codedcharacterset=utf8',
        '-IPTC:Caption-Abstract=Đại tướng Lương Cường phát biểu chỉ đạo tại hội nghị.',
        '-IPTC:By-line=Minh Đức',
        '-IPTC:Credit=Báo Quảng Ninh',
        '-IPTC:City=Cẩm Phả',
        '-EXIF:DateTimeOriginal=2025:01:12 08:30:00',
        '-EXIF:OffsetTimeOriginal=+07:00',
      ],
    });
    const original = await readFile(path);
    const item = await library.import('hoi-nghi.jpg', original);
    expect(item).toMatchObject({
      fileName: 'hoi-nghi.jpg',
      width: 2400,
      height: 1600,
      caption: 'Đại tướng Lương Cường phát biểu chỉ đạo tại hội nghị.',
      byline: 'Minh Đức',
      credit: 'Báo Quảng Ninh',
      city: 'Cẩm Phả',
      capturedAt: '2025-01-12T08:30:00+07:00',
    });
    expect(item.id).toMatch(/^[a-f0-9]{64}$/);
    expect(await mediaFiles()).toEqual(['derived', `derived/${item.id}-display.jpg`, `derived/${item.id}-thumb.jpg`, 'index.json', `${item.id}.jpg`].sort());
    const display = await sharp(library.filePath(item.id, 'display')!.path).metadata();
    const thumb = await sharp(library.filePath(item.id, 'thumb')!.path).metadata();
    expect([display.width, display.height]).toEqual([1600, 1067]);
    expect(Math.max(thumb.width!, thumb.height!)).toBe(320);
    // The reporter's own file is never touched.
    expect(await readFile(path)).toEqual(original);
  });

  it('stores the same photo once, however often it is imported', async () => {
    const bytes = await readFile(await makePhoto(dir, 'a.jpg'));
    const first = await library.import('a.jpg', bytes);
    const second = await library.import('ban-sao.jpg', bytes);
    expect(second.id).toBe(first.id);
    expect((await mediaFiles()).filter((name) => name.endsWith(`${first.id}.jpg`))).toHaveLength(1);
    expect(library.list()).toHaveLength(1);
  });

  it('turns a photo upright from its EXIF orientation', async () => {
    const bytes = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#e9c46a' } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const item = await library.import('doc.jpg', bytes);
    expect([item.width, item.height]).toEqual([300, 400]);
    const display = await sharp(library.filePath(item.id, 'display')!.path).metadata();
    expect([display.width, display.height]).toEqual([300, 400]);
  });

  it('refuses each bad file with a message naming it, imports the good ones in the batch, and leaves nothing half-written', async () => {
    const good = await readFile(await makePhoto(dir, 'tot.jpg', { width: 640, height: 480 }));
    const full = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#2a6f97' } }).jpeg().toBuffer();
    const batch: [string, Buffer][] = [
      ['cat-ngang.jpg', full.subarray(0, Math.floor(full.length / 2))],
      ['ghi-chu.jpg', Buffer.from('Đây là một tệp văn bản, không phải ảnh.')],
      ['60mp.jpg', await sharp({ create: { width: 8000, height: 7500, channels: 3, background: '#336699' } }).jpeg({ quality: 40 }).toBuffer()],
      ['rong.jpg', Buffer.alloc(0)],
      ['so-do.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>')],
      ['tot.jpg', good],
    ];
    const outcomes = await Promise.allSettled(batch.map(([name, bytes]) => library.import(name, bytes)));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected', 'rejected', 'fulfilled']);
    for (const [name, bytes] of batch.slice(0, 5)) await importFailure(name, bytes);
    expect((await importFailure('60mp.jpg', batch[2]![1])).message).toMatch(/60 megapixels/);
    expect((await importFailure('so-do.svg', batch[4]![1])).message).toMatch(/svg format is not supported/);
    expect((await importFailure('rong.jpg', Buffer.alloc(0))).message).toMatch(/empty/);

    const kept = library.list();
    expect(kept.map((item) => item.fileName)).toEqual(['tot.jpg']);
    const id = kept[0]!.id;
    expect(await mediaFiles()).toEqual(['derived', `derived/${id}-display.jpg`, `derived/${id}-thumb.jpg`, 'index.json', `${id}.jpg`].sort());
  });

  it('finds photos by a folded caption or photographer, and keeps them across a restart', async () => {
    const a = await library.import('a.jpg', await readFile(await makePhoto(dir, 'a.jpg', { width: 10 })));
    await library.import('b.jpg', await readFile(await makePhoto(dir, 'b.jpg', { width: 12 })));
    // Set the metadata through the index, as an import with IPTC would, to test search alone.
    const index = JSON.parse(await readFile(join(dir, 'library', 'media', 'index.json'), 'utf8'));
    index.items.find((item: { id: string }) => item.id === a.id).caption = 'Chủ tịch nước Lương Cường tại Hạ Long';
    await writeFile(join(dir, 'library', 'media', 'index.json'), JSON.stringify(index));
    const reopened = await MediaLibrary.open({ dataDir: join(dir, 'library'), log: recordingLogger() });
    expect(reopened.list({ query: 'luong cuong' }).map((item) => item.id)).toEqual([a.id]);
    expect(reopened.list({ query: 'LƯƠNG Cường hạ' }).map((item) => item.id)).toEqual([a.id]);
    expect(reopened.list({ query: 'da nang' })).toEqual([]);
    expect(reopened.list()).toHaveLength(2);
  });

  it("lists a story's photos by id, in the story's order, leaving out one the library no longer has", async () => {
    const a = await library.import('a.jpg', await readFile(await makePhoto(dir, 'a.jpg', { width: 10 })));
    const b = await library.import('b.jpg', await readFile(await makePhoto(dir, 'b.jpg', { width: 12 })));
    expect(library.list({ ids: [a.id, 'f'.repeat(64), b.id, a.id] }).map((item) => item.fileName)).toEqual(['a.jpg', 'b.jpg']);
    expect(library.list({ ids: [] })).toEqual([]);
  });
});
