import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exiftoolVersion, makePhoto } from '../support/photoFixtures';
import { expect, storyPage, test, textOf, waitUntilSaved, writeNewStory } from './webHostFixture';

const photos = [
  { name: 'hoi-nghi.jpg', caption: 'Đại tướng Lương Cường phát biểu chỉ đạo tại hội nghị.', city: 'Hạ Long' },
  { name: 'toan-canh.jpg', caption: 'Toàn cảnh hội nghị tại Hạ Long.', city: 'Hạ Long' },
  { name: 'trien-lam.jpg', caption: 'Đại biểu tham quan triển lãm ảnh.', city: 'Cẩm Phả' },
];

let photoDir: string;
test.beforeAll(async () => {
  photoDir = await mkdtemp(join(tmpdir(), 'dateline-photos-'));
  if (exiftoolVersion() === null) return;
  for (const [i, photo] of photos.entries()) {
    await makePhoto(photoDir, photo.name, {
      width: 1200 + i * 100,
      height: 800,
      exiftoolArgs: ['-codedcharacterset=utf8', `-IPTC:Caption-Abstract=${photo.caption}`, '-IPTC:By-line=Minh Đức', '-IPTC:Credit=Báo Quảng Ninh', `-IPTC:City=${photo.city}`, '-EXIF:DateTimeOriginal=2025:01:12 08:30:00', '-EXIF:OffsetTimeOriginal=+07:00'],
    });
  }
  await writeFile(join(photoDir, 'ghi-chu.jpg'), 'Đây là ghi chú, không phải ảnh.');
});
test.afterAll(() => rm(photoDir, { recursive: true, force: true }));

test('three photos come in with their captions filled from metadata, and edits to them persist', async ({ page, host }) => {
  test.skip(exiftoolVersion() === null, 'exiftool is not installed (Debian: libimage-exiftool-perl), so no photo carries metadata');
  await writeNewStory(page, host, 'Hội nghị bảo vệ chính trị nội bộ');
  await page.getByTestId('photo-file').setInputFiles(photos.map((photo) => join(photoDir, photo.name)));

  const { editor } = storyPage(page);
  const figures = editor.locator('figure');
  await expect(figures).toHaveCount(3);
  await expect(figures.locator('figcaption')).toHaveText(photos.map((photo) => photo.caption));
  await expect(figures.first().getByRole('textbox', { name: 'Tác giả ảnh' })).toHaveValue('Ảnh: Minh Đức – Báo Quảng Ninh');
  for (const image of await figures.locator('img').all()) {
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  }

  await figures.nth(1).locator('figcaption').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Ảnh do phóng viên thường trú chụp.');
  await figures.first().getByRole('button', { name: 'Đặt làm ảnh đại diện' }).click();
  const inspector = page.getByRole('complementary', { name: 'Thông tin bài' });
  await expect(inspector.getByRole('textbox', { name: 'Chú thích ảnh đại diện' })).toHaveValue(photos[0]!.caption);
  await inspector.getByRole('textbox', { name: 'Chú thích ảnh đại diện' }).fill('Ảnh đại diện: Đại tướng Lương Cường tại hội nghị.');
  await inspector.getByRole('textbox', { name: 'Chú thích ảnh đại diện' }).blur();
  await waitUntilSaved(page);

  await page.reload();
  await expect(figures.locator('figcaption')).toHaveText([photos[0]!.caption, `${photos[1]!.caption} Ảnh do phóng viên thường trú chụp.`, photos[2]!.caption]);
  await expect(inspector.getByRole('textbox', { name: 'Chú thích ảnh đại diện' })).toHaveValue('Ảnh đại diện: Đại tướng Lương Cường tại hội nghị.');
  const saved = (await host.storiesOnDisk()).find((s) => s.headline === 'Hội nghị bảo vệ chính trị nội bộ')!;
  const stored = (saved.body as { content: { type: string; attrs?: { mediaId?: string } }[] }).content.filter((n) => n.type === 'figure');
  expect(stored.map((figure) => figure.attrs?.mediaId)).toEqual([expect.stringMatching(/^[a-f0-9]{64}$/), expect.stringMatching(/^[a-f0-9]{64}$/), expect.stringMatching(/^[a-f0-9]{64}$/)]);
  expect(stored.map(textOf)[1]).toBe(`${photos[1]!.caption} Ảnh do phóng viên thường trú chụp.`);
  expect(saved.featuredImage).toMatchObject({ mediaId: stored[0]!.attrs!.mediaId, caption: 'Ảnh đại diện: Đại tướng Lương Cường tại hội nghị.' });

  await page.getByRole('button', { name: 'Xem trước' }).click();
  const preview = page.getByRole('document', { name: 'Bản xem trước' });
  await expect(preview.locator('figure > img + figcaption .caption')).toHaveText([photos[0]!.caption, `${photos[1]!.caption} Ảnh do phóng viên thường trú chụp.`, photos[2]!.caption]);
  await expect.poll(() => preview.locator('figure img').first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Quay lại soạn' }).click();

  await page.getByRole('tab', { name: 'Ảnh' }).click();
  await page.getByRole('searchbox', { name: 'Tìm ảnh theo chú thích, tác giả' }).fill('luong cuong');
  const tiles = page.getByRole('list', { name: 'Ảnh' }).getByRole('listitem');
  await expect(tiles).toHaveCount(1);
  await expect(tiles.first()).toContainText('Lương Cường');
  await expect(tiles.first().getByRole('button', { name: 'Hội nghị bảo vệ chính trị nội bộ' })).toBeVisible();
  await tiles.first().getByRole('button', { name: 'Xoá ảnh' }).click();
  await expect(page.getByRole('alert')).toContainText('đang dùng trong 1 bài');
  await page.screenshot({ path: test.info().outputPath('media-panel.png') });
});

test('a bad file in a batch gets its own message and the good photos still come in', async ({ page, host }) => {
  test.skip(exiftoolVersion() === null, 'exiftool is not installed (Debian: libimage-exiftool-perl)');
  await writeNewStory(page, host, 'Lô ảnh có tệp hỏng');
  await page.getByTestId('photo-file').setInputFiles([join(photoDir, 'ghi-chu.jpg'), join(photoDir, photos[2]!.name)]);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('1 ảnh không nhập được');
  await expect(alert).toContainText('ghi-chu.jpg');
  await expect(alert).toContainText('không phải là ảnh');
  await expect(storyPage(page).editor.locator('figure figcaption')).toHaveText([photos[2]!.caption]);
});

test('a photo dropped onto the story comes in, and a photo whose file went missing can be relinked', async ({ page, host }) => {
  await writeNewStory(page, host, 'Ảnh kéo thả');
  const { editor } = storyPage(page);
  const jpeg = (await import('node:fs')).readFileSync('tests/fixtures/ven-bien.jpg').toString('base64');
  await editor.locator('p').last().evaluate((target, data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], 'ven-bien.jpg', { type: 'image/jpeg' }));
    const box = target.getBoundingClientRect();
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true, clientX: box.left + 5, clientY: box.top + 5 }));
  }, jpeg);
  const figure = editor.locator('figure');
  await expect(figure.locator('img')).toBeVisible();
  await page.keyboard.type('Biển Hạ Long nhìn từ trên cao.');
  await waitUntilSaved(page);

  // The photo's files vanish from the library (a sync client, a careless cleanup): the story says so and offers a relink.
  const saved = (await host.storiesOnDisk()).find((s) => s.headline === 'Ảnh kéo thả')!;
  const mediaId = (saved.body as { content: { type: string; attrs?: { mediaId?: string } }[] }).content.find((n) => n.type === 'figure')!.attrs!.mediaId!;
  const { rm } = await import('node:fs/promises');
  await rm(join(host.dataDir, 'media', 'derived', `${mediaId}-display.jpg`));
  // As on another day's start: nothing of the photo left in the browser's cache either.
  await (await page.context().newCDPSession(page)).send('Network.clearBrowserCache');
  await page.reload();
  await expect(figure.getByRole('img', { name: 'Không tìm thấy ảnh' })).toBeVisible();
  await expect(figure.locator('figcaption')).toHaveText('Biển Hạ Long nhìn từ trên cao.');

  const chooser = page.waitForEvent('filechooser');
  await figure.getByRole('button', { name: 'Liên kết lại ảnh…' }).click();
  await (await chooser).setFiles(await makePhoto(photoDir, 'anh-thay-the.jpg', { width: 320, height: 200 }));
  await expect(figure.locator('img')).toBeVisible();
  await waitUntilSaved(page);
  const relinked = (await host.storiesOnDisk()).find((s) => s.headline === 'Ảnh kéo thả')!;
  const newId = (relinked.body as { content: { type: string; attrs?: { mediaId?: string } }[] }).content.find((n) => n.type === 'figure')!.attrs!.mediaId;
  expect(newId).toMatch(/^[a-f0-9]{64}$/);
  expect(newId).not.toBe(mediaId);
});
