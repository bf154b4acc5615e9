import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exiftoolVersion, makePhoto } from '../support/photoFixtures';
import { expect, test, waitUntilSaved, writeNewStory } from './webHostFixture';

let photoDir: string;
test.beforeAll(async () => {
  photoDir = await mkdtemp(join(tmpdir(), 'dateline-inspector-'));
  if (exiftoolVersion() === null) return;
  await makePhoto(photoDir, 'cang-hon-gai.jpg', {
    width: 800,
    height: 500,
    exiftoolArgs: ['-codedcharacterset=utf8', '-IPTC:Caption-Abstract=Tàu cập cảng Hòn Gai.', '-IPTC:By-line=Thu Hằng', '-IPTC:City=Hạ Long', '-IPTC:Province-State=Quảng Ninh', '-IPTC:Country-PrimaryLocationName=Việt Nam'],
  });
  await makePhoto(photoDir, 'gps-only.jpg', { width: 800, height: 500, background: '#556b2f', exiftoolArgs: ['-GPSLatitude=21.0285', '-GPSLatitudeRef=N', '-GPSLongitude=105.8542', '-GPSLongitudeRef=E'] });
});
test.afterAll(() => rm(photoDir, { recursive: true, force: true }));

const sourceMissing = 'Bài không phải tự viết nhưng chưa ghi nguồn.';

test('typing a source line unticks "Bài tự viết" and locks it, and that is what is saved', async ({ page, host }) => {
  await writeNewStory(page, host, 'Giá xăng giảm lần thứ ba liên tiếp');
  const inspector = page.getByRole('complementary', { name: 'Thông tin bài' });
  const own = inspector.getByRole('checkbox', { name: 'Bài tự viết (không cần nguồn)' });
  const source = inspector.getByRole('textbox', { name: 'Nguồn' });
  // A new story is the reporter's own until it names a source.
  await expect(own).toBeChecked();
  await expect(own).toBeEnabled();

  await source.fill('Theo: nhandan.vn');
  await expect(own).not.toBeChecked();
  await expect(own).toBeDisabled();
  await expect(inspector.getByText('Có dòng nguồn nên bài không phải tự viết.', { exact: false })).toBeVisible();
  await own.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('source-unticks-own-story.png') });
  await source.blur();
  await waitUntilSaved(page);
  expect((await host.storiesOnDisk()).find((story) => story.headline === 'Giá xăng giảm lần thứ ba liên tiếp')).toMatchObject({ source: 'Theo: nhandan.vn', original: false });
  await page.reload();
  await expect(own).not.toBeChecked();
  await expect(source).toHaveValue('Theo: nhandan.vn');
});

test('a source line deleted leaves the checklist asking for it, until the reporter ticks "Bài tự viết"', async ({ page, host }) => {
  await writeNewStory(page, host, 'Bão số 3 đổ bộ vào Quảng Ninh');
  const inspector = page.getByRole('complementary', { name: 'Thông tin bài' });
  const own = inspector.getByRole('checkbox', { name: 'Bài tự viết (không cần nguồn)' });
  const source = inspector.getByRole('textbox', { name: 'Nguồn' });
  const checklist = inspector.getByRole('status', { name: 'Danh sách cần sửa' });
  await source.fill('Theo: TTXVN');
  await expect(own).not.toBeChecked();

  // The line is deleted: the story is still not the reporter's own, so the missing source is caught.
  await source.fill('');
  await source.blur();
  await expect(own).not.toBeChecked();
  await expect(own).toBeEnabled();
  await expect(inspector.getByText('Bài lấy từ nơi khác: ghi nguồn, hoặc đánh dấu là bài tự viết.')).toBeVisible();
  await inspector.getByRole('button', { name: 'Kiểm tra trước khi đăng' }).click();
  await expect(checklist).toContainText(sourceMissing);

  // The reporter says it is their own: the box ticks, the note goes, and the checklist no longer asks.
  await own.check();
  await expect(inspector.getByText('Bài lấy từ nơi khác', { exact: false })).toHaveCount(0);
  await inspector.getByRole('button', { name: 'Kiểm tra trước khi đăng' }).click();
  await expect(checklist).toBeVisible();
  await expect(checklist).not.toContainText(sourceMissing);
});

test("the city and province a photo was taken in are offered as the dateline, and one click fills it", async ({ page, host }) => {
  test.skip(exiftoolVersion() === null, 'exiftool is not installed (Debian: libimage-exiftool-perl), so no photo carries a place');
  await writeNewStory(page, host, 'Tàu biển quốc tế cập cảng Hòn Gai');
  const inspector = page.getByRole('complementary', { name: 'Thông tin bài' });
  const dateline = inspector.getByRole('textbox', { name: 'Nơi đưa tin' });
  const offered = inspector.getByRole('group', { name: 'Nơi chụp ảnh:' });
  await expect(dateline).toHaveValue('');
  await expect(offered).toHaveCount(0);

  // A photo with only a GPS position offers nothing: coordinates are not a dateline.
  await page.getByTestId('photo-file').setInputFiles(join(photoDir, 'gps-only.jpg'));
  await expect(page.getByRole('textbox', { name: 'Soạn bài' }).locator('figure')).toHaveCount(1);
  await waitUntilSaved(page);
  await page.getByTestId('photo-file').setInputFiles(join(photoDir, 'cang-hon-gai.jpg'));
  await expect(offered.getByRole('button')).toHaveText(['Hạ Long', 'Quảng Ninh']);
  // Offered, never filled in by itself.
  await expect(dateline).toHaveValue('');
  await page.setViewportSize({ width: 1366, height: 768 });
  await offered.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('dateline-offered.png') });

  await offered.getByRole('button', { name: 'Dùng Hạ Long làm nơi đưa tin' }).click();
  await expect(dateline).toHaveValue('Hạ Long');
  await expect(offered).toHaveCount(0);
  await waitUntilSaved(page);
  expect((await host.storiesOnDisk()).find((story) => story.headline === 'Tàu biển quốc tế cập cảng Hòn Gai')?.dateline).toBe('Hạ Long');

  // Emptied again, the field offers the places again; what the reporter types is never replaced.
  await dateline.fill('');
  await expect(offered.getByRole('button')).toHaveText(['Hạ Long', 'Quảng Ninh']);
  await dateline.fill('Cẩm Phả');
  await expect(offered).toHaveCount(0);
  await expect(dateline).toHaveValue('Cẩm Phả');
});
