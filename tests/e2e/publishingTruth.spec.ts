import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { publishableStory, tomorrowSixInHanoi } from '../support/publishableStory';
import { expect, storyPage, test, waitUntilSaved } from './webHostFixture';

// Publishing tells the truth (issue #15, item 1): the checklist names a missing destination, publishing asks once
// where and when, a story marked published with nowhere to go says so everywhere its status shows, and a story
// on its way that an edit breaks is held back, saying why, until it is mended.

// A reporter's laptop: the screenshots are taken at the size the dialogs must fit.
test.use({ viewport: { width: 1366, height: 768 } });

let scratch: string;
test.beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'dateline-truth-'));
});
test.afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const inspectorOf = (page: Page) => page.getByRole('complementary', { name: 'Thông tin bài' });

async function openStory(page: Page, headline: string) {
  await page.locator('.story-row-open', { hasText: headline }).click();
  await expect(storyPage(page).headline).toHaveText(headline);
}

/** Settings → Xuất bản → the folder: its path typed and its switch on, as the reporter sets it up. */
async function switchOnFolder(page: Page, folder: string) {
  const settings = page.getByRole('dialog', { name: 'Cài đặt tòa soạn' });
  const target = settings.getByRole('group', { name: 'Thư mục xuất bản' });
  await target.getByRole('textbox', { name: 'Thư mục (đường dẫn đầy đủ)' }).fill(folder);
  await target.getByRole('switch', { name: 'Gửi bài vào thư mục' }).check();
  await target.getByRole('button', { name: 'Kiểm tra' }).click();
  await expect(target.getByText('Sẵn sàng gửi')).toBeVisible();
  await settings.getByRole('button', { name: 'Đóng', exact: true }).click();
  await expect(settings).toBeHidden();
}

test('with nowhere to publish, the checklist says so, “Đăng ngay” asks first, and the story reads “Đã đăng · chưa gửi đi” in the list, the calendar and the panel until it is sent', async ({ page, host }) => {
  test.setTimeout(120_000);
  const story = await publishableStory(host.api, scratch);
  await page.goto(host.url);
  await openStory(page, story.headline);
  const inspector = inspectorOf(page);
  const status = inspector.getByTestId('workflow-status');
  await expect(status).toHaveText('Đã duyệt');

  // Before the move: the checklist names what is missing, with the way to set it up.
  await inspector.getByRole('button', { name: 'Kiểm tra trước khi đăng' }).click();
  const checked = inspector.getByRole('status', { name: 'Danh sách cần sửa' });
  await expect(checked.getByRole('listitem')).toHaveText(['Chưa có nơi đăng: bật WordPress hoặc thư mục trong Cài đặt → Xuất bản. Mở Cài đặt → Xuất bản']);

  // "Đăng ngay" asks, naming that the story goes nowhere; Escape leaves everything as it was.
  const publish = inspector.getByRole('group', { name: 'Chuyển trạng thái' }).getByRole('button', { name: 'Đăng ngay' });
  await publish.click();
  const asked = page.getByRole('alertdialog', { name: 'Đánh dấu bài “Đã đăng” ngay bây giờ, dù chưa có nơi đăng?' });
  await expect(asked).toBeVisible();
  await expect(asked).toContainText('Bài sẽ hiện “Đã đăng · chưa gửi đi”');
  await expect(asked.getByRole('button', { name: 'Vẫn đánh dấu đã đăng' })).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('publish-nowhere-confirm.png') });
  await page.keyboard.press('Escape');
  await expect(asked).toBeHidden();
  await expect(publish).toBeFocused();
  await expect(status).toHaveText('Đã duyệt');
  expect((await host.storiesOnDisk()).find((s) => s.id === story.id)!.status).toBe('ready');

  // Published anyway (it can be sent later): every place its status shows says it went nowhere.
  await publish.click();
  await asked.getByRole('button', { name: 'Vẫn đánh dấu đã đăng' }).click();
  await expect(asked).toBeHidden();
  await expect(status).toHaveText('Đã đăng · chưa gửi đi');
  const row = page.locator('.story-row-open', { hasText: story.headline });
  await expect(row.locator('.badge')).toHaveText('Đã đăng · chưa gửi đi');
  await expect(row).toHaveAccessibleDescription(/chưa gửi tới nơi đăng nào/);
  await page.getByRole('tab', { name: 'Lịch' }).click();
  const entry = page.getByRole('region', { name: 'Xem tin theo ngày' }).getByRole('button', { name: story.headline }).first();
  await expect(entry.locator('.badge')).toHaveText('Đã đăng · chưa gửi đi');
  await page.screenshot({ path: test.info().outputPath('published-unsent.png') });
  expect((await host.storiesOnDisk()).find((s) => s.id === story.id)!.status).toBe('published');

  // A folder switched on and "Gửi lại": the story is out, and its status says only "Đã đăng".
  const folder = join(scratch, 'Báo điện tử');
  await mkdir(folder);
  await page.getByRole('button', { name: 'Cài đặt' }).click();
  await switchOnFolder(page, folder);
  await page.getByRole('group', { name: 'Gửi bài' }).getByRole('button', { name: 'Gửi lại' }).click();
  await expect(status).toHaveText('Đã đăng');
  await expect(entry.locator('.badge')).toHaveText('Đã đăng');
  await page.getByRole('tab', { name: 'Bài viết' }).click();
  await expect(row.locator('.badge')).toHaveText('Đã đăng');
  expect(await readdir(folder)).toHaveLength(1);
});

test('the checklist’s “Mở Cài đặt → Xuất bản” opens the publishing settings, and with a folder set up, “Hẹn giờ” asks once, naming the folder and the time', async ({ page, host }) => {
  test.setTimeout(120_000);
  const story = await publishableStory(host.api, scratch);
  const folder = join(scratch, 'Tin bài');
  await mkdir(folder);
  await page.goto(host.url);
  await openStory(page, story.headline);
  const inspector = inspectorOf(page);

  await inspector.getByRole('button', { name: 'Kiểm tra trước khi đăng' }).click();
  await inspector.getByRole('status', { name: 'Danh sách cần sửa' }).getByRole('button', { name: 'Mở Cài đặt → Xuất bản' }).click();
  await expect(page.getByRole('dialog', { name: 'Cài đặt tòa soạn' }).getByRole('heading', { name: 'Xuất bản' })).toBeInViewport();
  await switchOnFolder(page, folder);

  const schedule = inspector.getByRole('form', { name: 'Hẹn giờ đăng' }).getByRole('button', { name: 'Hẹn giờ', exact: true });
  await schedule.click();
  const asked = page.getByRole('alertdialog', { name: /^Hẹn đăng lên thư mục .* lúc (Thứ \d|Chủ nhật), \d\d\/\d\d\/\d{4} \| 06:00:00\?$/ });
  await expect(asked).toBeVisible();
  await expect(asked).toHaveAccessibleName(`Hẹn đăng lên thư mục ${folder} lúc ${await scheduledText(page, tomorrowSixInHanoi().publishAt)}?`);
  await page.screenshot({ path: test.info().outputPath('schedule-confirm.png') });
  await asked.getByRole('button', { name: 'Huỷ' }).click();
  await expect(schedule).toBeFocused();
  await expect(inspector.getByTestId('workflow-status')).toHaveText('Đã duyệt');

  await schedule.click();
  await asked.getByRole('button', { name: 'Hẹn giờ' }).click();
  await expect(inspector.getByTestId('workflow-status')).toHaveText('Hẹn giờ');
  await expect.poll(async () => (await readdir(folder)).length).toBe(1);
});

/** The time as the dialog writes it: the newsroom's "Thứ 6, 15/05/2026 | 06:00:00". */
async function scheduledText(page: Page, at: string): Promise<string> {
  return page.evaluate((iso) => {
    const zone = 'Asia/Ho_Chi_Minh';
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
        .formatToParts(new Date(iso))
        .map((part) => [part.type, part.value]),
    );
    const weekday = { Mon: 'Thứ 2', Tue: 'Thứ 3', Wed: 'Thứ 4', Thu: 'Thứ 5', Fri: 'Thứ 6', Sat: 'Thứ 7', Sun: 'Chủ nhật' }[parts.weekday as string];
    return `${weekday}, ${parts.day}/${parts.month}/${parts.year} | ${parts.hour}:${parts.minute}:${parts.second}`;
  }, at);
}

test('a scheduled story whose sapo is emptied is held back, saying why, and goes out once the sapo is back', async ({ page, host }) => {
  test.setTimeout(150_000);
  const folder = join(scratch, 'Tin bài');
  await mkdir(folder);
  await host.api('settings.update', { folderTarget: { enabled: true, path: folder } });
  const story = await publishableStory(host.api, scratch);
  await host.api('stories.transition', { id: story.id, to: 'scheduled', publishAt: tomorrowSixInHanoi().publishAt });
  await expect.poll(async () => (await host.api('outbox.list', {})).items[0]?.state, { timeout: 30_000 }).toBe('delivered');
  const [storyFolder] = await readdir(folder);
  const sentPage = join(folder, storyFolder!, 'index.html');
  const sentBefore = await readFile(sentPage, 'utf8');

  await page.goto(host.url);
  await openStory(page, story.headline);
  const inspector = inspectorOf(page);
  const status = inspector.getByTestId('workflow-status');
  await expect(status).toHaveText('Hẹn giờ');

  // The reporter empties the sapo, as a slip of the keyboard would.
  const { sapo } = storyPage(page);
  await sapo.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await expect(sapo).toHaveText('');
  await waitUntilSaved(page);

  const notice = inspector.getByTestId('hold-notice');
  await expect(notice).toContainText('Bài hẹn giờ bị giữ lại, chưa gửi đi:');
  await expect(notice.getByRole('listitem')).toHaveText(['Chưa có sapo.']);
  await expect(status).toHaveText('Hẹn giờ · bị giữ lại');
  const row = page.locator('.story-row-open', { hasText: story.headline });
  await expect(row.locator('.badge')).toHaveText('Hẹn giờ · bị giữ lại');
  await expect(row).toHaveAccessibleDescription(/Bị giữ lại, chưa gửi: Chưa có sapo\./);
  await page.screenshot({ path: test.info().outputPath('held-back.png') });
  // The status bar counts it as held back, not as a failure: nothing went wrong but the story.
  await expect(page.getByTestId('outbox-count')).toHaveText('Hộp thư đi: 1 (1 bị giữ lại)');
  await page.getByTestId('outbox-count').click();
  const outbox = page.getByRole('dialog', { name: 'Hộp thư đi' });
  await expect(outbox.getByTestId('outbox-state')).toHaveText('Bị giữ lại');
  await expect(outbox.locator('.outbox-reason')).toHaveText('Bị giữ lại, chưa gửi: Chưa có sapo. Sửa bài rồi lưu, Dateline sẽ tự gửi.');
  await outbox.getByRole('button', { name: 'Đóng' }).click();
  // Nothing went out: the page in the folder is still the one checked when the story was scheduled.
  expect(await readFile(sentPage, 'utf8')).toBe(sentBefore);

  await sapo.click();
  await page.keyboard.type('Sáng 12/1, Quảng Ninh thông xe tuyến đường ven biển dài 16 km, sớm hai tháng.');
  await waitUntilSaved(page);
  await expect(notice).toBeHidden();
  await expect(status).toHaveText('Hẹn giờ', { timeout: 30_000 });
  await expect.poll(() => readFile(sentPage, 'utf8'), { timeout: 30_000 }).toContain('sớm hai tháng.');
});
