import { access, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { publishableStory, tomorrowSixInHanoi } from '../support/publishableStory';
import { expect, storyPage, test } from './webHostFixture';

let scratch: string;
test.beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'dateline-outbox-'));
});
test.afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** Settings → Xuất bản → the folder target: the path typed, the switch on, and "Kiểm tra" pressed. */
async function setFolderTarget(page: Page, folder: string) {
  await page.getByRole('button', { name: 'Cài đặt' }).click();
  const settings = page.getByRole('dialog', { name: 'Cài đặt tòa soạn' });
  const target = settings.getByRole('group', { name: 'Thư mục xuất bản' });
  await target.getByRole('textbox', { name: 'Thư mục (đường dẫn đầy đủ)' }).fill(folder);
  await target.getByRole('switch', { name: 'Gửi bài vào thư mục' }).check();
  await target.getByRole('button', { name: 'Kiểm tra' }).click();
  return { settings, target };
}

test('a scheduled story goes to the folder; with the folder gone it waits, says why, and goes by itself once the folder is back', async ({ page, host }) => {
  const api = host.api;
  const folder = join(scratch, 'Báo điện tử');
  await mkdir(folder);

  await page.goto(host.url);
  const { settings, target } = await setFolderTarget(page, folder);
  await expect(target.getByRole('status')).toHaveText(`Ghi được vào thư mục ${folder}.`);
  await expect(target.getByText('Sẵn sàng gửi')).toBeVisible();
  await settings.getByRole('button', { name: 'Đóng', exact: true }).click();

  // The story is made ready and scheduled through the API: what is tested here is what happens after.
  const ready = await publishableStory(api, scratch);
  await api('stories.transition', { id: ready.id, to: 'scheduled', publishAt: tomorrowSixInHanoi().publishAt });
  await page.reload();

  const outboxCount = page.getByTestId('outbox-count');
  const outbox = page.getByRole('dialog', { name: 'Hộp thư đi' });
  const job = outbox.getByRole('listitem').filter({ hasText: ready.headline });
  await outboxCount.click();
  await expect(job.getByTestId('outbox-state')).toHaveText('Đã gửi');
  await expect(job).toContainText('Thư mục');
  const link = job.getByRole('link');
  await expect(link).toHaveAttribute('href', /^file:\/\/.*\/index\.html$/);
  const page1 = fileURLToPath((await link.getAttribute('href'))!);
  expect(page1.startsWith(folder)).toBe(true);
  await expect(link).toHaveText(page1);
  expect(await exists(page1)).toBe(true);
  const storyFolder = (await readdir(folder)).find((name) => name.endsWith(ready.id.slice(0, 8)))!;
  expect(await readdir(join(folder, storyFolder))).toEqual(expect.arrayContaining(['index.html', 'images']));
  await expect(outboxCount).toHaveText('Hộp thư đi: 0');
  await outbox.getByRole('button', { name: 'Đóng' }).click();

  // The drive is pulled out; the reporter sends the story again from the workflow panel.
  await rm(folder, { recursive: true });
  await page.locator('.story-row-open', { hasText: ready.headline }).click();
  await expect(storyPage(page).headline).toHaveText(ready.headline);
  await page.getByRole('group', { name: 'Gửi bài' }).getByRole('button', { name: 'Gửi lại' }).click();

  const reason = /^Không thấy thư mục xuất bản \(ổ đĩa chưa cắm, hoặc thư mục đã bị xoá hay đổi tên\); Dateline (sẽ tự gửi lại lúc \d\d:\d\d:\d\d|đang thử lại)\.$/;
  await expect(outboxCount).toHaveText('Hộp thư đi: 1 (1 lỗi)');
  await expect(outboxCount).toHaveClass(/is-warning/);
  const row = page.locator('.story-row-open', { hasText: ready.headline });
  await expect(row.locator('.badge')).toHaveText('Lỗi gửi');
  await expect(row).toHaveAccessibleDescription(/Hẹn giờ · Thư mục: Lỗi gửi\. Không thấy thư mục xuất bản/);
  await expect(page.getByTestId('workflow-status')).toHaveText('Lỗi gửi');
  await expect(page.getByTestId('delivery-job')).toContainText('Thư mục: Lỗi gửi');

  await outboxCount.click();
  await expect(job.getByTestId('outbox-state')).toHaveText('Lỗi gửi');
  await expect(job.locator('.outbox-reason')).toHaveText(reason);
  await expect(job).toContainText(/Đã thử \d+ lần/);
  await expect(job.getByRole('button', { name: 'Thử lại ngay' })).toBeVisible();
  await expect(job.getByRole('button', { name: 'Huỷ' })).toBeVisible();

  // The drive is back: nobody clicks anything, and the outbox delivers the story on its next try.
  await mkdir(folder);
  await expect(job.getByTestId('outbox-state')).toHaveText('Đã gửi', { timeout: 45_000 });
  await expect(outboxCount).toHaveText('Hộp thư đi: 0');
  await expect.poll(() => exists(page1)).toBe(true);
  await outbox.getByRole('button', { name: 'Đóng' }).click();
  await expect(row.locator('.badge')).toHaveText('Hẹn giờ');
  await expect(page.getByTestId('workflow-status')).toHaveText('Hẹn giờ');

  // The connection comes back (the browser's `online` event): the outbox sends at once, before its next try is due.
  await rm(folder, { recursive: true });
  await api('outbox.push', { storyId: ready.id });
  const failing = async () => (await api('outbox.list', {})).items.find((item) => item.storyId === ready.id)!;
  // The page's next look at the outbox (every 15 s while nothing was on its way) shows the failure.
  await expect(outboxCount).toHaveText('Hộp thư đi: 1 (1 lỗi)');
  // Wait until the backoff has grown so the next try is well ahead: a delivery now can only be the flush.
  await expect.poll(async () => {
    const item = await failing();
    return item.error !== null && item.nextAttemptAt !== null && Date.parse(item.nextAttemptAt) - Date.now() > 8_000;
  }, { timeout: 40_000, intervals: [500] }).toBe(true);
  const nextTry = Date.parse((await failing()).nextAttemptAt!);
  await mkdir(folder);
  await page.context().setOffline(true);
  await expect(page.locator('.status-online')).toHaveText('Ngoại tuyến');
  await page.context().setOffline(false);
  await expect(page.locator('.status-online')).toHaveText('Trực tuyến');
  await expect.poll(async () => (await failing()).state, { timeout: Math.max(1_000, nextTry - Date.now()), intervals: [200] }).toBe('delivered');
  expect(Date.now()).toBeLessThan(nextTry);
  await expect(outboxCount).toHaveText('Hộp thư đi: 0');
});

test('settings → Xuất bản: a folder that is not there, or not a full path, is refused with the reason; the password is never shown back', async ({ page, host }) => {
  await page.goto(host.url);
  const { settings, target } = await setFolderTarget(page, join(scratch, 'khong-co-thu-muc-nay'));
  await expect(target.getByRole('alert')).toHaveText('Không thấy thư mục này (ổ đĩa chưa cắm, hoặc đường dẫn sai). Kiểm tra lại đường dẫn.');

  await target.getByRole('textbox', { name: 'Thư mục (đường dẫn đầy đủ)' }).fill('Bao in');
  await target.getByRole('button', { name: 'Kiểm tra' }).click();
  await expect(target.getByRole('alert')).toHaveText('Thư mục phải là đường dẫn đầy đủ, ví dụ /media/usb/Dateline hoặc E:\\Dateline. Chưa có gì thay đổi.');

  const wordpress = settings.getByRole('group', { name: 'Trang WordPress' });
  await expect(wordpress.getByText('Đang tắt')).toBeVisible();
  await wordpress.getByRole('button', { name: 'Kiểm tra kết nối' }).click();
  await expect(wordpress.getByRole('alert')).toHaveText('Còn thiếu địa chỉ trang, tên đăng nhập hoặc mật khẩu ứng dụng.');
  // The web host has no OS key store: a password is kept for this session only, and said so.
  await expect(wordpress.getByTestId('password-storage')).toContainText('Máy này không có kho khoá');
  const password = wordpress.getByLabel('Mật khẩu ứng dụng (Application Password)');
  await expect(password).toHaveAttribute('type', 'password');
  await password.fill('abcd efgh ijkl mnop qrst uvwx');
  await wordpress.getByRole('button', { name: 'Lưu' }).click();
  await expect(wordpress.getByTestId('password-storage')).toContainText('Đã lưu mật khẩu, chỉ giữ trong phiên này');
  await expect(password).toHaveValue('');
  await expect(password).toHaveAttribute('placeholder', 'Đã lưu; gõ mật khẩu mới để thay');
  expect(JSON.stringify(await host.api('settings.get', {}))).not.toContain('abcd efgh');
});

test('settings → Xuất bản on a slow disk: the switch turned on and a folder typed in quick succession both stay saved', async ({ page, host }) => {
  const folder = join(scratch, 'Báo in');
  await mkdir(folder);
  // Every settings save takes a second to answer, as on a busy or slow disk.
  await page.route('**/api/settings.update', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await route.continue();
  });
  await page.goto(host.url);
  const { target } = await setFolderTarget(page, folder);
  await expect(target.getByRole('status')).toHaveText(`Ghi được vào thư mục ${folder}.`);
  await expect(target.getByRole('switch', { name: 'Gửi bài vào thư mục' })).toBeChecked();
  await expect(target.getByText('Sẵn sàng gửi')).toBeVisible();

  const saved = (await host.api('settings.get', {})).folderTarget;
  expect(saved).toEqual({ enabled: true, path: folder });
  await page.reload();
  await page.getByRole('button', { name: 'Cài đặt' }).click();
  const again = page.getByRole('dialog', { name: 'Cài đặt tòa soạn' }).getByRole('group', { name: 'Thư mục xuất bản' });
  await expect(again.getByRole('switch', { name: 'Gửi bài vào thư mục' })).toBeChecked();
  await expect(again.getByRole('textbox', { name: 'Thư mục (đường dẫn đầy đủ)' })).toHaveValue(folder);
});
