import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { makePhoto } from '../support/photoFixtures';
import { publishableStory } from '../support/publishableStory';
import { expect, storyPage, test } from './webHostFixture';

// Moves that are hard to undo are not one click away (issue #15, item 6): spiking, taking a story down, deleting
// a photo and restoring a backup each say what will happen and ask first; where the data allows, "Hoàn tác"
// puts things back as they were.

// A reporter's laptop: the screenshots are taken at the size the dialogs must fit.
test.use({ viewport: { width: 1366, height: 768 } });

let scratch: string;
test.beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'dateline-destructive-'));
});
test.afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const inspectorOf = (page: Page) => page.getByRole('complementary', { name: 'Thông tin bài' });
const storyList = (page: Page) => page.getByRole('list', { name: 'Bài viết' });

async function openStory(page: Page, headline: string) {
  await storyList(page).getByRole('button', { name: headline }).click();
  await expect(storyPage(page).headline).toHaveText(headline);
}

test('spiking sits apart from the moves forward, asks first, and “Hoàn tác” brings the story back as it was', async ({ page, host }) => {
  const headline = 'Giá xăng giảm lần thứ ba liên tiếp';
  const created = await host.api('stories.create', { headline, sapo: 'Từ 15h chiều nay, giá xăng giảm.' });
  await host.api('stories.transition', { id: created.id, to: 'submitted' });
  await page.goto(host.url);
  await openStory(page, headline);
  const inspector = inspectorOf(page);
  const status = inspector.getByTestId('workflow-status');
  await expect(status).toHaveText('Chờ duyệt');

  // Not among the moves forward, and not named like a story type.
  const moves = inspector.getByRole('group', { name: 'Chuyển trạng thái' });
  await expect(moves.getByRole('button')).toHaveText(['Duyệt', 'Trả về nháp', 'Kiểm tra trước khi đăng']);
  const spike = inspector.getByRole('button', { name: 'Bỏ bài (vào thùng rác)' });
  await spike.click();
  const asked = page.getByRole('alertdialog', { name: `Bỏ bài “${headline}” vào thùng rác?` });
  await expect(asked).toContainText('Thùng rác 30 ngày');
  // The safe answer has the focus: Enter by mistake keeps the story.
  await expect(asked.getByRole('button', { name: 'Huỷ' })).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('spike-confirm.png') });
  await page.keyboard.press('Escape');
  await expect(asked).toBeHidden();
  await expect(spike).toBeFocused();
  await expect(storyList(page).getByRole('button', { name: headline })).toBeVisible();

  await spike.click();
  await asked.getByRole('button', { name: 'Bỏ vào thùng rác' }).click();
  await expect(storyList(page).getByRole('button', { name: headline })).toHaveCount(0);
  const toast = page.getByRole('status').filter({ hasText: `Đã bỏ bài “${headline}” vào thùng rác.` });
  await expect(toast).toBeVisible();
  expect((await host.storiesOnDisk()).find((s) => s.id === created.id)!.trashedAt).not.toBeNull();
  await page.screenshot({ path: test.info().outputPath('spike-undo-toast.png') });

  await toast.getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(storyList(page).getByRole('button', { name: headline })).toBeVisible();
  await expect(storyPage(page).headline).toHaveText(headline);
  // Back where it was on the desk, not started again as a draft.
  await expect(status).toHaveText('Chờ duyệt');
  const onDisk = (await host.storiesOnDisk()).find((s) => s.id === created.id)!;
  expect(onDisk).toMatchObject({ trashedAt: null, status: 'submitted' });
});

test('the page’s “Chuyển vào thùng rác” asks too, and its undo reopens the story', async ({ page, host }) => {
  const headline = 'Mưa lớn ở miền Trung';
  await host.api('stories.create', { headline });
  await page.goto(host.url);
  await openStory(page, headline);
  await page.getByRole('button', { name: 'Chuyển vào thùng rác' }).click();
  await page.getByRole('alertdialog', { name: `Bỏ bài “${headline}” vào thùng rác?` }).getByRole('button', { name: 'Bỏ vào thùng rác' }).click();
  await expect(storyList(page).getByRole('button', { name: headline })).toHaveCount(0);
  await page.getByRole('status').filter({ hasText: `Đã bỏ bài “${headline}”` }).getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(storyPage(page).headline).toHaveText(headline);
  await expect(storyList(page).getByRole('button', { name: headline })).toBeVisible();
});

test('taking a published story down names where it is withdrawn from, and asks first', async ({ page, host }) => {
  test.setTimeout(120_000);
  const folder = join(scratch, 'Tin bài');
  await mkdir(folder);
  await host.api('settings.update', { folderTarget: { enabled: true, path: folder } });
  const story = await publishableStory(host.api, scratch);
  await host.api('stories.transition', { id: story.id, to: 'published' });
  await expect.poll(async () => (await host.api('outbox.list', {})).items[0]?.state, { timeout: 30_000 }).toBe('delivered');
  expect(await readdir(folder)).toHaveLength(1);

  await page.goto(host.url);
  await openStory(page, story.headline);
  const inspector = inspectorOf(page);
  const status = inspector.getByTestId('workflow-status');
  await expect(status).toHaveText('Đã đăng');
  const kill = inspector.getByRole('group', { name: 'Chuyển trạng thái' }).getByRole('button', { name: 'Gỡ bài' });
  await kill.click();
  const asked = page.getByRole('alertdialog', { name: `Gỡ bài “${story.headline}” xuống?` });
  await expect(asked).toContainText(`Bài sẽ bị rút khỏi thư mục ${folder}`);
  await expect(asked).toContainText('Không hoàn tác bằng một cú bấm');
  await page.screenshot({ path: test.info().outputPath('kill-confirm.png') });
  await asked.getByRole('button', { name: 'Huỷ' }).click();
  await expect(kill).toBeFocused();
  await expect(status).toHaveText('Đã đăng');
  expect(await readdir(folder)).toHaveLength(1);

  await kill.click();
  await asked.getByRole('button', { name: 'Gỡ bài' }).click();
  await expect(status).toHaveText('Đã gỡ');
  await expect.poll(() => readdir(folder), { timeout: 30_000 }).toEqual([]);
});

test('deleting a photo asks first, naming it, and “Hoàn tác” puts it back in the library', async ({ page, host }) => {
  const path = await makePhoto(scratch, 'cau-bai-chay.jpg', { width: 320, height: 200, background: '#2a6f97' });
  await host.api('media.import', { fileName: 'cau-bai-chay.jpg', dataBase64: (await readFile(path)).toString('base64') });
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'Ảnh' }).click();
  const grid = page.getByRole('list', { name: 'Ảnh' });
  // A photo without a caption is named by its file.
  const tile = grid.getByRole('listitem').filter({ has: page.getByRole('img', { name: 'cau-bai-chay.jpg' }) });
  await expect(tile).toHaveCount(1);

  const remove = tile.getByRole('button', { name: 'Xoá ảnh “cau-bai-chay.jpg”' });
  await remove.click();
  const asked = page.getByRole('alertdialog', { name: 'Xoá ảnh “cau-bai-chay.jpg” khỏi thư viện ảnh?' });
  await expect(asked.getByRole('button', { name: 'Huỷ' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(remove).toBeFocused();
  await expect(tile).toHaveCount(1);

  await remove.click();
  await asked.getByRole('button', { name: 'Xoá ảnh' }).click();
  await expect(tile).toHaveCount(0);
  await page.getByRole('status').filter({ hasText: 'Đã xoá ảnh “cau-bai-chay.jpg”' }).getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(tile).toHaveCount(1);
  // The photo itself is back, not only its entry: its thumbnail loads.
  await expect.poll(() => tile.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
});

test('restoring a backup asks in a dialog, and “Hoàn tác” after the reload brings the library back as it was', async ({ page, host }) => {
  test.setTimeout(120_000);
  await host.api('stories.create', { headline: 'Bài có trong bản sao lưu' });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Cài đặt' }).click();
  const settings = page.getByRole('dialog', { name: 'Cài đặt tòa soạn' });
  const section = settings.getByRole('region', { name: 'Sao lưu' });
  await section.getByRole('button', { name: 'Sao lưu ngay' }).click();
  const manual = section.locator('.backup-row', { hasText: 'Sao lưu tay' });
  await expect(manual).toHaveCount(1);
  // Written after the backup: a restore takes it away, the undo brings it back.
  await host.api('stories.create', { headline: 'Bài viết sau khi sao lưu' });

  const restore = manual.getByRole('button', { name: /^Khôi phục bản sao lưu/ });
  await restore.click();
  const asked = page.getByRole('alertdialog', { name: /^Khôi phục thư viện về lúc (Thứ \d|Chủ nhật), / });
  await expect(asked).toContainText('Thư viện hiện tại được giữ lại thành một bản sao lưu riêng');
  await expect(asked).toContainText('bấm “Hoàn tác” ở thông báo');
  await expect(asked.getByRole('button', { name: 'Huỷ' })).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('restore-confirm.png') });
  await asked.getByRole('button', { name: 'Huỷ' }).click();
  await expect(restore).toBeFocused();

  await restore.click();
  await asked.getByRole('button', { name: 'Khôi phục' }).click();
  const toast = page.getByRole('status').filter({ hasText: /^Đã khôi phục thư viện về lúc/ });
  await expect(toast).toBeVisible({ timeout: 30_000 });
  await expect(storyList(page)).toContainText('Bài có trong bản sao lưu');
  await expect(storyList(page)).not.toContainText('Bài viết sau khi sao lưu');
  await toast.getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(storyList(page)).toContainText('Bài viết sau khi sao lưu', { timeout: 30_000 });
  expect((await host.storiesOnDisk()).map((s) => s.headline)).toContain('Bài viết sau khi sao lưu');
});
